"""kisync.util.fsutil.write_if_changed: no needless writes, atomic replacement, nothing left over."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kisync.util import fsutil
from kisync.util.fsutil import write_if_changed

TEXT = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Straße"\nmsgstr "شارع"\n'


def leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


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


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kurse.po"
    path.write_text("old content\n", encoding="utf-8")

    def disk_full(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil.os, "replace", disk_full)  # a full disk cannot be staged here
    with pytest.raises(OSError, match="No space left"):
        write_if_changed(path, TEXT)
    assert path.read_text(encoding="utf-8") == "old content\n"
    assert leftovers(tmp_path) == []


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
    with pytest.raises(IsADirectoryError):
        write_if_changed(tmp_path / "kurse.po", TEXT)
    assert leftovers(tmp_path) == []
