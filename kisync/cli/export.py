"""``kisync export``."""

from __future__ import annotations

from pathlib import Path

import click

from .common import Context, echo_json, pass_context
from .options import pages_option


@click.command("export")
@click.option("--lang", "language", required=True, metavar="L", help="The language to hand out.")
@pages_option
@click.option(
    "--only-untranslated", is_flag=True, help="Leave out strings that have a fuzzy proposal."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["po", "xliff", "tmx"]),
    default="po",
    help="po: a package for volunteers (Poedit); xliff: for agencies (memoQ, Trados, "
    "Phrase); tmx: the translation memory.",
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write (.zip; .tmx for --format tmx).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_context
def export_command(
    context: Context,
    language: str,
    pages: tuple[str, ...],
    only_untranslated: bool,
    fmt: str,
    output: Path,
    as_json: bool,
) -> None:
    """Hand out the strings of one language that need work, to translate outside kisync.

    Writes a zip with one PO file (volunteers; with a short guide and the glossary) or one
    XLIFF 1.2 file (agencies), or the translation memory as TMX. Bring the work back
    with `kisync import FILE`.
    """
    report = context.project.export(
        language, pages, output, fmt=fmt, only_untranslated=only_untranslated
    )
    if as_json:
        echo_json(report.to_json())
        return
    click.echo(report.summary())
    if fmt != "tmx":
        click.echo(
            f"Next: send {output.name} to the translator; bring it back with "
            f"`kisync import {output.name}`."
        )
