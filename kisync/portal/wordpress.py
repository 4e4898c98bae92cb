"""WordPress through its REST API: the German pages (read side) and the client both sides use.

Reading lists the site's published pages (``/wp/v2/pages?context=edit``, 100 per
request, following ``X-WP-TotalPages``) and reads each changed page's ``content.raw``:
the text as stored, not ``content.rendered``, which wpautop, wptexturize and shortcodes
have already altered. ``modified_gmt`` is the change marker, so a second ``pull``
reads only the pages edited since.

German pages are the published pages outside the language roots kisync publishes to
(``/en/``, ``/ar/`` …, top-level pages whose slug is a target language) and, when the
bridge plugin (``contrib/wordpress/kisync-bridge.php``) is installed, outside every
page it marks as a translation. Password-protected pages are left out: their
translations would be readable by everyone.

**What a page looks like to the rest of kisync.** A WordPress page has a title and a
content; both must be translated. :func:`page_document` presents them as one small
document, the title as a ``<title>`` element followed by the raw content::

    <title>Integrationskurse</title>
    <!-- wp:paragraph -->
    <p>Melden Sie sich …</p>
    <!-- /wp:paragraph -->

so the extractor finds the title (``kind="title"``) and the content with its block
comments untouched. A rendered translation has the same shape; the publish side takes
the translated title from it and writes the rest, without the ``<title>`` element
(:func:`content_of`), as the translated page's content.

**Credentials** come from the environment variable named by ``password_env`` (a
WordPress Application Password), are sent only as HTTP Basic auth, are refused over
plain http to any host but this machine (unless ``insecure``), and never appear in a
message or a log line: every error is built from the (redacted) URL, the status and
WordPress' error ``code``. Errors are recognised by that code, never by their message
text, which WordPress translates into the site's language.
"""

from __future__ import annotations

import email.utils
import html
import ipaddress
import json
import logging
import re
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..catalog.keys import disambiguate
from ..errors import PortalError
from ..languages import Language
from ..util.fsutil import write_if_changed
from .base import PageRef, SiteString
from .http import Reply, make_session, redact_url, request

log = logging.getLogger(__name__)

PER_PAGE = 100
"""Pages per listing request: the REST API's maximum."""
BRIDGE_NAMESPACE = "kisync/v1"
"""The REST namespace of the bridge plugin: present means installed."""
LIST_FIELDS = "id,parent,slug,link,modified_gmt,title,meta,password,kisync_polylang"
READ_FIELDS = "id,title,content,modified_gmt"
SITE_SETTINGS = "wp-admin/options-general.php"
"""Where the site title and tagline are edited: their ``#:`` location."""
_INTERPRETED = (400, 401, 403, 404, 409, 410)
"""Statuses whose WordPress error code says more than :mod:`.http`'s generic message."""
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>\n?", re.I | re.S)
_TITLE_CLOSE = re.compile(r"</title", re.I)
_SHORTCODE = re.compile(r"\[/?([A-Za-z][\w-]*)(?:\s[^\[\]<>]*)?\]")
_CORE_SHORTCODES = frozenset({"audio", "caption", "embed", "gallery", "playlist", "video"})
_MARKUP = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>", re.I | re.S)
_SHORTCODE_OPEN = '<span translate="no" data-kisync-shortcode="">'
_SHORTCODE_CLOSE = "</span>"
_PROTECTED = re.compile(
    re.escape(_SHORTCODE_OPEN) + r"(\[[^\[\]<>]*\])" + re.escape(_SHORTCODE_CLOSE)
)
APP_PASSWORD_HELP = (
    "create one in WordPress under Users → Profile → Application Passwords"
    " (the account needs the Editor role)"
)


# -- the page as a document --------------------------------------------------------


def page_document(title: str, content: str) -> str:
    """A page's raw title and content as the one document kisync extracts and renders.

    ``title`` is WordPress' ``title.raw`` (HTML: ``&amp;`` stays an entity); a
    ``</title`` inside it is escaped so it cannot end the element early.
    """
    return f"<title>{_TITLE_CLOSE.sub('&lt;/title', title)}</title>\n{content}"


