"""The volunteer's file: one PO file with every string that needs work.

Each German text appears once, however many pages use it; its ``#:`` lines name those
pages, its ``#.`` notes are the catalog's (what the string is, what each placeholder
stands for, glossary hints), and a proposal (pretranslated, machine translation) comes
fuzzy with its previous German text, as in the project. The header's
``X-Kisync-Export`` names the export, so the returned file finds its manifest.
"""

from __future__ import annotations

import polib

from ..catalog import pofile
from ..catalog.merge import language_header
from ..errors import KisyncError
from ..languages import Language
from .units import Manifest, Returned, Unit

EXPORT_HEADER = "X-Kisync-Export"


def write_handout_po(manifest: Manifest, language: Language) -> str:
    catalog = polib.POFile(wrapwidth=79)
    catalog.metadata = {
        "Project-Id-Version": "kisync hand-out",
        "PO-Revision-Date": manifest.created,
        **language_header(language),
        EXPORT_HEADER: manifest.export_id,
    }
    catalog.extend(_entry(unit) for unit in manifest.units)
    return pofile.dumps(catalog)


def _entry(unit: Unit) -> polib.POEntry:
    entry = polib.POEntry(
        msgid=unit.msgid,
        msgctxt=unit.msgctxt,
        msgstr=unit.proposal,
        comment=unit.notes,
        occurrences=[(page, "") for page in unit.pages],
    )
    if unit.fuzzy:
        entry.flags.append("fuzzy")
        entry.previous_msgid = unit.previous_msgid
    return entry


def read_handout_po(data: bytes, name: str) -> tuple[str, list[Returned]]:
    """(export id, returned translations) of a volunteer's PO file (the strict reader)."""
    catalog = pofile.parse(data, name)
    export_id = catalog.metadata.get(EXPORT_HEADER, "")
    if not export_id:
        raise KisyncError(
            f"{name}: no {EXPORT_HEADER} header: this is not a file that `kisync export` made"
        )
    returned = [
        Returned(entry.msgctxt, entry.msgid, entry.msgstr, "fuzzy" in entry.flags, entry.linenum)
        for entry in catalog
        if not entry.obsolete and entry.msgid and entry.msgstr
    ]
    return export_id, returned
