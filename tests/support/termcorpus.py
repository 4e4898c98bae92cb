"""The annotated sentence corpus for the glossary matcher, and how matches are scored.

``tests/data/matcher/corpus.txt``: one German sentence per line; ``[[text|Term]]`` marks
where a glossary term occurs (``[[text]]`` when the text is the term itself); sections
start with ``# ---``. A match counts as correct when it has the annotated span and the
annotated German glossary term.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "data" / "matcher" / "corpus.txt"
_MARK = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")

Span = tuple[int, int, str]
"""start, end, German glossary term"""


@dataclass(frozen=True)
class Sentence:
    text: str
    expected: frozenset[Span]
    section: str


def load(path: Path = CORPUS) -> list[Sentence]:
    sentences = []
    section = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# ---"):
            section = line.strip("# -")
        if not line.strip() or line.startswith("#"):
            continue
        sentences.append(_parse(line.replace("\\u00ad", "\u00ad"), section))
    return sentences


def _parse(line: str, section: str) -> Sentence:
    text = []
    expected = set()
    position = 0
    length = 0
    for match in _MARK.finditer(line):
        before = line[position : match.start()]
        text.append(before)
        length += len(before)
        span_text, term = match.group(1), match.group(2) or match.group(1)
        expected.add((length, length + len(span_text), term))
        text.append(span_text)
        length += len(span_text)
        position = match.end()
    text.append(line[position:])
    return Sentence("".join(text), frozenset(expected), section)


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[tuple[str, Span]] = field(default_factory=list)
    wrong: list[tuple[str, Span]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        found = self.true_positives + self.false_negatives
        return self.true_positives / found if found else 1.0

    @property
    def precision(self) -> float:
        reported = self.true_positives + self.false_positives
        return self.true_positives / reported if reported else 1.0


def score(sentences: Iterable[Sentence], find: Callable[[str], Iterable[Span]]) -> Score:
    """Compare ``find(text)`` (spans with their German term) with the annotations."""
    result = Score()
    for sentence in sentences:
        found = set(find(sentence.text))
        hits = found & sentence.expected
        result.true_positives += len(hits)
        result.false_positives += len(found - hits)
        result.false_negatives += len(sentence.expected - hits)
        result.misses += [(sentence.text, span) for span in sorted(sentence.expected - hits)]
        result.wrong += [(sentence.text, span) for span in sorted(found - hits)]
    return result
