"""The WordPress target: translated pages as children of per-language root pages.

The English translation of the German page ``/beratung/fuer-familien/`` becomes the
page ``/en/fuer-familien/``: a child of the language root ``/en/`` (created on demand,
titled with the language's own name, "English", "العربية"), with the German slug.
Two German pages with the same slug (``/beratung/kontakt/``, ``/bildung/kontakt/``)
get their slug path instead (``/en/beratung-kontakt/``), so no translation can ever
take another one's place.

Safety, in the order it matters:

- **No duplicates.** A page is only created after looking it up at its place (parent
  + slug, and with the bridge plugin by its German page's id). A create that fails
  after it may have reached WordPress (a timeout, a dropped connection, a 5xx) is not
  simply sent again: the place is looked up first, and a page found there is the one
  the first attempt created. Creating the language root follows the same rule, once
  per language even with several threads.
- **No lost edits.** :attr:`Published.fingerprint` is ``modified_gmt``, the status and
  a hash of title and content: any save in WordPress changes the first (an edit within
  the same second still changes the last), unpublishing changes the second. Push
  compares it with the one recorded when kisync wrote the page, for every published
  page on every push (:meth:`WordPressTarget.survey`: one listing request per 100
  pages), and leaves a changed page alone, unless ``--force``.
- **Content hashes that mean the same on both sides.** :meth:`WordPressTarget.content_hash`
  hashes exactly the status, title and content kisync sends, and :meth:`current` those
  WordPress holds, so a page an interrupted run wrote (or whose answer was lost) is
  recognised and adopted.

The bridge plugin (``contrib/wordpress/kisync-bridge.php``) is optional. When WordPress
has it, every translated page also carries post meta (German page id, language,
direction, hash of the German text) that the plugin uses for ``hreflang`` alternates and
``<html lang dir>``, and that lets kisync find a translation even after someone moved it.
"""

from __future__ import annotations

import hashlib
import html
import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urlsplit

from ..errors import KisyncError, PortalError
from ..languages import Language
from ..portal.base import PageRef
from ..portal.http import RETRY_STATUSES, HTTPStatusError
from ..portal.multilingual import Multilingual, detect
from ..portal.wordpress import (
    BRIDGE_NAMESPACE,
    WordPressClient,
    WordPressError,
    WordPressPortal,
    content_of,
    language_slug,
    page_document,
    protect_shortcodes,
    raw_text,
    title_of,
)
from .render import Translations
from .target import Published, RenderedPage

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

PAGE_FIELDS = "id,parent,slug,link,status,modified_gmt,title,content,meta,kisync_polylang"
"""(``kisync_polylang``: the bridge plugin's Polylang group of the page, in Polylang mode.)"""
LIVE_STATUSES = "publish,future,draft,pending,private"
"""Every status a page can have at its place; trashed pages give their slug up."""
SITE = {"name": "site title", "description": "tagline"}
"""The bridge's fields of the site title and tagline (``GET/POST kisync/v1/site``)."""
SURVEY_BATCH = 100
"""Pages per listing request when push checks published pages for edits (WordPress'
largest ``per_page``)."""


