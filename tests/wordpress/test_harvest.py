"""`kisync harvest` against a real WordPress: German pages and their existing translations
created through the REST API, found under the language roots or by a slug-path pattern."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.wordpress import PASSWORD_ENV, WordPress, write_project

from kisync import Project
from kisync.catalog import pofile
from kisync.cli import cli

pytestmark = pytest.mark.wordpress

GERMAN = (
    "<!-- wp:paragraph -->\n"
    "<p>Im Integrationskurs lernen Sie Deutsch. Die Kurse fördert das "
    '<a href="https://www.bamf.de/">BAMF</a>.</p>\n'
    "<!-- /wp:paragraph -->\n\n"
    "<!-- wp:heading -->\n<h2>Anmeldung</h2>\n<!-- /wp:heading -->\n\n"
    "<!-- wp:paragraph -->\n"
    "<p>Melden Sie sich bis zum 15. März unter "
    '<a href="mailto:kurse@kreis.example">kurse@kreis.example</a> an.</p>\n'
    "<!-- /wp:paragraph -->\n\n"
    "<!-- wp:list -->\n<ul><li>Montag: 9 bis 12 Uhr</li><li>Mittwoch: 14 bis 17 Uhr</li>"
    "<li>Freitag: 8 bis 10 Uhr</li></ul>\n<!-- /wp:list -->\n\n"
    "<!-- wp:paragraph -->\n<p>Bitte bringen Sie Ihren Ausweis mit.</p>\n<!-- /wp:paragraph -->"
)
ENGLISH = (
    "<!-- wp:paragraph -->\n"
    "<p>In the integration course you learn German. The courses are funded by the "
    '<a href="https://www.bamf.de/">BAMF</a>.</p>\n'
    "<!-- /wp:paragraph -->\n\n"
    "<!-- wp:paragraph -->\n<p>This page was translated by volunteers.</p>\n"
    "<!-- /wp:paragraph -->\n\n"
    "<!-- wp:heading -->\n<h2>Registration</h2>\n<!-- /wp:heading -->\n\n"
    "<!-- wp:paragraph -->\n"
    "<p>Register by 15 March at "
    '<a href="mailto:kurse@kreis.example">kurse@kreis.example</a>.</p>\n'
    "<!-- /wp:paragraph -->\n\n"
    "<!-- wp:list -->\n<ul><li>Monday: 9 to 12</li><li>Friday: 8 to 10</li></ul>\n"
    "<!-- /wp:list -->\n\n"
    "<!-- wp:paragraph -->\n<p>Bitte bringen Sie Ihren Ausweis mit.</p>\n<!-- /wp:paragraph -->"
)


def msgfmt_check(path: Path) -> None:
    """GNU msgfmt --check accepts the file (tests/conftest.py's, which this folder cannot import)."""
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt (GNU gettext) is not installed: apt-get install gettext"
    result = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True)
    assert result.returncode == 0, result.stderr.decode()


def project_for(wordpress: WordPress, root: Path, monkeypatch, **harvest: str) -> Project:
    monkeypatch.setenv(PASSWORD_ENV, wordpress.password)
    write_project(root, wordpress.url, languages=("en", "ar"))
    if harvest:
        with (root / "kisync.toml").open("a", encoding="utf-8") as config:
            config.write("\n[harvest]\n")
            config.writelines(f"{key} = {json.dumps(value)}\n" for key, value in harvest.items())
    project = Project.load(root)
    report = project.pull()
    assert report.exit_code == 0, report.failures
    return project


def catalog(project: Project, language: str, key: str) -> dict[str, object]:
    return {entry.msgid: entry for entry in pofile.read(project.catalog_path(language, key))}


def test_harvest_from_the_language_root(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = wordpress.create_page("Bildung", "<p>Bildung im Kreis.</p>", slug="bildung")
    wordpress.create_page(
        "Integrationskurse", GERMAN, slug="integrationskurse", parent=parent["id"]
    )
    root = wordpress.create_page("English", "", slug="en")
    english = wordpress.create_page(
        "Integration courses", ENGLISH, slug="integrationskurse", parent=root["id"]
    )
    wordpress.backdate()
    project = project_for(wordpress, tmp_path, monkeypatch)
    assert project.page_keys() == ["_site", "bildung", "bildung/integrationskurse"]

    result = CliRunner().invoke(
        cli, ["--project", str(tmp_path), "harvest", "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    pages = {(p["language"], p["page"]): p for p in data["pages"]}
    found = pages[("en", "bildung/integrationskurse")]
    assert found["status"] == "harvested"
    assert found["source"] == english["link"]
    assert pages[("ar", "bildung/integrationskurse")]["status"] == "no-translation"
    assert pages[("en", "bildung")]["status"] == "no-translation"

    entries = catalog(project, "en", "bildung/integrationskurse")
    title = entries["Integrationskurse"]
    assert title.msgstr == "Integration courses"
    assert "fuzzy" in title.flags
    assert f"harvested from {english['link']}" in title.comment
    assert (
        entries[
            "Im Integrationskurs lernen Sie Deutsch. Die Kurse fördert das <a1>BAMF</a1>."
        ].msgstr
        == "In the integration course you learn German. The courses are funded by the <a1>BAMF</a1>."
    )
    # the e-mail address is an atomic placeholder on both sides, so the sentences align
    assert entries["Melden Sie sich bis zum 15. März unter <a1><x1/></a1> an."].msgstr == (
        "Register by 15 March at <a1><x1/></a1>."
    )
    assert entries["Montag: 9 bis 12 Uhr"].msgstr == "Monday: 9 to 12"
    assert entries["Freitag: 8 bis 10 Uhr"].msgstr == "Friday: 8 to 10"
    assert entries["Mittwoch: 14 bis 17 Uhr"].msgstr == ""  # removed on the English page
    assert entries["Bitte bringen Sie Ihren Ausweis mit."].msgstr == ""  # still German
    msgfmt_check(project.catalog_path("en", "bildung/integrationskurse"))

    # the translated pages under /en/ are not German pages, and a second run changes nothing
    before = project.catalog_path("en", "bildung/integrationskurse").read_bytes()
    again = project.harvest()
    assert again.written == [] and again.exit_code == 0
    assert project.catalog_path("en", "bildung/integrationskurse").read_bytes() == before


def test_harvest_by_slug_path_pattern_keeps_translations_of_people(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site that mirrors its German tree under /english/…, found with a pattern."""
    wordpress.create_page("Integrationskurse", GERMAN, slug="integrationskurse")
    mirror = wordpress.create_page("English", "", slug="english-en")
    wordpress.create_page(
        "Integration courses", ENGLISH, slug="integrationskurse", parent=mirror["id"]
    )
    wordpress.backdate()
    project = project_for(wordpress, tmp_path, monkeypatch, pattern="english-{lang}/{path}")
    path = project.catalog_path("en", "integrationskurse")
    confirmed = pofile.read(path)
    for entry in confirmed:
        if entry.msgid == "Anmeldung":
            entry.msgstr = "Sign-up"
    path.write_text(pofile.dumps(confirmed), encoding="utf-8")

    report = project.harvest(["en"])
    assert report.exit_code == 0, report.failures
    [page] = [p for p in report.pages if p.page == "integrationskurse"]
    assert page.status == "harvested" and page.kept == 1
    entries = catalog(project, "en", "integrationskurse")
    assert entries["Anmeldung"].msgstr == "Sign-up"  # a translator's work stays
    assert "fuzzy" not in entries["Anmeldung"].flags
    assert entries["Integrationskurse"].msgstr == "Integration courses"
    msgfmt_check(path)
