"""Glossaries as CSV, for people who edit terms in a spreadsheet.

One row holds terms that share a status: the German term and its translations, one
column per language, each followed by a column that says where that translation comes
from. A concept with several terms (a preferred one, an admitted variant, a deprecated
word) has several rows with the same ``id``::

    id,de,en,en source,ar,ar source,status,dnt,pos,note,usage,definition
    c-asyl,Asylsuchende,asylum seekers,BAMF (en),طالبو اللجوء,UNHCR (ar),,,noun,,,Personen …
    c-asyl,Asylbewerber,,,,,admitted,,noun,Rechtssprache (AsylbLG),,
    c-asyl,Asylant,,,,,deprecated,,noun,abwertend,,

Why one ``<language> source`` column per language: a row holds terms of several
languages, and each translation has its own source (the English one from BAMF's pages,
the Arabic one from UNHCR's), so one ``source`` column could not say whose source it is.
Next to its term, a reviewer reads the term and its source together, and sorting or
filtering one language keeps the pair. ``source en``, ``en_source`` and ``source:en``
are read as well. A CSV without source columns (written before they existed) is still
read. Importing takes each cell as it is, so an emptied note, usage or source removes
it; it keeps from the glossary only what the file has no column for, and the pos,
gender, type and context of translations (a row states them for its German term only).

Other columns (any order, names as below; unknown columns are an error):
``id`` (rows without one are new concepts), ``status`` (preferred | admitted |
deprecated | superseded; empty = preferred), ``dnt`` (``yes`` = the German term stays
German), ``whole_word`` (``yes`` = the German term is never found inside a longer word:
*Kreis*, not *Kreislauf*), ``pos``, ``gender``, ``type`` and ``context`` (of the German term),
``definition`` and ``subject`` (of the concept), ``note`` and ``usage`` (where the term
is used, e.g. ``AT`` or ``AF``) of the row's German term, or of all its terms when it has
none, ``concept_note``. A translation with its own note or usage is therefore written in
a row without German term. Excel's ``;`` separator and UTF-8 with BOM are understood.

A spreadsheet runs a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula (``=HYPERLINK(…)``), so :func:`write_csv` puts a ``'`` before such a
cell (OWASP's advice on CSV injection) and reading removes it again: ``-los`` is
written ``'-los`` and read back as ``-los``; a ``-los`` typed without it stays as it is.
"""

from __future__ import annotations

import csv
import io
import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GlossaryError
from ..languages import UnknownLanguage, get_language
from .glossary import (
    GENDERS,
    PARTS_OF_SPEECH,
    STATED_WITH_SOURCE,
    TERM_TYPES,
    Concept,
    Glossary,
    Status,
    Term,
    check_id,
    make_id,
)

CONCEPT_COLUMNS = ("id", "subject", "definition", "concept_note")
ROW_COLUMNS = (
    "status",
    "dnt",
    "whole_word",
    "pos",
    "gender",
    "type",
    "note",
    "usage",
    "context",
)
SOURCE = " source"
"""A language's source column is ``<code> source`` (``en source``)."""
_SOURCE_COLUMN = re.compile(
    r"^(?:source\s*[:_ ]\s*(?P<after>\S+)|(?P<before>\S+?)\s*[:_ ]\s*source)$", re.IGNORECASE
)
_DETAIL_COLUMNS = {
    "note": "note",
    "usage": "usage",
    "pos": "part_of_speech",
    "gender": "gender",
    "type": "term_type",
    "context": "context",
}
"""Column → the :class:`Term` field it gives: all of them for a German term, note and
usage for a translation."""
_YES = {"yes", "y", "ja", "j", "x", "1", "true", "dnt"}
_NO = {"", "no", "n", "nein", "0", "false"}
_FORMULA = re.compile(r"'*[=+\-@\t\r]")
"""A cell a spreadsheet would run, after any quotes that escape it."""


def read_csv(path: Path, source_language: str = "de") -> Glossary:
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise GlossaryError(f"{path}: cannot read the glossary ({error.strerror})") from None
    except UnicodeDecodeError as error:
        line = error.object[: error.start].count(b"\n") + 1
        raise GlossaryError(
            f"{path}:{line}: not UTF-8 text; save the spreadsheet as 'CSV UTF-8'"
        ) from None
    return parse_csv(text, str(path), source_language)


