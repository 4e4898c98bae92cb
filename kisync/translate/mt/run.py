"""Machine-translation proposals for one language: route, protect, send, check.

For the German texts a language still needs, :meth:`MachineTranslator.translate`

1. takes the engines of the language's route in ``kisync.toml``, in order (nothing is
   sent for a language without a route); an engine that does not offer the language,
   or stops (quota, errors), hands what is left to the next one;
2. prepares each text (:mod:`.protect`): placeholders as XML tags or opaque tokens,
   names kept in German protected; the glossary's approved translations go to the
   engine's glossary where it has one;
3. sends only what the cache has not seen, in batches within the engine's limits,
   storing each batch's replies as they come;
4. turns each reply back into a translation and runs the lint checks marked as errors
   (placeholders and their nesting, numbers, phone numbers, URLs, e-mail addresses,
   markup): a reply that fails is dropped and reported, never proposed. A proposal
   that misses an approved glossary term or uses a forbidden one keeps a note saying so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polib

from ...languages import Language
from ..checks import REGISTRY, Subject
from ..glossary import Glossary
from ..glossary_checks import term_problems
from ..matcher import Matcher
from .base import Capabilities, Engine, EngineError
from .cache import Reply, ReplyCache
from .protect import Prepared, Unusable, prepare, restore


@dataclass(frozen=True)
class Wanted:
    """A German text that needs a proposal, and where it is (for messages)."""

    msgid: str
    where: str


@dataclass(frozen=True)
class MachineProposal:
    translation: str
    engine: str
    received: str
    """ISO date of the engine's reply."""
    remarks: tuple[str, ...] = ()
    """What the glossary check found (a missing approved term, a forbidden one)."""


@dataclass
class MachineOutcome:
    """What one language's machine translation did (or, in a dry run, would send)."""

    proposals: dict[str, MachineProposal] = field(default_factory=dict)
    """msgid → proposal."""
    sent: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    """(engine, language) → [strings, characters] sent (dry run: that would be sent)."""
    dropped: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


