"""German page + translations → translated page, changing nothing else.

The German page is parsed and segmented with the same rules as ``pull``; each segment's
``start:end`` is the exact source span its translation replaces. Everything outside those
spans is copied byte for byte (entities, comments, WordPress block comments, scripts,
attribute quoting, whitespace), except for a few deliberate edits, each on a single
attribute or tag:

- the page's language: ``<html lang dir>`` (a fragment such as WordPress content gets
  them on its top-level elements, so its blocks stay the same blocks for WordPress'
  block parser; only a fragment with bare text at its top level, which has no blocks,
  is wrapped in ``<div lang dir>``), and ``og:locale``;
- internal links point to the translated page when it is published in this language,
  else to the German one; relative URLs of images, scripts and styles are rebased so
  they still work from the translated page's own address; ``<link rel=canonical>``
  points to the translation;
- static sites only (:class:`Alternates`): ``<link rel="alternate" hreflang>`` for
  every language the page exists in (not private-use tags such as ``de-x-ls``, and none
  on such a page), and a small language switcher after ``<body>`` with all of them.

Translations are **never** trusted as markup. A translation is used only when it is
not empty, not fuzzy and has exactly the segment's pseudo-tags (``<a1>…</a1>``, ``<x1/>``)
each once and properly nested; its text is HTML-escaped, and every pseudo-tag is
replaced by the German page's own markup for it. A ``<script>`` typed by a translator
is shown as text. For WordPress (``shortcodes=True``) its square brackets are escaped
too (``&#91;``, ``&#93;``), so no translation can form a shortcode. Invisible markup
inside a segment (comments, inline scripts) is kept, after the translated text.

Text left in German (no usable translation) is marked ``lang="de"`` (and ``dir="ltr"``
in a right-to-left page) so screen readers switch voice (WCAG 3.1.2): on the element
whose whole content it is (``<p lang="de">``, ``<title lang="de">``), otherwise on a
``<span lang="de">`` around it. Attributes cannot be marked one by one: a German ``alt``,
``placeholder`` or meta description marks its element when that element is void
(``<img>``, ``<input>``, ``<meta>``, which have no content the mark would mislabel); a
German ``title`` or ``aria-label`` on an element with content stays unmarked.
"""

from __future__ import annotations

import bisect
import html
import logging
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from ..errors import ExtractError
from ..extract import ExtractRules
from ..extract.htmltree import VOID, Document, Element, Text, parse_html
from ..extract.segmenter import extract_document
from ..languages import Language
from ..model import PLACEHOLDER, PageText, Placeholder, Segment

log = logging.getLogger(__name__)

Translations = Mapping[tuple[str, str], str]
"""Usable translations of one catalog: (msgctxt, msgid) → msgstr."""

NOT_TRANSLATED = "not translated"

# (tag, attribute) pairs holding URLs. Navigational links go to the translated page
# when there is one; the others are only rebased when they are relative.
_PAGE_LINKS = frozenset({("a", "href"), ("area", "href")})
_URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "object": ("data",),
    "form": ("action",),
    "blockquote": ("cite",),
    "q": ("cite",),
}
_TAG_END = re.compile(r"\s*/?>\Z")
_ONLY_SPACE_AND_COMMENTS = re.compile(r"(?:\s|<!--.*?-->)*\Z", re.S)
_BRACKETS = str.maketrans({"[": "&#91;", "]": "&#93;"})
_NO_CONTENT_MARK = frozenset({"title", "option", "textarea"})
"""Elements that cannot hold a ``<span>``: a German fallback marks the element itself."""


# -- the German page -------------------------------------------------------------


