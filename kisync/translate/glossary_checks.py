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
*uyum kursu* in *uyum kursuna*); in Arabic and Persian, which add suffixes, only an
ending may change (*المهاجرون* in *للمهاجرين*, *إقامة* in *إقامتك*). A deprecated term
raises an error, so its words must also stand side by side in its order.

Spellings a reader takes for the same word are folded on both sides (what is shown
stays as written): British and American English (*naturalisation*, *counselling*);
Arabic and Persian yeh and kaf (ي/ی/ى, ك/ک), hamza seats and alef
variants (أ/إ/آ/ا, ئ/ی as in دائم/دایم, ؤ/و), ة/ه, diacritics and tatweel. Arabic
clitics (و، ف، ب، ك، ل، ال, and لل for ل + ال) may precede a word. In Persian, Dari,
Pashto and Urdu a half-space (ZWNJ) may also be typed as a space or left out
(اطلاع‌رسانی, اطلاع رسانی, اطلاعرسانی). Not recognised: Arabic broken plurals (مراكز
for مركز) give a ``glossary-term`` warning unless the glossary lists the plural as an
admitted term.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator

from .checks import CheckContext, Subject, check_factory
from .glossary import Concept, Glossary, Term
from .matcher import Match, Matcher

INFLECTION = 3
"""Letters at the end of a target word that may differ (case endings, suffixes)."""

SHORTER = 2
"""Letters a translation's word may lack at the end of a term's word (beyond the
Arabic and Persian endings): *authorities* is *authority*, *başvurusu* is *başvuru*, but
*Foreign Office* is not the *Foreigners Office*."""
_ENDINGS = {
    "ar": ("ون", "ین", "ان", "ات", "ه", "و", "ی"),
    "fa": ("ان", "ه"),
    "prs": ("ان", "ه"),
}
"""Languages that inflect by adding suffixes → the endings that may change instead of
:data:`INFLECTION` letters (المهاجرون/للمهاجرين, إقامة/إقامتك, پناهنده/پناهندگی). Three
letters took تساعد (helps) for the deprecated التسامح, الترحيل for الترحيب."""

_WORD = re.compile(r"[^\W_]+")
_LETTERS = str.maketrans(
    {
        **dict.fromkeys("يىئ", "ی"),  # Arabic yeh, alef maqsura, yeh with hamza (دائم/دایم)
        **dict.fromkeys("أإآٱ", "ا"),  # alef with hamza, madda or wasla
        "ؤ": "و",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",  # heh with the ezafe hamza (دورۀ)
        "’": "'",
        "\u0307": None,  # the dot casefold() leaves of Turkish İ (İkamet is ikamet)
        "ё": "е",  # Russian ё is mostly written е (продлённого/продленного)
    }
)
_APOSTROPHE = re.compile(r"(?<=[^\W_])['’ʼ](?=[^\W_])")
"""An apostrophe inside a word, a letter in Ukrainian (обов'язок, обовʼязок); also taken
out of English possessives (foreigner's) so the word stays whole."""
_BRACKETS = re.compile(r"\s*\([^()]*\)")
"""A part of a term in brackets (its German name, an abbreviation), which a translation
may leave out."""
_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640\u200d]")  # harakat, tatweel, ZWJ
_HALF_SPACE = "\u200c"
_HALF_SPACE_LANGUAGES = frozenset({"fa", "prs", "ps", "ur"})
"""Languages that join word parts with a half-space (ZWNJ), often typed as a space or
left out: اطلاع‌رسانی, اطلاع رسانی, اطلاعرسانی."""
_MIN_STEM = 3
"""Letters an Arabic word must keep when its clitics are taken off."""


def _arabic_clitics() -> tuple[str, ...]:
    """What may precede an Arabic noun: conjunction, preposition, article, shortest first.

    ل followed by the article ال is written لل (للمكتب = ل + المكتب).
    """
    clitics = {
        conjunction + ("لل" if preposition == "ل" and article else preposition + article)
        for conjunction in ("", "و", "ف")
        for preposition in ("", "ب", "ک", "ل")
        for article in ("", "ال")
    }
    return tuple(sorted(clitics, key=len))


_ARABIC_CLITICS = _arabic_clitics()

_UMLAUT = re.compile("[äöüÄÖÜß]")
_UMLAUT_SPELLINGS = (
    str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}),
    str.maketrans({"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U", "ß": "ss"}),
)


# -- finding a term in a translation ----------------------------------------------------


