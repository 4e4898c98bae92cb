"""Crawlable URLs: one canonical spelling per page, and which URLs a crawl may visit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from string import ascii_letters, digits
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

_UNRESERVED = frozenset(ascii_letters + digits + "-._~")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_CONTROL = re.compile(r"[\t\n\r]")


def normalize_url(href: str, base: str = "") -> str | None:
    """An absolute http(s) URL in canonical form, or None if it is not crawlable.

    Resolves ``href`` against ``base``, drops user info, query and fragment and the
    default port, lower-cases scheme and host, percent-encodes the path uniformly
    (so ``/über`` and ``/%C3%BCber`` are one page) and removes ``.``/``..``
    segments, so a path can never climb above the site root.
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
    return urlunsplit((scheme, netloc, _normalize_path(parts.path), "", ""))


def _normalize_path(path: str) -> str:
    path = quote(_LONE_PERCENT.sub("%25", path), safe="/%!$&'()*+,;=:@~")

    def unescape(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()

    return _remove_dot_segments(_ESCAPE.sub(unescape, path) or "/")


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
