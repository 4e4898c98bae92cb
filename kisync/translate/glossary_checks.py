"""The glossary's checks for ``kisync lint`` (registered with :mod:`.checks`).

For each German term an entry contains (found by the :class:`~.matcher.Matcher`):

* ``glossary-term`` (warning): the translation uses none of the approved translations;
* ``glossary-deprecated`` (error): it uses a translation the glossary marks deprecated
  (Turkish *hoşgörü* for *Duldung*);
* ``glossary-keep-german`` (error): a name that stays German (*Jobcenter*, *BAMF*) is
  missing from the translation — translated or dropped — and no admitted rendering
  (en *Job Centre*) stands in its place;

and on the German templates (``scope="source"``):

* ``deprecated-wording`` (warning): the German page itself uses deprecated or outdated
  wording (*Asylanten*, *Aufenthaltsgenehmigung*), with the term to use instead.

Finding a term in a translation is forgiving, since no stemmer knows all target
languages (Ukrainian, Tigrinya …): every word of the term (ignoring words of one or two
letters) must begin a word of the translation, with at most its last three letters
inflected (Russian *интеграционный курс* is found in *интеграционного курса*, Turkish
*uyum kursu* in *uyum kursuna*); Arabic clitics (و، ب، ل، ال …), letter variants (ي/ی,
ك/ک, ة/ه) and diacritics do not count, and a Persian half-space (ZWNJ) counts as a space.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

from .checks import CheckContext, Subject, check_factory
from .glossary import Concept, Glossary, Term
from .matcher import Match, Matcher

INFLECTION = 3
"""Letters at the end of a target word that may differ (case endings, suffixes)."""

_WORD = re.compile(r"[^\W_]+")
_LETTERS = str.maketrans(
    {"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "’": "'"}
)
_ARABIC_CLITICS = re.compile(r"^(?:و|ف)?(?:ب|ل|ك|ک)?(?:ال|لل)?")
_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640\u200d]")  # harakat, tatweel, ZWJ


# -- finding a term in a translation ----------------------------------------------------


def contains_term(text: str, term: str, language: str) -> bool:
    """Whether ``text`` (a translation) uses ``term`` (a glossary term of ``language``)."""
    words = [word for word in _words(term, language) if len(word) > 2] or _words(term, language)
    found = _words(text, language)
    return all(any(_same_word(word, candidate) for candidate in found) for word in words)


def _words(text: str, language: str) -> list[str]:
    text = _MARKS.sub("", unicodedata.normalize("NFC", text)).casefold().translate(_LETTERS)
    text = text.replace("\u200c", " ")  # Persian half-space: کمک‌هزینه is also written کمک هزینه
    words = _WORD.findall(text)
    if language == "ar":
        words = [_ARABIC_CLITICS.sub("", word) or word for word in words]
    return words


def _same_word(word: str, candidate: str) -> bool:
    need = max(3, len(word) - INFLECTION) if len(word) > 3 else len(word)
    return candidate[:need] == word[:need] and len(candidate) >= need


# -- the checks -----------------------------------------------------------------------------


def term_problems(
    matches: list[Match], translation: str, language: str
) -> Iterator[tuple[str, str]]:
    """(check name, message) for one translated string and the terms of its German text."""
    seen: set[str] = set()
    for match in matches:
        concept, term = match.concept, match.term
        if term.dnt:
            kept = re.search(rf"(?<![^\W_]){re.escape(term.text)}", translation)
            admitted = [t.text for t in concept.approved(language) if t.text != term.text]
            if not kept and not any(contains_term(translation, t, language) for t in admitted):
                yield (
                    "glossary-keep-german",
                    (f"{term.text!r} stays German: write it unchanged in the translation"),
                )
            continue
        if concept.id in seen:
            continue
        seen.add(concept.id)
        for wrong in concept.forbidden(language):
            if contains_term(translation, wrong.text, language):
                yield "glossary-deprecated", _deprecated_message(concept, term, wrong, language)
        approved = concept.approved(language)
        if approved and not any(contains_term(translation, t.text, language) for t in approved):
            choices = " or ".join(repr(t.text) for t in approved)
            yield (
                "glossary-term",
                (f"the glossary translates {term.text!r} as {choices}; the translation uses none"),
            )


def _deprecated_message(concept: Concept, term: Term, wrong: Term, language: str) -> str:
    best = concept.preferred(language)
    instead = f"; use {best.text!r}" if best else ""
    why = f" ({wrong.note})" if wrong.note else ""
    return f"{wrong.text!r} is a {wrong.status.value} translation of {term.text!r}{why}{instead}"


def source_problems(matches: list[Match], source_language: str) -> Iterator[str]:
    """Messages for deprecated or outdated wording in a German text."""
    for match in matches:
        term = match.term
        if term.status.approved:
            continue
        best = match.concept.preferred(source_language)
        instead = f": write {best.text!r} instead" if best else ""
        why = f" ({term.note})" if term.note else ""
        yield f"{match.text!r} is {term.status.value} wording ({term.text}){why}{instead}"


_matchers: dict[str, Matcher] = {}


def _matcher(glossary: Glossary) -> Matcher:
    """One matcher per glossary and process: every check and every lint run shares it."""
    if glossary.fingerprint not in _matchers:
        _matchers[glossary.fingerprint] = Matcher(glossary)
    return _matchers[glossary.fingerprint]


def _glossary_check(
    name: str,
) -> Callable[[CheckContext], Callable[[Subject], Iterator[str]] | None]:
    """A factory: the check ``name`` of :func:`term_problems`, for the project's glossary."""

    def factory(context: CheckContext) -> Callable[[Subject], Iterator[str]] | None:
        glossary = context.glossary
        if glossary is None:
            return None
        matcher = _matcher(glossary)

        def run(subject: Subject) -> Iterator[str]:
            if subject.language is None:
                return
            matches = matcher.find(subject.source)
            for check, message in term_problems(
                matches, subject.translation, subject.language.code
            ):
                if check == name:
                    yield message

        return run

    return factory


check_factory(
    "glossary-term",
    severity="warning",
    description="a glossary term of the German text without its approved translation",
)(_glossary_check("glossary-term"))
check_factory(
    "glossary-deprecated",
    severity="error",
    description="a translation the glossary marks deprecated (e.g. tr hoşgörü for Duldung)",
)(_glossary_check("glossary-deprecated"))
check_factory(
    "glossary-keep-german",
    severity="error",
    description="a name that stays German (Jobcenter, BAMF, KI …) translated or dropped",
)(_glossary_check("glossary-keep-german"))


@check_factory(
    "deprecated-wording",
    severity="warning",
    scope="source",
    description="deprecated or outdated German wording in the page (Asylanten, Hartz IV …)",
)
def deprecated_wording(context: CheckContext) -> Callable[[Subject], Iterator[str]] | None:
    glossary = context.glossary
    if glossary is None:
        return None
    matcher = _matcher(glossary)

    def run(subject: Subject) -> Iterator[str]:
        yield from source_problems(matcher.find(subject.source), glossary.source_language)

    return run