def content_of(document: str) -> str:
    """The content part of a (rendered) :func:`page_document`: without its ``<title>``,
    shortcodes unwrapped again (see :func:`protect_shortcodes`).

    Rendering may add attributes to the title (``lang="de"`` when it stayed German) or
    wrap the whole document in ``<div lang dir>``; the wrapper stays with the content.
    """
    return _PROTECTED.sub(r"\1", _TITLE.sub("", document, count=1))


def protect_shortcodes(content: str) -> str:
    """Wrap shortcode tags (``[contact-form-7 id="12"]``, ``[/caption]``) in
    ``<span translate="no" …>`` so that translators never see or change them.

    Only text is searched, not tags, comments, scripts or styles. A bracketed word
    counts as a shortcode when it has attributes (``=``), closes (``[/x]``), closes
    itself (``[x /]``), has a ``-`` or ``_`` in its name or is one of WordPress' own
    (``[gallery]``, ``[caption]`` …), so ``[sic]`` and ``[1]`` stay text. The text a
    shortcode encloses (a caption) stays translatable. :func:`content_of` removes the
    wrappers again.
    """
    parts, position = [], 0
    for match in _MARKUP.finditer(content):
        parts += [_SHORTCODE.sub(_wrap, content[position : match.start()]), match.group(0)]
        position = match.end()
    parts.append(_SHORTCODE.sub(_wrap, content[position:]))
    return "".join(parts)


def _wrap(match: re.Match[str]) -> str:
    tag = match.group(0)
    return f"{_SHORTCODE_OPEN}{tag}{_SHORTCODE_CLOSE}" if _is_shortcode(match) else tag


def _is_shortcode(match: re.Match[str]) -> bool:
    tag, name = match.group(0), match.group(1)
    return (
        tag.startswith("[/")
        or "=" in tag
        or tag.endswith("/]")
        or "-" in name
        or "_" in name
        or name.lower() in _CORE_SHORTCODES
    )


def shortcodes_in(text: str) -> list[str]:
    """The shortcode tags in ``text``, by the rule of :func:`protect_shortcodes`."""
    return [match.group(0) for match in _SHORTCODE.finditer(text) if _is_shortcode(match)]


def title_of(document: str) -> str:
    """The ``<title>`` of a :func:`page_document`, as HTML (entities kept), or ``""``."""
    match = _TITLE.search(document)
    return match.group(1) if match else ""


# -- errors --------------------------------------------------------------------------


class WordPressError(PortalError):
    """WordPress answered with one of its JSON errors; ``code`` is its error code."""

    def __init__(self, message: str, *, status: int, code: str, url: str | None = None) -> None:
        super().__init__(message, url=url)
        self.status = status
        self.code = code


def error_code(reply: Reply) -> str:
    """The ``code`` of a WordPress error answer, or ``""`` if it is not one."""
    try:
        data = reply.json()
    except PortalError:
        return ""
    code = data.get("code") if isinstance(data, dict) else None
    return code if isinstance(code, str) else ""


# -- settings ------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """Everything needed to talk to one WordPress site, checked."""

    url: str
    """The site's address (``home``), without a trailing slash."""
    user: str
    password: str
    timeout: float = 30.0
    retries: int = 3
    concurrency: int = 2
    exclude: tuple[str, ...] = ()

    def __repr__(self) -> str:  # never show the password, not even in a traceback
        return f"Settings(url={self.url!r}, user={self.user!r}, password=***)"


