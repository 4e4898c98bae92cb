"""``kisync import``."""

from __future__ import annotations

from pathlib import Path

import click

from .common import Context, echo_json, locks_project, pass_context, warn


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Say what would be taken; change nothing.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@pass_context
@locks_project
def returned_command(context: Context, file: Path, dry_run: bool, fmt: str) -> None:
    """Bring back a translator's work (the zip, or the PO or XLIFF file in it).

    Each returned translation is taken where nobody changed the string since the export,
    taken as fuzzy where the German text changed, and listed as a conflict (never
    overwritten) where the project translated it meanwhile. Exit 1 when there are
    conflicts or translations that fail a check.
    """
    report = context.project.import_returned(file, dry_run=dry_run)
    if fmt == "json":
        echo_json(report.to_json())
    else:
        for problem in report.problems:
            warn(problem)
        click.echo(report.summary())
        for line in report.page_lines():
            click.echo(line)
    click.get_current_context().exit(report.exit_code)
