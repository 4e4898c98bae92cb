"""`kisync pull` never loses a translator's save and never leaves a catalog that does
not match its template: catalogs are checked by signature (size, times, inode), not by
modification time, and a catalog saved while pull merges it is merged again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from support.demo import copy_demo
from test_pull import PAGE, edit_page, run, snapshot

from kisync import catalog_files

OLD = 1_000_000_000  # 2001: older than any pull


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = copy_demo(tmp_path)
    assert run(folder, "pull").exit_code == 0
    return folder


def catalog_path(project: Path, language: str, key: str = PAGE) -> Path:
    return project / "po" / language / f"{key}.po"


def msgids(path: Path) -> list[str]:
    return [entry.msgid for entry in polib.pofile(str(path)) if not entry.obsolete]


def template_msgids(project: Path, key: str = PAGE) -> list[str]:
    return msgids(project / "po" / "templates" / f"{key}.pot")


def backdate(path: Path) -> None:
    os.utime(path, (OLD, OLD), follow_symlinks=False)


def test_emptied_catalog_is_merged_again(project):
    path = catalog_path(project, "ar")
    header = path.read_text(encoding="utf-8").split("\n\n")[0]
    path.write_text(header + "\n", encoding="utf-8")  # every entry deleted by hand
    backdate(path)
    result = run(project, "pull")
    assert result.exit_code == 0, result.output
    assert msgids(path) == template_msgids(project)
    assert "wrote 1 files" in result.output


def test_msgid_altered_by_hand_is_merged_again_and_the_translation_kept(project):
    path = catalog_path(project, "tr")
    po = polib.pofile(str(path))
    entry = po[0]
    original = entry.msgid
    entry.msgid, entry.msgstr = original + " (geändert)", "Entegrasyon kursları"
    po.save(str(path))
    result = run(project, "pull")
    assert result.exit_code == 0, result.output
    assert msgids(path) == template_msgids(project)
    restored = polib.pofile(str(path)).find(original)
    assert restored.msgstr == "Entegrasyon kursları" and restored.fuzzy  # for review
    before = snapshot(project / "po")
    assert "wrote 0 files" in run(project, "pull").output
    assert snapshot(project / "po") == before


def test_site_catalog_altered_by_hand_is_merged_again(project):
    path = catalog_path(project, "uk", "_site")
    po = polib.pofile(str(path))
    del po[0]
    po.save(str(path))
    backdate(path)
    assert run(project, "pull").exit_code == 0
    assert msgids(path) == template_msgids(project, "_site")


def test_catalog_replaced_by_a_broken_one_with_an_old_time_is_reported(project):
    path = catalog_path(project, "fa")
    broken = path.read_bytes() + b'\nmsgid "offen\nmsgstr ""\n'
    path.unlink()
    path.write_bytes(broken)
    backdate(path)  # as if copied with its time (cp -p, unzip, a backup)
    for _ in range(2):  # until it is fixed
        result = run(project, "pull")
        assert result.exit_code == 2, result.output
        assert f"po/fa/{PAGE}.po:" in result.output and "left untouched" in result.output
        assert path.read_bytes() == broken


def test_catalog_reached_through_a_symbolic_link_is_checked(project, tmp_path):
    path = catalog_path(project, "ru")
    elsewhere = tmp_path / "elsewhere.po"
    elsewhere.write_bytes(path.read_bytes() + b'\nmsgid "offen\nmsgstr ""\n')
    backdate(elsewhere)
    path.unlink()
    path.symlink_to(elsewhere)
    backdate(path)
    result = run(project, "pull")
    assert result.exit_code == 2, result.output
    assert f"po/ru/{PAGE}.po:" in result.output

    # the link now points to a good file whose entries no longer match: merged through it
    good = tmp_path / "good.po"
    text = catalog_path(project, "en").read_text(encoding="utf-8")
    first = template_msgids(project)[0]
    good.write_text(text.replace(f'msgid "{first}"', 'msgid "von Hand"', 1), encoding="utf-8")
    backdate(good)
    path.unlink()
    path.symlink_to(good)
    backdate(path)
    result = run(project, "pull")
    assert result.exit_code == 0, result.output
    assert path.is_symlink() and msgids(good) == template_msgids(project)


def test_template_edited_by_hand_is_rebuilt_from_the_page(project):
    path = project / "po" / "templates" / f"{PAGE}.pot"
    good = path.read_bytes()
    path.write_bytes(good.replace(b'msgid "Integrationskurse"', b'msgid "Kurse"', 1))
    backdate(path)
    assert run(project, "pull").exit_code == 0
    assert path.read_bytes() == good


def test_files_copied_back_unchanged_are_not_read_again(project, monkeypatch):
    """As after a fresh checkout: every signature moved, no byte did."""
    for path in (project / "po").rglob("*.po*"):
        data = path.read_bytes()
        path.unlink()
        path.write_bytes(data)
    import kisync.extract

    extracted = []
    real_extract = kisync.extract.extract_page
    monkeypatch.setattr(
        kisync.extract, "extract_page", lambda *a: extracted.append(a) or real_extract(*a)
    )
    before = snapshot(project / "po")
    result = run(project, "pull")
    assert result.exit_code == 0 and "wrote 0 files" in result.output
    assert extracted == [] and snapshot(project / "po") == before


# -- a translator saving while pull merges ------------------------------------------

SAVE_IN_POEDIT = """
import sys, polib
po = polib.pofile(sys.argv[1])
for entry in po:
    if not entry.obsolete and not entry.msgstr:
        entry.msgstr = sys.argv[2]
        break
