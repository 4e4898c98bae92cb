"""`kisync harvest` on the demo portal (a files portal with partial en/ and ar/ translations)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from conftest import msgfmt_check
from support.demo import copy_demo, copy_pulled

from kisync import Project, pofile
from kisync.cli import cli
from kisync.errors import ConfigError
from kisync.translate.checks import Subject
from kisync.translate.standard_checks import placeholders

COURSES = "bildung-sprache/integrationskurse"
LEFT_GERMAN = "Für die Teilnahme brauchen Sie eine <b1>Teilnahmeberechtigung</b1>."
INTRO = "Im Integrationskurs lernen Sie Deutsch und erfahren viel über das Leben in Deutschland."


@pytest.fixture(scope="session")
def pulled(tmp_path_factory) -> Path:
    root = copy_demo(tmp_path_factory.mktemp("harvest"))
    assert not Project.load(root).pull().failures
    return root


@pytest.fixture
def project(pulled, tmp_path) -> Project:
    return Project.load(copy_pulled(pulled, tmp_path))


def entries(project: Project, language: str, key: str) -> dict[str, polib.POEntry]:
    catalog = pofile.read(project.catalog_path(language, key))
    return {entry.msgid: entry for entry in catalog if not entry.obsolete}


def starting(found: dict[str, polib.POEntry], prefix: str) -> polib.POEntry:
    [entry] = [entry for msgid, entry in found.items() if msgid.startswith(prefix)]
    return entry


def snapshot(project: Project) -> dict[str, bytes]:
    return {
        path.relative_to(project.root).as_posix(): path.read_bytes()
        for path in sorted(project.catalogs_dir.rglob("*.po*"))
    }


def test_harvest_fills_the_catalogs_as_fuzzy_with_a_note(project: Project) -> None:
    report = project.harvest()
    assert report.exit_code == 0, report.failures
    harvested = {(page.language, page.page): page for page in report.pages if page.source}
    assert set(harvested) == {
        ("en", COURSES),
        ("en", "gesundheit"),
        ("ar", "gesundheit"),
        ("ar", "beratung-hilfe/sprachmittlung"),
    }
    assert all(page.status == "harvested" for page in harvested.values())
    assert harvested[("en", COURSES)].source == "en/bildung-sprache/integrationskurse/index.html"

    found = entries(project, "en", COURSES)
    intro = starting(found, INTRO)
    assert intro.msgstr.startswith("In an integration course you learn German")
    assert "fuzzy" in intro.flags
    assert "harvested from en/bildung-sprache/integrationskurse/index.html" in intro.comment
    # the abbreviation the English page dropped is put back with the German tag name
    assert "<span1>BAMF</span1>" in intro.msgstr
    assert found["Integrationskurse"].msgstr == "Integration courses"

    arabic = entries(project, "ar", "gesundheit")
    assert arabic["Krankenversicherung"].msgstr == "التأمين الصحي"
    site = entries(project, "ar", "_site")
    assert site["Zum Inhalt springen"].msgstr == "انتقل إلى المحتوى"
    assert "harvested from the translated pages" in site["Zum Inhalt springen"].comment
    assert report.site["ar"] > 20

    for path in project.catalogs_dir.rglob("*.po"):
        msgfmt_check(path)


def test_harvested_translations_use_the_german_tags(project: Project) -> None:
    project.harvest()
    checked = 0
    for path in project.catalogs_dir.rglob("*.po"):
        for entry in pofile.read(path):
            if "harvested from" in (entry.comment or "") and entry.msgstr:
                subject = Subject(entry, entry.msgid, entry.msgstr, None, path, 0)
                assert not list(placeholders(subject)), (entry.msgid, entry.msgstr)
                checked += 1
    assert checked > 100


def test_german_left_on_the_translated_page_is_not_harvested(project: Project) -> None:
    project.harvest()
    found = entries(project, "en", COURSES)
    assert starting(found, LEFT_GERMAN).msgstr == ""
    assert found["Gibt es während des Kurses eine Kinderbetreuung?"].msgstr == ""
    arabic = entries(project, "ar", "gesundheit")
    assert starting(arabic, "Wenn Sie nachts").msgstr == ""  # has "Der Anruf ist kostenlos."
    assert arabic["Gesundheitsamt"].msgstr == ""
    marked = entries(project, "ar", "beratung-hilfe/sprachmittlung")
    assert starting(marked, "Sprachmittler*innen sind keine").msgstr == ""  # lang="de"
    # merged and split paragraphs are not taken for one of their parts
    assert starting(found, "Ein allgemeiner Integrationskurs").msgstr == ""
    assert starting(entries(project, "en", "gesundheit"), "In Deutschland muss").msgstr == ""


def test_an_existing_translation_is_never_overwritten(project: Project) -> None:
    path = project.catalog_path("en", COURSES)
    catalog = pofile.read(path)
    for entry in catalog:
        if entry.msgid == "Integrationskurse":
            entry.msgstr = "Integration classes"  # a translator's, confirmed
        if entry.msgid.startswith(INTRO):
            entry.msgstr = "Someone's draft"  # someone's proposal, still fuzzy
            entry.flags.append("fuzzy")
    path.write_text(pofile.dumps(catalog), encoding="utf-8")

    report = project.harvest(["en"], [COURSES])
    found = entries(project, "en", COURSES)
    assert found["Integrationskurse"].msgstr == "Integration classes"
    assert "fuzzy" not in found["Integrationskurse"].flags
    assert "harvested" not in found["Integrationskurse"].comment
    assert starting(found, INTRO).msgstr == "Someone's draft"
    [page] = [p for p in report.pages if p.source]
    assert page.kept == 2 and page.filled > 20


def test_a_second_run_changes_no_byte(project: Project) -> None:
    first = project.harvest()
    assert first.filled > 100 and first.written
    before = snapshot(project)
    second = project.harvest()
    assert second.written == []
    assert second.filled == 0
    assert snapshot(project) == before


def test_a_proposal_harvested_earlier_is_not_replaced(project: Project) -> None:
    """A translator may have edited it (without confirming it yet): it stays as it is."""
    project.harvest(["en"], [COURSES])
    path = project.catalog_path("en", COURSES)
    catalog = pofile.read(path)
    for entry in catalog:
        if entry.msgid == "Wer darf teilnehmen?":
            entry.msgstr = "Who can take part?"  # edited, still fuzzy
    path.write_text(pofile.dumps(catalog), encoding="utf-8")
    page = project.root / "portal" / "en" / COURSES / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "Four steps to a course", "Four steps to your course"
        ),
        encoding="utf-8",
    )
    report = project.harvest(["en"], [COURSES])
    found = entries(project, "en", COURSES)
    assert found["Wer darf teilnehmen?"].msgstr == "Who can take part?"
    assert found["In vier Schritten zum Kurs"].msgstr == "Four steps to a course"
    [result] = [p for p in report.pages if p.source]
    assert result.filled == 0 and result.kept == 2


def test_dry_run_writes_nothing(project: Project) -> None:
    before = snapshot(project)
    report = project.harvest(dry_run=True)
    assert report.filled > 100 and report.written
    assert snapshot(project) == before


def test_a_page_that_differs_too_much_is_left_alone(project: Project) -> None:
    config = project.root / "kisync.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + "\n[harvest]\nmin_confidence = 99\n", encoding="utf-8"
    )
    project = Project.load(project.root)
    before = snapshot(project)
    report = project.harvest(["ar"], ["beratung-hilfe/*"])
    [page] = [p for p in report.pages if p.source]
    assert page.status == "too-different"
    assert "left alone" in page.message
    courses = project.catalog_path("ar", "beratung-hilfe/sprachmittlung").relative_to(project.root)
    assert snapshot(project)[courses.as_posix()] == before[courses.as_posix()]


def test_a_page_not_pulled_yet_is_reported(project: Project) -> None:
    project.catalog_path("en", "gesundheit").unlink()
    report = project.harvest(["en"], ["gesundheit"])
    [page] = [p for p in report.pages if p.source]
    assert page.status == "not-pulled"
    assert "kisync pull" in page.message


def test_an_unreadable_catalog_is_left_untouched(project: Project) -> None:
    path = project.catalog_path("en", "gesundheit")
    path.write_text('msgid "broken\n', encoding="utf-8")
    report = project.harvest(["en"], ["gesundheit"])
    assert report.exit_code == 2
    assert path.read_text(encoding="utf-8") == 'msgid "broken\n'


def test_a_custom_pattern_finds_translations_elsewhere(project: Project) -> None:
    portal = project.root / "portal"
    shutil.move(portal / "en", portal / "translations-en")
    config = project.root / "kisync.toml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + '\n[harvest]\npattern = "translations-{lang}/{path}"\n',
        encoding="utf-8",
    )
    project = Project.load(project.root)
    report = project.harvest(["en"])
    assert {p.page for p in report.pages if p.source} == {COURSES, "gesundheit"}
    assert "harvested from translations-en/gesundheit/index.html" in (
        entries(project, "en", "gesundheit")["Krankenversicherung"].comment
    )


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("{lang}/{page}", "unknown field {page}"),
        ("en/{path}", "must contain {lang} or {bcp47}"),
        ("/srv/{lang}/{path}", "relative to the portal"),
        ("{lang/{path}", "harvest.pattern"),
    ],
)
def test_bad_patterns_are_refused_with_one_line(tmp_path: Path, pattern: str, message: str) -> None:
    (tmp_path / "kisync.toml").write_text(
        f'languages = ["en"]\n[harvest]\npattern = "{pattern}"\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError, match=r"harvest\.pattern") as caught:
        Project.load(tmp_path)
    assert message in str(caught.value)


def test_a_pattern_cannot_leave_the_portal_folder(project: Project) -> None:
    config = project.root / "kisync.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + '\n[harvest]\npattern = "../{lang}/{path}"\n',
        encoding="utf-8",
    )
    report = Project.load(project.root).harvest(["en"], ["gesundheit"])
    assert report.exit_code == 2
    assert "outside" in report.failures[0]


def test_cli_text_and_json(project: Project) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli, ["--project", str(project.root), "harvest", "--lang", "en", "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    assert f"en {COURSES}: harvested (en/bildung-sprache/integrationskurse/index.html)" in (
        result.output
    )
    assert "still German" in result.output
    assert "would write" in result.output

    result = runner.invoke(
        cli,
        ["--project", str(project.root), "harvest", "--page", "gesundheit", "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["languages"] == ["en", "ar", "fa", "tr", "uk", "ru", "de-x-ls"]
    pages = {(p["language"], p["page"]): p for p in data["pages"]}
    assert pages[("fa", "gesundheit")]["status"] == "no-translation"
    english = pages[("en", "gesundheit")]
    assert english["status"] == "harvested"
    assert english["source"] == "en/gesundheit/index.html"
    assert english["filled"] > 10 and english["confidence"] > 80
    assert english["unpaired_german"] >= 2 and english["unpaired_translated"] >= 2
    assert set(english) == {
        "page", "language", "status", "source", "confidence", "paired", "usable", "merged",
        "still_german", "unpaired_german", "unpaired_translated", "filled", "unchanged",
        "kept", "missing", "message",
    }  # fmt: skip


def test_cli_unknown_page_or_language_is_one_line(project: Project) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["--project", str(project.root), "harvest", "--page", "nix"])
    assert result.exit_code == 2
    assert "no page matches --page 'nix'" in result.output
    result = runner.invoke(cli, ["--project", str(project.root), "harvest", "--lang", "xx"])
    assert result.exit_code == 2


def test_the_translation_of_another_page_is_left_alone(project: Project) -> None:
    portal = project.root / "portal"
    wrong = portal / "en" / "impressum" / "index.html"
    wrong.parent.mkdir(parents=True)
    shutil.copy(portal / "en" / "gesundheit" / "index.html", wrong)
    before = project.catalog_path("en", "impressum").read_bytes()
    report = project.harvest(["en"], ["impressum"])
    [page] = [p for p in report.pages if p.source]
    assert page.status == "too-different"
    assert page.alignment.confidence < 40
    assert project.catalog_path("en", "impressum").read_bytes() == before
    assert report.site == {}  # nothing from a page left alone, not even the menu
