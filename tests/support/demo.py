"""Copies of the demo project (``examples/heinsberg``) for tests that write into it."""

from __future__ import annotations

import shutil
from pathlib import Path

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