class MachineTranslator:
    """Engines, the per-language routes between them, and the reply cache."""

    def __init__(
        self,
        engines: Mapping[str, Engine],
        routes: Mapping[str, Sequence[str]],
        cache: ReplyCache,
        *,
        glossary: Glossary | None = None,
        today: Callable[[], str] = lambda: date.today().isoformat(),
    ) -> None:
        self.engines = engines
        self.routes = routes
        self.cache = cache
        self.glossary = glossary
        self.matcher = Matcher(glossary) if glossary is not None else None
        self.today = today
        self._checks = [
            bound
            for bound in REGISTRY.bind(None)
            if bound.spec.severity == "error" and bound.spec.scope == "translation"
        ]

    def routed(self, language: Language) -> bool:
        return bool(self.routes.get(language.code))

    def translate(
        self, language: Language, wanted: Sequence[Wanted], *, dry_run: bool = False
    ) -> MachineOutcome:
        outcome = MachineOutcome()
        todo: dict[str, Wanted] = {}
        for item in wanted:
            todo.setdefault(item.msgid, item)  # each text once, where it first occurs
        if not todo or not self.routed(language):
            return outcome
        refused: list[str] = []
        for name in self.routes[language.code]:
            engine = self.engines[name]
            try:
                capabilities = engine.capabilities(language)
            except EngineError as error:
                outcome.failures.append(str(error))
                continue
            if capabilities is None:
                refused.append(name)
                continue
            self._with_engine(engine, capabilities, language, todo, outcome, dry_run=dry_run)
            if dry_run or not todo:
                break
        if refused and len(refused) == len(self.routes[language.code]):
            outcome.failures.append(
                f"machine translation: no engine of the route for {language.code} "
                f"({', '.join(refused)}) offers German into it; change or remove "
                f"[machine_translation.routes] {language.code}"
            )
        return outcome

    def _with_engine(
        self,
        engine: Engine,
        capabilities: Capabilities,
        language: Language,
        todo: dict[str, Wanted],
        outcome: MachineOutcome,
        *,
        dry_run: bool,
    ) -> None:
        """Propose what ``engine`` can for ``todo``; remove what it answered from ``todo``."""
        prepared = {msgid: self._prepare(msgid, capabilities) for msgid in todo}
        to_send: list[str] = []
        for msgid, item in list(todo.items()):
            reply = self.cache.get(engine.name, language.code, prepared[msgid].text)
            if reply is None:
                to_send.append(msgid)
            else:
                self._take(engine, language, item, prepared[msgid], reply, outcome)
                del todo[msgid]
        texts = list(dict.fromkeys(prepared[msgid].text for msgid in to_send))
        if texts:
            counted = outcome.sent.setdefault((engine.name, language.code), [0, 0])
            counted[0] += len(texts)
            counted[1] += sum(len(text) for text in texts)
        if dry_run:
            return
        glossary = self._glossary_entries(language) if capabilities.glossary else {}
        by_text = {prepared[msgid].text: msgid for msgid in to_send}
        for batch in _batches(texts, capabilities):
            try:
                replies = engine.translate(
                    batch, language, tags=capabilities.tags, glossary=glossary
                )
            except EngineError as error:
                outcome.failures.append(str(error))
                return
            received = self.today()
            self.cache.put(engine.name, language.code, zip(batch, replies, strict=False), received)
            for text, reply in zip(batch, replies, strict=False):
                msgid = by_text[text]
                self._take(
                    engine,
                    language,
                    todo.pop(msgid),
                    prepared[msgid],
                    Reply(reply, received),
                    outcome,
                )

    def _prepare(self, msgid: str, capabilities: Capabilities) -> Prepared:
        kept = []
        if self.matcher is not None:
            kept = [(m.start, m.end) for m in self.matcher.find(msgid) if m.term.dnt]
        return prepare(msgid, kept, tags=capabilities.tags)

    def _take(
        self,
        engine: Engine,
        language: Language,
        item: Wanted,
        prepared: Prepared,
        reply: Reply,
        outcome: MachineOutcome,
    ) -> None:
        """Check one reply; propose it or report why it is dropped."""
        try:
            translation = restore(prepared, reply.text)
            problems = self._problems(item, translation, language)
        except Unusable as error:
            problems = [str(error)]
        if problems:
            outcome.dropped.append(
                f"{item.where}: machine translation by {engine.name} dropped: {problems[0]}"
            )
            return
        remarks = self._glossary_remarks(item.msgid, translation, language)
        outcome.proposals[item.msgid] = MachineProposal(
            translation, engine.name, reply.received, remarks
        )

    def _problems(self, item: Wanted, translation: str, language: Language) -> list[str]:
        if not translation.strip():
            return ["the engine returned nothing"]
        entry = polib.POEntry(msgid=item.msgid, msgstr=translation)
        subject = Subject(entry, item.msgid, translation, language, Path(item.where), 0)
        return [finding.message for check in self._checks for finding in check.run(subject)]

    def _glossary_remarks(
        self, msgid: str, translation: str, language: Language
    ) -> tuple[str, ...]:
        if self.matcher is None:
            return ()
        matches = self.matcher.find(msgid)
        return tuple(message for _, message in term_problems(matches, translation, language.code))

    def _glossary_entries(self, language: Language) -> dict[str, str]:
        """German term → the approved translation the engine must use."""
        entries: dict[str, str] = {}
        if self.glossary is None:
            return entries
        for concept in self.glossary:
            for term in concept.approved(self.glossary.source_language):
                if term.dnt:
                    entries[term.text] = term.text
                    continue
                preferred = concept.preferred(language.code)
                if preferred is not None:
                    entries[term.text] = preferred.text
        return {
            german: target for german, target in entries.items() if _glossary_safe(german, target)
        }


def _glossary_safe(german: str, target: str) -> bool:
    """Glossary entries may hold no tab or line break (DeepL's TSV format)."""
    return all(text.strip() and not set(text) & {"\t", "\n", "\r"} for text in (german, target))


def _batches(texts: list[str], capabilities: Capabilities) -> list[list[str]]:
    batches: list[list[str]] = [[]]
    size = 0
    for text in texts:
        full = len(batches[-1]) >= capabilities.max_texts
        if batches[-1] and (full or size + len(text) > capabilities.max_chars):
            batches.append([])
            size = 0
        batches[-1].append(text)
        size += len(text)
    return [batch for batch in batches if batch]
