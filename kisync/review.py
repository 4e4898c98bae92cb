"""Review marks: which translations a Prüfgruppe (the readers of Leichte Sprache) checked.

A reviewed string carries a translator comment::

    # reviewed: 2026-05-04 Prüfgruppe Lebenshilfe Heinsberg #3f2a9c1e

Translator comments (``# …``) survive ``msgmerge``, ``msgcat``, Poedit, Weblate and
Translate Toolkit. The hash is the first 8 hex digits of the SHA-256 of the ``msgstr``
(all plural forms joined by NUL), so any later edit of the translation makes the mark
stale: the string counts as unreviewed again, with nothing to remember to remove.

For the languages in ``[publish] require_review`` an unreviewed string counts as
untranslated: it is not published (the German text is shown) and it does not count
towards a page's completeness.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import polib

from . import pofile
from .errors import CatalogError, KisyncError
from .fsutil import write_if_changed
from .selection import select_languages, select_pages

if TYPE_CHECKING:
    from .project import Project

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


@dataclass
class ReviewReport:
    """What ``kisync review`` did (or, with ``dry_run``, would do)."""

    language: str
    dry_run: bool = False
    marked: int = 0
    """Strings marked reviewed now (new or changed since their last review)."""
    already: int = 0
    """Strings whose mark was still valid."""
    open: int = 0
    """Strings not marked: untranslated or fuzzy."""
    written: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 2 if self.failures else 0

    def summary(self) -> str:
        verb = "would mark" if self.dry_run else "marked"
        files = "would write" if self.dry_run else "wrote"
        return (
            f"{self.language}: {verb} {self.marked} strings reviewed, {self.already} were "
            f"already reviewed, {self.open} are not finished (untranslated or fuzzy) and were "
            f"left alone; {files} {len(self.written)} files"
        )

    def to_json(self) -> dict[str, object]:
        return {
            "language": self.language,
            "dry_run": self.dry_run,
            "marked": self.marked,
            "already_reviewed": self.already,
            "not_finished": self.open,
            "files": [path.as_posix() for path in self.written],
            "failures": self.failures,
        }


def review(
    project: Project,
    language: str,
    pages: tuple[str, ...] | list[str] = (),
    *,
    by: str,
    date: datetime.date | None = None,
    dry_run: bool = False,
) -> ReviewReport:
    """Mark every finished (translated, not fuzzy) string of the selected pages reviewed."""
    by = " ".join(by.split())
    if not by:
        raise KisyncError('--by: say who reviewed the strings, e.g. --by "Prüfgruppe Heinsberg"')
    (chosen,) = select_languages(project, [language])
    report = ReviewReport(chosen.code, dry_run=dry_run)
    day = date or datetime.date.today()
    for key in select_pages(project, pages):
        path = project.catalog_path(chosen.code, key)
        if not path.exists():
            continue
        try:
            catalog = pofile.read(path)
        except CatalogError as error:
            report.failures.append(f"{error} (left untouched; fix it, then run again)")
            continue
        for entry in catalog:
            if entry.obsolete or not entry.msgid:
                continue
            if is_reviewed(entry):
                report.already += 1
            elif entry.fuzzy or not entry_forms(entry)[0]:
                report.open += 1
            else:
                mark(entry, by, day)
                report.marked += 1
        if write_if_changed(path, pofile.dumps(catalog), dry_run=dry_run):
            report.written.append(path)
    return report
