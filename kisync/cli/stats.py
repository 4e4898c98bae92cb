"""``kisync stats``."""

from __future__ import annotations

import click

from .common import Context, pass_context
from .options import languages_option, pages_option


@click.command("stats")
@languages_option
@pages_option
@click.option(
    "--by",
    type=click.Choice(["language", "page"]),
    default="language",
    show_default=True,
    help="One row per language, or per page (a page × language table).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "markdown"]),
    default="table",
    show_default=True,
)
@pass_context
def stats_command(
    context: Context, languages: tuple[str, ...], pages: tuple[str, ...], by: str, fmt: str
) -> None:
    """How far each language is: strings and German words, translated or not.

    Fuzzy and empty entries count as not done; obsolete entries and the header do not
    count (the same numbers as `msgfmt --statistics`). Words are German source words,
    what translation costs are estimated on.
    """
    from ..progress.reports import json_text, render, stats_table

    stats = context.project.stats(languages, pages)
    if fmt == "json":
        click.echo(json_text(stats.to_json()))
    else:
        click.echo(render(stats_table(stats, by, fmt), fmt), nl=False)
