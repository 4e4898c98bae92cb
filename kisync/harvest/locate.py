"""Where a German page's existing translation is, on each kind of portal.

``[harvest] pattern`` names it with ``{lang}`` (the code as in ``languages``, ``fa_AF``),
``{bcp47}`` (lower-case BCP 47, ``fa-af``), ``{path}``, ``{slug}`` (the last part of the
path) and ``{key}`` (the page key). Without a pattern:

- **files**: ``{lang}/{path}``, ``{path}`` being the German file's path in the portal
  folder (``en/bildung-sprache/integrationskurse/index.html``); ``{bcp47}`` is tried too;
- **crawl**: the German page's ``<link rel="alternate" hreflang="…">``; with a pattern,
  ``{path}`` is the German URL's path (``{lang}/{path}`` → ``https://site/en/a/b/``);
- **wordpress**: the page ``kisync push`` publishes to (child of the language root
  ``/en/``, or found by the bridge plugin's meta); with a pattern, ``{path}`` is the
  German page's slug path and the pattern the translated page's slug path
  (``{lang}/{path}`` → ``/en/beratung/fuer-familien/``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urljoin, urlsplit

from ..errors import PortalError
from ..extract.htmltree import parse_html
from ..languages import Language
from ..portal.base import PageRef

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Found:
    """An existing translation of a German page."""

    html: str
    where: str
    """What the catalog note and the report name: a path in the portal folder or a URL."""
    url: str
    """Its address, against which its relative links are resolved."""


class Locator(Protocol):
    def find(self, page: PageRef, german: str, language: Language) -> Found | None:
        """The translation of ``page`` (whose HTML is ``german``), or None if there is none."""
        ...


def fields(pattern: str, language: Language, page: PageRef, path: str) -> str:
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    return pattern.format(
        lang=language.code, bcp47=language.bcp47.lower(), path=path, slug=slug, key=page.key
    )


class FilesLocator:
    def __init__(self, folder: Path, pattern: str = "") -> None:
        self.folder = Path(folder)
        self.patterns = (pattern,) if pattern else ("{lang}/{path}", "{bcp47}/{path}")

    def find(self, page: PageRef, german: str, language: Language) -> Found | None:
        source = _source_file(self.folder, page)
        for pattern in self.patterns:
            relative = fields(pattern, language, page, source).lstrip("/")
            path = self.folder / relative
            if not path.resolve().is_relative_to(self.folder.resolve()):
                raise PortalError(f"[harvest] pattern leads outside {self.folder}: {relative}")
            if path.is_file():
                from ..portal.files import _url_path, decode_html

                html = decode_html(path.read_bytes(), str(path))
                return Found(html, Path(relative).as_posix(), _url_path(relative))
        return None


def _source_file(folder: Path, page: PageRef) -> str:
    """The German page's file, relative to the portal folder (``a/index.html``, ``a/b.html``)."""
    relative = page.url.lstrip("/")
    if not relative or relative.endswith("/"):
        for name in ("index.html", "index.htm"):
            if (folder / relative / name).exists():
                return relative + name
        return relative + "index.html"
    return relative


class CrawlLocator:
    """Translations on a live site, by pattern or by the German page's hreflang links."""

    def __init__(
        self,
        site: str,
        pattern: str = "",
        *,
        timeout: float = 30.0,
        retries: int = 3,
        delay: float = 0.5,
    ) -> None:
        """``site``: the portal's address; ``delay``: seconds between two requests."""
        from ..portal.http import Throttle, make_session

        self.site = site
        self.pattern = pattern
        self.session = make_session(
            timeout=timeout, retries=retries, throttle=Throttle(delay), pool_size=1
        )

    def find(self, page: PageRef, german: str, language: Language) -> Found | None:
        if self.pattern:
            path = unquote(urlsplit(page.url).path).lstrip("/")
            url = urljoin(self.site.rstrip("/") + "/", fields(self.pattern, language, page, path))
        else:
            url = hreflang_url(german, page.url, language)
            if url is None:
                return None
        return self._fetch(url)

    def _fetch(self, url: str) -> Found | None:
        from ..portal.crawl import HTML_TYPES
        from ..portal.decoding import decode_html
        from ..portal.http import request

        reply = request(self.session, "GET", url, ok=(200, 404, 410), content_types=HTML_TYPES)
        if reply.status != 200 or not reply.body_read:
            log.info("%s: no translation there (HTTP %s)", url, reply.status)
            return None
        return Found(decode_html(reply.content, reply.headers.get("Content-Type", "")), url, url)

    def close(self) -> None:
        self.session.close()


def hreflang_url(html: str, base: str, language: Language) -> str | None:
    """The ``<link rel="alternate" hreflang>`` address of ``language`` in a page's head."""
    wanted = language.bcp47.lower()
    primary = wanted.split("-")[0]
    exact, loose = [], []
    for element in parse_html(html).root.iter():
        if element.tag != "link" or "alternate" not in (element.get("rel") or "").lower().split():
            continue
        code = (element.get("hreflang") or "").strip().lower()
        href = (element.get("href") or "").strip()
        if not href:
            continue
        if code == wanted:
            exact.append(href)
        elif code.split("-")[0] == primary:
            loose.append(href)
    chosen = exact or (loose if len(loose) == 1 else [])
    return urljoin(base, chosen[0]) if chosen else None
