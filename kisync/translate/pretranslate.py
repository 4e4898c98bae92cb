"""``kisync pretranslate``: fill untranslated entries with proposals, marked fuzzy for review.

For each selected language and page, every entry without any translation gets, in this
order, the first proposal there is:

1. **the same German text translated elsewhere** in the project (translation memory);
2. **the glossary's approved translation** when the entry is exactly one glossary term
   (a heading, a table cell, a menu item: ``Integrationskurse``, ``<b1>Jobcenter</b1>``);
3. **the translation of a similar German text** (at least ``[glossary] memory_similarity``
   percent similar, same placeholders), with that text as the entry's previous msgid
   (``#| msgid``), so Poedit, Lokalize and Weblate show what is different;
4. **a machine translation**, last, where ``[machine_translation]`` routes the language to
   an engine (see :mod:`kisync.translate.mt`); its note names engine and date
   (``#. machine translation: deepl, 2026-12-06``).

Every proposal is marked ``fuzzy`` and explained in a ``#. pretranslated:`` note: it does
not count as translated and is not published until a person checks it. Entries that
have a translation (finished or fuzzy) are never touched. Glossary notes are refreshed at
the same time. The memory is built before anything changes, from finished translations
only, so a proposal is never made from another proposal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import polib

from ..catalog import pofile
from ..errors import CatalogError
from ..languages import Language
from ..model import PLACEHOLDER
from ..util.fsutil import FileChanged, FileVersion, read_version, replace_file
from ..util.selection import select_languages, select_pages
from .glossary import Glossary
from .matcher import Matcher
from .memory import Proposal, TranslationMemory
from .notes import GlossaryNotes, replace_notes

if TYPE_CHECKING:
    from ..catalog.layout import CatalogLayout
    from .mt import MachineOutcome, MachineTranslator

NOTE_PREFIX = "pretranslated:"
MACHINE_PREFIX = "machine translation:"
_LEFTOVER = re.compile(r"[\w]")


@dataclass
class PretranslateReport:
    """What a pretranslate run did (or, with ``dry_run``, would do)."""

    languages: tuple[str, ...]
    dry_run: bool = False
    same: int = 0
    """Entries filled from the same German text elsewhere."""
    glossary: int = 0
    """Entries that are one glossary term, filled with its approved translation."""
    similar: int = 0
    """Entries filled from a similar German text."""
    machine: int = 0
    """Entries filled with a machine translation."""
    sent: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    """(engine, language) → [strings, characters] sent to it (dry run: that would be)."""
    dropped: list[str] = field(default_factory=list)
    """Machine translations that failed the checks (file:line, engine, why)."""
    written: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def filled(self) -> int:
        return self.same + self.glossary + self.similar + self.machine

    @property
    def exit_code(self) -> int:
        return 2 if self.failures else 0

    def summary(self) -> str:
        verb = "would write" if self.dry_run else "wrote"
        machine = f", {self.machine} machine translations" if self.machine or self.sent else ""
        dropped = f" ({len(self.dropped)} dropped by the checks)" if self.dropped else ""
        return (
            f"{self.filled} strings proposed ({self.same} same text translated elsewhere, "
            f"{self.glossary} glossary terms, {self.similar} similar texts{machine}{dropped}), "
            f"all fuzzy; {verb} {len(self.written)} files"
            + (f"; {len(self.failures)} failed" if self.failures else "")
        )

    def sent_lines(self) -> list[str]:
        """One line per engine and language: what was (dry run: would be) sent."""
        verb = "would send" if self.dry_run else "sent"
        return [
            f"{engine}: {verb} {strings} strings, {characters:,} characters ({language})"
            for (engine, language), (strings, characters) in sorted(self.sent.items())
        ]

    def to_json(self) -> dict[str, object]:
        return {
            "languages": list(self.languages),
            "dry_run": self.dry_run,
            "filled": {
                "same": self.same,
                "glossary": self.glossary,
                "similar": self.similar,
                "machine": self.machine,
            },
            "machine_translation": {
                "sent": [
                    {"engine": engine, "language": language, "strings": n, "characters": chars}
                    for (engine, language), (n, chars) in sorted(self.sent.items())
                ],
                "dropped": self.dropped,
            },
            "written": [str(path) for path in self.written],
            "failures": self.failures,
        }


def pretranslate(
    catalogs: CatalogLayout,
    languages: Sequence[str] = (),
    pages: Sequence[str] = (),
    *,
    glossary: Glossary | None = None,
    memory_similarity: float = 85.0,
    machine: MachineTranslator | None = None,
    root: Path | None = None,
    dry_run: bool = False,
) -> PretranslateReport:
    """Propose translations for the untranslated entries of the selected catalogs.

    ``memory_similarity``: how similar (percent) an earlier German text must be to
    propose its translation. ``machine``: ask it for what the memory and the glossary
    cannot propose (languages with a route only); the strings sent name their file
    relative to ``root`` (default: the folder around the catalog folder).
    """
    chosen = select_languages(catalogs.target_languages(), languages)
    keys = select_pages(catalogs, pages)
    report = PretranslateReport(tuple(lang.code for lang in chosen), dry_run=dry_run)
    filler = _Filler(glossary, memory_similarity)
    root = root or catalogs.folder.parent
    for language in chosen:
        found, versions = _read_all(catalogs, language, report)
        memory = TranslationMemory.from_catalogs(found.items())
        selected = [(key, found[key]) for key in keys if key in found]
        waiting: list[tuple[str, polib.POEntry]] = []
        for key, catalog in selected:
            if filler.notes is not None:
                filler.notes.process(catalog, language, key)
            for entry in catalog:
                kind = filler.fill(entry, language, memory)
                if kind:
                    setattr(report, kind, getattr(report, kind) + 1)
                elif machine is not None and _untranslated(entry):
                    waiting.append((key, entry))
        if machine is not None and waiting and machine.routed(language):
            where = _locations(catalogs, root, language)
            _machine_fill(machine, where, language, waiting, report, dry_run=dry_run)
        for key, catalog in selected:
            path = catalogs.catalog_path(language.code, key)
            _write(path, catalog, versions[key], report, dry_run=dry_run)
    return report


def _write(
    path: Path,
    catalog: polib.POFile,
    version: FileVersion,
    report: PretranslateReport,
    *,
    dry_run: bool,
) -> None:
    """Write the catalog unless it is unchanged, or a translator saved it meanwhile."""
    data = pofile.dumps(catalog).encode("utf-8")
    if data == version.data:
        return
    if not dry_run:
        try:
            replace_file(path, data, expected=version)
        except FileChanged:
            report.failures.append(
                f"{path}: saved by someone else while pretranslate ran; left as they saved "
                "it — run pretranslate again (machine translations come from the cache)"
            )
            return
    report.written.append(path)


def _untranslated(entry: polib.POEntry) -> bool:
    return not (entry.obsolete or not entry.msgid or entry.msgid_plural or entry.msgstr)


def _locations(
    catalogs: CatalogLayout, root: Path, language: Language
) -> Callable[[str, polib.POEntry], str]:
    """``file:line`` of an entry of a page's catalog, the file relative to ``root``."""

    def where(key: str, entry: polib.POEntry) -> str:
        path = catalogs.catalog_path(language.code, key).relative_to(root)
        return f"{path.as_posix()}:{entry.linenum}"

    return where


