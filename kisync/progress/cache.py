"""The statistics cache: ``.kisync/stats-cache.json``, one record per counted file.

A record is keyed by the file's path and remembers its size, modification time,
change time (``st_ctime``, which no program can set back) and inode; any difference
means the file is counted again. To be safe on file systems with coarse timestamps, a
file changed less than :data:`RACY_SECONDS` before it was counted is not cached at all
(the same precaution git takes for its index), so an edit made in the same clock tick
as a count can never hide behind an unchanged timestamp.

The cache is only a speed-up: deleting it is always safe, and a cache that cannot be
read or written is ignored (with a debug log line).
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

from ..fsutil import write_if_changed
from .scan import Counts

log = logging.getLogger(__name__)

CACHE_VERSION = 2
"""Bump when the counting rules change: every file is then counted again."""
RACY_SECONDS = 2.0

_Signature = tuple[int, int, int, int]


def signature(stat: os.stat_result) -> _Signature:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


class StatsCache:
    """Counts of files, valid as long as each file's signature is unchanged."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._records: dict[str, list[int]] = {}
        self._changed = False
        self._started_ns = time.time_ns()
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as error:
            log.debug("ignoring unreadable statistics cache %s: %s", self.path, error)
            self._changed = True
            return
        if isinstance(data, dict) and data.get("version") == CACHE_VERSION:
            records = data.get("files")
            if isinstance(records, dict):
                self._records = records
                return
        self._changed = True

    def get(self, key: str, stat: os.stat_result) -> Counts | None:
        record = self._records.get(key)
        if (
            record is None
            or len(record) != 11
            or record[1] != stat.st_mtime_ns
            or record[0] != stat.st_size
            or record[2] != stat.st_ctime_ns
            or record[3] != stat.st_ino
        ):
            return None
        return Counts(*record[4:])

    def put(self, key: str, stat: os.stat_result, counts: Counts) -> None:
        newest = max(stat.st_mtime_ns, stat.st_ctime_ns)
        if newest > self._started_ns - RACY_SECONDS * 1e9:
            self._records.pop(key, None)  # too fresh to trust its timestamp next time
        else:
            self._records[key] = [*signature(stat), *counts.as_tuple()]
        self._changed = True

    def forget(self, key: str) -> None:
        if self._records.pop(key, None) is not None:
            self._changed = True

    def save(self) -> None:
        if not self._changed:
            return
        data = json.dumps({"version": CACHE_VERSION, "files": self._records}, separators=(",", ":"))
        try:
            write_if_changed(self.path, data)
        except OSError as error:
            log.debug("cannot write statistics cache %s: %s", self.path, error)
        self._changed = False
