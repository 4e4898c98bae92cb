"""The crawl's memory between runs: validators (ETag, Last-Modified) and page bodies.

It survives a crash mid-run: bodies are written atomically before the index mentions
them, the index is replaced atomically, and unreferenced bodies are only deleted after
a new index is safely on disk.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from ..util.fsutil import create_temporary
from .http import Reply

log = logging.getLogger(__name__)

CACHE_FILE = "crawl-cache.json"
CACHE_BODIES = "pages"
_CACHE_VERSION = 1
_CHECKPOINT_EVERY = 100
"""Downloads between intermediate index saves, so a crash loses little work."""
_DIGEST = re.compile(r"^[0-9a-f]{64}$")


def write_atomic(path: Path, data: bytes) -> None:
    handle, temporary = create_temporary(path)  # named so that a killed run's is cleaned
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


class CrawlCache:
    """Validators (ETag, Last-Modified) and page bodies from earlier runs.

    Keyed by the requested URL. Bodies live in ``pages/<sha256>.html`` and are never
    rewritten with other content, so an index from an earlier run stays valid even
    if this run dies half-way.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.index = self.folder / CACHE_FILE
        self.bodies = self.folder / CACHE_BODIES
        self.entries: dict[str, dict[str, str]] = self._load()
        self._touched: set[str] = set()
        self._unsaved = 0
        self.changed = False

    def _load(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.index.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("ignoring unreadable crawl cache %s (%s)", self.index, error)
            return {}
        pages = data.get("pages") if isinstance(data, dict) else None
        if data.get("version") != _CACHE_VERSION or not isinstance(pages, dict):
            log.warning("ignoring crawl cache %s: unknown format", self.index)
            return {}
        return {url: entry for url, entry in pages.items() if _valid_entry(entry)}

    def validators(self, url: str) -> dict[str, str]:
        """Conditional-request headers for ``url``; none unless its body is still cached."""
        entry = self.entries.get(url)
        if entry is None or not self._body_path(entry["body"]).is_file():
            return {}
        headers = {}
        if entry.get("etag"):
            headers["If-None-Match"] = entry["etag"]
        if entry.get("last_modified"):
            headers["If-Modified-Since"] = entry["last_modified"]
        return headers

    def store(self, url: str, reply: Reply) -> dict[str, str]:
        digest = hashlib.sha256(reply.content).hexdigest()
        path = self._body_path(digest)
        if not path.is_file():
            write_atomic(path, reply.content)
        entry = {"body": digest, "content_type": reply.headers.get("Content-Type", "")}
        entry |= _validators_of(reply)
        return self._put(url, entry)

    def refresh(self, url: str, reply: Reply) -> dict[str, str] | None:
        """Record a 304 (a 304 may carry a newer ETag); None if nothing is cached."""
        entry = self.entries.get(url)
        if entry is None:
            return None
        return self._put(url, {**entry, **_validators_of(reply)})

    def _put(self, url: str, entry: dict[str, str]) -> dict[str, str]:
        self.entries[url] = entry
        self.changed = True
        self._touched.add(url)
        self._unsaved += 1
        if self._unsaved >= _CHECKPOINT_EVERY:
            self.save(prune=False)
        return entry

    def body(self, digest: str) -> bytes | None:
        try:
            return self._body_path(digest).read_bytes()
        except OSError:
            return None

    def save(self, *, prune: bool) -> None:
        """Write the index atomically; with ``prune``, forget pages this run did not see."""
        if prune:
            self.entries = {url: e for url, e in self.entries.items() if url in self._touched}
        data = {"version": _CACHE_VERSION, "pages": dict(sorted(self.entries.items()))}
        text = (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        if not self.index.is_file() or self.index.read_bytes() != text:
            write_atomic(self.index, text)
        self._unsaved = 0
        self.changed = False

    def collect_garbage(self) -> None:
        """Delete bodies the saved index no longer mentions (changed or vanished pages)."""
        wanted = {entry["body"] for entry in self.entries.values()}
        for path in self.bodies.glob("*.html") if self.bodies.is_dir() else ():
            if path.stem not in wanted:
                path.unlink(missing_ok=True)

    def _body_path(self, digest: str) -> Path:
        return self.bodies / f"{digest}.html"


def _valid_entry(entry: Any) -> bool:
    return (
        isinstance(entry, dict)
        and all(isinstance(value, str) for value in entry.values())
        and bool(_DIGEST.match(entry.get("body", "")))
    )


def _validators_of(reply: Reply) -> dict[str, str]:
    last_modified = reply.headers.get("Last-Modified")
    if last_modified and _too_recent(last_modified, reply.headers.get("Date")):
        last_modified = None
    found = {"etag": reply.headers.get("ETag"), "last_modified": last_modified}
    return {name: value for name, value in found.items() if value}


def _too_recent(last_modified: str, date: str | None) -> bool:
    """Whether a page changed less than a second before it was sent (RFC 9110 §8.8.2.2).

    Such a Last-Modified cannot tell a later edit in the same second: asking "modified
    since?" with it would miss that edit, so the next run downloads the page again.
    """
    try:
        age = parsedate_to_datetime(date or "") - parsedate_to_datetime(last_modified)
    except (TypeError, ValueError):  # unparsable, or one with a time zone and one without
        return False
    return age.total_seconds() < 1
