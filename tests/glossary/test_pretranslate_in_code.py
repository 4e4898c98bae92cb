"""``pretranslate`` with a glossary built in code (no kisync.toml anywhere)."""

from __future__ import annotations

from support.bare import GLOSSARY, pulled_project

from kisync.catalog import pofile
from kisync.translate import load_glossaries
from kisync.translate.pretranslate import pretranslate


def test_pretranslate_takes_the_layout_and_the_glossary(tmp_path):
    project = pulled_project(tmp_path)
    report = pretranslate(project.catalogs, ["en"], glossary=load_glossaries([GLOSSARY]))
    assert report.failures == [] and report.languages == ("en",)
    entry = pofile.read(project.catalogs.catalog_path("en", "seite-1")).find(
        "Melden Sie sich beim Jobcenter an."
    )
    assert "glossary: Jobcenter → keep in German: Jobcenter" in entry.comment
    arabic = pofile.read(project.catalogs.catalog_path("ar", "seite-1"))
    assert "glossary:" not in arabic.find("Melden Sie sich beim Jobcenter an.").comment
