"""The work of the ``kisync glossary`` commands on a glossary: find its terms in a text
(``match``), write it in another format (``export``), merge concepts into a TBX file
(``import``, only when the result passes ``glossary lint``) and take concepts out of it
(``remove``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import GlossaryError
from ..languages import normalize_code
from ..util.fsutil import write_if_changed
from . import load_glossary
from .csvglossary import write_csv
from .glossary import Glossary, MergeReport, merge_concepts
from .glossarylint import GlossaryProblem, check_glossary, expected_languages
from .matcher import Match, Matcher
from .notes import describe, target_text
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


@dataclass(frozen=True)
class GlossaryExport:
    """The files ``kisync glossary export --output`` wrote, each with whether it changed."""

    files: tuple[tuple[Path, bool], ...]
    exit_code = 0

    def lines(self) -> list[str]:
        return [f"{'wrote' if written else 'unchanged'} {path}" for path, written in self.files]

    def summary(self) -> str:
        return "; ".join(self.lines())

    def to_json(self) -> dict[str, object]:
        return {"files": [{"path": str(path), "written": written} for path, written in self.files]}


def write_glossary(
    glossary: Glossary, fmt: str, output: Path, languages: Sequence[str] = ()
) -> GlossaryExport:
    """Write :func:`export_glossary`'s files: into the file ``output``, or for ``weblate``
    into the folder ``output`` (one ``<language>.tbx`` each). Unchanged files are not
    rewritten."""
    exported = export_glossary(glossary, fmt, languages)
    if fmt == "weblate":
        paths = {output / name: data for name, data in exported.items()}
    else:
        paths = {output: next(iter(exported.values()))}
    return GlossaryExport(
        tuple((path, write_if_changed(path, data.decode("utf-8"))) for path, data in paths.items())
    )


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


@dataclass(frozen=True)
class GlossaryImport:
    """What ``kisync glossary import`` merged from ``source`` into the TBX file ``target``."""

    source: Path
    target: Path
    merged: MergeReport
    dry_run: bool
    written: bool
    warnings: tuple[GlossaryProblem, ...] = ()
    """Glossary lint warnings about the concepts added or changed (an unsourced translation …)."""
    exit_code = 0

    def summary(self) -> str:
        return f"{self.target}: {self.merged.summary()}"

    def lines(self) -> list[str]:
        """One line per warning, as ``kisync glossary lint`` prints them."""
        return [problem.line() for problem in self.warnings]

    def to_json(self) -> dict[str, object]:
        return {
            "source": str(self.source),
            "target": str(self.target),
            "dry_run": self.dry_run,
            "added": list(self.merged.added),
            "changed": list(self.merged.changed),
            "unchanged": self.merged.unchanged,
            "written": self.written,
            "warnings": [problem.to_json() for problem in self.warnings],
        }


def import_glossary_file(source: Path, target: Path, *, dry_run: bool = False) -> GlossaryImport:
    """Add or update the concepts of the glossary file ``source`` (CSV or TBX) in the TBX
    file ``target``: matched by id, none deleted, written as TBX v3 — and only when
    the result has no glossary lint error (else :class:`GlossaryError`, nothing written).
    """
    glossary, merged, data = import_glossary(load_glossary(source), target)
    lint = check_glossary(glossary)
    errors = lint.errors
    if errors:
        first = errors[0]
        raise GlossaryError(
            f"{source}: not imported, the glossary would have {len(errors)} error(s), e.g. "
            f"{first.concept} [{first.language}]: {first.message}; fix the file and import again"
        )
    changed = bool(merged.added or merged.changed)
    written = not dry_run and changed and write_if_changed(target, data.decode("utf-8"))
    imported = {*merged.added, *merged.changed}
    warnings = tuple(problem for problem in lint.problems if problem.concept in imported)
    return GlossaryImport(source, target, merged, dry_run, written, warnings)


@dataclass(frozen=True)
class GlossaryRemoval:
    """The concepts ``kisync glossary remove`` took out of the TBX file ``target``."""

    target: Path
    removed: tuple[str, ...]
    left: int
    dry_run: bool
    exit_code = 0

    def summary(self) -> str:
        done = "would remove" if self.dry_run else "removed"
        return f"{self.target}: {done} {', '.join(self.removed)}; {self.left} concepts left"

    def to_json(self) -> dict[str, object]:
        return {
            "target": str(self.target),
            "dry_run": self.dry_run,
            "removed": list(self.removed),
            "left": self.left,
        }


def remove_concepts(target: Path, ids: Sequence[str], *, dry_run: bool = False) -> GlossaryRemoval:
    """Take the concepts ``ids`` out of the TBX file ``target``. An id the file does not
    have is an error (a typo must not pass as done), and then nothing is written."""
    if target.suffix.lower() != ".tbx":
        raise GlossaryError(
            f"{target}: not a TBX file; concepts are removed from the TBX glossary (in a "
            "CSV file, delete the concept's rows)"
        )
    glossary = read_tbx(target)
    wanted = tuple(dict.fromkeys(ids))
    unknown = sorted(set(wanted) - {concept.id for concept in glossary})
    if unknown:
        raise GlossaryError(
            f"{target}: no concept {', '.join(map(repr, unknown))}; nothing removed (the ids "
            "are the first column of the glossary's CSV export)"
        )
    kept = tuple(concept for concept in glossary if concept.id not in wanted)
    if not dry_run:
        write_if_changed(target, write_tbx(replace(glossary, concepts=kept)).decode("utf-8"))
    return GlossaryRemoval(target, wanted, len(kept), dry_run)


def default_glossary_file(paths: Sequence[Path], parameter: str = "into") -> Path:
    """The glossary file ``import`` writes and ``remove`` edits when none is given
    (``parameter``, named in the error): the project's first glossary file (``paths``,
    from ``[glossary] files``), which must be TBX."""
    file = {parameter: f"{parameter} (a .tbx file)"}
    if not paths:
        raise GlossaryError.naming(
            f"no glossary file to change: give {{{parameter}}} or list it in kisync.toml "
            "[glossary]",
            **file,
        )
    if paths[0].suffix.lower() != ".tbx":
        raise GlossaryError.naming(
            f"{paths[0]}: kisync writes glossaries as TBX; give {{{parameter}}}", **file
        )
    return paths[0]


@dataclass(frozen=True)
class GlossaryMatches:
    """The glossary terms found in a German ``text`` (``kisync glossary match``)."""

    glossary: Glossary
    matches: tuple[Match, ...]
    languages: tuple[str, ...] = ()
    """The translations shown (``--lang``); when empty, JSON shows all the glossary's
    target languages, and text the languages :meth:`_shown` picks."""
    project_languages: tuple[str, ...] = ()
    """The project's languages: what the text output shows when ``languages`` is empty."""
    exit_code = 0

    def summary(self) -> str:
        count = len(self.matches)
        return (
            f"{count} glossary term{'s' if count != 1 else ''} found"
            if count
            else ("no glossary terms found")
        )

    def lines(self) -> list[str]:
        """Each match with its position and what to know about it, then one line per
        language with the translation to use."""
        if not self.matches:
            return [self.summary()]
        source = self.glossary.source_language
        lines = []
        for match in self.matches:
            lines.append(f"{match.text} ({match.start}–{match.end}): {describe(match, source)}")
            for language in self._shown(match):
                hint = target_text(match.concept, match.term, language, source)
                lines.append(f"  {language}: {hint}")
        return lines

    def _shown(self, match: Match) -> list[str]:
        """The languages chosen, else the project's, else those the glossary covers for
        most concepts plus those this concept has: not a line "no approved ps translation
        yet" for every concept the interpreter-pool languages do not cover."""
        chosen = self.languages or self.project_languages
        if chosen:
            return [normalize_code(language) for language in chosen]
        covered = set(expected_languages(self.glossary)) | set(match.concept.languages)
        source = self.glossary.source_language
        return [lang for lang in self.glossary.languages if lang in covered and lang != source]

    def to_json(self) -> list[dict[str, Any]]:
        """``kisync glossary match --format json``: one object per match."""
        return match_json(self.matches, self.glossary, self.languages)


def match_glossary(
    glossary: Glossary,
    text: str,
    languages: Sequence[str] = (),
    project_languages: Sequence[str] = (),
) -> GlossaryMatches:
    """Find the terms of ``glossary`` in the German ``text`` (inflected, compounds …)."""
    found = tuple(Matcher(glossary).find(text))
    return GlossaryMatches(glossary, found, tuple(languages), tuple(project_languages))


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
