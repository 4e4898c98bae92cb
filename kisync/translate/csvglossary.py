"""Glossaries as CSV, for people who edit terms in a spreadsheet.

One row holds terms that share a status: the German term and its translations, one
column per language. A concept with several terms (a preferred one, an admitted
variant, a deprecated word) has several rows with the same ``id``::

    id,de,en,ar,status,dnt,pos,definition,note
    c-asylsuchende,Asylsuchende,asylum seekers,طالبو اللجوء,preferred,,noun,Personen, die …,
    c-asylsuchende,Asylbewerber,,,admitted,,noun,,Rechtssprache (AsylbLG)
    c-asylsuchende,Asylant,,,deprecated,,noun,,abwertend

Columns (any order, names as below; unknown columns are an error):
``id`` (rows without one are new concepts), one column per language code, ``status``
(preferred | admitted | deprecated | superseded; empty = preferred), ``dnt`` (``yes`` =
the German term stays German), ``pos``, ``gender``, ``type`` (of the German term),
``definition`` and ``subject`` (of the concept), ``note`` and ``context`` (of the row's
terms), ``concept_note``. Excel's ``;`` separator and UTF-8 with BOM are understood.

A spreadsheet runs a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula (``=HYPERLINK(…)``), so :func:`write_csv` puts a ``'`` before such a
cell (OWASP's advice on CSV injection) and reading removes it again: ``-los`` is
written ``'-los`` and read back as ``-los``; a ``-los`` typed without it stays as it is.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GlossaryError
from ..languages import UnknownLanguage, get_language
from .glossary import (
    GENDERS,
    PARTS_OF_SPEECH,
    TERM_TYPES,
    Concept,
    Glossary,
    Status,
    Term,
    check_id,
    make_id,
)

CONCEPT_COLUMNS = ("id", "subject", "definition", "concept_note")
ROW_COLUMNS = ("status", "dnt", "pos", "gender", "type", "note", "context")
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
    return Glossary(concepts, source_language, sources=(name,))


def _columns(header: list[str], name: str, source_language: str) -> list[str]:
    columns = []
    for cell in header:
        column = cell.strip()
        lowered = column.lower()
        if lowered in CONCEPT_COLUMNS or lowered in ROW_COLUMNS:
            columns.append(lowered)
            continue
        try:
            columns.append(get_language(column).code)
        except UnknownLanguage:
            known = ", ".join((*CONCEPT_COLUMNS, *ROW_COLUMNS))
            raise GlossaryError(
                f"{name}:1: unknown column {column!r}; use language codes (de, en, ar …) "
                f"or: {known}"
            ) from None
    duplicates = sorted({c for c in columns if columns.count(c) > 1})
    if duplicates:
        raise GlossaryError(f"{name}:1: column {duplicates[0]!r} appears twice")
    if source_language not in columns:
        raise GlossaryError(f"{name}:1: no column {source_language!r} for the German terms")
    return columns


@dataclass
class _Concept:
    id: str
    where: str
    subject: str = ""
    definition: str = ""
    note: str = ""
    terms: dict[str, list[Term]] = field(default_factory=dict)

    def concept(self, source_language: str) -> Concept:
        definitions = {source_language: self.definition} if self.definition else {}
        return Concept(
            id=self.id,
            terms={lang: tuple(terms) for lang, terms in self.terms.items()},
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
    languages = [c for c in columns if c not in CONCEPT_COLUMNS and c not in ROW_COLUMNS]
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
            continue
        is_source = language == source
        term = Term(
            text=text,
            status=status,
            part_of_speech=details["pos"] if is_source else "",
            gender=details["gender"] if is_source else "",
            term_type=details["type"] if is_source else "",
            dnt=is_source and dnt in _YES,
            note=cells.get("note", "") if is_source or not cells.get(source) else "",
            context=cells.get("context", "") if is_source else "",
        )
        builder.terms.setdefault(language, []).append(term)


def write_csv(glossary: Glossary, languages: Iterable[str] | None = None) -> str:
    """The glossary as CSV text (UTF-8 with BOM when saved, so Excel shows Arabic correctly)."""
    source = glossary.source_language
    targets = [lang for lang in (languages or glossary.languages) if lang != source]
    header = ["id", source, *targets, *ROW_COLUMNS, "definition", "subject", "concept_note"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for concept in glossary:
        for number, row in enumerate(_rows(concept, source, targets)):
            first = number == 0
            german = row.get(source)
            notes = [german.note] if german else [term.note for term in row.values() if term.note]
            cells = [
                concept.id,
                *(row[lang].text if lang in row else "" for lang in [source, *targets]),
                next(iter(row.values())).status.value,
                "yes" if german and german.dnt else "",
                german.part_of_speech if german else "",
                german.gender if german else "",
                german.term_type if german else "",
                next((note for note in notes if note), ""),
                german.context if german else "",
                concept.definitions.get(source, "") if first else "",
                concept.subject if first else "",
                concept.note if first else "",
            ]
            writer.writerow(_escape(cell) for cell in cells)
    return out.getvalue()


def _escape(cell: str) -> str:
    """``'`` before a cell a spreadsheet would run; one more before one already escaped."""
    return "'" + cell if _FORMULA.match(cell) else cell


def _unescape(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell) else cell


def _rows(concept: Concept, source: str, targets: list[str]) -> list[dict[str, Term]]:
    """Terms grouped into rows of one status: the n-th German term with the n-th term of
    each language; translations left over go into rows of their own, one per note (a
    row's note belongs to all its terms when it has no German term)."""
    rows: list[dict[str, Term]] = []
    for status in Status:
        german = [t for t in concept.terms_in(source) if t.status == status]
        rest = {lang: [t for t in concept.terms_in(lang) if t.status == status] for lang in targets}
        for index, term in enumerate(german):
            row = {source: term}
            row.update({lang: terms[index] for lang, terms in rest.items() if index < len(terms)})
            rows.append(row)
        rest = {lang: terms[len(german) :] for lang, terms in rest.items()}
        notes = dict.fromkeys(t.note for terms in rest.values() for t in terms)
        for note in notes:
            group = {lang: [t for t in terms if t.note == note] for lang, terms in rest.items()}
            for index in range(max(len(terms) for terms in group.values())):
                rows.append({lang: ts[index] for lang, ts in group.items() if index < len(ts)})
    return rows
