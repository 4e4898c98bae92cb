"""What every command shares: the project, the error boundary, output helpers."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from ..errors import KisyncError
from ..project import Project


class Context:
    """``ctx.obj``: options of the ``kisync`` group and the lazily loaded project."""

    def __init__(self, project_dir: Path | None, *, insecure: bool = False) -> None:
        self.project_dir = project_dir
        self.insecure = insecure
        self._project: Project | None = None

    @property
    def project(self) -> Project:
        if self._project is None:
            self._project = Project.load(self.project_dir, insecure=self.insecure)
        return self._project


pass_context = click.make_pass_decorator(Context)


class KisyncGroup(click.Group):
    """Turns every :class:`KisyncError` into one line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KisyncError as error:
            click.secho(f"kisync: error: {error}", err=True, fg="red")
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            click.echo("kisync: interrupted; files written so far are complete", err=True)
            ctx.exit(130)


def setup_logging(verbose: int) -> None:
    level = logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="kisync: %(message)s", stream=sys.stderr)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def warn(message: str) -> None:
    click.secho(f"kisync: warning: {message}", err=True, fg="yellow")


def fail(message: str) -> None:
    click.secho(f"kisync: {message}", err=True, fg="red")


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A progress callback drawing a bar on a terminal, or None when stderr is not one."""
    if not sys.stderr.isatty():
        yield None
        return
    bar = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
