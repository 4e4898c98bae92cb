"""The one small protocol every portal connector implements."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class PageRef:
    """A German page as the portal lists it, before its HTML is read.

    ``marker`` changes whenever the page may have changed (file mtime and size, an
    HTTP ETag, WordPress' ``modified_gmt``); an unchanged marker lets ``pull`` skip the
    page without reading it. ``location`` is what translators see in ``#:`` comments:
    a path relative to the project for local files, else the page key.
    """

    key: str
    url: str
    title: str = ""
    marker: str = ""
    location: str = ""

    @property
    def where(self) -> str:
        return self.location or self.key


@dataclass(frozen=True)
class SiteString:
    """Site-wide text a portal keeps outside its pages (a WordPress site's title), for
    the ``_site`` catalog; ``note`` tells translators what it is (``#.``)."""

    text: str
    note: str
    location: str


@runtime_checkable
class Portal(Protocol):
    """Read access to the German pages of a portal."""

    def pages(self) -> Iterator[PageRef]:
        """List the portal's German pages, in a stable order (by key)."""
        ...

    def read(self, page: PageRef) -> str:
        """Return the page's HTML; raise :class:`~kisync.errors.PortalError` if it fails."""
        ...

    def close(self) -> None:
        """Release connections and persist caches."""
        ...