po.save(sys.argv[1])
"""


def save_as_translator(path: Path, translation: str) -> None:
    """Another process saves the catalog, as Poedit would."""
    subprocess.run([sys.executable, "-c", SAVE_IN_POEDIT, str(path), translation], check=True)


def translations(path: Path) -> set[str]:
    return {entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


def merge_with_saves(monkeypatch, path: Path, saves: int) -> list[str]:
    """Make the translator save ``path`` while pull merges it, ``saves`` times: right
    after pull read the catalog and before it writes the merged one."""
    real_merge = catalog_files.merge
    made: list[str] = []

    def merge_while_translator_saves(template, existing, language, page):
        result = real_merge(template, existing, language, page)
        if existing is not None and Path(existing.fpath) == path and len(made) < saves:
            made.append(f"Übersetzung {len(made) + 1}")
            save_as_translator(path, made[-1])
        return result

    monkeypatch.setattr(catalog_files, "merge", merge_while_translator_saves)
    return made


def test_a_save_made_while_pull_merges_is_merged_not_lost(project, monkeypatch):
    path = catalog_path(project, "ar")
    made = merge_with_saves(monkeypatch, path, saves=2)
    edit_page(project, "Im Integrationskurs lernen Sie Deutsch", "Im Kurs lernen Sie Deutsch")
    result = run(project, "pull")
    assert result.exit_code == 0, result.output
    assert set(made) <= translations(path)  # the saves survived
    assert made == ["Übersetzung 1", "Übersetzung 2"]  # each one merged again
    assert msgids(path) == template_msgids(project)  # and the page's change is merged
    assert any("Im Kurs lernen Sie Deutsch" in msgid for msgid in msgids(path))


def test_a_catalog_saved_at_every_attempt_is_left_as_saved(project, monkeypatch):
    path = catalog_path(project, "ar")
    made = merge_with_saves(monkeypatch, path, saves=catalog_files.MERGE_ATTEMPTS)
    edit_page(project, "Im Integrationskurs lernen Sie Deutsch", "Im Kurs lernen Sie Deutsch")
    result = run(project, "pull")
    assert result.exit_code == 2
    assert f"po/ar/{PAGE}.po: saved by someone else 5 times while pull merged it" in result.output
    assert set(made) <= translations(path)
    assert not any("Im Kurs lernen" in msgid for msgid in msgids(path))  # not merged yet
    monkeypatch.undo()
    result = run(project, "pull")  # the next pull completes it
    assert result.exit_code == 0, result.output
    assert set(made) <= translations(path) and msgids(path) == template_msgids(project)
