"""The glossary model: concepts, their terms per language, status and flags. No I/O here.

A *concept* is one idea (the residence permit); it has *terms* in each language
(``Aufenthaltserlaubnis``; en ``residence permit``). Every term has an administrative
status taken from TBX-Basic: **preferred** (use this), **admitted** (acceptable),
**deprecated** (do not use) or **superseded** (outdated). A German term may be marked
*keep in German* (``dnt``): names such as ``Jobcenter`` or ``BAMF`` stay German in every
translation. The readers and writers (:mod:`.tbx`, :mod:`.csvglossary`) convert files
to and from these values.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum

from ..errors import GlossaryError
from ..languages import language_key


class Status(StrEnum):
    """Administrative status of a term (TBX-Basic ``administrativeStatus``)."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"

    @property
    def approved(self) -> bool:
        """Preferred and admitted terms may be used; the others may not."""
        return self in (Status.PREFERRED, Status.ADMITTED)

    @classmethod
    def parse(cls, value: str) -> Status:
        """Read a status as files write it: ``preferred``, ``preferredTerm-admn-sts``…"""
        text = value.strip().lower().removesuffix("-admn-sts").removesuffix("term")
        aliases = {"": cls.PREFERRED, "forbidden": cls.DEPRECATED, "obsolete": cls.SUPERSEDED}
        if text in aliases:
            return aliases[text]
        try:
            return cls(text)
        except ValueError:
            allowed = ", ".join(status.value for status in cls)
            raise ValueError(f"unknown status {value!r}; use one of: {allowed}") from None


PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "other")
GENDERS = ("masculine", "feminine", "neuter", "other")
TERM_TYPES = ("fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase")
CASE_SENSITIVE_TYPES = ("acronym", "abbreviation")

TERM_DETAILS = ("part_of_speech", "gender", "term_type", "note", "context", "usage", "source")
"""The :class:`Term` fields an imported file may lack: see :func:`merge_concepts`."""
SOURCE_TERM_DETAILS = (*TERM_DETAILS, "dnt", "whole_word")
"""… and for a term of the source language (only a German term carries the flags)."""
STATED_WITH_SOURCE = ("dnt", "whole_word", "definition", "subject", "concept_note")
"""What else a file may state with its source language: the flags of its terms and the
concept's definition, subject and note."""

_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class Term:
    """One term of a concept in one language."""

    text: str
    status: Status = Status.PREFERRED
    part_of_speech: str = ""
    """``noun``, ``verb``, ``adjective``, ``adverb`` or ``other`` (TBX-Basic picklist)."""
    gender: str = ""
    term_type: str = ""
    """``fullForm``, ``acronym``, ``abbreviation``, ``shortForm``, ``variant`` or ``phrase``."""
    dnt: bool = False
    """Keep in German: the term is written as it is in every translation."""
    whole_word: bool = False
    """Match only the word itself, never inside a compound: *Kreis* is the district, but
    *Kreislauf* and *Kreisverkehr* are not (TBX ``projectSubset`` ``wholeWord``)."""
    note: str = ""
    context: str = ""
    """An example sentence that uses the term."""
    usage: str = ""
    """Where the term is used (TBX ``geographicalUsage``), e.g. ``AF`` for Dari."""
    source: str = ""
    """Where the term comes from (TBX ``admin type="source"``), e.g. ``BAMF (en)`` or
    ``kisync draft, needs review``: tells a reviewer an approved term from a guess."""

    @property
    def case_sensitive(self) -> bool:
        """Acronyms and abbreviations (BAMF, eGK, KI) match only as written."""
        if self.term_type:
            return self.term_type in CASE_SENSITIVE_TYPES
        return looks_like_abbreviation(self.text)


def looks_like_abbreviation(text: str) -> bool:
    """``BAMF``, ``eGK``, ``AsylbLG``, ``KI``: an upper-case letter after the first one."""
    return " " not in text and len(text) <= 10 and any(c.isupper() for c in text[1:])


