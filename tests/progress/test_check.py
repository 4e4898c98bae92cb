"""`kisync check`, the CI gate: thresholds, lint errors, every output format."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from kisync.cli import cli
from kisync.progress import catalog_counts
from kisync.translate.lint import lint_files

from .helpers import edit_catalog, translate_all


def translate_first(path, count: int) -> None:
    done = 0

    def change(entry):
        nonlocal done
        if done < count:
            entry.msgstr = f"«{entry.msgid}»"
            done += 1

    edit_catalog(path, change)


def run(project, *args: str):
    return CliRunner().invoke(cli, ["--project", str(project.root), "check", *args])


@pytest.fixture
def three_quarters(demo):
    """Arabic index 75 % translated (18 of 24), everything else in Arabic complete."""
    for key in demo.page_keys():
        translate_all(demo.catalog_path("ar", key))
    path = demo.catalog_path("ar", "index")
    edit_catalog(path, lambda entry: setattr(entry, "msgstr", ""))
    total = catalog_counts(path).total
    assert total == 24
    translate_first(path, 18)
    return demo


@pytest.mark.parametrize(
    ("minimum", "passed"), [(0, True), (74.9, True), (75, True), (75.01, False), (100, False)]
)
def test_threshold_below_at_and_above_the_truth(three_quarters, minimum, passed):
    result = three_quarters.check(min_completeness=minimum, languages=["ar"])
    assert result.passed is passed
    assert [c.page.page for c in result.below] == ([] if passed else ["index"])
    cli_result = run(three_quarters, "--lang", "ar", "--min-completeness", str(minimum))
    assert cli_result.exit_code == (0 if passed else 1)


def test_almost_complete_is_not_complete(demo):
    path = demo.catalog_path("en", "bildung-sprache/integrationskurse")
    total = catalog_counts(path).total
    translate_first(path, total - 1)
    result = demo.check(min_completeness=100, languages=["en"], pages=["bildung-sprache/*"])
    assert [c.page.page for c in result.below] == ["bildung-sprache/integrationskurse"]


def test_default_minimum_comes_from_kisync_toml(three_quarters):
    config = three_quarters.root / "kisync.toml"
    text = config.read_text(encoding="utf-8")
    assert run(three_quarters, "--lang", "ar").exit_code == 1  # [publish] 100
    config.write_text(text.replace("min_completeness = 100", "min_completeness = 70"), "utf-8")
    assert run(three_quarters, "--lang", "ar").exit_code == 0
    config.write_text(text + "\n[check]\nmin_completeness = 80\n", encoding="utf-8")
    assert run(three_quarters, "--lang", "ar").exit_code == 1
    config.write_text(
        text.replace(
            "min_completeness = 100",
            "min_completeness = 100\nmin_completeness_by_language = { ar = 50 }",
        ),
        encoding="utf-8",
    )
    assert run(three_quarters, "--lang", "ar").exit_code == 0


def test_text_lists_pages_below_with_percent_and_words_left(three_quarters):
    result = run(three_quarters, "--min-completeness", "80", "--lang", "ar", "--lang", "en")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("ar (Arabic): 1 of 15 pages below 80%, ")
    index = catalog_counts(three_quarters.catalog_path("ar", "index"))
    cells = lines[1].split()
    assert cells[:5] == ["index", "75.0%", str(index.words_remaining), "words", "left"]
    assert cells[5].endswith("po/ar/index.po")
    assert lines[2].startswith("en (English): 15 of 15 pages below 80%")
    assert any(line.startswith("  _site ") for line in lines)
    assert lines[-2].startswith("failed: 16 pages below the minimum (")
    assert lines[-1].startswith("Next: translate the pages listed above")


def test_lint_errors_fail_the_gate_unless_no_lint(three_quarters):
    def inject(entry):
        if entry.msgid.startswith("Willkommen im"):
            entry.msgstr = "مرحبا <script>alert(1)</script>"

    edit_catalog(three_quarters.catalog_path("ar", "kommunen"), lambda e: None)
    edit_catalog(three_quarters.catalog_path("ar", "index"), inject)
    result = run(three_quarters, "--lang", "ar", "--min-completeness", "0")
    assert result.exit_code == 1
    assert "error: markup:" in result.output
    assert result.output.splitlines()[-2] == "failed: 1 lint error"
    assert (
        run(three_quarters, "--lang", "ar", "--min-completeness", "0", "--no-lint").exit_code == 0
    )


def test_junit_has_one_case_per_page_and_language(three_quarters, tmp_path):
    report = tmp_path / "reports" / "kisync.xml"
    result = run(
        three_quarters, "--format", "junit", "--output", str(report), "--lang", "ar", "--lang", "fa"
    )
    assert result.exit_code == 1
    assert result.output.startswith("failed: 16 pages below the minimum")
    root = ElementTree.parse(report).getroot()
    assert root.tag == "testsuites"
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == 2 * 15
    assert root.get("tests") == "30" and root.get("failures") == "16"
    arabic, farsi = root.findall("testsuite")
    assert arabic.get("name") == "ar (Arabic)" and arabic.get("failures") == "1"
    failing = [case for case in arabic if case.find("failure") is not None]
    assert [case.get("name") for case in failing] == ["index"]
    failure = failing[0].find("failure")
    assert failure.get("type") == "completeness"
    assert failure.get("message").startswith("75.0% translated, 100% required; ")
    assert failing[0].get("file").endswith("po/ar/index.po")
    assert farsi.get("failures") == "15"


def test_github_annotations_for_pages_below(three_quarters):
    result = run(three_quarters, "--format", "github", "--lang", "ar")
    lines = result.output.splitlines()
    assert lines[0].startswith("::error file=")
    words = catalog_counts(three_quarters.catalog_path("ar", "index")).words_remaining
    assert lines[0].endswith(
        ",title=kisync completeness ar::index: 75.0%25 translated, 100%25 required "
        f"({words} German words left)"
    )
    assert "po/ar/index.po" in lines[0]


def test_json(three_quarters):
    result = run(
        three_quarters, "--format", "json", "--lang", "ar", "--page", "index", "--page", "_site"
    )
    data = json.loads(result.output)
    assert data["passed"] is False
    (arabic,) = data["languages"]
    assert arabic["pages_below"] == 1
    assert [page["page"] for page in arabic["pages"]] == ["_site", "index"]
    index = arabic["pages"][1]
    assert index == {
        "page": "index",
        "file": index["file"],
        "percent": 75.0,
        "min_completeness": 100.0,
        "complete_enough": False,
        "words_left": catalog_counts(three_quarters.catalog_path("ar", "index")).words_remaining,
        "reviewed": 0,
        "require_review": False,
        "lint_errors": 0,
        # the stand-in translations «…» lack the glossary's Arabic terms
        "lint_warnings": lint_files(
            [three_quarters.catalog_path("ar", "index")], three_quarters.check_context
        ).warnings,
        "passed": False,
    }
    assert data["lint"]["errors"] == 0


def test_unreadable_catalog_is_exit_2(demo):
    path = demo.catalog_path("ru", "gesundheit")
    path.write_text('msgid "x"\n', encoding="utf-8")
    result = run(demo)
    assert result.exit_code == 2
    assert result.output.startswith(f"kisync: error: {path}:1: ")


def test_junit_reports_lint_errors_on_their_page(three_quarters, tmp_path):
    def inject(entry):
        if entry.msgid == "Kommunen":
            entry.msgstr = "<b>Gemeinden</b>"

    edit_catalog(three_quarters.catalog_path("ar", "kommunen"), inject)
    report = tmp_path / "junit.xml"
    result = run(three_quarters, "--format", "junit", "--output", str(report), "--lang", "ar")
    assert result.exit_code == 1
    suite = ElementTree.parse(report).getroot().find("testsuite")
    case = next(c for c in suite if c.get("name") == "kommunen")
    (failure,) = case.findall("failure")
    assert failure.get("type") == "lint" and failure.get("message") == "1 lint error"
    assert "error: markup:" in failure.text
    assert suite.get("failures") == "2"  # kommunen (lint) and index (75 %)
