"""``.kisync/pull-state.json``: what ``pull`` remembers between runs.

For each page: its change marker (so an unchanged page is not even read), where it
lives, and its site-wide strings (menu, footer) so the ``_site`` catalog can be rebuilt
without reading every page. Most pages share one menu and footer, so site strings are
stored once per distinct list ("variant") and pages refer to it by hash; a page's own
part is the line of each of them, as one string (``"10 11 12"``): thousands of small
JSON strings would double the time a pull with nothing changed spends on this file.
Deleting the file is safe: the next pull reads every page and still rewrites no byte.
The file's modification time tells when the last pull finished: a pull that changes
nothing touches the file instead of rewriting it, so no byte of the project changes.
Catalogs modified after that time were edited by someone else and are checked; those
found unreadable are listed under ``recheck`` until they can be read again.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..util.fsutil import write_if_changed

if TYPE_CHECKING:
    import polib

STATE_VERSION = 2
STATE_FILE = "pull-state.json"
"""The state's file in the project's state folder (``.kisync/``)."""
MAX_SITE_LOCATIONS = 3
"""``#:`` lines shown for a site-wide string (it may be on thousands of pages)."""


class PullState:
    def __init__(
        self, path: Path, data: dict[str, Any] | None = None, saved_ns: int | None = None
    ) -> None:
        data = data or {}
        self.path = path
        self.saved_ns = saved_ns
        """When the state was saved (file time in ns); None for a new or unreadable state."""
        self.fingerprint: str = data.get("fingerprint", "")
        self.pages: dict[str, dict[str, Any]] = data.get("pages", {})
        self.variants: dict[str, list[dict[str, Any]]] = data.get("site_variants", {})
        self.recheck: dict[str, list[str]] = data.get("recheck", {})
        """Page key -> languages whose catalog was unreadable: check them on the next pull."""

    @classmethod
    def load(cls, path: Path) -> tuple[PullState, str | None]:
        """The saved state (empty if there is none) and a warning if it was unreadable."""
        try:
            with path.open("rb") as file:
                saved_ns = os.fstat(file.fileno()).st_mtime_ns
                data = json.loads(file.read().decode("utf-8"))
        except FileNotFoundError:
            return cls(path), None
        except (OSError, ValueError) as error:
            return cls(path), f"{path} was unreadable ({error}); every page is read again"
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            return cls(path), None
        return cls(path, data, saved_ns), None

    def unchanged(self, key: str, marker: str) -> bool:
        previous = self.pages.get(key)
        return bool(marker) and previous is not None and previous.get("marker") == marker

    def record(self, key: str, marker: str, location: str, site: list[polib.POEntry]) -> None:
        """Remember a page after its catalogs were brought up to date."""
        records = [_site_record(entry) for entry in site]
        self.pages[key] = {
            "marker": marker,
            "location": location,
            "site": self._add_variant(records),
            "site_lines": " ".join(entry.occurrences[0][1] for entry in site),
        }
        self.recheck.pop(key, None)  # its catalogs were just read

    def forget(self, key: str) -> None:
        self.pages.pop(key, None)
        self.recheck.pop(key, None)

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
                pages_with[entry_key] = pages_with.get(entry_key, 0) + 1
                if len(entry.occurrences) < MAX_SITE_LOCATIONS:
                    entry.occurrences.append((page["location"], line))
        for entry_key, entry in entries.items():
            count = pages_with[entry_key]
            entry.comment += f"\nsite-wide text on {count} page{'s' if count > 1 else ''}"
        return list(entries.values())

    def save(self) -> None:
        used = {page.get("site") for page in self.pages.values()}
        data = {
            "version": STATE_VERSION,
            "fingerprint": self.fingerprint,
            "pages": self.pages,
            "site_variants": {k: v for k, v in self.variants.items() if k in used},
        }
        if self.recheck:
            data["recheck"] = self.recheck
        if not write_if_changed(self.path, json.dumps(data, ensure_ascii=False, sort_keys=True)):
            self.path.touch()  # the same bytes, a new time: when the last pull finished

    def _add_variant(self, records: list[dict[str, Any]]) -> str:
        encoded = json.dumps(records, ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(encoded.encode()).hexdigest()[:16]
        self.variants.setdefault(digest, records)
        return digest


def last_pulled(state_dir: Path) -> datetime | None:
    """When the last pull finished (UTC), or None if no pull ran in this folder."""
    try:
        return datetime.fromtimestamp((state_dir / STATE_FILE).stat().st_mtime, UTC)
    except OSError:
        return None


def _site_record(entry: polib.POEntry) -> dict[str, Any]:
    """A site-wide string without its line, so pages with the same menu share a variant."""
    record = {"msgid": entry.msgid, "notes": entry.comment}
    if entry.msgctxt:
        record["msgctxt"] = entry.msgctxt
    return record
