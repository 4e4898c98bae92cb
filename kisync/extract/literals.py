"""Web and e-mail addresses written as text: they reach translators as ``<x1/>``.

An address in a sentence ("Mehr unter www.bamf.de.") is not German to translate, and a
translator who "fixes" it breaks a link people need. Like ``translate="no"`` content it
becomes an atomic placeholder whose ``#.`` note shows it, and publishing restores the
source's own bytes. So does text that looks like a placeholder (``&lt;a1&gt;`` in the
page): in a msgid it could not be told from a pseudo-tag.

>>> [text[start:end] for text in ["Mehr unter www.bamf.de."]
...  for start, end, _ in find_literals(text)]
['www.bamf.de']
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from ..model import PLACEHOLDER

_LITERAL = re.compile(
    r"(?P<web>(?:https?://|www\.)[^\s<>\"]+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:de|eu|com|org|net|info|nrw)\b(?:/[^\s<>\"]*)?)"
    r"|(?P<mail>(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<tag>(?-i:" + PLACEHOLDER.pattern + "))",
    re.IGNORECASE,
)
_KINDS = {"web": "web address", "mail": "e-mail address", "tag": "text like a placeholder"}
_MAYBE_LITERAL = re.compile(
    r"\.(?:[dD][eE]|[eE][uU]|[cC][oO][mM]|[oO][rR][gG]|[nN][eE][tT]|[iI][nN][fF][oO]|[nN][rR][wW])\b"
    r"|[wW]{3}\.|://|@|<"
)
"""What every address contains: a cheap first test (~40x faster than :data:`_LITERAL`)."""
_TRAILING = ".,:;!?'\"»«“”„‘’‚"
"""Punctuation that ends the sentence rather than the address."""
CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
"""What :func:`html.unescape` replaces (the same pattern as the standard library's)."""


def find_literals(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, kind)`` of each literal in ``text``; kind says what it is
    (``web address``, ``e-mail address``, ``text like a placeholder``)."""
    for match in _LITERAL.finditer(text):
        start, end = match.span()
        kind = match.lastgroup or "web"
        while (
            kind != "tag"
            and end > start
            and (text[end - 1] in _TRAILING or _unbalanced(text, start, end))
        ):
            end -= 1
        yield start, end, _KINDS[kind]


def has_literal(text: str) -> bool:
    return _MAYBE_LITERAL.search(text) is not None and _LITERAL.search(text) is not None


def without_literals(text: str) -> str:
    """``text`` with its addresses removed."""
    if not has_literal(text):
        return text
    kept, position = [], 0
    for start, end, _ in find_literals(text):
        kept.append(text[position:start])
        position = end
    return "".join([*kept, text[position:]])


def raw_offsets(raw: str) -> list[int]:
    """For each character of ``html.unescape(raw)`` (and its end): where it starts in ``raw``.

    A character produced by a character reference maps to the reference's ``&``.
    """
    offsets: list[int] = []
    position = 0
    for match in CHARACTER_REFERENCE.finditer(raw):
        offsets.extend(range(position, match.start()))
        offsets.extend([match.start()] * len(html.unescape(match.group())))
        position = match.end()
    offsets.extend(range(position, len(raw) + 1))
    return offsets


def _unbalanced(text: str, start: int, end: int) -> bool:
    """A final ``)`` that closes a bracket opened before the address, not inside it."""
    return text[end - 1] == ")" and text.count("(", start, end) < text.count(")", start, end)
