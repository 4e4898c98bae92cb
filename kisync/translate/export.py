"""Glossary conversions the CLI offers: export formats, CSV import, match results as JSON."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import GlossaryError
from ..languages import normalize_code
from .csvglossary import write_csv
from .glossary import Glossary, MergeReport, merge_concepts
from .matcher import Match
from .tbx import read_tbx, write_tbx, write_tbx2, write_weblate

EXPORT_FORMATS = ("csv", "tbx", "tbx2", "weblate")


def export_glossary(
    glossary: Glossary, fmt: str, languages: Sequence[str] = ()
) -> dict[str, bytes]:
    """File name → content. One file, except for ``weblate`` (one per target language)."""
    glossary = only_languages(glossary, languages)
    targets = [lang for lang in glossary.languages if lang != glossary.source_language]
    if fmt == "csv":
        return {"glossary.csv": ("\ufeff" + write_csv(glossary, targets)).encode("utf-8")}
    if fmt == "tbx":
        return {"glossary.tbx": write_tbx(glossary)}
    if fmt == "tbx2":
        return {"glossary.tbx": write_tbx2(glossary)}
    if fmt == "weblate":
        return {f"{lang}.tbx": write_weblate(glossary, lang) for lang in targets}
    raise GlossaryError(f"unknown export format {fmt!r}; use one of: {', '.join(EXPORT_FORMATS)}")


def only_languages(glossary: Glossary, languages: Iterable[str]) -> Glossary:
    """The glossary with the source language and ``languages`` only (all if empty)."""
    wanted = {normalize_code(lang) for lang in languages}
    if not wanted:
        return glossary
    missing = wanted - set(glossary.languages)
    if missing:
        raise GlossaryError(
            f"the glossary has no terms in {', '.join(sorted(missing))}; "
            f"it has: {', '.join(glossary.languages)}"
        )
    wanted.add(glossary.source_language)
    concepts = tuple(
        replace(c, terms={lang: t for lang, t in c.terms.items() if lang in wanted})
        for c in glossary
    )
    return replace(glossary, concepts=concepts)


def import_glossary(incoming: Glossary, target: Path) -> tuple[Glossary, MergeReport, bytes]:
    """Merge ``incoming`` into the TBX file ``target`` (which may not exist yet)."""
    if target.exists():
        base = read_tbx(target)
    else:
        base = Glossary((), incoming.source_language, sources=(str(target),))
    merged, report = merge_concepts(base, incoming)
    return merged, report, write_tbx(merged)


def match_json(
    matches: Iterable[Match], glossary: Glossary, languages: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """The documented JSON of ``kisync glossary match``: one object per match."""
    codes = [normalize_code(lang) for lang in languages] or [
        lang for lang in glossary.languages if lang != glossary.source_language
    ]
    return [
        {
            "concept": match.concept.id,
            "term": match.term.text,
            "text": match.text,
            "start": match.start,
            "end": match.end,
            "status": match.term.status.value,
            "translations": {
                lang: [term.text for term in match.concept.approved(lang)] for lang in codes
            },
        }
        for match in matches
    ]
