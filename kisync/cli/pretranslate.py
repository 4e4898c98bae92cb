"""``kisync pretranslate``."""

from __future__ import annotations

import click

from .common import Context, echo_json, fail, locks_project, pass_context, warn
from .options import languages_option, pages_option


@click.command("pretranslate")
@languages_option
@pages_option
@click.option(
    "--dry-run",
    is_flag=True,
    help="Say what would change and what would be sent to engines; write and send nothing.",
)
@click.option(
    "--no-machine", is_flag=True, help="Send nothing to machine-translation engines this time."
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@pass_context
@locks_project
def pretranslate_command(
    context: Context,
    languages: tuple[str, ...],
    pages: tuple[str, ...],
    dry_run: bool,
    no_machine: bool,
    fmt: str,
) -> None:
    """Propose translations for untranslated strings, marked fuzzy for review.

    Proposals come from the same German text translated on another page, from the
    glossary (strings that are one glossary term), from similar German texts and, last,
    from a machine-translation engine where [machine_translation] routes the language to
    one. Existing translations are never changed; glossary notes are refreshed.
    """
    report = context.project.pretranslate(languages, pages, dry_run=dry_run, machine=not no_machine)
    if fmt == "json":
        echo_json(report.to_json())
    else:
        for message in report.dropped:
            warn(message)
        for message in report.failures:
            fail(message)
        for line in report.sent_lines():
            click.echo(line)
        click.echo(report.summary())
        if report.filled and not dry_run:
            click.echo("Next: translators review the fuzzy strings (Poedit: Needs work).")
    click.get_current_context().exit(report.exit_code)
