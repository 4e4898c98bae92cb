"""Is a text on a translated page really in the target language, or still German?

Translated pages often keep German text where nobody translated it (a new paragraph,
a sentence in the middle of a translated one, a heading). Taking that as a translation
would mark the string as done in German, which is worse than leaving it empty. A text
counts as still German when any of its sentences is:

- marked German in the page (``lang="de"``, what ``kisync push`` puts on fallback text;
  the caller checks the markup, see :func:`kisync.harvest.segments.german_spans`);
- in the wrong script: a target language written in Arabic, Cyrillic, Ethiopic … script
  (ar, fa, ps, uk, ru, ti …) needs most letters of each sentence in that script;
- written with German function words (*der, und, nicht, werden, Sie …*) rather than the
  target language's own (*the, and, you* / *ve, bir, için*), or with letters that only
  German uses (*ä, ß*) together with a German function word;
- (almost) the text of a German string of the page.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from babel.core import get_global
from rapidfuzz import fuzz

from ..model import PLACEHOLDER
from ..translate.preserved import preserved

_SENTENCE = re.compile(
    r"(?:(?<=[.!?\u061f\u06d4\u1362\u0964])|(?<=[.!?\u061f\u06d4\u1362\u0964][\"”“»’)]))\s+(?=\S)"
)
"""Where a sentence ends (colons and semicolons do not count: translators change them)."""
_NOT_AN_END = re.compile(
    r"(?:\b\d+|\b[^\W\d_]|\b(?:ca|bzw|usw|etc|vgl|ggf|inkl|evtl|Nr|Dr|Str|Tel|Abs|Art|St|e\.g|i\.e|approx|No|Mr|Mrs|Ms)|\.\.)\.$"
)
"""A full stop after a number (*15. März*) or an abbreviation (*z. B.*, *Nr.*) ends nothing,
and neither does one before a small letter."""
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
GERMAN_WORDS = frozenset(
    """
    der die das den dem des ein eine einen einem einer eines kein keine keinen keiner
    und oder aber sondern denn weil dass wenn ob sowie bzw
    ist sind sein seid wird werden wurde wurden worden kann können konnte muss müssen
    soll sollen sollte darf dürfen möchten möchte gibt haben habe hat hatte
    sie ihr ihre ihren ihrem ihrer ihres wir uns unser unsere er ich mich mir dich dir
    sich nicht auch nur noch schon sehr bitte hier dort jetzt immer dann
    mit für von vom zum zur zu im auf bei beim aus nach über unter durch gegen ohne
    um vor zwischen während seit bis diese dieser dieses diesen welche welcher
    wie was wer wo wann warum alle allen jede jeder jedes viele mehr meist meistens
    oft gern gerne dabei dazu damit darum deshalb etwa sowie nämlich leider bereits
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
"""German function words: frequent, and (nearly) never words of the target languages."""
TARGET_WORDS = {
    "en": """the a an and or of to in on at by for with from is are be been was were
        you your we our it its this that these those can will may must not have has
        if as which who what when where how all more about into""",
    "tr": """ve veya ile için bir bu şu da de mi mı mu mü ne çok daha gibi her
        olarak olan değil siz sizin biz bizim kadar sonra önce ama ancak veya ya""",
    "ku": """û an ji bi di de li ku ev ew ne jî yên ya ye heye bo""",
    "fr": """le la les un une des et ou de du en dans pour avec sur est sont vous nous""",
    "es": """el la los las un una y o de del en para con por es son usted""",
    "it": """il lo la gli le un una e o di del in per con è sono lei""",
    "pl": """i w z na do się nie jest są dla że od po lub""",
    "ro": """și în la de cu pe pentru este sunt un o sau""",
}
"""Function words of target languages in Latin script (others need none: script decides)."""
GERMAN_LETTERS = re.compile("[äÄß]")
SIMILAR_TO_GERMAN = 90.0
"""rapidfuzz ratio (0–100) from which a sentence is the German text, slightly edited."""


