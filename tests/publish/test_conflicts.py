"""Conflicts only for real edits (files target): a push killed after writing resumes
without conflicts, an edit is noticed on every push and shown as a diff of the text,
--force says what it overwrites."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner
from support.catalogs import translate

from kisync import Project, pofile
from kisync.cli import cli

PAGES = 14
STATE = Path(".kisync") / "publish-state.json"


def run(root: Path, *args: str):
    return CliRunner().invoke(cli, ["--project", str(root), *args])


def site_files(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted((root / "site").rglob("*"))
        if path.is_file()
    }


def hand_edit(demo: Path) -> Path:
    """A colleague corrects the English title of the imprint page by hand."""
    page = demo / "site" / "en" / "impressum" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert "[en] Impressum" in text
    page.write_text(text.replace("[en] Impressum", "Legal notice (fixed by hand)"), "utf-8")
    return page


def test_a_push_killed_after_writing_resumes_without_false_conflicts(demo):
    translate(demo, "en")
    assert Project.load(demo).push(["en"]).exit_code == 0
    recorded_before = (demo / STATE).read_bytes()
    translate(demo, "en", lambda text: f"[en v2] {text}")
    assert Project.load(demo).push(["en"]).count("update") == PAGES
    # Killed after writing every page, before the state file was saved: the state file
    # still describes the first version.
    (demo / STATE).write_bytes(recorded_before)
    written = site_files(demo)

    report = Project.load(demo).push(["en"])
    assert report.conflicts == [] and report.exit_code == 0
    assert report.count("adopt") == PAGES
    assert site_files(demo) == written  # nothing rewritten: same bytes, same times
    assert Project.load(demo).push(["en"]).count("unchanged") == PAGES


def test_an_edit_on_the_target_is_noticed_on_the_next_push_and_shown_as_text(demo):
    translate(demo, "en")
    assert Project.load(demo).push(["en"]).exit_code == 0
    page = hand_edit(demo)
    edited = page.read_bytes()

    # Nothing changed in the catalogs, yet the edit is found and shown.
    result = run(demo, "push", "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "en impressum: CONFLICT" in result.output
    diff_file = demo / ".kisync" / "conflicts" / "en" / "impressum.diff"
    assert diff_file.exists()
    shown = diff_file.read_text(encoding="utf-8")
    assert "\n-Title: Legal notice (fixed by hand)" in shown
    assert "\n+Title: [en] Impressum" in shown
    assert "\n-Legal notice (fixed by hand)\n+[en] Impressum\n" in shown  # the heading
    assert "<h1" not in shown  # text, not markup
    assert "-Title: Legal notice (fixed by hand)" in result.output
    assert ".kisync/conflicts/en/impressum.diff" in result.output
    assert "kisync harvest --from-edits" in result.output
    assert page.read_bytes() == edited

    data = json.loads(run(demo, "push", "--lang", "en", "--format", "json").output)
    conflict = next(p for p in data["pages"] if p["action"] == "conflict")
    assert conflict["page"] == "impressum"
    assert "+Title: [en] Impressum" in conflict["diff"]
    assert [p["page"] for p in data["pages"] if p["action"] != "unchanged"] == ["impressum"]


def test_force_names_what_it_overwrites(demo):
    translate(demo, "en")
    assert Project.load(demo).push(["en"]).exit_code == 0
    page = hand_edit(demo)
    result = run(demo, "push", "--lang", "en", "--force")
    assert result.exit_code == 0, result.output
    assert "--force: pages changed on the target since kisync wrote them are overwritten" in (
        result.output
    )
    line = next(line for line in result.output.splitlines() if line.startswith("en impressum:"))
    assert "overwrites the version on the target" in line
    assert 'its title was "Legal notice (fixed by hand) – Integrationsportal' in line
    assert "-Legal notice (fixed by hand)" in result.output
    other = [
        ln for ln in result.output.splitlines() if "overwrites" in ln and "impressum" not in ln
    ]
    assert other == []  # pages nobody edited are not said to be overwritten
    assert "[en] Impressum" in page.read_text(encoding="utf-8")
    assert not (demo / ".kisync" / "conflicts" / "en" / "impressum.diff").exists()


def test_a_resolved_conflict_leaves_no_diff_file(demo):
    translate(demo, "en")
    assert Project.load(demo).push(["en"]).exit_code == 0
    page = demo / "site" / "en" / "impressum" / "index.html"
    original = page.read_bytes()
    hand_edit(demo)
    assert Project.load(demo).push(["en"]).exit_code == 1
    assert (demo / ".kisync" / "conflicts" / "en" / "impressum.diff").exists()
    page.write_bytes(original)
    shutil.rmtree(demo / "site" / "en" / "kommunen")
    assert Project.load(demo).push(["en"], force=True).exit_code == 0
    assert not (demo / ".kisync" / "conflicts" / "en" / "impressum.diff").exists()


def test_harvest_from_edits_takes_the_edit_into_the_po_file_and_ends_the_conflict(demo):
    translate(demo, "en")
    assert Project.load(demo).push(["en"]).exit_code == 0
    page = hand_edit(demo)
    edited = page.read_bytes()
    assert Project.load(demo).push(["en"]).exit_code == 1
    catalog = demo / "po" / "en" / "impressum.po"

    result = run(demo, "harvest", "--from-edits", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "en impressum: edited on the target (/en/impressum/); 1 string(s)" in result.output
    entry = next(e for e in pofile.read(catalog) if e.msgid.startswith("Impressum –"))
    assert entry.msgstr.startswith("Legal notice (fixed by hand) – ")
    assert "fuzzy" in entry.flags
    modified = datetime.fromtimestamp(page.stat().st_mtime, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S")
    assert f"kisync: from an edit on files:site on {modified} UTC" in entry.tcomment
    assert "translation before the edit: [en] Impressum – " in entry.tcomment  # not lost
    assert run(demo, "harvest", "--from-edits").output.startswith(
        "harvest --from-edits: 0 page(s)"
    )  # taken once

    # No conflict any more; the edited page stays online while the string is fuzzy.
    report = Project.load(demo).push(["en"])
    assert report.exit_code == 0 and report.conflicts == []
    assert report.count("kept") == 1
    assert page.read_bytes() == edited
    # A translator confirms it: the catalog now gives exactly the edited page.
    po = pofile.read(catalog)
    for e in po:
        if "fuzzy" in e.flags:
            e.flags.remove("fuzzy")
    catalog.write_text(pofile.dumps(po), encoding="utf-8")
    report = Project.load(demo).push(["en"])
    assert report.exit_code == 0 and report.conflicts == []
    assert "Legal notice (fixed by hand) – " in page.read_text(encoding="utf-8")
