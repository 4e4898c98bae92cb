"""``kisync glossary match|lint|export|import|remove``."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import click

from ..config import find_config
from ..errors import ConfigError, KisyncError
from ..project import Project
from ..translate import Glossary, glossary_or_shipped, load_glossaries
from ..translate.export import (
    EXPORT_FORMATS,
    default_glossary_file,
    export_glossary,
    import_glossary_file,
    match_glossary,
    remove_concepts,
    write_glossary,
)
from ..translate.glossarylint import check_glossary
from .common import Context, command_line, echo_json, pass_context

glossary_files = click.option(
    "--glossary",
    "files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Glossary file (.tbx or .csv) instead of the project's [glossary] files. Repeatable.",
)


@click.group("glossary")
def glossary_command() -> None:
    """The integration glossary: find terms, check it, export and import it.

    Without --glossary, the files of [glossary] in kisync.toml are used; outside a
    project, the integration glossary shipped with kisync.
    """


@glossary_command.command("match")
@click.argument("text")
@click.option("--lang", "languages", multiple=True, metavar="L", help="Only translations into L.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@glossary_files
@pass_context
def match_command(
    context: Context, text: str, languages: tuple[str, ...], fmt: str, files: tuple[Path, ...]
) -> None:
    """Find the glossary terms in a German TEXT (inflected, compound, gender forms …)."""
    project = _project(context)
    shown = project.config.languages if project is not None else ()
    report = match_glossary(_glossary(context, files), text, languages, shown)
    if fmt == "json":
        echo_json(report.to_json())
        return
    for line in report.lines():
        click.echo(line)


@glossary_command.command("lint")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@glossary_files
@pass_context
def lint_command(context: Context, fmt: str, files: tuple[Path, ...]) -> None:
    """Check the glossary: missing languages, duplicate terms, conflicting statuses,
    keep-in-German terms with another translation. Exit 1 when there are errors."""
    project = _project(context)
    if project is not None and not files:
        report = project.lint_glossary()
    else:
        report = check_glossary(_glossary(context, files))
    if fmt == "json":
        echo_json(report.to_json())
    else:
        for line in report.lines():
            click.echo(line)
        click.echo(report.summary())
    click.get_current_context().exit(report.exit_code)


@glossary_command.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(sorted(EXPORT_FORMATS)), default="tbx", show_default=True
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    help="File to write (weblate: a folder, one <language>.tbx per language). Default: stdout.",
)
@click.option(
    "--lang", "languages", multiple=True, metavar="L", help="Only language L. Repeatable."
)
@glossary_files
@pass_context
def export_command(
    context: Context,
    fmt: str,
    output: Path | None,
    languages: tuple[str, ...],
    files: tuple[Path, ...],
) -> None:
    """Write the glossary as CSV (for spreadsheets), TBX v3, TBX v2 or Weblate files."""
    glossary = _glossary(context, files)
    if output is not None:
        for line in write_glossary(glossary, fmt, output, languages).lines():
            click.echo(line)
        return
    exported = export_glossary(glossary, fmt, languages)
    if len(exported) > 1:
        raise KisyncError("--format weblate writes one file per language: add --output FOLDER")
    click.echo(next(iter(exported.values())).decode("utf-8"), nl=False)


@glossary_command.command("import")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--into",
    type=click.Path(dir_okay=False, path_type=Path),
    help="TBX file to update (default: the first file of [glossary] in kisync.toml).",
)
@click.option("--dry-run", is_flag=True, help="Say what would change; write nothing.")
@pass_context
def import_command(context: Context, source: Path, into: Path | None, dry_run: bool) -> None:
    """Add or update concepts from SOURCE (a CSV exported and edited in a spreadsheet).

    Concepts are matched by id; none is deleted. The result is written as TBX v3, and
    only when `kisync glossary lint` would find no error in it; its warnings about the
    imported concepts (a translation that names no source …) are listed.
    """
    project = _project(context)
    if project is None:
        target = into or default_glossary_file(())
        report = import_glossary_file(source, target, dry_run=dry_run)
    else:
        with nullcontext() if dry_run else project.lock(command_line()):
            report = project.import_glossary(source, into, dry_run=dry_run)
    click.echo(report.summary())
    for line in report.lines():
        click.echo(line)


@glossary_command.command("remove")
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@click.option(
    "--from",
    "source",
    type=click.Path(dir_okay=False, path_type=Path),
    help="TBX file to remove from (default: the first file of [glossary] in kisync.toml).",
)
@click.option("--dry-run", is_flag=True, help="Say what would be removed; write nothing.")
@pass_context
def remove_command(
    context: Context, ids: tuple[str, ...], source: Path | None, dry_run: bool
) -> None:
    """Remove the concepts ID... (the first column of the CSV export) from the glossary.

    For a concept that should not be in the glossary at all (import never deletes one);
    to retire a wording, mark its term deprecated or superseded instead. An unknown id
    stops the command before anything is written.
    """
    project = _project(context)
    if project is None:
        target = source or default_glossary_file((), "glossary_file")
        removal = remove_concepts(target, ids, dry_run=dry_run)
    else:
        with nullcontext() if dry_run else project.lock(command_line()):
            removal = project.remove_concepts(ids, source, dry_run=dry_run)
    click.echo(removal.summary())


# -- helpers -----------------------------------------------------------------------


def _glossary(context: Context, files: tuple[Path, ...]) -> Glossary:
    """The --glossary files, else the project's glossary, else the shipped one."""
    if files:
        return load_glossaries(files)
    project = _project(context)
    return project.glossary_or_shipped() if project is not None else glossary_or_shipped()


def _project(context: Context) -> Project | None:
    """The project, or None when there is no kisync.toml here or above."""
    if context.project_dir is None:
        try:
            find_config()
        except ConfigError:
            return None
    return context.project
