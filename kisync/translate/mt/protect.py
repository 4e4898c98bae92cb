"""What leaves the machine for one string, and how the engine's reply is mapped back.

A msgid holds numbered pseudo-tags (``<a1>…</a1>``, ``<br1/>``, ``<x1/>``); what they
stand for (URLs, e-mail addresses, kept text) stays in the page and never appears in a
msgid, so it never leaves the machine. Names the glossary keeps in German (*Jobcenter*,
*BAMF*) must come back unchanged.

* An engine that handles XML tags gets the pseudo-tags as XML tags, the text
  XML-escaped, and each kept name inside ``<k>…</k>`` (sent as an ``ignore_tags`` tag:
  the engine sees the name in its sentence but does not translate it).
* An engine that only takes plain text gets every pseudo-tag and kept name replaced by
  an opaque token ``[X1X]``, ``[X2X]`` … that it is asked to leave alone.

:func:`restore` turns a reply back into a msgstr and refuses (:class:`Unusable`) a reply
that lost, doubled or invented a tag or token, or changed a kept name. The lint checks
then judge numbers, phone numbers, nesting and the rest (see :mod:`.run`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from xml.sax.saxutils import escape, unescape

from ...model import PLACEHOLDER

KEEP_TAG = "k"
"""The XML tag around names kept in German (the engine's ``ignore_tags``)."""

_TOKEN = re.compile(r"\[X(\d+)X\]")
_XML_TAG = re.compile(r"<(/?)([a-z]+\d*)\s*(/?)>")
_EMPTY_PAIR = re.compile(r"<([a-z]+\d+)></\1>")
_ENTITIES = {"&quot;": '"', "&apos;": "'"}


class Unusable(ValueError):
    """The engine's reply cannot be turned back into a translation (the reason)."""


@dataclass(frozen=True)
class Prepared:
    """One msgid as it is sent to an engine."""

    text: str
    """Exactly what is sent (and counted, and cached)."""
    tags: bool
    """XML tag handling (True) or opaque tokens (False)."""
    tokens: tuple[str, ...] = ()
    """Plain-text mode: what ``[X1X]``, ``[X2X]`` … stand for, in order."""
    kept: tuple[str, ...] = ()
    """The names kept in German, in order."""


def prepare(msgid: str, kept: list[tuple[int, int]], *, tags: bool) -> Prepared:
    """``msgid`` made ready to send; ``kept`` are the spans of names kept in German.

    Spans that overlap a pseudo-tag are ignored (a name is protected only where it is
    plain text).
    """
    pieces = _pieces(msgid, kept)
    names = tuple(text for kind, text in pieces if kind == "keep")
    if tags:
        sent = "".join(_as_xml(kind, text) for kind, text in pieces)
        return Prepared(sent, True, kept=names)
    tokens: list[str] = []
    out: list[str] = []
    for kind, text in pieces:
        if kind == "text":
            out.append(text)
        else:
            tokens.append(text)
            out.append(f"[X{len(tokens)}X]")
    return Prepared("".join(out), False, tuple(tokens), names)


def restore(prepared: Prepared, reply: str) -> str:
    """The msgstr for the engine's ``reply`` to ``prepared``; :class:`Unusable` if it is not one."""
    text = _from_xml(prepared, reply) if prepared.tags else _from_tokens(prepared, reply)
    if prepared.tags:
        _check_kept(prepared, text)
    return text


def _pieces(msgid: str, kept: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """The msgid as ("text" | "tag" | "keep", text) pieces, in order."""
    tags = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(msgid)]
    spans = [("tag", start, end) for start, end in tags]
    for start, end in kept:
        if not any(start < tag_end and tag_start < end for tag_start, tag_end in tags):
            spans.append(("keep", start, end))
    pieces: list[tuple[str, str]] = []
    position = 0
    for kind, start, end in sorted(spans, key=lambda span: span[1]):
        if start < position:  # overlapping kept names: the first wins
            continue
        if start > position:
            pieces.append(("text", msgid[position:start]))
        pieces.append((kind, msgid[start:end]))
        position = end
    if position < len(msgid):
        pieces.append(("text", msgid[position:]))
    return pieces


def _as_xml(kind: str, text: str) -> str:
    if kind == "tag":
        return text
    if kind == "keep":
        return f"<{KEEP_TAG}>{escape(text)}</{KEEP_TAG}>"
    return escape(text)


def _from_xml(prepared: Prepared, reply: str) -> str:
    sent = Counter(m.group(0) for m in _XML_TAG.finditer(prepared.text))
    got: Counter[str] = Counter()
    out: list[str] = []
    position = 0
    # XML allows <x1></x1> and <x1 /> for <x1/>: take them as the same tag
    reply = _EMPTY_PAIR.sub(
        lambda m: f"<{m.group(1)}/>" if f"<{m.group(1)}/>" in sent else m.group(0), reply
    )
    for match in _XML_TAG.finditer(reply):
        out.append(_unescaped(reply[position : match.start()]))
        position = match.end()
        tag = f"<{match.group(1)}{match.group(2)}{match.group(3)}>"
        if tag not in sent:
            raise Unusable(f"the engine added the tag {tag}")
        got[tag] += 1
        if match.group(2) != KEEP_TAG:
            out.append(tag)
    out.append(_unescaped(reply[position:]))
    if got != sent:
        lost = sorted((sent - got) + (got - sent))
        raise Unusable(f"the engine's reply lost or repeated {', '.join(lost)}")
    return "".join(out)


def _unescaped(text: str) -> str:
    if "<" in text or ">" in text:
        raise Unusable("the engine's reply is not well-formed XML")
    return unescape(text, _ENTITIES)


def _from_tokens(prepared: Prepared, reply: str) -> str:
    found = [int(number) for number in _TOKEN.findall(reply)]
    expected = list(range(1, len(prepared.tokens) + 1))
    if sorted(found) != expected:
        missing = [f"[X{n}X]" for n in expected if n not in found]
        extra = [f"[X{n}X]" for n in found if n not in expected or found.count(n) > 1]
        what = "lost " + ", ".join(missing) if missing else "added " + ", ".join(sorted(set(extra)))
        raise Unusable(f"the engine {what} (protected placeholders)")
    return _TOKEN.sub(lambda m: prepared.tokens[int(m.group(1)) - 1], reply)


def _check_kept(prepared: Prepared, text: str) -> None:
    for name in prepared.kept:
        if name not in text:
            raise Unusable(f"the engine changed {name!r}, which stays German")