class SourcePage:
    """A German page parsed and segmented once, rendered into any number of languages."""

    def __init__(self, source: str, rules: ExtractRules | None = None) -> None:
        if "\x00" in source:
            raise ExtractError("contains NUL bytes: this is a binary file, not an HTML page")
        self.source = source
        self.document: Document = parse_html(source)
        try:
            self.text: PageText = extract_document(self.document, rules or ExtractRules())
        except RecursionError:
            raise ExtractError("elements are nested too deeply to be a real page") from None
        self.segments: tuple[Segment, ...] = tuple(
            sorted(self.text.segments + self.text.site_segments, key=lambda s: s.start)
        )
        self._scan()

    def _scan(self) -> None:
        """Find what rendering edits besides segments, in one walk over the tree."""
        self.html_element: Element | None = None
        self.head: Element | None = None
        self.body: Element | None = None
        self.url_attributes: list[tuple[Element, str]] = []
        self.og_locale: Element | None = None
        self.charsets: list[Element] = []
        self.with_lang: list[Element] = []
        """Elements below ``<html>`` with their own ``lang``."""
        self.canonical: Element | None = None
        elements: list[Element] = []
        for element in self.document.root.iter():
            if element.tag == "#root":
                continue
            elements.append(element)
            tag = element.tag
            if tag in ("html", "head", "body") and getattr(self, _SLOT[tag]) is None:
                setattr(self, _SLOT[tag], element)
            elif "lang" in element.attributes:
                self.with_lang.append(element)
            for name in _URL_ATTRIBUTES.get(tag, ()):
                if name in element.attributes:
                    self.url_attributes.append((element, name))
            if tag == "meta" and (element.get("property") or "").lower() == "og:locale":
                self.og_locale = element
            elif tag == "meta" and _declares_charset(element):
                self.charsets.append(element)
            elif tag == "link" and "canonical" in (element.get("rel") or "").lower().split():
                self.canonical = element
        self._elements = elements
        self._element_starts = [element.start for element in elements]
        self._attribute_starts = sorted(s.start for s in self.segments if s.attribute)
        self._segment_starts = [s.start for s in self.segments]

    def element_at(self, start: int, end: int) -> Element | None:
        """The innermost element whose content holds the span ``start:end``."""
        index = bisect.bisect_left(self._element_starts, start) - 1
        element = self._elements[index] if index >= 0 else None
        while element is not None and element.tag != "#root":
            if element.start_end <= start and end <= element.end:
                return element
            element = element.parent
        return None

    def owner_of_attribute(self, offset: int) -> Element | None:
        """The element whose start tag holds the attribute value at ``offset``."""
        index = bisect.bisect_right(self._element_starts, offset) - 1
        return self._elements[index] if index >= 0 else None

    def fragment_roots(self) -> list[Element] | None:
        """The top-level elements of a fragment, or None when it has bare text at the top
        (the language then needs a wrapper)."""
        elements = []
        for child in self.document.root.children:
            if isinstance(child, Element):
                elements.append(child)
            elif isinstance(child, Text) and self.source[child.start : child.end].strip():
                return None
        return elements or None

    def has_segments_inside(self, element: Element) -> bool:
        index = bisect.bisect_left(self._segment_starts, element.start_end)
        return index < len(self.segments) and self.segments[index].end <= element.end

    def has_attribute_segments(self, element: Element) -> bool:
        index = bisect.bisect_left(self._attribute_starts, element.start)
        return index < len(self._attribute_starts) and (
            self._attribute_starts[index] < element.start_end
        )


_SLOT = {"html": "html_element", "head": "head", "body": "body"}


# -- inputs and outputs ----------------------------------------------------------


@dataclass(frozen=True)
class Links:
    """Where the links of one translated page point."""

    page_url: str
    """The German page's URL (absolute or root-relative): relative links start there."""
    address: str
    """Where this translation lives: relative links are rewritten relative to it."""
    translated: Mapping[str, str] = field(default_factory=dict)
    """:func:`link_key` of a German page → address of its translation, for every page
    published in this language (this one included)."""
    origins: frozenset[str] = frozenset()
    """Host names (``www.example.org``) whose absolute links count as internal."""


@dataclass(frozen=True)
class Alternates:
    """The language versions of a page, for ``hreflang`` links and the switcher."""

    versions: tuple[tuple[Language, str], ...]
    """(language, address) of the German page first, then of each published translation."""


@dataclass(frozen=True)
class Problem:
    """A translation that was not used; the German text is shown instead."""

    msgid: str
    problem: str
    site: bool
    """True when the translation is in the ``_site`` catalog."""


