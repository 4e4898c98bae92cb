"""A pulled copy of the demo portal."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.demo import copy_demo, copy_pulled

from kisync import Project


@pytest.fixture(scope="session")
def pulled_demo(tmp_path_factory) -> Path:
    folder = copy_demo(tmp_path_factory.mktemp("pulled"))
    report = Project.load(folder).pull()
    assert not report.failures
    return folder


@pytest.fixture
def demo(pulled_demo, tmp_path) -> Path:
    """A fresh, pulled, untranslated copy of the demo project."""
    return copy_pulled(pulled_demo, tmp_path)
