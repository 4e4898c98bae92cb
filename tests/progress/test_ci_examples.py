"""The shipped CI examples are valid YAML and every kisync command in them really works."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .helpers import edit_catalog

ROOT = Path(__file__).resolve().parents[2]
KISYNC_BIN = Path(sys.executable).parent


def load(name: str):
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


def shell(command: str, cwd: Path, env: dict[str, str] | None = None):
    environment = {**os.environ, "PATH": f"{KISYNC_BIN}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env={**environment, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def kisync_lines(commands: list[str]) -> list[str]:
    return [c for c in commands if c.startswith("kisync ")]


def break_arabic_index(project) -> None:
    def inject(entry):
        if entry.msgid.startswith("Willkommen im"):
            entry.msgstr = "<script>alert(1)</script>"

    edit_catalog(project.catalog_path("ar", "index"), inject)


def test_github_workflow(demo, tmp_path):
    workflow = load("docs/ci/github-actions.yml")
    steps = workflow["jobs"]["check"]["steps"]
    commands = kisync_lines([step["run"] for step in steps if "run" in step])
    assert commands[-1] == "kisync check --format github"
    summary = tmp_path / "summary.md"
    for command in commands:
        result = shell(command, demo.root, {"GITHUB_STEP_SUMMARY": str(summary)})
        assert result.returncode in (0, 1), f"{command}: {result.stderr}"
    assert summary.read_text().startswith("| language | name |")
    assert (demo.root / "dashboard" / "index.html").is_file()
    result = shell(commands[-1], demo.root)
    assert result.returncode == 1  # the demo is not translated yet
    assert result.stdout.startswith("::error file=po/")


def test_gitlab_job(demo):
    job = load("docs/ci/gitlab-ci.yml")["translations"]
    commands = kisync_lines(job["script"])
    for command in commands:
        result = shell(command, demo.root)
        assert result.returncode in (0, 1), f"{command}: {result.stderr}"
    report = demo.root / job["artifacts"]["reports"]["junit"]
    assert report.is_file() and "<testsuites" in report.read_text()
    assert all((demo.root / path).exists() for path in job["artifacts"]["paths"])


def test_pre_commit_hook_lints_the_changed_po_files(demo):
    (hook,) = load(".pre-commit-hooks.yaml")
    assert hook["id"] == "kisync-lint" and hook["language"] == "python"
    assert load("docs/ci/pre-commit-config.yaml")["repos"][0]["hooks"][0]["id"] == hook["id"]
    changed = ["po/ar/index.po", "po/fa/kommunen.po", "README.md", "po/templates/index.pot"]
    files = [name for name in changed if re.search(hook["files"], name)]
    assert files == ["po/ar/index.po", "po/fa/kommunen.po", "po/templates/index.pot"]
    command = " ".join([hook["entry"], *map(shlex.quote, files)])
    assert shell(command, demo.root).returncode == 0
    break_arabic_index(demo)
    failed = shell(command, demo.root)
    assert failed.returncode == 1
    assert failed.stdout.startswith("po/ar/index.po:")
    assert "error: markup:" in failed.stdout


@pytest.fixture(autouse=True)
def _kisync_on_path():
    if shutil.which("kisync", path=str(KISYNC_BIN)) is None:
        pytest.fail(f"kisync is not installed in {KISYNC_BIN}: pip install -e .")
