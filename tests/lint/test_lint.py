"""`kisync lint` on the demo project: the registry, the runner, the command."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from progress.helpers import edit_catalog

from kisync.cli import cli
from kisync.errors import CatalogError
from kisync.progress.reports import github_annotation
from kisync.project import project_for
from kisync.translate.checks import REGISTRY, Finding, Problem, check, check_factory
from kisync.translate.lint import lint_files


def translate(project, language: str, key: str, translations: dict[str, str], fuzzy=()):
    """Give some entries (picked by a word of their German text) a translation."""

    def change(entry):
        for word, text in translations.items():
            if word in entry.msgid:
                entry.msgstr = text
                if word in fuzzy:
                    entry.flags.append("fuzzy")

    edit_catalog(project.catalog_path(language, key), change)


@pytest.fixture
def broken(demo):
    """The demo with Arabic and Persian translations that each break one rule."""
    translate(
        demo,
        "ar",
        "index",
        {
            "Willkommen im Integrationsportal": "أهلاً وسهلاً في مقاطعة هاينسبرغ <script>alert(1)</script>",
            "Integrationsportal Kreis Heinsberg": "بوابة الاندماج في مقاطعة هاينسبرغ",
            "Was möchten Sie wissen?": " ماذا تريد أن تعرف؟",
        },
    )
    translate(demo, "fa", "kommunen", {"Wassenberg": "Wassenberg"})
    return demo


def test_a_clean_project_has_no_findings(demo):
    report = demo.lint()
    assert report.findings == () and report.exit_code == 0
    assert report.files == 15 * 8  # catalogs and templates


def test_findings_name_file_line_entry_check_severity(broken):
    report = broken.lint()
    assert report.exit_code == 1
    markup = [f for f in report.findings if f.check == "markup"]
    assert len(markup) == 1
    finding = markup[0]
    assert finding.path == broken.catalog_path("ar", "index")
    assert finding.language == "ar" and finding.severity == "error"
    lines = finding.path.read_text(encoding="utf-8").splitlines()
    assert finding.msgid.startswith("Willkommen im Integrationsportal")
    entry_lines = lines[finding.line - 1 : finding.line + 5]
    assert any("Willkommen im Integrationsportal" in line for line in entry_lines)


def test_language_and_page_selection(broken):
    farsi = broken.lint(["fa"])
    assert {f.language for f in farsi.findings} <= {"fa"}
    assert broken.lint(["ar"], ["kommunen"]).findings == ()


def test_fuzzy_entries_are_not_checked(demo):
    translate(
        demo,
        "tr",
        "index",
        {"Willkommen im Integrationsportal": "<script>"},
        fuzzy=["Willkommen im Integrationsportal"],
    )
    assert demo.lint().findings == ()


def test_lint_files_takes_the_language_from_the_catalog(broken, tmp_path):
    copy = tmp_path / "loose" / "index.po"
    copy.parent.mkdir()
    shutil.copy(broken.catalog_path("ar", "index"), copy)
    report = lint_files([copy])
    assert [f.check for f in report.findings if f.severity == "error"] == ["markup"]
    assert report.findings[0].language == "ar"


def test_unreadable_catalog_is_a_catalog_error(demo):
    path = demo.catalog_path("uk", "index")
    path.write_text('msgid "a"\nmsgstr "b', encoding="utf-8")
    with pytest.raises(CatalogError) as error:
        demo.lint()
    assert error.value.path == path and error.value.line == 2


# -- plugging checks in ------------------------------------------------------------------------


@pytest.fixture
def extra_checks():
    names = []

    def register(decorator, name, **options):
        names.append(name)
        return decorator(name, **options)

    yield register
    for name in names:
        REGISTRY.remove(name)


def test_checks_can_be_added_with_project_data_and_source_scope(broken, extra_checks):
    seen_projects = []

    @extra_checks(check_factory, "test-forbidden", severity="warning", description="d")
    def forbidden(project):
        seen_projects.append(project)
        words = ("Willkommen",)  # would come from the project's glossary

        def run(subject):
            for word in words:
                if word in subject.source:
                    yield Problem(f"{word} is deprecated", "error")

        return run

    @extra_checks(check, "test-exclamation", severity="warning", description="d")
    def exclamation(subject):
        if "!" in subject.translation and "!" not in subject.source:
            yield "adds an exclamation mark"

    @extra_checks(check, "test-source", severity="error", description="d", scope="source")
    def wording(subject):
        if "Wassenberg" in subject.source:
            yield "German text"

    translate(broken, "en", "index", {"Willkommen im Integrationsportal": "Welcome!"})
    report = broken.lint()
    assert seen_projects == [broken.check_context]  # the factory runs once per lint run
    by_check = {}
    for finding in report.findings:
        by_check.setdefault(finding.check, []).append(finding)
    assert [f.language for f in by_check["test-exclamation"]] == ["en"]
    sources = by_check["test-source"]
    pages = {"kommunen", "bildungsangebote", "freizeit"}  # where "Wassenberg" occurs
    assert {f.path for f in sources} == {broken.template_path(key) for key in pages}
    assert all(f.language is None for f in sources)
    forbidden_finding = by_check["test-forbidden"][0]
    assert {f.language for f in by_check["test-forbidden"]} == {"ar", "en"}
    assert forbidden_finding.severity == "error"  # a Problem overrides the check's severity
    assert forbidden_finding.message == "Willkommen is deprecated"
    with pytest.raises(ValueError, match="already registered"):
        check("placeholders", severity="error", description="again")(lambda s: [])


def test_checks_that_need_a_project_are_skipped_without_one(broken, extra_checks, tmp_path):
    extra_checks(check_factory, "test-needs-project", severity="error", description="d")(
        lambda project: lambda subject: ["always"]
    )
    loose = tmp_path / "index.po"
    shutil.copy(broken.catalog_path("ar", "index"), loose)
    assert "test-needs-project" not in {f.check for f in lint_files([loose]).findings}
    path = broken.catalog_path("ar", "index")
    inside = lint_files([path], project_for(path).check_context)
    assert "test-needs-project" in {f.check for f in inside.findings}


# -- the command ---------------------------------------------------------------------------------


def run(project, *args: str, project_option: bool = True):
    options = ["--project", str(project.root)] if project_option else []
    return CliRunner().invoke(cli, [*options, "lint", *args])


def test_text_output_and_exit_codes(broken, demo):
    result = run(broken)
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert re.match(
        r"^\S*po/ar/index\.po:\d+: error: markup: contains markup-like text '<script'", first
    )
    assert result.output.splitlines()[-1].startswith("1 error, 2 warnings in")
    only_warnings = run(broken, "--lang", "fa")
    assert only_warnings.exit_code == 0
    assert "warning: unchanged" in only_warnings.output


def test_json_output(broken):
    result = run(broken, "--format", "json")
    data = json.loads(result.output)
    assert list(data) == ["files", "strings", "errors", "warnings", "findings"]
    assert data["errors"] == 1 and data["warnings"] == 2
    assert set(data["findings"][0]) == {
        "file",
        "line",
        "language",
        "check",
        "severity",
        "message",
        "msgctxt",
        "msgid",
    }


def test_github_annotations(broken):
    result = run(broken, "--format", "github")
    annotations = [line for line in result.output.splitlines() if line.startswith("::")]
    assert len(annotations) == 3
    error = next(line for line in annotations if line.startswith("::error "))
    match = re.match(r"^::error file=([^,]+),line=(\d+),title=kisync markup::(.+)$", error)
    assert match, error
    assert match.group(1).endswith("po/ar/index.po")


def test_annotations_cannot_be_forged_by_a_translation(demo):
    translate(
        demo,
        "ar",
        "index",
        {"Willkommen im Integrationsportal": "x\n::error file=README.md::pwned <b>"},
    )
    result = run(demo, "--format", "github")
    lines = result.output.splitlines()
    assert not any(line.startswith("::error file=README.md") for line in lines)
    assert sum(line.startswith("::error file=") for line in lines) == 1


def test_annotation_escaping():
    finding = Finding(
        check="urls",
        severity="error",
        message="x\n::error file=a,line=1::forged 100%",
        path=Path("po/ar/a,b:c.po"),
        line=3,
        msgid="zwei\nZeilen \x1b[31m",
    )
    assert github_annotation(finding, Path.cwd()) == (
        "::error file=po/ar/a%2Cb%3Ac.po,line=3,title=kisync urls::"
        'x%0A::error file=a,line=1::forged 100%25 (msgid "zwei\\nZeilen \\u001b[31m")'
    )


def test_files_as_arguments_like_pre_commit(broken, monkeypatch):
    monkeypatch.chdir(broken.root)
    result = run(broken, "po/fa/kommunen.po", "po/en/index.po", project_option=False)
    assert result.exit_code == 0
    assert result.output.startswith("po/fa/kommunen.po:")
    failing = run(broken, "po/ar/index.po", project_option=False)
    assert failing.exit_code == 1


def test_unreadable_file_is_exit_2_with_file_and_line(demo):
    path = demo.catalog_path("ru", "index")
    path.write_text('msgid "a"\nmsgstr "b', encoding="utf-8")
    result = run(demo)
    assert result.exit_code == 2
    assert (
        result.output.strip()
        == f'kisync: error: {path}:2: the string is not closed (a " is missing at the end)'
    )


def test_list_checks(demo):
    result = run(demo, "--list-checks")
    names = [line.split()[0] for line in result.output.splitlines()]
    assert {
        "placeholders",
        "numbers",
        "urls",
        "emails",
        "phone-numbers",
        "markup",
        "unchanged",
        "whitespace",
    } <= set(names)
