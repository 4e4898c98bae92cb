"""The demo project (``examples/heinsberg``): copies to write into, and pulled fixtures for
the progress and lint tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kisync import Project

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "heinsberg"


def copy_demo(destination: Path) -> Path:
    """Copy the demo project into ``destination`` and return its folder.

    The layout of the repository is kept (``examples/heinsberg`` next to ``glossaries``),
    so the relative glossary path in the demo's kisync.toml still resolves. Catalogs,
    published pages and state of the original are not copied.
    """
    project = destination / "examples" / "heinsberg"
    shutil.copytree(DEMO, project, ignore=shutil.ignore_patterns("po", "site", ".kisync"))
    shutil.copytree(ROOT / "glossaries", destination / "glossaries")
    return project


def copy_pulled(pulled: Path, destination: Path) -> Path:
    """A copy of a project made by :func:`copy_demo` (after a pull), glossary included."""
    shutil.copytree(pulled.parents[1], destination, dirs_exist_ok=True)
    return destination / pulled.relative_to(pulled.parents[1])


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
    return Project.load(copy_pulled(pulled_demo, tmp_path))
