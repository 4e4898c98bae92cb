"""Every reply an engine gave, so the same German text is never sent twice.

One SQLite file under ``.kisync/`` (safe to delete: the next run sends again). Keyed by
engine name, target language and the exact text sent; a reply is stored as received
(even one the checks refuse, so it is not bought again) and committed batch by batch,
so a run stopped half-way keeps everything it paid for.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ...errors import KisyncError

_SCHEMA = """
create table if not exists replies (
    engine text not null,
    language text not null,
    sent text not null,
    reply text not null,
    received text not null,
    primary key (engine, language, sent)
)
"""


@dataclass(frozen=True)
class Reply:
    text: str
    received: str
    """ISO date the engine answered (the proposals' notes show it)."""


class ReplyCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        with self._errors():
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path)
            self._db.execute(_SCHEMA)

    def get(self, engine: str, language: str, sent: str) -> Reply | None:
        with self._errors():
            row = self._db.execute(
                "select reply, received from replies"
                " where engine = ? and language = ? and sent = ?",
                (engine, language, sent),
            ).fetchone()
        return Reply(*row) if row else None

    def put(
        self, engine: str, language: str, replies: Iterable[tuple[str, str]], received: str
    ) -> None:
        """Store (sent, reply) pairs of one batch at once."""
        with self._errors(), self._db:
            self._db.executemany(
                "insert or replace into replies values (?, ?, ?, ?, ?)",
                [(engine, language, sent, reply, received) for sent, reply in replies],
            )

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """A full disk or a damaged file: one line, not a traceback."""
        try:
            yield
        except (sqlite3.Error, OSError) as error:
            raise KisyncError(
                f"{self.path}: the machine-translation cache cannot be used ({error}); free "
                "disk space, or delete the file (replies are then asked for again)"
            ) from None

    def close(self) -> None:
        self._db.close()
