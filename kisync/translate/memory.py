"""Translation memory: what volunteers already translated, anywhere in the project.

The memory of one language holds every finished translation (not fuzzy, not empty, not
obsolete) of every catalog. It answers two questions for a German text that is not
translated yet: was exactly this text translated elsewhere, and was a similar one (by
``rapidfuzz``'s ratio, ignoring nothing)? A similar source is only proposed when it has
the same placeholders (``<a1>``, ``<br1/>`` …), so the proposal keeps the markup right.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import polib
from rapidfuzz import fuzz, process

from ..model import PLACEHOLDER

CANDIDATES = 5
"""How many similar sources to consider before giving up on matching placeholders."""


@dataclass(frozen=True)
class Proposal:
    """A translation the memory proposes for a German text."""

    translation: str
    source: str
    """The German text that translation was written for."""
    similarity: float
    """0–100; 100 when ``source`` is exactly the text asked for."""
    where: str
    """Page key of a catalog that has it."""


class TranslationMemory:
    """The finished translations of one language."""

    def __init__(self, units: Iterable[tuple[str, str, str]]) -> None:
        """``units``: (German text, translation, page key) triples."""
        found: dict[str, Counter[str]] = defaultdict(Counter)
        where: dict[tuple[str, str], str] = {}
        for source, translation, key in units:
            found[source][translation] += 1
            where.setdefault((source, translation), key)
        self._best: dict[str, Proposal] = {}
        for source, translations in found.items():
            # the most frequent translation; ties: the alphabetically first, so runs agree
            translation = min(translations, key=lambda text: (-translations[text], text))
            self._best[source] = Proposal(translation, source, 100.0, where[source, translation])
        self._sources = sorted(self._best)

    @classmethod
    def from_catalogs(cls, catalogs: Iterable[tuple[str, polib.POFile]]) -> TranslationMemory:
        """From (page key, catalog) pairs; only finished singular translations count."""
        return cls(
            (entry.msgid, entry.msgstr, key)
            for key, catalog in catalogs
            for entry in catalog
            if _finished(entry)
        )

    def __len__(self) -> int:
        return len(self._best)

    def pairs(self) -> list[tuple[str, str]]:
        """(German text, its translation) for every text, sorted by the German text."""
        return [(source, self._best[source].translation) for source in self._sources]

    def exact(self, source: str) -> Proposal | None:
        return self._best.get(source)

    def similar(self, source: str, threshold: float) -> Proposal | None:
        """The most similar other source (at least ``threshold`` percent) with the same
        placeholders, or None."""
        tags = _placeholders(source)
        hits = process.extract(
            source, self._sources, scorer=fuzz.ratio, score_cutoff=threshold, limit=CANDIDATES
        )
        for candidate, score, _ in hits:
            if candidate != source and _placeholders(candidate) == tags:
                best = self._best[candidate]
                return Proposal(best.translation, candidate, score, best.where)
        return None


def _finished(entry: polib.POEntry) -> bool:
    return (
        not entry.obsolete
        and bool(entry.msgid)
        and not entry.msgid_plural
        and bool(entry.msgstr)
        and "fuzzy" not in entry.flags
    )


def _placeholders(text: str) -> Counter[str]:
    return Counter(match.group() for match in PLACEHOLDER.finditer(text))
