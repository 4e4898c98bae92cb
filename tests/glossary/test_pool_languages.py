"""The interpreter-pool languages (Dari, Pashto, Kurmanji, Sorani, Tigrinya) in the glossary."""

from __future__ import annotations

import polib
import pytest

from kisync.translate import load_glossary, shipped_glossary_path
from kisync.translate.csvglossary import parse_csv, write_csv
from kisync.translate.glossarylint import lint_glossary
from kisync.translate.notes import GlossaryNotes
from kisync.translate.tbx import parse_tbx, write_tbx

POOL = ("ps", "ti", "kmr")
"""The pool languages the shipped glossary has published terms for."""

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="de">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="auslaenderbehoerde">
      <langSec xml:lang="de"><termSec><term>Ausländerbehörde</term></termSec></langSec>
      {sections}
    </conceptEntry>
  </body></text>
</tbx>"""
TERMS = {
    "fa-AF": "اداره امور خارجیان",
    "ps": "د بهرنيانو چارو اداره",
    "kmr": "Daîreya Biyaniyan",
    "ckb": "فەرمانگەی بیانییەکان",
    "ti": "ቤት ጽሕፈት ወጻእተኛታት",
}
CODES = {"fa-AF": "fa_AF", "ps": "ps", "kmr": "kmr", "ckb": "ckb", "ti": "ti"}


@pytest.fixture(scope="module")
def pool_glossary():
    sections = "".join(
        f'<langSec xml:lang="{tag}"><termSec><term>{text}</term>'
        f'<admin type="source">test source ({tag})</admin></termSec></langSec>'
        for tag, text in TERMS.items()
    )
    return parse_tbx(TBX.format(sections=sections).encode(), "pool.tbx")


def test_tbx_reads_and_writes_the_pool_language_codes(pool_glossary):
    concept = pool_glossary.concept("auslaenderbehoerde")
    assert {code: concept.preferred(code).text for code in CODES.values()} == {
        CODES[tag]: text for tag, text in TERMS.items()
    }
    again = parse_tbx(write_tbx(pool_glossary))
    assert again.concepts == pool_glossary.concepts
    assert b'xml:lang="fa-AF"' in write_tbx(pool_glossary)


def test_csv_round_trip_keeps_pool_terms_and_sources(pool_glossary):
    text = write_csv(pool_glossary)
    header = text.splitlines()[0].split(",")
    assert header[:4] == ["id", "de", "fa_AF", "fa_AF source"]
    assert "ckb source" in header and "ti source" in header
    assert parse_csv(text).concepts == pool_glossary.concepts


@pytest.mark.parametrize("language", CODES.values())
def test_translators_of_a_pool_language_get_the_hint(pool_glossary, language):
    entry = polib.POEntry(msgid="Gehen Sie zur Ausländerbehörde.", msgstr="")
    GlossaryNotes(pool_glossary).annotate(entry, language)
    concept = pool_glossary.concept("auslaenderbehoerde")
    expected = concept.preferred(language).text
    assert entry.comment == f"glossary: Ausländerbehörde → {expected}"


def test_shipped_pool_terms_name_a_published_source():
    """Pool-language terms are added only where a published page shows them."""
    shipped = load_glossary(shipped_glossary_path())
    terms = {lang: [t for c in shipped for t in c.terms_in(lang)] for lang in POOL}
    assert all(terms.values())
    sources = {t.source for found in terms.values() for t in found}
    assert sources <= {
        "Handbook Germany (ps)",
        "Goethe-Institut, Mein Weg nach Deutschland (ti)",
        "Goethe-Institut, Mein Weg nach Deutschland (kmr)",
        "official name, kept in German",
    }
    assert shipped.concept("integrationskurs").preferred("ti").text == "መወሃሃዲ ኮርስ"


def test_lint_expects_a_pool_language_only_in_projects_that_translate_into_it():
    shipped = load_glossary(shipped_glossary_path())
    assert lint_glossary(shipped) == []
    problems = lint_glossary(shipped, ["en", "ps"])
    missing = {p.concept for p in problems if p.message == "no approved ps translation"}
    with_ps = {c.id for c in shipped if c.preferred("ps")}
    assert missing == {c.id for c in shipped} - with_ps
    assert not [p for p in problems if p.language == "en"]


@pytest.mark.parametrize(
    ("project_code", "glossary_tag"),
    [("ku", "kmr"), ("KMR", "kmr"), ("ku-IQ", "kmr"), ("prs", "fa-AF"), ("fa-af", "fa-AF")],
)
def test_a_project_that_spells_the_code_otherwise_gets_the_hint(
    pool_glossary, project_code, glossary_tag
):
    entry = polib.POEntry(msgid="Gehen Sie zur Ausländerbehörde.", msgstr="")
    GlossaryNotes(pool_glossary).annotate(entry, project_code)
    assert entry.comment == f"glossary: Ausländerbehörde → {TERMS[glossary_tag]}"


@pytest.mark.parametrize("project_code", ["fa", "ku_Arab", "tr"])
def test_other_languages_do_not_borrow_pool_terms(pool_glossary, project_code):
    """Persian is not Dari, and ``ku_Arab`` (mostly Sorani) is not Kurmanji."""
    assert pool_glossary.concept("auslaenderbehoerde").terms_in(project_code) == ()


def test_lint_counts_kurmanji_terms_for_a_project_that_writes_ku():
    shipped = load_glossary(shipped_glossary_path())
    missing = {p.concept for p in lint_glossary(shipped, ["ku"]) if p.language == "ku"}
    with_kmr = {c.id for c in shipped if c.terms_in("kmr")}
    assert with_kmr and not missing & with_kmr