def _machine_fill(
    machine: MachineTranslator,
    where: Callable[[str, polib.POEntry], str],
    language: Language,
    waiting: list[tuple[str, polib.POEntry]],
    report: PretranslateReport,
    *,
    dry_run: bool,
) -> None:
    from .mt import Wanted

    wanted = [Wanted(entry.msgid, where(key, entry)) for key, entry in waiting]
    outcome = machine.translate(language, wanted, dry_run=dry_run)
    for _, entry in waiting:
        proposal = outcome.proposals.get(entry.msgid)
        if proposal is not None:
            _propose_machine(entry, proposal)
            report.machine += 1
    _add_outcome(report, outcome)


def _propose_machine(entry: polib.POEntry, proposal) -> None:
    entry.msgstr = proposal.translation
    if "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")
    lines = [f"{MACHINE_PREFIX} {proposal.engine}, {proposal.received}"]
    lines += [f"{MACHINE_PREFIX} check: {remark}" for remark in proposal.remarks]
    entry.comment = replace_notes(entry.comment, lines, MACHINE_PREFIX)


def _add_outcome(report: PretranslateReport, outcome: MachineOutcome) -> None:
    for route, (strings, characters) in outcome.sent.items():
        counted = report.sent.setdefault(route, [0, 0])
        counted[0] += strings
        counted[1] += characters
    report.dropped += outcome.dropped
    report.failures += outcome.failures


