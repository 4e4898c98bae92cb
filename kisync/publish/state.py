"""``.kisync/publish-state.json``: what push knows about every page and language.

Per language and page key it remembers the hash of the inputs of the last check (German
page, catalog, ``_site`` catalog), the completeness found then, the hash of the last
render's inputs including links, and — once published — the :class:`Published` record
of the version kisync wrote. That is what lets a push with nothing changed do no work,
and what tells an edit made on the target (a different fingerprint) from our own.

The file belongs to one target: a record made for ``files:site`` means nothing to a
WordPress site, so records for another target are dropped (pages are then recognised
on the target by their content, see :mod:`kisync.publish.target`).
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..fsutil import write_if_changed
from .target import Published

log = logging.getLogger(__name__)

VERSION = 1
STATE_FILE = "publish-state.json"
"""Its name in the project's state folder (``.kisync/``)."""


@dataclass(frozen=True)
class Record:
    """One page in one language."""

    inputs: str = ""
    """Hash of the German page, its catalog and the ``_site`` catalog when last checked."""
    completeness: float = 0.0
    render: str = ""
    """Hash of everything the last published render depended on (inputs, links, …)."""
    published: Published | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"inputs": self.inputs, "completeness": self.completeness}
        if self.render:
            data["render"] = self.render
        if self.published is not None:
            data["published"] = dataclasses.asdict(self.published)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Record:
        published = data.get("published")
        return cls(
            inputs=str(data.get("inputs", "")),
            completeness=float(data.get("completeness", 0.0)),
            render=str(data.get("render", "")),
            published=Published(**published) if published else None,
        )


class PublishState:
    """The publish state of one project and target; see the module documentation."""

    def __init__(self, path: Path, target: str, records: dict[str, dict[str, Record]]) -> None:
        self.path = path
        self.target = target
        self.records = records

    @classmethod
    def load(cls, path: Path, target: str) -> tuple[PublishState, str | None]:
        """The state for ``target``, and a warning when the file had to be ignored."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path, target, {}), None
        except (OSError, ValueError) as error:
            return cls(path, target, {}), f"{path} is unreadable ({error}); starting afresh"
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return cls(path, target, {}), f"{path} has an unknown format; starting afresh"
        if data.get("target") != target:
            message = (
                f"{path} belongs to {data.get('target')!r}, not {target!r}; "
                "pages already on the target are recognised by their content"
            )
            return cls(path, target, {}), message
        try:
            records = {
                language: {key: Record.from_json(value) for key, value in pages.items()}
                for language, pages in data.get("pages", {}).items()
            }
        except (TypeError, ValueError, AttributeError) as error:
            return cls(path, target, {}), f"{path} is damaged ({error}); starting afresh"
        return cls(path, target, records), None

    def get(self, language: str, key: str) -> Record:
        return self.records.get(language, {}).get(key) or Record()

    def set(self, language: str, key: str, record: Record) -> None:
        self.records.setdefault(language, {})[key] = record

    def published(self, language: str) -> dict[str, Published]:
        """Page key → record of every page published in ``language``."""
        return {
            key: record.published
            for key, record in self.records.get(language, {}).items()
            if record.published is not None
        }

    def save(self) -> None:
        data = {
            "version": VERSION,
            "target": self.target,
            "pages": {
                language: {key: pages[key].to_json() for key in sorted(pages)}
                for language, pages in sorted(self.records.items())
            },
        }
        write_if_changed(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
