"""A page's segments with what alignment compares: kind, tags, anchors, length.

Both pages are segmented by the same extractor with the same rules, so a translated
page yields the same kinds of blocks as its German page. Each block then gets the
things that survive translation, its **anchors**: link targets (with the language
prefix of translated pages' own links removed), e-mail addresses, phone numbers, web
addresses, numbers (Arabic-Indic and Persian digits too), content kept as it is
(``translate="no"``), and names that stay German (a word of the German page that
also occurs on the translated one: *BAMF*, *Jobcenter*, *Erkelenz*).
"""

from __future__ import annotations

import bisect
import html as htmllib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

from ..extract import ExtractRules
from ..extract.htmltree import Document, parse_html
from ..extract.segmenter import extract_document
from ..model import PLACEHOLDER, Placeholder, Segment
from ..translate.preserved import ascii_digits, preserved
from .language import sentences

_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_NAME = re.compile(r"[^\W\d_][\w\-]*[^\W_]|[^\W\d_]{2,}", re.UNICODE)
_INDEX = re.compile(r"(?:^|/)index\.(?:html?|php)$")
KIND_FAMILIES = {
    **{f"h{n}": "heading" for n in range(1, 7)},
    "p": "text",
    "text": "text",
    "div": "text",
    "td": "cell",
    "th": "cell",
}
"""Kinds that a translator may plausibly have changed into each other."""


@dataclass(frozen=True)
class Block:
    """One segment of a page, ready to be compared."""

    index: int
    segment: Segment
    length: int
    """Letters and digits, placeholders left out."""
    tags: Counter[str]
    """Placeholder kinds: ``{"a": 1, "b": 2}``."""
    anchors: frozenset[str]
    names: frozenset[str]
    """Capitalised words, abbreviations and words with digits: the name candidates."""
    sentences: int = 1
    german: bool = False
    """Translated side: the text is (partly) still German."""
    all_german: bool = False
    """Translated side: the text is German through and through (German left in place)."""
    links: tuple[str | None, ...] = field(default=(), compare=False)
    """The link key of each placeholder (``None`` for non-links), as in ``segment.placeholders``."""

    @property
    def kind(self) -> str:
        return self.segment.kind

    @property
    def text(self) -> str:
        return self.segment.text


@dataclass(frozen=True)
class PageBlocks:
    """The blocks of one page: its own text and the site-wide text (menu, footer)."""

    content: tuple[Block, ...]
    site: tuple[Block, ...]
    content_found: bool = True
    """False when the content selector matched nothing (all of the page is content)."""

    def everything(self) -> tuple[Block, ...]:
        """Content and site-wide blocks in document order."""
        return tuple(sorted((*self.content, *self.site), key=lambda block: block.segment.start))


def page_blocks(
    html: str,
    rules: ExtractRules,
    *,
    url: str = "",
    prefixes: Iterable[str] = (),
    german_markup: bool = False,
) -> PageBlocks:
    """Segment a page and describe its blocks.

    ``url`` is the page's address (relative links are resolved against it);
    ``prefixes`` are the first path segments that mark a language version (``en``,
    ``ar``) and are removed from link targets so that ``/en/kontakt/`` = ``/kontakt/``.
    With ``german_markup``, segments inside ``lang="de…"`` elements are marked German.
    """
    document = parse_html(html)
    text = extract_document(document, rules)
    spans = german_spans(document) if german_markup else []
    ids = _element_ids(document, sorted((*text.segments, *text.site_segments), key=_start))
    strip = frozenset(prefix.lower() for prefix in prefixes)

    def blocks(segments: Sequence[Segment]) -> tuple[Block, ...]:
        return tuple(
            _block(i, s, url, strip, _marked(s, spans), ids) for i, s in enumerate(segments)
        )

    return PageBlocks(blocks(text.segments), blocks(text.site_segments), text.content_found)


def _marked(segment: Segment, spans: list[tuple[int, int]]) -> tuple[bool, bool]:
    """(partly, wholly) inside elements marked German."""
    inside = [(a, b) for a, b in spans if a < segment.end and segment.start < b]
    whole = any(a <= segment.start and segment.end <= b for a, b in inside)
    return bool(inside), whole


def _start(segment: Segment) -> int:
    return segment.start


def german_spans(document: Document) -> list[tuple[int, int]]:
    """Source spans of the elements marked German (``lang="de"``, ``lang="de-DE"``)."""
    spans = []
    for element in document.root.iter():
        lang = (element.get("lang") or element.get("xml:lang") or "").strip().lower()
        if element.start >= 0 and (lang == "de" or lang.startswith("de-")):
            if element.tag == "html":
                continue  # the whole document's declared language says little
            spans.append((element.start, element.end_end if element.end_end >= 0 else 1 << 62))
    return spans


