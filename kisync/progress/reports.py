"""Every output format of ``stats``, ``lint`` and ``check``, in one place.

- statistics as a :class:`Table`: ``table`` (aligned text for a terminal), ``csv``
  (safe for spreadsheets) and ``markdown``;
- lint findings as text lines and GitHub workflow annotations;
- the CI gate as text, GitHub annotations and JUnit XML;
- JSON text (:func:`json_text`) of the ``to_json()`` structures of the result objects.

Text that comes from translations is made printable (no control characters) and
escaped for the format it goes into.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from xml.etree import ElementTree

from ..translate.checks import Finding, display_path
from .scan import Counts
from .stats import ProjectStats

if TYPE_CHECKING:
    from ..translate.lint import LintReport
    from .gate import GateResult, PageCheck

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


def _count_columns(stats: ProjectStats) -> tuple[str, ...]:
    """The count columns; ``reviewed`` only where reviews matter (see ``shows_review``)."""
    return (*_COUNT_COLUMNS, "reviewed") if stats.shows_review else _COUNT_COLUMNS


def _cells(stats: ProjectStats, counts: Counts) -> tuple[str, ...]:
    cells = _counts_cells(counts)
    return (*cells, str(counts.reviewed)) if stats.shows_review else cells


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
        (lang.language.code, lang.language.english_name, *_cells(stats, lang.counts))
        for lang in stats.languages
    )
    everything = sum((lang.counts for lang in stats.languages), Counts())
    footer = (("all", f"{len(stats.languages)} languages", *_cells(stats, everything)),)
    columns = _count_columns(stats)
    return Table(
        headers=("language", "name", *columns),
        rows=rows,
        numeric=frozenset(range(2, 2 + len(columns))),
        footer=footer if len(stats.languages) > 1 else (),
    )


def _page_rows(stats: ProjectStats) -> Table:
    rows = tuple(
        (page.page, lang.language.code, *_cells(stats, page.counts))
        for lang in stats.languages
        for page in lang.pages
    )
    return Table(("page", "language", *_count_columns(stats)), rows)


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


# -- the CI gate ----------------------------------------------------------------------------

CheckFormat = Literal["text", "json", "github", "junit"]


def gate_text(result: GateResult, root: Path | None = None) -> str:
    """Per language: the pages below the minimum with percentages and words left."""
    lines = []
    for language, checks in result.by_language():
        below = [check for check in checks if not check.complete_enough]
        minimums = sorted({check.minimum for check in checks})
        minimum = "/".join(f"{value:g}%" for value in minimums)
        name = f"{language.code} ({language.english_name})"
        if not below:
            lines.append(f"{name}: all {len(checks)} pages at least {minimum} translated")
            continue
        words = sum(check.page.counts.words_remaining for check in below)
        lines.append(
            f"{name}: {len(below)} of {len(checks)} pages below {minimum}, "
            f"{words} German words left"
        )
        width = max(len(check.page.page) for check in below)
        for check in below:
            counts = check.page.counts
            review = f"  {counts.reviewed}/{counts.total} reviewed" if check.require_review else ""
            lines.append(
                f"  {check.page.page:<{width}}  {counts.percent:5.1f}%  "
                f"{counts.words_remaining:>6} words left{review}  "
                f"{display_path(check.page.path, root)}"
            )
    if result.lint is not None:
        lines.append(f"lint: {result.lint.summary()}")
        lines += [f"  {finding_line(finding, root)}" for finding in result.lint.findings]
    lines.append(result.summary())
    if not result.passed:
        lines.append(_next_step(result))
    return "\n".join(lines) + "\n"


def _next_step(result: GateResult) -> str:
    steps = []
    if result.below:
        steps.append(
            "translate the pages listed above (po/<language>/<page>.po) or lower "
            "[check] min_completeness in kisync.toml"
        )
    if any(check.require_review for check in result.below):
        steps.append(
            "have the strings of languages that require a review checked by their readers, "
            'then mark them: kisync review --lang <language> --by "<who reviewed>"'
        )
    if result.lint_errors:
        steps.append("fix the lint errors listed above")
    return "Next: " + "; ".join(steps) + "."


def gate_github(result: GateResult, root: Path | None = None) -> str:
    """Annotations: one per page below the minimum, one per lint finding, then the summary."""
    lines = []
    for check in result.below:
        counts = check.page.counts
        properties = {
            "file": display_path(check.page.path, root),
            "title": f"kisync completeness {check.language.code}",
        }
        joined = ",".join(f"{k}={_escape_property(v)}" for k, v in properties.items())
        message = (
            f"{check.page.page}: {counts.percent:.1f}% translated, {check.minimum:g}% required "
            f"({counts.words_remaining} German words left)"
        )
        lines.append(f"::error {joined}::{_escape_data(message)}")
    if result.lint is not None:
        lines += [github_annotation(finding, root) for finding in result.lint.findings]
    lines.append(result.summary())
    return "\n".join(lines) + "\n"


def gate_junit(result: GateResult, root: Path | None = None) -> str:
    """JUnit XML: a test suite per language, a test case per page (GitLab, Jenkins)."""
    suites = ElementTree.Element("testsuites", name="kisync check")
    total = failures = 0
    for language, checks in result.by_language():
        suite = ElementTree.SubElement(
            suites, "testsuite", name=f"{language.code} ({language.english_name})"
        )
        failed = 0
        for check in checks:
            failed += _junit_case(suite, check, root)
        _count(suite, len(checks), failed)
        total, failures = total + len(checks), failures + failed
    if result.source_findings:
        total, failures = _junit_source(suites, result.source_findings, root, total, failures)
    _count(suites, total, failures)
    ElementTree.indent(suites)
    body = ElementTree.tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _count(element: ElementTree.Element, tests: int, failures: int) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", "0")


def _junit_case(suite: ElementTree.Element, check: PageCheck, root: Path | None) -> int:
    counts = check.page.counts
    case = ElementTree.SubElement(
        suite,
        "testcase",
        classname=f"kisync.{check.language.code}",
        name=check.page.page,
        file=display_path(check.page.path, root),
    )
    if not check.complete_enough:
        message = (
            f"{counts.percent:.1f}% translated, {check.minimum:g}% required; "
            f"{counts.words_remaining} German words left"
        )
        failure = ElementTree.SubElement(case, "failure", type="completeness", message=message)
        failure.text = _xml_safe(
            f"{counts.translated} of {counts.total} strings translated, {counts.fuzzy} fuzzy, "
            f"{counts.untranslated} untranslated"
        )
    if check.errors:
        failure = ElementTree.SubElement(
            case, "failure", type="lint", message=f"{_plural(len(check.errors), 'lint error')}"
        )
        failure.text = _xml_safe("\n".join(finding_line(f, root) for f in check.errors))
    if check.warnings:
        out = ElementTree.SubElement(case, "system-out")
        out.text = _xml_safe("\n".join(finding_line(f, root) for f in check.warnings))
    return 0 if check.passed else 1


def _junit_source(
    suites: ElementTree.Element,
    findings: tuple[Finding, ...],
    root: Path | None,
    total: int,
    failures: int,
) -> tuple[int, int]:
    suite = ElementTree.SubElement(suites, "testsuite", name="German source text")
    by_file: dict[Path, list[Finding]] = {}
    for finding in findings:
        by_file.setdefault(finding.path, []).append(finding)
    failed = 0
    for path, found in by_file.items():
        case = ElementTree.SubElement(
            suite,
            "testcase",
            classname="kisync.source",
            name=path.stem,
            file=display_path(path, root),
        )
        errors = [f for f in found if f.severity == "error"]
        text = _xml_safe("\n".join(finding_line(f, root) for f in found))
        if errors:
            failed += 1
            failure = ElementTree.SubElement(
                case, "failure", type="lint", message=_plural(len(errors), "lint error")
            )
            failure.text = text
        else:
            ElementTree.SubElement(case, "system-out").text = text
    _count(suite, len(by_file), failed)
    return total + len(by_file), failures + failed


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot hold some characters at all, even escaped; show their code instead."""
    return _XML_INVALID.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# -- JSON ----------------------------------------------------------------------------------


def json_text(data: object, indent: str = "") -> str:
    """JSON with one flat object per line: readable, and fast for 30,000 pages.

    (``json.dumps(indent=2)`` falls back to a pure-Python encoder that takes seconds
    on a large project; flat objects go through the C encoder here.)
    """
    inner = indent + "  "
    if isinstance(data, dict) and any(isinstance(v, dict | list) for v in data.values()):
        items = [f"{inner}{_dumps(k)}: {json_text(v, inner).lstrip()}" for k, v in data.items()]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}" if items else "{}"
    if isinstance(data, list) and data:
        items = [inner + json_text(item, inner).lstrip() for item in data]
        return "[\n" + ",\n".join(items) + f"\n{indent}]"
    return _dumps(data)


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(", ", ": "))