def parse_csv(text: str, name: str = "<csv>", source_language: str = "de") -> Glossary:
    text = text.removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise GlossaryError(f"{name}: the file is empty; the first row must name the columns")
        columns = _columns(header, name, source_language)
        builders: dict[str, _Concept] = {}
        taken: set[str] = set()
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            cells = dict(zip(columns, row, strict=False))
            _add_row(cells, columns, source_language, builders, taken, f"{name}:{reader.line_num}")
    except csv.Error as error:
        raise GlossaryError(f"{name}:{reader.line_num}: not valid CSV: {error}") from None
    concepts = tuple(builder.concept(source_language) for builder in builders.values())
    stated = _stated_details(columns, source_language)
    return Glossary(concepts, source_language, sources=(name,), stated_details=stated)


def _columns(header: list[str], name: str, source_language: str) -> list[str]:
    columns = []
    for cell in header:
        column = cell.strip()
        lowered = column.lower()
        if lowered in CONCEPT_COLUMNS or lowered in ROW_COLUMNS:
            columns.append(lowered)
            continue
        source_of = _SOURCE_COLUMN.match(column)
        code = (source_of["after"] or source_of["before"]) if source_of else column
        try:
            language = get_language(code).code
        except UnknownLanguage:
            known = ", ".join((*CONCEPT_COLUMNS, *ROW_COLUMNS))
            raise GlossaryError(
                f"{name}:1: unknown column {column!r}; use language codes (de, en, ar …), "
                f"a language's source column (en source …) or: {known}"
            ) from None
        columns.append(language + SOURCE if source_of else language)
    duplicates = sorted({c for c in columns if columns.count(c) > 1})
    if duplicates:
        raise GlossaryError(f"{name}:1: column {duplicates[0]!r} appears twice")
    if source_language not in columns:
        raise GlossaryError(f"{name}:1: no column {source_language!r} for the German terms")
    return columns


def _languages(columns: list[str]) -> list[str]:
    return [
        c
        for c in columns
        if c not in CONCEPT_COLUMNS and c not in ROW_COLUMNS and not c.endswith(SOURCE)
    ]


def _stated_details(columns: list[str], source: str) -> dict[str, frozenset[str]]:
    """Per language, the term details its columns give, an empty cell too (merging then
    keeps the others from the glossary): :data:`_DETAIL_COLUMNS`, the language's source
    column, and with the source language the flags and the concept's fields."""
    stated = {}
    for language in _languages(columns):
        given = list(_DETAIL_COLUMNS) if language == source else ["note", "usage"]
        details = {_DETAIL_COLUMNS[column] for column in given if column in columns}
        if language + SOURCE in columns:
            details.add("source")
        if language == source:
            details.update(name for name in STATED_WITH_SOURCE if name in columns)
        stated[language] = frozenset(details)
    return stated


_STATUS_ORDER = list(Status)


def _by_status(term: Term) -> int:
    return _STATUS_ORDER.index(term.status)


@dataclass
class _Concept:
    id: str
    where: str
    subject: str = ""
    definition: str = ""
    note: str = ""
    terms: dict[str, list[Term]] = field(default_factory=dict)

    def concept(self, source_language: str) -> Concept:
        """The concept, each language's terms in the order :func:`write_csv` writes them
        (by status, rows of one status in file order), so that exporting and importing
        it again changes nothing, whatever order its rows came in."""
        definitions = {source_language: self.definition} if self.definition else {}
        return Concept(
            id=self.id,
            terms={
                lang: tuple(sorted(terms, key=_by_status)) for lang, terms in self.terms.items()
            },
            definitions=definitions,
            subject=self.subject,
            note=self.note,
        )


