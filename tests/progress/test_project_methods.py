"""Project.stats/lint/check/report: the library does what the commands do."""

from __future__ import annotations

import json

from click.testing import CliRunner
from support.catalogs import translate

from kisync import Report
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


def test_every_report_is_a_report(demo):
    reports = [
        demo.pull(dry_run=True),
        demo.stats(),
        demo.lint(),
        demo.check(),
        demo.pretranslate(dry_run=True, machine=False),
        demo.push(dry_run=True),
        demo.sync(dry_run=True, machine=False),
    ]
    for report in reports:
        assert isinstance(report, Report), type(report).__name__
        assert report.summary() and report.exit_code in (0, 1, 2)
        assert json.loads(json.dumps(report.to_json())) == report.to_json()


def test_sync_json_is_the_report_s(demo):
    result = run(demo, "sync", "--lang", "en", "--dry-run", "--no-machine", "--format", "json")
    data = json.loads(result.output)
    assert list(data) == ["pull", "pretranslate", "push", "summary", "exit_code"]
    assert data["pull"] == {"summary": data["pull"]["summary"], "failures": []}
    report = demo.sync(["en"], dry_run=True, machine=False)
    assert data["summary"] == report.summary() and data["exit_code"] == report.exit_code
