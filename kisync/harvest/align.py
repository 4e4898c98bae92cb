"""Align a German page's blocks with the blocks of its existing translation.

Translated pages drift from their German page: paragraphs are added or dropped, list
items removed, two paragraphs merged into one, blocks moved, German text left in place.
So alignment never pairs on position alone:

1. **Score every candidate pair** (:meth:`Aligner.score`) on what survives translation:
   the block kind (a heading pairs with a heading, never with a list item), the
   pseudo-tags (``<a1>``, ``<b1>``), the anchors (link targets, numbers, e-mail
   addresses, phone numbers, kept content, names that stay German, each weighted by
   how rare it is on the page), glossary terms found in the German text whose approved
   translation is in the translated text, and the length (relative to the page's own
   ratio of translated to German length).
2. **Sequence alignment** (dynamic programming, like Gale–Church) finds the best
   monotonic alignment with 1:1 pairs, 2:1 and 1:2 merges and unpaired blocks on
   either side (each costs :data:`GAP`).
3. **Confidence per pair**: the *margin* by which the best alignment beats the best one
   that does not contain the pair (exact, from forward and backward max-marginals).
   Where a block could as well pair with its neighbour, or stay unpaired, the margin is
   small and the pair is dropped: a missing pair costs a translator a few minutes, a
   wrong one puts the wrong text on the portal.
4. **Moved blocks**: blocks left over are paired when their anchors agree strongly
   and the pair is the mutual best of what is left.

The result lists accepted pairs (with score and margin), merges (reported, never
harvested: one translation for two German strings cannot be split safely) and the
unpaired blocks of both sides.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .blocks import Block, kind_match

GAP = 1.0
"""Cost of leaving one block unpaired."""
MERGE_COST = 1.0
"""Extra cost of a 2:1 or 1:2 merge over two 1:1 pairs."""
MIN_MARGIN = 2.0
"""A pair is accepted when the best alignment without it is at least this much worse."""
MIN_SCORE = 0.0
"""… and when its own score is at least this (length and kind must fit)."""
MOVED_EVIDENCE = 2.0
"""Anchor evidence a leftover pair needs to be accepted as a moved block."""
NEG = -1e9
ANCHOR_WEIGHTS = {
    "link": 2.0,
    "mail": 2.5,
    "tel": 2.5,
    "url": 2.5,
    "x": 2.0,
    "id": 2.0,
    "num": 1.5,
    "language": 2.0,
    "country": 2.0,
}
KEPT = frozenset({"num", "mail", "tel", "url", "language", "country"})
"""Anchors every translation keeps: one that is only on one side speaks against a pair."""
NAME_KINDS = ("language", "country")
MERGEABLE = frozenset({"p", "text", "div", "dd", "blockquote"})
"""Blocks a translator may merge or split (paragraphs; never headings, list items, cells)."""
NAME_WEIGHT = 1.0
SENTENCE_PENALTY = 0.8
"""Per sentence more or less: translators keep sentence boundaries (a merge adds some)."""
CONCEPT_WEIGHT = 0.8
LENGTH_RATIOS = {"en": 0.92, "ar": 0.8, "fa": 0.9, "tr": 0.95, "uk": 0.95, "ru": 1.0}
"""Typical length of a translation (letters and digits) relative to the German text."""


@dataclass(frozen=True)
class Pair:
    german: tuple[int, ...]
    translated: tuple[int, ...]
    score: float
    margin: float
    evidence: float
    """The part of the score that comes from anchors and glossary terms."""
    moved: bool = False

    @property
    def merged(self) -> bool:
        return len(self.german) > 1 or len(self.translated) > 1


@dataclass
class Alignment:
    pairs: list[Pair] = field(default_factory=list)
    """Accepted 1:1 pairs, in German order."""
    merges: list[Pair] = field(default_factory=list)
    """Accepted 2:1 and 1:2 correspondences (not harvested)."""
    rejected: list[Pair] = field(default_factory=list)
    """Pairs of the best alignment whose margin or score was too low."""
    unpaired_german: list[int] = field(default_factory=list)
    unpaired_translated: list[int] = field(default_factory=list)


ConceptFinder = Callable[[Block], frozenset[str]]
Move = tuple[int, int]
MOVES: tuple[Move, ...] = ((1, 0), (0, 1), (1, 1), (2, 1), (1, 2))
"""Steps of the alignment: a German block unpaired, a translated block unpaired, a pair,
two German blocks merged into one translated block, one German block split in two."""


class Aligner:
    """Scores and aligns two block sequences.

    ``german_concepts(block)`` returns the glossary concepts in a German block,
    ``translated_concepts(block, concepts)`` which of ``concepts`` a translated block
    expresses; both are optional (without a glossary, anchors and length decide).
    """

    def __init__(
        self,
        german: Sequence[Block],
        translated: Sequence[Block],
        language: str,
        *,
        german_concepts: ConceptFinder | None = None,
        translated_concepts: Callable[[Block, frozenset[str]], frozenset[str]] | None = None,
    ) -> None:
        self.german = list(german)
        self.translated = list(translated)
        self.language = language
        shared = _all(b.names for b in self.german) & _all(b.names for b in self.translated)
        self.g_anchors = [b.anchors | {f"name:{n}" for n in b.names & shared} for b in self.german]
        self.t_anchors = [
            b.anchors | {f"name:{n}" for n in b.names & shared} for b in self.translated
        ]
        self.g_concepts = [german_concepts(b) if german_concepts else frozenset() for b in german]
        page_concepts = _all(self.g_concepts)
        self.t_concepts = [
            translated_concepts(b, page_concepts)
            if translated_concepts and page_concepts
            else frozenset()
            for b in translated
        ]
        self._names_as_anchors()
        self.g_count = Counter(a for anchors in self.g_anchors for a in anchors)
        self.t_count = Counter(a for anchors in self.t_anchors for a in anchors)
        self.ratio = LENGTH_RATIOS.get(language.split("_")[0], 1.0)
        self._cache: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[float, float]] = {}

    def _names_as_anchors(self) -> None:
        """Names of languages and countries count like numbers: kept in every translation."""
        for anchors, concepts in (
            (self.g_anchors, self.g_concepts),
            (self.t_anchors, self.t_concepts),
        ):
            for index, found in enumerate(concepts):
                names = {c for c in found if c.split(":", 1)[0] in NAME_KINDS}
                if names:
                    anchors[index] = anchors[index] | names
                    concepts[index] = found - names

    # -- scoring ---------------------------------------------------------------------

    def score(self, gs: tuple[int, ...], ts: tuple[int, ...]) -> tuple[float, float]:
        """(score, anchor evidence) of pairing German blocks ``gs`` with translated ``ts``."""
        key = (gs, ts)
        if key not in self._cache:
            self._cache[key] = self._score(gs, ts)
        return self._cache[key]

    def _score(self, gs: tuple[int, ...], ts: tuple[int, ...]) -> tuple[float, float]:
        if kind_match(self.german[gs[0]].kind, self.translated[ts[0]].kind) is None:
            return NEG, 0.0
        german = [self.german[i] for i in gs]
        translated = [self.translated[j] for j in ts]
        if len(gs) + len(ts) > 2 and any(b.kind not in MERGEABLE for b in german + translated):
            return NEG, 0.0
        kinds = [kind_match(g.kind, t.kind) for g in german for t in translated]
        if any(k is None for k in kinds):
            return NEG, 0.0
        if any(t.all_german for t in translated):
            return self._german_fallback(german, translated)
        score = 0.5 * min(k for k in kinds if k is not None) - 0.25
        g_len = sum(g.length for g in german)
        t_len = sum(t.length for t in translated)
        score += self._length(g_len, t_len)
        g_sentences = sum(g.sentences for g in german)
        score -= SENTENCE_PENALTY * abs(g_sentences - sum(t.sentences for t in translated))
        g_tags = german[0].tags if len(gs) == 1 else sum((g.tags for g in german), Counter())
        t_tags = (
            translated[0].tags if len(ts) == 1 else sum((t.tags for t in translated), Counter())
        )
        if g_tags == t_tags:
            score += 0.3 * min(sum(g_tags.values()), 3)
        else:
            score -= 0.8 * min(sum(((g_tags - t_tags) + (t_tags - g_tags)).values()), 3)
        g_anchors = _union(self.g_anchors, gs)
        t_anchors = _union(self.t_anchors, ts)
        evidence = 0.0
        for anchor in g_anchors & t_anchors:
            evidence += self._weight(anchor) / max(self.g_count[anchor], self.t_count[anchor])
        for anchor in g_anchors ^ t_anchors:
            kind = anchor.split(":", 1)[0]
            other = self.t_count if anchor in g_anchors else self.g_count
            if kind in KEPT and other[anchor]:
                score -= 0.5 * self._weight(anchor)  # it is on the other page, elsewhere
            elif kind in KEPT:
                score -= 0.25 * self._weight(anchor)
        g_concepts = _union(self.g_concepts, gs)
        t_concepts = _union(self.t_concepts, ts)
        evidence += CONCEPT_WEIGHT * len(g_concepts & t_concepts)
        score -= 0.2 * len(g_concepts - t_concepts)
        return score + evidence, evidence

    def _german_fallback(self, german: list[Block], translated: list[Block]) -> tuple[float, float]:
        """German text left on the translated page pairs with the German text it is."""
        from rapidfuzz import fuzz

        if len(german) != 1 or len(translated) != 1:
            return NEG, 0.0
        similarity = fuzz.ratio(german[0].text, translated[0].text) / 100
        if similarity < 0.6:
            return -2.0, 0.0
        return 4.0 * similarity, 4.0 * similarity

    def _length(self, g_len: int, t_len: int) -> float:
        ratio = (t_len + 20) / ((g_len + 20) * self.ratio)
        return 1.0 - 3.0 * abs(math.log(ratio))

    @staticmethod
    def _weight(anchor: str) -> float:
        kind = anchor.split(":", 1)[0]
        return NAME_WEIGHT if kind == "name" else ANCHOR_WEIGHTS.get(kind, 1.0)

    # -- alignment -------------------------------------------------------------------

    def align(self) -> Alignment:
        """The accepted pairs, merges and unpaired blocks; see the module documentation."""
        first = self._best()
        strong = [
            p
            for p in first
            if not p.merged
            and p.evidence >= 2.0
            and not self.translated[p.translated[0]].all_german
        ]
        ratios = [
            sum(self.translated[j].length for j in p.translated)
            / max(1, sum(self.german[i].length for i in p.german))
            for p in strong
            if self.german[p.german[0]].length >= 20
        ]
        if len(ratios) >= 3:
            ratio = sorted(ratios)[len(ratios) // 2]
            if abs(ratio - self.ratio) > 0.02 * self.ratio:  # else the same alignment again
                self.ratio = ratio
                self._cache.clear()
                first = self._best()
        return self._accept(first)

    def _best(self) -> list[Pair]:
        """The best monotonic alignment (forward and backward dynamic programming)."""
        n, m = len(self.german), len(self.translated)
        weights = self._weights()
        forward = _table(n, m)
        forward[0][0] = 0.0
        for i in range(n + 1):
            for j in range(m + 1):
                best = forward[i][j]
                for di, dj in MOVES:
                    if i >= di and j >= dj:
                        value = forward[i - di][j - dj] + _weight(weights, di, dj, i - di, j - dj)
                        if value > best:
                            best = value
                forward[i][j] = best
        backward = _table(n, m)
        backward[n][m] = 0.0
        for i in range(n, -1, -1):
            for j in range(m, -1, -1):
                best = backward[i][j]
                for di, dj in MOVES:
                    if i + di <= n and j + dj <= m:
                        value = backward[i + di][j + dj] + _weight(weights, di, dj, i, j)
                        if value > best:
                            best = value
                backward[i][j] = best
        return self._path(forward, backward, weights)

    def _weights(self) -> dict[Move, list[list[float]]]:
        """The score of every pair and merge the alignment may use (NEG where it may not)."""
        n, m = len(self.german), len(self.translated)
        tables = {}
        for di, dj in MOVES:
            if not (di and dj):
                continue
            cost = MERGE_COST if di + dj > 2 else 0.0
            table = _table(n, m)
            for i in range(n - di + 1):
                for j in range(m - dj + 1):
                    score, _ = self.score(tuple(range(i, i + di)), tuple(range(j, j + dj)))
                    if score > NEG:
                        table[i][j] = score - cost
            tables[(di, dj)] = table
        return tables

    def _path(
        self,
        forward: list[list[float]],
        backward: list[list[float]],
        weights: dict[Move, list[list[float]]],
    ) -> list[Pair]:
        """The best path, each pair with its margin over the best path without it.

        Every path covers each German block with exactly one move (a pair, a merge, or
        leaving it unpaired), so the best path without a move is the best path that covers
        one of its German blocks with another move: the two best per block suffice.
        """
        n, m = len(self.german), len(self.translated)
        total = forward[n][m]
        best_two: list[list[tuple[float, tuple[int, int, int, int]]]] = [[] for _ in range(n)]
        for di, dj in MOVES:
            if not di:
                continue
            for i in range(n - di + 1):
                for j in range(m - dj + 1):
                    value = (
                        forward[i][j] + _weight(weights, di, dj, i, j) + backward[i + di][j + dj]
                    )
                    if value <= NEG / 2:
                        continue
                    for row in range(i, i + di):
                        _keep_two(best_two[row], (value, (di, dj, i, j)))
        pairs: list[Pair] = []
        i = j = 0
        while (i, j) != (n, m):
            di, dj = self._next(i, j, forward, backward, weights, total)
            if di and dj:
                gs, ts = tuple(range(i, i + di)), tuple(range(j, j + dj))
                score, evidence = self.score(gs, ts)
                others = [
                    value for row in gs for value, move in best_two[row] if move != (di, dj, i, j)
                ]
                margin = total - max(others, default=total - 99.0)
                pairs.append(Pair(gs, ts, score, margin, evidence))
            i, j = i + di, j + dj
        return pairs

    @staticmethod
    def _next(
        i: int,
        j: int,
        forward: list[list[float]],
        backward: list[list[float]],
        weights: dict[Move, list[list[float]]],
        total: float,
    ) -> Move:
        n, m = len(forward) - 1, len(forward[0]) - 1
        for di, dj in MOVES:
            if i + di > n or j + dj > m:
                continue
            value = forward[i][j] + _weight(weights, di, dj, i, j) + backward[i + di][j + dj]
            if abs(value - total) < 1e-9:
                return di, dj
        raise AssertionError("no step on the best path")

    def _accept(self, path: list[Pair]) -> Alignment:
        result = Alignment()
        used_g: set[int] = set()
        used_t: set[int] = set()
        for pair in path:
            if pair.margin >= MIN_MARGIN and pair.score >= MIN_SCORE:
                (result.merges if pair.merged else result.pairs).append(pair)
                used_g.update(pair.german)
                used_t.update(pair.translated)
            else:
                result.rejected.append(pair)
        # blocks of a doubtful merge stay unpaired: pairing one part would be wrong
        merges = [pair for pair in result.rejected if pair.merged]
        doubtful_g = used_g | {i for pair in merges for i in pair.german}
        doubtful_t = used_t | {j for pair in merges for j in pair.translated}
        moved = self._moved(doubtful_g, doubtful_t)
        result.pairs.extend(moved)
        used_g.update(i for pair in moved for i in pair.german)
        used_t.update(j for pair in moved for j in pair.translated)
        result.pairs.sort(key=lambda p: p.german)
        result.unpaired_german = [i for i in range(len(self.german)) if i not in used_g]
        result.unpaired_translated = [j for j in range(len(self.translated)) if j not in used_t]
        return result

    def _moved(self, taken_g: set[int], taken_t: set[int]) -> list[Pair]:
        """Leftover blocks whose anchors single each other out (a block moved elsewhere)."""
        free_g = [i for i in range(len(self.german)) if i not in taken_g]
        free_t = [j for j in range(len(self.translated)) if j not in taken_t]
        scores = {
            (i, j): self.score((i,), (j,))
            for i in free_g
            for j in free_t
            if kind_match(self.german[i].kind, self.translated[j].kind) is not None
        }
        found = []
        for (i, j), (score, evidence) in scores.items():
            if evidence < MOVED_EVIDENCE or score < MOVED_EVIDENCE:
                continue
            rivals = [s for (a, b), (s, _) in scores.items() if (a == i) != (b == j)]
            margin = score - max(rivals, default=0.0)
            if margin >= MIN_MARGIN:
                found.append(Pair((i,), (j,), score, margin, evidence, moved=True))
        return found


def _weight(weights: dict[Move, list[list[float]]], di: int, dj: int, i: int, j: int) -> float:
    return weights[(di, dj)][i][j] if di and dj else -GAP


def _keep_two(
    best: list[tuple[float, tuple[int, int, int, int]]],
    item: tuple[float, tuple[int, int, int, int]],
) -> None:
    """Keep the two highest values (a block's best covering move and the runner-up)."""
    best.append(item)
    best.sort(key=lambda entry: -entry[0])
    del best[2:]


def _union(sets: list[frozenset[str]], indices: tuple[int, ...]) -> frozenset[str]:
    return sets[indices[0]] if len(indices) == 1 else frozenset().union(*(sets[i] for i in indices))


def _table(n: int, m: int) -> list[list[float]]:
    return [[NEG] * (m + 1) for _ in range(n + 1)]


def _all(sets) -> frozenset:
    result: set = set()
    for item in sets:
        result |= item
    return frozenset(result)
