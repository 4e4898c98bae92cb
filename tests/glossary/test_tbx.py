"""TBX reading and writing, and the shipped glossary's validity and content."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from support import tbxbasic

from kisync.errors import GlossaryError
from kisync.translate import load_glossary, shipped_glossary_path
from kisync.translate.glossary import Concept, Glossary, Status, Term
from kisync.translate.tbx import parse_tbx, write_tbx, write_tbx2, write_weblate

DATA = Path(__file__).resolve().parents[1] / "data" / "tbx"
SHIPPED = shipped_glossary_path()
LANGUAGES = ("en", "ar", "fa", "tr", "uk", "ru")

REQUIRED = [
    "Aufenthaltserlaubnis",
    "Aufenthaltsgestattung",
    "Duldung",
    "Ankunftsnachweis",
    "Niederlassungserlaubnis",
    "Ausländerbehörde",
    "Bundesamt für Migration und Flüchtlinge",
    "BAMF",
    "Asylantrag",
    "Asylverfahren",
    "subsidiärer Schutz",
    "Abschiebung",
    "Wohnsitzauflage",
    "Jobcenter",
    "Agentur für Arbeit",
    "Bürgergeld",
    "Asylbewerberleistungsgesetz",
    "AsylbLG",
    "Sozialamt",
    "Beschäftigungserlaubnis",
    "Kindergeld",
    "Integrationskurs",
    "Orientierungskurs",
    "Berufssprachkurs",
    "Teilnahmeberechtigung",
    "Sprachmittler",
    "Kita",
    "Schulpflicht",
    "Krankenversicherung",
    "Krankenkasse",
    "elektronische Gesundheitskarte",
    "eGK",
    "Behandlungsschein",
    "Kinderarzt",
    "Gesundheitsamt",
    "Geflüchtete",
    "Kommunales Integrationszentrum",
    "KI",
    "Integration Point",
    "Kommunales Integrationsmanagement",
    "KIM",
]


def rng() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(DATA / "TBXcoreStructV03.rng")))


def assert_valid_v3(data: bytes) -> None:
    schema = rng()
    document = etree.fromstring(data).getroottree()
    assert schema.validate(document), schema.error_log
    assert tbxbasic.problems(data) == []


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return load_glossary(SHIPPED)


def german_index(glossary: Glossary) -> dict[str, tuple[Concept, Term]]:
    return {term.text: (c, term) for c in glossary for term in c.terms_in("de")}


# -- the shipped glossary ----------------------------------------------------------


def test_shipped_glossary_is_valid_tbx_basic_dca():
    assert_valid_v3(SHIPPED.read_bytes())


def test_shipped_glossary_size_and_languages(shipped):
    assert len(shipped) >= 60
    for concept in shipped:
        german = concept.terms_in("de")
        assert german, concept.id
        assert concept.preferred("de") is not None, concept.id
        assert concept.definitions.get("de"), f"{concept.id}: German definition missing"
        assert all(term.part_of_speech for term in german), concept.id
        for language in LANGUAGES:
            assert concept.preferred(language) is not None, f"{concept.id}: no {language}"


def test_shipped_glossary_has_the_required_terms(shipped):
    index = german_index(shipped)
    missing = [term for term in REQUIRED if term not in index]
    assert missing == []


def test_keep_in_german_names_are_marked_and_copied(shipped):
    index = german_index(shipped)
    for name in ("Jobcenter", "Integration Point", "BAMF", "KI", "KIM"):
        concept, term = index[name]
        assert term.dnt, name
        for language in LANGUAGES:
            assert name in [t.text for t in concept.approved(language)], (name, language)
    assert not index["Integrationskurs"][1].dnt


def test_deprecated_wording_points_to_a_preferred_term(shipped):
    index = german_index(shipped)
    concept, asylant = index["Asylant"]
    assert asylant.status is Status.DEPRECATED
    assert concept.preferred("de").text == "Asylsuchende"
    assert index["Aufenthaltsgenehmigung"][1].status is Status.SUPERSEDED
    duldung = index["Duldung"][0]
    assert "التسامح" in [t.text for t in duldung.forbidden("ar")]


# -- round trips and other dialects ----------------------------------------------


def test_v3_round_trip_is_lossless(shipped):
    again = parse_tbx(write_tbx(shipped))
    assert again.concepts == shipped.concepts
    assert write_tbx(again) == SHIPPED.read_bytes()


def test_v2_round_trip(shipped):
    data = write_tbx2(shipped)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif')
    root = etree.fromstring(data)
    assert root.tag == "martif" and root.find("text/body/termEntry/langSet/tig/term") is not None
    assert parse_tbx(data).concepts == shipped.concepts


def test_reads_the_draft_namespace_and_dct_style():
    data = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="de" xmlns="urn:iso:std:iso:30042:ed:3.0"
     xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <min:subjectField>Gesundheit</min:subjectField>
      <langSec xml:lang="de">
        <basic:definition>Karte der Krankenkasse.</basic:definition>
        <termSec><term>Gesundheitskarte</term>
          <min:partOfSpeech>noun</min:partOfSpeech>
          <min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus>
        </termSec>
      </langSec>
      <langSec xml:lang="fa-AF"><termSec><term>کارت صحی</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>"""
    glossary = parse_tbx(data.encode())
    concept = glossary.concept("c1")
    term = concept.terms_in("de")[0]
    assert (term.status, term.part_of_speech) == (Status.ADMITTED, "noun")
    assert concept.subject == "Gesundheit"
    assert concept.definitions["de"] == "Karte der Krankenkasse."
    assert concept.terms_in("fa_AF")[0].text == "کارت صحی"


