"""A full disk, a read-only disk or a missing permission ends a command with one line
(what, which file, what to do) and exit code 2: no traceback, no half-written file."""

from __future__ import annotations

import errno
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support.demo import copy_demo
from test_pull import PAGE, edit_page, run, snapshot, translate

from kisync import fsutil
from kisync.fsutil import TEMPORARY_MARK

EDIT = ("Im Integrationskurs lernen Sie Deutsch", "Im Kurs lernen Sie Deutsch")


def kisync(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """kisync in its own process, as a user or CI runs it."""
    command = [sys.executable, "-m", "kisync", "--project", str(project), *args]
    return subprocess.run(command, capture_output=True, text=True)


def assert_one_line(stderr: str, pattern: str) -> None:
    assert "Traceback" not in stderr
    assert re.fullmatch(f"kisync: error: {pattern}\n", stderr), stderr


def temporaries(folder: Path) -> list[Path]:
    return list(folder.rglob(f"*{TEMPORARY_MARK}*"))


@pytest.fixture
def small_disk(tmp_path: Path):
    """A real 8 MB file system (tmpfs) of its own; skipped where mounting is not allowed."""
    mount = tmp_path / "disk"
    mount.mkdir()
    command = ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)]
    try:
        mounted = subprocess.run(command, capture_output=True, text=True)
    except FileNotFoundError:
        pytest.skip("no mount command")
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {mounted.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=True)


def fill(disk: Path) -> Path:
    """Fill the disk to the last block; return the file that holds the space."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as stream:
        for size in (1 << 20, 1 << 12, 1):
            try:
                while True:
                    stream.write(b"\0" * size)
            except OSError as error:
                assert error.errno == errno.ENOSPC
    return filler


def test_a_full_disk_ends_pull_with_one_line_and_loses_nothing(small_disk):
    project = copy_demo(small_disk)
    assert kisync(project, "pull").returncode == 0
    translate(project, "ar", PAGE, {"Integrationskurse": "دورات الاندماج"})
    edit_page(project, *EDIT)
    before = snapshot(project / "po")
    filler = fill(small_disk)

    result = kisync(project, "pull")
    assert result.returncode == 2
    assert_one_line(
        result.stderr,
        rf"cannot write {re.escape(str(project / 'po'))}/\S+\.pot?: No space left on device; "
        "free some disk space, then run the command again",
    )
    assert snapshot(project / "po") == before and temporaries(project) == []

    filler.unlink()  # space freed: the same pull now goes through
    result = kisync(project, "pull")
    assert result.returncode == 0, result.stderr
    ar = (project / "po" / "ar" / f"{PAGE}.po").read_text(encoding="utf-8")
    assert "دورات الاندماج" in ar and EDIT[1] in ar


def test_a_read_only_disk_ends_pull_with_one_line_and_stats_still_work(small_disk):
    project = copy_demo(small_disk)
    assert kisync(project, "pull").returncode == 0
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)

    result = kisync(project, "pull")
    assert result.returncode == 2
    assert_one_line(
        result.stderr,
        rf"{re.escape(str(project / '.kisync' / 'lock'))}: Read-only file system; "
        "the disk is mounted read-only; use a writable copy of the project",
    )
    assert kisync(project, "stats").returncode == 0  # reading needs no lock


def test_a_write_refused_ends_pull_with_one_line_and_loses_nothing(tmp_path, monkeypatch):
    project = copy_demo(tmp_path)
    assert run(project, "pull").exit_code == 0
    edit_page(project, *EDIT)
    before = snapshot(project / "po")

    def refused(source: object, destination: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(fsutil.os, "replace", refused)  # root may write anywhere
    result = run(project, "pull")
    assert result.exit_code == 2
    assert_one_line(
        result.stderr,
        rf"cannot write {re.escape(str(project / 'po'))}/\S+\.po: Permission denied; "
        r"check that you may write there \(owner and permissions\), then run it again",
    )
    assert snapshot(project / "po") == before and temporaries(project) == []


def test_an_os_error_outside_a_write_is_one_line_too(tmp_path, monkeypatch):
    project = copy_demo(tmp_path)
    assert run(project, "pull").exit_code == 0

    def too_many_files(path: str) -> None:
        raise OSError(errno.EMFILE, "Too many open files", path)

    monkeypatch.setattr("kisync.project.os.scandir", too_many_files)
    result = run(project, "pull")
    assert result.exit_code == 2
    assert_one_line(
        result.stderr,
        rf"{re.escape(str(project))}/\S+: Too many open files; "
        "too many files are open; close some programs and run the command again",
    )
