"""One kisync run at a time per project: an exclusive lock on ``.kisync/lock``.

Commands that write (pull, push, sync, pretranslate, harvest, glossary import, init)
hold it for their whole run, so two runs never interleave their writes; a second run
stops at once with one line naming the run that holds it. The lock is ``flock``: the
operating system releases it when the process ends, however it ends (``kill -9``
included), so a lock is never left behind. The file itself stays, empty between runs;
while a run holds the lock it tells who that is. Read-only commands (stats, lint, check,
report) and dry runs do not take it. Worker processes inherit the lock's file but close
it, so they never keep it alive.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import KisyncError

try:
    import fcntl
except ImportError:  # Windows: no flock; runs are not serialised there
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = "lock"
"""The lock's file in the project's state folder (``.kisync/``)."""

_held: dict[str, int] = {}
"""Lock files this process holds -> their file descriptor."""


class ProjectBusy(KisyncError):
    """Another kisync run holds the project's lock."""


@contextmanager
def project_lock(state_dir: Path, command: str) -> Iterator[bool]:
    """Hold the lock of the project whose state folder is ``state_dir`` while the block runs.

    ``command`` (``kisync pull``) is shown to a run that finds the lock taken, which
    raises :class:`ProjectBusy`. Yields whether this call took the lock: False when this
    process already holds it (a command calling another).
    """
    path = str(state_dir / LOCK_FILE)
    if path in _held or fcntl is None:
        yield False
        return
    state_dir.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _read_holder(descriptor)
        os.close(descriptor)
        raise ProjectBusy(_busy_message(holder)) from None
    try:
        _tell_holder(descriptor, command)
        _held[path] = descriptor
        yield True
    finally:
        _held.pop(path, None)
        with contextlib.suppress(OSError):
            os.ftruncate(descriptor, 0)  # a run with nothing to do leaves no byte changed
        os.close(descriptor)  # releases the lock


def _tell_holder(descriptor: int, command: str) -> None:
    """Write who holds the lock into its file (on a full disk, the lock works without)."""
    holder = {"pid": os.getpid(), "command": command, "started": time.time()}
    with contextlib.suppress(OSError):
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, json.dumps(holder).encode(), 0)


def _read_holder(descriptor: int) -> dict[str, object]:
    try:
        holder = json.loads(os.pread(descriptor, 4096, 0))
    except (OSError, ValueError):  # being written right now
        return {}
    return holder if isinstance(holder, dict) else {}


def _busy_message(holder: dict[str, object]) -> str:
    details = []
    pid = holder.get("pid")
    if isinstance(pid, int):
        details.append(f"pid {pid}")
    if isinstance(holder.get("command"), str):
        details.append(f"`{holder['command']}`")
    started = holder.get("started")
    if isinstance(started, int | float):
        details.append(f"started {_clock(started)}")
    who = f"another kisync run ({', '.join(details)})" if details else "another kisync run"
    stop = f" (`kill {pid}` if it hangs)" if isinstance(pid, int) else ""
    return (
        f"{who} is working on this project; wait for it to finish{stop}, "
        "then run this command again"
    )


def _clock(timestamp: float) -> str:
    """``14:05`` today, ``2024-05-01 14:05`` on another day."""
    started = time.localtime(timestamp)
    same_day = time.strftime("%Y-%m-%d", started) == time.strftime("%Y-%m-%d")
    return time.strftime("%H:%M" if same_day else "%Y-%m-%d %H:%M", started)


def _close_in_child() -> None:
    """A forked worker closes its copy of the lock's file (the parent keeps the lock)."""
    for descriptor in _held.values():
        os.close(descriptor)
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_in_child)
