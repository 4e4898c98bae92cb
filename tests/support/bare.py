"""A project built in code, with no kisync.toml anywhere: the collaborators each pipeline
takes (catalog layout, portal, rules …), for tests that call the pipelines directly."""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from kisync.catalog.layout import CatalogLayout
from kisync.extract.pull import PageWork, PullReport, pull
from kisync.extract.rules import ExtractRules
from kisync.languages import get_language
from kisync.portal.files import FilesPortal
from kisync.translate import shipped_glossary_path

PAGE = """<!DOCTYPE html>
<html lang="de"><head><title>{title}</title></head>
<body><nav><a href="/index.html">Startseite</a></nav>
<main><h1>{title}</h1>
<p>Melden Sie sich beim Jobcenter an.</p>
<p>Der Integrationskurs in Seite {number} beginnt am 3. Mai.</p></main>
<footer>Kreis Heinsberg</footer></body></html>
"""
GLOSSARY = shipped_glossary_path()
SOURCE = get_language("de")


@dataclass(frozen=True)
class Bare:
    root: Path

    @property
    def portal_folder(self) -> Path:
        return self.root / "portal"

    @property
    def catalogs(self) -> CatalogLayout:
        return CatalogLayout(self.root / "po", ("en", "ar"))

    @property
    def state_dir(self) -> Path:
        return self.root / ".kisync"

    @property
    def rules(self) -> ExtractRules:
        return ExtractRules(content="main")

    def portal(self) -> FilesPortal:
        return FilesPortal(
            self.portal_folder, project_root=self.root, language_folders=("en", "ar")
        )

    def pull(self, processors: tuple = ()) -> PullReport:
        work = PageWork(self.catalogs, self.rules, processors, "main")
        with closing(self.portal()) as portal:
            return pull(portal, work, self.state_dir)


def bare_project(root: Path, pages: int = 3) -> Bare:
    """German pages ``seite-1.html`` … in ``root/portal``; nothing else on disk."""
    folder = root / "portal"
    folder.mkdir(parents=True)
    for number in range(1, pages + 1):
        title = f"Seite {number}"
        (folder / f"seite-{number}.html").write_text(
            PAGE.format(title=title, number=number), encoding="utf-8"
        )
    assert not list(root.rglob("kisync.toml"))
    return Bare(root)


def pulled_project(root: Path, pages: int = 3) -> Bare:
    project = bare_project(root, pages)
    report = project.pull()
    assert report.failures == [] and report.pages == pages
    return project
