"""``lint`` with a check context built in code (no kisync.toml anywhere)."""

from __future__ import annotations

from support.bare import GLOSSARY, pulled_project
from support.catalogs import translate

from kisync.translate import load_glossaries
from kisync.translate.checks import CheckContext
from kisync.translate.lint import lint_project


def test_the_context_gives_the_checks_their_glossary_and_portal_kind(tmp_path):
    project = pulled_project(tmp_path)
    translate(
        project.root, "en", lambda text: text.replace("Jobcenter", "job centre") + " [gallery]"
    )
    plain = lint_project(project.catalogs, ["en"])
    assert {f.check for f in plain.findings} <= {"unchanged"}  # no project data: fewer checks

    loaded = []

    def load():
        loaded.append(1)
        return load_glossaries([GLOSSARY])

    context = CheckContext(load_glossary=load, glossary_files=(GLOSSARY,), wordpress=True)
    report = lint_project(project.catalogs, ["en"], ["seite-1"], context=context)
    found = {f.check for f in report.findings}
    assert {"glossary-term", "shortcodes"} <= found
    assert loaded == [1]  # loaded once, for every check that uses it