class WordPressTarget:
    """Publish translated pages to a WordPress site; see the module documentation."""

    standalone = False
    shortcodes = True

    def __init__(
        self,
        portal: WordPressPortal,
        *,
        backoff: float = 0.5,
        bridge: bool | None = None,
        site: Multilingual | None = None,
    ) -> None:
        self.portal = portal
        self.site = site
        """How the site is multilingual, when it was detected before (see ``prepare``)."""
        self.client: WordPressClient = portal.client
        self.name = f"wordpress:{self.client.site}"
        self.concurrency = max(1, self.client.settings.concurrency)
        self.backoff = backoff
        self._bridge = bridge
        self._roots: dict[str, int | None] = {}
        """Language slug → id of its root page (None: not there yet)."""
        self._root_lock = threading.Lock()
        self._bridge_lock = threading.Lock()
        self._slug_map: dict[str, str] | None = None
        self._slug_lock = threading.Lock()

    # -- the protocol --------------------------------------------------------------

    def address(self, language: Language, source: PageRef) -> str:
        slug = quote(self._slug(source), safe="")
        return f"{self.client.site}/{language_slug(language)}/{slug}/"

    def content_hash(self, page: RenderedPage) -> str:
        title, content = self._fields_of(page)
        meta = self._meta(page.language, page.source) if self.has_bridge() else None
        return _hash("publish", title, content, meta)

    @property
    def setup(self) -> str:
        """What else a page's render depends on: with the bridge installed later, every
        page is written again (with its meta)."""
        return "bridge" if self.has_bridge() else ""

    def prepare(
        self,
        languages: Sequence[Language],
        *,
        create_languages: bool = False,
        dry_run: bool = False,
    ) -> list[str]:
        """Before a push: how the site is multilingual, in a few lines for people."""
        if self.site is None:
            self.site = detect(self.client)
        return self.site.describe()

    def finish(
        self,
        languages: Sequence[Language],
        *,
        dry_run: bool = False,
        site: Mapping[str, Translations] | None = None,
    ) -> list[str]:
        """After a push, through the bridge plugin: the site's menus in each language
        (copies of the German menus whose links lead to the translations), what only
        the theme can translate, and the site title and tagline from ``site`` (language
        code → its publishable ``_site`` translations); a few lines for people."""
        if not self.has_bridge():
            return []
        return self._menus(languages, dry_run) + self._site_title(languages, site or {}, dry_run)

    def _menus(self, languages: Sequence[Language], dry_run: bool) -> list[str]:
        lines: list[str] = []
        unreachable: list[str] = []
        for language in languages:
            name = self._menu_language(language)
            if not name:
                continue
            try:
                answer = self.client.call(
                    "POST",
                    f"{BRIDGE_NAMESPACE}/menus",
                    json={"language": name, "apply": not dry_run},
                ).json()
            except WordPressError as error:
                if error.status != 404:
                    raise
                return ["menus per language: the bridge plugin is older than 1.2; update it"]
            if not isinstance(answer, dict):
                raise PortalError(f"{self.client.site}: unexpected answer about menus")
            lines += [menu_line(language, menu, dry_run) for menu in answer.get("menus") or ()]
            unreachable = [str(item) for item in answer.get("unreachable") or ()]
        lines += [
            f"not reachable by kisync (stays as the theme shows it; translate it in the theme"
            f" or with a WordPress language pack): {item}"
            for item in unreachable
        ]
        return lines

    def _site_title(
        self, languages: Sequence[Language], site: Mapping[str, Translations], dry_run: bool
    ) -> list[str]:
        """Send the translated site title and tagline of the languages whose stored ones
        differ (one request, none when nothing changed); untranslated ones stay German."""
        try:
            answer = self.client.get(f"{BRIDGE_NAMESPACE}/site")
        except WordPressError as error:
            if error.status != 404:
                raise
            return ["site title per language: the bridge plugin is older than 1.3; update it"]
        if not isinstance(answer, dict):
            raise PortalError(f"{self.client.site}: unexpected answer about the site title")
        german = {field: html.unescape(str(answer.get(field) or "")).strip() for field in SITE}
        stored = answer.get("translations")
        stored = stored if isinstance(stored, dict) else {}
        changes: dict[str, dict[str, str]] = {}
        lines = []
        for language in languages:
            name = self._menu_language(language)
            translations = site.get(language.code, {})
            wanted = {
                field: translations[("", text)]
                for field, text in german.items()
                if text and translations.get(("", text))
            }
            if name and wanted != stored.get(name, {}):
                changes[name] = wanted
                described = " and ".join(SITE[field] for field in wanted) or "none (German)"
                verb = "would show" if dry_run else "shows"
                lines.append(f"{language.code}: the site {verb} the translated {described}")
        if changes and not dry_run:
            self.client.call("POST", f"{BRIDGE_NAMESPACE}/site", json={"translations": changes})
        return lines

    def _menu_language(self, language: Language) -> str:
        """How the bridge names the language of menu copies (kisync's code on pages);
        ``""``: the site lacks the language (a dry run before adding it)."""
        return language.bcp47

    def current(
        self, language: Language, source: PageRef, previous: Published | None
    ) -> Published | None:
        if previous is not None:
            found = self._get(previous.remote_id)
            if found is not None:
                return _published(found)
        found = self._find(language, source)
        return _published(found) if found is not None else None

    def survey(self, published: Sequence[Published]) -> dict[str, Published]:
        """One listing request per :data:`SURVEY_BATCH` pages (``include=`` their ids)."""
        ids = sorted({int(record.remote_id) for record in published if record.remote_id.isdigit()})
        found: dict[str, Published] = {}
        for start in range(0, len(ids), SURVEY_BATCH):
            batch = ids[start : start + SURVEY_BATCH]
            pages = self.client.get(
                "wp/v2/pages",
                context="edit",
                status=LIVE_STATUSES,
                include=",".join(map(str, batch)),
                per_page=len(batch),
                _fields=PAGE_FIELDS,
            )
            if not isinstance(pages, list):
                raise PortalError(f"{self.client.site}: unexpected answer to a page listing")
            found.update((str(page["id"]), _published(page)) for page in pages)
        return found

    def content(self, language: Language, published: Published) -> str | None:
        found = self._get(published.remote_id)
        if found is None:
            return None
        content = protect_shortcodes(raw_text(found.get("content")))
        return page_document(raw_text(found.get("title")), content)

    def write(
        self, language: Language, page: RenderedPage, previous: Published | None
    ) -> Published:
        fields = self._fields(language, page)
        if previous is not None:
            try:
                return _published(self._update(previous.remote_id, fields, page.key))
            except WordPressError as error:
                if error.code != "rest_post_invalid_id":
                    raise
                log.info("%s: page %s is gone; creating it again", page.key, previous.remote_id)
        return _published(self._create(fields, lambda: self._find(language, page.source), page.key))

    def remove(self, language: Language, source: PageRef, previous: Published) -> None:
        """Unpublish (set to draft): the page and its history stay in WordPress."""
        self._update(previous.remote_id, {"status": "draft"}, source.key)

    def close(self) -> None:
        self.portal.close()

    # -- what is sent --------------------------------------------------------------

    def _fields_of(self, page: RenderedPage) -> tuple[str, str]:
        """The title (HTML, as WordPress keeps titles) and the content kisync stores."""
        title = title_of(page.html) or html.escape(page.title, quote=False)
        return title.strip(), content_of(page.html)

    def _fields(self, language: Language, page: RenderedPage) -> dict[str, Any]:
        title, content = self._fields_of(page)
        fields: dict[str, Any] = {
            "title": title,
            "content": content,
            "status": "publish",
            "parent": self._root(language),
            "slug": self._slug(page.source),
        }
        if self.has_bridge():
            fields["meta"] = {
                **self._meta(language, page.source),
                "kisync_source_hash": self._source_hash(page.source),
            }
        return fields

    def _meta(self, language: Language, source: PageRef) -> dict[str, Any]:
        """The bridge plugin's post meta of a translation (but the German text's hash)."""
        return {
            "kisync_source_id": self.portal.source(source.key).id,
            "kisync_language": language.bcp47,
            "kisync_direction": language.direction,
            "kisync_language_name": language.native_name,
        }

    def _slug(self, source: PageRef) -> str:
        """The German slug (decoded), or the slug path when another German page has the
        same slug: ``kontakt``, ``beratung-kontakt``."""
        slugs = self._slugs()
        return slugs.get(source.key) or source.key.rsplit("/", 1)[-1]

    def _slugs(self) -> dict[str, str]:
        """Page key → slug of its translations, worked out once for all German pages.

        Refuses a site whose pages have no ``/<slug>/`` addresses (plain permalinks).
        """
        with self._slug_lock:
            if self._slug_map is None:
                sources = self.portal.sources().values()
                if any("page_id=" in urlsplit(source.url).query for source in sources):
                    raise KisyncError(
                        f"{self.client.site} uses plain permalinks (?page_id=…), but"
                        " translations are published at /<language>/<slug>/; switch WordPress"
                        ' to pretty permalinks (Settings → Permalinks → "Post name"), then'
                        " push again"
                    )
                count = Counter(source.slug for source in sources)
                self._slug_map = {
                    source.key: unquote(source.slug)
                    if count[source.slug] == 1
                    else source.path.replace("/", "-")
                    for source in sources
                }
            return self._slug_map

    def _source_hash(self, source: PageRef) -> str:
        """Which version of the German page this translation was made from."""
        document = self.portal.read(source)
        return hashlib.sha256(document.encode("utf-8")).hexdigest()[:16]

    def has_bridge(self) -> bool:
        """Is the bridge plugin installed? Asked once per target."""
        with self._bridge_lock:
            if self._bridge is None:
                self._bridge = self.client.has_bridge()
                log.info("bridge plugin %s", "found" if self._bridge else "not installed")
            return self._bridge

    # -- language roots ------------------------------------------------------------

    def _root(self, language: Language) -> int:
        """The id of the language's root page, created when there is none yet."""
        slug = language_slug(language)
        with self._root_lock:  # one lookup, and at most one creation, per language
            root = self._roots.get(slug) or self._lookup_root(slug)
            if root is None:
                root = self._create_root(language)
            self._roots[slug] = root
            return root

    def _existing_root(self, language: Language) -> int | None:
        slug = language_slug(language)
        with self._root_lock:
            if self._roots.get(slug) is None:
                self._roots[slug] = self._lookup_root(slug)
            return self._roots[slug]

    def _lookup_root(self, slug: str) -> int | None:
        found = self._first(parent=0, slug=slug)
        return found["id"] if found else None

    def _create_root(self, language: Language) -> int:
        slug = language_slug(language)
        name = language.native_name[:1].upper() + language.native_name[1:]
        fields: dict[str, Any] = {
            "title": html.escape(name, quote=False),
            "content": "",
            "status": "publish",
            "parent": 0,
            "slug": slug,
        }
        if self.has_bridge():
            fields["meta"] = {
                "kisync_language": language.bcp47,
                "kisync_direction": language.direction,
            }
        log.info("creating the language root /%s/ (%s)", slug, name)
        return self._create(fields, lambda: self._first(parent=0, slug=slug), f"/{slug}/")["id"]

    # -- finding pages -------------------------------------------------------------

    def _find(self, language: Language, source: PageRef) -> dict[str, Any] | None:
        """The translation of ``source`` at its place, or found by the bridge's meta."""
        if self.has_bridge():
            german = self.portal.source(source.key)
            found = self._first(kisync_source=german.id, kisync_language=language.bcp47)
            if found is not None:
                return found
        root = self._existing_root(language)
        if root is None:
            return None
        return self._first(parent=root, slug=self._slug(source))

    def _first(self, **query: Any) -> dict[str, Any] | None:
        found = self.client.get(
            "wp/v2/pages",
            context="edit",
            status=LIVE_STATUSES,
            orderby="id",
            order="asc",
            per_page=2,
            _fields=PAGE_FIELDS,
            **query,
        )
        if not isinstance(found, list):
            raise PortalError(f"{self.client.site}: unexpected answer to a page search")
        if len(found) > 1:
            log.warning("two pages match %s: %s and %s", query, found[0]["id"], found[1]["id"])
        return found[0] if found else None

    def _get(self, remote_id: str) -> dict[str, Any] | None:
        try:
            return self.client.get(
                f"wp/v2/pages/{int(remote_id)}", context="edit", _fields=PAGE_FIELDS
            )
        except WordPressError as error:
            if error.code == "rest_post_invalid_id" or error.status == 404:
                return None
            raise
        except ValueError:
            raise PortalError(f"bad WordPress page id {remote_id!r} in the publish state") from None

    # -- writing -------------------------------------------------------------------

    def _update(self, remote_id: str, fields: Mapping[str, Any], what: str) -> dict[str, Any]:
        """Update a page. Sending the same update twice does no harm, so it is retried
        after every failure that may be temporary."""
        route = f"wp/v2/pages/{int(remote_id)}"
        tries = self.client.settings.retries + 1
        for number in range(1, tries + 1):
            try:
                return self._post(route, fields)
            except PortalError as error:
                if not _maybe_applied(error) or number == tries:
                    raise
                log.info("%s: %s; trying again", what, error)
            self._pause(number)
        raise AssertionError("unreachable")

    def _create(
        self, fields: Mapping[str, Any], find: Callable[[], dict[str, Any] | None], what: str
    ) -> dict[str, Any]:
        """Create a page, never twice.

        Its place is looked up before the first attempt and after every failure that may
        have reached WordPress; a page found there is the earlier attempt's, and gets
        the fields (again). A new attempt is only made when WordPress itself answered
        that it failed (500, 503, 429: it is done with the request). After a timeout or
        a dropped connection WordPress may still be saving: kisync keeps looking for a
        while and then gives up rather than risk a second copy; the next push finds it.
        """
        existing = find()
        if existing is not None:
            return self._update(str(existing["id"]), fields, what)
        tries = self.client.settings.retries + 1
        number, error = 1, None
        while True:
            if error is None or _finished(error):
                try:
                    return self._post("wp/v2/pages", fields, created=True)
                except PortalError as failure:
                    if not _maybe_applied(failure):
                        raise
                    error = failure
            if number == tries:
                break
            log.info("%s: %s; looking whether it arrived", what, error)
            self._pause(number)
            number += 1
            found = find()
            if found is not None:
                log.info("%s: the earlier attempt arrived (page %s)", what, found["id"])
                return self._update(str(found["id"]), fields, what)
        if _finished(error):
            raise error
        raise PortalError(
            f"{what}: {error}; WordPress may still be creating the page, so kisync did not "
            "send it again: run kisync push again to finish (it finds the page, no second copy)"
        )

    def _pause(self, number: int) -> None:
        time.sleep(self.backoff * 2 ** (number - 1))

    def _post(
        self, route: str, fields: Mapping[str, Any], *, created: bool = False
    ) -> dict[str, Any]:
        reply = self.client.call(
            "POST",
            route,
            params={"context": "edit", "_fields": PAGE_FIELDS},
            json=dict(fields),
            ok=(201,) if created else (200,),
        )
        data = reply.json()
        if not isinstance(data, dict) or "id" not in data:
            raise PortalError(f"{self.client.site}: WordPress did not return the saved page")
        return data