@dataclass(frozen=True)
class Concept:
    """One idea with its terms in several languages."""

    id: str
    terms: Mapping[str, tuple[Term, ...]]
    """Language code → terms, preferred first (order as in the file)."""
    definitions: Mapping[str, str] = field(default_factory=dict)
    """Language code → definition."""
    subject: str = ""
    note: str = ""

    def terms_in(self, language: str) -> tuple[Term, ...]:
        """Its terms in ``language``, also when the glossary spells the code otherwise
        (a project's ``ku`` or ``prs`` finds the glossary's ``kmr`` or ``fa_AF``)."""
        terms = self.terms.get(language)
        if terms is not None:
            return terms
        key = language_key(language)
        return next((t for code, t in self.terms.items() if language_key(code) == key), ())

    def approved(self, language: str) -> tuple[Term, ...]:
        """Terms a translation may use, preferred ones first."""
        terms = [term for term in self.terms_in(language) if term.status.approved]
        return tuple(sorted(terms, key=lambda term: term.status != Status.PREFERRED))

    def preferred(self, language: str) -> Term | None:
        approved = self.approved(language)
        return approved[0] if approved else None

    def forbidden(self, language: str) -> tuple[Term, ...]:
        """Deprecated and superseded terms: wording that must not be used."""
        return tuple(term for term in self.terms_in(language) if not term.status.approved)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.terms)


@dataclass(frozen=True)
class Glossary:
    """Concepts from one or more files, with the source language they describe."""

    concepts: tuple[Concept, ...]
    source_language: str = "de"
    title: str = ""
    sources: tuple[str, ...] = ()
    """Where the concepts came from (file names), for messages."""
    stated_details: Mapping[str, frozenset[str]] | None = field(default=None, compare=False)
    """Per language of the file, the :data:`TERM_DETAILS` it states for its terms, empty
    ones too (a CSV's ``note`` column), with the source language also the
    :data:`STATED_WITH_SOURCE` it states; None when it may leave any of them out (TBX:
    other tools drop kisync's fields). See :func:`merge_concepts`."""

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for concept in self.concepts:
            if concept.id in seen:
                raise GlossaryError(f"concept id {concept.id!r} is used twice; ids must be unique")
            seen.add(concept.id)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def concept(self, concept_id: str) -> Concept:
        for concept in self.concepts:
            if concept.id == concept_id:
                return concept
        raise KeyError(concept_id)

    @property
    def languages(self) -> tuple[str, ...]:
        """Every language with at least one term, the source language first."""
        found = dict.fromkeys([self.source_language])
        for concept in self.concepts:
            found.update(dict.fromkeys(concept.terms))
        return tuple(found)

    @property
    def fingerprint(self) -> str:
        """Changes whenever any term, status, flag or note changes."""
        data = json.dumps([asdict(concept) for concept in self.concepts], sort_keys=True)
        return hashlib.sha256(f"{self.source_language}\x00{data}".encode()).hexdigest()[:16]

    @classmethod
    def combine(cls, glossaries: Iterable[Glossary]) -> Glossary:
        """One glossary from several files (e.g. the shipped one plus a local one)."""
        parts = list(glossaries)
        if not parts:
            return cls(())
        languages = {part.source_language for part in parts}
        if len(languages) > 1:
            listed = ", ".join(sorted(languages))
            raise GlossaryError(f"glossary files for different source languages ({listed})")
        merged: dict[str, Concept] = {}
        ids: dict[str, str] = {}
        for part in parts:
            for concept in part.concepts:
                if concept.id in merged:
                    extended = _extended(merged[concept.id], concept)
                    if extended is None:
                        raise GlossaryError(
                            f"concept id {concept.id!r} is in both {ids[concept.id]} and "
                            f"{', '.join(part.sources)} with different terms in the same "
                            "language; rename one of them, or add only new languages"
                        )
                    concept = extended
                merged[concept.id] = concept
                ids.setdefault(concept.id, ", ".join(part.sources))
        return cls(
            tuple(merged.values()),
            source_language=parts[0].source_language,
            title=parts[0].title,
            sources=tuple(source for part in parts for source in part.sources),
        )


def _extended(concept: Concept, more: Concept) -> Concept | None:
    """``concept`` with the languages another file adds to it (a supplement such as the
    Leichte-Sprache explanations); None if both give a language different terms."""
    for language, terms in more.terms.items():
        if language in concept.terms and concept.terms[language] != terms:
            return None
    for language, text in more.definitions.items():
        if concept.definitions.get(language, text) != text:
            return None
    return replace(
        concept,
        terms={**concept.terms, **more.terms},
        definitions={**concept.definitions, **more.definitions},
    )


