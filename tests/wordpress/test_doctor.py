"""`kisync doctor`: how the site is multilingual, asked of the bridge plugin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.demo import copy_demo
from support.wordpress import PASSWORD_ENV, WordPress, write_project

from kisync.cli import cli


def doctor(root: Path, *args: str):
    return CliRunner().invoke(cli, ["--project", str(root), "doctor", *args])


def test_without_the_bridge_the_mode_is_unknown_and_says_what_to_install(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, wordpress.password)
    write_project(tmp_path, wordpress.url)
    result = doctor(tmp_path)
    assert result.exit_code == 0, result.output
    assert f"portal: wordpress {wordpress.url}" in result.output
    assert "multilingual mode: unknown" in result.output
    assert "kisync-bridge.php" in result.output
    assert wordpress.password not in result.output


def test_with_the_bridge_it_reports_mode_versions_and_switcher(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wordpress.set_bridge(True)
    monkeypatch.setenv(PASSWORD_ENV, wordpress.password)
    write_project(tmp_path, wordpress.url)
    result = doctor(tmp_path)
    assert result.exit_code == 0, result.output
    assert "multilingual mode: none (" in result.output and "bridge " in result.output
    data = json.loads(doctor(tmp_path, "--format", "json").output)
    assert data["mode"] == "none" and data["bridge"] and "wordpress" in data["versions"]
    assert data["missing"] == []


def test_a_files_portal_has_no_plugin_to_ask(tmp_path: Path) -> None:
    result = doctor(copy_demo(tmp_path))
    assert result.exit_code == 0, result.output
    assert "not a WordPress portal" in result.output
