"""CSV glossaries: what spreadsheets write, read back exactly."""

from __future__ import annotations

import csv
import io

import pytest

from kisync.errors import GlossaryError
from kisync.translate import load_glossary, shipped_glossary_path
from kisync.translate.csvglossary import parse_csv, write_csv
from kisync.translate.glossary import Status
from kisync.translate.tbx import parse_tbx, write_tbx


def essentials(glossary):
    """What CSV carries: terms with status, dnt, German details, definitions, subjects."""
    return [
        (
            concept.id,
            concept.subject,
            concept.definitions.get("de", ""),
            concept.note,
            {
                language: [
                    (
                        t.text,
                        t.status,
                        t.dnt,
                        t.whole_word,
                        t.part_of_speech,
                        t.gender,
                        t.term_type,
                        t.context,
                    )
                    for t in terms
                ]
                for language, terms in sorted(concept.terms.items())
            },
        )
        for concept in glossary
    ]


def test_shipped_glossary_survives_a_csv_round_trip():
    shipped = load_glossary(shipped_glossary_path())
    again = parse_csv(write_csv(shipped))
    assert essentials(again) == essentials(shipped)
    german_notes = [t.note for c in shipped for t in c.terms_in("de")]
    assert [t.note for c in again for t in c.terms_in("de")] == german_notes


def test_shipped_tbx_to_csv_to_tbx_loses_nothing():
    """Sources, translators' notes and usage of every translation included."""
    shipped = load_glossary(shipped_glossary_path())
    again = parse_tbx(write_tbx(parse_csv(write_csv(shipped))))
    assert again.concepts == shipped.concepts
    sourced = [t.source for c in again for lang in c.terms for t in c.terms_in(lang)]
    assert sum(bool(source) for source in sourced) > 1000
    assert any(t.usage for c in again for lang in c.terms for t in c.terms_in(lang))


def test_each_language_has_its_source_column_next_to_it():
    header = next(csv.reader(io.StringIO(write_csv(load_glossary(shipped_glossary_path())))))
    assert header[:6] == ["id", "de", "en", "en source", "ar", "ar source"]
    assert "de source" not in header  # no German term names a source


@pytest.mark.parametrize(
    "column", ["en source", "EN Source", "source en", "source:en", "en_source"]
)
def test_source_columns_a_person_might_write(column):
    glossary = parse_csv(f"id,de,en,{column}\njc,Jobcenter,Job Centre,Handbook Germany (en)\n")
    assert glossary.concept("jc").preferred("en").source == "Handbook Germany (en)"


def test_sources_of_several_terms_and_languages_stay_with_their_term():
    text = (
        "id,de,de source,en,en source,fa-AF,fa-AF source,status\n"
        "d,Duldung,AufenthG,toleration,BAMF (en),تحمل,,\n"
        "d,,,tolerated stay,Handbook Germany (en),,,admitted\n"
    )
    duldung = parse_csv(text).concept("d")
    assert [(t.text, t.source) for t in duldung.terms_in("en")] == [
        ("toleration", "BAMF (en)"),
        ("tolerated stay", "Handbook Germany (en)"),
    ]
    assert duldung.terms_in("de")[0].source == "AufenthG"
    assert duldung.terms_in("fa_AF")[0].source == ""
    header = write_csv(parse_csv(text)).splitlines()[0]
    assert header.startswith("id,de,de source,en,en source,fa_AF,fa_AF source,status")


