"""Review marks: which translations a Prüfgruppe (the readers of Leichte Sprache) checked.

A reviewed string carries a translator comment::

    # reviewed: 2026-05-04 Prüfgruppe Lebenshilfe Heinsberg #3f2a9c1e

Translator comments (``# …``) survive ``msgmerge``, ``msgcat``, Poedit, Weblate and
Translate Toolkit. The hash is the first 8 hex digits of the SHA-256 of the ``msgstr``
(all plural forms joined by NUL), so any later edit of the translation makes the mark
stale: the string counts as unreviewed again, with nothing to remember to remove.

The command that marks strings is :mod:`kisync.translate.review`. For the languages in
``[publish] require_review`` an unreviewed string counts as
untranslated: it is not published (the German text is shown) and it does not count
towards a page's completeness.
"""

from __future__ import annotations

import datetime
import hashlib
import re

import polib

MARK_PREFIX = "reviewed:"
_MARK = re.compile(r"^reviewed: (?P<date>\S+) (?P<who>.+) #(?P<hash>[0-9a-f]{8})$")


def translation_hash(forms: list[str] | tuple[str, ...]) -> str:
    """8 hex digits that change with any edit of the translation."""
    return hashlib.sha256("\x00".join(forms).encode("utf-8")).hexdigest()[:8]


def entry_forms(entry: polib.POEntry) -> list[str]:
    """The entry's translation: ``msgstr``, or every plural form in order."""
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def mark_hash(comment: str) -> str | None:
    """The hash of the review mark in a translator comment, if it has one."""
    for line in comment.split("\n"):
        match = _MARK.match(line.strip())
        if match:
            return match.group("hash")
    return None


def is_reviewed(entry: polib.POEntry) -> bool:
    """A finished translation whose review mark matches the translation as it is now."""
    forms = entry_forms(entry)
    if entry.obsolete or entry.fuzzy or not forms[0]:
        return False
    found = mark_hash(entry.tcomment or "")
    return found is not None and found == translation_hash(forms)


def mark(entry: polib.POEntry, by: str, date: datetime.date) -> None:
    """Replace the entry's review mark by one for its current translation."""
    line = f"{MARK_PREFIX} {date.isoformat()} {by} #{translation_hash(entry_forms(entry))}"
    kept = [x for x in (entry.tcomment or "").split("\n") if x and not _MARK.match(x.strip())]
    entry.tcomment = "\n".join([*kept, line])
