"""``kisync review``."""

from __future__ import annotations

import click

from .common import Context, echo_json, fail, pass_context
from .options import pages_option


@click.command("review")
@click.option(
    "--lang",
    "language",
    required=True,
    metavar="L",
    help="The language whose strings were reviewed, e.g. de-x-ls.",
)
@pages_option
@click.option(
    "--by",
    required=True,
    metavar="WHO",
    help='Who reviewed them, e.g. "Prüfgruppe Lebenshilfe Heinsberg"; written into the files.',
)
@click.option("--dry-run", is_flag=True, help="Count what would be marked; write nothing.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@pass_context
def review_command(
    context: Context, language: str, pages: tuple[str, ...], by: str, dry_run: bool, fmt: str
) -> None:
    """Mark the finished strings of a language as reviewed by their readers.

    Run it after a Prüfgruppe has checked the pages (for Leichte Sprache): every
    translated, non-fuzzy string of the selected pages gets a comment
    `# reviewed: DATE WHO #HASH`. The hash belongs to the translation: when someone
    edits it later, the string counts as unreviewed again. Languages listed in
    [publish] require_review publish only reviewed strings.
    """
    report = context.project.review(language, pages, by=by, dry_run=dry_run)
    if fmt == "json":
        echo_json(report.to_json())
    else:
        for message in report.failures:
            fail(message)
        click.echo(report.summary())
        if report.marked and not dry_run:
            click.echo("Next: kisync push publishes the reviewed strings.")
    click.get_current_context().exit(report.exit_code)
