"""LibreTranslate, self-hosted (``POST /translate``, ``GET /languages``).

Pseudo-tags go as opaque tokens in plain text (``format=text``), not as HTML: its HTML
mode translates the text between tags piece by piece, so a sentence with a link would
be translated as three fragments. Retries (429 honouring ``Retry-After``, 5xx, network
errors) with backoff come from kisync's HTTP layer; a translation request changes
nothing on the server, so it is safe to retry.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ...errors import PortalError
from ...languages import Language
from ...portal.http import HTTPStatusError, make_session, request
from .base import Capabilities, EngineError

MAX_TEXTS = 20
MAX_CHARS = 5_000
"""LibreTranslate's own default limit (``--char-limit``) is per request."""


class LibreTranslate:
    """A LibreTranslate server (``url``), with an API key if the server wants one."""

    def __init__(
        self, name: str, url: str, api_key: str = "", *, timeout: float = 60.0, retries: int = 3
    ) -> None:
        self.name = name
        self.url = url.rstrip("/")
        self._key = api_key
        self._session = make_session(
            timeout=timeout, retries=retries, retry_methods=("GET", "POST")
        )
        self._targets: set[str] | None = None

    def capabilities(self, language: Language) -> Capabilities | None:
        if _code(language) not in self._german_targets():
            return None
        return Capabilities(
            tags=False, glossary=False, formality=False, max_texts=MAX_TEXTS, max_chars=MAX_CHARS
        )

    def translate(
        self,
        texts: Sequence[str],
        language: Language,
        *,
        tags: bool,
        glossary: Mapping[str, str],
    ) -> list[str]:
        body: dict[str, object] = {
            "q": list(texts),
            "source": "de",
            "target": _code(language),
            "format": "text",
        }
        if self._key:
            body["api_key"] = self._key
        answer = self._call("POST", "/translate", json=body)
        translated = answer.get("translatedText") if isinstance(answer, dict) else None
        if not isinstance(translated, list) or len(translated) != len(texts):
            raise EngineError(f"{self.name}: {self.url}/translate gave no list of translations")
        return [str(text) for text in translated]

    def _german_targets(self) -> set[str]:
        if self._targets is None:
            languages = self._call("GET", "/languages")
            codes = {item.get("code") for item in languages if isinstance(item, dict)}
            german = next((item for item in languages if item.get("code") == "de"), None)
            if german is None:
                self._targets = set()
            else:  # servers before 1.6 list no targets: every language is one
                self._targets = set(german.get("targets") or codes) - {"de"}
        return self._targets

    def _call(self, method: str, path: str, **kwargs: object):
        try:
            return request(self._session, method, self.url + path, **kwargs).json()
        except HTTPStatusError as error:
            if error.status == 403:
                raise EngineError(
                    f"{self.name}: {self.url} refused the API key; check the environment "
                    "variable named by api_key_env"
                ) from None
            raise EngineError(f"{self.name}: {error}") from None
        except PortalError as error:
            raise EngineError(f"{self.name}: {error}") from None


def _code(language: Language) -> str:
    """LibreTranslate's codes are ISO 639-1 (``fa``; Dari ``fa_AF`` is not offered)."""
    return {"fa_AF": "prs", "zh": "zh-Hans"}.get(language.code, language.code.split("_")[0])
