"""HTML → translatable segments.

One segment per block of running text (a paragraph, a heading, a list item, a table
cell, or text loose in a container). Inline markup inside a block becomes numbered
pseudo-tags (``<a1>…</a1>``) so translators can move it but never see or change
URLs; content that must stay as it is (``translate="no"``, ``class="notranslate"``,
code, images) becomes an atomic ``<x1/>``, and so do web and e-mail addresses written
as text (see :mod:`.literals`). Attributes people read (alt, title,
aria-label, placeholder, button values, the page title and descriptions) are segments
of their own.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..errors import ExtractError
from ..model import PageText, Placeholder, Segment
from .htmltree import Attribute, Comment, Document, Element, Text, parse_html
from .literals import (
    CHARACTER_REFERENCE,
    find_literals,
    has_literal,
    raw_offsets,
    without_literals,
)
from .rules import ExtractRules
from .selectors import select

# label and button are phrasing content in HTML, but on portals they stand alone;
# treating them as blocks gives form labels and button texts entries of their own.
INLINE = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "b",
        "bdi",
        "bdo",
        "big",
        "br",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "img",
        "input",
        "ins",
        "kbd",
        "mark",
        "meter",
        "nobr",
        "output",
        "picture",
        "progress",
        "q",
        "ruby",
        "rp",
        "rt",
        "s",
        "samp",
        "select",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "svg",
        "math",
        "textarea",
        "time",
        "tt",
        "u",
        "var",
        "video",
        "audio",
        "canvas",
        "iframe",
        "object",
        "embed",
        "wbr",
    ]
)
INVISIBLE = frozenset(["script", "style", "noscript", "template", "head"])
"""Never shown as text: skipped, and kept byte for byte when inside a sentence."""
ATOMIC = frozenset(
    [
        "img",
        "input",
        "select",
        "textarea",
        "svg",
        "math",
        "video",
        "audio",
        "canvas",
        "iframe",
        "object",
        "embed",
        "picture",
        "meter",
        "progress",
        "wbr",
    ]
)
"""Inline elements without translatable text of their own in the sentence."""
PLACEHOLDER_NAMES = {"a": "a", "strong": "b", "b": "b", "em": "i", "i": "i", "br": "br"}
TRANSLATABLE_ATTRIBUTES = {
    name: f"@{name}" for name in ("alt", "title", "aria-label", "placeholder")
}
"""Attributes people read, and the segment kind of each."""
BUTTON_INPUTS = frozenset({"submit", "button", "reset"})
PAGE_METADATA = {
    ("name", "description"): "meta description",
    ("property", "og:title"): "og:title",
    ("property", "og:description"): "og:description",
    ("name", "twitter:title"): "twitter:title",
    ("name", "twitter:description"): "twitter:description",
}
METADATA_KINDS = frozenset(["title", *PAGE_METADATA.values()])
"""Segment kinds that are not body text."""
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
_INVISIBLE_CHARS = re.compile("[\u00ad\x00-\x08\x0b\x0e-\x1f\x7f]")
_HTML_SPACE = " \t\n\r\f"
_LETTER = re.compile(r"[^\W\d_]")
_DEFAULT_RULES = ExtractRules()


def extract_page(source: str, rules: ExtractRules = _DEFAULT_RULES) -> PageText:
    """Split a page (or a content fragment) into segments.

    >>> page = extract_page('<main><p>Melden Sie sich bei der '
    ...     '<a href="/abh">Ausländerbehörde</a> an.</p></main>')
    >>> page.segments[0].text
    'Melden Sie sich bei der <a1>Ausländerbehörde</a1> an.'
    >>> page.segments[0].placeholders[0].note
    'link to /abh'
    """
    if "\x00" in source:
        raise ExtractError("contains NUL bytes: this is a binary file, not an HTML page")
    return extract_document(parse_html(source), rules)


def extract_document(document: Document, rules: ExtractRules = _DEFAULT_RULES) -> PageText:
    """:func:`extract_page` for a page already parsed (publishing parses it once for both)."""
    try:
        return _Extractor(document, rules).run()
    except RecursionError:
        raise ExtractError("elements are nested too deeply to be a real page") from None


@dataclass
class _State:
    translatable: bool = True
    site: bool = True
    context: str = ""


@dataclass(slots=True)
class _Part:
    kind: str  # text | literal | open | close | atomic | kept
    node: Element | Text | Comment
    placeholder_kind: str = ""
    text: str = ""
    """Decoded text of a text or literal part."""
    start: int = 0
    end: int = 0
    """Source span of a text or literal part (a text node may hold several parts)."""


@dataclass(slots=True)
class _Run:
    container: Element
    state: _State
    parts: list[_Part] = field(default_factory=list)
    visible: bool = False
    """Whether any part is more than whitespace or invisible markup (else nothing to flush)."""

    def add_text(self, node: Text, text: str, start: int, end: int) -> None:
        self.parts.append(_Part("text", node, text=text, start=start, end=end))
        if not self.visible and text.strip():
            self.visible = True

    def add_literal(self, node: Text, text: str, kind: str, start: int, end: int) -> None:
        """A web or e-mail address (``kind``) inside a text node."""
        self.parts.append(_Part("literal", node, kind, text, start, end))
        self.visible = True

    def add(self, kind: str, node: Element | Comment, placeholder_kind: str = "") -> None:
        self.parts.append(_Part(kind, node, placeholder_kind))
        if kind != "kept":
            self.visible = True


class _Extractor:
    def __init__(self, document: Document, rules: ExtractRules) -> None:
        self.doc = document
        self.source = document.source
        self.skip = frozenset(tag.lower() for tag in rules.skip)
        self.ignored = {id(el) for sel in rules.ignore for el in select(document.root, sel)}
        regions = select(document.root, rules.content) if rules.content else []
        self.content_found = bool(regions)
        self.regions = {id(el) for el in regions}
        self.is_fragment = document.find("body") is None and document.find("html") is None
        self.segments: list[Segment] = []

    def run(self) -> PageText:
        whole_page_is_content = not self.content_found
        state = _State(site=not whole_page_is_content)
        head = self.doc.find("head")
        if head is not None:
            self._head(head)
        self._container(self.doc.root, state)
        self.segments.sort(key=lambda segment: segment.start)
        page = tuple(s for s in self.segments if not s.site)
        site = tuple(s for s in self.segments if s.site)
        title_element = self.doc.find("title")
        title = self._plain_text(title_element) if title_element is not None else ""
        return PageText(
            page,
            site,
            title=title,
            content_found=self.content_found or self.is_fragment,
            body_text=any(s.kind not in METADATA_KINDS for s in page),
        )

    # -- page metadata -------------------------------------------------------------

    def _head(self, head: Element) -> None:
        for element in head.iter():
            if element.tag == "title":
                self._title(element)
            elif element.tag == "meta":
                for (key, value), kind in PAGE_METADATA.items():
                    if (element.get(key) or "").lower() == value:
                        self._attribute(element, "content", kind, _State(site=False))

    def _title(self, element: Element) -> None:
        text = _normalize(self._plain_text(element))
        if not _has_letters(text) or not element.children:
            return
        first, last = element.children[0], element.children[-1]
        start, end = _trimmed_span(self.source, first.start, last.end)
        self._add(Segment(text, "title", self.doc.line(start), start, end, site=False))

    def _plain_text(self, element: Element) -> str:
        return "".join(self.doc.text(c) for c in element.children if isinstance(c, Text))

    # -- walking the body --------------------------------------------------------

    def _enter(self, element: Element, state: _State) -> _State | None:
        """The state inside ``element``, or None when it is skipped entirely."""
        if element.tag in INVISIBLE or element.tag in self.skip or id(element) in self.ignored:
            return None
        attributes = element.attributes
        if id(element) not in self.regions and not _may_change_state(attributes):
            return state  # most elements: nothing to look at
        if "data-kisync-ignore" in attributes:
            return None
        translate = (element.get("translate") or "").strip().lower()
        changes: dict[str, object] = {}
        if translate == "no" or "notranslate" in element.classes:
            changes["translatable"] = False
        elif translate == "yes":
            changes["translatable"] = True
        if id(element) in self.regions:
            changes["site"] = False
        if (context := element.get("data-kisync-context")) is not None:
            changes["context"] = context.strip()
        return replace(state, **changes) if changes else state

    def _container(self, element: Element, state: _State) -> None:
        self._attributes(element, state)
        children = element.children
        if len(children) == 1 and type(children[0]) is Text:
            self._text_block(element, children[0], state)  # most paragraphs, items, headings
            return
        run = _Run(element, state)
        for child in children:
            if isinstance(child, Text):
                text = self.doc.text(child)
                if run.parts or text.strip(_HTML_SPACE):  # leading space would be trimmed
                    self._add_text(run, child, text)
            elif isinstance(child, Comment):
                run.add("kept", child)
            else:
                self._child(child, run, state)
        self._flush(run)

    def _text_block(self, element: Element, node: Text, state: _State) -> None:
        """:meth:`_container` for an element holding nothing but text: no run needed."""
        text = self.doc.text(node)
        if not state.translatable or not _has_letters(text):
            return
        if has_literal(text):
            run = _Run(element, state)
            self._add_text(run, node, text)
            self._flush(run)
            return
        start, end = _trimmed_span(self.source, node.start, node.end)
        kind = element.tag if element.tag != "#root" else "text"
        line = self.doc.line(start)
        self._add(
            Segment(
                _normalize(text), kind, line, start, end, context=state.context, site=state.site
            )
        )

    def _child(self, element: Element, run: _Run, state: _State) -> None:
        if element.tag in INVISIBLE:  # never split a sentence; keep it when publishing
            run.add("kept", element)
            return
        inner = self._enter(element, state)
        inline = element.tag in INLINE and not _has_block(element)
        if not inline:
            self._flush(run)
            if inner is not None:
                self._container(element, inner)
            return
        if inner is None or (not inner.translatable and state.translatable):
            run.add("atomic", element, "x")
            if inner is not None:
                self._descend_untranslated(element, inner)
            return
        self._inline(element, run, inner)

    def _inline(self, element: Element, run: _Run, state: _State) -> None:
        self._attributes(element, state)
        if element.tag in ATOMIC or element.tag == "br":
            run.add("atomic", element, "br" if element.tag == "br" else "x")
            for child in element.children:  # <option>s of a <select>
                if isinstance(child, Element) and (inner := self._enter(child, state)):
                    self._container(child, inner)
            return
        if not _has_visible_text(element, self.doc):
            run.add("atomic", element, "x")  # empty anchor, icon span, image link
            self._inner_attributes(element, state)
            return
        kind = PLACEHOLDER_NAMES.get(element.tag, "span")
        run.add("open", element, kind)
        for child in element.children:
            if isinstance(child, Text):
                self._add_text(run, child, self.doc.text(child))
            elif isinstance(child, Comment):
                run.add("kept", child)
            else:
                self._child(child, run, state)
        run.add("close", element, kind)

    def _inner_attributes(self, element: Element, state: _State) -> None:
        """The attributes people read below an element kept whole: the ``alt`` of the
        image in an image link (a site logo)."""
        for child in element.children:
            if isinstance(child, Element) and (inner := self._enter(child, state)):
                self._attributes(child, inner)
                self._inner_attributes(child, inner)

    def _descend_untranslated(self, element: Element, state: _State) -> None:
        """Inside translate="no": only descendants with translate="yes" count."""
        for child in element.children:
            if isinstance(child, Element) and (inner := self._enter(child, state)):
                if inner.translatable:
                    self._container(child, inner)
                else:
                    self._descend_untranslated(child, inner)

    def _add_text(self, run: _Run, node: Text, text: str) -> None:
        """Add a text node's ``text`` to ``run``, its web and e-mail addresses as literals."""
        literals = list(find_literals(text)) if has_literal(text) else []
        if not literals:
            run.add_text(node, text, node.start, node.end)
            return
        raw = self.source[node.start : node.end]
        offsets = raw_offsets(raw) if text != raw else range(len(raw) + 1)
        position = 0
        for start, end, kind in literals:
            raw_start, raw_end = node.start + offsets[start], node.start + offsets[end]
            if html.unescape(self.source[raw_start:raw_end]) != text[start:end]:
                continue  # the address ends inside a character reference: leave it as text
            if start > position:
                run.add_text(node, text[position:start], node.start + offsets[position], raw_start)
            run.add_literal(node, text[start:end], kind, raw_start, raw_end)
            position = end
        if position < len(text):
            run.add_text(node, text[position:], node.start + offsets[position], node.end)

    # -- attributes --------------------------------------------------------------

    def _attributes(self, element: Element, state: _State) -> None:
        attributes = element.attributes
        if not attributes or not state.translatable:
            return
        for name, kind in TRANSLATABLE_ATTRIBUTES.items():
            if name in attributes:
                self._attribute(element, name, kind, state)
        if element.tag == "input" and (element.get("type") or "").lower() in BUTTON_INPUTS:
            self._attribute(element, "value", "@value", state)

    def _attribute(self, element: Element, name: str, kind: str, state: _State) -> None:
        attribute = element.attributes.get(name)
        if attribute is None:
            return
        text = _normalize(attribute.value)
        if not _has_letters(without_literals(text)):  # an attribute has no placeholders
            return
        line = self.doc.line(attribute.value_start)
        self._add(
            Segment(
                text,
                kind,
                line,
                attribute.value_start,
                attribute.value_end,
                context=state.context,
                site=state.site,
                attribute=True,
            )
        )

    # -- turning a run of inline content into a segment ---------------------------

    def _flush(self, run: _Run) -> None:
        if not run.visible or not run.state.translatable:
            run.parts.clear()
            return
        parts, wrappers = _trim(run.parts)
        run.parts = []
        run.visible = False
        if not any(p.kind == "text" and _has_letters(p.text) for p in parts):
            return
        self._add(self._segment(run, parts, wrappers))

    def _segment(self, run: _Run, parts: list[_Part], wrappers: list[Element]) -> Segment:
        counters: dict[str, int] = {}
        names: dict[int, str] = {}
        placeholders: list[Placeholder] = []
        pieces: list[str] = []
        kept: list[str] = []
        kept_at: list[int] = []
        for part in parts:
            node = part.node
            if part.kind == "text":
                pieces.append(part.text)
            elif part.kind == "kept":
                kept.append(self.source[node.start : _node_end(node)])
                kept_at.append(node.start)
            elif part.kind == "close":
                pieces.append(f"\x01</{names[id(node)]}>")
            else:
                kind = "x" if part.kind == "literal" else part.placeholder_kind
                number = counters[kind] = counters.get(kind, 0) + 1
                name = f"{kind}{number}"
                names[id(node)] = name
                placeholders.append(self._placeholder(name, part))
                pieces.append(f"\x01<{name}>" if part.kind == "open" else f"\x01<{name}/>")
        start, end = _span(parts, self.source)
        container = run.container
        return Segment(
            text=_join(pieces),
            kind=container.tag if container.tag != "#root" else "text",
            line=self.doc.line(start),
            start=start,
            end=end,
            placeholders=tuple(placeholders),
            context=run.state.context,
            wrapper=tuple(_describe_inline(w) for w in wrappers),
            kept=tuple(kept),
            kept_at=tuple(kept_at),
            site=run.state.site,
        )

    def _placeholder(self, name: str, part: _Part) -> Placeholder:
        if part.kind == "literal":
            markup = self.source[part.start : part.end]
            note = f'{part.placeholder_kind}, kept unchanged: "{_normalize(part.text)}"'
            return Placeholder(name, markup, "", note, start=part.start)
        element = part.node
        assert isinstance(element, Element)
        if part.kind == "atomic":
            markup = self.source[element.start : element.end_end]
            note = _describe_atomic(element, self.doc)
            return Placeholder(name, markup, "", note, start=element.start)
        open_tag = self.source[element.start : element.start_end]
        close_tag = self.source[element.end : element.end_end]
        return Placeholder(name, open_tag, close_tag, _describe_inline(element), element.start)

    def _add(self, segment: Segment) -> None:
        self.segments.append(segment)


