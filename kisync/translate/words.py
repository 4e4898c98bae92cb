"""The words of a German text as the glossary matcher reads them.

A text (its clean view, see :func:`.matcher.clean_view`) is split into :class:`Token`\\ s,
each with the characters up to the next word, so that a rule can ask what stands around
a word: the clause (up to punctuation), the sentence, the next word. Words are compared
folded: lower case, umlauts without dots.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

ADJECTIVE_ENDINGS = ("", "e", "er", "es", "en", "em")
"""The endings of a German adjective (and of a participle used as one)."""
CLAUSE_END = re.compile(r"[.!?;:,()]")
HYPHENS = "-\u2010\u2011"
"""The hyphen and its Unicode twins (hyphen, non-breaking hyphen)."""
_HYPHEN_GAPS = frozenset(HYPHENS)
_SENTENCE_END = re.compile(r"[.!?]")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})
_INNER_ABBREVIATIONS = frozenset(
    {"bzw", "ggf", "ggfs", "ca", "inkl", "evtl", "vgl", "sog", "insb", "bspw", "zzgl", "abs"}
)
"""Abbreviations whose dot does not end a sentence (*Stadt bzw. Gemeinde*, *§ 5 Abs. 2*)."""
_TWO_LETTER_ABBREVIATIONS = frozenset({("z", "b"), ("u", "a"), ("d", "h"), ("o", "a"), ("u", "u")})
"""*z. B.*, *u. a.*, *d. h.*, *o. ä.*, *u. U.*: neither dot ends a sentence."""
_WORD = re.compile(r"[^\W_]+(?:[*:_·/]-?(?:innen|in)(?![^\W_])|(?<=e)[*:_·]r(?![^\W_]))?")
"""A word with its gender ending: *Bürger*innen*, *Angehörige:r* (nominalised adjective)."""


@dataclass(frozen=True)
class Token:
    """A word of the text and where it stands."""

    start: int
    end: int
    text: str
    gap_after: str
    """The characters up to the next word (in the clean view)."""


def split_words(clean: str) -> Iterator[Token]:
    """The words of ``clean``, each with the gap after it."""
    matches = list(_WORD.finditer(clean))
    for number, match in enumerate(matches):
        following = matches[number + 1].start() if number + 1 < len(matches) else len(clean)
        yield Token(match.start(), match.end(), match.group(), clean[match.end() : following])


def fold(word: str) -> str:
    """Lower case (``ß`` → ``ss``) and umlauts without dots."""
    return word.casefold().translate(_FOLD)


def hyphen_after(token: Token) -> bool:
    """Whether a hyphen, and nothing else, joins the word to the next (*EU-Bürger*)."""
    return token.gap_after in _HYPHEN_GAPS


def next_word(tokens: list[Token], index: int) -> str:
    """The folded word after ``index`` in the same clause, or ''."""
    if index + 1 >= len(tokens) or _ends(tokens, index, CLAUSE_END):
        return ""
    return fold(tokens[index + 1].text)


def clause(tokens: list[Token], index: int) -> list[Token]:
    """The tokens of the clause around ``index`` (up to punctuation)."""
    return _around(tokens, index, CLAUSE_END)


def sentence(tokens: list[Token], index: int) -> list[Token]:
    """The tokens of the sentence around ``index`` (up to ``.``, ``!``, ``?``)."""
    return _around(tokens, index, _SENTENCE_END)


def _around(tokens: list[Token], index: int, boundary: re.Pattern[str]) -> list[Token]:
    start = index
    while start > 0 and not _ends(tokens, start - 1, boundary):
        start -= 1
    end = index
    while end + 1 < len(tokens) and not _ends(tokens, end, boundary):
        end += 1
    return tokens[start : end + 1]


def _ends(tokens: list[Token], index: int, boundary: re.Pattern[str]) -> bool:
    """Whether the clause or sentence ends after the word at ``index``; not at the dot
    of a date or ordinal (*am 15.10. auf der Tagesordnung*, *am 3. Mai*) or of an
    abbreviation inside a sentence (*Stadt bzw. Gemeinde*, *z. B. Kinder*)."""
    gap = tokens[index].gap_after
    if not boundary.search(gap):
        return False
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    if gap.strip() == "." and following and _abbreviated(tokens, index):
        return False
    in_date = tokens[index].text.isdigit() and gap.strip() == "."
    return not (in_date and (following[:1].isdigit() or following[:1].islower()))


def _abbreviated(tokens: list[Token], index: int) -> bool:
    """Whether the word before a dot is an abbreviation that never ends a sentence."""
    word = fold(tokens[index].text)
    if word in _INNER_ABBREVIATIONS:
        return True
    before = fold(tokens[index - 1].text) if index else ""
    following = fold(tokens[index + 1].text) if index + 1 < len(tokens) else ""
    return (word, following) in _TWO_LETTER_ABBREVIATIONS or (
        (before, word) in _TWO_LETTER_ABBREVIATIONS and tokens[index - 1].gap_after.strip() == "."
    )
