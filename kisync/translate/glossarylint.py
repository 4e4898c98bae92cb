"""Consistency checks of a glossary itself (``kisync glossary lint``)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from .glossary import Concept, Glossary, Status

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class GlossaryProblem:
    severity: Severity
    concept: str
    """Concept id."""
    language: str
    """Language code, or empty when the problem is not about one language."""
    message: str

    def line(self) -> str:
        """``error: c-bamf [en]: …``, as ``kisync glossary lint`` prints it."""
        where = self.concept + (f" [{self.language}]" if self.language else "")
        return f"{self.severity}: {where}: {self.message}"

    def to_json(self) -> dict[str, str]:
        return {
            "severity": self.severity,
            "concept": self.concept,
            "language": self.language,
            "message": self.message,
        }


@dataclass(frozen=True)
class GlossaryLintReport:
    """What ``kisync glossary lint`` found in a glossary of ``concepts`` concepts."""

    concepts: int
    problems: tuple[GlossaryProblem, ...]
    """Errors first."""

    @property
    def errors(self) -> tuple[GlossaryProblem, ...]:
        return tuple(problem for problem in self.problems if problem.severity == "error")

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    def lines(self) -> list[str]:
        """One line per problem: ``error: c-bamf [en]: …``."""
        return [problem.line() for problem in self.problems]

    def summary(self) -> str:
        errors = len(self.errors)
        return f"{self.concepts} concepts; {errors} errors, {len(self.problems) - errors} warnings"

    def to_json(self) -> list[dict[str, str]]:
        """``kisync glossary lint --format json``: the problems."""
        return [problem.to_json() for problem in self.problems]


def check_glossary(glossary: Glossary, languages: Iterable[str] = ()) -> GlossaryLintReport:
    """:func:`lint_glossary` as a report (``kisync glossary lint``)."""
    return GlossaryLintReport(len(glossary), tuple(lint_glossary(glossary, languages)))


def lint_glossary(glossary: Glossary, languages: Iterable[str] = ()) -> list[GlossaryProblem]:
    """Every problem of the glossary, errors first.

    ``languages`` are the target languages every concept should cover (the project's);
    empty means: the languages most of the glossary's concepts have (see
    :func:`expected_languages`).
    """
    targets = [
        lang
        for lang in (languages or expected_languages(glossary))
        if lang != glossary.source_language
    ]
    problems = [
        *_duplicates(glossary),
        *(p for concept in glossary for p in _concept_problems(concept, glossary, targets)),
    ]
    return sorted(problems, key=lambda p: p.severity != "error")


def expected_languages(glossary: Glossary) -> list[str]:
    """The languages more than half of the concepts have a term in.

    A language that only some concepts have (the interpreter-pool languages such as
    Pashto or Tigrinya, filled only where a published source shows the term) is not
    expected in every concept; a project that translates into it lists it in
    ``languages`` and then gets a warning for each concept without it.
    """
    counts = Counter(language for concept in glossary for language in concept.terms)
    return [language for language in glossary.languages if 2 * counts[language] > len(glossary)]


def _concept_problems(
    concept: Concept, glossary: Glossary, targets: list[str]
) -> Iterator[GlossaryProblem]:
    source = glossary.source_language

    def problem(severity: Severity, language: str, message: str) -> GlossaryProblem:
        return GlossaryProblem(severity, concept.id, language, message)

    if not concept.terms_in(source):
        yield problem("error", source, f"no {source} term")
        return
    if concept.preferred(source) is None:
        yield problem("warning", source, f"no preferred or admitted {source} term")
    for language in [source, *concept.languages]:
        yield from (problem("error", language, m) for m in _conflicts(concept, language))
    for language in targets:
        if concept.preferred(language) is None:
            yield problem("warning", language, f"no approved {language} translation")
    kept = {term.text for term in concept.terms_in(source) if term.dnt}
    for language in concept.languages:
        for term in concept.terms_in(language):
            if language != source and not term.source and term.text not in kept:
                yield problem("warning", language, f"translation {term.text!r} names no source")
    for term in concept.terms_in(source):
        if not term.dnt:
            continue
        for language in targets:
            found = _dnt(concept, term.text, language, source)
            yield from (problem("error", language, message) for message in found)


def _conflicts(concept: Concept, language: str) -> Iterator[str]:
    statuses: dict[str, set[Status]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for term in concept.terms_in(language):
        statuses[term.text.casefold()].add(term.status)
        counts[term.text.casefold()] += 1
    for text, found in statuses.items():
        if len(found) > 1:
            listed = ", ".join(sorted(status.value for status in found))
            yield f"term {text!r} is listed with conflicting statuses ({listed})"
        elif counts[text] > 1:
            yield f"term {text!r} is listed twice"


def _dnt(concept: Concept, text: str, language: str, source: str) -> Iterator[str]:
    """A term kept in German must appear unchanged among the approved translations."""
    approved = [term.text for term in concept.approved(language)]
    if not approved:
        return
    if text not in approved:
        yield f"{text!r} stays German, but the {language} terms are {', '.join(approved)}"
    elif all(term.dnt for term in concept.terms_in(source) if term.status.approved):
        preferred = concept.preferred(language)
        if preferred is not None and preferred.text != text:
            yield f"{text!r} stays German, but the preferred {language} term is {preferred.text!r}"


def _duplicates(glossary: Glossary) -> Iterator[GlossaryProblem]:
    """The same source term in two concepts: the matcher could not tell them apart."""
    seen: dict[str, list[tuple[Concept, Status]]] = defaultdict(list)
    for concept in glossary:
        for term in concept.terms_in(glossary.source_language):
            seen[term.text.casefold()].append((concept, term.status))
    for text, places in seen.items():
        concepts = list(dict.fromkeys(concept.id for concept, _ in places))
        if len(concepts) < 2:
            continue
        statuses = {status for _, status in places}
        severity: Severity = "error" if len(statuses) > 1 else "warning"
        kind = "with conflicting statuses " if len(statuses) > 1 else ""
        for concept_id in concepts:
            others = ", ".join(other for other in concepts if other != concept_id)
            yield GlossaryProblem(
                severity,
                concept_id,
                glossary.source_language,
                f"duplicate term {text!r} {kind}(also in {others})",
            )
