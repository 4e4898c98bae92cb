"""The settings of the easy-German checks for one target language (plain data)."""

from __future__ import annotations

from dataclasses import dataclass

LEICHTE_SPRACHE, EINFACHE_SPRACHE = "de-x-ls", "de-x-es"
EASY_LANGUAGES = (LEICHTE_SPRACHE, EINFACHE_SPRACHE)


@dataclass(frozen=True)
class EasySettings:
    """The rules that apply to one easy-German target."""

    max_sentence_words: int
    rules: frozenset[str]
