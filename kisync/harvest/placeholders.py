"""Give a translated block's pseudo-tags the names of its German string's pseudo-tags.

Both pages are segmented alike, but each numbers its own tags: the English
``<a1>BAMF website</a1> and <a2>courses</a2>`` may be the German ``<a2>…</a2> … <a1>…</a1>``.
Tags are matched by what they are:

- links (``<a1>``) by where they point (language prefix removed, so ``/en/kontakt/`` is
  ``/kontakt/``); a single link on each side that points elsewhere (a translated slug)
  is matched too;
- kept content (``<x1/>``) by what it keeps, other inline elements (``<span1>``, e.g.
  ``<abbr>BAMF</abbr>``) by their element and text;
- bold, italic, line breaks (``<b1>``, ``<i1>``, ``<br1/>``) in order.

A tag the German string does not have is dropped (its text stays); a ``<span>``/``<x/>``
of the German string that the translator left out is put back around the same text when
it occurs exactly once. Anything else that does not fit returns ``None``: the pair is
not harvested. The result passes ``kisync lint``'s ``placeholders`` check.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import polib

from ..model import PLACEHOLDER, Placeholder
from ..translate.checks import Subject
from ..translate.standard_checks import placeholders as placeholder_check
from .blocks import Block

_TAG_NAME = re.compile(r"<\s*([a-zA-Z][\w:-]*)")
_ORDERED = ("b", "i", "br")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def map_placeholders(german: Block, translated: Block) -> str | None:
    """The translated text with the German string's tag names, or None if unsafe."""
    g_items = _items(german)
    t_items = _items(translated)
    mapping: dict[str, str | None] = {}  # translated name → German name (None: drop)
    wraps: list[tuple[Placeholder, str]] = []
    for kind in sorted({p.name.rstrip("0123456789") for p, _, _ in g_items + t_items}):
        gs = [item for item in g_items if _kind(item[0]) == kind]
        ts = [item for item in t_items if _kind(item[0]) == kind]
        if not gs:
            mapping.update({p.name: None for p, _, _ in ts})
            continue
        matched = _match(kind, gs, ts)
        if matched is None:
            return None
        pairs, missing = matched
        mapping.update(pairs)
        wraps.extend(missing)
    text = _rename(translated.text, mapping)
    for placeholder, inner in wraps:
        text = _wrap(text, placeholder, inner)
        if text is None:
            return None
    text = _HTML_SPACE.sub(" ", text).strip(" ")  # a no-break space stays what it is
    return text if _valid(german.text, text) else None


def _items(block: Block) -> list[tuple[Placeholder, str | None, str]]:
    """(placeholder, link key, inner text) for each tag of a block."""
    tags = zip(block.segment.placeholders, block.links, strict=True)
    return [(p, link, _inner(block.text, p)) for p, link in tags]


def _kind(placeholder: Placeholder) -> str:
    return placeholder.name.rstrip("0123456789")


def _inner(text: str, placeholder: Placeholder) -> str:
    if placeholder.atomic:
        return placeholder.note
    match = re.search(f"<{placeholder.name}>(.*?)</{placeholder.name}>", text, re.S)
    return PLACEHOLDER.sub("", match.group(1)).strip() if match else ""


def _element(placeholder: Placeholder) -> str:
    match = _TAG_NAME.match(placeholder.open)
    return match.group(1).lower() if match else ""


def _match(
    kind: str,
    gs: Sequence[tuple[Placeholder, str | None, str]],
    ts: Sequence[tuple[Placeholder, str | None, str]],
) -> tuple[dict[str, str | None], list[tuple[Placeholder, str]]] | None:
    """Translated name → German name for one kind of tag, plus German tags to put back."""
    if kind in _ORDERED:
        if len(gs) != len(ts):
            return None
        return {t[0].name: g[0].name for g, t in zip(gs, ts, strict=True)}, []
    if kind == "a":
        key = lambda item: item[1]  # noqa: E731
    elif kind == "x":
        key = lambda item: item[2]  # noqa: E731
    else:
        key = lambda item: (_element(item[0]), item[2])  # noqa: E731
    pairs: dict[str, str | None] = {}
    free_t = list(ts)
    left_g = []
    for g in gs:
        same = [t for t in free_t if key(t) == key(g) and key(g) not in (None, "")]
        if len(same) >= 1 and sum(1 for other in gs if key(other) == key(g)) == len(same):
            pairs[same[0][0].name] = g[0].name
            free_t.remove(same[0])
        else:
            left_g.append(g)
    alike = len(left_g) == 1 and len(free_t) == 1
    if alike and (kind == "a" or _element(left_g[0][0]) == _element(free_t[0][0])):
        pairs[free_t[0][0].name] = left_g[0][0].name
        return pairs, []
    if free_t:
        return None
    missing = []
    for g in left_g:
        if kind not in ("span", "x") or not g[2] or (g[0].atomic and kind != "x"):
            return None
        missing.append((g[0], g[2]))
    return pairs, missing


def _rename(text: str, mapping: dict[str, str | None]) -> str:
    def replace(match: re.Match[str]) -> str:
        slash, kind, number, atomic = match.groups()
        name = f"{kind}{number}"
        if name not in mapping:
            return match.group()
        new = mapping[name]
        if new is None:
            return " " if kind == "br" else ""
        return f"<{slash}{new}{atomic}>"

    return PLACEHOLDER.sub(replace, text)


def _wrap(text: str, placeholder: Placeholder, inner: str) -> str | None:
    """Put a German tag the translation left out back around the same text."""
    if placeholder.atomic:
        inner = inner.removeprefix('kept unchanged: "').removesuffix('"')
    if not inner or text.count(inner) != 1:
        return None
    replacement = (
        f"<{placeholder.name}/>"
        if placeholder.atomic
        else f"<{placeholder.name}>{inner}</{placeholder.name}>"
    )
    return text.replace(inner, replacement)


def _valid(source: str, translation: str) -> bool:
    """What ``kisync lint`` checks: every tag once, none added, properly nested."""
    subject = Subject(polib.POEntry(msgid=source), source, translation, None, None, 0)  # type: ignore[arg-type]
    return not any(placeholder_check(subject))
