"""Rendering statistics in the text formats people and spreadsheets read.

One place for every tabular output of the progress commands: ``table`` (aligned plain
text for a terminal), ``csv`` and ``markdown``. The JSON forms are the ``to_json()``
methods of the result objects.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..translate.checks import Finding, display_path
from .scan import Counts
from .stats import ProjectStats

if TYPE_CHECKING:
    from ..translate.lint import LintReport

TableFormat = Literal["table", "csv", "markdown"]

_COUNT_COLUMNS = (
    "total",
    "translated",
    "fuzzy",
    "untranslated",
    "words_total",
    "words_translated",
    "words_left",
    "percent",
)


@dataclass(frozen=True)
class Table:
    """Rows of cells; ``numeric`` columns are right-aligned; ``footer`` rows are totals."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    footer: tuple[tuple[str, ...], ...] = ()


def render(table: Table, fmt: TableFormat) -> str:
    """The table as aligned text, CSV (without footer rows) or a Markdown table."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(table.headers)
        writer.writerows(_csv_safe(row) for row in table.rows)
        return out.getvalue()
    if fmt == "markdown":
        return _markdown(table)
    return _aligned(table)


def _aligned(table: Table) -> str:
    everything = [table.headers, *table.rows, *table.footer]
    widths = [max(len(row[i]) for row in everything) for i in range(len(table.headers))]

    def line(row: Sequence[str]) -> str:
        cells = (
            cell.rjust(width) if i in table.numeric else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        return "  ".join(cells).rstrip()

    lines = [line(table.headers), line(["-" * width for width in widths])]
    lines += [line(row) for row in table.rows]
    if table.footer:
        lines.append(line(["-" * width for width in widths]))
        lines += [line(row) for row in table.footer]
    return "\n".join(lines) + "\n"


def _markdown(table: Table) -> str:
    def line(row: Sequence[str]) -> str:
        return "| " + " | ".join(_markdown_cell(cell) for cell in row) + " |"

    rule = ["---:" if i in table.numeric else "---" for i in range(len(table.headers))]
    lines = ["| " + " | ".join(table.headers) + " |", "| " + " | ".join(rule) + " |"]
    lines += [line(row) for row in table.rows]
    for row in table.footer:
        lines.append("| " + " | ".join(f"**{_markdown_cell(c)}**" if c else "" for c in row) + " |")
    return "\n".join(lines) + "\n"


def _markdown_cell(cell: str) -> str:
    """Page keys and names are data: keep them from becoming Markdown or HTML."""
    for char in "\\`*_[]<>|":
        cell = cell.replace(char, "\\" + char)
    return cell


def _csv_safe(row: Sequence[str]) -> list[str]:
    """Keep spreadsheets from running a cell as a formula (CSV injection)."""
    return ["'" + cell if cell[:1] in ("=", "+", "@", "\t", "\r") else cell for cell in row]


# -- statistics ------------------------------------------------------------------------------


def stats_table(stats: ProjectStats, by: Literal["language", "page"], fmt: TableFormat) -> Table:
    """``kisync stats`` as a table: one row per language, or the page × language matrix.

    CSV is meant for spreadsheets, so ``--by page`` gives it one row per page and
    language with every count instead of the matrix.
    """
    if by == "language":
        return _by_language(stats)
    if fmt == "csv":
        return _page_rows(stats)
    return _page_matrix(stats)


def _counts_cells(counts: Counts) -> tuple[str, ...]:
    return (
        str(counts.total),
        str(counts.translated),
        str(counts.fuzzy),
        str(counts.untranslated),
        str(counts.words_total),
        str(counts.words_translated),
        str(counts.words_remaining),
        f"{counts.percent:.1f}",
    )


def _by_language(stats: ProjectStats) -> Table:
    rows = tuple(
        (lang.language.code, lang.language.english_name, *_counts_cells(lang.counts))
        for lang in stats.languages
    )
    everything = sum((lang.counts for lang in stats.languages), Counts())
    footer = (("all", f"{len(stats.languages)} languages", *_counts_cells(everything)),)
    return Table(
        headers=("language", "name", *_COUNT_COLUMNS),
        rows=rows,
        numeric=frozenset(range(2, 2 + len(_COUNT_COLUMNS))),
        footer=footer if len(stats.languages) > 1 else (),
    )


def _page_rows(stats: ProjectStats) -> Table:
    rows = tuple(
        (page.page, lang.language.code, *_counts_cells(page.counts))
        for lang in stats.languages
        for page in lang.pages
    )
    return Table(("page", "language", *_COUNT_COLUMNS), rows)


def _page_matrix(stats: ProjectStats) -> Table:
    languages = stats.languages
    rows = []
    for index, page in enumerate(languages[0].pages if languages else ()):
        cells = [lang.pages[index].counts for lang in languages]
        rows.append(
            (
                page.page,
                str(page.counts.words_total),
                *(f"{counts.percent:.1f}" for counts in cells),
                str(sum(counts.words_remaining for counts in cells)),
            )
        )
    footer = (
        (
            "all pages",
            str(languages[0].counts.words_total) if languages else "0",
            *(f"{lang.counts.percent:.1f}" for lang in languages),
            str(sum(lang.counts.words_remaining for lang in languages)),
        ),
    )
    headers = ("page", "words", *(f"{lang.language.code} %" for lang in languages), "words left")
    return Table(headers, tuple(rows), frozenset(range(1, len(headers))), footer)


# -- lint findings --------------------------------------------------------------------------

LintFormat = Literal["text", "json", "github"]
_EXCERPT = 70


def printable(text: str) -> str:
    """Untrusted text made safe for a terminal or a log: no control characters, one line."""
    out = []
    for char in text:
        if char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") and char != "\u200c":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def excerpt(text: str, length: int = _EXCERPT) -> str:
    text = printable(text)
    return text if len(text) <= length else text[: length - 1] + "…"


def finding_line(finding: Finding, root: Path | None = None) -> str:
    """``po/ar/index.po:42: error: placeholders: </a1> is missing … (msgid "…")``."""
    where = f"{display_path(finding.path, root)}:{finding.line}"
    return (
        f"{where}: {finding.severity}: {finding.check}: {printable(finding.message)} "
        f'(msgid "{excerpt(finding.msgid)}")'
    )


def lint_text(report: LintReport, root: Path | None = None) -> str:
    lines = [finding_line(finding, root) for finding in report.findings]
    lines.append(report.summary())
    return "\n".join(lines) + "\n"


def github_annotation(finding: Finding, root: Path | None = None) -> str:
    """A GitHub Actions workflow command that marks the line in the pull request."""
    properties = {
        "file": display_path(finding.path, root),
        "line": str(finding.line),
        "title": f"kisync {finding.check}",
    }
    joined = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
    message = f'{finding.message} (msgid "{excerpt(finding.msgid)}")'
    return f"::{finding.severity} {joined}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def lint_github(report: LintReport, root: Path | None = None) -> str:
    lines = [github_annotation(finding, root) for finding in report.findings]
    lines.append(report.summary())
    return "\n".join(lines) + "\n"
