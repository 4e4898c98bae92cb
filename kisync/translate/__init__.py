"""Translation helpers: the glossary (TBX/CSV), the German term matcher, translation
memory, pretranslation and the glossary checks used by ``kisync lint``."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from ..errors import GlossaryError
from .glossary import Concept, Glossary, Status, Term

__all__ = [
    "Concept",
    "Glossary",
    "Status",
    "Term",
    "glossary_or_shipped",
    "load_glossaries",
    "load_glossary",
    "shipped_glossary_path",
]

log = logging.getLogger(__name__)

TBX_SUFFIXES = (".tbx", ".xml")
CSV_SUFFIXES = (".csv", ".tsv")


def load_glossary(path: Path | str) -> Glossary:
    """Read one glossary file; the format follows from its suffix (.tbx, .csv)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TBX_SUFFIXES:
        from .tbx import read_tbx

        return read_tbx(path)
    if suffix in CSV_SUFFIXES:
        from .csvglossary import read_csv

        return read_csv(path)
    kind = suffix or "(no suffix)"
    raise GlossaryError(f"{path}: unknown glossary format {kind}; use .tbx or .csv")


def load_glossaries(paths: Iterable[Path | str]) -> Glossary:
    """Several files as one glossary (concept ids must not repeat across files)."""
    return Glossary.combine(load_glossary(path) for path in paths)


def shipped_glossary_path() -> Path:
    """The integration glossary shipped with kisync (package data: :mod:`kisync.util.shipped`)."""
    from ..util.shipped import glossary_path

    return glossary_path()


def glossary_or_shipped(glossary: Glossary | None = None) -> Glossary:
    """``glossary``, or the integration glossary shipped with kisync when there is none
    (what the ``kisync glossary`` commands use without ``[glossary] files``)."""
    if glossary is not None:
        return glossary
    log.info("no [glossary] files configured; using %s", shipped_glossary_path())
    return load_glossary(shipped_glossary_path())