@dataclass(frozen=True)
class Rendered:
    """A translated page and how much of it was translated."""

    html: str
    title: str
    translated: int
    """Distinct page strings (not menu/footer) with a usable translation."""
    total: int
    """Distinct page strings (not menu/footer)."""
    problems: tuple[Problem, ...] = ()
    """Translations that were not used, each once."""

    @property
    def completeness(self) -> float:
        """Percent of the page's own strings that are translated (100 for an empty page)."""
        return 100.0 * self.translated / self.total if self.total else 100.0


# -- rendering -------------------------------------------------------------------


def render(
    page: SourcePage,
    language: Language,
    translations: Translations,
    site_translations: Translations = {},  # noqa: B006 (read only)
    *,
    links: Links | None = None,
    alternates: Alternates | None = None,
    source_language: str = "de",
    shortcodes: bool = False,
) -> Rendered:
    """Translate ``page`` into ``language``; see the module documentation.

    ``source_language`` (BCP 47) marks text left untranslated. Without ``links`` no URL
    is changed; without ``alternates`` no ``hreflang`` links or switcher are added.
    ``shortcodes``: the target runs WordPress shortcodes, so translated text has its
    square brackets escaped.
    """
    renderer = _Renderer(page, language, translations, site_translations, source_language)
    renderer.shortcodes = shortcodes
    return renderer.run(links, alternates)


def _pieces(segment: Segment, msgstr: str | None) -> tuple[list, str | None]:
    """``msgstr`` split into text and pseudo-tags, or why it cannot be used."""
    if not msgstr or not msgstr.strip():
        return [], NOT_TRANSLATED
    if not segment.placeholders:  # a title or attribute: text like <a1> in it is text
        problem = _tags_not_in(segment.text, msgstr) if "<" in msgstr else None
        return ([], problem) if problem else ([msgstr], None)
    return _parse_tags(segment, msgstr)


@dataclass
class _Edit:
    start: int
    end: int
    make: Callable[[Callable[[int, int], str]], str] | str
    children: list[_Edit] = field(default_factory=list)


