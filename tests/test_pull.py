"""`kisync pull` end to end on a copy of the demo portal, through the CLI."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from conftest import msgfmt_check
from support.demo import copy_demo

from kisync import Project, pofile
from kisync import pull as pull_module
from kisync.cli import cli

DEMO = Path(__file__).resolve().parent.parent / "examples" / "heinsberg"
PAGE = "bildung-sprache/integrationskurse"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_demo(tmp_path)


def run(project: Path, *args: str):
    return CliRunner().invoke(cli, ["--project", str(project), *args], catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def catalog(project: Path, language: str, key: str = PAGE) -> polib.POFile:
    return polib.pofile(str(project / "po" / language / f"{key}.po"))


def all_msgids(project: Path) -> list[str]:
    return [
        entry.msgid
        for path in (project / "po" / "templates").rglob("*.pot")
        for entry in polib.pofile(str(path))
    ]


def translate(project: Path, language: str, key: str, translations: dict[str, str]) -> None:
    path = project / "po" / language / f"{key}.po"
    po = polib.pofile(str(path))
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    po.save(str(path))


def edit_page(project: Path, old: str, new: str, page: str = f"portal/{PAGE}/index.html") -> None:
    path = project / page
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_first_pull_writes_valid_catalogs(project):
    result = run(project, "pull")
    assert result.exit_code == 0, result.output
    assert "14 pages (14 changed, 0 unchanged)" in result.output
    files = sorted((project / "po").rglob("*.po*"))
    assert len(files) == 15 * 8  # 14 pages + _site, template + 7 languages
    for path in files:
        msgfmt_check(path)
    po = catalog(project, "ar")
    assert po.metadata["Language"] == "ar"
    assert po.metadata["Plural-Forms"].startswith("nplurals=6;")


def test_second_pull_changes_no_byte(project):
    run(project, "pull")
    before, state_file = snapshot(project), project / ".kisync" / "pull-state.json"
    os.utime(state_file, (0, 0))
    result = run(project, "pull")
    assert "wrote 0 files" in result.output
    assert snapshot(project) == before  # not even the pull state
    assert state_file.stat().st_mtime > 0  # which says when the last pull ran
    before = snapshot(project / "po")
    shutil.rmtree(project / ".kisync")  # without the state every page is read again
    result = run(project, "pull")
    assert "wrote 0 files" in result.output
    assert snapshot(project / "po") == before


# Loaded by a pull only when it reads a page or writes a catalog.
WORK_MODULES = (
    "kisync.extract",  # the HTML parser and segmenter
    "kisync.pofile",  # the PO reader and writer
    "polib",
    "rapidfuzz",  # fuzzy matching of changed strings
    "babel",  # language names
    "kisync.translate.tbx",  # the glossary's parser
    "kisync.translate.matcher",  # its term matcher
    "concurrent.futures.process",  # worker processes
    "multiprocessing",
)
PULL_AND_LIST_MODULES = f"""
import json, sys
from kisync.cli import cli
status = cli.main(["--project", sys.argv[1], "pull"], standalone_mode=False)
print(json.dumps([status, [name for name in {WORK_MODULES!r} if name in sys.modules]]))
"""


def pull_in_new_process(project: Path) -> tuple[int, list[str]]:
    """A pull in a fresh interpreter: its exit code and the WORK_MODULES it loaded."""
    command = [sys.executable, "-c", PULL_AND_LIST_MODULES, str(project)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    status, loaded = json.loads(output.splitlines()[-1])
    return status, loaded


def test_pull_with_nothing_changed_loads_nothing_it_does_not_need(project):
    run(project, "pull")  # the demo project has a glossary configured
    assert pull_in_new_process(project) == (0, [])

    edit_page(project, "Integrationskurs", "Integrationskurs (neu)")
    status, loaded = pull_in_new_process(project)
    assert status == 0
    assert {"kisync.extract", "kisync.pofile", "kisync.translate.matcher"} <= set(loaded)


def test_msgids_hold_no_script_no_translate_no_and_no_url(project):
    run(project, "pull")
    msgids = all_msgids(project)
    text = "\n".join(msgids)
    assert "http" not in text and "href" not in text and "mailto:" not in text
    assert "www." not in text and "@" not in text  # addresses in the text are placeholders
    assert "dataLayer" not in text and "function" not in text
    assert "Valkenburger" not in text  # a translate="no" address on the demo pages
    assert any("\u00a0" in msgid for msgid in msgids), "no-break spaces survive"


def test_site_wide_text_goes_once_into_site_catalog(project):
    run(project, "pull")
    site = [e.msgid for e in polib.pofile(str(project / "po/templates/_site.pot"))]
    assert "Hauptmenü" in site and "Impressum" in site
    page = [e.msgid for e in polib.pofile(str(project / f"po/templates/{PAGE}.pot"))]
    assert "Hauptmenü" not in page and "Impressum" not in page


def test_site_catalog_follows_the_pages_and_is_rebuilt_when_missing(project):
    run(project, "pull")
    site_po = project / "po" / "ar" / "_site.po"

    site_po.unlink()  # nothing on the portal changed, but a catalog is missing
    run(project, "pull")
    assert site_po.exists()
    msgfmt_check(site_po)

    edit_page(project, ">Impressum<", ">Impressum und Datenschutz<", "portal/kommunen/index.html")
    run(project, "pull")
    site = {e.msgid: e for e in polib.pofile(str(project / "po/templates/_site.pot"))}
    assert "Impressum und Datenschutz" in site and "Impressum" in site  # other pages keep it
    assert "kommunen" in " ".join(path for path, _ in site["Impressum und Datenschutz"].occurrences)


def test_edited_sentence_comes_back_fuzzy_with_old_translation(project):
    run(project, "pull")
    old = next(
        m
        for m in (e.msgid for e in catalog(project, "en"))
        if m.startswith("Im Integrationskurs lernen")
    )
    translate(project, "en", PAGE, {old: "In the integration course you learn German."})
    edit_page(
        project,
        "Im Integrationskurs lernen Sie Deutsch",
        "Im Integrationskurs lernen Sie gut Deutsch",
    )
    result = run(project, "pull")
    assert "1 changed" in result.output and "strings: 0 new, 1 changed, 0 removed" in result.output
    entry = next(
        e
        for e in catalog(project, "en")
        if e.msgid.startswith("Im Integrationskurs lernen Sie gut")
    )
    assert "fuzzy" in entry.flags
    assert entry.previous_msgid == old
    assert entry.msgstr == "In the integration course you learn German."
    msgfmt_check(project / "po" / "en" / f"{PAGE}.po")


def test_removed_sentence_becomes_obsolete_with_translation(project):
    run(project, "pull")
    heading = "Wie ist ein Integrationskurs aufgebaut?"
    translate(project, "tr", PAGE, {heading: "Bir uyum kursu nasıl yapılandırılır?"})
    edit_page(project, f">{heading}<", "><")
    result = run(project, "pull")
    assert "1 removed" in result.output
    obsolete = [e for e in catalog(project, "tr") if e.obsolete]
    assert [(e.msgid, e.msgstr) for e in obsolete] == [
        (heading, "Bir uyum kursu nasıl yapılandırılır?")
    ]
    msgfmt_check(project / "po" / "tr" / f"{PAGE}.po")


def test_corrupt_catalog_is_left_untouched_and_run_exits_2(project):
    run(project, "pull")
    broken = project / "po" / "fa" / f"{PAGE}.po"
    broken.write_bytes(broken.read_bytes() + b'\nmsgid "offen\nmsgstr ""\n')
    before = broken.read_bytes()
    edit_page(
        project,
        "Im Integrationskurs lernen Sie Deutsch",
        "Im Integrationskurs lernen Sie Deutsch gern",
    )
    edit_page(project, "<h1", "<h1 class='x'", page="portal/gesundheit/index.html")
    result = run(project, "pull")
    assert result.exit_code == 2
    assert f"po/fa/{PAGE}.po:" in result.output  # file and line
    assert broken.read_bytes() == before
    # the other languages and pages were still processed
    assert any(
        e.msgid.endswith("Deutsch gern") or "Deutsch gern" in e.msgid
        for e in catalog(project, "en")
    )
    # and the broken page is retried on the next run rather than forgotten
    result = run(project, "pull")
    assert result.exit_code == 2


def test_catalog_broken_while_its_page_is_unchanged_is_reported(project):
    run(project, "pull")
    broken, site = project / "po" / "fa" / f"{PAGE}.po", project / "po" / "uk" / "_site.po"
    good = {path: path.read_bytes() for path in (broken, site)}
    broken.write_bytes(good[broken] + b'\nmsgid "offen\nmsgstr ""\n')
    site.write_bytes(good[site].replace(b'msgstr ""', b"msgstr", 1))
    before = snapshot(project / "po")
    for _ in range(2):  # reported again until it is fixed, though the run saved its state
        result = run(project, "pull")
        assert result.exit_code == 2, result.output
        assert f"po/fa/{PAGE}.po:" in result.output  # file and line
        assert "po/uk/_site.po:" in result.output
        assert "left untouched" in result.output
        assert snapshot(project / "po") == before

    for path, text in good.items():  # fixed, with a translation added by hand
        path.write_bytes(text.replace(b'msgstr ""\n\n', b'msgstr "x"\n\n', 1))
    before = snapshot(project / "po")
    result = run(project, "pull")
    assert result.exit_code == 0, result.output
    assert snapshot(project / "po") == before  # a hand-edited catalog is not rewritten
    state = json.loads((project / ".kisync" / "pull-state.json").read_text())
    assert "recheck" not in state


def test_only_catalogs_changed_since_the_last_pull_are_read(project, monkeypatch):
    run(project, "pull")
    translate(project, "ar", PAGE, {"Integrationskurse": "دورات الاندماج"})
    edited = project / "po" / "ar" / f"{PAGE}.po"
    parsed = []
    real_parse = pofile.parse
    monkeypatch.setattr(
        pofile, "parse", lambda data, path: parsed.append(path) or real_parse(data, path)
    )

    before = snapshot(project / "po")
    assert run(project, "pull").exit_code == 0
    assert parsed == [project / "po" / "templates" / f"{PAGE}.pot", edited]
    assert snapshot(project / "po") == before  # a translator's layout is kept
    parsed.clear()
    assert run(project, "pull").exit_code == 0  # the pull recorded how it found the file
    assert parsed == []


def test_unreadable_page_is_reported_and_others_go_on(project):
    (project / "portal" / "kaputt.html").write_bytes(b"\x00\x01\x02PNG")
    result = run(project, "pull")
    assert result.exit_code == 2
    assert "page kaputt (portal/kaputt.html): contains NUL bytes" in result.output
    assert (project / "po" / "ar" / f"{PAGE}.po").exists()


def test_page_filter_and_unknown_page(project):
    result = run(project, "pull", "--page", "gesundheit")
    assert result.exit_code == 0
    assert sorted(p.name for p in (project / "po" / "templates").glob("*.pot")) == [
        "_site.pot",
        "gesundheit.pot",
    ]
    result = run(project, "pull", "--page", "gesundhiet")
    assert result.exit_code == 2
    assert "no page matches --page 'gesundhiet'" in result.output


def test_dry_run_writes_nothing(project):
    result = run(project, "pull", "--dry-run")
    assert result.exit_code == 0
    assert "would write po/ar/gesundheit.po" in result.output
    assert not (project / "po").exists() and not (project / ".kisync").exists()


def test_new_language_and_removed_page(project):
    run(project, "pull")
    config = project / "kisync.toml"
    config.write_text(
        config.read_text().replace('"de-x-ls"]', '"de-x-ls", "ps"]'), encoding="utf-8"
    )
    (project / "portal" / "kommunen" / "index.html").unlink()
    result = run(project, "pull")
    assert result.exit_code == 0
    assert (project / "po" / "ps" / f"{PAGE}.po").exists()
    assert "page kommunen is no longer on the portal; its catalogs were kept" in result.output
    assert (project / "po" / "ar" / "kommunen.po").exists()


def test_worker_processes_give_the_same_files(project, tmp_path_factory, monkeypatch):
    serial = copy_demo(tmp_path_factory.mktemp("serial"))
    monkeypatch.setattr(pull_module, "PARALLEL_FROM", 10**6)
    run(serial, "pull")
    monkeypatch.setattr(pull_module, "PARALLEL_FROM", 2)
    run(project, "pull")
    assert snapshot(project / "po").keys() == snapshot(serial / "po").keys()
    for path in (project / "po").rglob("*.po"):
        # identical apart from the header dates, which depend on the minute of the run
        ours = path.read_text().split("\n\n", 1)[1]
        theirs = (serial / path.relative_to(project)).read_text().split("\n\n", 1)[1]
        assert ours == theirs, path


def test_a_page_whose_body_has_no_text_is_reported_and_never_complete(project):
    page = project / "portal" / "termine" / "index.html"
    page.parent.mkdir()
    shell = (
        "<!DOCTYPE html><html lang=de><head><title>Termine</title></head><body>"
        "<main>{}</main><script src=/app.js></script></body></html>"
    )
    page.write_text(shell.format('<div id="app"></div>'), encoding="utf-8")
    result = run(project, "pull")
    assert result.exit_code == 0
    (line,) = [line for line in result.output.splitlines() if "page termine" in line]
    assert "no text to translate" in line and "JavaScript" in line and "'main'" in line
    template = pofile.read(project / "po" / "templates" / "termine.pot")
    assert [entry.msgid for entry in template] == ["Termine"]
    translate(project, "en", "termine", {"Termine": "Appointments"})

    stats = json.loads(
        run(project, "stats", "--lang", "en", "--page", "termine", "--format", "json").output
    )
    counts = stats["languages"][0]["pages"][0]
    assert (counts["total"], counts["translated"], counts["percent"]) == (2, 1, 50.0)
    check = run(project, "check", "--lang", "en", "--page", "termine", "--no-lint")
    assert check.exit_code == 1
    report = Project.load(project).push(["en"], ["termine"])
    assert [result.action for result in report.results] == ["withheld"]

    page.write_text(shell.format("<p>Termine nach Vereinbarung.</p>"), encoding="utf-8")
    run(project, "pull")
    translate(project, "en", "termine", {"Termine nach Vereinbarung.": "By appointment."})
    assert "X-Kisync-No-Body-Text" not in catalog(project, "en", "termine").metadata
    check = run(project, "check", "--lang", "en", "--page", "termine", "--no-lint")
    assert check.exit_code == 0, check.output


def test_a_new_extraction_version_reads_every_page_again(project, monkeypatch):
    run(project, "pull")
    extracted = []
    real_process_page = pull_module.process_page

    def counting(project, ref, *args, **kwargs):
        extracted.append(ref.key)
        return real_process_page(project, ref, *args, **kwargs)

    monkeypatch.setattr(pull_module, "process_page", counting)
    run(project, "pull")
    assert extracted == []
    monkeypatch.setattr(pull_module, "EXTRACTION_VERSION", "next")
    result = run(project, "pull")
    assert len(extracted) == 14 and "wrote 0 files" in result.output