def contains_term(text: str, term: str, language: str, *, together: bool = False) -> bool:
    """Whether ``text`` (a translation) uses ``term`` (a glossary term of ``language``).

    A German name kept in the translation (en *Bürgergeld*, *Ausländerbehörde*) is also
    found as typed without umlauts (*Buergergeld*, *Auslanderbehorde*). With
    ``together``, the term's words must stand side by side in its order: a deprecated
    term is an error, so it must not be read into words that merely occur in the
    translation (*temporary residence permit* is not in *temporary permission to reside*).
    Without it, a part of the term in brackets may be left out (uk *основна школа
    (Hauptschule)* is used by *основної школи*), and so may words of one or two letters
    (*of*, *to*) unless written in capitals (*tax ID*, *EU citizen*); two of the term's
    words may be written as one in the translation or the other way round (*daycare*,
    *day care*, *job-seekers*).
    """
    primary = _primary(language)
    spellings = [term] if primary in _OWN_UMLAUTS else _spellings(term)
    bare = _BRACKETS.sub("", term).strip()
    if bare and bare != term and not together:
        spellings.append(bare)
    if primary == "en":
        text, spellings = _american(text), [_american(spelling) for spelling in spellings]
    contains = _contains_together if together else _contains
    return any(contains(text, spelling, language) for spelling in spellings)


_AMERICAN = (
    (re.compile(r"(?<=[a-z])isation", re.IGNORECASE), "ization"),
    (re.compile(r"(counsel|enrol|travel|cancel|label|model)l", re.IGNORECASE), r"\1"),
)
"""British spellings the inflection allowance does not cover, written the American way
on both sides (*naturalisation*/*naturalization*, *counselling*/*counseling*,
*enrolment*/*enrollment*); *centre*/*center*, *licence*/*license* differ only within
the last three letters."""


def _american(text: str) -> str:
    for spelling, american in _AMERICAN:
        text = spelling.sub(american, text)
    return text


_OWN_UMLAUTS = frozenset({"de", "tr", "az", "tk", "hu", "fi", "et", "sv"})
"""Languages whose own words have ä/ö/ü: their terms are not German names (tr *göç* is
not *goec*)."""


def _primary(language: str) -> str:
    return re.split(r"[-_]", language, maxsplit=1)[0].lower()


def _spellings(term: str) -> list[str]:
    """``term``, and with umlauts and ß as typed on keyboards without them (ae or a, ss)."""
    if not _UMLAUT.search(term):
        return [term]
    return [term, *(term.translate(table) for table in _UMLAUT_SPELLINGS)]


def _contains(text: str, term: str, language: str) -> bool:
    primary = _primary(language)
    arabic = primary == "ar"
    endings = _ENDINGS.get(primary)
    term_words = _words(term)
    needed = [word for word in term_words if len(word) > 2 or word in _abbreviations(term)]
    needed = needed or term_words
    text_words = _words(text)
    found = sorted({stem for word in text_words for stem in _stems(word, arabic)})

    def has(word: str) -> bool:
        return any(
            _begins_a_word(form[:need], found, _shortest(form, endings))
            for form, need in _forms(word, arabic, endings)
        )

    if all(has(word) for word in needed):
        return True
    if not arabic and _compounded(needed, text_words, endings, has):
        return True
    return primary in _HALF_SPACE_LANGUAGES and _written_together(text, term_words)


def _compounded(
    needed: list[str],
    text_words: list[str],
    endings: tuple[str, ...] | None,
    has: Callable[[str], bool],
) -> bool:
    """Whether the term's words are there with one pair written as one word on one side and
    as two on the other (*jobseekers*/*job-seekers*, *day-care*/*daycare*): the first word
    in full, the second with the usual ending allowance."""
    for first, second in itertools.pairwise(needed):
        rest = [word for word in needed if word not in (first, second)]
        joined = first + second[: _need(second, endings)]
        split_in_text = any(
            left == first and (left + right).startswith(joined)
            for left, right in itertools.pairwise(text_words)
        )
        joined_in_text = any(word.startswith(joined) for word in text_words)
        if (split_in_text or joined_in_text) and all(has(word) for word in rest):
            return True
    for word in needed:
        rest = [other for other in needed if other != word]
        prefix = word[: _need(word, endings)]
        if any(
            word.startswith(left) and len(left) < len(prefix) and (left + right).startswith(prefix)
            for left, right in itertools.pairwise(text_words)
        ) and all(has(other) for other in rest):
            return True
    return False


def _contains_together(text: str, term: str, language: str) -> bool:
    primary = _primary(language)
    arabic = primary == "ar"
    endings = _ENDINGS.get(primary)
    term_forms = [_forms(word, arabic, endings) for word in _words(term)]
    words = [_stems(word, arabic) for word in _words(text)]
    if any(
        all(
            any(
                stem.startswith(form[:need]) and len(stem) >= _shortest(form, endings)
                for stem in stems
                for form, need in forms
            )
            for stems, forms in zip(words[start:], term_forms, strict=False)
        )
        for start in range(len(words) - len(term_forms) + 1)
    ):
        return True
    return primary in _HALF_SPACE_LANGUAGES and _written_together(text, _words(term))


