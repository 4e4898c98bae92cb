"""``.kisync/pull-state.json``: what ``pull`` remembers between runs.

For each page: its change marker (so an unchanged page is not even read), where it
lives, and its site-wide strings (menu, footer) so the ``_site`` catalog can be rebuilt
without reading every page. Most pages share one menu and footer, so site strings are
stored once per distinct list ("variant") and pages refer to it by hash; a page's own
part is the line of each of them, as one string (``"10 11 12"``): thousands of small
JSON strings would double the time a pull with nothing changed spends on this file.
Deleting the file is safe: the next pull reads every page and still rewrites no byte.

``files`` holds the signature (size, times, inode: see :mod:`kisync.util.fsutil`) of every
template and catalog as the last pull left it, written or read and found right. A file
whose signature moved was edited, replaced or re-linked by someone else, whatever its
modification time says: only those are read again, as git's index does.
The file's modification time tells when the last pull finished: a pull that changes
nothing touches the file instead of rewriting it, so no byte of the project changes.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..catalog.keys import SITE_KEY
from ..util.fsutil import Signature, write_if_changed

if TYPE_CHECKING:
    import polib

STATE_VERSION = 2
STATE_FILE = "pull-state.json"
"""The state's file in the project's state folder (``.kisync/``)."""
MAX_SITE_LOCATIONS = 3
"""``#:`` lines shown for a site-wide string (it may be on thousands of pages)."""


class PullState:
    def __init__(self, path: Path, data: dict[str, Any] | None = None) -> None:
        data = data or {}
        self.path = path
        self.fingerprint: str = data.get("fingerprint", "")
        self.pages: dict[str, dict[str, Any]] = data.get("pages", {})
        self.variants: dict[str, list[dict[str, Any]]] = data.get("site_variants", {})
        self.files: dict[str, dict[str, Signature]] = data.get("files", {})
        """``templates`` or language code -> page key -> signature of the file."""

    @classmethod
    def load(cls, path: Path) -> tuple[PullState, str | None]:
        """The saved state (empty if there is none) and a warning if it was unreadable."""
        try:
            data = json.loads(path.read_bytes().decode("utf-8"))
        except FileNotFoundError:
            return cls(path), None
        except (OSError, ValueError) as error:
            return cls(path), f"{path} was unreadable ({error}); every page is read again"
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            return cls(path), None
        return cls(path, data), None

    def moved(self, found: dict[str, dict[str, Signature]]) -> dict[str, set[str]]:
        """Page key -> the folders (``templates``, language codes) whose file for that page
        differs from how the last pull left it (``found``: see ``Project.scan_catalogs``)."""
        moved: dict[str, set[str]] = {}
        for folder, signatures in found.items():
            known = self.files.get(folder, {})
            for key, signature in signatures.items():
                if known.get(key) != signature:
                    moved.setdefault(key, set()).add(folder)
        return moved

    def record_files(self, key: str, signatures: dict[str, Signature | None]) -> None:
        """Remember how a page's files were left (None: check that one next time)."""
        for folder, signature in signatures.items():
            if signature:
                self.files.setdefault(folder, {})[key] = signature
            else:
                self.files.get(folder, {}).pop(key, None)

    def unchanged(self, key: str, marker: str) -> bool:
        previous = self.pages.get(key)
        return bool(marker) and previous is not None and previous.get("marker") == marker

    def record(
        self,
        key: str,
        marker: str,
        location: str,
        site: list[polib.POEntry],
        template: bytes | None = None,
    ) -> None:
        """Remember a page after its catalogs were brought up to date (``template``: the
        bytes of its template, to know it again when only its signature moved)."""
        records = [_site_record(entry) for entry in site]
        self.pages[key] = {
            "marker": marker,
            "location": location,
            "site": self._add_variant(records),
            "site_lines": " ".join(entry.occurrences[0][1] for entry in site),
        }
        if template is not None:
            self.pages[key]["template"] = _digest(template)

    def template_intact(self, key: str, data: bytes | None) -> bool:
        """Whether ``data`` is the template this page had when it was recorded."""
        recorded = self.pages.get(key, {}).get("template")
        return data is not None and recorded == _digest(data)

    def forget(self, key: str) -> None:
        self.pages.pop(key, None)
        for signatures in self.files.values():
            signatures.pop(key, None)

    def site_entries(self) -> list[polib.POEntry]:
        """The ``_site`` template entries: every page's shared strings once, in page order."""
        import polib

        entries: dict[tuple[str, str], polib.POEntry] = {}
        pages_with: dict[tuple[str, str], int] = {}
        for key in sorted(self.pages):
            page = self.pages[key]
            records = self.variants.get(page.get("site", ""), [])
            lines = page.get("site_lines", "").split()
            for record, line in zip(records, lines, strict=False):
                entry_key = (record.get("msgctxt", ""), record["msgid"])
                entry = entries.get(entry_key)
                if entry is None:
                    entry = polib.POEntry(msgid=record["msgid"], comment=record["notes"])
                    if record.get("msgctxt"):
                        entry.msgctxt = record["msgctxt"]
                    entries[entry_key] = entry
                if key != SITE_KEY:  # the portal's own (site title): on no page
                    pages_with[entry_key] = pages_with.get(entry_key, 0) + 1
                if len(entry.occurrences) < MAX_SITE_LOCATIONS:
                    entry.occurrences.append((page["location"], line))
        for entry_key, entry in entries.items():
            count = pages_with.get(entry_key, 0)
            if count:
                entry.comment += f"\nsite-wide text on {count} page{'s' if count > 1 else ''}"
        return list(entries.values())

    def save(self) -> None:
        used = {page.get("site") for page in self.pages.values()}
        data = {
            "version": STATE_VERSION,
            "fingerprint": self.fingerprint,
            "pages": self.pages,
            "site_variants": {k: v for k, v in self.variants.items() if k in used},
            "files": self.files,
        }
        if not write_if_changed(self.path, json.dumps(data, ensure_ascii=False, sort_keys=True)):
            self.path.touch()  # the same bytes, a new time: when the last pull finished

    def _add_variant(self, records: list[dict[str, Any]]) -> str:
        digest = _digest(json.dumps(records, ensure_ascii=False, sort_keys=True).encode())
        self.variants.setdefault(digest, records)
        return digest


def last_pulled(state_dir: Path) -> datetime | None:
    """When the last pull finished (UTC), or None if no pull ran in this folder."""
    try:
        return datetime.fromtimestamp((state_dir / STATE_FILE).stat().st_mtime, UTC)
    except OSError:
        return None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _site_record(entry: polib.POEntry) -> dict[str, Any]:
    """A site-wide string without its line, so pages with the same menu share a variant."""
    record = {"msgid": entry.msgid, "notes": entry.comment}
    if entry.msgctxt:
        record["msgctxt"] = entry.msgctxt
    return record