def test_reads_weblate_markers():
    data = """<?xml version="1.0"?>
<martif type="TBX" xml:lang="de"><martifHeader><fileDesc><sourceDesc><p>w</p></sourceDesc>
</fileDesc></martifHeader><text><body>
<termEntry id="jc"><langSet xml:lang="de"><descrip type="Translation needed">No</descrip>
<tig><term>Jobcenter</term></tig></langSet><langSet xml:lang="ar"><tig><term>Jobcenter</term></tig></langSet></termEntry>
<termEntry id="tol"><langSet xml:lang="de"><tig><term>Duldung</term></tig></langSet>
<langSet xml:lang="tr"><tig><term>hoşgörü</term><termNote type="administrativeStatus">forbidden</termNote></tig></langSet></termEntry>
<termEntry id="ip"><langSet xml:lang="de"><ntig><termGrp><term>Integration Point</term>
<termNote type="translationNote">no</termNote></termGrp></ntig></langSet></termEntry>
</body></text></martif>"""
    glossary = parse_tbx(data.encode())
    assert glossary.concept("jc").terms_in("de")[0].dnt
    assert not glossary.concept("jc").terms_in("ar")[0].dnt
    assert glossary.concept("tol").terms_in("tr")[0].status is Status.DEPRECATED
    assert glossary.concept("ip").terms_in("de")[0].dnt


def test_weblate_export_marks_read_only_and_forbidden(shipped):
    root = etree.fromstring(write_weblate(shipped, "tr"))
    entries = root.findall("text/body/termEntry")
    by_source = {}
    for entry in entries:
        source, target = entry.findall("langSet")
        assert source.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
        assert target.get("{http://www.w3.org/XML/1998/namespace}lang") == "tr"
        by_source.setdefault(source.findtext("tig/term"), []).append(entry)
    (jobcenter,) = by_source["Jobcenter"]
    assert jobcenter.findtext("langSet/tig/descrip[@type='Translation needed']") == "no"
    assert jobcenter.findall("langSet")[1].findtext("tig/term") == "Jobcenter"
    forbidden = [
        e.findall("langSet")[1].findtext("tig/term")
        for e in by_source["Duldung"]
        if e.findtext("langSet/tig/termNote[@type='administrativeStatus']") == "forbidden"
    ]
    assert forbidden == ["hoşgörü"]
    ids = [entry.get("id") for entry in entries]
    assert len(ids) == len(set(ids))
    # and kisync reads its own Weblate files back with the markers intact
    again = parse_tbx(write_weblate(shipped, "tr"))
    assert any(t.dnt for c in again for t in c.terms_in("de") if t.text == "Jobcenter")


