"""`kisync stats` on the demo project: every format, selections, bad input."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from kisync.cli import cli

from .helpers import translate_all, translate_randomly


def run(project, *args: str):
    return CliRunner().invoke(cli, ["--project", str(project.root), "stats", *args])


def test_json_is_the_library_result(demo):
    translate_randomly(demo.catalog_path("ar", "gesundheit"), seed=7)
    result = run(demo, "--format", "json", "--lang", "ar", "--lang", "tr")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == demo.stats(["ar", "tr"]).to_json()


def test_table_by_language(demo):
    translate_all(demo.catalog_path("en", "index"))
    result = run(demo)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == [
        "language",
        "name",
        "total",
        "translated",
        "fuzzy",
        "untranslated",
        "words_total",
        "words_translated",
        "words_left",
        "percent",
        "reviewed",  # the demo requires reviews for de-x-ls
    ]
    english = next(line.split() for line in lines if line.startswith("en "))
    stats = demo.stats(["en"]).languages[0].counts
    assert english == [
        "en",
        "English",
        str(stats.total),
        str(stats.translated),
        "0",
        str(stats.untranslated),
        str(stats.words_total),
        str(stats.words_translated),
        str(stats.words_remaining),
        f"{stats.percent:.1f}",
        "0",
    ]
    assert lines[-1].split()[:3] == ["all", "7", "languages"]


def test_page_matrix_and_csv(demo):
    translate_all(demo.catalog_path("fa", "kommunen"))
    matrix = run(demo, "--by", "page", "--page", "kommunen", "--page", "index")
    assert matrix.exit_code == 0
    rows = [line.split() for line in matrix.output.splitlines()]
    assert rows[0] == [
        "page",
        "words",
        "en",
        "%",
        "ar",
        "%",
        "fa",
        "%",
        "tr",
        "%",
        "uk",
        "%",
        "ru",
        "%",
        "de-x-ls",
        "%",
        "words",
        "left",
    ]
    assert [row[0] for row in rows[2:4]] == ["index", "kommunen"]
    assert rows[3][2:9] == ["0.0", "0.0", "100.0", "0.0", "0.0", "0.0", "0.0"]
    table = run(demo, "--by", "page", "--format", "csv", "--lang", "fa")
    records = list(csv.DictReader(io.StringIO(table.output)))
    assert len(records) == 15
    kommunen = next(r for r in records if r["page"] == "kommunen")
    assert kommunen["language"] == "fa" and kommunen["percent"] == "100.0"
    assert kommunen["words_left"] == "0"


def test_markdown(demo):
    result = run(demo, "--format", "markdown", "--by", "page", "--lang", "uk")
    lines = result.output.splitlines()
    assert lines[0] == "| page | words | uk % | words left |"
    assert lines[1] == "| --- | ---: | ---: | ---: |"
    assert len(lines) == 2 + 15 + 1
    assert "| \\_site |" in result.output


def test_unreadable_catalog_is_one_line_and_exit_2(demo):
    path = demo.catalog_path("tr", "impressum")
    path.write_text(
        path.read_text(encoding="utf-8").replace('msgstr ""', 'msgstr "kaputt', 1), "utf-8"
    )
    result = run(demo)
    assert result.exit_code == 2
    message = result.output.strip()
    assert "\n" not in message
    assert message.startswith(f"kisync: error: {path}:")


def test_bad_language_is_exit_2(demo):
    result = run(demo, "--lang", "ps")
    assert result.exit_code == 2
    assert "not a language of this project" in result.output
