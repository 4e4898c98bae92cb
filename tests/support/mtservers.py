"""DeepL- and LibreTranslate-compatible servers on 127.0.0.1, after the published API docs.

DeepL API v2 (developers.deepl.com): ``POST /v2/translate`` (JSON: ``text`` list,
``source_lang``, ``target_lang``, ``tag_handling``, ``ignore_tags``, ``glossary_id``,
``formality``; answer ``translations`` with ``detected_source_language``, ``text``,
``billed_characters``), ``GET /v2/languages?type=target``, ``GET
/v2/glossary-language-pairs``, ``GET|POST /v2/glossaries``, ``DELETE
/v2/glossaries/{id}``, ``GET /v2/usage``; header ``Authorization: DeepL-Auth-Key …``;
403 for a wrong key, 429 too many requests, 456 quota exceeded.

LibreTranslate (docs.libretranslate.com): ``GET /languages`` (``code``, ``name``,
``targets``), ``POST /translate`` (``q`` string or list, ``source``, ``target``,
``format``, ``api_key``; answer ``translatedText``), 400 with ``error`` for an
unsupported language, 403 for a wrong key.

Both "translate" with :attr:`translate` (text, target) → text, which a test replaces to
make the engine reorder, drop or invent tags. Every request is recorded by the
underlying :class:`~support.httpserver.TestServer`.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import parse_qs

from support.httpserver import Request, Response, TestServer

DEEPL_TARGETS = {
    "AR": True,
    "BG": False,
    "EN-GB": False,
    "EN-US": False,
    "FA": False,
    "PRS": False,
    "PS": False,
    "RU": True,
    "TR": False,
    "UK": False,
    "KMR": False,
}
"""Target code → supports formality (a subset of DeepL's table, mid-2026)."""
DEEPL_TEXT_ONLY = {"FA", "PRS", "PS", "KMR"}
DEEPL_GLOSSARY_TARGETS = {"ar", "en", "ru", "tr", "uk", "bg"}
_TAG = re.compile(r"<[^>]+>|&#?\w+;")


def tagged_upper(text: str, target: str) -> str:
    """The default stand-in translation: text upper-cased except tags, entities and
    ``<k>`` content."""
    out, position = [], 0
    keep = False
    for match in _TAG.finditer(text):
        piece = text[position : match.start()]
        out.append(piece if keep else piece.upper())
        tag = match.group(0)
        keep = tag == "<k>" or (keep and tag != "</k>")
        out.append(tag)
        position = match.end()
    out.append(text[position:].upper())
    return f"{target}: " + "".join(out)


def _json(status: int, data: object) -> Response:
    return Response(status, json.dumps(data), content_type="application/json")


@dataclass
class FakeDeepL:
    key: str = "test-key:fx"
    character_limit: int = 10_000_000
    translate: Callable[[str, str], str] = tagged_upper
    too_many_first: int = 0
    """Answer this many translate requests with 429 before serving."""
    character_count: int = 0
    received: list[dict] = field(default_factory=list)
    """The JSON body of every successful /v2/translate request."""
    glossaries: dict[str, dict] = field(default_factory=dict)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def install(self, server: TestServer) -> None:
        server.route("/v2/translate", self._translate)
        server.route("/v2/languages", self._languages)
        server.route("/v2/glossary-language-pairs", self._pairs)
        server.route("/v2/glossaries", self._glossaries)
        server.route("/v2/glossaries/*", self._glossary)
        server.route("/v2/usage", self._usage)

    @property
    def characters_received(self) -> int:
        return sum(len(text) for body in self.received for text in body["text"])

    def _authorized(self, request: Request) -> bool:
        return request.headers.get("Authorization") == f"DeepL-Auth-Key {self.key}"

    def _translate(self, request: Request) -> Response:
        if not self._authorized(request):
            return _json(403, {"message": "Wrong API key"})
        if self.too_many_first > 0:
            self.too_many_first -= 1
            return _json(429, {"message": "Too many requests"})
        body = json.loads(request.body)
        target = body["target_lang"].upper()
        if target not in DEEPL_TARGETS:
            return _json(400, {"message": f"Value for 'target_lang' not supported: {target}"})
        if body.get("tag_handling") and target in DEEPL_TEXT_ONLY:
            return _json(400, {"message": f"Tag handling is not supported for {target}"})
        size = sum(len(text) for text in body["text"])
        if self.character_count + size > self.character_limit:
            return _json(456, {"message": "Quota exceeded"})
        self.character_count += size
        self.received.append(body)
        entries = self.glossaries.get(body.get("glossary_id", ""), {}).get("entries", {})
        texts = []
        for text in body["text"]:
            for german, translated in entries.items():
                text = text.replace(german, translated)
            texts.append(self.translate(text, target))
        return _json(
            200,
            {
                "translations": [
                    {"detected_source_language": "DE", "text": text, "billed_characters": len(text)}
                    for text in texts
                ]
            },
        )

    def _languages(self, request: Request) -> Response:
        query = parse_qs(request.query) | parse_qs(request.body.decode())
        if query.get("type") != ["target"]:
            return _json(200, [{"language": "DE", "name": "German"}])
        return _json(
            200,
            [
                {"language": code, "name": code, "supports_formality": formality}
                for code, formality in DEEPL_TARGETS.items()
            ],
        )

    def _pairs(self, request: Request) -> Response:
        return _json(
            200,
            {
                "supported_languages": [
                    {"source_lang": "de", "target_lang": target}
                    for target in DEEPL_GLOSSARY_TARGETS
                ]
            },
        )

    def _glossaries(self, request: Request) -> Response:
        if request.method == "GET":
            return _json(200, {"glossaries": [self._info(g) for g in self.glossaries.values()]})
        body = json.loads(request.body)
        if body["target_lang"].lower() not in DEEPL_GLOSSARY_TARGETS:
            return _json(400, {"message": "Unsupported glossary language pair"})
        entries = dict(line.split("\t") for line in body["entries"].splitlines() if line)
        glossary_id = f"g{next(self._ids)}"
        self.glossaries[glossary_id] = {
            "glossary_id": glossary_id,
            "name": body["name"],
            "entries": entries,
            "source_lang": body["source_lang"].lower(),
            "target_lang": body["target_lang"].lower(),
        }
        return _json(201, self._info(self.glossaries[glossary_id]))

    def _glossary(self, request: Request) -> Response:
        glossary_id = request.path.rsplit("/", 1)[-1]
        if glossary_id not in self.glossaries:
            return _json(404, {"message": "Glossary not found"})
        if request.method == "DELETE":
            del self.glossaries[glossary_id]
            return Response(204, b"", content_type=None)
        return _json(200, self._info(self.glossaries[glossary_id]))

    def _usage(self, request: Request) -> Response:
        return _json(
            200, {"character_count": self.character_count, "character_limit": self.character_limit}
        )

    @staticmethod
    def _info(glossary: dict) -> dict:
        return {
            "glossary_id": glossary["glossary_id"],
            "name": glossary["name"],
            "ready": True,
            "source_lang": glossary["source_lang"],
            "target_lang": glossary["target_lang"],
            "creation_time": datetime.now(UTC).isoformat(),
            "entry_count": len(glossary["entries"]),
        }


@dataclass
class FakeLibreTranslate:
    key: str = ""
    targets: tuple[str, ...] = ("en", "ar", "fa", "ru", "tr", "uk")
    translate: Callable[[str, str], str] = tagged_upper
    received: list[dict] = field(default_factory=list)

    def install(self, server: TestServer) -> None:
        server.route("/languages", self._languages)
        server.route("/translate", self._translate)

    def _languages(self, request: Request) -> Response:
        codes = ("de", *self.targets)
        return _json(
            200,
            [
                {"code": code, "name": code, "targets": [c for c in codes if c != code]}
                for code in codes
            ],
        )

    def _translate(self, request: Request) -> Response:
        body = json.loads(request.body)
        if self.key and body.get("api_key") != self.key:
            return _json(403, {"error": "Invalid API key"})
        if body["target"] not in self.targets:
            return _json(400, {"error": f"{body['target']} is not supported"})
        self.received.append(body)
        texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
        out = [self.translate(text, body["target"]) for text in texts]
        return _json(200, {"translatedText": out if isinstance(body["q"], list) else out[0]})