_CAPITALS = re.compile(r"\b[A-Z]{2}\b")


def _fold(text: str) -> str:
    """``text`` with the differences a reader does not see as another word taken out."""
    text = _MARKS.sub("", unicodedata.normalize("NFC", text)).casefold().translate(_LETTERS)
    return _APOSTROPHE.sub("", text)


def _abbreviations(term: str) -> set[str]:
    """The (folded) short words the term writes in capitals (*tax ID*, *EU citizen*): unlike
    *of* or *to* they carry meaning, so a translation must have them too."""
    return {_fold(word) for word in _CAPITALS.findall(term)}


def _words(text: str) -> list[str]:
    # a Persian half-space separates words: کمک‌هزینه is also written کمک هزینه
    return _WORD.findall(_fold(text).replace(_HALF_SPACE, " "))


def _splits(word: str) -> list[tuple[str, str]]:
    """(clitics, stem) for each way to read an Arabic word, fewest clitics first."""
    splits = [
        (clitics, word[len(clitics) :])
        for clitics in _ARABIC_CLITICS
        if word.startswith(clitics) and len(word) - len(clitics) >= _MIN_STEM
    ]
    return splits or [("", word)]


def _stems(word: str, arabic: bool) -> list[str]:
    """The words a translation's ``word`` may be: itself, or without Arabic clitics."""
    return [stem for _, stem in _splits(word)] if arabic else [word]


def _forms(word: str, arabic: bool, endings: tuple[str, ...] | None) -> list[tuple[str, int]]:
    """(form, letters that must agree) a term's ``word`` may take in a translation.

    An Arabic term word is also found without its clitics (للهجرة in الهجرة); as written,
    its clitics must agree as well (المكتب is not found in المانيا).
    """
    if not arabic:
        return [(word, _need(word, endings))]
    splits = _splits(word)
    most_clitics, shortest_stem = splits[-1]
    as_written = (word, len(most_clitics) + _need(shortest_stem, endings))
    stems = [(stem, _need(stem, endings)) for clitics, stem in splits if clitics]
    return [*stems, as_written]


def _need(word: str, endings: tuple[str, ...] | None) -> int:
    """How many letters at the start of ``word`` a translation's word must share."""
    if len(word) <= 3:
        return len(word)
    if endings is None:
        return max(3, len(word) - INFLECTION)
    ending = next((ending for ending in endings if word.endswith(ending)), "")
    return max(3, len(word) - len(ending))


def _shortest(form: str, endings: tuple[str, ...] | None) -> int:
    """The fewest letters a translation's word may have to be ``form`` inflected."""
    return 0 if endings else len(form) - SHORTER


def _begins_a_word(prefix: str, words: list[str], shortest: int = 0) -> bool:
    """Whether ``prefix`` begins one of the sorted ``words`` that has ``shortest`` letters."""
    at = bisect.bisect_left(words, prefix)
    while at < len(words) and words[at].startswith(prefix):
        if len(words[at]) >= shortest:
            return True
        at += 1
    return False


def _written_together(text: str, term_words: list[str]) -> bool:
    """Whether the term's letters begin a word of ``text`` with a space or half-space
    added or left out anywhere between them (دوره اطلاعرسانی for دوره اطلاع‌رسانی)."""
    gap = rf"[\s{_HALF_SPACE}]?"
    pattern = r"(?<![^\W_])" + gap.join(map(re.escape, "".join(term_words)))
    return re.search(pattern, _fold(text)) is not None


# -- the checks -----------------------------------------------------------------------------


def term_problems(
    matches: list[Match], translation: str, language: str
) -> Iterator[tuple[str, str]]:
    """(check name, message) for one translated string and the terms of its German text."""
    seen: set[str] = set()
    for match in matches:
        concept, term = match.concept, match.term
        if term.dnt:
            kept = _kept_german(translation, term.text)
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
            if contains_term(translation, wrong.text, language, together=True):
                yield "glossary-deprecated", _deprecated_message(concept, term, wrong, language)
        approved = concept.approved(language)
        if approved and not any(contains_term(translation, t.text, language) for t in approved):
            choices = " or ".join(repr(t.text) for t in approved)
            yield (
                "glossary-term",
                (f"the glossary translates {term.text!r} as {choices}; the translation uses none"),
            )


def _kept_german(translation: str, name: str) -> bool:
    """Whether ``translation`` keeps the German ``name``: as written, or as pages write it
    (*jobcenter*, *JobCenter*; without umlauts). An abbreviation (*BAMF*, *KI*) must keep
    its capitals: *ki* begins many words."""
    flags = 0 if name.isupper() else re.IGNORECASE
    return any(
        re.search(rf"(?<![^\W_]){re.escape(spelling)}", translation, flags)
        for spelling in _spellings(name)
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
