"""Glossary notes in the catalogs: written by every pull, refreshed, never stale or doubled."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import polib
import pytest
from conftest import msgfmt_check
from support.demo import copy_demo

from kisync import Project
from kisync.catalog import pofile
from kisync.errors import GlossaryError
from kisync.languages import get_language
from kisync.translate import load_glossary, shipped_glossary_path
from kisync.translate.notes import NOTE_PREFIX, GlossaryNotes, replace_notes

PAGE = "bildung-sprache/integrationskurse"


def entry(catalog: polib.POFile, start: str) -> polib.POEntry:
    return next(e for e in catalog if e.msgid.startswith(start) and not e.obsolete)


def glossary_lines(entry: polib.POEntry) -> list[str]:
    return [line for line in entry.comment.split("\n") if line.startswith(NOTE_PREFIX)]


@pytest.fixture(scope="module")
def pulled(tmp_path_factory) -> Path:
    project = copy_demo(tmp_path_factory.mktemp("notes"))
    report = Project.load(project).pull()
    assert not report.failures
    return project


def test_pull_writes_notes_for_each_language(pulled):
    ar = pofile.read(pulled / "po" / "ar" / f"{PAGE}.po")
    intro = entry(ar, "Im Integrationskurs lernen Sie Deutsch")
    assert glossary_lines(intro) == [
        "glossary: Integrationskurs → دورة الاندماج",
        "glossary: BAMF → keep in German: BAMF",
        "glossary: Kreis → المقاطعة",
        "glossary: Integrationskursträger → الجهة المقدّمة لدورات الاندماج",
    ]
    assert intro.comment.split("\n")[0] == "paragraph"  # the extractor's own notes stay first
    tr = pofile.read(pulled / "po" / "tr" / f"{PAGE}.po")
    assert glossary_lines(entry(tr, "Im Integrationskurs lernen"))[0] == (
        "glossary: Integrationskurs → uyum kursu (also: entegrasyon kursu)"
    )
    template = pofile.read(pulled / "po" / "templates" / f"{PAGE}.pot")
    assert not any(glossary_lines(e) for e in template)  # notes depend on the language


def test_pulled_catalogs_stay_valid(pulled):
    for path in (pulled / "po").rglob("*.po"):
        msgfmt_check(path)


def test_notes_follow_the_glossary_and_keep_translations(pulled, tmp_path):
    shutil.copytree(pulled.parents[1], tmp_path, dirs_exist_ok=True)
    root = tmp_path / "examples" / "heinsberg"
    path = root / "po" / "en" / f"{PAGE}.po"
    catalog = pofile.read(path)
    entry(
        catalog, "Im Integrationskurs lernen"
    ).msgstr = "In the integration course you learn German."
    path.write_text(pofile.dumps(catalog), encoding="utf-8")

    before = {p: p.read_bytes() for p in (root / "po").rglob("*.po")}
    assert not Project.load(root).pull().written  # nothing changed: nothing rewritten
    assert before == {p: p.read_bytes() for p in (root / "po").rglob("*.po")}

    glossary = tmp_path / "glossaries" / "integration.tbx"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace(
            "<term>integration course</term>", "<term>integration class</term>"
        ),
        encoding="utf-8",
    )
    report = Project.load(root).pull()
    assert not report.failures and report.written
    intro = entry(pofile.read(path), "Im Integrationskurs lernen")
    assert glossary_lines(intro)[0] == "glossary: Integrationskurs → integration class"
    assert sum("Integrationskurs →" in line for line in intro.comment.split("\n")) == 1
    assert intro.msgstr == "In the integration course you learn German."

    config = root / "kisync.toml"
    without = re.sub(r"\[glossary\].*?\n\n", "", config.read_text(encoding="utf-8"), flags=re.S)
    config.write_text(without, encoding="utf-8")
    Project.load(root).pull()
    intro = entry(pofile.read(path), "Im Integrationskurs lernen")
    assert glossary_lines(intro) == []
    assert intro.msgstr == "In the integration course you learn German."


def test_notes_are_replaced_not_added():
    notes = GlossaryNotes(load_glossary(shipped_glossary_path()))
    item = polib.POEntry(
        msgid="Das Jobcenter zahlt.",
        comment="paragraph\nglossary: Sozialamt → outdated\n<a1>…</a1> = link",
    )
    notes.process(polib.POFile(), get_language("en"), "x")  # an empty catalog is fine
    assert notes.annotate(item, "en")
    assert (
        item.comment
        == "paragraph\nglossary: Jobcenter → keep in German: Jobcenter\n<a1>…</a1> = link"
    )
    assert not notes.annotate(item, "en")


def test_replace_notes_keeps_other_lines_and_the_order():
    assert replace_notes("a\nglossary: x\nglossary: z\nb", ["glossary: y"]) == "a\nglossary: y\nb"
    assert replace_notes("a\nb", ["glossary: y"]) == "a\nb\nglossary: y"
    assert replace_notes("glossary: x", []) == ""
    assert replace_notes("", []) == ""


def test_missing_glossary_file_is_one_clear_error(tmp_path):
    (tmp_path / "kisync.toml").write_text(
        'languages = ["en"]\n[glossary]\nfiles = ["nowhere.tbx"]\n', encoding="utf-8"
    )
    (tmp_path / "portal").mkdir()
    with pytest.raises(GlossaryError, match=r"nowhere\.tbx: cannot read the glossary"):
        Project.load(tmp_path).pull()


def test_glossary_broken_after_a_pull_is_reported_though_no_page_changed(pulled, tmp_path):
    shutil.copytree(pulled.parents[1], tmp_path, dirs_exist_ok=True)
    root = tmp_path / "examples" / "heinsberg"
    before = {p: p.read_bytes() for p in (root / "po").rglob("*.po")}
    glossary = tmp_path / "glossaries" / "integration.tbx"
    glossary.write_text(glossary.read_text(encoding="utf-8")[:-40], encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"integration\.tbx"):
        Project.load(root).pull()
    assert before == {p: p.read_bytes() for p in (root / "po").rglob("*.po")}
