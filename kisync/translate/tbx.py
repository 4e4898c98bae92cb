"""TBX (TermBase eXchange) glossary files: read v3 and v2, write v3, v2 and a Weblate flavour.

* **TBX v3** (ISO 30042:2019): root ``<tbx>`` in namespace ``urn:iso:std:iso:30042:ed-2``
  (or the 2018 draft spelling ``…:ed:3.0``), ``conceptEntry > langSec > termSec``.
  Written as the TBX-Basic dialect, DCA style (data categories as ``type`` attributes);
  DCT-style elements (``<min:partOfSpeech>``) are read as well.
* **TBX v2** (ISO 30042:2008, "martif"): ``termEntry > langSet > tig|ntig``; what
  Translate Toolkit and Weblate read.
* **Weblate flavour**: TBX v2 with one German→target pair per entry, the markers
  Weblate understands (``Translation needed: no`` → read-only, ``forbidden`` status).

"Keep in German" has no slot in TBX-Basic. kisync writes it as
``<admin type="projectSubset">doNotTranslate</admin>`` on the German term and copies the
German term into every target language, so tools that ignore the marker still show
"Jobcenter → Jobcenter". On input it also accepts Weblate's markers. "Match as a whole
word only" (never inside a compound, :attr:`.glossary.Term.whole_word`) is written the
same way: ``<admin type="projectSubset">wholeWord</admin>``.

XML is parsed without entity expansion, DTD loading or network access; a file that
declares entities is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from ..errors import GlossaryError
from ..languages import normalize_code
from .glossary import (
    GENDERS,
    PARTS_OF_SPEECH,
    TERM_TYPES,
    Concept,
    Glossary,
    Status,
    Term,
    check_id,
)

TBX_NS = "urn:iso:std:iso:30042:ed-2"
TBX_NS_DRAFT = "urn:iso:std:iso:30042:ed:3.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DNT_MARK = "doNotTranslate"
WHOLE_WORD_MARK = "wholeWord"
WEBLATE_DNT = "Translation needed"

_STATUS_TBX = {status: f"{status.value}Term-admn-sts" for status in Status}
_DNT_VALUES = {"donottranslate", "dnt", "keepingerman", "notranslate"}
_WHOLE_WORD_VALUES = {"wholeword", "wholewordonly", "nocompound", "nocompounds"}
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_INTERNAL_SUBSET = re.compile(rb"<!DOCTYPE[^\[>]*\[(.*?)\]\s*>", re.S)


# -- reading -------------------------------------------------------------------------


def read_tbx(path: Path) -> Glossary:
    """Read a TBX v3 or v2 file; :class:`GlossaryError` names file, line and problem."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise GlossaryError(f"{path}: cannot read the glossary ({error.strerror})") from None
    return parse_tbx(data, str(path))


