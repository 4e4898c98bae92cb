"""The translation memory as TMX 1.4b, for agencies' CAT tools.

Every finished translation (not fuzzy) of a language, each German text once with its
most frequent translation (:class:`~kisync.translate.memory.TranslationMemory`).
Pseudo-tags become TMX inline codes: paired ``<bpt i="1">&lt;a1&gt;</bpt>`` …
``<ept i="1">&lt;/a1&gt;</ept>``, atomic ``<ph>&lt;x1/&gt;</ph>``, so tools keep them
as codes and match them to XLIFF's.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from lxml import etree

from ..languages import Language
from ..model import PLACEHOLDER

DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'


def write_tmx(pairs: Iterable[tuple[str, str]], language: Language, tool_version: str) -> bytes:
    """TMX of (German, translation) pairs."""
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        creationtool="kisync",
        creationtoolversion=tool_version,
        segtype="sentence",
        attrib={"o-tmf": "kisync-po", "adminlang": "en", "srclang": "de", "datatype": "plaintext"},
        creationdate=datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ"),
    )
    body = etree.SubElement(root, "body")
    for german, translation in pairs:
        unit = etree.SubElement(body, "tu")
        for lang, text in (("de", german), (language.bcp47, translation)):
            variant = etree.SubElement(
                unit, "tuv", attrib={"{http://www.w3.org/XML/1998/namespace}lang": lang}
            )
            _segment(etree.SubElement(variant, "seg"), text)
    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype=DOCTYPE
    )


def _segment(seg: etree._Element, text: str) -> None:
    numbers: dict[str, int] = {}
    last = None
    position = 0

    def add(piece: str) -> None:
        if last is None:
            seg.text = (seg.text or "") + piece
        else:
            last.tail = (last.tail or "") + piece

    for match in PLACEHOLDER.finditer(text):
        add(text[position : match.start()])
        position = match.end()
        closing, kind, number, atomic = match.groups()
        name = kind + number
        if atomic:
            last = etree.SubElement(seg, "ph", type="lb" if kind == "br" else "x-kept")
        elif closing:
            last = etree.SubElement(seg, "ept", i=str(numbers.setdefault(name, len(numbers) + 1)))
        else:
            last = etree.SubElement(seg, "bpt", i=str(numbers.setdefault(name, len(numbers) + 1)))
            last.set("type", {"a": "link", "b": "bold", "i": "italic"}.get(kind, f"x-{kind}"))
        last.text = match.group(0)
    add(text[position:])