# -- helpers ---------------------------------------------------------------------


def _may_change_state(attributes: dict[str, Attribute]) -> bool:
    """Whether :meth:`_Extractor._enter` must look closer (cheap checks, no allocation)."""
    if not attributes:
        return False
    css_class = attributes.get("class")
    return (
        "translate" in attributes
        or "data-kisync-ignore" in attributes
        or "data-kisync-context" in attributes
        or (css_class is not None and "notranslate" in css_class.value)
    )


def _text_nodes(element: Element) -> Iterator[Text]:
    stack: list[Element | Text | Comment] = list(element.children)
    while stack:
        node = stack.pop()
        if isinstance(node, Text):
            yield node
        elif isinstance(node, Element) and node.tag not in INVISIBLE:
            stack.extend(node.children)


def _has_visible_text(element: Element, doc: Document) -> bool:
    children = element.children
    if len(children) == 1 and type(children[0]) is Text:  # <a href="…">text</a>
        return bool(doc.text(children[0]).strip())
    return any(doc.text(node).strip() for node in _text_nodes(element))


def _has_block(element: Element) -> bool:
    for child in element.children:
        if isinstance(child, Element):
            if child.tag not in INLINE and child.tag not in INVISIBLE:
                return True
            if _has_block(child):
                return True
    return False