def parse_tbx(data: bytes, name: str = "<tbx>") -> Glossary:
    root = parse_xml(data, name)
    tag = etree.QName(root).localname
    namespace = etree.QName(root).namespace
    if tag == "tbx" and namespace in (TBX_NS, TBX_NS_DRAFT, None):
        reader = _Reader(name, namespace, v3=True)
    elif tag == "martif" and namespace is None:
        reader = _Reader(name, None, v3=False)
    else:
        raise GlossaryError(
            f"{name}:{root.sourceline}: <{root.tag}> is not a TBX root element; "
            "expected <tbx> (TBX v3) or <martif> (TBX v2)"
        )
    return reader.glossary(root)


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Parse untrusted XML: no entities, no DTD loading, no network, no huge trees."""
    subset = _INTERNAL_SUBSET.search(data)
    if subset and _ENTITY_DECL.search(subset.group(1)):
        _refuse_entities(data, name)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno or 1
        message = str(error.msg or error).split(f", line {line}")[0]
        raise GlossaryError(f"{name}:{line}: not well-formed XML: {message}") from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        _refuse_entities(data, name)
    return root


def _refuse_entities(data: bytes, name: str) -> None:
    match = _ENTITY_DECL.search(data)
    line = data.count(b"\n", 0, match.start()) + 1 if match else 1
    raise GlossaryError(
        f"{name}:{line}: the file declares XML entities (<!ENTITY …>); kisync refuses "
        "them for safety (they can read local files or explode in size): remove them"
    )


class _Reader:
    """Walks one TBX tree; v2 and v3 differ only in element names."""

    def __init__(self, name: str, namespace: str | None, v3: bool) -> None:
        self.name = name
        self.ns = f"{{{namespace}}}" if namespace else ""
        self.v3 = v3
        self.entry = "conceptEntry" if v3 else "termEntry"
        self.lang_sec = "langSec" if v3 else "langSet"
        self.term_secs = ("termSec",) if v3 else ("tig", "ntig")

    def glossary(self, root: etree._Element) -> Glossary:
        source = normalize_code(root.get(XML_LANG) or "de")
        title = self._text(root.find(f".//{self.ns}titleStmt/{self.ns}title"))
        entries = root.findall(f"{self.ns}text/{self.ns}body/{self.ns}{self.entry}")
        if not entries and root.find(f".//{self.ns}{self.entry}") is None:
            raise GlossaryError(f"{self.name}: no <{self.entry}> found; is this a glossary?")
        concepts = [self._concept(entry, source, index) for index, entry in enumerate(entries, 1)]
        try:
            return Glossary(tuple(concepts), source, title, sources=(self.name,))
        except GlossaryError as error:
            raise GlossaryError(f"{self.name}: {error}") from None

    def _concept(self, entry: etree._Element, source: str, index: int) -> Concept:
        concept_id = entry.get("id") or f"c{index}"
        try:
            check_id(concept_id)
        except ValueError as error:
            self._fail(entry, str(error))
        fields = self._aux(entry)
        terms: dict[str, tuple[Term, ...]] = {}
        definitions = {}
        if fields.get("definition"):
            definitions[source] = fields["definition"]
        concept_dnt = fields.get("dnt", False)
        for lang_sec in entry.iter(f"{self.ns}{self.lang_sec}"):
            language = normalize_code(lang_sec.get(XML_LANG) or "")
            if not language:
                self._fail(lang_sec, f"<{self.lang_sec}> without xml:lang")
            sec_fields = self._aux(lang_sec)
            if sec_fields.get("definition"):
                definitions[language] = sec_fields["definition"]
            dnt = concept_dnt or sec_fields.get("dnt", False)
            found = [
                self._term(element, dnt and language == source, sec_fields.get("source", ""))
                for element in lang_sec
                if self._local(element) in self.term_secs
            ]
            if not found:
                self._fail(lang_sec, f"<{self.lang_sec} xml:lang={language!r}> has no term")
            terms[language] = terms.get(language, ()) + tuple(found)
        if not terms:
            self._fail(entry, f"concept {concept_id!r} has no <{self.lang_sec}>")
        return Concept(
            id=concept_id,
            terms=terms,
            definitions=definitions,
            subject=fields.get("subjectField", ""),
            note=fields.get("note", ""),
        )

    def _term(self, element: etree._Element, dnt: bool, source: str) -> Term:
        """One term; ``source`` is its language section's, unless it names its own."""
        holder = element.find(f"{self.ns}termGrp") if self._local(element) == "ntig" else element
        term_element = holder.find(f"{self.ns}term") if holder is not None else None
        text = _clean(self._text(term_element))
        if not text:
            self._fail(element, "empty <term>")
        fields = self._aux(element)
        notes = {**fields, **self._term_notes(holder if holder is not None else element)}
        return Term(
            text=text,
            status=notes.get("status", Status.PREFERRED),
            part_of_speech=notes.get("partOfSpeech", ""),
            gender=notes.get("grammaticalGender", ""),
            term_type=notes.get("termType", ""),
            dnt=dnt or notes.get("dnt", False),
            whole_word=notes.get("whole_word", False),
            note=notes.get("note", ""),
            context=notes.get("context", ""),
            usage=notes.get("geographicalUsage", ""),
            source=fields.get("source", source),
        )

    def _term_notes(self, holder: etree._Element) -> dict:
        notes: dict = {}
        for element in holder:
            kind = self._category(element, "termNote")
            if kind is None:
                continue
            value = _clean(self._text(element))
            if kind == "administrativeStatus":
                try:
                    notes["status"] = Status.parse(value)
                except ValueError as error:
                    self._fail(element, str(error))
            elif kind == "translationNote":
                if value.lower() == "no":
                    notes["dnt"] = True
            elif kind in _PICKLISTS:
                notes[kind] = self._picked(element, kind, value)
            elif kind == "geographicalUsage":
                notes[kind] = value
        return notes

    def _picked(self, element: etree._Element, kind: str, value: str) -> str:
        allowed = _PICKLISTS[kind]
        folded = {choice.lower(): choice for choice in allowed}
        if value.lower() == "propernoun" and kind == "partOfSpeech":
            return "noun"
        if value.lower() not in folded:
            choices = ", ".join(allowed)
            self._fail(element, f"{kind} {value!r} is not allowed; use one of: {choices}")
        return folded[value.lower()]

    def _aux(self, parent: etree._Element) -> dict:
        """descrip/admin/note children (also inside descripGrp/adminGrp)."""
        fields: dict = {}
        notes = []
        for element in parent:
            local = self._local(element)
            if local in ("descripGrp", "adminGrp"):
                first = element.find(f"{self.ns}{local[:-3]}")
                children = [first] if first is not None else []
            else:
                children = [element]
            for child in children:
                self._aux_field(child, fields, notes)
        if notes:
            fields["note"] = "\n".join(notes)
        return fields

    def _aux_field(self, element: etree._Element, fields: dict, notes: list[str]) -> None:
        local = self._local(element)
        value = _clean(self._text(element))
        if local == "note":
            if value:
                notes.append(value)
            return
        kind = self._category(element, "descrip") or self._category(element, "admin")
        if kind in ("definition", "subjectField", "context", "source"):
            fields.setdefault(kind, value)
        elif kind == WEBLATE_DNT:
            fields["dnt"] = value.lower() == "no"
        elif kind in ("projectSubset", "customerSubset") and _folded(value) in _DNT_VALUES:
            fields["dnt"] = True
        elif kind == "projectSubset" and _folded(value) in _WHOLE_WORD_VALUES:
            fields["whole_word"] = True

    def _category(self, element: etree._Element, kind: str) -> str | None:
        """The data category of a DCA element (``type``) or DCT element (its name)."""
        if not isinstance(element.tag, str):
            return None
        qname = etree.QName(element)
        if qname.localname == kind and f"{{{qname.namespace}}}" == (self.ns or "{None}"):
            return element.get("type")
        if self.v3 and qname.namespace in _DCT_NAMESPACES:
            return qname.localname if _DCT_KIND.get(qname.localname) == kind else None
        return None

    def _local(self, element: etree._Element) -> str:
        return etree.QName(element).localname if isinstance(element.tag, str) else ""

    @staticmethod
    def _text(element: etree._Element | None) -> str:
        return "".join(element.itertext()) if element is not None else ""

    def _fail(self, element: etree._Element, problem: str) -> None:
        raise GlossaryError(f"{self.name}:{element.sourceline}: {problem}")


