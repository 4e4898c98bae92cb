"""``kisync sync``."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

from .common import Context, echo_json, fail, locks_project, pass_context, warn
from .push import print_report

_LABELS = {"pull": "Reading pages", "pretranslate": "Pretranslating", "push": "Publishing"}


@click.command("sync")
@click.option(
    "--lang",
    "languages",
    multiple=True,
    metavar="L",
    help="Only publish this language. Repeatable.",
)
@click.option(
    "--page", "pages", multiple=True, metavar="KEY", help="Only this page (* allowed). Repeatable."
)
@click.option("--dry-run", is_flag=True, help="Show what each step would do; write nothing.")
@click.option("--force", is_flag=True, help="Push: overwrite pages changed on the target.")
@click.option(
    "--no-machine", is_flag=True, help="Send nothing to machine-translation engines this time."
)
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text")
@pass_context
@locks_project
def sync_command(
    context: Context,
    languages: tuple[str, ...],
    pages: tuple[str, ...],
    dry_run: bool,
    force: bool,
    no_machine: bool,
    output: str,
) -> None:
    """Pull, pretranslate and push in one go, with one summary.

    Reads the German pages into the PO files, proposes translations (fuzzy, for a
    translator to confirm), and publishes every translated page that is complete enough.
    """
    project = context.project
    report = project.sync(
        languages, pages, dry_run=dry_run, force=force, machine=not no_machine, progress=_bars()
    )
    if output == "json":
        data = {
            "pull": {"summary": report.pull.summary(), "failures": report.pull.failures},
            "pretranslate": report.pretranslate.to_json(),
            "push": report.push.to_json(),
        }
        data["summary"] = report.summary()
        data["exit_code"] = report.exit_code
        echo_json(data)
        click.get_current_context().exit(report.exit_code)
    for message in report.pull.warnings:
        warn(message)
    for message in report.pretranslate.dropped:
        warn(message)
    for message in report.pull.failures + report.pretranslate.failures:
        fail(message)
    for line in report.pretranslate.sent_lines():
        click.echo(line)
    print_report(report.push, dry_run)
    click.echo(report.summary())
    if report.push.conflicts:
        fail("pages changed on the target were left alone; see them above (kisync push --force)")
    click.get_current_context().exit(report.exit_code)


def _bars() -> Callable[[str], Callable[[int, int], None] | None] | None:
    """One progress bar per step on a terminal, each finished before the next starts."""
    if not sys.stderr.isatty():
        return None
    current: list = []

    def for_step(step: str) -> Callable[[int, int], None]:
        def update(done: int, total: int) -> None:
            if not current:
                bar = click.progressbar(
                    length=total, label=_LABELS.get(step, step), file=sys.stderr
                )
                bar.__enter__()
                current.append(bar)
            bar = current[0]
            bar.update(done - bar.pos)
            if done >= total:
                bar.__exit__(None, None, None)
                current.clear()

        return update

    return for_step
