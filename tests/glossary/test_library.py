"""The glossary commands' rules live in the library: an import that would leave the
glossary with lint errors is refused there, whoever calls it."""

from __future__ import annotations

import pytest

from kisync import Project
from kisync.errors import GlossaryError
from kisync.translate import load_glossary, shipped_glossary_path
from kisync.translate.export import import_glossary_file

CONFLICT = "id,de,en,status\nnew,Jobcenter,job centre,deprecated\n"


@pytest.mark.parametrize("dry_run", [False, True])
def test_an_import_with_lint_errors_is_refused_and_writes_nothing(tmp_path, dry_run):
    target = tmp_path / "integration.tbx"
    target.write_bytes(shipped_glossary_path().read_bytes())
    conflict = tmp_path / "conflict.csv"
    conflict.write_text(CONFLICT, encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"not imported, the glossary would have 2 error"):
        import_glossary_file(conflict, target, dry_run=dry_run)
    assert target.read_bytes() == shipped_glossary_path().read_bytes()


def test_the_project_imports_into_its_first_glossary_file(tmp_path):
    glossary = tmp_path / "terms.tbx"
    glossary.write_bytes(shipped_glossary_path().read_bytes())
    (tmp_path / "kisync.toml").write_text(
        'languages = ["en"]\n[glossary]\nfiles = ["terms.tbx"]\n', encoding="utf-8"
    )
    concepts = tmp_path / "new.csv"
    concepts.write_text("id,de,en\nc-sprachcafe,Sprachcafé,language café\n", encoding="utf-8")
    project = Project.load(tmp_path)

    report = project.import_glossary(concepts, dry_run=True)
    assert report.merged.added == ("c-sprachcafe",) and not report.written
    assert glossary.read_bytes() == shipped_glossary_path().read_bytes()

    report = project.import_glossary(concepts)
    assert report.written and report.exit_code == 0
    assert report.summary().startswith(f"{glossary}: 1 concepts added, 0 changed")
    assert load_glossary(glossary).concept("c-sprachcafe").preferred("en").text == "language café"

    conflict = tmp_path / "conflict.csv"
    conflict.write_text(CONFLICT, encoding="utf-8")
    written = glossary.read_bytes()
    with pytest.raises(GlossaryError, match="not imported"):
        project.import_glossary(conflict)
    assert glossary.read_bytes() == written