_PICKLISTS = {
    "partOfSpeech": PARTS_OF_SPEECH,
    "grammaticalGender": GENDERS,
    "termType": TERM_TYPES,
}
_DCT_NAMESPACES = ("http://www.tbxinfo.net/ns/min", "http://www.tbxinfo.net/ns/basic")
_DCT_KIND = {
    "administrativeStatus": "termNote",
    "partOfSpeech": "termNote",
    "grammaticalGender": "termNote",
    "termType": "termNote",
    "geographicalUsage": "termNote",
    "termLocation": "termNote",
    "definition": "descrip",
    "subjectField": "descrip",
    "context": "descrip",
    "projectSubset": "admin",
    "customerSubset": "admin",
    "source": "admin",
}


def _clean(text: str) -> str:
    return " ".join(text.split())


def _folded(text: str) -> str:
    return re.sub(r"[\s_-]", "", text).lower()


# -- writing -------------------------------------------------------------------------


def write_tbx(glossary: Glossary) -> bytes:
    """TBX v3, TBX-Basic dialect, DCA style (valid against TBXcoreStructV03.rng)."""
    return _Writer(v3=True).document(glossary)


def write_tbx2(glossary: Glossary) -> bytes:
    """TBX v2 (martif, TBX-Basic), for Translate Toolkit and older tools."""
    return _Writer(v3=False).document(glossary)


def write_weblate(glossary: Glossary, language: str) -> bytes:
    """A Weblate glossary file for one target language (Weblate reads TBX v2 only).

    One entry per German term and its approved translation; "keep in German" terms carry
    ``Translation needed: no`` (Weblate: read-only), and deprecated translations are
    separate entries with status ``forbidden`` (Weblate: forbidden translation).
    """
    return _Writer(v3=False).weblate(glossary, language)