def _element_ids(document: Document, segments: Sequence[Segment]) -> dict[int, str]:
    """Segment start → ``id`` of the element the segment is the text of (``<h2 id="faq">``).

    Element ids often stay the same on a translated page: links point to them.
    """
    starts = [segment.start for segment in segments]
    found: dict[int, str] = {}
    for element in document.root.iter():
        value = element.get("id")
        if not value or element.start < 0:
            continue
        index = bisect.bisect_left(starts, element.start_end)
        end = element.end if element.end >= 0 else len(document.source)
        if index < len(segments) and starts[index] < end:
            segment = segments[index]
            if segment.kind == element.tag and not segment.attribute:
                found[segment.start] = value
    return found


def _block(
    index: int,
    segment: Segment,
    url: str,
    strip: frozenset[str],
    german: tuple[bool, bool],
    ids: dict[int, str],
) -> Block:
    links = tuple(_placeholder_link(p, url, strip) for p in segment.placeholders)
    wrapped = [
        link_key(w[len("link to ") :], url, strip)
        for w in segment.wrapper
        if w.startswith("link to ")
    ]
    anchors = {f"link:{key}" for key in (*links, *wrapped) if key}
    if segment.start in ids:
        anchors.add(f"id:{ids[segment.start]}")
    anchors |= {f"x:{p.note}" for p in segment.placeholders if p.atomic and p.name[0] == "x"}
    found = preserved(segment.text)
    anchors |= {f"mail:{key}" for key in found.emails}
    anchors |= {f"url:{key}" for key in found.urls}
    anchors |= {f"tel:{key[-7:]}" for key in found.phones}
    for runs in found.number_runs.values():
        anchors |= {f"num:{run}" for run in runs}
    plain = PLACEHOLDER.sub(" ", segment.text)
    names = frozenset(
        word
        for word in _NAME.findall(ascii_digits(plain))
        if word[0].isupper() or any(c.isdigit() for c in word) or word.isupper()
    )
    length = sum(1 for char in plain if char.isalnum())
    tags = Counter(PLACEHOLDER.match(p.tokens[0]).group(2) for p in segment.placeholders)  # type: ignore[union-attr]
    count = max(1, len(sentences(segment.text)))
    return Block(index, segment, length, tags, frozenset(anchors), names, count, *german, links)


def _placeholder_link(placeholder: Placeholder, url: str, strip: frozenset[str]) -> str | None:
    if placeholder.atomic or not placeholder.open.lower().startswith("<a"):
        return None
    match = _HREF.search(placeholder.open)
    if match is None:
        return None
    href = htmllib.unescape(next(group for group in match.groups() if group is not None))
    return link_key(href, url, strip)


def link_key(href: str, base: str, strip: frozenset[str] = frozenset()) -> str | None:
    """What a link points to, comparable between a German page and its translation.

    Relative links are resolved against the page's address; the host is dropped when it
    is the page's own; a first path segment in ``strip`` (``/en/``), ``index.html``, the
    trailing slash, the fragment are dropped; ``mailto:`` and ``tel:`` keep the address
    or the digits.
    """
    href = href.strip()
    if not href:
        return None
    lowered = href.lower()
    if lowered.startswith("mailto:"):
        return "mailto:" + unquote(href[7:]).split("?")[0].strip().lower()
    if lowered.startswith("tel:"):
        digits = re.sub(r"\D", "", href)
        return f"tel:{digits[-7:]}" if digits else None
    if lowered.startswith(("javascript:", "data:")):
        return None
    absolute = urljoin(base or "/", href)
    parts = urlsplit(absolute)
    own = urlsplit(base)
    host = "" if parts.netloc.lower() in ("", own.netloc.lower()) else parts.netloc.lower()
    path = _INDEX.sub("/", unquote(parts.path))
    segments = [part for part in path.split("/") if part]
    if segments and segments[0].lower() in strip:
        segments = segments[1:]
    key = host + "/" + "/".join(segments)
    return key + (f"?{parts.query}" if parts.query else "")


def kind_match(german: str, translated: str) -> float | None:
    """1.0 for the same kind, 0.5 for kinds of one family (h2/h3, p/div, td/th), else None."""
    if german == translated:
        return 1.0
    family = KIND_FAMILIES.get(german)
    if family is not None and family == KIND_FAMILIES.get(translated):
        return 0.5
    return None
