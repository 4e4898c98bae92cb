"""Existing translations on a WordPress site (see :mod:`kisync.harvest.locate`)."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from ..languages import Language
from ..portal.base import PageRef
from ..portal.wordpress import WordPressPortal, page_document
from ..publish.polylang import target_for
from .locate import Found, fields

READ_FIELDS = "id,title,content,link"


class WordPressLocator:
    """By default the page ``kisync push`` would write (so the publish side's lookup is
    reused: language root + slug, or the bridge plugin's meta; with Polylang, the German
    page's translation group); with a pattern, the published page at that slug path."""

    def __init__(self, portal: WordPressPortal, pattern: str = "") -> None:
        self.portal = portal
        self.pattern = pattern
        self.target = target_for(portal)
        self._paths: dict[str, int] | None = None

    def find(self, page: PageRef, german: str, language: Language) -> Found | None:
        if self.pattern:
            source = self.portal.source(page.key)
            wanted = fields(self.pattern, language, page, source.path).strip("/")
            page_id = self._by_path().get(wanted)
        else:
            published = self.target.current(language, page, None)
            page_id = int(published.remote_id) if published is not None else None
        if page_id is None:
            return None
        data = self.portal.client.get(f"wp/v2/pages/{page_id}", context="edit", _fields=READ_FIELDS)
        document = page_document(_raw(data, "title"), _raw(data, "content"))
        link = str(data.get("link") or f"{self.portal.client.site}/?page_id={page_id}")
        return Found(document, link, link)

    def _by_path(self) -> dict[str, int]:
        """Slug path → id of every published page (German and translated)."""
        if self._paths is None:
            pages = {
                page["id"]: page
                for page in self.portal.client.list(
                    "wp/v2/pages",
                    {"context": "edit", "status": "publish", "_fields": "id,parent,slug"},
                )
            }
            self._paths = {_path(page, pages): page_id for page_id, page in pages.items()}
        return self._paths


def _path(page: dict[str, Any], pages: dict[int, dict[str, Any]]) -> str:
    slugs = []
    seen: set[int] = set()
    while page is not None and page["id"] not in seen:
        seen.add(page["id"])
        slugs.append(unquote(page.get("slug") or str(page["id"])))
        page = pages.get(page.get("parent") or 0)
    return "/".join(reversed(slugs))


def _raw(data: Any, name: str) -> str:
    value = data.get(name) if isinstance(data, dict) else None
    if isinstance(value, dict):
        value = value.get("raw", value.get("rendered", ""))
    return value if isinstance(value, str) else ""
