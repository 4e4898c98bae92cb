"""``kisync pull``."""

from __future__ import annotations

import click

from .common import Context, fail, locks_project, pass_context, progress_bar, warn
from .options import pages_option


@click.command("pull")
@pages_option
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@pass_context
@locks_project
def pull_command(context: Context, pages: tuple[str, ...], dry_run: bool) -> None:
    """Extract the portal's German pages into PO catalogs.

    Writes po/templates/<page>.pot and po/<language>/<page>.po for every page and
    language. Translations are kept; changed German text comes back as "fuzzy" with
    the old translation; removed text is kept as obsolete (#~) entries.
    """
    project = context.project
    with progress_bar("Reading pages") as progress:
        report = project.pull(pages, dry_run=dry_run, progress=progress)
    for message in report.warnings:
        warn(message)
    for message in report.failures:
        fail(message)
    if dry_run:
        for path in report.written:
            click.echo(f"would write {_relative(path, project.root)}")
    for key in report.gone:
        warn(f"page {key} is no longer on the portal; its catalogs were kept")
    click.echo(report.summary())
    if report.failures:
        fail("some pages or catalogs failed (see above); the rest is up to date")
    elif not dry_run and report.changed_pages:
        click.echo(
            f"Next: translators edit {_relative(project.catalogs_dir, project.root)}/<language>/"
            "*.po (Poedit, Lokalize, Weblate)."
        )
    click.get_current_context().exit(report.exit_code)


def _relative(path, root) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
