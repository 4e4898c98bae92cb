"""The demo project after a real `kisync pull`, for the progress and lint tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kisync import Project

DEMO = Path(__file__).resolve().parents[2] / "examples" / "heinsberg"


@pytest.fixture(scope="session")
def pulled_demo(tmp_path_factory) -> Path:
    """The demo portal after `kisync pull`, untouched by translators (do not modify)."""
    root = tmp_path_factory.mktemp("demo") / "heinsberg"
    shutil.copytree(DEMO, root, ignore=shutil.ignore_patterns("po", "site", ".kisync"))
    report = Project.load(root).pull()
    assert not report.failures, report.failures
    return root


@pytest.fixture
def demo(pulled_demo, tmp_path) -> Project:
    """A fresh copy of the pulled demo project for one test."""
    root = tmp_path / "heinsberg"
    shutil.copytree(pulled_demo, root)
    return Project.load(root)