def _add_row(
    row: dict[str, str],
    columns: list[str],
    source: str,
    builders: dict[str, _Concept],
    taken: set[str],
    where: str,
) -> None:
    def fail(problem: str) -> None:
        raise GlossaryError(f"{where}: {problem}")

    cells = {key: " ".join(_unescape(value).split()) for key, value in row.items()}
    languages = _languages(columns)
    if not any(cells.get(lang) for lang in languages):
        fail("the row has no term in any language column")
    concept_id = cells.get("id", "")
    if concept_id:
        try:
            check_id(concept_id)
        except ValueError as error:
            fail(str(error))
    else:
        german = cells.get(source) or next(cells[lang] for lang in languages if cells.get(lang))
        concept_id = make_id(german, taken | set(builders))
    taken.add(concept_id)
    builder = builders.setdefault(concept_id, _Concept(concept_id, where))
    for key, attribute in (("subject",) * 2, ("definition",) * 2, ("concept_note", "note")):
        value = cells.get(key, "")
        current = getattr(builder, attribute)
        if value and current and value != current:
            fail(f"{key} of {concept_id!r} differs from {builder.where}; give it once")
        if value:
            setattr(builder, attribute, value)
    try:
        status = Status.parse(cells.get("status", ""))
    except ValueError as error:
        fail(str(error))
    dnt = cells.get("dnt", "").lower()
    if dnt not in _YES and dnt not in _NO:
        fail(f"dnt {cells['dnt']!r}: write yes (keep in German) or leave it empty")
    whole_word = cells.get("whole_word", "").lower()
    if whole_word not in _YES and whole_word not in _NO:
        fail(
            f"whole_word {cells['whole_word']!r}: write yes (never inside a longer word)"
            " or leave it empty"
        )
    details = {}
    for key, allowed in (("pos", PARTS_OF_SPEECH), ("gender", GENDERS), ("type", TERM_TYPES)):
        value = cells.get(key, "")
        folded = {choice.lower(): choice for choice in allowed}
        if value and value.lower() not in folded:
            fail(f"{key} {value!r} is not allowed; use one of: {', '.join(allowed)}")
        details[key] = folded.get(value.lower(), "")
    for language in languages:
        text = cells.get(language, "")
        if not text:
            if cells.get(language + SOURCE):
                fail(f"{language}{SOURCE} is filled in, but the row has no {language} term")
            continue
        is_source = language == source
        applies = is_source or not cells.get(source)
        term = Term(
            text=text,
            status=status,
            part_of_speech=details["pos"] if is_source else "",
            gender=details["gender"] if is_source else "",
            term_type=details["type"] if is_source else "",
            dnt=is_source and dnt in _YES,
            whole_word=is_source and whole_word in _YES,
            note=cells.get("note", "") if applies else "",
            context=cells.get("context", "") if is_source else "",
            usage=cells.get("usage", "") if applies else "",
            source=cells.get(language + SOURCE, ""),
        )
        builder.terms.setdefault(language, []).append(term)


def write_csv(glossary: Glossary, languages: Iterable[str] | None = None) -> str:
    """The glossary as CSV text (UTF-8 with BOM when saved, so Excel shows Arabic correctly).

    Every target language has its source column; German only when a German term names one.
    """
    source = glossary.source_language
    targets = [lang for lang in (languages or glossary.languages) if lang != source]
    german_sources = any(term.source for concept in glossary for term in concept.terms_in(source))
    languages_with_source = [*([source] if german_sources else []), *targets]
    header = ["id"]
    for language in [source, *targets]:
        header += [language, language + SOURCE] if language in languages_with_source else [language]
    header += [*ROW_COLUMNS, "definition", "subject", "concept_note"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for concept in glossary:
        for number, row in enumerate(_rows(concept, source, targets)):
            first = number == 0
            german = row.get(source)
            leading = german or next(iter(row.values()))
            cells = {
                "id": concept.id,
                **{lang: term.text for lang, term in row.items()},
                **{lang + SOURCE: term.source for lang, term in row.items()},
                "status": leading.status.value,
                "dnt": "yes" if leading.dnt else "",
                "whole_word": "yes" if leading.whole_word else "",
                "pos": leading.part_of_speech,
                "gender": leading.gender,
                "type": leading.term_type,
                "note": leading.note,
                "usage": leading.usage,
                "context": leading.context,
                "definition": concept.definitions.get(source, "") if first else "",
                "subject": concept.subject if first else "",
                "concept_note": concept.note if first else "",
            }
            writer.writerow(_escape(cells.get(column, "")) for column in header)
    return out.getvalue()


def _escape(cell: str) -> str:
    """``'`` before a cell a spreadsheet would run; one more before one already escaped."""
    return "'" + cell if _FORMULA.match(cell) else cell


def _unescape(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell) else cell


def _rows(concept: Concept, source: str, targets: list[str]) -> list[dict[str, Term]]:
    """Terms grouped into rows of one status, each language's terms in their order.

    A German row takes the next translation of each language that has no note and usage
    of its own (a row's note and usage are its German term's); the other translations
    follow in rows without German term, one per note and usage (they are all its terms').
    """
    rows: list[dict[str, Term]] = []
    for status in Status:
        queues = {
            lang: deque(t for t in concept.terms_in(lang) if t.status == status)
            for lang in [source, *targets]
        }
        while any(queues.values()):
            lead = next(lang for lang, queue in queues.items() if queue)
            row = {lead: queues[lead].popleft()}
            wanted = ("", "") if lead == source else _details(row[lead])
            for lang in targets:
                if lang not in row and queues[lang] and _details(queues[lang][0]) == wanted:
                    row[lang] = queues[lang].popleft()
            rows.append(row)
    return rows


def _details(term: Term) -> tuple[str, str]:
    """What a CSV row gives all its terms when it has no German term."""
    return term.note, term.usage
