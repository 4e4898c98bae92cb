"""Helpers for the progress tests: translators' edits and msgfmt's opinion."""

from __future__ import annotations

import random
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
from conftest import gettext_tool

from kisync.catalog import pofile


def msgfmt_statistics(path: Path) -> tuple[int, int, int]:
    """(translated, fuzzy, untranslated) as GNU msgfmt --statistics reports them.

    msgfmt also reports problems it finds (inconsistent line ends of msgid and msgstr);
    the statistics line comes all the same.
    """
    result = subprocess.run(
        [gettext_tool("msgfmt"), "--statistics", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        env={"LC_ALL": "C"},
    )
    assert "translated message" in result.stderr, result.stderr
    numbers = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for count, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", result.stderr):
        numbers[kind] = int(count)
    return numbers["translated"], numbers["fuzzy"], numbers["untranslated"]


def edit_catalog(path: Path, change: Callable[[polib.POEntry], None]) -> None:
    """Let a 'translator' change every live entry of a catalog, then save it as kisync does."""
    catalog = pofile.read(path)
    for entry in catalog:
        if not entry.obsolete:
            change(entry)
    path.write_text(pofile.dumps(catalog), encoding="utf-8")


def translate_randomly(path: Path, seed: int, done: float = 0.6, fuzzy: float = 0.2) -> None:
    """Translate about ``done`` of the entries, mark about ``fuzzy`` as fuzzy, leave the rest."""
    rng = random.Random(seed)

    def change(entry: polib.POEntry) -> None:
        roll = rng.random()
        if roll < done + fuzzy:
            entry.msgstr = f"«{entry.msgid}»"
        if done <= roll < done + fuzzy:
            entry.flags.append("fuzzy")

    edit_catalog(path, change)


def translate_all(path: Path) -> None:
    edit_catalog(path, lambda entry: setattr(entry, "msgstr", f"«{entry.msgid}»"))
