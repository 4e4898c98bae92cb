"""Glossary hints for translators: ``#. glossary: …`` lines in every PO entry.

Each entry gets one line per glossary concept its German text contains, with the approved
translation into the catalog's language::

    #. glossary: Integrationskurs → integration course
    #. glossary: Jobcenter → keep in German: Jobcenter
    #. glossary: Duldung → temporary suspension of deportation; not: hoşgörü
    #. glossary: Jobcenter → keep in German: Jobcenter; explain it: Das Jobcenter ist ein Amt. …

The last form is for easy German (``de-x-ls``): a concept whose glossary entry has a
definition in the catalog's language gets it as the explanation to use.

The lines start with ``glossary:``; every run removes the old ones before writing the
current ones, so they are never duplicated and never outlive a glossary change.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import GlossaryError

if TYPE_CHECKING:
    import polib

    from ..languages import Language
    from .glossary import Concept, Glossary, Term
    from .matcher import Match, Matcher

NOTE_PREFIX = "glossary:"
NOTES_VERSION = "1"
"""Bump when the wording of the notes changes, so that ``pull`` rewrites them all."""


class GlossaryNotes:
    """The catalog processor ``pull`` and ``pretranslate`` run on every catalog."""

    def __init__(self, glossary: Glossary, matcher: Matcher | None = None) -> None:
        from .matcher import Matcher

        self.glossary = glossary
        self.matcher = matcher or Matcher(glossary)

    @property
    def fingerprint(self) -> str:
        return f"glossary-notes/{NOTES_VERSION}/{self.glossary.fingerprint}"

    def process(self, catalog: polib.POFile, language: Language, key: str) -> None:
        for entry in catalog:
            if not entry.obsolete:
                self.annotate(entry, language.code)

    def annotate(self, entry: polib.POEntry, language: str) -> bool:
        """Replace the entry's glossary lines; True if its comment changed."""
        matches = self.matcher.find(entry.msgid)
        if entry.msgid_plural:
            matches += self.matcher.find(entry.msgid_plural)
        lines = note_lines(matches, language, self.glossary.source_language)
        comment = replace_notes(entry.comment, lines)
        changed = comment != entry.comment
        entry.comment = comment
        return changed


class GlossaryFileNotes:
    """:class:`GlossaryNotes` for glossary files, read when the first catalog is processed.

    The fingerprint is taken from the files' bytes, so a ``pull`` with nothing to do reads
    the files but neither parses them nor builds the term matcher (a quarter of a second
    for the shipped glossary). An edit that changes no term (a comment, the layout) makes
    the next pull process every catalog again; it rewrites none.
    """

    def __init__(self, paths: Sequence[Path], load: Callable[[], Glossary] | None = None) -> None:
        """``load``: how to get the glossary of ``paths`` when it is first needed (to
        share one already loaded); by default, read the files."""
        self.paths = tuple(paths)
        self._load = load
        digest = hashlib.sha256()
        for path in paths:
            try:
                digest.update(hashlib.sha256(path.read_bytes()).digest())
            except OSError as error:
                problem = f"cannot read the glossary ({error.strerror})"
                raise GlossaryError(f"{path}: {problem}") from None
        self.fingerprint = f"glossary-files/{NOTES_VERSION}/{digest.hexdigest()[:16]}"

    @cached_property
    def notes(self) -> GlossaryNotes:
        if self._load is not None:
            return GlossaryNotes(self._load())
        from . import load_glossaries

        return GlossaryNotes(load_glossaries(self.paths))

    def __getstate__(self) -> dict[str, object]:
        """Pickled for worker processes: the paths and the fingerprint, not the parsed
        glossary nor the loader (a worker reads the files when it first needs them)."""
        return {"paths": self.paths, "fingerprint": self.fingerprint, "_load": None}

    def process(self, catalog: polib.POFile, language: Language, key: str) -> None:
        self.notes.process(catalog, language, key)


def replace_notes(comment: str, lines: Iterable[str], prefix: str = NOTE_PREFIX) -> str:
    """``comment`` with ``lines`` instead of its old ``prefix`` lines: where the first of
    them was, or at the end (so that notes of different owners keep their order)."""
    old = comment.split("\n") if comment else []
    ours = [index for index, line in enumerate(old) if line.startswith(prefix)]
    at = ours[0] if ours else len(old)
    kept = [line for line in old if not line.startswith(prefix)]
    position = at - sum(1 for index in ours if index < at)
    return "\n".join([*kept[:position], *lines, *kept[position:]])


def note_lines(matches: Iterable[Match], language: str, source: str) -> list[str]:
    """One line per concept, in the order the concepts occur."""
    lines: dict[str, str] = {}
    for match in matches:
        if match.concept.id not in lines:
            lines[match.concept.id] = _line(match, language, source)
    return list(lines.values())


def _line(match: Match, language: str, source: str) -> str:
    hint = target_text(match.concept, match.term, language, source)
    return f"{NOTE_PREFIX} {describe(match, source)} → {hint}"


def describe(match: Match, source: str) -> str:
    """The German term that matched, with what a translator should know about it."""
    german = match.term.text
    if match.how == "compound":
        german += f' (in "{match.text}")'
    if not match.term.status.approved:
        best = match.concept.preferred(source)
        instead = f", use {best.text}" if best else ""
        german += f" ({match.term.status.value} German wording{instead})"
    return german


def target_text(concept: Concept, term: Term, language: str, source: str) -> str:
    """What the translation should say: the approved terms, what to avoid, notes, and
    the explanation the glossary gives in the target language (Leichte Sprache)."""
    text = _terms_text(concept, term, language, source)
    explanation = concept.definitions.get(language)
    return f"{text}; explain it: {explanation}" if explanation else text


def _terms_text(concept: Concept, term: Term, language: str, source: str) -> str:
    if term.dnt:
        return f"keep in German: {term.text}"
    kept = [t.text for t in concept.terms_in(source) if t.dnt]
    approved = [t for t in concept.approved(language) if t.text not in kept]
    parts = []
    if approved:
        also = f" (also: {', '.join(t.text for t in approved[1:])})" if len(approved) > 1 else ""
        parts.append(approved[0].text + also)
    else:
        parts.append(f"no approved {language} translation yet")
    if kept:
        parts.append(f"keep in German: {', '.join(kept)}")
    avoid = [t.text for t in concept.forbidden(language)]
    if avoid:
        parts.append(f"not: {', '.join(avoid)}")
    text = "; ".join(parts)
    if approved and approved[0].note:
        text += f" – {approved[0].note}"
    return text
