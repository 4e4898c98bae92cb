"""Read-only crawl of a live portal: sitemap or same-host links, robots.txt, conditional GET.

The portal is someone else's production server, so the crawl is deliberately
polite: robots.txt (rules and Crawl-delay) is obeyed, at most ``concurrency``
requests run at once, request starts are spaced by ``delay``, failures are retried
with backoff by :mod:`kisync.portal.http`, and a second run asks "changed since?"
(ETag / Last-Modified) so unchanged pages cost one tiny 304 each.

Discovery prefers the site's sitemap (``Sitemap:`` lines in robots.txt, else
``sitemap.xml``, else WordPress' ``wp-sitemap.xml``) and falls back to following
``<a href>`` links breadth-first from the start URL. Results are processed in the
order requests were *submitted*, not the order they finished, so the same site
always yields the same pages, even with ``max_pages`` and several workers.

Parts with a job of their own live beside this module: :mod:`.urls` (canonical URLs,
crawl scope), :mod:`.discovery` (robots.txt, sitemaps), :mod:`.decoding` (page
encodings) and :mod:`.crawl_cache` (``cache_dir/crawl-cache.json`` and page bodies).
"""

from __future__ import annotations

import fnmatch
import logging
import posixpath
import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, unquote_plus, urlsplit

import lxml.html
from lxml import etree

from ..errors import PortalError
from ..pagekeys import disambiguate, page_key
from .base import PageRef
from .crawl_cache import CrawlCache
from .decoding import decode_html
from .discovery import MAX_SITEMAP_BYTES, Robots, parse_sitemap
from .http import (
    DEFAULT_MAX_BYTES,
    HTTPStatusError,
    Reply,
    Throttle,
    make_session,
    request,
)
from .urls import Scope, normalize_url, origin, url_path

log = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
MAX_SITEMAP_FILES = 100
MAX_ROBOTS_BYTES = 512 * 1024
GIVE_UP_AFTER = 10
"""Failed pages in a row after which the site counts as down and the crawl stops."""
AHEAD_PER_WORKER = 4
"""Fetched results that may wait, per worker, behind a slower one handled first: bounds
the memory they hold and the requests still made after the crawl gives up."""

_NOT_HTML_GROUPS = (
    "pdf doc docx odt rtf xls xlsx ods csv ppt pptx odp epub txt ics vcf",  # documents
    "zip gz tgz bz2 xz rar 7z tar exe msi dmg apk iso",  # archives, programs
    "jpg jpeg png gif webp svg bmp ico tif tiff avif heic",  # images
    "mp3 mp4 m4a m4v mov avi webm ogg ogv oga wav wmv flv",  # audio, video
    "css js mjs map json xml rss atom woff woff2 ttf otf eot",  # site assets, feeds
)
_NOT_HTML_SUFFIXES = frozenset(f".{ext}" for group in _NOT_HTML_GROUPS for ext in group.split())
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_REDIRECTS = (301, 302, 303, 307, 308)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_KEY_BREAKS = re.compile(r"[/\\?#]")
"""Characters that would split a query into several key components (or end it)."""


# -- HTML ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Html:
    title: str
    lang: str
    links: list[str]


def _inspect_html(text: str, url: str) -> _Html | None:
    """Title, language and same-page-resolved links; None if it is not parseable HTML."""
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        doc = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None
    # the HTML parser keeps xml:lang (XHTML) as a plain attribute name
    lang = doc.get("lang") or doc.get("xml:lang") or doc.get(_XML_LANG) or ""
    title = " ".join((doc.findtext(".//title") or "").split())
    base = doc.find(".//base[@href]")
    base_url = normalize_url(base.get("href", ""), url) if base is not None else None
    links: dict[str, None] = {}
    for element in doc.iter("a", "area"):
        href = element.get("href")
        if href and element.get("download") is None:
            link = normalize_url(href, base_url or url)
            if link:
                links[link] = None
    return _Html(title, lang.strip(), list(links))


def _same_language(lang: str, source: str) -> bool:
    def primary(code: str) -> str:
        return re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]

    return not lang or primary(lang) == primary(source)


# -- the connector ---------------------------------------------------------------------


@dataclass
class _Page:
    """One page the crawl lists: fetched (``digest`` names its cached body) or failed."""

    url: str
    title: str = ""
    marker: str = ""
    digest: str = ""
    content_type: str = ""
    error: PortalError | None = None


@dataclass
class _Outcome:
    url: str
    reply: Reply | None = None
    error: PortalError | None = None


