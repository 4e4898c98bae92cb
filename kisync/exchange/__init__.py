"""Getting work to translators outside kisync, and back: packages, XLIFF, TMX.

* :func:`export_package` — ``kisync export``: a zip for a volunteer (one PO file, a
  guide, the glossary) or an agency (XLIFF 1.2), with a manifest of what was handed out;
* :func:`import_returned` — ``kisync import``: the returned work merged safely;
* :func:`export_memory` — the translation memory as TMX 1.4b.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..catalog.layout import CatalogLayout
from ..languages import Language
from ..translate.memory import TranslationMemory
from .package import ExportReport, export_package
from .returns import ImportReport, import_returned


def export_memory(
    layout: CatalogLayout, language: Language, pages: Sequence[str], output: Path
) -> ExportReport:
    """Write the finished translations of ``pages`` as a TMX 1.4b file."""
    from .._version import __version__
    from ..catalog import pofile
    from ..util.fsutil import replace_file
    from .tmx import write_tmx

    catalogs = []
    for key in pages:
        path = layout.catalog_path(language.code, key)
        if path.exists():
            catalogs.append((key, pofile.read(path)))
    pairs = TranslationMemory.from_catalogs(catalogs).pairs()
    replace_file(output, write_tmx(pairs, language, __version__))
    words = sum(len(german.split()) for german, _ in pairs)
    return ExportReport(
        language.code, output, "tmx", len(pairs), words, [key for key, _ in catalogs]
    )


__all__ = ["ExportReport", "ImportReport", "export_memory", "export_package", "import_returned"]
