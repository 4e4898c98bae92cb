"""`kisync pretranslate`: memory and glossary proposals, fuzzy, never over a person's work."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from conftest import msgfmt_check
from support.demo import copy_demo, copy_pulled

from kisync import Project
from kisync.catalog import pofile
from kisync.cli import cli
from kisync.translate import shipped_glossary_path
from kisync.translate.memory import TranslationMemory

ASYL_TITLE = "Aufenthalt & Asyl – Integrationsportal Kreis Heinsberg"
RECHT_TITLE = "Aufenthaltsrecht – Integrationsportal Kreis Heinsberg"


@pytest.fixture(scope="module")
def pulled(tmp_path_factory) -> Path:
    root = copy_demo(tmp_path_factory.mktemp("pretranslate"))
    assert not Project.load(root).pull().failures
    return root


@pytest.fixture
def project(pulled, tmp_path) -> Path:
    return copy_pulled(pulled, tmp_path)


def edit(root: Path, language: str, key: str, change) -> None:
    path = root / "po" / language / f"{key}.po"
    catalog = pofile.read(path)
    change({entry.msgid: entry for entry in catalog if not entry.obsolete})
    path.write_text(pofile.dumps(catalog), encoding="utf-8")


def entries(root: Path, language: str, key: str) -> dict[str, polib.POEntry]:
    catalog = pofile.read(root / "po" / language / f"{key}.po")
    return {entry.msgid: entry for entry in catalog if not entry.obsolete}


def run(root: Path, *args: str):
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def translate_some(root: Path) -> None:
    def asyl(by_id):
        by_id["Häufige Fragen"].msgstr = "Frequently asked questions"
        by_id[ASYL_TITLE].msgstr = "Residence & asylum – Integration portal Kreis Heinsberg"

    def courses(by_id):
        by_id["Integrationskurse"].msgstr = "Integration courses (our own heading)"
        by_id["Integrationskursträger"].msgstr = "Course providers"
        by_id["Integrationskursträger"].flags.append("fuzzy")

    edit(root, "en", "aufenthalt-asyl", asyl)
    edit(root, "en", "bildung-sprache/integrationskurse", courses)


def test_proposals_are_fuzzy_and_explained(project):
    translate_some(project)
    result = run(project, "pretranslate", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "all fuzzy" in result.output

    courses = entries(project, "en", "bildung-sprache/integrationskurse")
    faq = courses["Häufige Fragen"]
    assert faq.msgstr == "Frequently asked questions"
    assert "fuzzy" in faq.flags
    assert (
        "pretranslated: same German text as in aufenthalt-asyl; check that it fits here"
        in faq.comment
    )

    recht = entries(project, "en", "aufenthalt-asyl/aufenthaltsrecht")
    title = recht[RECHT_TITLE]
    assert title.msgstr == "Residence & asylum – Integration portal Kreis Heinsberg"
    assert "fuzzy" in title.flags and title.previous_msgid == ASYL_TITLE
    assert "% similar German text (aufenthalt-asyl)" in title.comment

    heading = entries(project, "en", "bildung-sprache")["Schulpflicht"]
    assert heading.msgstr == "Compulsory schooling" and "fuzzy" in heading.flags
    assert "pretranslated: glossary translation of Schulpflicht" in heading.comment


def test_a_persons_work_is_never_changed(project):
    translate_some(project)
    run(project, "pretranslate")
    courses = entries(project, "en", "bildung-sprache/integrationskurse")
    assert courses["Integrationskurse"].msgstr == "Integration courses (our own heading)"
    assert "fuzzy" not in courses["Integrationskurse"].flags
    assert courses["Integrationskursträger"].msgstr == "Course providers"
    asyl = entries(project, "en", "aufenthalt-asyl")
    assert asyl["Häufige Fragen"].msgstr == "Frequently asked questions"
    assert "fuzzy" not in asyl["Häufige Fragen"].flags
    assert "pretranslated" not in asyl["Häufige Fragen"].comment


def test_single_terms_keep_in_german_and_turkish_capitals(tmp_path):
    (tmp_path / "portal").mkdir()
    (tmp_path / "portal" / "index.html").write_text(
        "<!DOCTYPE html><html lang=de><title>Start</title><main>"
        "<h2>Erstaufnahmeeinrichtung</h2><h2>Jobcenter</h2>"
        "<h2>Integrationskurse:</h2><p>Der Integrationskurs beginnt.</p>"
        "<p>Intensivintegrationskurs</p></main>",
        encoding="utf-8",
    )
    glossary = shipped_glossary_path()
    (tmp_path / "kisync.toml").write_text(
        f'languages = ["tr", "ar"]\n[glossary]\nfiles = ["{glossary.as_posix()}"]\n',
        encoding="utf-8",
    )
    run(tmp_path, "pull")
    run(tmp_path, "pretranslate", "--lang", "tr")
    tr = entries(tmp_path, "tr", "index")
    assert tr["Erstaufnahmeeinrichtung"].msgstr == "İlk kabul merkezi"
    assert tr["Jobcenter"].msgstr == "Jobcenter"
    assert tr["Integrationskurse:"].msgstr == "Uyum kursu:"
    assert tr["Der Integrationskurs beginnt."].msgstr == ""  # a sentence, not a term
    assert tr["Intensivintegrationskurs"].msgstr == ""  # a compound is not the term
    assert all(not e.msgstr for e in entries(tmp_path, "ar", "index").values())


def test_valid_idempotent_and_dry_run(project):
    translate_some(project)
    dry = run(project, "pretranslate", "--dry-run")
    assert "would write" in dry.output
    assert not any(
        "pretranslated" in e.comment for e in entries(project, "en", "bildung-sprache").values()
    )
    run(project, "pretranslate")
    for path in (project / "po").rglob("*.po"):
        msgfmt_check(path)
    before = {path: path.read_bytes() for path in (project / "po").rglob("*.po")}
    again = json.loads(run(project, "pretranslate", "--format", "json").output)
    assert again["written"] == []
    assert again["filled"] == {"same": 0, "glossary": 0, "similar": 0, "machine": 0}
    assert before == {path: path.read_bytes() for path in (project / "po").rglob("*.po")}


def test_pull_after_pretranslate_keeps_proposals_and_notes(project):
    run(project, "pretranslate", "--lang", "en")
    report = Project.load(project).pull()
    assert not report.failures
    heading = entries(project, "en", "bildung-sprache")["Schulpflicht"]
    assert heading.msgstr == "Compulsory schooling" and "fuzzy" in heading.flags
    assert "glossary: Schulpflicht → compulsory schooling" in heading.comment


def test_memory_prefers_the_common_translation_and_matching_placeholders():
    def catalog(*pairs: tuple[str, str, bool]) -> polib.POFile:
        result = polib.POFile()
        for msgid, msgstr, fuzzy in pairs:
            result.append(
                polib.POEntry(msgid=msgid, msgstr=msgstr, flags=["fuzzy"] if fuzzy else [])
            )
        return result

    memory = TranslationMemory.from_catalogs(
        [
            (
                "a",
                catalog(
                    ("Kontakt", "Contact", False),
                    ("Rufen Sie <a1>uns</a1> an.", "Call <a1>us</a1>.", False),
                ),
            ),
            ("b", catalog(("Kontakt", "Contact us", False), ("Neu", "New", True))),
            (
                "c",
                catalog(
                    ("Kontakt", "Contact", False),
                    ("Rufen Sie uns heute an.", "Call us today.", False),
                ),
            ),
        ]
    )
    assert memory.exact("Kontakt").translation == "Contact"
    assert memory.exact("Neu") is None  # fuzzy work is not memory
    proposal = memory.similar("Rufen Sie <a1>uns</a1> bitte an.", 85)
    assert proposal is not None and proposal.translation == "Call <a1>us</a1>."
    assert memory.similar("Rufen Sie uns bitte an.", 85).source == "Rufen Sie uns heute an."
    assert memory.similar("Etwas ganz anderes", 85) is None


def test_unreadable_catalog_is_reported_and_left_alone(project):
    broken = project / "po" / "en" / "freizeit.po"
    broken.write_text('msgid "x"\nmsgstr "y\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--project", str(project), "pretranslate", "--lang", "en"])
    assert result.exit_code == 2
    assert "freizeit.po" in result.output
    assert broken.read_text(encoding="utf-8") == 'msgid "x"\nmsgstr "y\n'