# -- safety and errors ----------------------------------------------------------------


def test_entity_bomb_is_refused_without_expansion():
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE tbx [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
]>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="de">
<text><body><conceptEntry id="x"><langSec xml:lang="de"><termSec><term>&e;&e;&e;</term></termSec></langSec></conceptEntry></body></text></tbx>"""
    with pytest.raises(GlossaryError, match=r"^bomb\.tbx:3: the file declares XML entities"):
        parse_tbx(bomb, "bomb.tbx")


def test_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    data = f"""<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file://{secret}">]>
<martif><text><body><termEntry id="x"><langSet xml:lang="de"><tig><term>&xxe;</term></tig>
</langSet></termEntry></body></text></martif>""".encode()
    path = tmp_path / "evil.tbx"
    path.write_bytes(data)
    with pytest.raises(GlossaryError) as error:
        load_glossary(path)
    assert str(error.value).startswith(f"{path}:2: the file declares XML entities")
    assert "TOP-SECRET" not in str(error.value)


def test_external_dtd_reference_is_allowed_but_not_loaded(shipped):
    # TBX v2 files name their DTD; it must neither be fetched nor required.
    parse_tbx(write_tbx2(shipped))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<tbx><text>", r"^x\.tbx:1: not well-formed XML"),
        (b"<html/>", r"^x\.tbx:1: <html> is not a TBX root element"),
        (
            b'<martif>\n<text><body><termEntry id="a">\n<langSet xml:lang="de"><tig><term>A</term>'
            b'<termNote type="administrativeStatus">bestTerm</termNote></tig></langSet>'
            b"</termEntry></body></text></martif>",
            r"^x\.tbx:3: unknown status 'bestTerm'",
        ),
        (
            b'<martif><text><body><termEntry id="a">\n<langSet><tig><term>A</term></tig>'
            b"</langSet></termEntry></body></text></martif>",
            r"^x\.tbx:2: <langSet> without xml:lang",
        ),
        (
            b'<martif><text><body><termEntry id="a"><langSet xml:lang="de">\n<tig><term> </term>'
            b"</tig></langSet></termEntry></body></text></martif>",
            r"^x\.tbx:2: empty <term>",
        ),
        (
            b'<martif><text><body><termEntry id="a"><langSet xml:lang="de"><tig><term>A</term>\n'
            b'<termNote type="partOfSpeech">noun-ish</termNote></tig></langSet></termEntry>'
            b"</body></text></martif>",
            r"^x\.tbx:2: partOfSpeech 'noun-ish' is not allowed",
        ),
    ],
)
def test_malformed_files_name_file_line_and_problem(data, message):
    with pytest.raises(GlossaryError, match=message):
        parse_tbx(data, "x.tbx")


def test_missing_file(tmp_path):
    with pytest.raises(GlossaryError, match=r"nope\.tbx: cannot read the glossary"):
        load_glossary(tmp_path / "nope.tbx")


# -- the DCA oracle itself ------------------------------------------------------------


def test_dca_oracle_catches_what_the_schematron_forbids(shipped):
    good = write_tbx(shipped).decode()
    bad = good.replace(
        '<termNote type="partOfSpeech">noun</termNote>',
        '<termNote type="partOfSpeech">properNoun</termNote>',
        1,
    ).replace('<descrip type="subjectField">', '<descrip type="Translation needed">', 1)
    bad = bad.replace(
        '<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>',
        '<termNote type="administrativeStatus">forbidden</termNote>',
        1,
    )
    found = tbxbasic.problems(bad.encode())
    assert any("properNoun" in p for p in found)
    assert any("'Translation needed'> is not permitted" in p for p in found)
    assert any("'forbidden' is not in the picklist" in p for p in found)
    moved = good.replace(
        '<descrip type="subjectField">Aufenthalt und Asyl</descrip>', "", 1
    ).replace(
        "<termSec>\n            <term>Asylsuchende</term>",
        "<termSec>\n            <term>Asylsuchende</term>",
        1,
    )
    moved = moved.replace('<descrip type="context">', '<descrip type="subjectField">', 1)
    assert any("subjectField at termSec level" in p for p in tbxbasic.problems(moved.encode()))


# -- sources -----------------------------------------------------------------------

ISSUE_17_TERMS = [
    "Landratsamt",
    "Rathaus",
    "Sprachkurs",
    "Deutschkurs",
    "Beratungsstelle",
    "Wohnsitzanmeldung",
    "Meldebehörde",
    "Aufenthaltsrecht",
    "SGB II",
    "SGB XII",
    "Bescheid",
    "Visum",
    "Einbürgerungstest",
    "Test Leben in Deutschland",
    "Rentenversicherung",
    "Geburtsurkunde",
    "Grundsicherung",
    "Standesamt",
    "Sozialhilfe",
    "Schutzform",
    "Berechtigungsschein",
    "Asylbegehrende",
    "Familienzusammenführung",
    "Amt für Ausländerwesen und Integration",
    "Anerkennungsverfahren",
    "Erstorientierungskurs",
]


def test_shipped_glossary_covers_real_pages_and_names_every_source(shipped):
    assert len(shipped) >= 200
    index = german_index(shipped)
    assert [term for term in ISSUE_17_TERMS if term not in index] == []
    unsourced = [
        (concept.id, language, term.text)
        for concept in shipped
        for language in LANGUAGES
        for term in concept.terms_in(language)
        if not term.source
    ]
    assert unsourced == []


def test_admitted_renderings_seen_in_published_english(shipped):
    index = german_index(shipped)
    for german, english in [
        ("Duldung", "tolerated stay"),
        ("Duldung", "toleration"),
        ("Aufenthaltsgestattung", "permission to reside"),
        ("Jobcenter", "Job Centre"),
    ]:
        concept, _ = index[german]
        assert english in [t.text for t in concept.approved("en")], (german, english)


def test_sources_are_read_per_term_and_per_language_section():
    data = (
        b'<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="de">'
        b"<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>"
        b'<text><body><conceptEntry id="c1">'
        b'<langSec xml:lang="de"><termSec><term>Duldung</term></termSec></langSec>'
        b'<langSec xml:lang="en"><admin type="source">EMN glossary</admin>'
        b"<termSec><term>toleration</term></termSec>"
        b'<termSec><term>tolerated stay</term><admin type="source">BayernPortal (en)</admin>'
        b"</termSec></langSec>"
        b"</conceptEntry></body></text></tbx>"
    )
    glossary = parse_tbx(data)
    terms = glossary.concept("c1").terms_in("en")
    assert [(t.text, t.source) for t in terms] == [
        ("toleration", "EMN glossary"),
        ("tolerated stay", "BayernPortal (en)"),
    ]
    written = write_tbx(glossary)
    assert_valid_v3(written)
    assert b'<admin type="source">EMN glossary</admin>' in written
    assert parse_tbx(written).concepts == glossary.concepts


def test_lint_warns_on_an_unsourced_translation():
    from kisync.translate.glossarylint import lint_glossary

    concept = Concept(
        "c1",
        {
            "de": (Term("Duldung"),),
            "en": (Term("toleration", source="BayernPortal (en)"), Term("tolerated stay")),
        },
    )
    problems = lint_glossary(Glossary((concept,)))
    assert [(p.severity, p.language, p.message) for p in problems] == [
        ("warning", "en", "translation 'tolerated stay' names no source")
    ]


def test_whole_word_is_a_project_subset_and_valid_tbx_basic():
    term = Term("Kreis", part_of_speech="noun", whole_word=True)
    glossary = Glossary((Concept("kreis", {"de": (term,), "en": (Term("district"),)}),))
    data = write_tbx(glossary)
    assert b'<admin type="projectSubset">wholeWord</admin>' in data
    assert_valid_v3(data)
    assert parse_tbx(data).concepts == glossary.concepts
    assert b"wholeWord" not in write_tbx(parse_tbx(data.replace(b"wholeWord", b"other")))
