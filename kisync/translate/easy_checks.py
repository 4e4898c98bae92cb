"""The ``easy-…`` checks of ``kisync lint``: rules of Leichte and Einfache Sprache.

They run only on the easy-German targets (``de-x-ls``, ``de-x-es``) and follow the
published rule sets: Netzwerk Leichte Sprache ("Die Regeln für Leichte Sprache"),
DIN SPEC 33429 (Leichte Sprache) and the usual rules of Einfache Sprache, which are
less strict (longer sentences, simple subordinate clauses, compounds written as usual).
Each rule finds what a program can find; a Prüfgruppe still reads every text.

============================  =========  =========  =========================================
check                         de-x-ls    de-x-es    finds
============================  =========  =========  =========================================
``easy-sentence-length``      15 words   20 words   sentences longer than the limit
``easy-one-statement``        yes        no         subordinate clauses: ", dass", ", weil",
                                                    ", wenn", ", obwohl", ", damit", relative
                                                    clauses; "Weil …, …" at the start
``easy-compound``             yes        no         long compounds not split: Bürger·amt
``easy-number-words``         yes        yes        numbers as words (drei → 3)
``easy-abbreviation``         yes        yes        z. B., bzw., usw., ggf. …; acronyms
                                                    (BAMF) the string does not explain
``easy-negation``             yes        no         nie, niemand, nichts, weder …; two
                                                    negations in one sentence
``easy-passive``              yes        yes        werden + participle
``easy-subjunctive``          yes        yes        würde, hätte, wäre, könnte, sollte …
``easy-glossary``             yes        yes        a glossary term with an easy-German
                                                    explanation, used without explaining it
============================  =========  =========  =========================================

``[easy_language.<tag>]`` in kisync.toml sets ``max_sentence_words``, turns rules off
(``disable``) or on (``enable``). A translator silences one rule for one string with
``#, ignore-easy-…``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from ..catalog.scan import count_words
from ..model import PLACEHOLDER
from .checks import CheckContext, Subject, check_factory
from .easy_settings import LEICHTE_SPRACHE, EasySettings

Rule = Callable[[str, EasySettings], Iterator[str]]
RULES: dict[str, Rule] = {}
"""Name → function of the plain translation text (all rules but ``easy-glossary``)."""
GLOSSARY_RULE = "easy-glossary"
_PLAIN_GERMAN = {"easy-one-statement", "easy-compound", "easy-negation"}
"""Rules of Leichte Sprache that Einfache Sprache does not follow."""


def rule_names() -> frozenset[str]:
    return frozenset({*RULES, GLOSSARY_RULE})


def easy_settings(
    language: str,
    *,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
    max_sentence_words: int = 0,
) -> EasySettings:
    """The rules for the easy-German target ``language``: the defaults of its rule set
    (Leichte or Einfache Sprache) with rules turned on or off (names of
    :func:`rule_names`; the caller checks them) and another sentence limit (0: the
    default)."""
    if language == LEICHTE_SPRACHE:
        default = EasySettings(15, rule_names())
    else:
        default = EasySettings(20, rule_names() - _PLAIN_GERMAN)
    rules = (default.rules | set(enable)) - set(disable)
    return EasySettings(max_sentence_words or default.max_sentence_words, frozenset(rules))


def plain(text: str) -> str:
    """The text a reader sees: paired pseudo-tags gone, ``<br1/>`` a line break."""
    return PLACEHOLDER.sub(lambda m: "\n" if m.group(4) else "", text)


def sentences(text: str) -> list[str]:
    """Sentences and lines (Leichte Sprache puts each sentence on its own line)."""
    parts = re.split(r"(?<=[.!?:;])\s+|\n+", text)
    return [part.strip() for part in parts if part.strip()]


def rule(name: str, description: str) -> Callable[[Rule], Rule]:
    """Register an easy-German rule as a lint check for the easy targets."""

    def register(function: Rule) -> Rule:
        RULES[name] = function

        @check_factory(name, severity="warning", description=description)
        def factory(context: CheckContext) -> Callable[[Subject], Iterator[str]] | None:
            settings = context.easy_language
            if not any(name in s.rules for s in settings.values()):
                return None

            def run(subject: Subject) -> Iterator[str]:
                target = settings.get(subject.language.code) if subject.language else None
                if target is not None and name in target.rules:
                    yield from function(plain(subject.translation), target)

            return run

        return function

    return register


# -- the rules -------------------------------------------------------------------------


@rule("easy-sentence-length", "easy German: sentences no longer than the limit (LS 15 words)")
def sentence_length(text: str, settings: EasySettings) -> Iterator[str]:
    for sentence in sentences(text):
        words = count_words(sentence)
        if words > settings.max_sentence_words:
            yield (
                f"{words} words in one sentence (at most {settings.max_sentence_words}): "
                f"make short sentences ({_excerpt(sentence)})"
            )


_SUBORDINATE = re.compile(
    r",\s+(?:dass|weil|wenn|obwohl|damit|falls|nachdem|bevor|sodass|ob)\b"
    r"|,\s+(?:der|die|das|dem|den|deren|dessen|denen|welche[rmns]?)\s+(?:[a-zäöüß]|Sie\b|Ihr)"
    r"|,\s+(?:in|mit|bei|von|zu|an|auf|für|aus|nach)\s+(?:dem|der|denen|welche[mr])\s"
)
_LEADING_CLAUSE = re.compile(r"^(?:dass|weil|wenn|obwohl|falls|nachdem|bevor|ob)\b[^:]*,")


@rule("easy-one-statement", "Leichte Sprache: one statement per sentence, no subordinate clause")
def one_statement(text: str, settings: EasySettings) -> Iterator[str]:
    for sentence in sentences(text):
        found = _SUBORDINATE.search(sentence) or _LEADING_CLAUSE.search(sentence.lower())
        if found:
            yield (
                f"subordinate clause ({found.group().strip(', ')} …): say one thing per "
                f"sentence, e.g. 'Sie sind krank. Dann …' or 'Wenn Sie krank sind: …'"
            )


_LONG_COMPOUND = re.compile(
    r"\b[A-ZÄÖÜ][a-zäöüß]{14,}\b"  # 15 letters or more
    r"|\b[A-ZÄÖÜ][a-zäöüß]{2,}(?:ungs|heits|keits|ions|täts|schafts)[a-zäöüß]{3,}\b"
)


@rule("easy-compound", "Leichte Sprache: long compounds split with a hyphen or medial dot")
def compound(text: str, settings: EasySettings) -> Iterator[str]:
    for word in _distinct(_LONG_COMPOUND, text):
        yield f"split the long word {word!r} into its parts: Bürger·amt or Bürger-Amt"


_NUMBER_WORDS = re.compile(
    r"\b(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn|vierzehn|"
    r"fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|dreißig|vierzig|fünfzig|"
    r"sechzig|siebzig|achtzig|neunzig|hundert|tausend)\b",
    re.IGNORECASE,
)


@rule("easy-number-words", "easy German: numbers written as digits (3, not drei)")
def number_words(text: str, settings: EasySettings) -> Iterator[str]:
    for word in _distinct(_NUMBER_WORDS, text):
        yield f"write the number {word!r} as digits"


_ABBREVIATIONS = re.compile(
    r"(?<!\w)(?:z\.\s?B\.|bzw\.|usw\.|ggf\.|d\.\s?h\.|u\.\s?a\.|u\.\s?U\.|o\.\s?ä\.|inkl\.|"
    r"ca\.|evtl\.|etc\.|vgl\.|bspw\.|insb\.|sog\.|Nr\.|Tel\.|Str\.)"
)
_ACRONYM = re.compile(r"\b[A-ZÄÖÜ]{2,}\b")
_EXPLAINS = re.compile(r"\b(?:heißt|bedeutet|steht für|Abkürzung)\b|\(", re.IGNORECASE)


@rule("easy-abbreviation", "easy German: no abbreviations; acronyms explained")
def abbreviation(text: str, settings: EasySettings) -> Iterator[str]:
    for found in _distinct(_ABBREVIATIONS, text):
        yield f"write {found!r} out in full (z. B. → zum Beispiel)"
    if _EXPLAINS.search(text):
        return
    for found in _distinct(_ACRONYM, text):
        yield f"explain {found!r}: what the letters stand for and what it is"


_STRONG_NEGATION = re.compile(
    r"\b(?:nie|niemals|niemand|nichts|nirgends|nirgendwo|keinesfalls|keineswegs|weder)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:nicht|kein\w*|nie|niemals|niemand|nichts|weder)\b", re.IGNORECASE)


@rule("easy-negation", "Leichte Sprache: say it positively; no double negation")
def negation(text: str, settings: EasySettings) -> Iterator[str]:
    for sentence in sentences(text):
        strong = _STRONG_NEGATION.search(sentence)
        if strong:
            yield f"negation {strong.group()!r}: say it positively if you can"
        elif len(_NEGATION.findall(sentence)) > 1:
            yield f"two negations in one sentence: say it positively ({_excerpt(sentence)})"


_WERDEN = re.compile(r"\b(?:wird|werden|wurde|wurden|worden|werde|wirst|werdet)\b", re.I)
_PARTICIPLE = re.compile(
    r"\b(?:\w*ge\w{2,}(?:t|en)|(?:be|ver|er|ent|zer|emp|über|unter)\w{2,}t|\w+iert)\b"
)


@rule("easy-passive", "easy German: active voice (who does what), no passive")
def passive(text: str, settings: EasySettings) -> Iterator[str]:
    for sentence in sentences(text):
        werden = _WERDEN.search(sentence)
        participle = _PARTICIPLE.search(sentence)
        if werden and participle:
            yield (
                f"passive ({werden.group()} … {participle.group()}): say who does it, "
                "e.g. 'Sie müssen einen Antrag stellen'"
            )


_SUBJUNCTIVE = re.compile(
    r"\b(?:würde|würden|würdest|würdet|hätte|hätten|hättest|wäre|wären|wärst|könnte|"
    r"könnten|müsste|müssten|sollte|sollten|dürfte|dürften)\b",
    re.IGNORECASE,
)


@rule("easy-subjunctive", "easy German: no subjunctive (würde, hätte, wäre, könnte …)")
def subjunctive(text: str, settings: EasySettings) -> Iterator[str]:
    for word in _distinct(_SUBJUNCTIVE, text):
        yield f"subjunctive {word!r}: say it directly (Sie können …, Sie müssen …)"


def _distinct(pattern: re.Pattern[str], text: str) -> list[str]:
    """Each match of ``pattern`` in ``text`` once, in order."""
    return list(dict.fromkeys(match.group() for match in pattern.finditer(text)))


def _excerpt(sentence: str, width: int = 50) -> str:
    return repr(sentence if len(sentence) <= width else sentence[: width - 1] + "…")


# -- glossary terms explained -------------------------------------------------------------

_EXPLANATION = re.compile(r"\b(?:ist|sind|heißt|heißen|bedeutet|bedeuten)\b", re.IGNORECASE)


def _squashed(text: str) -> str:
    """Compare words as readers see them: Job-Center, Job·center and Jobcenter alike."""
    return re.sub(r"[-·\u00ad\s]", "", text).casefold()


@check_factory(
    GLOSSARY_RULE,
    severity="warning",
    description="easy German: glossary terms with an easy explanation are explained",
)
def glossary_explained(context: CheckContext) -> Callable[[Subject], Iterator[str]] | None:
    settings = context.easy_language
    wanted = {code for code, s in settings.items() if GLOSSARY_RULE in s.rules}
    glossary = context.glossary if wanted else None
    if glossary is None:
        return None
    from .matcher import Matcher

    matcher = Matcher(glossary)

    def run(subject: Subject) -> Iterator[str]:
        language = subject.language.code if subject.language else ""
        if language not in wanted:
            return
        text = plain(subject.translation)
        for match in matcher.find(subject.source):
            explanation = match.concept.definitions.get(language)
            if not explanation:
                continue
            term = match.concept.preferred(language) or match.term
            if _squashed(term.text) in _squashed(text) and not _explained(term.text, text):
                yield f"explain {term.text!r} in easy words, e.g.: {explanation}"

    return run


def _explained(term: str, text: str) -> bool:
    """A sentence says what the term is: "Das Jobcenter ist ein Amt." """
    for sentence in sentences(text):
        if _squashed(term) in _squashed(sentence) and _EXPLANATION.search(sentence):
            return True
    return False
