"""The small protocol every machine-translation engine implements.

An engine is one module with one class (see :mod:`.deepl` and :mod:`.libretranslate`)
and one line in :data:`kisync.translate.mt.ENGINE_KINDS`. It answers two questions:

* :meth:`Engine.capabilities` — can it translate German into this language, and how
  (tag handling, a glossary, formality, how much per request)? ``None``: not offered.
  The answer comes from the engine itself (its languages endpoint), asked before
  anything is sent.
* :meth:`Engine.translate` — translate a batch of texts (never more than the
  capabilities allow). It raises :class:`QuotaExhausted` or :class:`EngineError`
  (after its own retries with backoff) when the engine cannot go on; the caller keeps
  what earlier batches returned.

Engines never see catalogs, placeholders or the cache: :mod:`.run` prepares the texts
(:mod:`.protect`), checks the replies and writes proposals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from ...errors import KisyncError
from ...languages import Language


@dataclass(frozen=True)
class Capabilities:
    """What an engine can do for German into one language."""

    tags: bool
    """XML tag handling: pseudo-tags are sent as tags (else as opaque tokens)."""
    glossary: bool
    """An engine-side glossary for this language pair."""
    formality: bool
    """A formal/informal choice (German *Sie*/*du* into the target's forms)."""
    max_texts: int
    """Texts per request."""
    max_chars: int
    """Characters per request (all texts together)."""


class EngineError(KisyncError):
    """The engine cannot go on in this run (unreachable, key refused, server errors)."""


class QuotaExhausted(EngineError):
    """The engine's character quota is used up (DeepL: HTTP 456)."""


class Engine(Protocol):
    name: str
    """The engine's name in ``kisync.toml``; proposals' notes name it."""

    def capabilities(self, language: Language) -> Capabilities | None:
        """How the engine translates German into ``language``; None if it does not."""
        ...

    def translate(
        self,
        texts: Sequence[str],
        language: Language,
        *,
        tags: bool,
        glossary: Mapping[str, str],
    ) -> list[str]:
        """One reply per text, in order. ``glossary`` maps German terms to the
        translations the engine must use (empty: none; only sent where the
        capabilities say the engine has glossaries)."""
        ...
