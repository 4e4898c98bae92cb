"""``kisync pretranslate``."""

from __future__ import annotations

import click

from .common import Context, echo_json, fail, locks_project, pass_context
from .options import languages_option, pages_option


@click.command("pretranslate")
@languages_option
@pages_option
@click.option("--dry-run", is_flag=True, help="Say what would change; write nothing.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@pass_context
@locks_project
def pretranslate_command(
    context: Context, languages: tuple[str, ...], pages: tuple[str, ...], dry_run: bool, fmt: str
) -> None:
    """Propose translations for untranslated strings, marked fuzzy for review.

    Proposals come from the same German text translated on another page, from the
    glossary (strings that are one glossary term) and from similar German texts. Existing
    translations are never changed; glossary notes are refreshed.
    """
    report = context.project.pretranslate(languages, pages, dry_run=dry_run)
    if fmt == "json":
        echo_json(report.to_json())
    else:
        for message in report.failures:
            fail(message)
        click.echo(report.summary())
        if report.filled and not dry_run:
            click.echo("Next: translators review the fuzzy strings (Poedit: Needs work).")
    click.get_current_context().exit(report.exit_code)
