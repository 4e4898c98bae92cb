"""DeepL API v2 through the official ``deepl`` client.

* The key comes from the environment variable named in ``kisync.toml``; keys ending in
  ``:fx`` go to the free endpoint, others to the pro endpoint, unless ``url`` names
  another server (a proxy, or the test server).
* Languages: ``/v2/languages?type=target``, asked once per run. DeepL documents some
  targets as text only (no tag handling, no glossaries): Persian, Dari, Pashto, Kurdish,
  Albanian, Serbian, Urdu; kisync sends those as plain text with opaque tokens.
* Glossaries: one per language pair, named ``kisync DE-AR <digest>`` after its content.
  The one with the current content is reused; a changed glossary is created anew and the
  older kisync glossaries of that pair are deleted, so there is never more than one.
* Retries: the client retries 429 and 5xx with exponential backoff itself; what is left
  becomes an :class:`~.base.EngineError`, and 456 a :class:`~.base.QuotaExhausted`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

import deepl

from ...languages import Language
from .base import Capabilities, EngineError, QuotaExhausted

TEXT_ONLY = frozenset({"FA", "PRS", "PS", "KMR", "CKB", "SQ", "SR", "UR"})
"""Targets DeepL offers without tag handling and glossaries (its documentation)."""

MAX_TEXTS = 50
"""DeepL: at most 50 texts per request."""
MAX_CHARS = 30_000
"""Well below DeepL's 128 KiB request limit, in UTF-8 bytes of any script."""

_CODES = {
    "en": "EN-GB",
    "pt": "PT-PT",
    "zh": "ZH-HANS",
    "fa_AF": "PRS",
    "prs": "PRS",
    "ku": "KMR",
    "kmr": "KMR",
    "ckb": "CKB",
    "no": "NB",
    "nb": "NB",
}


def deepl_code(language: Language) -> str:
    """DeepL's target code for a kisync language (``fa_AF`` → ``PRS``, ``en`` → ``EN-GB``)."""
    return _CODES.get(language.code) or language.code.split("_")[0].upper()


class DeepL:
    """A DeepL account (free or pro) or a DeepL-compatible server."""

    def __init__(
        self,
        name: str,
        api_key: str,
        *,
        url: str = "",
        formality: str = "",
        timeout: float = 60.0,
        retries: int = 5,
    ) -> None:
        self.name = name
        # the client's documented settings (module variables): retries on 429 and 5xx
        deepl.http_client.max_network_retries = retries
        deepl.http_client.min_connection_timeout = timeout
        self.formality = formality
        self._client = deepl.Translator(api_key, server_url=url or None, send_platform_info=False)
        self._targets: dict[str, bool] | None = None
        self._glossary_pairs: set[str] | None = None
        self._glossaries: dict[str, str] = {}

    def capabilities(self, language: Language) -> Capabilities | None:
        code = deepl_code(language)
        targets = self._call(self._target_languages)
        if code not in targets:
            return None
        tags = code not in TEXT_ONLY
        glossary = tags and _base(code) in self._call(self._glossary_targets)
        return Capabilities(tags, glossary, bool(targets[code]), MAX_TEXTS, MAX_CHARS)

    def translate(
        self,
        texts: Sequence[str],
        language: Language,
        *,
        tags: bool,
        glossary: Mapping[str, str],
    ) -> list[str]:
        code = deepl_code(language)
        options: dict[str, object] = {}
        if tags:
            options.update(tag_handling="xml", ignore_tags=["k"])
        if glossary:
            options["glossary"] = self._call(lambda: self._glossary_for(code, glossary))
        if self.formality and self._call(self._target_languages).get(code):
            options["formality"] = self.formality
        results = self._call(
            lambda: self._client.translate_text(
                list(texts), source_lang="DE", target_lang=code, **options
            )
        )
        return [result.text for result in results]

    # -- what the account offers -------------------------------------------------------

    def _target_languages(self) -> dict[str, bool]:
        if self._targets is None:
            found = self._client.get_target_languages()
            self._targets = {lang.code.upper(): bool(lang.supports_formality) for lang in found}
        return self._targets

    def _glossary_targets(self) -> set[str]:
        if self._glossary_pairs is None:
            pairs = self._client.get_glossary_languages()
            self._glossary_pairs = {
                pair.target_lang.upper() for pair in pairs if pair.source_lang.upper() == "DE"
            }
        return self._glossary_pairs

    def _glossary_for(self, code: str, entries: Mapping[str, str]) -> str:
        """The id of the DeepL glossary with exactly ``entries`` for DE → ``code``."""
        target = _base(code)
        if target in self._glossaries:
            return self._glossaries[target]
        digest = hashlib.sha256(repr(sorted(entries.items())).encode()).hexdigest()[:12]
        prefix = f"kisync DE-{target} "
        name = prefix + digest
        current = None
        for info in self._client.list_glossaries():
            if not info.name.startswith(prefix):
                continue
            if info.name == name and current is None and info.target_lang.upper() == target:
                current = info.glossary_id
            else:
                self._client.delete_glossary(info.glossary_id)
        if current is None:
            current = self._client.create_glossary(name, "DE", target, dict(entries)).glossary_id
        self._glossaries[target] = current
        return current

    def _call(self, work):
        """Run one client call; DeepL's errors become kisync's, with what to do."""
        try:
            return work()
        except deepl.QuotaExceededException:
            raise QuotaExhausted(
                f"{self.name}: the DeepL character quota is used up; proposals received so "
                "far are kept; run again when the quota renews, or raise it in the DeepL account"
            ) from None
        except deepl.AuthorizationException:
            raise EngineError(
                f"{self.name}: DeepL refused the API key; check the key in the environment "
                "variable named by api_key_env"
            ) from None
        except deepl.TooManyRequestsException:
            raise EngineError(
                f"{self.name}: DeepL kept answering 'too many requests' after several retries; "
                "run again later"
            ) from None
        except deepl.DeepLException as error:
            raise EngineError(f"{self.name}: DeepL failed: {error}") from None


def _base(code: str) -> str:
    """``EN-GB`` → ``EN``: glossaries are per base language."""
    return code.split("-")[0]
