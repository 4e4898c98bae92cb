"""The strings handed out for translation, and the manifest that remembers them.

A *unit* is one German text (``msgctxt`` + ``msgid``) that needs work in one language,
with every page it occurs on. The manifest records, per unit and page, the translation
the project had when it was handed out: on return, that is how :mod:`.returns` tells a
string nobody touched meanwhile (take the returned translation) from one translated in
the project meanwhile (a conflict, never overwritten).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

import polib

from ..catalog import pofile
from ..catalog.layout import CatalogLayout
from ..errors import KisyncError
from ..languages import Language

MANIFEST_VERSION = 1


@dataclass
class Location:
    """A unit on one page, as the project had it at export."""

    page: str
    msgstr: str
    fuzzy: bool


@dataclass
class Unit:
    id: str
    msgid: str
    msgctxt: str | None
    notes: str
    """The catalog's ``#.`` notes (what the string is, placeholders, glossary hints)."""
    proposal: str
    """A fuzzy proposal or, with ``everything``, the finished translation ('' if none)."""
    previous_msgid: str | None
    locations: list[Location] = field(default_factory=list)

    @property
    def fuzzy(self) -> bool:
        return bool(self.proposal) and any(location.fuzzy for location in self.locations)

    @property
    def pages(self) -> list[str]:
        return [location.page for location in self.locations]


@dataclass
class Manifest:
    export_id: str
    language: str
    created: str
    format: str
    units: list[Unit]

    def to_json(self) -> str:
        data = {
            "kisync_manifest": MANIFEST_VERSION,
            "export_id": self.export_id,
            "language": self.language,
            "created": self.created,
            "format": self.format,
            "units": [asdict(unit) for unit in self.units],
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str, where: str) -> Manifest:
        try:
            data = json.loads(text)
            if data.get("kisync_manifest") != MANIFEST_VERSION:
                raise ValueError("not a kisync manifest of this version")
            units = [
                Unit(**{**unit, "locations": [Location(**loc) for loc in unit["locations"]]})
                for unit in data["units"]
            ]
            return cls(data["export_id"], data["language"], data["created"], data["format"], units)
        except (ValueError, KeyError, TypeError) as error:
            raise KisyncError(f"{where}: not a readable kisync manifest ({error})") from None

    def by_id(self) -> dict[str, Unit]:
        return {unit.id: unit for unit in self.units}


@dataclass(frozen=True, slots=True)
class Returned:
    """One translation in a returned file."""

    msgctxt: str | None
    msgid: str
    translation: str
    fuzzy: bool
    line: int
    """Where it is in the returned file (for messages)."""
    page: str | None = None
    """The page it belongs to, where the format knows it (XLIFF: its ``<file>``)."""


def unit_id(msgctxt: str | None, msgid: str) -> str:
    """Stable across exports: the same German text (and context) has the same id."""
    key = f"{msgctxt}\x04{msgid}" if msgctxt else msgid
    return "u" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def collect_units(
    layout: CatalogLayout,
    language: Language,
    pages: Iterable[str],
    *,
    only_untranslated: bool = False,
    everything: bool = False,
) -> list[Unit]:
    """The units of ``pages`` that need work, in page and document order.

    Needing work: no translation, or a fuzzy one (unless ``only_untranslated``);
    ``everything`` hands out finished translations too (for a review).
    """
    units: dict[str, Unit] = {}
    for key in pages:
        path = layout.catalog_path(language.code, key)
        if not path.exists():
            continue
        for entry in pofile.read(path):
            if not _handed_out(entry, only_untranslated, everything):
                continue
            ident = unit_id(entry.msgctxt, entry.msgid)
            unit = units.get(ident)
            if unit is None:
                unit = units[ident] = Unit(
                    ident,
                    entry.msgid,
                    entry.msgctxt,
                    entry.comment or "",
                    entry.msgstr,
                    entry.previous_msgid if "fuzzy" in entry.flags else None,
                )
            elif not unit.proposal and entry.msgstr:
                unit.proposal = entry.msgstr
            unit.locations.append(Location(key, entry.msgstr, "fuzzy" in entry.flags))
    return list(units.values())


def _handed_out(entry: polib.POEntry, only_untranslated: bool, everything: bool) -> bool:
    if entry.obsolete or not entry.msgid or entry.msgid_plural:
        return False
    if everything or not entry.msgstr:
        return True
    return "fuzzy" in entry.flags and not only_untranslated
