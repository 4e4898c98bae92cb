"""What a conflict shows: the text of the page on the target next to kisync's version.

Staff who meet a conflict are not programmers, so the difference is shown on the text a
reader sees, not on the HTML: the title first, then one line per paragraph, heading,
list item or table cell (images as ``[image: alt text]``). Lines that start with ``-``
are on the target now, lines that start with ``+`` are what kisync would publish.

Each conflict is also kept as a file, ``.kisync/conflicts/<language>/<page key>.diff``,
until the page is published or adopted again.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import lxml.etree
import lxml.html

from ..fsutil import write_if_changed

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
})  # fmt: skip
SKIPPED_TAGS = frozenset({"script", "style", "template", "head"})
TITLE = "Title: "


def readable_lines(document: str) -> list[str]:
    """The title and the text of a page, one line per block, spaces normalised."""
    if not document.strip():
        return []
    try:
        root = lxml.html.document_fromstring(document)
    except (lxml.etree.ParserError, ValueError):
        return document.splitlines()
    lines: list[str] = []
    title = root.find(".//title")
    if title is not None and (text := _clean(title.text_content())):
        lines.append(TITLE + text)
    body = root.find("body")
    if body is not None:
        _walk(body, lines, [])
    return lines


def _walk(element: lxml.html.HtmlElement, lines: list[str], pending: list[str]) -> None:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag and tag not in SKIPPED_TAGS:
            block = tag in BLOCK_TAGS
            if block:
                _flush(lines, pending)
            if tag == "img" and child.get("alt"):
                pending.append(f" [image: {child.get('alt')}] ")
            pending.append(child.text or "")
            _walk(child, lines, pending)
            if block:
                _flush(lines, pending)
        pending.append(child.tail or "")
    if element.tag == "body":
        pending.insert(0, element.text or "")
        _flush(lines, pending)


def _flush(lines: list[str], pending: list[str]) -> None:
    text = _clean("".join(pending))
    pending.clear()
    if text:
        lines.append(text)


def _clean(text: str) -> str:
    return " ".join(text.split())


def text_diff(theirs: str, ours: str, *, target_label: str, kisync_label: str) -> str:
    """A unified diff of the readable text of two versions of a page ("" when equal)."""
    lines = difflib.unified_diff(
        readable_lines(theirs),
        readable_lines(ours),
        target_label,
        kisync_label,
        n=1,
        lineterm="",
    )
    return "".join(line + "\n" for line in lines)


def changed_title(theirs: str, ours: str) -> str:
    """``"X" (kisync: "Y")`` when the two versions have different titles, else ""."""
    old, new = _title(theirs), _title(ours)
    return f'"{old}" (kisync: "{new}")' if old != new else ""


def _title(document: str) -> str:
    lines = readable_lines(document)
    return lines[0][len(TITLE) :] if lines and lines[0].startswith(TITLE) else ""


class ConflictFiles:
    """``.kisync/conflicts/<language>/<key>.diff``: one file per page in conflict.

    Page keys are the catalog keys push already checked (safe relative paths).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, language: str, key: str) -> Path:
        return self.folder / language / f"{key}.diff"

    def keep(self, language: str, key: str, diff: str) -> Path:
        path = self.path(language, key)
        write_if_changed(path, diff)
        return path

    def drop(self, language: str, key: str) -> None:
        self.path(language, key).unlink(missing_ok=True)