def _finished(error: PortalError | None) -> bool:
    """WordPress answered that it failed: it is done with the request, nothing was saved
    unless the page turns up at its place."""
    return isinstance(error, HTTPStatusError) and error.status in (429, 500, 503)


def _maybe_applied(error: PortalError) -> bool:
    """A failure after which the request may or may not have been carried out."""
    if isinstance(error, WordPressError):
        return False  # WordPress answered: it did not save
    if isinstance(error, HTTPStatusError):
        return error.status in RETRY_STATUSES
    return True  # timeout, dropped connection, refused


def _hash(status: str, title: str, content: str, meta: Mapping[str, Any] | None = None) -> str:
    """What a page holds: its status (a page taken offline is not the page kisync
    wrote), its title and its content, and the bridge's meta when the page has (or
    should have) it."""
    signature = "".join(f"\x00{meta.get(key, '')}" for key in _SIGNED) if meta else ""
    return hashlib.sha256(f"{status}\x00{title}\x00{content}{signature}".encode()).hexdigest()


_SIGNED = ("kisync_source_id", "kisync_language", "kisync_direction", "kisync_language_name")
"""The meta that belongs to a page's hash: a page published before the bridge was
installed differs from what kisync would write now, and is brought up to date."""


def _published(page: Mapping[str, Any]) -> Published:
    title, content = raw_text(page.get("title")), raw_text(page.get("content"))
    modified, status = str(page.get("modified_gmt", "")), str(page.get("status", ""))
    meta = page.get("meta")
    signed = meta if isinstance(meta, dict) and meta.get("kisync_language") else None
    digest = _hash(status, title, content, signed)
    return Published(
        remote_id=str(page["id"]),
        fingerprint=f"{modified} {status} {digest[:16]}",
        url=str(page.get("link", "")),
        content_hash=digest,
        modified=modified,
    )


def menu_line(language: Language, menu: Mapping[str, Any], dry_run: bool) -> str:
    """One line about a menu's copy in a language, from the bridge's answer."""
    action = "unchanged"
    if menu.get("changed"):
        action = "would be updated" if dry_run else "updated"
    line = (
        f"{language.code}: {menu.get('kind', 'menu')} {menu.get('name', '')!r}"
        f" ({menu.get('location', '')}): {action}, {menu.get('items', 0)} items"
    )
    untranslated = [str(label) for label in menu.get("untranslated") or ()]
    if untranslated:
        line += f"; lead to the German page (not translated yet): {', '.join(untranslated)}"
    labels = [str(label) for label in menu.get("custom_labels") or ()]
    if labels:
        line += f"; own labels kept in German (rename them in WordPress): {', '.join(labels)}"
    return line
