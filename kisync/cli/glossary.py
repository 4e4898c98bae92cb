"""``kisync glossary match|lint|export|import``."""

from __future__ import annotations

import logging
from contextlib import nullcontext
from pathlib import Path

import click

from ..config import find_config
from ..errors import ConfigError, KisyncError
from ..project import Project
from ..translate import Glossary, load_glossaries, load_glossary, shipped_glossary_path
from ..translate.export import EXPORT_FORMATS, export_glossary, import_glossary, match_json
from ..translate.glossarylint import GlossaryProblem, lint_glossary
from ..translate.matcher import Matcher
from ..translate.notes import describe, target_text
from ..util.fsutil import write_if_changed
from .common import Context, command_line, echo_json, pass_context

log = logging.getLogger(__name__)

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
    glossary = _glossary(context, files)
    matches = Matcher(glossary).find(text)
    data = match_json(matches, glossary, languages)
    if fmt == "json":
        echo_json(data)
        return
    if not matches:
        click.echo("no glossary terms found")
    source = glossary.source_language
    for match, item in zip(matches, data, strict=True):
        click.echo(f"{match.text} ({match.start}–{match.end}): {describe(match, source)}")
        for language in item["translations"]:
            hint = target_text(match.concept, match.term, language, source)
            click.echo(f"  {language}: {hint}")


@glossary_command.command("lint")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@glossary_files
@pass_context
def lint_command(context: Context, fmt: str, files: tuple[Path, ...]) -> None:
    """Check the glossary: missing languages, duplicate terms, conflicting statuses,
    keep-in-German terms with another translation. Exit 1 when there are errors."""
    glossary = _glossary(context, files)
    languages = _project_languages(context) if not files else ()
    problems = lint_glossary(glossary, languages)
    if fmt == "json":
        echo_json([problem.to_json() for problem in problems])
    else:
        for problem in problems:
            click.echo(_problem_line(problem))
        errors = sum(problem.severity == "error" for problem in problems)
        click.echo(f"{len(glossary)} concepts; {errors} errors, {len(problems) - errors} warnings")
    click.get_current_context().exit(1 if any(p.severity == "error" for p in problems) else 0)


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
    exported = export_glossary(glossary, fmt, languages)
    if output is None:
        if len(exported) > 1:
            raise KisyncError("--format weblate writes one file per language: add --output FOLDER")
        click.echo(next(iter(exported.values())).decode("utf-8"), nl=False)
        return
    if fmt == "weblate":
        for name, data in exported.items():
            _write(output / name, data)
    else:
        _write(output, next(iter(exported.values())))


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
    project = None if dry_run else _project(context)
    with project.lock(command_line()) if project is not None else nullcontext():
        _import(context, source, into, dry_run)


def _import(context: Context, source: Path, into: Path | None, dry_run: bool) -> None:
    target = into or _first_project_file(context)
    glossary, report, data = import_glossary(load_glossary(source), target)
    problems = lint_glossary(glossary)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        first = errors[0]
        raise KisyncError(
            f"{source}: not imported, the glossary would have {len(errors)} error(s), e.g. "
            f"{first.concept} [{first.language}]: {first.message}; fix the file and import again"
        )
    click.echo(f"{target}: {report.summary()}")
    imported = {*report.added, *report.changed}
    for problem in problems:
        if problem.concept in imported:
            click.echo(_problem_line(problem))
    if not dry_run and (report.added or report.changed):
        write_if_changed(target, data.decode("utf-8"))


# -- helpers -----------------------------------------------------------------------


def _glossary(context: Context, files: tuple[Path, ...]) -> Glossary:
    if files:
        return load_glossaries(files)
    project = _project(context)
    if project is not None and project.glossary is not None:
        return project.glossary
    log.info("no [glossary] files configured; using %s", shipped_glossary_path())
    return load_glossary(shipped_glossary_path())


def _project(context: Context) -> Project | None:
    """The project, or None when there is no kisync.toml here or above."""
    if context.project_dir is None:
        try:
            find_config()
        except ConfigError:
            return None
    return context.project


def _project_languages(context: Context) -> tuple[str, ...]:
    project = _project(context)
    return project.config.languages if project is not None else ()


def _first_project_file(context: Context) -> Path:
    project = _project(context)
    paths = project.glossary_paths if project is not None else ()
    if not paths:
        raise KisyncError(
            "no glossary to import into: give --into FILE.tbx or list it in kisync.toml [glossary]"
        )
    if paths[0].suffix.lower() != ".tbx":
        raise KisyncError(f"{paths[0]}: import writes TBX; give --into FILE.tbx")
    return paths[0]


def _problem_line(problem: GlossaryProblem) -> str:
    where = f"{problem.concept}" + (f" [{problem.language}]" if problem.language else "")
    return f"{problem.severity}: {where}: {problem.message}"


def _write(path: Path, data: bytes) -> None:
    written = write_if_changed(path, data.decode("utf-8"))
    click.echo(f"{'wrote' if written else 'unchanged'} {path}")