def _trim(parts: list[_Part]) -> tuple[list[_Part], list[Element]]:
    """Drop edge whitespace, edge atomics and whole-segment wrappers (kept in the page)."""
    wrappers: list[Element] = []
    start, end = 0, len(parts)
    while True:
        while start < end and _is_edge_noise(parts[start]):
            start += 1
        while end > start and _is_edge_noise(parts[end - 1]):
            end -= 1
        first, last = (parts[start], parts[end - 1]) if start < end else (None, None)
        if (
            first is not None
            and first.kind == "open"
            and last.kind == "close"
            and first.node is last.node
        ):
            wrappers.append(first.node)
            start, end = start + 1, end - 1
            continue
        return parts[start:end], wrappers


def _is_edge_noise(part: _Part) -> bool:
    if part.kind in ("kept", "atomic"):
        return True
    return part.kind == "text" and not part.text.strip()


def _span(parts: list[_Part], source: str) -> tuple[int, int]:
    first, last = parts[0], parts[-1]
    if first.kind == "text":
        start, _ = _trimmed_span(source, first.start, first.end)
    elif first.kind == "literal":
        start = first.start
    else:
        start = first.node.start if first.kind != "close" else first.node.end
    if last.kind in ("text", "literal"):
        _, end = _trimmed_span(source, last.start, last.end)
    elif last.kind == "close":
        end = last.node.end_end
    else:
        end = _node_end(last.node)
    return start, end


