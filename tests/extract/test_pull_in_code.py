"""``pull`` called with collaborators built in code: no kisync.toml anywhere."""

from __future__ import annotations

import pickle

from support.bare import GLOSSARY, bare_project

from kisync.catalog import pofile
from kisync.extract import pull as pull_module
from kisync.extract.pull import PageWork
from kisync.translate.notes import GlossaryFileNotes


def test_pull_runs_on_collaborators_built_in_code(tmp_path):
    project = bare_project(tmp_path)
    report = project.pull()
    assert report.failures == [] and report.pages == 3
    assert project.catalogs.page_keys() == ["_site", "seite-1", "seite-2", "seite-3"]
    catalog = pofile.read(project.catalogs.catalog_path("ar", "seite-2"))
    assert [e.msgid for e in catalog][-1] == "Der Integrationskurs in Seite 2 beginnt am 3. Mai."
    again = project.pull()
    assert again.written == [] and again.changed_pages == []


def test_worker_processes_get_the_collaborators_not_a_project_file(tmp_path, monkeypatch):
    monkeypatch.setattr(pull_module, "PARALLEL_FROM", 2)  # several pages: worker processes
    project = bare_project(tmp_path, pages=6)
    report = project.pull((GlossaryFileNotes([GLOSSARY]),))
    assert report.failures == [] and report.pages == 6
    entry = pofile.read(project.catalogs.catalog_path("en", "seite-5")).find(
        "Melden Sie sich beim Jobcenter an."
    )
    assert "glossary: Jobcenter → keep in German: Jobcenter" in entry.comment


def test_the_page_work_pickles_without_the_parsed_glossary(tmp_path):
    project = bare_project(tmp_path)
    notes = GlossaryFileNotes([GLOSSARY])
    _ = notes.notes  # parsed here …
    work = PageWork(project.catalogs, project.rules, (notes,), "main")
    copy = pickle.loads(pickle.dumps(work))
    (copied,) = copy.processors
    assert "notes" not in vars(copied)  # … read again by a worker that needs it
    assert copied.fingerprint == notes.fingerprint
    assert copy.catalogs == work.catalogs and copy.rules == work.rules
