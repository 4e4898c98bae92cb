"""``kisync lint``."""

from __future__ import annotations

from pathlib import Path

import click

from .common import Context, echo_json, pass_context
from .options import languages_option, pages_option


@click.command("lint")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@languages_option
@pages_option
@click.option(
    "--check",
    "checks",
    multiple=True,
    metavar="NAME",
    help="Only this check (see --list-checks). Repeatable.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="github: workflow annotations that mark the lines in a pull request.",
)
@click.option("--list-checks", is_flag=True, help="List the checks and exit.")
@pass_context
def lint_command(
    context: Context,
    files: tuple[Path, ...],
    languages: tuple[str, ...],
    pages: tuple[str, ...],
    checks: tuple[str, ...],
    fmt: str,
    list_checks: bool,
) -> None:
    """Check translations: placeholders, numbers, links, markup, unchanged text ….

    Without FILES, checks every catalog of the project (and the German templates);
    with FILES (PO or POT files, e.g. from a pre-commit hook), only those. Fuzzy and
    untranslated entries are not checked. Exit code 1 when an error is found.
    """
    from ..progress import reports
    from ..project import project_for
    from ..translate.checks import REGISTRY
    from ..translate.lint import lint_files

    if list_checks:
        for spec in REGISTRY.specs():
            scope = {"source": " (German text)", "header": " (catalog header)"}.get(spec.scope, "")
            click.echo(f"{spec.name:<16} {spec.severity:<8} {spec.description}{scope}")
        return
    if files:
        project = context.project if context.project_dir else project_for(files[0])
        report = lint_files(
            files,
            project.check_context if project is not None else None,
            catalogs=project.catalogs if project is not None else None,
            checks=checks or None,
        )
    else:
        report = context.project.lint(languages, pages, checks=checks or None)
    if fmt == "json":
        echo_json(report.to_json())
    elif fmt == "github":
        click.echo(reports.lint_github(report), nl=False)
    else:
        click.echo(reports.lint_text(report), nl=False)
    click.get_current_context().exit(report.exit_code)
