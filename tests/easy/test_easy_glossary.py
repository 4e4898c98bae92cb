"""Leichte-Sprache explanations in the glossary: merged by concept id, offered as notes,
by pretranslate and checked by easy-glossary."""

from __future__ import annotations

from pathlib import Path

import pytest

from kisync import Project, pofile
from kisync.errors import GlossaryError
from kisync.translate.glossary import Glossary
from kisync.translate.tbx import parse_tbx, read_tbx

from .test_easy_checks import findings

ROOT = Path(__file__).resolve().parents[2]
SUPPLEMENT = ROOT / "glossaries" / "leichte-sprache.tbx"


def _concept(concept_id: str, language: str, term: str, definition: str = "") -> bytes:
    descrip = f'<descrip type="definition">{definition}</descrip>' if definition else ""
    return (
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="de">'
        f'<text><body><conceptEntry id="{concept_id}"><langSec xml:lang="{language}">{descrip}'
        f"<termSec><term>{term}</term></termSec></langSec></conceptEntry></body></text></tbx>"
    ).encode()


def test_a_supplement_adds_a_language_to_concepts_of_another_file():
    base = read_tbx(ROOT / "glossaries" / "integration.tbx")
    combined = Glossary.combine([base, read_tbx(SUPPLEMENT)])
    assert len(combined) == len(base)
    jobcenter = combined.concept("jobcenter")
    assert jobcenter.terms_in("en") == base.concept("jobcenter").terms_in("en")
    assert jobcenter.definitions["de-x-ls"].startswith("Das Jobcenter ist ein Amt.")
    clash = parse_tbx(_concept("jobcenter", "en", "job office"), "clash.tbx")
    with pytest.raises(GlossaryError, match="'jobcenter' is in both"):
        Glossary.combine([base, clash])


def test_every_shipped_explanation_is_easy_german(pulled_easy):
    project = Project.load(pulled_easy)
    for concept in read_tbx(SUPPLEMENT):
        text = concept.definitions["de-x-ls"]
        assert findings(project, text) == [], (concept.id, text)


def test_pull_offers_the_explanation_as_a_note_in_easy_catalogs_only(pulled_easy):
    def notes(language: str) -> str:
        catalog = pofile.read(pulled_easy / "po" / language / "ki-aktuelles.po")
        return "\n".join(e.comment for e in catalog if "Jobcenter" in e.msgid)

    assert "glossary: Jobcenter → keep in German: Jobcenter; explain it: Das Jobcenter ist" in (
        notes("de-x-ls")
    )
    assert "explain it" not in notes("en")


def test_pretranslate_proposes_the_term_with_its_explanation(easy):
    path = easy / "po" / "de-x-ls" / "gesundheit.po"
    catalog = pofile.read(path)
    entry = next(e for e in catalog if e.msgid == "Gesundheitsamt")
    assert not entry.msgstr
    Project.load(easy).pretranslate(["de-x-ls"], ["gesundheit"])
    entry = next(e for e in pofile.read(path) if e.msgid == "Gesundheitsamt")
    assert entry.msgstr == "Gesundheits-Amt" and entry.fuzzy
    (proposal,) = [line for line in entry.comment.split("\n") if line.startswith("pretranslated:")]
    assert "glossary translation of Gesundheitsamt" in proposal
    assert "explain it: Das Gesundheits-Amt ist ein Amt" in proposal


def test_a_term_used_without_explanation_is_flagged(pulled_easy):
    project = Project.load(pulled_easy)
    source = "Das Jobcenter zahlt das Bürgergeld."
    found = findings(project, "Gehen Sie zum Job-Center.", source=source)
    assert [f.check for f in found] == ["easy-glossary"]
    assert "Das Jobcenter ist ein Amt." in found[0].message
    explained = "Gehen Sie zum Jobcenter. Das Jobcenter ist ein Amt für Menschen ohne Arbeit."
    assert findings(project, explained, source=source) == []
    assert findings(project, "Dort bekommen Sie Geld.", source=source) == []
