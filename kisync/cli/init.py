"""``kisync init``."""

from __future__ import annotations

from pathlib import Path

import click

from ..init import DEFAULT_LANGUAGES, write_starter
from ..project import STATE_FOLDER
from ..util.runlock import project_lock
from .common import Context, command_line, pass_context


@click.command("init")
@click.argument("source", default="portal")
@click.option(
    "--kind",
    type=click.Choice(["files", "crawl", "wordpress"]),
    help="Kind of portal (default: guessed from SOURCE).",
)
@click.option(
    "--language",
    "languages",
    multiple=True,
    metavar="CODE",
    help=f"Target language, repeatable (default: {' '.join(DEFAULT_LANGUAGES)}).",
)
@click.option("--force", is_flag=True, help="Replace an existing kisync.toml.")
@pass_context
def init_command(
    context: Context, source: str, kind: str | None, languages: tuple[str, ...], force: bool
) -> None:
    """Create a commented kisync.toml for a folder of pages or a portal URL.

    SOURCE is a folder of German HTML pages (default: portal) or the portal's address
    (https://…); for an address kisync checks whether it is a WordPress site.
    """
    folder = context.project_dir or Path.cwd()
    with project_lock(folder / STATE_FOLDER, command_line()):
        report = write_starter(
            folder, source, kind=kind, languages=languages or DEFAULT_LANGUAGES, force=force
        )
    click.echo(report.summary())
    click.echo(f"Next: check {report.written[0].name}, then run `kisync pull`.")
