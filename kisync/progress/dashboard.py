"""``kisync report``: a static HTML dashboard and one SVG badge per language.

``DIR/index.html`` is a single self-contained page: no JavaScript, no web fonts, no
external files (a Content-Security-Policy forbids them), so it reads the same offline,
from a CI artifact or on an intranet. It shows per language the completeness, fuzzy
strings and German words left, then the page × language matrix coloured by
completeness, each cell linking to the PO file to translate, and the time of the last
pull. ``DIR/badges/<lang>.svg`` are shields-style badges for READMEs and intranet
pages; ``DIR/stats.json`` is ``kisync stats --format json``.

Every text that comes from the project (page keys, language names) is escaped.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from ..catalog.scan import Counts
from ..errors import KisyncError
from ..extract.pull_state import last_pulled
from ..languages import Language
from ..util.fsutil import write_if_changed
from .stats import PageStats, ProjectStats

if TYPE_CHECKING:
    from ..catalog.layout import CatalogLayout

COLOURS = (  # (lowest percent, background, badge colour, legend)
    (100.0, "#1a7f37", "#2ea44f", "complete"),
    (75.0, "#8fd19e", "#97ca00", "75 % or more"),
    (50.0, "#f9e08a", "#dfb317", "50 % or more"),
    (25.0, "#f6b26b", "#fe7d37", "25 % or more"),
    (0.0, "#f4a6a6", "#e05d44", "less than 25 %"),
)
_POT_DATE = re.compile(r'^"POT-Creation-Date: ([^"\\]*)', re.MULTILINE)


@dataclass(frozen=True)
class Dashboard:
    index: Path
    badges: tuple[Path, ...]
    stats_json: Path
    exit_code = 0
    """The dashboard only reports: ``kisync check`` is the gate that fails."""

    def summary(self) -> str:
        return f"wrote {self.index} and {len(self.badges)} badges in {self.index.parent / 'badges'}"

    def to_json(self) -> dict[str, object]:
        return {
            "index": str(self.index),
            "badges": [str(path) for path in self.badges],
            "stats": str(self.stats_json),
        }


def build_report(stats: ProjectStats, output: Path, pulled: str) -> Dashboard:
    """Write the dashboard of ``stats`` into ``output`` (``pulled``: see :func:`last_pull`)."""
    output = Path(output)
    try:
        return _write(stats, output, pulled)
    except OSError as error:
        raise KisyncError.naming(
            f"{output}: cannot write the dashboard there ({error.strerror or error}); "
            "choose another {output} folder",
            output="output",
        ) from None


def _write(stats: ProjectStats, output: Path, pull: str) -> Dashboard:
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    html = render_html(stats, output, pull, generated)
    index = output / "index.html"
    write_if_changed(index, html)
    badges = []
    for lang in stats.languages:
        path = output / "badges" / f"{lang.language.code}.svg"
        write_if_changed(path, badge_svg(lang.language, lang.counts))
        badges.append(path)
    stats_json = output / "stats.json"
    write_if_changed(stats_json, json.dumps(stats.to_json(), ensure_ascii=False, indent=2) + "\n")
    return Dashboard(index, tuple(badges), stats_json)


def last_pull(catalogs: CatalogLayout, state_dir: Path) -> str:
    """When ``kisync pull`` last ran, or else when the German text last changed."""
    pulled = last_pulled(state_dir)
    if pulled is not None:
        return f"last pull: {pulled:%Y-%m-%d %H:%M} UTC"
    dates = []
    for key in catalogs.page_keys():
        try:
            with open(catalogs.template_path(key), encoding="utf-8") as stream:
                match = _POT_DATE.search(stream.read(4096))
        except (OSError, UnicodeDecodeError):
            continue
        if match:
            dates.append(match.group(1))
    if not dates:
        return "no pull recorded"
    return f"German text last changed: {max(dates).replace('+0000', ' UTC')}"


def colour(percent: float) -> tuple[str, str]:
    """Background for a matrix cell and colour for a badge."""
    for lowest, background, badge, _ in COLOURS:
        if percent >= lowest:
            return background, badge
    raise ValueError(f"percent {percent} below 0")


# -- HTML -------------------------------------------------------------------------------

_STYLE = """
body{font:15px/1.45 system-ui,"Segoe UI",Roboto,Arial,sans-serif;margin:1.5rem;
color:#1f2328;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
p.meta{color:#57606a;margin:0 0 1rem}
table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #d0d7de;padding:.3rem .55rem;text-align:right;white-space:nowrap}
th{background:#f6f8fa;position:sticky;top:0}
th[scope=row],thead th:first-child{text-align:left}
td.cell a{color:#1f2328;text-decoration:none;display:block}
td.cell a:hover,td.cell a:focus{text-decoration:underline}
small{color:#424a53}
.legend span{display:inline-block;padding:.1rem .5rem;margin-right:.4rem;border:1px solid #d0d7de}
.complete a,.legend span:first-child{color:#fff}
"""


def render_html(stats: ProjectStats, output: Path, pull: str, generated: str) -> str:
    languages = stats.languages
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'self'\">",
        "<title>Translation progress</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<h1>Translation progress</h1>",
        f'<p class="meta">{escape(pull)} · generated {escape(generated)} · '
        f"source language {escape(stats.source_language.english_name)}</p>",
        "<h2>Languages</h2>",
        _language_table(stats),
        "<h2>Pages</h2>",
        _legend(),
        _matrix(stats, output) if languages else "<p>No language selected.</p>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _language_table(stats: ProjectStats) -> str:
    rows = [
        "<table>",
        "<caption>Completeness per language (strings; fuzzy strings still need review)</caption>",
        "<thead><tr><th scope=col>language</th><th scope=col>translated</th>"
        "<th scope=col>strings</th><th scope=col>fuzzy</th><th scope=col>untranslated</th>"
        "<th scope=col>German words left</th>"
        + ("<th scope=col>reviewed</th>" if stats.shows_review else "")
        + "<th scope=col>badge</th></tr></thead>",
        "<tbody>",
    ]
    for lang in stats.languages:
        counts, language = lang.counts, lang.language
        background, _ = colour(counts.percent)
        badge = f"badges/{language.code}.svg"
        reviewed = _reviewed(stats, language, counts) if stats.shows_review else ""
        rows.append(
            f"<tr><th scope=row>{_language_name(language)}</th>"
            f'<td style="background:{background}">{counts.percent:.1f} %</td>'
            f"<td>{counts.translated} / {counts.total}</td><td>{counts.fuzzy}</td>"
            f"<td>{counts.untranslated}</td><td>{counts.words_remaining}</td>{reviewed}"
            f'<td><img src="{escape(badge)}" alt="{escape(language.english_name)}: '
            f'{counts.percent:.1f} % translated" height="20"></td></tr>'
        )
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows)


def _reviewed(stats: ProjectStats, language: Language, counts: Counts) -> str:
    required = " (required before publishing)" if language.code in stats.require_review else ""
    return f"<td>{counts.reviewed} / {counts.total}{required}</td>"


def _language_name(language: Language) -> str:
    native = (
        f' <span lang="{escape(language.bcp47)}" dir="{language.direction}">'
        f"{escape(language.native_name)}</span>"
        if language.native_name and language.native_name != language.english_name
        else ""
    )
    return f"{escape(language.code)} · {escape(language.english_name)}{native}"


def _legend() -> str:
    items = "".join(
        f'<span style="background:{background}">{escape(label)}</span>'
        for _, background, _, label in COLOURS
    )
    return (
        f'<p class="legend">{items}</p>'
        "<p><small>Each cell: strings translated, fuzzy strings (f), German words left "
        "(w) and, where a review is required, strings reviewed (r); the link opens the "
        "page's PO file.</small></p>"
    )


def _matrix(stats: ProjectStats, output: Path) -> str:
    languages, review = stats.languages, stats.require_review
    head = "".join(
        f'<th scope=col title="{escape(lang.language.english_name)}">'
        f"{escape(lang.language.code)}</th>"
        for lang in languages
    )
    rows = [
        "<table>",
        "<caption>Completeness per page and language</caption>",
        f"<thead><tr><th scope=col>page</th><th scope=col>German words</th>{head}</tr></thead>",
        "<tbody>",
    ]
    for index, page in enumerate(languages[0].pages):
        cells = "".join(
            _cell(lang.language, lang.pages[index], output, lang.language.code in review)
            for lang in languages
        )
        rows.append(
            f"<tr><th scope=row>{escape(page.page)}</th>"
            f"<td>{page.counts.words_total}</td>{cells}</tr>"
        )
    totals = "".join(
        f"<td><strong>{lang.counts.percent:.1f} %</strong><br>"
        f"<small>{lang.counts.words_remaining} w</small></td>"
        for lang in languages
    )
    rows += [
        "</tbody>",
        f"<tfoot><tr><th scope=row>all pages</th><td>{languages[0].counts.words_total}</td>"
        f"{totals}</tr></tfoot>",
        "</table>",
    ]
    return "\n".join(rows)


def _cell(language: Language, page: PageStats, output: Path, review: bool = False) -> str:
    """One page in one language; ``review``: also how many strings are reviewed."""
    counts = page.counts
    background, _ = colour(counts.percent)
    link = escape(_relative_link(page.path, output))
    state = "" if page.exists else " (no catalog yet: run kisync pull)"
    title = (
        f"{language.english_name}, {page.page}: {counts.translated} of {counts.total} strings "
        f"translated, {counts.fuzzy} fuzzy, {counts.words_remaining} German words left{state}"
    )
    details = []
    if review:
        title += f"; {counts.reviewed} reviewed (required before publishing)"
        details.append(f"{counts.reviewed} r")
    if counts.fuzzy:
        details.append(f"{counts.fuzzy} f")
    if counts.words_remaining:
        details.append(f"{counts.words_remaining} w")
    extra = f"<br><small>{' · '.join(details)}</small>" if details else ""
    css = ' class="cell complete"' if counts.complete and counts.total else ' class="cell"'
    return (
        f'<td{css} style="background:{background}">'
        f'<a href="{link}" title="{escape(title)}">{counts.percent:.1f} %{extra}</a></td>'
    )


def _relative_link(path: Path, output: Path) -> str:
    relative = os.path.relpath(path.resolve(), output.resolve())
    return "/".join(relative.split(os.sep))


# -- badges -------------------------------------------------------------------------------

_CHAR_WIDTH = 7.0  # Verdana 11px, a little generous so that no text is cut


def badge_svg(language: Language, counts: Counts) -> str:
    """A shields.io-style badge: ``Arabic | 75 %``."""
    label = f"{language.english_name}"
    value = f"{counts.percent:g} %"
    _, fill = colour(counts.percent)
    left = round(len(label) * _CHAR_WIDTH + 12)
    right = round(len(value) * _CHAR_WIDTH + 12)
    width = left + right
    text = escape(f"{label}: {value} translated")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" '
        f'aria-label="{text}">'
        f"<title>{text}</title>"
        f'<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" '
        f'stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>'
        f'<clipPath id="r"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath>'
        f'<g clip-path="url(#r)"><rect width="{left}" height="20" fill="#555"/>'
        f'<rect x="{left}" width="{right}" height="20" fill="{fill}"/>'
        f'<rect width="{width}" height="20" fill="url(#s)"/></g>'
        f'<g fill="#fff" text-anchor="middle" '
        f'font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">'
        f'<text x="{left / 2}" y="15" fill="#010101" fill-opacity=".3">{escape(label)}</text>'
        f'<text x="{left / 2}" y="14">{escape(label)}</text>'
        f'<text x="{left + right / 2}" y="15" fill="#010101" fill-opacity=".3">'
        f"{escape(value)}</text>"
        f'<text x="{left + right / 2}" y="14">{escape(value)}</text></g></svg>\n'
    )