class _Renderer:
    def __init__(
        self,
        page: SourcePage,
        language: Language,
        translations: Translations,
        site_translations: Translations,
        source_language: str,
    ) -> None:
        self.page = page
        self.source_language = source_language
        self.german = (
            {"lang": source_language, "dir": "ltr"}
            if language.direction == "rtl"
            else {"lang": source_language}
        )
        self.source = page.source
        self.language = language
        self.translations = translations
        self.site_translations = site_translations
        self.edits: list[_Edit] = []
        self.problems: list[Problem] = []
        self.wrap = False
        self.marked: set[int] = set()
        """Elements marked as German (``id``): the page's language does not go on them."""
        self.shortcodes = False

    def run(self, links: Links | None, alternates: Alternates | None) -> Rendered:
        translated, total, title = self._segments()
        if links is not None:
            self._links(links)
        self._language()
        if alternates is not None:
            self._alternates(alternates)
        text = _assemble(self.source, 0, len(self.source), _tree(self.edits))
        if self.wrap:
            language = html.escape(self.language.bcp47)
            text = f'<div lang="{language}" dir="{self.language.direction}">{text}</div>'
        return Rendered(text, title, translated, total, tuple(self.problems))

    # -- segments ----------------------------------------------------------------

    def _segments(self) -> tuple[int, int, str]:
        done: dict[tuple[str, str], bool] = {}
        reported: set[tuple[bool, str, str]] = set()
        title = ""
        attribute_owners: dict[int, Element] = {}
        translated_owners: set[int] = set()
        for segment in self.page.segments:
            catalog = self.site_translations if segment.site else self.translations
            key = (segment.context, segment.text)
            msgstr = catalog.get(key)
            pieces, problem = _pieces(segment, msgstr)
            if problem not in (None, NOT_TRANSLATED) and (segment.site, *key) not in reported:
                reported.add((segment.site, *key))
                self.problems.append(Problem(segment.text, problem, segment.site))
            if not segment.site:
                done[key] = problem is None
            if segment.kind == "title":
                title = msgstr if problem is None else segment.text
            if segment.attribute:
                owner = self.page.owner_of_attribute(segment.start)
                attribute_owners[id(owner)] = owner
                if problem is None:
                    translated_owners.add(id(owner))
                    self._add(segment.start, segment.end, self._attribute(msgstr))
            elif problem is None:
                self._add(segment.start, segment.end, self._translated(segment, pieces))
            else:
                self._german(segment)
        for key, owner in attribute_owners.items():
            german = key not in translated_owners
            if german and owner.tag in VOID and "lang" not in owner.attributes:
                self._set_attributes(owner, self.german)
        return sum(done.values()), len(done), title

    def _translated(self, segment: Segment, pieces: list) -> Callable[..., str]:

        rtl = self.language.direction == "rtl"

        def make(inner: Callable[[int, int], str]) -> str:
            out: list[str] = []
            for piece in pieces:
                if isinstance(piece, str):
                    text = self._escaped(html.escape(piece, quote=False))
                    out.append(isolate_numbers(text) if rtl else text)
                elif piece[1]:  # a closing tag
                    out.append(piece[0].close)
                else:
                    placeholder = piece[0]
                    tag = inner(placeholder.start, placeholder.start + len(placeholder.open))
                    out.append(left_to_right(placeholder, tag) if rtl else tag)
            out.extend(
                inner(at, at + len(kept))
                for kept, at in zip(segment.kept, segment.kept_at, strict=True)
            )
            return "".join(out)

        return make

    def _escaped(self, text: str) -> str:
        """Escaped translated text: square brackets too where shortcodes would run."""
        return text.translate(_BRACKETS) if self.shortcodes else text

    def _attribute(self, text: str) -> str:
        """A translated attribute value, quoted and escaped."""
        return self._escaped(_quoted(text))

    def _german(self, segment: Segment) -> None:
        element = self.page.element_at(segment.start, segment.end)
        if _declared_language(element, self.source_language):
            return  # the page says which language this is (<p lang="en">): leave it
        marks = self.german
        if element is not None and (
            element.tag in _NO_CONTENT_MARK
            or (
                element.tag not in ("html", "body", "head")
                and _only_space(self.source, element.start_end, segment.start)
                and _only_space(self.source, segment.end, element.end)
                and not self.page.has_attribute_segments(element)
            )
        ):
            self._set_attributes(element, marks)
            self.marked.add(id(element))
            return
        attributes = "".join(f' {name}="{value}"' for name, value in marks.items())
        self._add(segment.start, segment.start, f"<span{attributes}>")
        self._add(segment.end, segment.end, "</span>")

    # -- language of the page ----------------------------------------------------

    def _language(self) -> None:
        """``<html lang dir>``; a fragment's top-level elements, or a wrapper around it."""
        marks = {"lang": self.language.bcp47, "dir": self.language.direction}
        root = self.page.html_element
        document = self.page.head or self.page.body
        if root is None and document is not None:  # a page whose <html> tag is left out
            attributes = "".join(f" {name}={_quoted(value)}" for name, value in marks.items())
            self._add(document.start, document.start, f"<html{attributes}>")
            roots: list | None = []
        else:
            roots = [root] if root is not None else self.page.fragment_roots()
            self.wrap = roots is None
        if root is not None and self.language.direction == "ltr" and "dir" not in root.attributes:
            del marks["dir"]
        for element in roots or ():
            if id(element) in self.marked or element.get("translate") == "no":
                continue  # German text, marked as such; or not text in any language
            own = dict(marks)
            if "xml:lang" in element.attributes:
                own["xml:lang"] = self.language.bcp47
            self._set_attributes(element, own)
        for element in self.page.with_lang:  # <div lang="de"> now holds the translation
            german = _same_language(element.get("lang") or "", self.source_language)
            if german and self.page.has_segments_inside(element):
                self._set_attributes(
                    element, {"lang": self.language.bcp47, "dir": self.language.direction}
                )
        if self.page.og_locale is not None:
            self._set_attributes(self.page.og_locale, {"content": self.language.code})
        for meta in self.page.charsets:  # the translation is written as UTF-8
            if "charset" in meta.attributes:
                self._set_attributes(meta, {"charset": "utf-8"})
            else:
                self._set_attributes(meta, {"content": "text/html; charset=utf-8"})

    # -- links -------------------------------------------------------------------

    def _links(self, links: Links) -> None:
        rewrite = _LinkRewriter(links)
        canonical = self.page.canonical
        for element, name in self.page.url_attributes:
            attribute = element.attributes[name]
            if attribute.value_start == attribute.value_end or element is canonical:
                continue
            if name == "srcset":
                new = rewrite.srcset(attribute.value)
            else:
                navigational = (element.tag, name) in _PAGE_LINKS
                new = rewrite.url(attribute.value, navigational=navigational)
            if new is not None and new != attribute.value:
                self._add(attribute.value_start, attribute.value_end, _quoted(new))
        if canonical is not None and "href" in canonical.attributes:
            new = rewrite.to_address(canonical.get("href") or "")
            self._set_attributes(canonical, {"href": new})

    # -- alternates and switcher -------------------------------------------------

    def _alternates(self, alternates: Alternates) -> None:
        head, body = self.page.head, self.page.body
        if head is not None and not self.language.private_use:
            # Private-use tags (easy German) mean nothing to search engines, which would
            # see two "de" pages: they are in the switcher only, not in hreflang.
            versions = [
                (language.bcp47, href)
                for language, href in alternates.versions
                if not language.private_use
            ]
            versions.append(("x-default", alternates.versions[0][1]))
            lines = "".join(
                f'<link rel="alternate" hreflang="{code}" href="{html.escape(href)}">\n'
                for code, href in versions
            )
            self._add(head.end, head.end, lines)
        if body is not None:
            self._add(body.start_end, body.start_end, _switcher(alternates, self.language))

    # -- edits -------------------------------------------------------------------

    def _add(self, start: int, end: int, make: Callable[..., str] | str) -> None:
        self.edits.append(_Edit(start, end, make))

    def _set_attributes(self, element: Element, values: Mapping[str, str]) -> None:
        """Set attributes on an element's start tag, touching nothing else in it."""
        missing: list[str] = []
        for name, value in values.items():
            attribute = element.attributes.get(name)
            if attribute is None:
                missing.append(f" {name}={_quoted(value)}")
            elif attribute.value_start == attribute.value_end:  # bare attribute
                self._add(attribute.value_start, attribute.value_start, f"={_quoted(value)}")
            elif attribute.value != value:
                self._add(attribute.value_start, attribute.value_end, _quoted(value))
        if missing:
            tag = self.source[element.start : element.start_end]
            end = _TAG_END.search(tag)
            at = element.start + (end.start() if end else len(tag))
            self._add(at, at, "".join(missing))


