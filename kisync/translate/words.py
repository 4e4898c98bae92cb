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
_SENTENCE_END = re.compile(r"[.!?]")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})
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


def next_word(tokens: list[Token], index: int) -> str:
    """The folded word after ``index`` in the same clause, or ''."""
    if index + 1 >= len(tokens) or CLAUSE_END.search(tokens[index].gap_after):
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
    while start > 0 and not boundary.search(tokens[start - 1].gap_after):
        start -= 1
    end = index
    while end + 1 < len(tokens) and not boundary.search(tokens[end].gap_after):
        end += 1
    return tokens[start : end + 1]
