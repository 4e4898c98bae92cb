"""The demo portal with Leichte Sprache added, pulled once per session."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.demo import copy_demo, copy_pulled

from kisync import Project


def add_easy_german(root: Path, publish: str = "") -> None:
    """The demo with de-x-ls, without its review policy (and with ``publish`` lines in
    [publish] instead)."""
    config = root / "kisync.toml"
    text = config.read_text(encoding="utf-8")
    if '"de-x-ls"' not in text:
        text = text.replace('"ru"]', '"ru", "de-x-ls"]', 1)
    text = re.sub(r"(?m)^require_review = .*\n", "", text)
    text = text.replace("[publish]\n", f"[publish]\n{publish}\n", 1)
    config.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def pulled_easy(tmp_path_factory) -> Path:
    folder = copy_demo(tmp_path_factory.mktemp("easy"))
    add_easy_german(folder)
    report = Project.load(folder).pull()
    assert not report.failures
    return folder


@pytest.fixture
def easy(pulled_easy, tmp_path) -> Path:
    """A fresh, pulled, untranslated copy of the demo with de-x-ls."""
    return copy_pulled(pulled_easy, tmp_path)