# -- right to left -------------------------------------------------------------------

_NUMBER_RUN = re.compile(r"\+?\d+(?:[ \u00a0./\-\u2013:]+\d+)+")
"""Digits with separators between them: ``02452 13-4200``, ``01.10.2026``, ``9-12``."""
_LTR_LINK = re.compile(r"""^<a\b[^>]*\bhref\s*=\s*["']?\s*(?:tel|mailto|sms|fax):""", re.I)


def isolate_numbers(text: str) -> str:
    """Escaped right-to-left text with every phone number, date or range in
    ``<bdi dir="ltr">``, so "02452 13-4200" is not shown as "4200-13 02452"."""
    return _NUMBER_RUN.sub(lambda match: f'<bdi dir="ltr">{match.group(0)}</bdi>', text)


def left_to_right(placeholder: Placeholder, markup: str) -> str:
    """In a right-to-left page: a ``tel:``/``mailto:`` link's start tag gets ``dir="ltr"``,
    kept content (``<x1/>``: web and e-mail addresses, ``translate="no"``) a ``<bdi>``."""
    start, _, rest = markup.partition(">")
    if _LTR_LINK.match(markup) and not re.search(r"\sdir\s*=", start, re.I):
        return f'{start} dir="ltr">{rest}'
    if placeholder.name.startswith("x") and _visible(markup):
        return f'<bdi dir="ltr">{markup}</bdi>'
    return markup


def _visible(markup: str) -> bool:
    return bool(re.sub(r"<[^>]*>", "", markup).strip())


def _switcher(alternates: Alternates, current: Language) -> str:
    """A list of links to the other versions, each named in its own language."""
    items = []
    for language, href in alternates.versions:
        code = language.bcp47
        here = ' aria-current="page"' if code == current.bcp47 else ""
        items.append(
            f'<li><a href="{html.escape(href)}" hreflang="{code}" lang="{code}" '
            f'dir="{language.direction}"{here}>{html.escape(language.native_name)}</a></li>'
        )
    return (
        '\n<nav class="kisync-languages"><ul style="list-style:none;display:flex;'
        'flex-wrap:wrap;gap:1em;margin:0;padding:.5em 1em">' + "".join(items) + "</ul></nav>\n"
    )


