"""Project.stats/lint/check/report: the library does what the commands do."""

from __future__ import annotations

import json

from click.testing import CliRunner
from support.catalogs import translate

from kisync.cli import cli


def run(project, *args: str):
    return CliRunner().invoke(cli, ["--project", str(project.root), *args])


def test_stats_is_the_command_s_result(demo):
    translate(demo.root, "ar", keys=("index",))
    result = run(demo, "stats", "--format", "json", "--lang", "ar")
    assert result.exit_code == 0, result.output
    assert demo.stats(["ar"]).to_json() == json.loads(result.output)


def test_lint_is_the_command_s_result(demo):
    translate(demo.root, "en", keys=("index",))
    result = run(demo, "lint", "--format", "json", "--lang", "en")
    report = demo.lint(["en"])
    assert result.exit_code == report.exit_code
    assert report.to_json() == json.loads(result.output)


def test_check_is_the_command_s_result(demo):
    translate(demo.root, "en", keys=("index",))
    result = run(demo, "check", "--format", "json", "--lang", "en", "--min-completeness", "50")
    gate = demo.check(["en"], min_completeness=50)
    assert result.exit_code == gate.exit_code == 1
    assert gate.to_json() == json.loads(result.output)


def test_report_writes_what_the_command_writes(demo, tmp_path):
    translate(demo.root, "en", keys=("index",))
    dashboard = demo.report(tmp_path / "library", ["en"])
    result = run(demo, "report", "--output", str(tmp_path / "cli"), "--lang", "en")
    assert result.exit_code == 0, result.output
    badge = (tmp_path / "cli" / "badges" / "en.svg").read_text(encoding="utf-8")
    assert dashboard.badges[0].read_text(encoding="utf-8") == badge
    library_stats = json.loads(dashboard.stats_json.read_text(encoding="utf-8"))
    cli_stats = json.loads((tmp_path / "cli" / "stats.json").read_text(encoding="utf-8"))
    assert library_stats == cli_stats