@cache
def script_of(language: str) -> str:
    """The script a language is written in, as a Unicode name prefix (``ARABIC``, ``LATIN``)."""
    code = language.replace("-", "_")
    if "_" in code and len(part := code.split("_")[1]) == 4:
        return _SCRIPT_NAMES.get(part.title(), "LATIN")
    likely = get_global("likely_subtags").get(code) or get_global("likely_subtags").get(
        code.split("_")[0], ""
    )
    parts = likely.split("_")
    script = parts[1] if len(parts) > 1 else "Latn"
    return _SCRIPT_NAMES.get(script, "LATIN")


_SCRIPT_NAMES = {
    "Latn": "LATIN",
    "Arab": "ARABIC",
    "Cyrl": "CYRILLIC",
    "Ethi": "ETHIOPIC",
    "Grek": "GREEK",
    "Hebr": "HEBREW",
    "Armn": "ARMENIAN",
    "Geor": "GEORGIAN",
    "Deva": "DEVANAGARI",
    "Thaa": "THAANA",
    "Syrc": "SYRIAC",
    "Beng": "BENGALI",
    "Taml": "TAMIL",
    "Thai": "THAI",
    "Hans": "CJK",
    "Hant": "CJK",
    "Jpan": "CJK",
    "Kore": "HANGUL",
}


def plain(text: str) -> str:
    """The readable words of a msgid-style text: no placeholders, URLs, e-mails, phones."""
    text = PLACEHOLDER.sub(" ", text)
    found = preserved(text)
    for value in (*found.urls.values(), *found.emails.values(), *found.phones.values()):
        text = text.replace(value, " ")
    return text


def sentences(text: str) -> list[str]:
    parts: list[str] = []
    for part in _SENTENCE.split(plain(text)):
        if parts and (part[:1].islower() or _NOT_AN_END.search(parts[-1])):
            parts[-1] = f"{parts[-1]} {part}"
        else:
            parts.append(part)
    return [part for part in parts if _WORD.search(part)]


def german_sentences(text: str, language: str, german_texts: Iterable[str] = ()) -> tuple[int, int]:
    """(German sentences, all sentences) of ``text``, a text of a page in ``language``."""
    german = [g for g in german_texts if g]
    found = sentences(text)
    return sum(1 for s in found if _german_sentence(s, language, german)), len(found)


def still_german(text: str, language: str, german_texts: Iterable[str] = ()) -> bool:
    """Whether ``text`` (from a page in ``language``) is, wholly or in part, German."""
    return german_sentences(text, language, german_texts)[0] > 0


def _german_sentence(sentence: str, language: str, german: list[str]) -> bool:
    words = _WORD.findall(sentence)
    lowered = [word.lower() for word in words]
    script = script_of(language)
    if script != "LATIN":
        letters = [c for word in words for c in word]
        latin = sum(1 for c in letters if _is_latin(c))
        if latin == len(letters):
            return True  # not a letter of the language's own script
        if latin * 2 <= len(letters):
            return False
        return any(w in GERMAN_WORDS for w in lowered) or _close_to(sentence, german)
    own = TARGET_WORDS.get(language.split("_")[0], "").split()
    german_count = sum(1 for w in lowered if w in GERMAN_WORDS and w not in own)
    target_count = sum(1 for w in lowered if w in own)
    if german_count >= 2 and german_count > target_count:
        return True
    if german_count >= 1 and target_count == 0:
        # German writes nouns with a capital letter and has letters others lack
        nouns = sum(1 for word in words[1:] if word[0].isupper())
        if GERMAN_LETTERS.search(sentence) or nouns * 3 >= len(words) - 1 >= 3:
            return True
    return _close_to(sentence, german) if len(words) >= 3 else _same_as(sentence, german)


def _same_as(sentence: str, german: list[str]) -> bool:
    normalized = " ".join(sentence.split())
    return any(" ".join(plain(text).split()) == normalized for text in german)


def _close_to(sentence: str, german: list[str]) -> bool:
    """Whether the sentence is (nearly) a German text of the page, or a part of a longer one."""
    normalized = " ".join(sentence.split())
    for text in german:
        text = " ".join(plain(text).split())
        if len(text) < len(normalized) * 0.8:
            continue
        compare = fuzz.ratio if len(text) <= len(normalized) * 1.5 else fuzz.partial_ratio
        if compare(normalized, text, score_cutoff=SIMILAR_TO_GERMAN):
            return True
    return False


def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")