def is_loopback(host: str) -> bool:
    """True for this machine: ``localhost`` or a loopback address (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# -- the client ----------------------------------------------------------------------


class WordPressClient:
    """Authenticated access to one site's REST API; safe to share between threads.

    GET requests are retried with backoff by the shared HTTP layer; writes are not
    (a retried POST could create a page twice): the publish side retries them itself,
    after looking up whether the first attempt arrived.
    """

    def __init__(self, settings: Settings, *, page_size: int = PER_PAGE) -> None:
        self.settings = settings
        self.page_size = page_size
        self.session = make_session(
            timeout=settings.timeout,
            retries=settings.retries,
            pool_size=max(settings.concurrency, 1) + 2,
        )
        self.session.auth = (settings.user, settings.password)
        self._pretty = True
        self._checked: dict[str, Any] | None = None
        self.login_time: datetime | None = None
        """The server's clock (``Date`` header) when it confirmed the login."""
        self._lock = threading.Lock()

    @property
    def site(self) -> str:
        return self.settings.url

    def endpoint(self, route: str) -> tuple[str, dict[str, str]]:
        """URL and extra query parameters for a REST route (``wp/v2/pages``)."""
        route = route.strip("/")
        if self._pretty:
            return f"{self.site}/wp-json/{route}", {}
        return f"{self.site}/", {"rest_route": f"/{route}"}

    def call(
        self,
        method: str,
        route: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        ok: Sequence[int] = (200,),
    ) -> Reply:
        """One REST request; WordPress errors become :class:`WordPressError`."""
        url, extra = self.endpoint(route)
        query = {**extra, **(params or {})}
        kwargs: dict[str, Any] = {"params": query}
        if json is not None:
            kwargs["json"] = json
        reply = request(self.session, method, url, ok=(*ok, *_INTERPRETED), **kwargs)
        if reply.status not in ok:
            raise self._error(reply, method, route)
        return reply

    def get(self, route: str, **params: Any) -> Any:
        return self.call("GET", route, params=params).json()

    def check_login(self) -> dict[str, Any]:
        """``GET /wp/v2/users/me?context=edit``: are the credentials right? Once per client."""
        with self._lock:
            if self._checked is None:
                self._checked = self._login()
            return self._checked

    def _login(self) -> dict[str, Any]:
        reply = self._users_me()
        if reply is None:
            # No /wp-json/ route (plain permalinks, or no URL rewriting): the
            # ?rest_route= form reaches the same API on every WordPress.
            self._pretty = False
            reply = self._users_me()
        if reply is None:
            raise PortalError(
                f"{self.site}: no WordPress REST API found there; check [portal] url (the"
                " site's address, not /wp-admin/) and that no security plugin blocks the"
                " REST API",
                url=self.site,
            )
        self.login_time = _server_time(reply)
        user = reply.json()
        if not isinstance(user, dict):
            raise PortalError(f"{self.site}: unexpected answer to /wp/v2/users/me")
        capabilities = user.get("capabilities")
        if isinstance(capabilities, dict) and not capabilities.get("edit_pages"):
            raise PortalError(
                f"{self.site}: user {self.settings.user!r} may not edit pages, so kisync can"
                f" neither read their text nor publish translations; {_EDITOR}",
                url=self.site,
            )
        log.info("logged in to %s as %s", self.site, user.get("slug", self.settings.user))
        return user

    def _users_me(self) -> Reply | None:
        """``/wp/v2/users/me``, or None when the address answers but not as the REST API."""
        try:
            reply = self.call("GET", "wp/v2/users/me", params={"context": "edit"})
        except WordPressError as error:
            if error.status == 404 and error.code in ("", "rest_no_route"):
                return None
            raise
        return reply if reply.media_type == "application/json" else None

    def list(self, route: str, params: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
        """Every item of a paginated collection, following ``X-WP-TotalPages``."""
        number = 1
        while True:
            try:
                reply = self.call(
                    "GET", route, params={**params, "per_page": self.page_size, "page": number}
                )
            except WordPressError as error:
                if error.code == "rest_post_invalid_page_number":  # the list shrank meanwhile
                    return
                raise
            items = reply.json()
            if not isinstance(items, list):
                raise PortalError(f"{redact_url(reply.url)}: expected a list of pages")
            yield from items
            total = _int(reply.headers.get("X-WP-TotalPages"))
            more = len(items) == self.page_size if total is None else number < total
            if not more:
                return
            number += 1

    def has_bridge(self) -> bool:
        """Is the bridge plugin (contrib/wordpress/kisync-bridge.php) installed?"""
        try:
            self.call("GET", BRIDGE_NAMESPACE)
        except WordPressError as error:
            if error.status == 404:
                return False
            raise
        return True

    def close(self) -> None:
        self.session.close()

    def _error(self, reply: Reply, method: str, route: str) -> WordPressError:
        code = error_code(reply)
        url = redact_url(reply.url)
        explanation = _EXPLANATIONS.get(code) or _STATUS_EXPLANATIONS.get(
            reply.status, "WordPress refused the request (HTTP {status})"
        )
        explanation = explanation.format(
            user=repr(self.settings.user), status=reply.status, help=APP_PASSWORD_HELP
        )
        if code:
            explanation += f" ({code})"
        return WordPressError(
            f"{method} {url}: {explanation}", status=reply.status, code=code, url=url
        )


_EDITOR = "give the account the Editor role"
_EXPLANATIONS = {
    "incorrect_password": "WordPress did not accept the Application Password of user {user};"
    " {help}",
    "invalid_username": "WordPress has no user {user}; check [portal] user",
    "invalid_email": "WordPress has no user {user}; check [portal] user",
    "rest_not_logged_in": "WordPress did not accept the login of user {user}: the Application"
    " Password is wrong or revoked, or the web server drops the Authorization header",
    "application_passwords_disabled": "Application Passwords are switched off on this site"
    " (they need https, or a plugin disables them); ask the site's administrator",
    "application_passwords_disabled_for_user": "Application Passwords are switched off for"
    " user {user}; ask the site's administrator",
    "rest_forbidden_context": f"user {{user}} may not edit pages; {_EDITOR}",
    "rest_cannot_edit": f"user {{user}} may not edit this page; {_EDITOR}",
    "rest_cannot_create": f"user {{user}} may not create pages; {_EDITOR}",
    "rest_cannot_publish": f"user {{user}} may not publish pages; {_EDITOR}",
    "rest_post_invalid_id": "the page no longer exists in WordPress",
    "rest_no_route": "this WordPress has no such REST route",
}
"""One line per WordPress error code kisync expects (codes, not message texts: those
WordPress translates)."""
_STATUS_EXPLANATIONS = {
    401: "WordPress did not accept the login of user {user}",
    403: "user {user} is not allowed to do this",
}


def _server_time(reply: Reply) -> datetime:
    """The time in the answer's ``Date`` header; this machine's clock less a margin without one."""
    try:
        parsed = email.utils.parsedate_to_datetime(reply.headers.get("Date", ""))
        if parsed.tzinfo is not None:
            return parsed.astimezone(UTC)
    except (TypeError, ValueError):
        pass
    return datetime.now(UTC) - timedelta(seconds=5)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


# -- the German pages ----------------------------------------------------------------


@dataclass(frozen=True)
class SourcePage:
    """What kisync knows about one German page of the site."""

    id: int
    key: str
    slug: str
    """WordPress' own slug (percent-encoded for non-ASCII, as WordPress stores it)."""
    path: str
    """The slugs from the top-level page down, ``beratung/fuer-familien``."""
    url: str
    title: str
    modified_gmt: str


def language_slug(language: Language) -> str:
    """The slug of a language's root page: ``en``, ``ar``, ``fa-af``."""
    return language.bcp47.lower()


class WordPressPortal:
    """The German pages of a WordPress site (the :class:`~kisync.portal.base.Portal` protocol)."""

    def __init__(
        self,
        client: WordPressClient,
        languages: Iterable[Language],
        *,
        cache_dir: Path | None = None,
    ) -> None:
        self.client = client
        self.language_slugs = frozenset(language_slug(language) for language in languages)
        self.cache_dir = cache_dir
        """Where pages read are kept by their marker, so ``push`` (which reads every
        German page) does not download pages that ``pull`` already read."""
        self._sources: dict[str, SourcePage] | None = None
        self._lock = threading.Lock()

    def pages(self) -> Iterator[PageRef]:
        sources = self.sources()
        refs = [
            PageRef(key=page.key, url=page.url, title=page.title, marker=self._marker(page))
            for page in sources.values()
        ]
        return iter(sorted(refs, key=lambda ref: ref.key))

    def _marker(self, page: SourcePage) -> str:
        """``modified_gmt``, or ``""`` (read it every time) while it may still change unseen.

        ``modified_gmt`` counts whole seconds: an edit in the same second as the version
        we list would keep it unchanged, and ``pull`` would skip the edit for good. A
        page whose last second of modification had not ended when the server confirmed
        our login (before it ran the listing query) is therefore not trusted yet.
        """
        try:
            modified = datetime.fromisoformat(page.modified_gmt).replace(tzinfo=UTC)
        except ValueError:
            return ""
        settled = self.client.login_time or datetime.now(UTC) - timedelta(seconds=5)
        if modified + timedelta(seconds=1) > settled.replace(microsecond=0):
            return ""
        return f"{page.modified_gmt}#{page.id}"

    def site_strings(self) -> list[SiteString]:
        """The site title and tagline (Settings → General), from the REST index; an
        empty tagline is left out."""
        index = self.client.get("", _fields="name,description")
        index = index if isinstance(index, dict) else {}
        found = [(index.get("name"), "site title"), (index.get("description"), "site tagline")]
        return [
            SiteString(html.unescape(text).strip(), note, SITE_SETTINGS)
            for text, note in found
            if isinstance(text, str) and text.strip()
        ]

    def read(self, page: PageRef) -> str:
        source = self.source(page.key)
        cached = self._cached(source, page.marker)
        if cached is not None:
            return cached
        data = self.client.get(f"wp/v2/pages/{source.id}", context="edit", _fields=READ_FIELDS)
        try:
            document = page_document(
                data["title"]["raw"], protect_shortcodes(data["content"]["raw"])
            )
        except (KeyError, TypeError):
            raise PortalError(
                f"page {page.key}: WordPress sent no raw content; the user needs the Editor role",
                page=page.key,
            ) from None
        self._store(source, page.marker, document)
        return document

    # -- the page cache ------------------------------------------------------------

    def _cache_file(self, source: SourcePage) -> Path | None:
        return self.cache_dir / f"{source.id}.json" if self.cache_dir is not None else None

    def _cached(self, source: SourcePage, marker: str) -> str | None:
        path = self._cache_file(source)
        if path is None or not marker:
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        document = data.get("document") if isinstance(data, dict) else None
        return document if data.get("marker") == marker and isinstance(document, str) else None

    def _store(self, source: SourcePage, marker: str, document: str) -> None:
        path = self._cache_file(source)
        if path is not None and marker:  # "" = may still change: never cached
            data = {"marker": marker, "document": document}
            write_if_changed(path, json.dumps(data, ensure_ascii=False))

    def _prune_cache(self, sources: Iterable[SourcePage]) -> None:
        """Forget pages that are no longer German pages of the site."""
        if self.cache_dir is None or not self.cache_dir.is_dir():
            return
        keep = {f"{source.id}.json" for source in sources}
        for path in self.cache_dir.glob("*.json"):
            if path.name not in keep:
                path.unlink(missing_ok=True)

    def close(self) -> None:
        self.client.close()

    # -- the listing, shared with the publish side ---------------------------------

    def sources(self) -> dict[str, SourcePage]:
        """The German pages by key, listed once per portal object (thread-safe)."""
        with self._lock:
            if self._sources is None:
                self.client.check_login()
                self._sources = self._list_sources()
                self._prune_cache(self._sources.values())
            return self._sources

    def source(self, key: str) -> SourcePage:
        try:
            return self.sources()[key]
        except KeyError:
            raise PortalError(
                f"page {key} is not (or no longer) a published German page of {self.client.site}",
                page=key,
            ) from None

    def _list_sources(self) -> dict[str, SourcePage]:
        query = {
            "context": "edit",
            "status": "publish",
            "orderby": "id",
            "order": "asc",
            "_fields": LIST_FIELDS,
        }
        roots = self._language_roots()
        if roots:  # translations are not listed at all: half the requests or fewer
            query["parent_exclude"] = ",".join(map(str, roots))
        listed = {page["id"]: page for page in self.client.list("wp/v2/pages", query)}
        tree = _Tree(self.client, listed)
        german = [
            page
            for page in listed.values()
            if not _is_translation(page)
            and not page.get("password")  # protected: a translation would not be
            and not any(self._is_language_root(a) for a in tree.lineage(page))
        ]
        paths = {page["id"]: tree.path(page) for page in german}
        german = [
            p
            for p in german
            if not _excluded("/" + paths[p["id"]] + "/", self.client.settings.exclude)
        ]
        keys = disambiguate(paths[page["id"]] for page in german)
        sources = {}
        for page in german:
            path = paths[page["id"]]
            source = SourcePage(
                id=page["id"],
                key=keys[path],
                slug=page["slug"],
                path=path,
                url=page.get("link") or f"{self.client.site}/?page_id={page['id']}",
                title=raw_text(page.get("title")),
                modified_gmt=page.get("modified_gmt") or "",
            )
            sources[source.key] = source
        log.info("%s: %d German pages", self.client.site, len(sources))
        return sources

    def _language_roots(self) -> list[int]:
        """Ids of the language roots (``/en/``, ``/ar/`` …) that exist, in any status."""
        if not self.language_slugs:
            return []
        found = self.client.get(
            "wp/v2/pages",
            context="edit",
            parent=0,
            slug=",".join(sorted(self.language_slugs)),
            status="publish,future,draft,pending,private",
            per_page=100,
            _fields="id",
        )
        return sorted(page["id"] for page in found if isinstance(page, dict) and "id" in page)

    def _is_language_root(self, page: Mapping[str, Any]) -> bool:
        return page.get("parent") == 0 and unquote(page.get("slug", "")) in self.language_slugs


class _Tree:
    """Parents and slug paths; fetches ancestors the listing left out (drafts, private)."""

    def __init__(self, client: WordPressClient, listed: dict[int, dict[str, Any]]) -> None:
        self.client = client
        self.pages = dict(listed)

    def lineage(self, page: Mapping[str, Any]) -> list[Mapping[str, Any]]:
        """The page and its ancestors, the page first."""
        chain = [page]
        seen = {page["id"]}
        while chain[-1].get("parent"):
            parent = self._page(chain[-1]["parent"])
            if parent is None or parent["id"] in seen:
                break
            seen.add(parent["id"])
            chain.append(parent)
        return chain

    def path(self, page: Mapping[str, Any]) -> str:
        return "/".join(
            unquote(p.get("slug") or str(p["id"])) for p in reversed(self.lineage(page))
        )

    def _page(self, page_id: int) -> Mapping[str, Any] | None:
        if page_id not in self.pages:
            try:
                self.pages[page_id] = self.client.get(
                    f"wp/v2/pages/{page_id}", context="edit", _fields="id,parent,slug,meta"
                )
            except WordPressError as error:
                log.info("parent page %s is not readable (%s)", page_id, error.code)
                return None
        return self.pages[page_id]


def _is_translation(page: Mapping[str, Any]) -> bool:
    """Marked by the bridge: kisync wrote it, or Polylang has it in another language."""
    meta, group = page.get("meta"), page.get("kisync_polylang")
    return (isinstance(meta, dict) and bool(meta.get("kisync_language"))) or (
        isinstance(group, dict) and group.get("translation") is True
    )


def _excluded(path: str, patterns: Sequence[str]) -> bool:
    return any(
        fnmatchcase(path, pattern) or fnmatchcase(path.rstrip("/"), pattern) for pattern in patterns
    )


def raw_text(field: Any) -> str:
    """The ``raw`` text of a REST field such as ``title`` (``rendered`` if there is no raw)."""
    if isinstance(field, dict):
        value = field.get("raw", field.get("rendered", ""))
        return value if isinstance(value, str) else ""
    return field if isinstance(field, str) else ""


def open_wordpress(
    settings: Settings, languages: Sequence[Language], state_dir: Path
) -> WordPressPortal:
    """The WordPress portal of ``settings`` for ``languages``; the German pages as last
    read are kept in ``state_dir`` (see :func:`cache_dir`)."""
    return WordPressPortal(WordPressClient(settings), languages, cache_dir=cache_dir(state_dir))


def cache_dir(state_dir: Path) -> Path:
    """``.kisync/wordpress-pages/``: German pages as last read, by id (safe to delete)."""
    return state_dir / "wordpress-pages"
