"""kisync.fsutil.write_if_changed: no needless writes, atomic replacement, nothing left over."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kisync import fsutil
from kisync.errors import FileSystemError
from kisync.fsutil import FileChanged, read_version, replace_file, write_if_changed

TEXT = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Straße"\nmsgstr "شارع"\n'


def leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if fsutil.TEMPORARY_MARK in name)


def test_creates_the_file_and_its_folders(tmp_path: Path) -> None:
    path = tmp_path / "po" / "ar" / "bildung" / "kurse.po"
    assert write_if_changed(path, TEXT) is True
    assert path.read_bytes() == TEXT.encode("utf-8")
    assert leftovers(path.parent) == []


def test_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o027)
    try:
        write_if_changed(tmp_path / "new.po", TEXT)
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.po").stat().st_mode) == 0o640


def test_unchanged_file_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "kurse.po"
    path.write_bytes(TEXT.encode("utf-8"))
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))  # a distinct, old timestamp
    before = path.stat()
    assert write_if_changed(path, TEXT) is False
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_changed_file_is_replaced_in_one_step(tmp_path: Path) -> None:
    path = tmp_path / "kurse.po"
    path.write_text("old content\n", encoding="utf-8")
    path.chmod(0o640)
    with path.open("rb") as reader:  # someone reading the old file while kisync writes
        assert write_if_changed(path, TEXT) is True
        assert reader.read() == b"old content\n"  # still the whole old file, not a mix
    assert path.read_bytes() == TEXT.encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "kurse.po"
    path.write_text("old content\n", encoding="utf-8")

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fsutil.os, failing, disk_full)
    with pytest.raises(FileSystemError) as raised:
        write_if_changed(path, TEXT)
    assert str(raised.value) == (
        f"cannot write {path}: No space left on device; "
        "free some disk space, then run the command again"
    )
    assert isinstance(raised.value, OSError)  # code that tolerates a failed write still does
    assert path.read_text(encoding="utf-8") == "old content\n"
    assert leftovers(tmp_path) == []


def test_a_file_changed_since_it_was_read_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "kurse.txt"
    path.write_text("read by kisync\n", encoding="utf-8")
    version = read_version(path)
    path.write_text("saved by a translator\n", encoding="utf-8")
    with pytest.raises(FileChanged):
        replace_file(path, b"merged\n", expected=version)
    assert path.read_text(encoding="utf-8") == "saved by a translator\n"
    assert leftovers(tmp_path) == []

    written = replace_file(path, b"merged\n", expected=read_version(path))
    assert path.read_bytes() == b"merged\n" and written == read_version(path).signature

    missing = tmp_path / "new.txt"
    version = read_version(missing)
    missing.write_text("created meanwhile\n", encoding="utf-8")
    with pytest.raises(FileChanged):
        replace_file(missing, b"merged\n", expected=version)
    assert missing.read_text(encoding="utf-8") == "created meanwhile\n"


def test_temporaries_of_dead_runs_are_removed_and_those_of_live_ones_kept(tmp_path: Path) -> None:
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = int(finished.stdout)
    folder = tmp_path / "po" / "ar" / "bildung"
    folder.mkdir(parents=True)
    stale = folder / f".kurse.po{fsutil.TEMPORARY_MARK}{dead}-0a1b2c3d"
    live = folder / f".kurse.po{fsutil.TEMPORARY_MARK}{os.getpid()}-0a1b2c3d"
    other = folder / "notes.kisync-tmp-old.txt"  # not one of kisync's (no leading dot)
    for path in (stale, live, other):
        path.write_text("x")
    assert fsutil.remove_stale_temporaries([tmp_path / "po", tmp_path / "missing"]) == [stale]
    assert sorted(folder.iterdir()) == sorted([live, other])


def test_dry_run_reports_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "kurse.po"
    path.write_text("old content\n", encoding="utf-8")
    assert write_if_changed(path, TEXT, dry_run=True) is True
    assert path.read_text(encoding="utf-8") == "old content\n"
    assert write_if_changed(path, "old content\n", dry_run=True) is False
    missing = tmp_path / "new" / "folder" / "kurse.po"
    assert write_if_changed(missing, TEXT, dry_run=True) is True
    assert not missing.parent.exists()
    assert leftovers(tmp_path) == []


def test_a_symbolic_link_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real.po"
    target.write_text("old content\n", encoding="utf-8")
    link = tmp_path / "link.po"
    link.symlink_to(target)
    assert write_if_changed(link, TEXT) is True
    assert link.is_symlink()
    assert target.read_bytes() == TEXT.encode("utf-8")
    assert write_if_changed(link, TEXT) is False


def test_a_folder_in_the_way_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "kurse.po").mkdir()
    with pytest.raises(FileSystemError, match=r"^cannot read .*kurse.po: Is a directory; "):
        write_if_changed(tmp_path / "kurse.po", TEXT)
    assert leftovers(tmp_path) == []
