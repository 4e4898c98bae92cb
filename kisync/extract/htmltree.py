"""A forgiving HTML5 parser that remembers where everything came from.

Why not lxml.html alone: publishing must put translations back into the page while
leaving every other byte as it was (entities, comments, attribute quoting,
whitespace). That needs the source offsets of every tag and text run, which libxml2
does not expose. This module tokenizes the page with regular expressions that follow
the HTML5 tokenizer for the cases real pages contain, then builds a tree with the
HTML5 rules for optional end tags (``<p>`` closed by a block, ``<li>`` by the next
``<li>``, table cells, options, headings), so ``<li>a<li>b</ul>`` gives two items, and
with the HTML5 rules for the head: an element that does not belong in ``<head>``, or
text, ends an unclosed head; a second ``<html>``, ``<head>`` or ``<body>`` is ignored;
``</body>`` and ``</html>`` close nothing; ``<noscript>`` is raw text (as in a browser
with scripting on). The tree is only as detailed as segmentation and rendering need: no
foster parenting, no implied ``<html>``/``<head>``/``<body>`` elements.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
RAW_TEXT = frozenset(["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"])
ESCAPABLE_RAW_TEXT = frozenset(("title", "textarea"))

_CLOSES_P = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "dd",
        "dt",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
        "listing",
        "xmp",
        "search",
    ]
)
_RAW = RAW_TEXT | ESCAPABLE_RAW_TEXT
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_SCOPE = frozenset(
    [
        "html",
        "table",
        "td",
        "th",
        "caption",
        "button",
        "object",
        "marquee",
        "applet",
        "template",
        "select",
    ]
)
_P_SCOPE = _SCOPE | {"button"}
# start tag -> (elements it closes, elements that stop the search)
_IMPLIED_END = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu"}) | _SCOPE),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"}) | _SCOPE),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"}) | _SCOPE),
    "tr": (frozenset({"tr", "td", "th"}), frozenset({"table", "thead", "tbody", "tfoot"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "thead": (frozenset({"thead", "tbody", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "tbody": (frozenset({"thead", "tbody", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "tfoot": (frozenset({"thead", "tbody", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "option": (frozenset({"option"}), frozenset({"select", "datalist", "optgroup"})),
    "optgroup": (frozenset({"option", "optgroup"}), frozenset({"select"})),
}

_MAY_CLOSE = _CLOSES_P | _HEADINGS | frozenset(_IMPLIED_END)
"""Start tags that may close open elements; for all others _close_implied does nothing."""
HEAD_CONTENT = frozenset(
    [
        "base",
        "basefont",
        "bgsound",
        "link",
        "meta",
        "title",
        "noscript",
        "noframes",
        "style",
        "script",
        "template",
    ]
)
"""Start tags that stay in ``<head>``; any other element ends an unclosed head."""
_DOCUMENT = frozenset(["html", "head", "body"])
_HTML_SPACE = " \t\n\r\f"

_MARKUP = re.compile(
    r"""
    <(?:
      !--(?:>|->|.*?(?:-->|--!>|\Z))          # comment (also the empty <!--> and <!--->)
    | !\[CDATA\[.*?(?:\]\]>|\Z)              # CDATA section (foreign content)
    | ![^>]*>?                               # doctype or bogus comment
    | \?[^>]*>?                              # processing instruction (bogus comment)
    | /(?P<end>[a-zA-Z][^\s/>]*)[^>]*>?      # end tag
    | (?P<start>[a-zA-Z][^\s/>]*)(?P<attrs>(?:[^>"']++|"[^"]*+"|'[^']*+')*+)>  # start tag
    | (?P<start2>[a-zA-Z][^\s/>]*)(?P<attrs2>[^>]*)>   # start tag with an unbalanced quote
    )""",
    re.S | re.X,
)
_SELF_CLOSING = re.compile(r"""(?:^|[\s"'])/\s*$""")
_ATTRIBUTE = re.compile(
    r"""(?P<name>[^\s"'>/=][^\s"'>/=]*)
        (?:\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s>]+))?""",
    re.X,
)


@dataclass(eq=False, slots=True)
class Text:
    """A run of character data; ``start:end`` is its exact source span."""

    start: int
    end: int
    raw: bool = False
    """True inside script/style: no entities, never translated."""


@dataclass(eq=False, slots=True)
class Comment:
    start: int
    end: int


@dataclass(eq=False, slots=True)
class Attribute:
    name: str
    value: str
    """Decoded value (entities resolved); ``""`` for a bare attribute."""
    value_start: int
    value_end: int
    """Source span of the value token, quotes included (empty span when bare)."""


@dataclass(eq=False, slots=True)
class Element:
    tag: str
    attributes: dict[str, Attribute]
    start: int
    """Offset of the ``<`` of the start tag (-1 for the document root)."""
    start_end: int
    """Offset just after the start tag's ``>``."""
    end: int = -1
    """Offset of the end tag's ``<``, or where the element was implicitly closed."""
    end_end: int = -1
    """Offset just after the end tag (equal to ``end`` when the end tag is implied)."""
    children: list[Element | Text | Comment] = field(default_factory=list)
    parent: Element | None = None

    def get(self, name: str, default: str | None = None) -> str | None:
        attribute = self.attributes.get(name)
        return attribute.value if attribute is not None else default

    @property
    def classes(self) -> list[str]:
        return (self.get("class") or "").split()

    def iter(self) -> Iterator[Element]:
        """This element and all elements below it, in document order."""
        stack: list[Element] = [self]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(
                child for child in reversed(element.children) if isinstance(child, Element)
            )

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


@dataclass(slots=True)
class Document:
    source: str
    root: Element
    _newlines: list[int] | None = field(default=None, repr=False)

    def line(self, offset: int) -> int:
        """1-based line number of a source offset."""
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.source)]
        return bisect.bisect_left(self._newlines, offset) + 1

    def text(self, node: Text) -> str:
        """Decoded text of a text node (entities resolved)."""
        raw = self.source[node.start : node.end]
        return raw if node.raw or "&" not in raw else html.unescape(raw)

    def find(self, tag: str) -> Element | None:
        return next((el for el in self.root.iter() if el.tag == tag), None)


def parse_html(source: str) -> Document:
    """Parse a page or a fragment (WordPress ``content.raw``) into a :class:`Document`."""
    builder = _TreeBuilder(source)
    builder.run()
    return Document(source=source, root=builder.root)


class _TreeBuilder:
    def __init__(self, source: str) -> None:
        self.source = source
        self.root = Element("#root", {}, -1, 0)
        self.stack: list[Element] = [self.root]
        self.open: dict[str, int] = {}
        """How many elements of each tag are on the stack (tags with none are absent):
        most checks end here."""
        self.head: Element | None = None
        self.in_body = False
        """Whether body content (an element that is not head content, or text) was seen."""
        self.seen: set[str] = set()
        """Which of ``<html>``, ``<head>``, ``<body>`` the page has (a second is ignored)."""

    def run(self) -> None:
        source, pos, end = self.source, 0, len(self.source)
        search = _MARKUP.search
        while pos < end:
            match = search(source, pos)
            if match is None:
                if self.in_body:
                    self.stack[-1].children.append(Text(pos, end))
                else:
                    self._text_before_body(pos, end)
                break
            start = match.start()
            if start > pos:
                if self.in_body:
                    self.stack[-1].children.append(Text(pos, start))
                else:
                    self._text_before_body(pos, start)
            kind = match.lastgroup
            if kind == "attrs":
                pos = self._start_tag(match["start"].lower(), match["attrs"], match)
            elif kind == "end":
                pos = match.end()
                self._end_tag(match["end"].lower(), start, pos)
            elif kind == "attrs2":
                pos = self._start_tag(match["start2"].lower(), match["attrs2"], match)
            else:
                pos = match.end()
                self.stack[-1].children.append(Comment(start, pos))
        for element in reversed(self.stack[1:]):
            element.end = element.end_end = end
        self.root.end = self.root.end_end = end

    def _start_tag(self, tag: str, attrs: str, match: re.Match[str]) -> int:
        start, start_end = match.span()
        if not self.in_body:
            if tag in _DOCUMENT and not self._document_tag(tag):
                return start_end  # a second <html>, <head> or <body>: ignored
            parent = self._parent_before_body(tag, start)
        else:
            if tag in _MAY_CLOSE:
                self._close_implied(tag, start)
            elif tag in _DOCUMENT:
                return start_end  # <html>, <head> or <body> inside the body: ignored
            parent = self.stack[-1]
        attributes = _attributes(attrs, match.start(match.lastgroup)) if attrs.strip() else {}
        element = Element(tag, attributes, start, start_end, parent=parent)
        parent.children.append(element)
        if tag in VOID or (
            tag not in _RAW and "/" in attrs and _SELF_CLOSING.search(attrs) is not None
        ):
            element.end = element.end_end = start_end
            return start_end
        if tag in _RAW:
            return self._raw_text(element, raw=tag in RAW_TEXT)
        self.stack.append(element)
        self.open[tag] = self.open.get(tag, 0) + 1
        if tag == "head":
            self.head = element
        return start_end

    # -- the head (HTML5 "before head", "in head" and "after head" insertion modes) ------

    def _document_tag(self, tag: str) -> bool:
        """Whether an ``<html>``, ``<head>`` or ``<body>`` before body content counts."""
        if tag in self.seen or (tag == "html" and len(self.stack) > 1):
            return False
        self.seen.add(tag)
        return True

    def _parent_before_body(self, tag: str, at: int) -> Element:
        """Where an element goes before body content: head content stays in (or goes
        back to) the head; anything else ends the head and starts the body."""
        if "template" in self.open:
            return self.stack[-1]  # a template's content is inert
        if tag in HEAD_CONTENT or tag in ("html", "head"):
            head = self.head
            if tag not in ("html", "head") and head is not None and "head" not in self.open:
                return head  # HTML5 "after head": <meta> between </head> and <body>
            return self.stack[-1]
        if "head" in self.open:
            self._close_through("head", at)
        self.in_body = True
        self.seen.add("head")  # a later <head> is ignored
        return self.stack[-1]

    def _text_before_body(self, start: int, end: int) -> None:
        """Text before body content: spaces stay where they are, the first other
        character ends the head and starts the body."""
        raw = self.source[start:end]
        spaces = len(raw) - len(raw.lstrip(_HTML_SPACE))
        if spaces == len(raw) or "template" in self.open:
            self.stack[-1].children.append(Text(start, end))
            return
        if spaces:
            self.stack[-1].children.append(Text(start, start + spaces))
        self._parent_before_body("#text", start + spaces)
        self.stack[-1].children.append(Text(start + spaces, end))

    def _raw_text(self, element: Element, raw: bool) -> int:
        closing = re.compile(rf"</{element.tag}[\s/>]", re.I).search(self.source, element.start_end)
        text_end = closing.start() if closing else len(self.source)
        if text_end > element.start_end:
            element.children.append(Text(element.start_end, text_end, raw=raw))
        element.end = text_end
        tag_end = self.source.find(">", text_end) + 1 if closing else text_end
        element.end_end = tag_end or len(self.source)
        return element.end_end

    def _close_implied(self, tag: str, at: int) -> None:
        """Close what ``tag`` ends implicitly (only called for tags in ``_MAY_CLOSE``)."""
        open_ = self.open
        if "p" in open_ and tag in _CLOSES_P and self._in_scope("p", _P_SCOPE):
            self._close_through("p", at)
        if tag in _HEADINGS and self.stack[-1].tag in _HEADINGS:
            self._close_through(self.stack[-1].tag, at)
        implied = _IMPLIED_END.get(tag)
        if implied is None:
            return
        closes, boundary = implied
        if not closes.isdisjoint(open_):
            # the outermost one within the boundary: a new <tr> closes the row, not its cell
            outermost = None
            for element in reversed(self.stack):
                if element.tag in boundary:
                    break
                if element.tag in closes:
                    outermost = element.tag
            if outermost is not None:
                self._close_through(outermost, at)

    def _in_scope(self, tag: str, boundary: frozenset[str]) -> bool:
        for element in reversed(self.stack):
            if element.tag == tag:
                return True
            if element.tag in boundary:
                return False
        return False

    def _close_through(self, tag: str, at: int, end_end: int | None = None) -> None:
        """Pop elements up to and including the innermost open ``tag``."""
        while len(self.stack) > 1:
            element = self.stack.pop()
            if (count := self.open[element.tag] - 1) > 0:
                self.open[element.tag] = count
            else:
                del self.open[element.tag]
            element.end = element.end_end = at
            if element.tag == tag:
                if end_end is not None:
                    element.end_end = end_end
                return

    def _end_tag(self, tag: str, start: int, end: int) -> None:
        if tag == "br":  # HTML5 treats </br> as <br>
            element = Element("br", {}, start, end, start, end, parent=self.stack[-1])
            self.stack[-1].children.append(element)
        elif tag in self.open and (tag == "head" or tag not in _DOCUMENT):
            self._close_through(tag, start, end_end=end)
        # an end tag for an element that is not open is ignored, as browsers do; so are
        # </body> and </html>, which close nothing in HTML5 (text after them is still body)


def _attributes(text: str, offset: int) -> dict[str, Attribute]:
    attributes: dict[str, Attribute] = {}
    for match in _ATTRIBUTE.finditer(text):
        name = match.group("name").lower()
        if name in attributes:  # HTML5: the first occurrence wins
            continue
        raw = match.group("value")
        if raw is None:
            start = end = offset + match.end()
            value = ""
        else:
            start, end = offset + match.start("value"), offset + match.end("value")
            inner = raw[1:-1] if raw[:1] in "\"'" and len(raw) >= 2 else raw
            value = html.unescape(inner) if "&" in inner else inner
        attributes[name] = Attribute(name, value, start, end)
    return attributes
