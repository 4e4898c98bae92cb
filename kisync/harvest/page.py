"""One German page and one existing translation: which translated string belongs to which
German string, and what can be harvested from it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..extract import ExtractRules
from ..translate.glossary import Glossary
from ..translate.glossary_checks import contains_term
from ..translate.matcher import Matcher
from .align import Aligner, Alignment
from .blocks import Block, PageBlocks, page_blocks
from .language import german_sentences
from .names import NameFinder
from .placeholders import map_placeholders


@dataclass(frozen=True)
class Harvested:
    """A German string and the translated text paired with it.

    ``msgstr`` is the translation to propose (the German string's tag names), or empty
    when the pair cannot be used; ``reason`` then says why.
    """

    msgctxt: str
    msgid: str
    translated: str
    msgstr: str
    score: float
    margin: float
    reason: str = ""
    site: bool = False


@dataclass
class PageAlignment:
    """The outcome of aligning one page with one translation."""

    harvested: list[Harvested] = field(default_factory=list)
    """Every accepted pair (usable or not), content first, then site-wide text."""
    german_blocks: int = 0
    translated_blocks: int = 0
    paired: int = 0
    merged: int = 0
    still_german: int = 0
    unpaired_german: int = 0
    unpaired_translated: int = 0
    own_blocks: int = 0
    """Blocks of the translated page's own text (not menu and footer)."""
    own_paired: int = 0
    confidence: float = 0.0
    """Percent of the translated page's own blocks (not menu and footer) that found their
    German block (0–100)."""

    @property
    def proposals(self) -> list[Harvested]:
        return [item for item in self.harvested if item.msgstr]


def align_page(
    german_html: str,
    translated_html: str,
    language: str,
    rules: ExtractRules,
    *,
    german_url: str = "",
    translated_url: str = "",
    prefixes: Sequence[str] = (),
    glossary: Glossary | None = None,
) -> PageAlignment:
    """Align a German page with its translation into ``language`` and collect proposals.

    ``prefixes`` are the language folders of the site (``en``, ``ar``): links into them
    are compared as links to the German pages.
    """
    german = page_blocks(german_html, rules, url=german_url, prefixes=prefixes)
    translated = page_blocks(
        translated_html, rules, url=translated_url, prefixes=prefixes, german_markup=True
    )
    concepts = _concept_finders(glossary, language)
    result = PageAlignment()
    for g_blocks, t_blocks in _parts(german, translated):
        t_blocks = _mark_german(t_blocks, g_blocks, language)
        alignment = Aligner(g_blocks, t_blocks, language, **concepts).align()
        _collect(result, alignment, g_blocks, t_blocks)
    return result


def _parts(
    german: PageBlocks, translated: PageBlocks
) -> list[tuple[tuple[Block, ...], tuple[Block, ...]]]:
    """What to align with what: the page's own text, then menu and footer; the whole page
    when the content selector finds nothing on one of them (a translation made with
    another theme, a WordPress page)."""
    if german.content_found and translated.content_found:
        return [(german.content, translated.content), (german.site, translated.site)]
    return [(german.everything(), translated.everything())]


def _mark_german(
    translated: Sequence[Block], german: Sequence[Block], language: str
) -> tuple[Block, ...]:
    """Mark the translated blocks that are (partly, or all) still German."""
    texts = [block.text for block in german]
    marked = []
    for block in translated:
        if not block.german:
            found, total = german_sentences(block.text, language, texts)
            if found:
                block = dataclasses.replace(block, german=True, all_german=found == total)
        marked.append(block)
    return tuple(marked)


def _collect(
    result: PageAlignment,
    alignment: Alignment,
    german: Sequence[Block],
    translated: Sequence[Block],
) -> None:
    # confidence: the page's own text decides, not menu and footer (alike on every page)
    site_pairs = {
        j
        for pair in (*alignment.pairs, *alignment.merges)
        if all(german[i].segment.site for i in pair.german)
        for j in pair.translated
    }
    unpaired = set(alignment.unpaired_translated)
    own = [
        j for j, block in enumerate(translated) if not block.segment.site and j not in site_pairs
    ]
    result.own_blocks += len(own)
    result.own_paired += sum(1 for j in own if j not in unpaired)
    result.confidence = round(100.0 * result.own_paired / max(1, result.own_blocks), 1)
    result.german_blocks += len(german)
    result.translated_blocks += len(translated)
    result.merged += len(alignment.merges)
    result.unpaired_german += len(alignment.unpaired_german)
    result.unpaired_translated += len(alignment.unpaired_translated)
    result.still_german += sum(1 for block in translated if block.german)
    for pair in alignment.pairs:
        g, t = german[pair.german[0]], translated[pair.translated[0]]
        result.paired += 1
        msgstr, reason = _proposal(g, t)
        result.harvested.append(
            Harvested(
                g.segment.context,
                g.text,
                t.text,
                msgstr,
                pair.score,
                pair.margin,
                reason,
                g.segment.site,
            )
        )


def _proposal(german: Block, translated: Block) -> tuple[str, str]:
    if translated.german:
        return "", "still German"
    if translated.sentences != german.sentences:
        return "", "sentences differ"
    msgstr = map_placeholders(german, translated)
    if msgstr is None:
        return "", "tags differ"
    if " ".join(msgstr.split()) == " ".join(german.text.split()):
        return "", "same as the German text"
    return msgstr, ""


def _concept_finders(glossary: Glossary | None, language: str) -> dict[str, Callable]:
    """What links a German block to its translation beyond anchors: glossary terms (the
    approved translation used) and names of languages and countries (CLDR)."""
    german_names, target_names = NameFinder("de"), NameFinder(language)
    matcher = Matcher(glossary) if glossary is not None else None
    by_id = {concept.id: concept for concept in glossary} if glossary is not None else {}

    def german_concepts(block: Block) -> frozenset[str]:
        found = german_names(block.text)
        if matcher is not None:
            found |= {m.concept.id for m in matcher.find(block.text) if not m.term.dnt}
        return found

    def translated_concepts(block: Block, wanted: frozenset[str]) -> frozenset[str]:
        text = block.text
        found = target_names(text) & wanted
        return found | frozenset(
            concept
            for concept in wanted
            if concept in by_id
            and any(
                contains_term(text, t.text, language) for t in by_id[concept].approved(language)
            )
        )

    return {"german_concepts": german_concepts, "translated_concepts": translated_concepts}
