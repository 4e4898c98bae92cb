"""What every command shares: the project, the error boundary, output helpers."""

from __future__ import annotations

import functools
import importlib
import json
import logging
import sys
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from ..errors import KisyncError, describe_os_error
from ..project import Project

OPTIONS = {
    "by": "--by",
    "create_languages": "kisync push --create-languages",
    "force": "--force",
    "glossary_file": "--from FILE.tbx",
    "insecure": "--insecure",
    "into": "--into FILE.tbx",
    "languages": "--language",
    "output": "--output",
    "port": "--port",
    "project": "--project DIR",
}
"""How the command line says the parameters a library error names (see
:meth:`KisyncError.naming <kisync.errors.KisyncError.naming>`): the library's messages
name no option of the command line."""


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


class LazyCommands(MutableMapping[str, click.Command]):
    """A group's commands, each imported from ``kisync.cli.<module>`` when first used.

    Starting ``kisync stats`` then does not import what ``preview`` or ``glossary``
    need; ``cli.commands`` still lists every command.
    """

    def __init__(self, modules: dict[str, str]) -> None:
        self._modules = dict(modules)
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded:
            module = self._modules[name]
            loaded = importlib.import_module(f"kisync.cli.{module}")
            self._loaded[name] = getattr(loaded, f"{module}_command")
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        if name not in self._modules and name not in self._loaded:
            raise KeyError(name)
        self._modules.pop(name, None)
        self._loaded.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted({*self._modules, *self._loaded}))

    def __len__(self) -> int:
        return len({*self._modules, *self._loaded})


class KisyncGroup(click.Group):
    """Turns every :class:`KisyncError` and :class:`OSError` (disk full, no permission)
    into one line on stderr and exit code 2.

    ``lazy_commands`` maps command names to the modules of ``kisync.cli`` that define
    ``<module>_command`` (see :class:`LazyCommands`).
    """

    def __init__(self, *args: Any, lazy_commands: dict[str, str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if lazy_commands:
            commands = LazyCommands(lazy_commands)
            commands.update(self.commands)
            self.commands = commands

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KisyncError as error:
            message = error.naming_options(OPTIONS)
            click.secho(f"kisync: error: {message}", err=True, fg="red")
            ctx.exit(error.exit_code)
        except OSError as error:  # a full disk, a read-only folder … wherever it happens
            click.secho(f"kisync: error: {describe_os_error(error)}", err=True, fg="red")
            ctx.exit(2)
        except KeyboardInterrupt:
            click.echo("kisync: interrupted; files written so far are complete", err=True)
            ctx.exit(130)


def locks_project(command: Callable[..., Any]) -> Callable[..., Any]:
    """For a command that writes: run it holding the project's lock (two runs on one
    project never interleave; see :mod:`kisync.util.runlock`). A ``--dry-run`` writes
    nothing and takes no lock."""

    @functools.wraps(command)
    def locked(context: Context, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("dry_run"):
            return command(context, *args, **kwargs)
        with context.project.lock(command_line()):
            return command(context, *args, **kwargs)

    return locked


def command_line() -> str:
    """The running command as typed, without its options: ``kisync glossary import``."""
    names = []
    ctx: click.Context | None = click.get_current_context()
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(["kisync", *reversed(names)])


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
