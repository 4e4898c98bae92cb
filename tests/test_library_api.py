"""The library is as complete as the command line: every command's work is a call that
returns a :class:`kisync.Report`, whose ``to_json()`` is exactly what the command prints
with ``--format json``; the README's Library section names every command."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from support.catalogs import translate
from support.demo import demo, pulled_demo  # noqa: F401

import kisync
from kisync import Project, Report
from kisync.cli import cli
from kisync.init import write_starter

README = Path(__file__).resolve().parents[1] / "README.md"
TEXT = "Der Integrationskurs im Jobcenter"


def run(project: Project, *args: str):
    return CliRunner().invoke(cli, ["--project", str(project.root), *args])


@pytest.fixture
def worked(demo, tmp_path):  # noqa: F811
    """The demo with some English translated and an export handed out."""
    translate(demo.root, "en", keys=("index",))
    demo.export("en", output=tmp_path / "en.zip")
    return demo


def every_report(project: Project, tmp_path: Path) -> list[object]:
    """One real result of every command (dry runs where the command writes)."""
    concepts = tmp_path / "new.csv"
    concepts.write_text("id,de\nc-wort,Wort\n", encoding="utf-8")
    return [
        project.pull(dry_run=True),
        project.push(dry_run=True),
        project.pretranslate(dry_run=True, machine=False),
        project.sync(dry_run=True, machine=False),
        project.harvest(dry_run=True),
        project.harvest_edits(dry_run=True),
        project.review("en", by="Prüfgruppe", dry_run=True),
        project.export("en", output=tmp_path / "more.zip"),
        project.import_returned(tmp_path / "en.zip", dry_run=True),
        project.doctor(),
        project.stats(),
        project.lint(),
        project.check(),
        project.report(tmp_path / "dashboard"),
        project.match_glossary(TEXT),
        project.lint_glossary(),
        project.export_glossary("csv", tmp_path / "glossary.csv"),
        project.import_glossary(concepts, tmp_path / "new.tbx", dry_run=True),
        project.remove_concepts(["jobcenter"], dry_run=True),
        write_starter(tmp_path / "new", "portal"),
    ]


def report_classes() -> set[type]:
    """Every class of the package with a ``summary()`` and a ``to_json()``."""
    found = set()
    for module in pkgutil.walk_packages(kisync.__path__, "kisync."):
        if module.name.endswith("__main__"):
            continue
        for _, value in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if value.__module__.startswith("kisync.") and all(
                callable(getattr(value, member, None)) for member in ("summary", "to_json")
            ):
                found.add(value)
    return found


def test_every_report_class_follows_the_report_protocol(worked, tmp_path):
    reports = every_report(worked, tmp_path)
    for report in reports:
        assert isinstance(report, Report), type(report).__name__
        summary = report.summary()
        assert isinstance(summary, str) and summary.strip(), type(report).__name__
        assert report.exit_code in (0, 1, 2), type(report).__name__
        data = report.to_json()
        assert json.loads(json.dumps(data, ensure_ascii=False)) == data, type(report).__name__
    missing = report_classes() - {Report, *(type(report) for report in reports)}
    assert not missing, f"reports no test makes: {sorted(c.__qualname__ for c in missing)}"


# -- the command line prints the library's JSON, field for field -------------------

# command line → (the library call, the fields of its JSON: a contract, see the README)
JSON_COMMANDS = {
    "stats": (lambda p, _: p.stats(), ["source_language", "languages"]),
    "lint": (lambda p, _: p.lint(), ["files", "strings", "errors", "warnings", "findings"]),
    "check --no-lint": (lambda p, _: p.check(lint=False), ["passed", "languages", "lint"]),
    "push --dry-run": (
        lambda p, _: p.push(dry_run=True),
        [
            *("target", "dry_run", "languages", "pages", "held_back"),
            *("warnings", "failures", "site", "summary", "exit_code"),
        ],
    ),
    "pretranslate --dry-run --no-machine": (
        lambda p, _: p.pretranslate(dry_run=True, machine=False),
        ["languages", "dry_run", "filled", "machine_translation", "written", "failures"],
    ),
    "sync --dry-run --no-machine": (
        lambda p, _: p.sync(dry_run=True, machine=False),
        ["pull", "pretranslate", "push", "summary", "exit_code"],
    ),
    "harvest --dry-run": (
        lambda p, _: p.harvest(dry_run=True),
        ["languages", "dry_run", "pages", "site", "filled", "written", "failures", "summary"],
    ),
    "harvest --from-edits --dry-run": (
        lambda p, _: p.harvest_edits(dry_run=True),
        ["languages", "dry_run", "pages", "failures", "summary"],
    ),
    "review --lang en --by Prüfgruppe --dry-run": (
        lambda p, _: p.review("en", by="Prüfgruppe", dry_run=True),
        ["language", "dry_run", "marked", "already_reviewed", "not_finished", "files", "failures"],
    ),
    "import {zip} --dry-run": (
        lambda p, zip: p.import_returned(zip, dry_run=True),
        ["source", "export_id", "language", "dry_run", "pages", "problems", "written"],
    ),
    "doctor": (
        lambda p, _: p.doctor(),
        ["portal", "mode", "bridge", "versions", "languages", "missing"],
    ),
    "glossary match {text}": (
        lambda p, _: p.match_glossary(TEXT),
        ["concept", "term", "text", "start", "end", "status", "translations"],
    ),
    "glossary lint": (
        lambda p, _: p.lint_glossary(),
        ["severity", "concept", "language", "message"],
    ),
}


def fields(data: object) -> list[str]:
    """The fields of a JSON object, or of the first object of a JSON list."""
    first = data[0] if isinstance(data, list) else data
    assert isinstance(first, dict), data
    return list(first)


@pytest.mark.parametrize("command", JSON_COMMANDS)
def test_the_command_prints_the_library_s_json(worked, tmp_path, command):
    call, expected = JSON_COMMANDS[command]
    zip_file = tmp_path / "en.zip"
    args = [a.format(zip=zip_file, text=TEXT) for a in command.split()]
    if "{text}" in command:  # one argument with spaces
        args = [*command.split()[:2], TEXT]
    result = run(worked, *args, "--format", "json")
    report = call(worked, zip_file)
    assert result.exit_code == report.exit_code, result.output
    printed = json.loads(result.stdout)
    assert printed == report.to_json()
    assert fields(printed) == expected


def test_export_prints_the_library_s_json(worked, tmp_path):
    result = run(worked, "export", "--lang", "en", "-o", str(tmp_path / "cli.zip"), "--json")
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    data = worked.export("en", output=tmp_path / "cli.zip").to_json()
    assert list(printed) == ["language", "output", "export_id", "strings", "words", "pages"]
    # the id names the second of the export: the two runs may be a second apart
    assert re.fullmatch(r"en-\d{8}-\d{6}", printed.pop("export_id"))
    data.pop("export_id")
    assert printed == data


def test_text_output_is_the_report_s_summary(worked, tmp_path):
    dashboard = run(worked, "report", "--output", str(tmp_path / "d"))
    assert dashboard.output == worked.report(tmp_path / "d").summary() + "\n"
    match = run(worked, "glossary", "match", TEXT).output.splitlines()
    assert match == worked.match_glossary(TEXT).lines()
    lint = run(worked, "glossary", "lint")
    report = worked.lint_glossary()
    assert lint.output.splitlines() == [*report.lines(), report.summary()]
    assert lint.exit_code == report.exit_code


# -- the README's Library section names every command ------------------------------


def command_names(group: click.Group, prefix: str = "kisync") -> list[str]:
    names = []
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        names.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            names += command_names(command, f"{prefix} {name}")
    return names


def library_section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("\n## Library\n", 1)[1].split("\n## ", 1)[0]


def test_the_readme_library_section_names_every_command():
    section = library_section()
    names = command_names(cli)
    assert "kisync glossary match" in names and "kisync init" in names
    missing = [name for name in names if not re.search(rf"`{re.escape(name)}\b", section)]
    assert not missing, f"README, section Library: say how to call {', '.join(missing)}"
