"""``kisync review``: mark the finished strings of a language as reviewed by a Prüfgruppe.

The marks themselves (a translator comment with a hash of the msgstr) are part of the
catalog format: :mod:`kisync.catalog.review`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..catalog import pofile
from ..catalog.review import entry_forms, is_reviewed, mark
from ..errors import CatalogError, KisyncError
from ..util.fsutil import write_if_changed
from ..util.selection import select_languages, select_pages

if TYPE_CHECKING:
    from ..catalog.layout import CatalogLayout


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
    catalogs: CatalogLayout,
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
        raise KisyncError.naming(
            '{by}: say who reviewed the strings, e.g. {by} "Prüfgruppe Heinsberg"', by="by"
        )
    (chosen,) = select_languages(catalogs.target_languages(), [language])
    report = ReviewReport(chosen.code, dry_run=dry_run)
    day = date or datetime.date.today()
    for key in select_pages(catalogs, pages):
        path = catalogs.catalog_path(chosen.code, key)
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
