"""Crawlable URLs: one canonical spelling per page, and which URLs a crawl may visit.

A query string can select a page (WordPress without pretty permalinks: ``/?page_id=12``,
``/?p=5``), so it is kept. Only parameters that never select content are dropped:
tracking tags (``utm_*``, ``fbclid``, ``gclid``…), session ids and WordPress'
``replytocom`` (a comment-reply link to the same page). The rest is sorted by name, so
``?b=2&a=1`` and ``?a=1&b=2`` are one page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import itemgetter
from string import ascii_letters, digits
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

_UNRESERVED = frozenset(ascii_letters + digits + "-._~")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_CONTROL = re.compile(r"[\t\n\r]")
_NOT_SELECTING = re.compile(
    r"utm_\w*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid"
    r"|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|phpsessid|jsessionid|replytocom",
    re.I,
)
"""Query parameters that never select a page (see the module docstring)."""
_QUERY_SAFE = "/?:@!$'()*,;~"


def normalize_url(href: str, base: str = "") -> str | None:
    """An absolute http(s) URL in canonical form, or None if it is not crawlable.

    Resolves ``href`` against ``base``, drops user info, fragment, the default port
    and query parameters that select nothing, lower-cases scheme and host,
    percent-encodes path and query uniformly (so ``/über`` and ``/%C3%BCber`` are one
    page) and removes ``.``/``..`` segments, so a path can never climb above the
    site root.
    """
    href = _CONTROL.sub("", href).strip()
    try:
        parts = urlsplit(urljoin(base, href) if base else href)
        scheme, host, port = parts.scheme.lower(), parts.hostname, parts.port
    except ValueError:
        return None
    if scheme not in ("http", "https") or not host:
        return None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != {"http": 80, "https": 443}[scheme]:
        netloc += f":{port}"
    return urlunsplit((scheme, netloc, _normalize_path(parts.path), _query(parts.query), ""))


def _normalize_path(path: str) -> str:
    path = quote(_LONE_PERCENT.sub("%25", path), safe="/%!$&'()*+,;=:@~")

    def unescape(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()

    return _remove_dot_segments(_ESCAPE.sub(unescape, path) or "/")


def _query(query: str) -> str:
    # Non-ASCII characters become UTF-8 escapes as a browser sends them; latin-1 then
    # maps every escaped byte to one character and back, so no byte is changed.
    query = quote(_LONE_PERCENT.sub("%25", query), safe="%=&+" + _QUERY_SAFE)
    pairs = parse_qsl(query, keep_blank_values=True, encoding="latin-1")
    kept = sorted(
        (pair for pair in pairs if not _NOT_SELECTING.fullmatch(pair[0])), key=itemgetter(0)
    )
    return urlencode(kept, safe=_QUERY_SAFE, encoding="latin-1", quote_via=quote)


def _remove_dot_segments(path: str) -> str:
    segments = path.split("/")[1:] if path.startswith("/") else path.split("/")
    kept: list[str] = []
    for segment in segments:
        if segment == "..":
            if kept:
                kept.pop()
        elif segment != ".":
            kept.append(segment)
    if segments and segments[-1] in (".", "..") and kept:
        kept.append("")
    return "/" + "/".join(kept)


def url_path(url: str) -> str:
    """The URL's path, percent-decoded, for humans and patterns (``/über-uns/``)."""
    return unquote(urlsplit(url).path)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True)
class Scope:
    """Which URLs belong to the crawl: same scheme and host, under the start path."""

    origin: str
    start: str
    prefix: str

    @classmethod
    def of(cls, url: str) -> Scope:
        path = urlsplit(url).path or "/"
        if path.endswith("/"):
            prefix = path
        else:
            head, _, last = path.rpartition("/")
            prefix = head + "/" if "." in last else path + "/"
        return cls(origin(url), path, prefix)

    def contains(self, url: str) -> bool:
        path = urlsplit(url).path
        return origin(url) == self.origin and (path == self.start or path.startswith(self.prefix))

    def rebased(self, url: str) -> Scope:
        """The scope after the start URL redirected to ``url`` (http → https, / → /de/)."""
        path = urlsplit(url).path
        if path == self.start or path.startswith(self.prefix):
            return Scope(origin(url), self.start, self.prefix)
        return Scope.of(url)
