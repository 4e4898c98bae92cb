"""``harvest`` with its portal, locator and layout built in code (no kisync.toml anywhere)."""

from __future__ import annotations

from contextlib import closing

from support.bare import PAGE, pulled_project

from kisync.catalog import pofile
from kisync.harvest import harvest
from kisync.harvest.locate import FilesLocator


def test_harvest_fills_the_catalogs_from_pages_the_locator_finds(tmp_path):
    project = pulled_project(tmp_path)
    english = project.portal_folder / "en"
    english.mkdir()
    page = PAGE.format(title="Page 1", number=1)
    page = page.replace("Melden Sie sich beim Jobcenter an.", "Register at the Jobcenter.")
    page = page.replace(
        "Der Integrationskurs in Seite 1 beginnt am 3. Mai.", "The course starts on 3 May."
    )
    (english / "seite-1.html").write_text(page, encoding="utf-8")
    with closing(project.portal()) as portal:
        report = harvest(
            portal,
            FilesLocator(project.portal_folder),
            project.catalogs,
            ["en"],
            rules=project.rules,
        )
    assert report.failures == []
    entry = pofile.read(project.catalogs.catalog_path("en", "seite-1")).find(
        "Melden Sie sich beim Jobcenter an."
    )
    assert entry.msgstr == "Register at the Jobcenter." and entry.fuzzy
