"""File-system helpers: atomic writes that leave unchanged files alone and never
overwrite a save made by someone else meanwhile.

Re-running kisync with nothing changed must rewrite no file (so ``git status``, editors
and file watchers stay quiet), and a crash, a full disk or a power cut must never leave a
half-written catalog behind. :func:`write_if_changed` gives both. A catalog a translator
saves (Poedit) while kisync merges it must not be lost: :func:`replace_file` with the
version that was read refuses to replace a file that changed since (:class:`FileChanged`).
Temporary files are named ``.<name>.kisync-tmp-<pid>-<random>``, so those of a run that
was killed are recognised and removed by the next one (:func:`remove_stale_temporaries`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import FileSystemError, KisyncError

__all__ = [
    "FileChanged",
    "FileVersion",
    "Signature",
    "read_version",
    "remove_stale_temporaries",
    "replace_file",
    "signature",
    "write_if_changed",
]

TEMPORARY_MARK = ".kisync-tmp-"

Signature = str
"""A file's size, modification and change times (ns) and inode, as git's index keeps
them: any write, replacement or ``touch`` gives a new one, whatever the clock says."""


def signature(stat: os.stat_result) -> Signature:
    return f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}:{stat.st_ino}"


@dataclass(frozen=True)
class FileVersion:
    """A file's bytes as they were read, and its signature then (no file: both None)."""

    data: bytes | None = None
    signature: Signature | None = None


class FileChanged(KisyncError):
    """The file changed after it was read; it was left as it is (read it and try again)."""


def read_version(path: Path | str) -> FileVersion:
    """The file's bytes and signature (following a symbolic link); empty when missing."""
    try:
        with open(path, "rb") as stream:
            stat = os.fstat(stream.fileno())
            return FileVersion(stream.read(), signature(stat))
    except FileNotFoundError:
        return FileVersion()


def write_if_changed(path: Path | str, text: str, *, dry_run: bool = False) -> bool:
    """Write ``text`` to ``path`` as UTF-8 unless the file already holds exactly those bytes.

    Returns whether the file was written (with ``dry_run``: whether it would be; nothing is
    touched then); see :func:`replace_file`. Read and write errors raise
    :class:`FileSystemError` (one line: what, which file, what to do).
    """
    try:
        current = read_version(path)
    except OSError as error:
        raise FileSystemError.of(error, "read", path) from error
    data = text.encode("utf-8")
    if current.data == data:
        return False
    if not dry_run:
        replace_file(path, data)
    return True


def replace_file(
    path: Path | str, data: bytes, *, expected: FileVersion | None = None
) -> Signature | None:
    """Replace the file's content with ``data`` in one step; return the new file's signature.

    The bytes go to a temporary file in the same folder, are flushed to disk and then
    replace ``path`` (:func:`os.replace`): readers see the old file or the new one, never
    a mix, and a failure leaves the old file as it was and removes the temporary one. The
    flush to disk (fsync) is done when an existing file is replaced — it may hold a
    translator's work; a new file has nothing to lose, and skipping it keeps a first pull
    of thousands of pages fast. Missing parent folders are created. An existing file keeps
    its permission bits; a new one gets the usual ones (0666 minus the umask). A symbolic
    link stays a link: the file it points to is replaced.

    With ``expected``, the file must still hold what it held then (checked right before
    the replacement); otherwise :class:`FileChanged` is raised and nothing is written.
    The signature is None when someone replaced the file again right after.
    """
    path = Path(path)
    target = path.resolve() if path.is_symlink() else path
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise FileSystemError.of(error, "read", path) from error
    try:
        return _replace(target, data, mode, expected)
    except OSError as error:
        raise FileSystemError.of(error, "write", path) from error


def _replace(
    path: Path, data: bytes, mode: int | None, expected: FileVersion | None
) -> Signature | None:
    descriptor, temporary = create_temporary(path)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            if mode is not None:
                os.fsync(stream.fileno())
            written = os.fstat(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        if expected is not None:
            _check_unchanged(path, expected)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    now = os.stat(path)
    ours = (now.st_ino, now.st_size, now.st_mtime_ns) == (
        written.st_ino,
        written.st_size,
        written.st_mtime_ns,
    )
    return signature(now) if ours else None


def _check_unchanged(path: Path, expected: FileVersion) -> None:
    """Raise :class:`FileChanged` unless ``path`` still holds ``expected``'s bytes.

    The bytes are compared (file times can be too coarse to show a save made in the same
    instant), then the signature taken before reading them is compared once more, as
    close to the replacement as possible.
    """
    current = read_version(path)
    if current.data != expected.data or _signature_now(path) != current.signature:
        raise FileChanged(f"{path} was changed by someone else while kisync worked on it")


def _signature_now(path: Path) -> Signature | None:
    try:
        return signature(os.stat(path))
    except FileNotFoundError:
        return None


def create_temporary(path: Path) -> tuple[int, Path]:
    """A new, empty, hidden file next to ``path``, named after it and this process.

    Created with mode 0666 so that the umask applies, as for any new file (unlike
    :func:`tempfile.mkstemp`, whose files are private).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        name = f".{path.name}{TEMPORARY_MARK}{os.getpid()}-{os.urandom(4).hex()}"
        temporary = path.with_name(name)
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
        except FileNotFoundError:  # the folder is missing: only then ask for it
            path.parent.mkdir(parents=True, exist_ok=True)


def remove_stale_temporaries(folders: Iterable[Path]) -> list[Path]:
    """Remove the temporary files of kisync runs that no longer exist (killed mid-write).

    A temporary file of a process that is still running is kept: it may be about to
    become a catalog. Returns the files removed.
    """
    removed = []
    pending = [str(folder) for folder in folders]
    while pending:
        with (
            contextlib.suppress(FileNotFoundError, NotADirectoryError),
            os.scandir(pending.pop()) as entries,
        ):
            for entry in entries:
                if entry.name.startswith(".") and TEMPORARY_MARK in entry.name:
                    if not _writer_alive(entry.name):
                        with contextlib.suppress(FileNotFoundError):
                            os.unlink(entry.path)
                            removed.append(Path(entry.path))
                elif entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
    return removed


def _writer_alive(name: str) -> bool:
    """Whether the process that named this temporary file is still running."""
    pid = name.rpartition(TEMPORARY_MARK)[2].split("-")[0]
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True
