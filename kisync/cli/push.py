"""``kisync push``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from .common import Context, echo_json, fail, locks_project, pass_context, progress_bar, warn
from .options import languages_option, pages_option

if TYPE_CHECKING:
    from ..publish.push import PushReport

_VERBS = {
    "create": ("created", "would create"),
    "update": ("updated", "would update"),
    "adopt": ("recorded (already on the target)", "would record (already on the target)"),
    "withdraw": ("withdrawn", "would withdraw"),
    "withheld": ("not published", "would skip"),
    "kept": ("left online as it was", "would leave online as it was"),
    "unchanged": ("unchanged", "unchanged"),
    "conflict": ("CONFLICT", "CONFLICT"),
}


@click.command("push")
@languages_option
@pages_option
@click.option("--dry-run", is_flag=True, help="Show what would change, with a diff; write nothing.")
@click.option(
    "--force",
    is_flag=True,
    help="Check and rewrite every page, overwriting changes made on the target since kisync "
    "wrote it (each is named, with the text it held). Try it with --dry-run first.",
)
@click.option(
    "--insecure",
    is_flag=True,
    help="Allow sending the WordPress password over plain http to another computer.",
)
@click.option(
    "--create-languages",
    is_flag=True,
    help="WordPress with Polylang: add the project's languages that Polylang lacks (needs an "
    "administrator's Application Password).",
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    help="json: one document with every page's outcome (see README).",
)
@pass_context
@locks_project
def push_command(
    context: Context,
    languages: tuple[str, ...],
    pages: tuple[str, ...],
    dry_run: bool,
    force: bool,
    insecure: bool,
    create_languages: bool,
    output: str,
) -> None:
    """Publish the translated pages that are complete enough.

    A page is published in a language when at least [publish] min_completeness percent
    of its strings are translated; strings still missing are shown in German, marked
    lang="de". Pages that did not change are not touched. A page edited on the target
    since kisync wrote it is not overwritten (exit code 1) unless you pass --force: the
    difference is shown and kept in .kisync/conflicts/, and `kisync harvest --from-edits`
    takes the edit into the PO file.
    """
    project = context.project
    if force and not dry_run and output == "text":
        warn(
            "--force: pages changed on the target since kisync wrote them are overwritten; "
            "each is named below with the text it held"
        )
    with progress_bar("Publishing") as progress:
        report = project.push(
            languages,
            pages,
            dry_run=dry_run,
            force=force,
            insecure=insecure,
            progress=progress,
            create_languages=create_languages,
        )
    if output == "json":
        echo_json(report.to_json())
        click.get_current_context().exit(report.exit_code)
    print_report(report, dry_run)
    click.echo(report.summary())
    if report.conflicts:
        fail(
            f"{len(report.conflicts)} page(s) differ on the target from what kisync wrote and "
            "were left as they are (the differences are above and in .kisync/conflicts/); "
            "keep the changes with kisync harvest --from-edits, or overwrite them with "
            "kisync push --force"
        )
    click.get_current_context().exit(report.exit_code)


def print_report(report: PushReport, dry_run: bool) -> None:
    """Warnings, one line per page that matters (every page with --dry-run), failures."""
    if dry_run:
        for line in report.site:
            click.echo(line)
    for message in report.warnings:
        warn(message)
    for held in report.held_back:
        warn(held.describe())
    for result in report.results:
        if result.action == "failed" or (
            not dry_run and result.action in ("unchanged", "withheld")
        ):
            continue
        verb = _VERBS[result.action][1 if dry_run else 0]
        where = f" → {result.url}" if result.url else ""
        note = f" ({result.message})" if result.message else ""
        line = f"{result.language} {result.key}: {verb}{where}{note}"
        if result.action == "conflict":
            fail(line)
        else:
            click.echo(line)
        if result.diff:
            click.echo(result.diff, nl=False)
    for message in report.failures:
        fail(message)
