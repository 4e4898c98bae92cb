"""A real project for the progress tests: the demo portal, pulled, partly translated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.demo import copy_demo

from kisync import Project

DEMO = Path(__file__).resolve().parents[2] / "examples" / "heinsberg"


@pytest.fixture(scope="session")
def pulled_demo(tmp_path_factory) -> Path:
    """The demo portal after `kisync pull`, untouched by translators (do not modify)."""
    root = copy_demo(tmp_path_factory.mktemp("demo"))
    report = Project.load(root).pull()
    assert not report.failures, report.failures
    return root


@pytest.fixture
def demo(pulled_demo, tmp_path) -> Project:
    """A fresh copy of the pulled demo project for one test."""
    shutil.copytree(pulled_demo.parents[1], tmp_path, dirs_exist_ok=True)
    return Project.load(tmp_path / pulled_demo.relative_to(pulled_demo.parents[1]))