class _Writer:
    def __init__(self, v3: bool) -> None:
        self.v3 = v3
        self.ns = f"{{{TBX_NS}}}" if v3 else ""

    def el(self, parent: etree._Element | None, tag: str, text: str = "", **attrs: str):
        name = f"{self.ns}{tag}"
        element = etree.Element(name) if parent is None else etree.SubElement(parent, name)
        for key, value in attrs.items():
            element.set(XML_LANG if key == "lang" else key, value)
        if text:
            element.text = text
        return element

    def document(self, glossary: Glossary) -> bytes:
        body = self._skeleton(glossary)
        for concept in glossary:
            self._concept(body, concept, glossary.source_language)
        return self._serialize(body)

    def weblate(self, glossary: Glossary, language: str) -> bytes:
        body = self._skeleton(glossary)
        source = glossary.source_language
        for concept in glossary:
            for number, (german, target, forbidden) in enumerate(
                _weblate_pairs(concept, source, language), 1
            ):
                entry = self.el(body, "termEntry", id=f"{concept.id}-{number}")
                src = self.el(entry, "langSet", lang=_bcp47(source))
                if concept.definitions.get(source):
                    self.el(src, "descrip", concept.definitions[source], type="definition")
                tig = self.el(src, "tig")
                self.el(tig, "term", german.text)
                if german.dnt:
                    self.el(tig, "termNote", "no", type="translationNote")
                    self.el(tig, "descrip", "no", type=WEBLATE_DNT)
                explanation = _weblate_note(concept, german, source, language)
                if explanation:
                    self.el(tig, "note", explanation)
                tgt = self.el(entry, "langSet", lang=_bcp47(language))
                tig = self.el(tgt, "tig")
                self.el(tig, "term", target.text)
                if forbidden:
                    self.el(tig, "termNote", "forbidden", type="administrativeStatus")
                if target.note:
                    self.el(tig, "note", target.note, **{"from": "translator"})
        return self._serialize(body)

    def _skeleton(self, glossary: Glossary) -> etree._Element:
        if self.v3:
            root = etree.Element(f"{self.ns}tbx", nsmap={None: TBX_NS})
            attrs = {"type": "TBX-Basic", "style": "dca"}
        else:
            root = etree.Element("martif")
            attrs = {"type": "TBX-Basic-V1"}
        for key, value in {**attrs, XML_LANG: _bcp47(glossary.source_language)}.items():
            root.set(key, value)
        header = self.el(root, "tbxHeader" if self.v3 else "martifHeader")
        file_desc = self.el(header, "fileDesc")
        title_stmt = self.el(file_desc, "titleStmt")
        self.el(title_stmt, "title", glossary.title or "Glossar")
        source_desc = self.el(file_desc, "sourceDesc")
        self.el(source_desc, "p", "Written by kisync.")
        if not self.v3:
            encoding = self.el(header, "encodingDesc")
            self.el(encoding, "p", "TBXBasicXCSV02.xcs", type="XCSURI")
        text = self.el(root, "text")
        return self.el(text, "body")

    def _concept(self, body: etree._Element, concept: Concept, source: str) -> None:
        entry = self.el(body, "conceptEntry" if self.v3 else "termEntry", id=concept.id)
        if concept.subject:
            self.el(entry, "descrip", concept.subject, type="subjectField")
        if concept.note:
            self.el(entry, "note", concept.note)
        languages = [source, *(lang for lang in concept.terms if lang != source)]
        for language in languages:
            terms = concept.terms_in(language)
            if not terms:
                continue
            lang_sec = self.el(entry, "langSec" if self.v3 else "langSet", lang=_bcp47(language))
            if concept.definitions.get(language):
                self.el(lang_sec, "descrip", concept.definitions[language], type="definition")
            for term in terms:
                self._term(lang_sec, term)

    def _term(self, lang_sec: etree._Element, term: Term) -> None:
        sec = self.el(lang_sec, "termSec" if self.v3 else "tig")
        self.el(sec, "term", term.text)
        notes = [
            ("administrativeStatus", _STATUS_TBX[term.status]),
            ("partOfSpeech", term.part_of_speech),
            ("grammaticalGender", term.gender),
            ("termType", term.term_type),
            ("geographicalUsage", term.usage),
        ]
        for kind, value in notes:
            if value:
                self.el(sec, "termNote", value, type=kind)
        if term.dnt:
            self.el(sec, "admin", DNT_MARK, type="projectSubset")
        if term.whole_word:
            self.el(sec, "admin", WHOLE_WORD_MARK, type="projectSubset")
        if term.source:
            self.el(sec, "admin", term.source, type="source")
        if term.context:
            self.el(sec, "descrip", term.context, type="context")
        if term.note:
            self.el(sec, "note", term.note)

    def _serialize(self, body: etree._Element) -> bytes:
        tree = body.getroottree()
        etree.indent(tree, space="  ")
        prolog = '<?xml version="1.0" encoding="UTF-8"?>\n'
        if not self.v3:
            prolog += '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
        return prolog.encode() + etree.tostring(tree, encoding="UTF-8") + b"\n"


def _weblate_pairs(
    concept: Concept, source: str, language: str
) -> Iterable[tuple[Term, Term, bool]]:
    """(German term, target term, forbidden?) rows of one concept for one language."""
    preferred = concept.preferred(language)
    for german in concept.terms_in(source):
        if german.dnt:
            yield german, Term(german.text), False
        elif preferred is not None:
            yield german, preferred, False
    main = concept.preferred(source) or concept.terms_in(source)[0]
    for target in concept.forbidden(language):
        yield main, target, True


def _weblate_note(concept: Concept, german: Term, source: str, language: str) -> str:
    parts = []
    if german.dnt:
        parts.append("Keep in German.")
    if not german.status.approved:
        best = concept.preferred(source)
        instead = f" Preferred German term: {best.text}." if best else ""
        parts.append(f"{german.status.value.capitalize()} German wording.{instead}")
    if german.note:
        parts.append(german.note)
    return " ".join(parts)


def _bcp47(code: str) -> str:
    return code.replace("_", "-")
