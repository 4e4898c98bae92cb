"""File-system helpers: atomic writes that leave unchanged files alone.

Re-running kisync with nothing changed must rewrite no file (so ``git status``, editors
and file watchers stay quiet), and a crash, a full disk or a power cut must never leave a
half-written catalog behind. :func:`write_if_changed` gives both.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

__all__ = ["write_if_changed"]


def write_if_changed(path: Path | str, text: str, *, dry_run: bool = False) -> bool:
    """Write ``text`` to ``path`` as UTF-8 unless the file already holds exactly those bytes.

    Returns whether the file was written (with ``dry_run``: whether it would be; nothing is
    touched then). The bytes go to a temporary file in the same folder, are flushed to disk
    and then replace ``path`` in one step (:func:`os.replace`): readers see the old file or
    the new one, never a mix, and a failure leaves the old file as it was and removes the
    temporary one. The flush to disk (fsync) is done when an existing file is replaced —
    it may hold a translator's work; a new file has nothing to lose, and skipping it keeps
    a first pull of thousands of pages fast. Missing parent folders are created. An
    existing file keeps its permission bits; a new one gets the usual ones (0666 minus the
    umask). A symbolic link stays a link: the file it points to is replaced.
    """
    path = Path(path)
    old, mode = _current(path)
    data = text.encode("utf-8")
    if old == data:
        return False
    if not dry_run:
        _replace(path.resolve() if path.is_symlink() else path, data, mode)
    return True


def _current(path: Path) -> tuple[bytes | None, int | None]:
    """The file's bytes and permission bits, or ``(None, None)`` when there is no file."""
    try:
        with open(path, "rb") as stream:
            return stream.read(), os.fstat(stream.fileno()).st_mode & 0o7777
    except FileNotFoundError:
        return None, None


def _replace(path: Path, data: bytes, mode: int | None) -> None:
    """Write ``data`` to a temporary file and move it over ``path`` (of mode ``mode``)."""
    descriptor, temporary = _create_temporary(path)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            if mode is not None:
                stream.flush()
                os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _create_temporary(path: Path) -> tuple[int, Path]:
    """A new, empty, hidden file next to ``path``.

    Created with mode 0666 so that the umask applies, as for any new file (unlike
    :func:`tempfile.mkstemp`, whose files are private).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
        except FileNotFoundError:  # the folder is missing: only then ask for it
            path.parent.mkdir(parents=True, exist_ok=True)
