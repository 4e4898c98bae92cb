"""Bring one page's catalog files up to date on disk.

The template (``po/templates/<key>.pot``) is rebuilt from the page's entries; each
language catalog (``po/<lang>/<key>.po``) is merged with it and passed through the
project's catalog processors (glossary hints …). Files are written only when their
bytes change, and the template goes last: an unchanged template therefore means every
language catalog was merged with it, so a run interrupted half-way is completed by the
next one. A catalog that cannot be read is reported and left exactly as it is.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import polib

from ..errors import CatalogError
from ..languages import Language
from ..util.fsutil import write_if_changed
from . import pofile
from .merge import (
    PageInfo,
    TemplateDiff,
    build_template,
    diff_templates,
    merge,
    now_stamp,
    template_date,
)

if TYPE_CHECKING:
    from .layout import CatalogLayout

log = logging.getLogger(__name__)


class CatalogProcessor(Protocol):
    """A step applied to every catalog that is merged (glossary hints, for example).

    ``fingerprint`` changes when the step's inputs change (a new glossary); then every
    catalog is processed again, even for pages whose German text did not change.
    """

    fingerprint: str

    def process(self, catalog: polib.POFile, language: Language, key: str) -> None: ...


@dataclass
class FilesOutcome:
    """What updating one page's files did."""

    ok: bool = True
    """False when a language catalog could not be read (the template is then not written)."""
    changed: bool = False
    """True when the page's German text (its template) changed."""
    diff: TemplateDiff = field(default_factory=TemplateDiff)
    written: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def update_page_files(
    layout: CatalogLayout,
    languages: Sequence[Language],
    page: PageInfo,
    entries: list[polib.POEntry],
    *,
    processors: Sequence[CatalogProcessor] = (),
    reprocess: bool = False,
    dry_run: bool = False,
) -> FilesOutcome:
    """Write a page's template and merge it into the catalog of each of ``languages``."""
    outcome = FilesOutcome()
    template_path = layout.template_path(page.key)
    old_text = _read_text(template_path)
    template, text = _template(page, entries, old_text)
    outcome.changed = text != old_text
    if outcome.changed:
        outcome.diff = _diff(template_path, old_text, template)
    for language in languages:
        path = layout.catalog_path(language.code, page.key)
        if outcome.changed or reprocess or not path.exists():
            outcome.ok &= _merge_into(path, template, language, page, processors, dry_run, outcome)
    if outcome.ok:
        _write(template_path, text, dry_run, outcome)
    return outcome


def _template(
    page: PageInfo, entries: list[polib.POEntry], old_text: str | None
) -> tuple[polib.POFile, str]:
    """The template and its text; the creation date only moves when the content changed."""
    created = (template_date(old_text) if old_text else None) or now_stamp()
    template = build_template(page, entries, created)
    text = pofile.dumps(template)
    if old_text is not None and text != old_text:
        template = build_template(page, entries, now_stamp())
        text = pofile.dumps(template)
    return template, text


def _merge_into(
    path: Path,
    template: polib.POFile,
    language: Language,
    page: PageInfo,
    processors: Sequence[CatalogProcessor],
    dry_run: bool,
    outcome: FilesOutcome,
) -> bool:
    try:
        existing = pofile.read(path) if path.exists() else None
    except CatalogError as error:
        outcome.failures.append(unreadable(error))
        return False
    catalog = merge(template, existing, language, page).catalog
    for processor in processors:
        processor.process(catalog, language, page.key)
    _write(path, pofile.dumps(catalog), dry_run, outcome)
    return True


def unreadable(error: CatalogError) -> str:
    """A pull's failure line for a catalog it cannot parse (and so leaves as it is)."""
    return f"{error} (left untouched; fix it, then pull again)"


def _write(path: Path, text: str, dry_run: bool, outcome: FilesOutcome) -> None:
    if write_if_changed(path, text, dry_run=dry_run):
        outcome.written.append(path)


def _diff(path: Path, old_text: str | None, template: polib.POFile) -> TemplateDiff:
    old_ids: list[str] = []
    if old_text is not None:
        try:
            old_ids = [entry.msgid for entry in pofile.loads(old_text, path)]
        except CatalogError:
            log.warning("%s was unreadable; it is rewritten from the portal", path)
    return diff_templates(old_ids, [entry.msgid for entry in template])


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        log.warning("cannot read %s (%s); rewriting it", path, error)
        return None
