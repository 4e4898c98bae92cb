"""Shared fixtures."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def gettext_tool(name: str) -> str:
    """Path of a GNU gettext program; fail (not skip) when it is missing.

    msgfmt and msgcat are the judges of PO validity and formatting, so a test that needs
    them must not pass silently without them. `.ci/run` installs Debian's `gettext`.
    """
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} (GNU gettext) is not installed: apt-get install gettext")
    return path


def msgfmt_check(path: Path) -> None:
    """Assert that GNU msgfmt --check accepts a PO/POT file."""
    result = subprocess.run(
        [gettext_tool("msgfmt"), "--check", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"msgfmt --check {path}:\n{result.stderr}"
