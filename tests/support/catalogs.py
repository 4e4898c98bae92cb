"""Filling catalogs with stand-in translations, for tests that publish."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kisync import pofile


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
            elif "fuzzy" in entry.flags:  # reviewed
                entry.flags.remove("fuzzy")
        path.write_text(pofile.dumps(catalog), encoding="utf-8")
