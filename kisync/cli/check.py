"""``kisync check``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .common import Context, pass_context
from .options import languages_option, pages_option


@click.command("check")
@click.option(
    "--min-completeness",
    type=click.FloatRange(0, 100),
    metavar="N",
    help="Percent of every page that must be translated (default: kisync.toml).",
)
@languages_option
@pages_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "github", "junit", "json"]),
    default="text",
    show_default=True,
    help="github: workflow annotations; junit: XML for GitLab/Jenkins test reports.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file (the summary line still goes to the screen).",
)
@click.option("--no-lint", is_flag=True, help="Only check completeness.")
@pass_context
def check_command(
    context: Context,
    min_completeness: float | None,
    languages: tuple[str, ...],
    pages: tuple[str, ...],
    fmt: str,
    output: Path | None,
    no_lint: bool,
) -> None:
    """Fail (exit 1) when a page is not translated enough or lint finds an error.

    For CI: lists the pages below the minimum per language, with their percentage and
    the German words left, and the lint findings.
    """
    from ..progress import reports
    from ..util.fsutil import write_if_changed

    result = context.project.check(
        languages, pages, min_completeness=min_completeness, lint=not no_lint
    )
    if fmt == "json":
        text = json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "junit":
        text = reports.gate_junit(result)
    elif fmt == "github":
        text = reports.gate_github(result)
    else:
        text = reports.gate_text(result)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_if_changed(output, text)
        click.echo(f"{result.summary()} (report: {output})")
    click.get_current_context().exit(result.exit_code)
