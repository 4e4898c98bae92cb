"""`kisync export` / `kisync import`: packages for volunteers and agencies, safe return."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from conftest import msgfmt_check
from support.demo import copy_pulled

from kisync import Project, pofile
from kisync.cli import cli

PAGE = "aufenthalt-asyl"
SENTENCE = "Der Weg durch das Asylverfahren"


@pytest.fixture
def project(pulled_demo, tmp_path) -> Path:
    return copy_pulled(pulled_demo, tmp_path / "p")


def run(root: Path, *args: str):
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def export(root: Path, out: Path, *args: str) -> Path:
    result = run(root, "export", "--lang", "ar", "--output", str(out), *args)
    assert result.exit_code == 0, result.output
    return out


def handout(package: Path, folder: Path) -> Path:
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)
    return folder / "kisync-ar.po"


def translate_handout(po_path: Path, change=lambda msgid: f"ترجمة: {msgid}") -> polib.POFile:
    catalog = pofile.read(po_path)
    for entry in catalog:
        entry.msgstr = change(entry.msgid)
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = None
    po_path.write_text(pofile.dumps(catalog), encoding="utf-8")
    return catalog


def page_entries(root: Path, key: str = PAGE) -> dict[str, polib.POEntry]:
    catalog = pofile.read(root / "po" / "ar" / f"{key}.po")
    return {entry.msgid: entry for entry in catalog if not entry.obsolete and entry.msgid}


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted((root / "po").rglob("*.po"))}


# -- the volunteer's package ----------------------------------------------------------------


def test_package_holds_one_clean_po_a_guide_the_glossary_and_a_manifest(project, tmp_path):
    package = export(project, tmp_path / "ar.zip")
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
    assert names == {
        "kisync-ar.po",
        "manifest.json",
        "ANLEITUNG-de.txt",
        "GUIDE-ar.txt",
        "glossary.csv",
        "glossary.tbx",
    }
    po_path = handout(package, tmp_path / "out")
    msgfmt_check(po_path)
    catalog = pofile.read(po_path)
    assert catalog.metadata["Language"] == "ar"
    assert catalog.metadata["Plural-Forms"].startswith("nplurals=6")
    msgids = [(entry.msgctxt, entry.msgid) for entry in catalog]
    assert len(msgids) == len(set(msgids)), "each German text once"
    courses = next(entry for entry in catalog if entry.msgid == "Häufige Fragen")
    assert len(courses.occurrences) > 1, "its pages are listed"
    assert all(line == "" for _, line in courses.occurrences)
    link = next(entry for entry in catalog if "<a1>" in entry.msgid)
    assert "<a1>" in link.comment and "= link to" in link.comment
    assert any("glossary:" in (entry.comment or "") for entry in catalog)
    assert "Poedit" in (tmp_path / "out" / "GUIDE-ar.txt").read_text(encoding="utf-8")
    assert "Platzhalter" in (tmp_path / "out" / "ANLEITUNG-de.txt").read_text(encoding="utf-8")


def test_fuzzy_proposals_go_out_fuzzy_unless_only_untranslated(project, tmp_path):
    path = project / "po" / "ar" / f"{PAGE}.po"
    catalog = pofile.read(path)
    entry = next(e for e in catalog if e.msgid == SENTENCE)
    entry.msgstr = "اقتراح"
    entry.flags.append("fuzzy")
    path.write_text(pofile.dumps(catalog), encoding="utf-8")

    out = handout(export(project, tmp_path / "a.zip"), tmp_path / "a")
    proposal = next(e for e in pofile.read(out) if e.msgid == SENTENCE)
    assert proposal.msgstr == "اقتراح" and "fuzzy" in proposal.flags
    out = handout(export(project, tmp_path / "b.zip", "--only-untranslated"), tmp_path / "b")
    assert SENTENCE not in {e.msgid for e in pofile.read(out)}


# -- coming back -----------------------------------------------------------------------------


def test_returned_translations_are_taken_and_a_second_import_changes_nothing(project, tmp_path):
    po_path = handout(export(project, tmp_path / "ar.zip", "--page", PAGE), tmp_path / "out")
    translate_handout(po_path)
    result = run(project, "import", str(po_path))  # the PO alone finds its manifest
    assert result.exit_code == 0, result.output
    assert re.search(r"(\d+) taken, 0 taken as fuzzy, 0 conflicts", result.output)
    entries = page_entries(project)
    assert entries[SENTENCE].msgstr == f"ترجمة: {SENTENCE}"
    assert "fuzzy" not in entries[SENTENCE].flags

    before = snapshot(project)
    again = run(project, "import", str(po_path))
    assert again.exit_code == 0 and "wrote 0 files" in again.output
    assert snapshot(project) == before


def test_the_returned_zip_carries_its_own_manifest(project, tmp_path):
    package = export(project, tmp_path / "ar.zip", "--page", PAGE)
    po_path = handout(package, tmp_path / "out")
    translate_handout(po_path)
    returned = tmp_path / "returned.zip"
    with zipfile.ZipFile(package) as old, zipfile.ZipFile(returned, "w") as new:
        for name in old.namelist():
            new.writestr(name, po_path.read_bytes() if name.endswith(".po") else old.read(name))
    for stored in (project / ".kisync" / "exports").iterdir():
        stored.unlink()
    result = run(project, "import", str(returned))
    assert result.exit_code == 0, result.output
    assert page_entries(project)[SENTENCE].msgstr == f"ترجمة: {SENTENCE}"


def test_strings_the_file_does_not_contain_are_untouched(project, tmp_path):
    po_path = handout(export(project, tmp_path / "ar.zip"), tmp_path / "out")
    edited = pofile.read(po_path)
    for entry in edited:
        entry.msgstr = "الطريق" if entry.msgid == SENTENCE else ""
    po_path.write_text(pofile.dumps(edited), encoding="utf-8")
    before = page_entries(project)
    assert run(project, "import", str(po_path)).exit_code == 0
    after = page_entries(project)
    changed = [msgid for msgid in after if after[msgid].msgstr != before[msgid].msgstr]
    assert changed == [SENTENCE]


def test_german_changed_since_export_gives_fuzzy_with_the_old_german(project, tmp_path):
    po_path = handout(export(project, tmp_path / "ar.zip", "--page", PAGE), tmp_path / "out")
    translate_handout(po_path)
    page = project / "portal" / PAGE / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace(SENTENCE, "Der Weg durch Ihr Asylverfahren"),
        encoding="utf-8",
    )
    assert not Project.load(project).pull().failures

    result = run(project, "import", str(po_path))
    assert result.exit_code == 0, result.output
    entry = page_entries(project)["Der Weg durch Ihr Asylverfahren"]
    assert entry.msgstr == f"ترجمة: {SENTENCE}"
    assert "fuzzy" in entry.flags and entry.previous_msgid == SENTENCE
    assert "1 taken as fuzzy" in result.output


def test_translated_meanwhile_is_a_conflict_and_both_versions_are_kept(project, tmp_path):
    po_path = handout(export(project, tmp_path / "ar.zip", "--page", PAGE), tmp_path / "out")
    translate_handout(po_path)
    path = project / "po" / "ar" / f"{PAGE}.po"
    catalog = pofile.read(path)
    next(e for e in catalog if e.msgid == SENTENCE).msgstr = "ترجمة زميل"
    path.write_text(pofile.dumps(catalog), encoding="utf-8")

    result = run(project, "import", str(po_path))
    assert result.exit_code == 1
    assert "1 conflicts" in result.output and "translated in the project meanwhile" in result.output
    entry = page_entries(project)[SENTENCE]
    assert entry.msgstr == "ترجمة زميل"
    assert f"ترجمة: {SENTENCE}" in entry.comment


def test_two_volunteers_overlapping_returns_conflict_never_overwrite(project, tmp_path):
    first = handout(export(project, tmp_path / "a.zip", "--page", PAGE), tmp_path / "a")
    second = handout(export(project, tmp_path / "b.zip", "--page", PAGE), tmp_path / "b")
    translate_handout(first, lambda msgid: f"أ: {msgid}")
    translate_handout(second, lambda msgid: f"ب: {msgid}")
    assert run(project, "import", str(first)).exit_code == 0
    result = run(project, "import", str(second))
    assert result.exit_code == 1
    entries = page_entries(project)
    assert all(entry.msgstr.startswith("أ: ") for entry in entries.values())
    assert all(f"ب: {msgid}" in entry.comment for msgid, entry in entries.items())


def test_a_returned_translation_that_fails_a_check_is_fuzzy_and_listed(project, tmp_path):
    po_path = handout(export(project, tmp_path / "ar.zip"), tmp_path / "out")
    translate_handout(po_path, lambda msgid: re.sub(r"</?a1>", "", msgid) + " 99")
    result = run(project, "import", str(po_path), "--dry-run")
    assert result.exit_code == 1
    assert re.search(r"kisync-ar\.po:\d+: placeholders: .* \(taken as fuzzy\)", result.output)


def test_a_broken_file_is_one_line_and_changes_nothing(project, tmp_path):
    po_path = handout(export(project, tmp_path / "ar.zip"), tmp_path / "out")
    po_path.write_text(
        po_path.read_text(encoding="utf-8").replace('msgstr ""', 'msgstr "', 3), encoding="utf-8"
    )
    before = snapshot(project)
    result = run(project, "import", str(po_path))
    assert result.exit_code == 2
    assert re.search(r"kisync-ar\.po:\d+:", result.output)
    assert snapshot(project) == before


def test_json_summary_per_page(project, tmp_path):
    po_path = handout(export(project, tmp_path / "ar.zip", "--page", PAGE), tmp_path / "out")
    translate_handout(po_path)
    data = json.loads(run(project, "import", str(po_path), "--format", "json").output)
    assert data["pages"][PAGE]["taken"] > 5 and data["pages"][PAGE]["conflicts"] == []


def test_a_translator_saving_during_the_import_keeps_the_save(project, tmp_path, monkeypatch):
    """The catalog is saved (Poedit) between import's read and its write: import merges
    again from the saved file instead of writing over it."""
    from kisync.exchange import returns

    po_path = handout(export(project, tmp_path / "ar.zip", "--page", PAGE), tmp_path / "out")
    translate_handout(po_path)
    catalog_path = project / "po" / "ar" / f"{PAGE}.po"
    merge = returns._merge_items
    saves = []

    def save_meanwhile(catalog, *args):
        if not saves:  # the translator saves once, while the first merge runs
            saved = pofile.read(catalog_path)
            next(e for e in saved if e.msgid == "Häufige Fragen").msgstr = "أسئلة شائعة"
            catalog_path.write_text(pofile.dumps(saved), encoding="utf-8")
            saves.append(1)
        return merge(catalog, *args)

    monkeypatch.setattr(returns, "_merge_items", save_meanwhile)
    result = run(project, "import", str(po_path))
    entries = page_entries(project)
    assert entries["Häufige Fragen"].msgstr == "أسئلة شائعة", "the save survives"
    assert entries[SENTENCE].msgstr == f"ترجمة: {SENTENCE}", "and the import landed"
    assert result.exit_code == 1  # the returned "Häufige Fragen" conflicts with the save
