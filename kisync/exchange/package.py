"""``kisync export``: a package of work for one language, to hand to a translator.

* ``po`` (volunteers): a zip with one PO file of every string that needs work
  (:mod:`.handout_po`), a short guide in German and in the volunteer's language, the
  glossary as CSV and TBX, and ``manifest.json``;
* ``xliff`` (agencies): a zip with one XLIFF 1.2 file (:mod:`.xliff`), the glossary as
  TBX, and the manifest.

The manifest is also kept in the project (``.kisync/exports/<id>.json``), so a returned
PO or XLIFF file can be imported on its own, without the zip it came in.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..catalog.layout import CatalogLayout
from ..errors import KisyncError
from ..languages import Language
from ..translate.glossary import Glossary
from ..translate.memory import TranslationMemory
from ..util.fsutil import replace_file, write_if_changed
from .guides import guides
from .handout_po import write_handout_po
from .units import Manifest, collect_units
from .xliff import write_xliff

FORMATS = ("po", "xliff")
EXPORTS_DIR = "exports"
MEMORY_MATCHES = 3
"""Translation-memory matches per XLIFF unit (``<alt-trans>``)."""


@dataclass
class ExportReport:
    language: str
    output: Path
    export_id: str
    strings: int
    words: int
    pages: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 0

    def summary(self) -> str:
        return (
            f"{self.output}: {self.strings} strings ({self.words:,} German words) from "
            f"{len(self.pages)} pages for {self.language}; export {self.export_id}"
        )

    def to_json(self) -> dict[str, object]:
        return {
            "language": self.language,
            "output": str(self.output),
            "export_id": self.export_id,
            "strings": self.strings,
            "words": self.words,
            "pages": self.pages,
        }


def export_package(
    layout: CatalogLayout,
    state_dir: Path,
    language: Language,
    pages: Sequence[str],
    output: Path,
    *,
    fmt: str = "po",
    only_untranslated: bool = False,
    glossary: Glossary | None = None,
    memory: TranslationMemory | None = None,
) -> ExportReport:
    """Write the package for ``language`` and ``pages`` to ``output`` (a .zip)."""
    if fmt not in FORMATS:
        raise KisyncError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    units = collect_units(layout, language, pages, only_untranslated=only_untranslated)
    if not units:
        raise KisyncError(
            f"nothing to hand out for {language.code}: every selected string is translated"
        )
    now = datetime.now(UTC)
    export_id = f"{language.code}-{now:%Y%m%d-%H%M%S}"
    manifest = Manifest(export_id, language.code, now.strftime("%Y-%m-%d %H:%M+0000"), fmt, units)
    files = _package_files(manifest, language, glossary, memory)
    _write_zip(output, files)
    write_if_changed(state_dir / EXPORTS_DIR / f"{export_id}.json", manifest.to_json())
    words = sum(len(unit.msgid.split()) for unit in units)
    touched = sorted({page for unit in units for page in unit.pages})
    return ExportReport(language.code, output, export_id, len(units), words, touched)


def _package_files(
    manifest: Manifest,
    language: Language,
    glossary: Glossary | None,
    memory: TranslationMemory | None,
) -> dict[str, bytes]:
    base = f"kisync-{language.code}"
    files: dict[str, bytes] = {"manifest.json": manifest.to_json().encode("utf-8")}
    if manifest.format == "po":
        po_name = f"{base}.po"
        files[po_name] = write_handout_po(manifest, language).encode("utf-8")
        files.update(
            {name: text.encode("utf-8") for name, text in guides(language, po_name).items()}
        )
    else:
        matches = _memory_matches(manifest, memory) if memory is not None else None
        files[f"{base}.xlf"] = write_xliff(manifest, language, matches)
    if glossary is not None:
        from ..translate.export import export_glossary

        wanted = ("csv", "tbx") if manifest.format == "po" else ("tbx",)
        for fmt in wanted:
            files.update(export_glossary(glossary, fmt, [language.code]))
    return files


def _memory_matches(manifest: Manifest, memory: TranslationMemory):
    found = {}
    for unit in manifest.units:
        if unit.proposal:
            continue
        proposal = memory.similar(unit.msgid, 75)
        if proposal is not None:
            found[unit.id] = [(proposal.source, proposal.translation, proposal.similarity)]
    return found


def _write_zip(output: Path, files: dict[str, bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(
                zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)),
                data,
                compress_type=zipfile.ZIP_DEFLATED,
            )
    replace_file(output, buffer.getvalue())