# -- pseudo-tags -------------------------------------------------------------------


def _tags_not_in(msgid: str, msgstr: str) -> str | None:
    """A pseudo-tag in ``msgstr`` that is not text of ``msgid`` (a string without tags)."""
    allowed = Counter(match.group() for match in PLACEHOLDER.finditer(msgid))
    for match in PLACEHOLDER.finditer(msgstr):
        token = match.group()
        if not allowed[token]:
            return f"{token} is not a tag of this string"
        allowed[token] -= 1
    return None


def _parse_tags(segment: Segment, msgstr: str) -> tuple[list, str | None]:
    """Split a msgstr into text and (placeholder, is_close) pieces; second item: problem."""
    by_token = {}
    for placeholder in segment.placeholders:
        tokens = placeholder.tokens
        by_token[tokens[0]] = (placeholder, False)
        if len(tokens) > 1:
            by_token[tokens[1]] = (placeholder, True)
    pieces: list = []
    seen: set[str] = set()
    open_stack: list[str] = []
    position = 0
    for match in PLACEHOLDER.finditer(msgstr):
        token = match.group(0)
        known = by_token.get(token)
        if known is None:
            return [], f"{token} is not a tag of this string"
        if token in seen:
            return [], f"{token} appears twice"
        seen.add(token)
        placeholder, closing = known
        if closing:
            if not open_stack or open_stack[-1] != placeholder.name:
                if f"<{placeholder.name}>" in seen:
                    return [], f"{token} closes the wrong tag"
                return [], f"{token} comes before its opening tag"
            open_stack.pop()
        elif not placeholder.atomic:
            open_stack.append(placeholder.name)
        pieces.append(msgstr[position : match.start()])
        pieces.append(known)
        position = match.end()
    pieces.append(msgstr[position:])
    missing = [token for token in by_token if token not in seen]
    if missing:
        return [], f"missing {', '.join(missing)}"
    return [piece for piece in pieces if piece != ""], None


# -- links -----------------------------------------------------------------------


def link_key(url: str) -> str:
    """How a German page's URL is looked up: its path, without ``index.html`` and the
    trailing slash (``/a/b/index.html`` and ``/a/b`` → ``/a/b``)."""
    path = unquote(urlsplit(url).path)
    name = path.rsplit("/", 1)[-1]
    if name.lower() in ("index.html", "index.htm", "index.php"):
        path = path[: -len(name)]
    return path.rstrip("/")


class _LinkRewriter:
    def __init__(self, links: Links) -> None:
        self.links = links
        page = urlsplit(links.page_url)
        self.page_origin = (page.scheme, page.netloc)
        self.origins = links.origins | ({page.netloc} if page.netloc else set())
        self.here = urlsplit(links.address)

    def url(self, value: str, *, navigational: bool) -> str | None:
        value = value.strip()
        if not value or value.startswith(("#", "?")):
            return None
        root_relative = value.startswith("/") and not value.startswith("//")
        if root_relative and not navigational:
            return None  # an image or stylesheet: still right from the new address
        parts = urlsplit(value)
        if parts.scheme and parts.scheme.lower() not in ("http", "https"):
            return None  # mailto:, tel:, data:, javascript: …
        if parts.netloc and parts.netloc.lower() not in self.origins:
            return None  # another site
        resolved = parts if root_relative else urlsplit(_join(self.links.page_url, value))
        target = self.links.translated.get(link_key(resolved.path)) if navigational else None
        if target is None:
            if parts.netloc or value.startswith("/"):
                return None  # absolute or root-relative: still right from the new address
            target = resolved.path
        goal = urlsplit(target)
        suffix = (resolved.query, parts.fragment)
        if parts.netloc:  # keep absolute links absolute
            scheme, netloc = (goal.scheme, goal.netloc) if goal.netloc else parts[:2]
            return urlunsplit((scheme, netloc, goal.path, *suffix))
        if goal.netloc and goal.netloc != self.here.netloc:
            return urlunsplit((goal.scheme, goal.netloc, goal.path, *suffix))
        if value.startswith("/") or self.here.path == "":
            return urlunsplit(("", "", goal.path, *suffix))
        return urlunsplit(("", "", _relative(self.here.path, goal.path), *suffix))

    def srcset(self, value: str) -> str | None:
        """Rebase the URLs of ``url 2x, url 640w`` candidates."""
        out = []
        for candidate in value.split(","):
            url = candidate.split()[0] if candidate.strip() else ""
            new = self.url(url, navigational=False) if url else None
            out.append(candidate.replace(url, new, 1) if new else candidate)
        joined = ",".join(out)
        return joined if joined != value else None

    def to_address(self, value: str) -> str:
        """The canonical URL of the translation, absolute when the original was."""
        parts = urlsplit(value.strip())
        if self.here.netloc or not parts.netloc:
            return self.links.address
        return urlunsplit((parts.scheme, parts.netloc, self.here.path, "", ""))