def _read_all(
    layout: CatalogLayout, language: Language, report: PretranslateReport
) -> tuple[dict[str, polib.POFile], dict[str, FileVersion]]:
    """Every catalog of the language (the memory covers the whole project), and the bytes
    each had when it was read (so a translator's later save is never written over)."""
    catalogs, versions = {}, {}
    for key in layout.page_keys():
        path = layout.catalog_path(language.code, key)
        version = read_version(path)
        if version.data is None:
            continue
        try:
            catalogs[key] = pofile.parse(version.data, path)
        except CatalogError as error:
            report.failures.append(f"{error} (left untouched; fix it, then run again)")
            continue
        versions[key] = version
    return catalogs, versions


class _Filler:
    def __init__(self, glossary: Glossary | None, threshold: float) -> None:
        self.threshold = threshold
        self.matcher = Matcher(glossary) if glossary is not None else None
        self.notes = GlossaryNotes(glossary, self.matcher) if glossary is not None else None
        self.source = glossary.source_language if glossary is not None else "de"

    def fill(self, entry: polib.POEntry, language: Language, memory: TranslationMemory) -> str:
        """Fill one entry if it is untranslated; return the kind of proposal or ''."""
        if entry.obsolete or not entry.msgid or entry.msgid_plural:
            return ""
        if entry.msgstr:
            if "fuzzy" not in entry.flags:  # a person confirmed it: the notes are history
                entry.comment = replace_notes(entry.comment, [], NOTE_PREFIX)
                entry.comment = replace_notes(entry.comment, [], MACHINE_PREFIX)
            return ""
        proposal = memory.exact(entry.msgid)
        if proposal is not None:
            note = f"same German text as in {proposal.where}; check that it fits here"
            return _propose(entry, proposal.translation, note, "same")
        term = self._single_term(entry.msgid, language)
        if term is not None:
            translation, german, explanation = term
            note = f"glossary translation of {german}; check number, case and capitals"
            if explanation:  # easy German: the glossary says how to explain the term
                note += f"; explain it: {explanation}"
            return _propose(entry, translation, note, "glossary")
        proposal = memory.similar(entry.msgid, self.threshold)
        if proposal is not None:
            return _propose_similar(entry, proposal)
        return ""

    def _single_term(self, text: str, language: Language) -> tuple[str, str, str] | None:
        """(translation, German term, explanation in the target language) when ``text`` is
        exactly one glossary term."""
        if self.matcher is None:
            return None
        matches = self.matcher.find(text)
        if len(matches) != 1 or matches[0].how == "compound":
            return None
        match = matches[0]
        leftover = PLACEHOLDER.sub("", text[: match.start] + text[match.end :])
        if _LEFTOVER.search(leftover):
            return None
        if match.term.dnt:
            target = match.term.text
        else:
            preferred = match.concept.preferred(language.code)
            if preferred is None:
                return None
            target = _capitalized(preferred.text, language)
        explanation = match.concept.definitions.get(language.code, "")
        return text[: match.start] + target + text[match.end :], match.term.text, explanation


def _propose(entry: polib.POEntry, translation: str, note: str, kind: str) -> str:
    entry.msgstr = translation
    if "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")
    entry.comment = replace_notes(entry.comment, [f"{NOTE_PREFIX} {note}"], NOTE_PREFIX)
    return kind


def _propose_similar(entry: polib.POEntry, proposal: Proposal) -> str:
    entry.previous_msgid = proposal.source
    note = (
        f"translation of a {proposal.similarity:.0f}% similar German text ({proposal.where}); "
        "the previous German text (#| msgid) shows what is different"
    )
    return _propose(entry, proposal.translation, note, "similar")


def _capitalized(text: str, language: Language) -> str:
    """A whole entry (a heading, a cell) starts with a capital where the script has them."""
    first = text[:1]
    if not first.islower():
        return text
    upper = "İ" if first == "i" and language.code in ("tr", "az") else first.upper()
    return upper + text[1:]
