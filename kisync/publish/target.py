"""The publish-target protocol: the one small interface every place we publish to implements.

``kisync push`` (:mod:`kisync.publish.push`) owns everything generic: the publish policy,
rendering, the publish state (``.kisync/publish-state.json``), "nothing changed → no
request at all", conflict detection, ``--dry-run`` and ``--force``. A target only
answers these questions about one translated page at a time:

- :meth:`~PublishTarget.address`: where will the translation of this German page live?
  (no I/O; used to point internal links and ``hreflang`` alternates at it)
- :meth:`~PublishTarget.current`: is it there now, and which version is it?
- :meth:`~PublishTarget.survey`: the same for many published pages at once (cheap: a
  files target reads them, WordPress lists them in batches of 100), so push notices an
  edit on the target on every run, not only when the page next needs writing.
- :meth:`~PublishTarget.write`: create or update it.
- :meth:`~PublishTarget.remove`: take it down (only when the project asks to withdraw
  translations that fell below ``min_completeness``).

How push uses a target, per page and language::

    previous = state.get(lang, key)            # Published | None, what we wrote last time
    if nothing changed since previous:         # inputs and rendered bytes unchanged
        skip, unless target.survey() says the page was edited there (one batched look
                                               # for all such pages, see below)
    remote = target.current(lang, source, previous)
    if remote and remote.content_hash == target.content_hash(page):
        adopt (it already holds what we would write: an earlier run wrote it but was
               killed, or its answer was lost, before it could record it)
    elif remote and remote.fingerprint != (previous.fingerprint if previous else None) \
            and not force:
        conflict (edited on the target since kisync wrote it, or there although kisync
                  has no record of it; exit 1, with a diff of the text)
    else:
        state[lang, key] = target.write(lang, page, remote or previous)

``previous`` given to :meth:`write` is how the target knows whether to update (it holds
the ``remote_id``) or create. A target that cannot look a page up by its natural place
(WordPress: parent + slug) must not claim it is absent: :meth:`current` returning
``None`` allows :meth:`write` to create.

Errors: raise :class:`~kisync.errors.PortalError` (one line, no secrets) for a page
that cannot be read or written; push reports it, records nothing for that page and
goes on with the others. Calls for different pages may come from up to
:attr:`~PublishTarget.concurrency` threads at once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..languages import Language
from ..portal.base import PageRef


@dataclass(frozen=True)
class Published:
    """A translated page as it is (or was, when we wrote it) on the target.

    Kept per language and page key in ``.kisync/publish-state.json``.
    """

    remote_id: str
    """The target's own id: a WordPress post id; files: the path below the output folder."""
    fingerprint: str
    """Identifies one version of the page on the target, changes whenever anyone edits
    it: WordPress ``modified_gmt``; files: sha256 of the bytes."""
    url: str
    """Where readers find it (absolute, or root-relative for a static site)."""
    content_hash: str = ""
    """sha256 (hex) of the page's content as it is on the target, when the target can tell
    cheaply; when :meth:`PublishTarget.content_hash` of the page we would write matches
    it, push adopts the page instead of writing it (or calling it a conflict). Leave
    empty when unknown."""
    modified: str = ""
    """When the page was last changed on the target (ISO 8601, UTC), when known: shown
    with a conflict and in the note of an edit taken back into a catalog."""


@dataclass(frozen=True)
class RenderedPage:
    """A translated page, ready to be written."""

    source: PageRef
    """The German page it translates (key, URL and whatever the portal put in it)."""
    language: Language
    html: str
    """The translated page: a whole document, or a fragment when the portal gives
    fragments (WordPress ``content.raw``); the same shape the portal's ``read`` returned."""
    title: str = ""
    """The translated ``<title>`` text (plain text, not escaped), or ``""``."""

    @property
    def key(self) -> str:
        return self.source.key

    @property
    def content_hash(self) -> str:
        return content_hash(self.html)


def content_hash(text: str) -> str:
    """sha256 of a page's UTF-8 bytes, hex: what :attr:`Published.content_hash` holds."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@runtime_checkable
class PublishTarget(Protocol):
    """Somewhere translated pages are published: a folder, a WordPress site."""

    name: str
    """Identifies the target in the publish state (``files:/abs/site``,
    ``wordpress:https://host``); records made for another target are not trusted."""
    concurrency: int
    """How many pages push may handle at once, each call from its own thread (1 = one
    at a time). The target must be safe to call from that many threads."""
    standalone: bool
    """True when pages are whole documents that must carry their own ``hreflang``
    alternates and language switcher (a static site); False when the CMS does that."""
    shortcodes: bool
    """True when the target runs WordPress shortcodes (``[video …]``) in a page's
    content: square brackets in translated text are then escaped."""

    def address(self, language: Language, source: PageRef) -> str:
        """Where the translation of ``source`` lives once written: an absolute URL or a
        root-relative path (``/en/bildung-sprache/``). Pure: no request, same answer
        before and after :meth:`write`. Internal links are pointed at it."""
        ...

    def content_hash(self, page: RenderedPage) -> str:
        """What :attr:`Published.content_hash` will be once ``page`` is written here.

        Files: :func:`content_hash` of ``page.html``. A target that stores a page in
        parts (WordPress: the title and the content without its ``<title>``) hashes the
        parts it stores, the same way for a page it writes and a page it finds.
        """
        ...

    def current(
        self, language: Language, source: PageRef, previous: Published | None
    ) -> Published | None:
        """The translated page as it is on the target now, or None if it is not there.

        With ``previous``, look it up by ``previous.remote_id``; without, by its natural
        place (so an interrupted earlier run is recognised, never duplicated).
        """
        ...

    def survey(self, published: Sequence[Published]) -> dict[str, Published]:
        """The current version of many published pages at once, by ``remote_id``.

        Pages that are no longer there are left out. Must be cheap for thousands of
        pages (no request per page); push calls it on every run for the pages it would
        otherwise not look at.
        """
        ...

    def content(self, language: Language, published: Published) -> str | None:
        """The page's current text on the target (for ``--dry-run`` diffs), or None."""
        ...

    def write(
        self, language: Language, page: RenderedPage, previous: Published | None
    ) -> Published:
        """Create the page (``previous`` is None) or replace its content; return what is
        there now. Must not create a second copy of a page that ``current`` found."""
        ...

    def remove(self, language: Language, source: PageRef, previous: Published) -> None:
        """Take a published translation down (delete the file; WordPress: unpublish)."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...