def test_excel_csv_with_semicolons_and_bom(tmp_path):
    path = tmp_path / "glossar.csv"
    text = (
        "\ufeffID;DE;ar;Status;DNT;pos;Definition\r\n"
        "c-jc;Jobcenter;Jobcenter;;ja;noun;Stelle für Bürgergeld\r\n"
        ";Sozialamt;مكتب الشؤون الاجتماعية;;;;\r\n"
        "c-asyl;Asylsuchende;طالبو اللجوء;preferred;;noun;Personen, die Schutz suchen\r\n"
        "c-asyl;Asylant;;deprecated;;noun;\r\n"
        ";;;;;;\r\n"
    )
    path.write_bytes(text.encode("utf-8"))
    glossary = load_glossary(path)
    assert [c.id for c in glossary] == ["c-jc", "c-sozialamt", "c-asyl"]
    jobcenter = glossary.concept("c-jc").terms_in("de")[0]
    assert jobcenter.dnt and jobcenter.part_of_speech == "noun"
    asyl = glossary.concept("c-asyl")
    assert [(t.text, t.status) for t in asyl.terms_in("de")] == [
        ("Asylsuchende", Status.PREFERRED),
        ("Asylant", Status.DEPRECATED),
    ]
    assert asyl.definitions == {"de": "Personen, die Schutz suchen"}
    assert glossary.concept("c-sozialamt").preferred("ar").text == "مكتب الشؤون الاجتماعية"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id,de,klingon\n", r"^g\.csv:1: unknown column 'klingon'"),
        ("id,en\nx,a\n", r"^g\.csv:1: no column 'de'"),
        ("de,de\n", r"^g\.csv:1: column 'de' appears twice"),
        ("id,de,status\nx,A,best\n", r"^g\.csv:2: unknown status 'best'"),
        ("id,de,dnt\nx,A,vielleicht\n", r"^g\.csv:2: dnt 'vielleicht'"),
        ("id,de,whole_word\nx,A,vielleicht\n", r"^g\.csv:2: whole_word 'vielleicht'"),
        ("id,de,pos\nx,A,Nomen\n", r"^g\.csv:2: pos 'Nomen' is not allowed"),
        ("id,de\n1x,A\n", r"^g\.csv:2: concept id '1x' is not valid"),
        ("id,de,en\nx,,\n", r"^g\.csv:2: the row has no term"),
        ("id,de,en,en source\nx,A,,BAMF\n", r"^g\.csv:2: en source is filled in, but the row"),
        ("id,de,xx source\n", r"^g\.csv:1: unknown column 'xx source'"),
        ("de,en source,source en\n", r"^g\.csv:1: column 'en source' appears twice"),
        (
            "id,de,definition\nx,A,eins\nx,B,zwei\n",
            r"^g\.csv:3: definition of 'x' differs from g\.csv:2",
        ),
        ('id,de\nx,"A\n', r"^g\.csv:\d+: not valid CSV"),
        ("", r"^g\.csv: the file is empty"),
    ],
)
def test_bad_csv_names_file_line_and_problem(text, message):
    with pytest.raises(GlossaryError, match=message):
        parse_csv(text, "g.csv")


def test_non_utf8_csv_is_reported(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("id,de\nx,Bürgergeld\n".encode("latin-1"))
    with pytest.raises(GlossaryError, match=r"latin1\.csv:2: not UTF-8 text"):
        load_glossary(path)


def test_unknown_suffix(tmp_path):
    with pytest.raises(GlossaryError, match=r"unknown glossary format \.xlsx"):
        load_glossary(tmp_path / "g.xlsx")


def test_export_neutralises_spreadsheet_formulas_and_import_restores_them():
    """OWASP CSV injection: no exported cell starts like a formula; the text comes back."""
    hostile = '"=HYPERLINK(""https://evil.example"",""Klick"")"'
    text = (
        "de,en,note,en source\n"
        f"{hostile},-less,@amt,\n"
        "-los,+49 2452 13-0,=1+1,+source\n"
        "''-zitat,'=not a formula,Hinweis,\n"
    )
    imported = parse_csv(text)
    terms = {lang: [t.text for c in imported for t in c.terms_in(lang)] for lang in ("de", "en")}
    assert terms["de"] == ['=HYPERLINK("https://evil.example","Klick")', "-los", "'-zitat"]
    assert terms["en"] == ["-less", "+49 2452 13-0", "=not a formula"]
    exported = write_csv(imported)
    cells = [cell for row in csv.reader(io.StringIO(exported)) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert '\'=HYPERLINK("https://evil.example","Klick")' in cells
    assert {"'-los", "''-zitat", "'-less", "'@amt", "'+source"} <= set(cells)
    assert [t.source for c in parse_csv(exported) for t in c.terms_in("en")][1] == "+source"
    assert essentials(parse_csv(exported)) == essentials(imported)
    again = [t.note for c in parse_csv(exported) for t in c.terms_in("de")]
    assert (
        again == [t.note for c in imported for t in c.terms_in("de")] == ["@amt", "=1+1", "Hinweis"]
    )


def test_whole_word_survives_csv_and_tbx_and_only_german_terms_carry_it():
    glossary = parse_csv("id,de,en,whole_word\nkreis,Kreis,district,yes\nkita,Kita,day care,\n")
    kreis, kita = glossary
    assert [t.whole_word for t in kreis.terms_in("de")] == [True]
    assert [t.whole_word for t in kreis.terms_in("en")] == [False]
    assert [t.whole_word for t in kita.terms_in("de")] == [False]
    written = write_csv(glossary)
    assert written.splitlines()[1].startswith("kreis,Kreis,district,") and ",yes," in written
    for again in (parse_csv(written), parse_tbx(write_tbx(glossary))):
        assert again.concepts == glossary.concepts