def _join(base: str, value: str) -> str:
    return urljoin(base or "/", value)


def _relative(here: str, target: str) -> str:
    """The relative URL from the page at ``here`` to ``target`` (both root-relative)."""
    directory = here if here.endswith("/") else posixpath.dirname(here) + "/"
    relative = posixpath.relpath(target or "/", directory)
    if relative == ".":
        return "./"
    if target.endswith("/") and not relative.endswith("/"):
        relative += "/"
    if ":" in relative.split("/", 1)[0]:
        relative = "./" + relative
    return relative


# -- applying edits ------------------------------------------------------------------


def _tree(edits: Iterable[_Edit]) -> list[_Edit]:
    """Nest edits by containment (an attribute inside a placeholder's tag inside a
    paragraph); a partial overlap is a bug in a caller and is dropped with a log line."""
    roots: list[_Edit] = []
    stack: list[_Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, -e.end)):
        while stack and (
            edit.start >= stack[-1].end and not (edit.start == edit.end == stack[-1].start)
        ):
            stack.pop()
        if stack and edit.end > stack[-1].end:
            log.warning(
                "overlapping edits at %d–%d; the inner one is dropped", edit.start, edit.end
            )
            continue
        (stack[-1].children if stack else roots).append(edit)
        if edit.end > edit.start:
            stack.append(edit)
    return roots


def _assemble(source: str, start: int, end: int, edits: Sequence[_Edit]) -> str:
    out: list[str] = []
    position = start
    for edit in edits:
        if edit.start < position or edit.end > end:
            continue  # outside the slice asked for
        out.append(source[position : edit.start])
        if isinstance(edit.make, str):
            out.append(edit.make)
        else:
            children = edit.children

            def inner(a: int, b: int, children: list[_Edit] = children) -> str:
                return _assemble(source, a, b, [c for c in children if a <= c.start and c.end <= b])

            out.append(edit.make(inner))
        position = edit.end
    out.append(source[position:end])
    return "".join(out)


def _declared_language(element: Element | None, source_language: str) -> bool:
    """Whether ``element`` or an ancestor below ``<html>`` says it is in another language
    than the source (``lang="de"`` on an article is rewritten to the target language)."""
    while element is not None and element.tag not in ("html", "#root"):
        lang = element.get("lang")
        if lang is not None:
            return not _same_language(lang, source_language)
        element = element.parent
    return False


def _same_language(tag: str, language: str) -> bool:
    """``de-DE`` is ``de``: the primary language subtags are equal."""
    return tag.strip().lower().split("-")[0].split("_")[0] == language.lower().split("-")[0]


def _declares_charset(meta: Element) -> bool:
    """``<meta charset>`` or ``<meta http-equiv=content-type>`` naming another encoding."""
    if "charset" in meta.attributes:
        declared = meta.get("charset") or ""
    elif (meta.get("http-equiv") or "").lower() == "content-type":
        declared = (meta.get("content") or "").lower().partition("charset=")[2]
    else:
        return False
    return declared.strip().strip("\"'").lower() not in ("utf-8", "utf8")


def _only_space(source: str, start: int, end: int) -> bool:
    return start >= end or _ONLY_SPACE_AND_COMMENTS.match(source, start, end) is not None


def _quoted(value: str) -> str:
    return '"' + html.escape(value, quote=True) + '"'