@dataclass
class CrawlStats:
    """What the last crawl did, for progress lines and tests."""

    downloaded: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0
    truncated: bool = False
    """``max_pages`` stopped the crawl before every URL found was fetched."""
    sitemap: bool = False
    """Pages came from the site's sitemap rather than from following links."""


class CrawlPortal:
    """The German pages of a live site, found by sitemap or links and fetched politely.

    ``pages()`` crawls once (later calls reuse the result) and lists every German
    HTML page, including pages that failed after all retries: ``read()`` raises
    their :class:`PortalError`, and :attr:`failures` lists them, so a caller can
    report them and carry on. ``pages()`` itself raises only when the crawl cannot
    start (start page unreachable, forbidden, not German HTML) or the site stops
    answering half-way. ``close()`` saves the conditional-GET cache.

    ``url`` is the start page; the crawl stays on its scheme and host and under its
    folder. ``cache_dir`` holds validators and page copies between runs.
    ``concurrency`` bounds simultaneous requests, ``delay`` is the minimum time
    between two request starts (robots.txt may ask for more), ``timeout`` bounds each
    attempt in all (connecting, waiting, reading the whole answer),
    ``retries``/``backoff`` configure retrying (waits of ``backoff``, 2×, 4×… seconds),
    ``max_pages`` caps the page requests (each URL fetched counts once, whether it
    proves a page, a broken link, a redirect or a failure; retries and robots.txt do
    not count, sitemap files have their own cap of :data:`MAX_SITEMAP_FILES`) and
    ``exclude`` holds fnmatch patterns on the decoded URL path (``/en/*``).
    """

    def __init__(
        self,
        url: str,
        *,
        cache_dir: Path,
        source_language: str = "de",
        concurrency: int = 2,
        delay: float = 0.5,
        timeout: float = 30.0,
        retries: int = 3,
        max_pages: int = 5000,
        exclude: Iterable[str] = (),
        backoff: float = 0.5,
    ) -> None:
        start = normalize_url(url)
        if start is None:
            raise PortalError(
                f"{url!r} is not a web address kisync can crawl;"
                " set [portal] url to the site's https://… address",
                url=url,
            )
        self.url = start
        self.source_language = source_language
        self.concurrency = max(1, concurrency)
        self.delay = max(0.0, delay)
        self.max_pages = max(1, max_pages)
        self.exclude = tuple(p if p.startswith(("/", "*")) else "/" + p for p in exclude)
        self.stats = CrawlStats()
        self.skipped: dict[str, str] = {}
        """URL → why it is not listed (robots.txt, exclude, not HTML, other language…)."""
        self._cache = CrawlCache(Path(cache_dir))
        self._throttle = Throttle(self.delay)
        self._session = make_session(
            timeout=timeout,
            retries=retries,
            backoff=backoff,
            throttle=self._throttle,
            pool_size=self.concurrency,
        )
        self._session.headers["Accept"] = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
        self._session.headers["Accept-Language"] = source_language
        self._scope = Scope.of(start)
        self._robots = Robots()
        self._found: dict[str, _Page] = {}
        self._seen: set[str] = set()
        self._refs: list[PageRef] | None = None
        self._by_key: dict[str, _Page] = {}
        self._start_links: list[str] = []
        self._failures_in_row = 0
        self._page_requests = 0
        self._crawl_error: PortalError | None = None
        self._closed = False

    # -- the Portal protocol -----------------------------------------------------------

    def pages(self) -> Iterator[PageRef]:
        return iter(self._crawled())

    def read(self, page: PageRef) -> str:
        self._crawled()
        record = self._by_key.get(page.key) or self._found.get(page.url)
        if record is None:
            raise PortalError(
                f"{page.url or page.key}: not among the pages found at {self.url};"
                " run the command again to crawl afresh",
                url=page.url,
                page=page.key,
            )
        if record.error is not None:
            raise record.error
        body = self._cache.body(record.digest)
        if body is None:
            raise PortalError(
                f"{record.url}: the cached copy in {self._cache.bodies} vanished during the run;"
                " run the command again",
                url=record.url,
                page=page.key,
            )
        return decode_html(body, record.content_type)

    def close(self) -> None:
        """Save the cache (pruned only after a complete crawl) and drop connections."""
        if self._closed:
            return
        self._closed = True
        try:
            if self._refs is not None or self._cache.changed:
                self._cache.save(prune=self.complete)
                self._cache.collect_garbage()
        except OSError as error:
            log.warning("could not save the crawl cache in %s: %s", self._cache.folder, error)
        finally:
            self._session.close()

    def __enter__(self) -> CrawlPortal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- results beyond the protocol ---------------------------------------------------

    @property
    def failures(self) -> list[PortalError]:
        """Pages listed by ``pages()`` that could not be fetched, in key order."""
        return list(self._failed_in_key_order())

    @property
    def complete(self) -> bool:
        """True when nothing failed and ``max_pages`` did not cut the crawl short.

        Only then may a caller conclude that a page missing from ``pages()`` is gone
        from the portal (a failed page can hide the links to others).
        """
        return self._refs is not None and not self.stats.failed and not self.stats.truncated

    def _failed_in_key_order(self) -> Iterator[PortalError]:
        for key in sorted(self._by_key):
            error = self._by_key[key].error
            if error is not None:
                yield error

    # -- crawling ----------------------------------------------------------------------

    def _crawled(self) -> list[PageRef]:
        """Crawl on first use; a crawl that failed fails the same way when asked again."""
        if self._crawl_error is not None:
            raise self._crawl_error
        if self._refs is None:
            try:
                self._crawl()
            except PortalError as error:
                self._crawl_error = error
                raise
        assert self._refs is not None
        return self._refs

    def _crawl(self) -> None:
        log.info("crawling %s", self.url)
        self._read_robots()
        self._crawl_start_page()
        in_sitemap = self._read_sitemaps()
        listed = [url for url in in_sitemap if self._scope.contains(url)]
        if in_sitemap and not listed:
            log.warning(
                "the sitemap lists no page under %s%s; following links instead",
                self._scope.origin,
                self._scope.prefix,
            )
        self.stats.sitemap = bool(listed)
        frontier: deque[str] = deque()
        for url in listed or self._start_links:
            self._enqueue(url, frontier)
        if listed:
            log.info("the sitemap lists %d more pages to fetch", len(frontier))
        else:
            log.info("no usable sitemap; following links from the start page")
        self._run(frontier, follow_links=not listed)
        self._make_refs()
        log.info(
            "crawled %s: %d pages (%d downloaded, %d unchanged, %d failed), %d skipped",
            self.url,
            len(self._refs or ()),
            self.stats.downloaded,
            self.stats.unchanged,
            self.stats.failed,
            self.stats.skipped,
        )

    def _read_robots(self) -> None:
        robots_url = self._scope.origin + "/robots.txt"
        reply = request(
            self._session,
            "GET",
            robots_url,
            ok=set(range(200, 300)) | set(range(400, 500)),
            max_bytes=MAX_ROBOTS_BYTES,
        )
        text = reply.content.decode("utf-8", errors="replace") if reply.status < 300 else ""
        self._robots = Robots(text)
        wanted = self._robots.delay
        if wanted > self.delay:
            log.info("robots.txt asks for %g s between requests; kisync waits that long", wanted)
        self._throttle.interval = max(self.delay, wanted)

    def _crawl_start_page(self) -> None:
        if not self._robots.allowed(self.url):
            raise PortalError(
                f"{self.url}: the site's robots.txt forbids kisync to crawl this address;"
                " ask the site's administrators or use a WordPress portal instead",
                url=self.url,
            )
        self._seen.add(self.url)
        self._page_requests += 1
        outcome = self._fetch(self.url, self._cache.validators(self.url), start=True)
        if outcome.reply is not None:
            final = normalize_url(outcome.reply.url) or self.url
            if not self._scope.contains(final):
                old_origin = self._scope.origin
                self._scope = self._scope.rebased(final)
                if self._scope.origin != old_origin:
                    self._read_robots()
                    if not self._robots.allowed(final):
                        raise PortalError(
                            f"{final}: the site's robots.txt forbids kisync to crawl this address",
                            url=final,
                        )
        if outcome.error is not None:
            raise outcome.error
        self._start_links = self._process(outcome, follow_links=True)
        if not self._found:
            reason = self.skipped.get(self.url, "it is not a German HTML page")
            raise PortalError(f"{self.url}: cannot start the crawl here: {reason}", url=self.url)

    def _read_sitemaps(self) -> list[str]:
        """Page URLs from the site's sitemaps; empty if there are none (or none usable)."""
        announced = (normalize_url(url) for url in self._robots.sitemaps)
        roots = [url for url in announced if url and origin(url) == self._scope.origin]
        if roots:
            return self._sitemap_pages(roots)
        defaults = dict.fromkeys(
            self._scope.origin + path
            for path in (self._scope.prefix + "sitemap.xml", "/sitemap.xml", "/wp-sitemap.xml")
        )
        for candidate in defaults:
            pages = self._sitemap_pages([candidate])
            if pages:
                return pages
        return []

    def _sitemap_pages(self, roots: list[str]) -> list[str]:
        queue = deque(url for url in (normalize_url(root) for root in roots) if url)
        seen, pages = set(queue), []
        fetched = 0
        while queue and fetched < MAX_SITEMAP_FILES:
            url = queue.popleft()
            fetched += 1
            found = self._read_sitemap(url)
            if found is None:
                continue
            kind, locs = found
            for loc in locs:
                absolute = normalize_url(loc, url)
                if absolute is None:
                    continue
                if kind == "urlset":
                    pages.append(absolute)
                elif absolute not in seen and origin(absolute) == self._scope.origin:
                    seen.add(absolute)
                    queue.append(absolute)
        return pages

    def _read_sitemap(self, url: str) -> tuple[str, list[str]] | None:
        try:
            reply = request(
                self._session,
                "GET",
                url,
                ok=set(range(200, 300)) | set(range(400, 500)),
                max_bytes=MAX_SITEMAP_BYTES,
            )
        except PortalError as error:
            log.warning("%s; the sitemap is skipped", error)
            return None
        if reply.status >= 300:
            log.debug("no sitemap at %s (HTTP %d)", url, reply.status)
            return None
        if reply.media_type in HTML_TYPES:
            log.debug("%s is an HTML page, not a sitemap", url)
            return None
        try:
            return parse_sitemap(reply.content, url)
        except PortalError as error:
            log.warning("%s; this sitemap is ignored", error)
            return None

    def _enqueue(self, url: str, frontier: deque[str]) -> None:
        if url in self._seen:
            return
        self._seen.add(url)
        if not self._scope.contains(url):
            return
        reason = self._reason_to_skip(url)
        if reason:
            self._skip(url, reason)
        else:
            frontier.append(url)

    def _reason_to_skip(self, url: str) -> str:
        path = url_path(url)
        if posixpath.splitext(path)[1].lower() in _NOT_HTML_SUFFIXES:
            return "not an HTML page (file type)"
        if any(fnmatch.fnmatchcase(path, pattern) for pattern in self.exclude):
            return "matches an exclude pattern"
        if not self._robots.allowed(url):
            return "robots.txt disallows it"
        return ""

    def _skip(self, url: str, reason: str) -> None:
        self.skipped[url] = reason
        self.stats.skipped += 1
        log.debug("skipping %s: %s", url, reason)

    def _run(self, frontier: deque[str], *, follow_links: bool) -> None:
        """Fetch the frontier with ``concurrency`` workers, handling results in order."""
        running: deque[tuple[str, Future[_Outcome]]] = deque()
        pool = ThreadPoolExecutor(self.concurrency, thread_name_prefix="kisync-crawl")
        try:
            while True:
                self._submit(pool, frontier, running)
                if not running:
                    break
                pending = [future for _, future in running if not future.done()]
                if not running[0][1].done():
                    wait(pending, return_when=FIRST_COMPLETED)
                while running and running[0][1].done():
                    _url, future = running.popleft()
                    for link in self._process(future.result(), follow_links=follow_links):
                        self._enqueue(link, frontier)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        if frontier:
            self.stats.truncated = True
            log.warning(
                "stopped after max_pages = %d page requests; %d more pages were found but"
                " not fetched (raise max_pages under [portal] to crawl them)",
                self.max_pages,
                len(frontier),
            )

    def _submit(
        self,
        pool: ThreadPoolExecutor,
        frontier: deque[str],
        running: deque[tuple[str, Future[_Outcome]]],
    ) -> None:
        # Budget: max_pages page requests in all, whatever their answer (a sitemap
        # of dead links must not keep a crawl going); frontier order decides which.
        busy = sum(1 for _, future in running if not future.done())
        while (
            frontier
            and busy < self.concurrency
            and len(running) < self.concurrency * AHEAD_PER_WORKER
            and self._page_requests < self.max_pages
        ):
            url = frontier.popleft()
            self._page_requests += 1
            running.append((url, pool.submit(self._fetch, url, self._cache.validators(url))))
            busy += 1

    def _fetch(self, url: str, validators: dict[str, str], *, start: bool = False) -> _Outcome:
        """Worker thread: one page request; never raises for network or HTTP trouble.

        Redirects are followed only for the start URL (to find the real site, e.g.
        http → https). Elsewhere a redirect is treated like a link to its target, so
        the target is fetched once, conditionally, and checked like any other URL.
        """
        try:
            reply = request(
                self._session,
                "GET",
                url,
                ok=(200, 304) if start else (200, 304, *_REDIRECTS),
                headers=validators,
                content_types=HTML_TYPES,
                max_bytes=DEFAULT_MAX_BYTES,
                allow_redirects=start,
            )
        except PortalError as error:
            return _Outcome(url, error=error)
        return _Outcome(url, reply=reply)

    def _process(self, outcome: _Outcome, *, follow_links: bool) -> list[str]:
        """Record one fetched page; return the URLs to visit next because of it."""
        if outcome.error is not None:
            self._record_error(outcome.url, outcome.error)
            return []
        assert outcome.reply is not None
        reply = outcome.reply
        if reply.status in _REDIRECTS:
            target = normalize_url(reply.headers.get("Location", ""), outcome.url)
            self._skip(outcome.url, f"redirects to {target}")
            return [target] if target else []
        final = normalize_url(reply.url) or outcome.url
        if not reply.body_read:
            self._skip(outcome.url, f"not an HTML page ({reply.media_type})")
            return []
        self._seen.add(final)
        body, entry = self._body_and_entry(outcome.url, reply)
        if body is None or entry is None:
            error = PortalError(
                f"{final}: the server answered 304 Not Modified but kisync has no cached copy;"
                " run the command again",
                url=final,
            )
            self._record_error(outcome.url, error)
            return []
        return self._accept(outcome.url, final, body, entry, follow_links)

    def _body_and_entry(self, url: str, reply: Reply) -> tuple[bytes | None, dict[str, str] | None]:
        if reply.status == 304:
            entry = self._cache.refresh(url, reply)
            if entry is None:
                return None, None
            self.stats.unchanged += 1
            return self._cache.body(entry["body"]), entry
        self.stats.downloaded += 1
        return reply.content, self._cache.store(url, reply)

    def _accept(
        self, url: str, final: str, body: bytes, entry: dict[str, str], follow_links: bool
    ) -> list[str]:
        html = _inspect_html(decode_html(body, entry["content_type"]), final)
        if html is None:
            self._skip(url, "not readable as HTML (empty or broken)")
            return []
        if not _same_language(html.lang, self.source_language):
            self._skip(url, f"in another language (lang={html.lang!r})")
            return []
        marker = entry.get("etag") or entry.get("last_modified") or "sha256:" + entry["body"]
        self._found[final] = _Page(final, html.title, marker, entry["body"], entry["content_type"])
        self._failures_in_row = 0
        if len(self._found) % 50 == 0:
            log.info("%d pages so far (%d unchanged)", len(self._found), self.stats.unchanged)
        return html.links if follow_links else []

    def _record_error(self, url: str, error: PortalError) -> None:
        status = error.status if isinstance(error, HTTPStatusError) else None
        if status is not None and 400 <= status < 500 and status != 429:
            log.warning("%s (a broken link on the site; skipped)", error)
            self._skip(url, f"HTTP {status}")
            return
        log.warning("%s", error)
        self._found[url] = _Page(url, error=error)
        self.stats.failed += 1
        self._failures_in_row += 1
        if self._failures_in_row >= GIVE_UP_AFTER:
            raise PortalError(
                f"{self._scope.origin} stopped answering: {GIVE_UP_AFTER} pages in a row failed"
                f" (the last: {error}); try again later",
                url=self._scope.origin,
            )

    def _make_refs(self) -> None:
        # Keys come from the decoded path (/über-uns/ → ueber-uns); in the rare case two
        # URLs decode alike (%3B vs ;), their encoded paths keep them apart.
        readable = {url: _key_source(url) for url in self._found}
        counts = Counter(readable.values())
        paths = {
            url: _key_source(url, decoded=False) if counts[path] > 1 else path
            for url, path in readable.items()
        }
        keys = disambiguate(paths.values())
        self._by_key = {}
        refs = []
        for url, page in self._found.items():
            key = keys[paths[url]]
            if page.error is not None:
                page.error.page = key
            self._by_key[key] = page
            refs.append(
                PageRef(key=key, url=url, title=page.title, marker=page.marker, location=url)
            )
        self._refs = sorted(refs, key=lambda ref: ref.key)


def _key_source(url: str, *, decoded: bool = True) -> str:
    """What a page's key is made from: its path, and its query as one more component.

    ``/?page_id=12`` → ``page_id=12`` (key ``page_id-12``), ``/termine/?seite=2`` →
    ``termine/seite=2`` (key ``termine/seite-2``).
    """
    parts = urlsplit(url)
    path = unquote(parts.path) if decoded else parts.path
    if not parts.query:
        return path
    query = unquote_plus(parts.query) if decoded else parts.query
    folder = page_key(path)
    return ("" if folder == "index" else folder + "/") + _KEY_BREAKS.sub("-", query)