def _node_end(node: Element | Text | Comment) -> int:
    return node.end_end if isinstance(node, Element) else node.end


def _trimmed_span(source: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without the spacing at its edges (spaces, no-break spaces, written
    as characters or as references such as ``&nbsp;``): it stays in the page."""
    raw = source[start:end]
    left = len(raw) - len(raw.lstrip())
    right = len(raw.rstrip())
    if raw[left : left + 1] == "&" or raw[right - 1 : right] == ";":
        left, right = _space_references_trimmed(raw, left, right)
    return start + left, start + right


def _space_references_trimmed(raw: str, left: int, right: int) -> tuple[int, int]:
    """:func:`_trimmed_span` for text that starts or ends with a character reference."""
    while (match := CHARACTER_REFERENCE.match(raw, left, right)) and _is_space(match.group()):
        left = match.end()
        left += len(raw[left:right]) - len(raw[left:right].lstrip())
    while right > left and raw[right - 1] == ";":
        ampersand = raw.rfind("&", left, right)
        match = CHARACTER_REFERENCE.fullmatch(raw, ampersand, right) if ampersand >= 0 else None
        if match is None or not _is_space(match.group()):
            break
        right = len(raw[:ampersand].rstrip())
    return left, max(left, right)


def _is_space(reference: str) -> bool:
    return html.unescape(reference).isspace()


def _join(pieces: list[str]) -> str:
    """Concatenate text and pseudo-tags, collapsing whitespace across tag boundaries."""
    if len(pieces) == 1 and not pieces[0].startswith("\x01"):
        return _normalize(pieces[0])  # plain text, the most common segment
    out: list[str] = []
    space_before = True
    for piece in pieces:
        if piece.startswith("\x01"):
            out.append(piece[1:])
            if piece.endswith("/>"):  # visible atomic content; a line break ends a line
                space_before = piece.startswith("\x01<br")
            continue
        text = _collapse(piece)
        if space_before and text.startswith(" "):
            text = text[1:]
        if text:
            out.append(text)
            space_before = text.endswith(" ")
    return "".join(out).strip()


def _normalize(text: str) -> str:
    return _collapse(text).strip()


def _collapse(text: str) -> str:
    """Runs of HTML whitespace become one space; soft hyphens and control characters go."""
    if text.isprintable():  # the common case, checked fast: only spaces may need work
        return _WHITESPACE.sub(" ", text) if "  " in text else text
    return _WHITESPACE.sub(" ", _INVISIBLE_CHARS.sub("", text))


def _has_letters(text: str) -> bool:
    return _LETTER.search(text) is not None


_INLINE_NAMES = {
    "strong": "bold",
    "b": "bold",
    "em": "italic",
    "i": "italic",
}


def _describe_inline(element: Element) -> str:
    if element.tag == "a":
        href = element.get("href")
        return f"link to {href}" if href else "link"
    if element.tag in _INLINE_NAMES:
        return _INLINE_NAMES[element.tag]
    title = element.get("title")
    return f"<{element.tag}> ({title})" if title else f"<{element.tag}>"


def _describe_atomic(element: Element, doc: Document) -> str:
    if element.tag == "br":
        return "line break"
    if element.tag == "img":
        return f"image {element.get('src') or ''}".rstrip()
    if element.tag in ATOMIC:
        return f"<{element.tag}> element"
    text = _normalize("".join(doc.text(t) for t in _text_nodes(element)))
    return f'kept unchanged: "{text}"' if text else f"<{element.tag}> kept unchanged"
