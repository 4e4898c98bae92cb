"""``kisync harvest``."""

from __future__ import annotations

import click

from .common import Context, echo_json, fail, locks_project, pass_context, progress_bar
from .options import languages_option, pages_option


@click.command("harvest")
@languages_option
@pages_option
@click.option("--dry-run", is_flag=True, help="Say what would be harvested; write nothing.")
@click.option(
    "--from-edits",
    is_flag=True,
    help="Take the changes made on the target to pages kisync published (the conflicts of "
    "kisync push) into the PO files, fuzzy, with a note.",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@pass_context
@locks_project
def harvest_command(
    context: Context,
    languages: tuple[str, ...],
    pages: tuple[str, ...],
    dry_run: bool,
    from_edits: bool,
    fmt: str,
) -> None:
    """Take the translations the portal already has into the PO files, marked fuzzy.

    Each German page is aligned with its existing translation (see [harvest] in
    kisync.toml); strings that pair up safely are proposed for review. Translations
    already in the PO files are never changed; text still in German is never taken.

    With --from-edits: pages edited on the target since kisync published them give
    their changed strings to the PO files (replacing the translation, marked fuzzy, the
    old one kept in a note); kisync push then no longer reports them as conflicts.
    """
    if from_edits:
        _from_edits(context, languages, pages, dry_run, fmt)
        return
    with progress_bar("harvesting") as progress:
        report = context.project.harvest(languages, pages, dry_run=dry_run, progress=progress)
    if fmt == "json":
        echo_json(report.to_json())
    else:
        for page in report.pages:
            if page.source:
                click.echo(_line(page))
        for message in report.failures:
            fail(message)
        click.echo(report.summary())
        if report.filled and not dry_run:
            click.echo("Next: translators review the fuzzy strings (Poedit: Needs work).")
    click.get_current_context().exit(report.exit_code)


def _line(page) -> str:
    a = page.alignment
    head = f"{page.language} {page.page}: {page.status}"
    if a is None:
        return f"{head}; {page.message}"
    counts = (
        f"confidence {a.confidence:.0f}%, {a.paired} paired ({len(a.proposals)} usable), "
        f"unpaired {a.unpaired_german} German / {a.unpaired_translated} translated, "
        f"{a.still_german} still German, {a.merged} merged"
    )
    if page.status == "harvested":
        counts += f"; {page.filled} filled, {page.kept} kept"
        if page.missing:
            counts += f", {page.missing} not in the catalog (run kisync pull)"
    return f"{head} ({page.source}): {counts}" + (f"; {page.message}" if page.message else "")


def _from_edits(
    context: Context, languages: tuple[str, ...], pages: tuple[str, ...], dry_run: bool, fmt: str
) -> None:
    report = context.project.harvest_edits(
        languages, pages, dry_run=dry_run, insecure=context.insecure
    )
    if fmt == "json":
        echo_json(report.to_json())
    else:
        for page in report.pages:
            note = f"; {page.message}" if page.message else ""
            click.echo(
                f"{page.language} {page.page}: edited on the target ({page.url}); "
                f"{page.taken} string(s) → {page.catalog}{note}"
            )
        for message in report.failures:
            fail(message)
        click.echo(report.summary())
        if report.pages and not dry_run:
            click.echo(
                "Next: translators review the fuzzy strings (Poedit: Needs work); "
                "then kisync push publishes them."
            )
    click.get_current_context().exit(report.exit_code)
