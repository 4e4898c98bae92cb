"""A pulled copy of the demo portal, and a way to translate its catalogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from support.demo import copy_demo, copy_pulled

from kisync import Project, pofile

DEMO = Path(__file__).parents[2] / "examples" / "heinsberg"


@pytest.fixture(scope="session")
def pulled_demo(tmp_path_factory) -> Path:
    folder = copy_demo(tmp_path_factory.mktemp("pulled"))
    report = Project.load(folder).pull()
    assert not report.failures
    return folder


@pytest.fixture
def demo(pulled_demo, tmp_path) -> Path:
    """A fresh, pulled, untranslated copy of the demo project."""
    return copy_pulled(pulled_demo, tmp_path)


def translate(
    root: Path,
    language: str,
    change: Callable[[str], str] | None = None,
    *,
    keys: tuple[str, ...] | None = None,
    share: float = 1.0,
    fuzzy: bool = False,
) -> None:
    """Fill ``share`` of each catalog's entries with ``change(msgid)``."""
    change = change or (lambda text: f"[{language}] {text}")
    for path in sorted((root / "po" / language).rglob("*.po")):
        key = path.relative_to(root / "po" / language).with_suffix("").as_posix()
        if keys is not None and key not in keys:
            continue
        catalog = pofile.read(path)
        entries = [entry for entry in catalog if not entry.obsolete]
        for entry in entries[: round(len(entries) * share)]:
            entry.msgstr = change(entry.msgid)
            if fuzzy:
                entry.flags.append("fuzzy")
        path.write_text(pofile.dumps(catalog), encoding="utf-8")
