"""Plain data that flows through the pipeline. No I/O here."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PLACEHOLDER = re.compile(r"<(/?)([a-z]+)(\d+)(/?)>")
"""A pseudo-tag in a msgid: ``<a1>``, ``</a1>``, ``<br1/>``, ``<x1/>``."""
NO_BODY_TEXT = "X-Kisync-No-Body-Text"
"""Catalog header of a page whose body had no text to translate: such a catalog counts
one untranslated string more (the text kisync did not find), so the page is never
complete (:mod:`kisync.progress.scan`)."""


@dataclass(frozen=True, slots=True)
class Placeholder:
    """What a numbered pseudo-tag in a msgid stands for.

    ``open``/``close`` are the exact source markup, so publishing can restore the
    source's own tags (with their attributes) around translated text. For atomic
    placeholders (``<x1/>``, ``<br1/>``) ``open`` is the whole element and ``close``
    is empty.
    """

    name: str
    open: str
    close: str
    note: str
    start: int = field(default=-1, compare=False)
    """Source offset of ``open`` (publishing translates attributes inside it)."""

    @property
    def atomic(self) -> bool:
        return not self.close and self.name.rstrip("0123456789") in ("x", "br")

    @property
    def tokens(self) -> tuple[str, ...]:
        """How the placeholder appears in a msgid."""
        return (f"<{self.name}/>",) if self.atomic else (f"<{self.name}>", f"</{self.name}>")


@dataclass(frozen=True, slots=True)
class Segment:
    """One translatable string of a page, with where it came from.

    ``start:end`` is the source span a translation replaces when publishing;
    for attributes it is the value token, quotes included. ``kept`` holds invisible
    markup inside that span (comments, inline scripts) that publishing must keep.
    """

    text: str
    kind: str
    """Where it came from: an element (``p``, ``h2``, ``li``, ``title``), an attribute
    (``@alt``, ``@title``, ``@aria-label``, ``@placeholder``, ``@value``) or page
    metadata (``meta description``, ``og:title``, ``og:description``)."""
    line: int
    start: int
    end: int
    placeholders: tuple[Placeholder, ...] = ()
    context: str = ""
    """msgctxt, set by a ``data-kisync-context`` attribute in the page."""
    wrapper: tuple[str, ...] = ()
    """Inline elements around the whole text that stay in the page, described for
    translators: ``("link to /kontakt/",)`` for a menu item."""
    kept: tuple[str, ...] = ()
    kept_at: tuple[int, ...] = field(default=(), compare=False)
    """Source offset of each ``kept`` item."""
    site: bool = False
    """True for site-wide text (menu, header, footer) that goes to the ``_site`` catalog."""
    attribute: bool = False
    """True when the text is an attribute value rather than element content."""


@dataclass(frozen=True, slots=True)
class PageText:
    """Everything extracted from one page."""

    segments: tuple[Segment, ...]
    """Page-specific strings, in document order."""
    site_segments: tuple[Segment, ...]
    """Strings outside the content region (menu, footer), in document order."""
    title: str = ""
    content_found: bool = True
    """False when the ``content`` selector matched nothing and the whole body was used."""
    body_text: bool = True
    """False when the content region (or the whole body) has no text to translate, only
    the title and metadata: a page built by JavaScript, a selector that picks the wrong
    element, a page kisync cannot read."""
