"""``kisync report``."""

from __future__ import annotations

from pathlib import Path

import click

from .common import Context, pass_context
from .options import languages_option, pages_option


@click.command("report")
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    metavar="DIR",
    help="Folder for index.html, badges/<lang>.svg and stats.json.",
)
@languages_option
@pages_option
@pass_context
def report_command(
    context: Context, output: Path, languages: tuple[str, ...], pages: tuple[str, ...]
) -> None:
    """Write a progress dashboard (static HTML) and a badge per language.

    Open DIR/index.html in any browser, offline too; put DIR/badges/<lang>.svg in a
    README or on an intranet page.
    """
    click.echo(context.project.report(output, languages, pages).summary())
