"""Shared fixtures."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kisync import fsutil


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


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Tests marked ``browser`` skip before their fixtures run when chromium is missing
    (they fail instead under KISYNC_REQUIRE_BROWSER=1; see support/browser.py)."""
    if item.get_closest_marker("browser"):
        from support.browser import chromium

        chromium()


# -- every catalog a test makes kisync write must pass msgfmt --check ---------------------

_CATALOG_SUFFIXES = (".po", ".pot")
_already_checked: set[str] = set()
"""Digests of catalog contents that passed (the demo's catalogs are written by many tests)."""


@pytest.fixture(autouse=True)
def catalogs_pass_msgfmt(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory):
    """Record each PO/POT file kisync writes during a test; check them all afterwards.

    Written bytes are captured at :func:`kisync.fsutil._replace`, the one place every
    catalog write goes through, so files a test later corrupts on purpose are judged as
    kisync wrote them. Writes in worker processes are not seen (their results are the
    same as in-process ones, which a pull test checks).
    """
    real_replace = fsutil._replace
    written: dict[str, tuple[Path, bytes]] = {}

    def recording_replace(path: Path, data: bytes, *rest: object) -> str | None:
        result = real_replace(path, data, *rest)
        if path.suffix in _CATALOG_SUFFIXES:
            digest = hashlib.sha256(data).hexdigest()
            if digest not in _already_checked:
                written.setdefault(digest, (path, data))
        return result

    monkeypatch.setattr(fsutil, "_replace", recording_replace)
    yield
    if written:
        _check_written(written, tmp_path_factory.mktemp("msgfmt"))


def _check_written(written: dict[str, tuple[Path, bytes]], folder: Path) -> None:
    msgfmt = gettext_tool("msgfmt")

    def check(item: tuple[int, tuple[str, tuple[Path, bytes]]]) -> str:
        index, (digest, (path, data)) = item
        copy = folder / f"{index}{path.suffix}"
        copy.write_bytes(data)
        result = subprocess.run(
            [msgfmt, "--check", "-o", "/dev/null", str(copy)], capture_output=True, text=True
        )
        if result.returncode != 0:
            return f"{path}:\n{result.stderr.replace(str(copy), path.name)}"
        _already_checked.add(digest)
        return ""

    with ThreadPoolExecutor(4) as pool:
        problems = [problem for problem in pool.map(check, enumerate(written.items())) if problem]
    assert not problems, "kisync wrote catalogs that msgfmt --check rejects:\n" + "\n".join(
        problems
    )