@dataclass(frozen=True)
class MergeReport:
    """What importing concepts into a glossary changed."""

    added: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: int

    def summary(self) -> str:
        return (
            f"{len(self.added)} concepts added, {len(self.changed)} changed, "
            f"{self.unchanged} unchanged"
        )


def merge_concepts(base: Glossary, incoming: Glossary) -> tuple[Glossary, MergeReport]:
    """``base`` with the concepts of ``incoming`` added or replacing those with the same id.

    No concept of ``base`` is removed, and nothing the file has no place for is lost: a
    language the file has no terms in at all (a CSV exported with only some languages)
    keeps its terms, and an imported term keeps the details its file does not state (a
    translation's gender in a CSV row; a note when the CSV has no ``note`` column; any
    empty detail of a translation unless :attr:`Glossary.stated_details` says otherwise)
    from the same term in ``base``. A detail the file states is taken as it is: an
    emptied note is removed.
    """
    if incoming.source_language != base.source_language:
        raise GlossaryError(
            f"the imported terms are for source language {incoming.source_language}, "
            f"the glossary is for {base.source_language}"
        )
    stated = incoming.stated_details
    in_file = frozenset(incoming.languages if stated is None else stated)
    by_id = {concept.id: concept for concept in incoming}
    concepts, changed = [], []
    for concept in base:
        new = by_id.pop(concept.id, None)
        if new is None:
            concepts.append(concept)
            continue
        merged = _completed(new, concept, base.source_language, stated, in_file)
        concepts.append(merged)
        if merged != concept:
            changed.append(concept.id)
    concepts.extend(by_id.values())
    report = MergeReport(tuple(by_id), tuple(changed), len(base) - len(changed))
    return replace(base, concepts=tuple(concepts)), report


def _completed(
    new: Concept,
    old: Concept,
    source: str,
    stated: Mapping[str, frozenset[str]] | None,
    in_file: frozenset[str],
) -> Concept:
    """``new`` with what its file does not state taken from ``old``."""
    terms = {}
    for language in dict.fromkeys([*old.terms, *new.terms]):
        new_terms = new.terms.get(language)
        if new_terms is None:
            if language not in in_file:  # the file has no column for it
                terms[language] = old.terms[language]
        elif language == source and stated is None:
            terms[language] = new_terms
        else:
            given = () if stated is None else stated.get(language, ())
            details = SOURCE_TERM_DETAILS if language == source else TERM_DETAILS
            missing = [name for name in details if name not in given]
            known = {term.text: term for term in old.terms_in(language)}
            terms[language] = tuple(_filled(t, known.get(t.text), missing) for t in new_terms)
    concept_fields = None if stated is None else stated.get(source, frozenset())
    definitions = {**old.definitions, **new.definitions}
    if source not in new.definitions and _states(concept_fields, "definition"):
        definitions.pop(source, None)
    kept = {
        field: getattr(new, field) or getattr(old, field)
        for name, field in (("subject", "subject"), ("concept_note", "note"))
        if not _states(concept_fields, name)
    }
    return replace(new, terms=terms, definitions=definitions, **kept)


def _states(fields: frozenset[str] | None, name: str) -> bool:
    """Whether the imported file states the concept field (None: a TBX states all)."""
    return fields is None or name in fields


def _filled(term: Term, old: Term | None, missing: Iterable[str]) -> Term:
    """``term`` with the ``missing`` details it leaves empty taken from ``old``."""
    if old is None:
        return term
    return replace(term, **{name: getattr(term, name) or getattr(old, name) for name in missing})


def check_id(value: str) -> str:
    """Concept ids become XML ids (``xsd:ID``): a letter first, no spaces."""
    if not _ID.match(value):
        raise ValueError(
            f"concept id {value!r} is not valid: start with a letter, then letters, digits, - _ ."
        )
    return value


def make_id(text: str, taken: set[str]) -> str:
    """A readable, unique concept id from a term: ``Bürgergeld`` → ``c-buergergeld``."""
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().translate(table)).strip("-") or "concept"
    candidate = f"c-{slug}"
    number = 2
    while candidate in taken:
        candidate = f"c-{slug}-{number}"
        number += 1
    return candidate
