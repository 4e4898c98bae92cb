"""XLIFF 1.2 for agencies (memoQ, Trados, Phrase), valid against the OASIS strict schema.

* one ``<file original="page-key">`` per page, one ``<trans-unit>`` per string, its
  ``id`` stable across exports (:func:`~.units.unit_id`);
* pseudo-tags become inline codes the tools show and protect: ``<a1>…</a1>`` →
  ``<g id="a1" ctype="link">…</g>`` (``bold``, ``italic``, ``x-span`` for the others),
  ``<br1/>`` → ``<x id="br1" ctype="lb"/>``, ``<x1/>`` → ``<x id="x1" ctype="x-kept"
  equiv-text="…"/>``; a translation whose tags do not nest uses ``<bx/>``/``<ex/>``;
* the catalog's notes become ``<note>``s (glossary hints ``from="glossary"``), and
  translation-memory matches ``<alt-trans origin="translation-memory">``;
* a proposal is a ``<target state="needs-review-translation">``.

Reading takes no DTD and expands no entity (:func:`kisync.xmlsafe`-style parser).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from lxml import etree

from ..errors import KisyncError
from ..languages import Language
from ..model import PLACEHOLDER
from .units import Manifest, Returned, Unit

NS = "urn:oasis:names:tc:xliff:document:1.2"
_X = f"{{{NS}}}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CTYPES = {"a": "link", "b": "bold", "i": "italic"}
_KEPT_NOTE = re.compile(r'^<(x\d+)/> = kept unchanged: "(.*)"$', re.M)
DONE_STATES = frozenset({"translated", "final", "signed-off"})


# -- writing ------------------------------------------------------------------------------


def write_xliff(
    manifest: Manifest,
    language: Language,
    memory_matches: dict[str, Sequence[tuple[str, str, float]]] | None = None,
) -> bytes:
    """The XLIFF document of ``manifest``; ``memory_matches``: unit id → (German,
    translation, similarity) of similar translated texts."""
    root = etree.Element(f"{_X}xliff", nsmap={None: NS}, version="1.2")
    pages: dict[str, list[Unit]] = {}
    for unit in manifest.units:
        for page in unit.pages:
            pages.setdefault(page, []).append(unit)
    for page, units in pages.items():
        file = etree.SubElement(
            root,
            f"{_X}file",
            original=page,
            datatype="html",
            attrib={"source-language": "de", "target-language": language.bcp47},
        )
        header = etree.SubElement(file, f"{_X}header")
        etree.SubElement(header, f"{_X}tool", attrib={"tool-id": "kisync", "tool-name": "kisync"})
        note = etree.SubElement(header, f"{_X}note", attrib={"from": "kisync"})
        note.text = f"export {manifest.export_id}"
        body = etree.SubElement(file, f"{_X}body")
        for unit in units:
            body.append(_trans_unit(unit, language, (memory_matches or {}).get(unit.id, ())))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _trans_unit(unit: Unit, language: Language, matches) -> etree._Element:
    element = etree.Element(f"{_X}trans-unit", id=unit.id)
    if unit.msgctxt:
        element.set("resname", unit.msgctxt)
    kept = dict(_KEPT_NOTE.findall(unit.notes))
    source = etree.SubElement(element, f"{_X}source")
    _fill(source, unit.msgid, kept)
    if unit.proposal:
        target = etree.SubElement(element, f"{_X}target")
        target.set("state", "needs-review-translation" if unit.fuzzy else "translated")
        _fill(target, unit.proposal, kept)
    for line in unit.notes.splitlines():
        glossary = line.startswith("glossary:")
        note = etree.SubElement(
            element, f"{_X}note", attrib={"from": "glossary" if glossary else "kisync"}
        )
        note.text = line.removeprefix("glossary:").strip() if glossary else line
    for german, translation, similarity in matches:
        alt = etree.SubElement(
            element,
            f"{_X}alt-trans",
            attrib={"match-quality": f"{similarity:.0f}", "origin": "translation-memory"},
        )
        _fill(etree.SubElement(alt, f"{_X}source"), german, kept)
        alt_target = etree.SubElement(alt, f"{_X}target", attrib={_XML_LANG: language.bcp47})
        _fill(alt_target, translation, kept)
    return element


def _fill(parent: etree._Element, text: str, kept: dict[str, str]) -> None:
    """Put ``text`` (with pseudo-tags) into ``parent`` as XLIFF inline content."""
    nested = _nests(text)
    stack = [parent]
    last: etree._Element | None = None
    position = 0

    def add_text(piece: str) -> None:
        nonlocal last
        if not piece:
            return
        holder = stack[-1]
        if last is not None and last.getparent() is holder:
            last.tail = (last.tail or "") + piece
        else:
            holder.text = (holder.text or "") + piece

    for match in PLACEHOLDER.finditer(text):
        add_text(text[position : match.start()])
        position = match.end()
        closing, kind, number, atomic = match.groups()
        name = f"{kind}{number}"
        if atomic:
            last = etree.SubElement(
                stack[-1], f"{_X}x", id=name, ctype="lb" if kind == "br" else "x-kept"
            )
            if name in kept:
                last.set("equiv-text", kept[name])
        elif nested and not closing:
            element = etree.SubElement(
                stack[-1], f"{_X}g", id=name, ctype=_CTYPES.get(kind, f"x-{kind}")
            )
            stack.append(element)
            last = None
        elif nested:
            last = stack.pop()
        else:
            tag = "ex" if closing else "bx"
            last = etree.SubElement(stack[-1], f"{_X}{tag}", id=f"{name}-{tag}", rid=name)
            if not closing:
                last.set("ctype", _CTYPES.get(kind, f"x-{kind}"))
    add_text(text[position:])


def _nests(text: str) -> bool:
    stack: list[str] = []
    for match in PLACEHOLDER.finditer(text):
        closing, kind, number, atomic = match.groups()
        if atomic:
            continue
        if not closing:
            stack.append(kind + number)
        elif not stack or stack.pop() != kind + number:
            return False
    return not stack


# -- reading ------------------------------------------------------------------------------


def read_xliff(data: bytes, name: str) -> tuple[str, list[Returned]]:
    """(export id, returned translations) of an XLIFF 1.2 file kisync exported."""
    root = _parse(data, name)
    if root.tag != f"{_X}xliff":
        raise KisyncError(f"{name}: not an XLIFF 1.2 file (root element {root.tag})")
    export_id = ""
    returned: list[Returned] = []
    for file in root.iter(f"{_X}file"):
        page = file.get("original", "")
        for note in file.iterfind(f"{_X}header/{_X}note"):
            if note.get("from") == "kisync" and (note.text or "").startswith("export "):
                export_id = note.text.removeprefix("export ").strip()
        for unit in file.iter(f"{_X}trans-unit"):
            returned.extend(_returned(unit, page, name))
    return export_id, returned


def _returned(unit: etree._Element, page: str, name: str) -> Iterator[Returned]:
    target = unit.find(f"{_X}target")
    source = unit.find(f"{_X}source")
    if target is None or source is None:
        return
    translation = _text(target, name)
    if not translation:
        return
    state = target.get("state", "")
    fuzzy = unit.get("approved") != "yes" and state not in DONE_STATES
    yield Returned(
        unit.get("resname"), _text(source, name), translation, fuzzy, target.sourceline or 0, page
    )


def _text(element: etree._Element, name: str) -> str:
    """Inline content back to pseudo-tags."""
    parts = [element.text or ""]
    for child in element:
        tag = etree.QName(child).localname
        ident = child.get("rid") if tag in ("bx", "ex") else child.get("id", "")
        if not re.fullmatch(r"[a-z]+\d+", ident or ""):
            raise KisyncError(
                f"{name}:{child.sourceline}: inline code <{tag} id={ident!r}> is not one kisync "
                "exported; keep the codes the file came with"
            )
        if tag == "g":
            parts.append(f"<{ident}>{_text(child, name)}</{ident}>")
        elif tag == "x":
            parts.append(f"<{ident}/>")
        elif tag == "bx":
            parts.append(f"<{ident}>")
        elif tag == "ex":
            parts.append(f"</{ident}>")
        elif tag == "mrk":
            parts.append(_text(child, name))
        else:
            raise KisyncError(f"{name}:{child.sourceline}: unexpected <{tag}> in a translation")
        parts.append(child.tail or "")
    return "".join(parts)


def _parse(data: bytes, name: str) -> etree._Element:
    if b"<!DOCTYPE" in data[:2048] or b"<!ENTITY" in data:
        raise KisyncError(
            f"{name}: XLIFF files with a DOCTYPE or entities are refused (unsafe XML)"
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line = error.position[0] if error.position else 0
        raise KisyncError(f"{name}:{line}: not well-formed XML ({error.msg})") from None
