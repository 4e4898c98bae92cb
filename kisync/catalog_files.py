"""Bring one page's catalog files up to date on disk.

The template (``po/templates/<key>.pot``) is rebuilt from the page's entries; each
language catalog (``po/<lang>/<key>.po``) is merged with it and passed through the
project's catalog processors (glossary hints …). Files are written only when their
bytes change, and the template goes last: an unchanged template therefore means every
language catalog was merged with it, so a run interrupted half-way is completed by the
next one. A catalog that cannot be read is reported and left exactly as it is.

A catalog saved by someone else (a translator in Poedit) while it is merged is never
overwritten: the merge starts again from the saved content. A catalog edited since the
last pull (``stale``) is merged again only when its entries no longer match the
template (a msgid changed or deleted by hand), so a translator's layout is kept.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import polib

from . import pofile
from .catalog import (
    PageInfo,
    TemplateDiff,
    build_template,
    diff_templates,
    merge,
    now_stamp,
    template_date,
)
from .errors import CatalogError
from .fsutil import FileChanged, FileVersion, Signature, read_version, replace_file
from .languages import Language
from .project import TEMPLATES

if TYPE_CHECKING:
    from .project import Project

log = logging.getLogger(__name__)

MERGE_ATTEMPTS = 5
"""Merges of one catalog that someone keeps saving before it is left for the next pull."""


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
    template: bytes | None = None
    """The template's bytes as written (or found), when the page's files are up to date."""
    signatures: dict[str, Signature | None] = field(default_factory=dict)
    """:data:`TEMPLATES` or a language code -> the signature of the file as this run left it
    (read and found right, or written); None: check it on the next pull."""


def update_page_files(
    project: Project,
    page: PageInfo,
    entries: list[polib.POEntry],
    *,
    processors: Sequence[CatalogProcessor] = (),
    reprocess: bool = False,
    stale: Collection[str] = (),
    dry_run: bool = False,
) -> FilesOutcome:
    """Write a page's template and merge it into every language catalog of the project.

    ``stale``: codes of the languages whose catalog was edited or replaced since the
    last pull; they are read and merged again if their entries no longer match.
    """
    outcome = FilesOutcome()
    template_path = project.template_path(page.key)
    old = _read_template(template_path)
    old_text = None if old.data is None else old.data.decode("utf-8")
    template, text = _template(page, entries, old_text)
    outcome.changed = text != old_text
    if outcome.changed:
        outcome.diff = _diff(template_path, old_text, template)
    for language in project.languages:
        path = project.catalog_path(language.code, page.key)
        merge_all = outcome.changed or reprocess or not path.exists()
        if merge_all or language.code in stale:
            merge = _Merge(template, page, processors, dry_run, merge_all)
            outcome.ok &= merge.into(path, language, outcome)
    if outcome.ok:
        outcome.signatures[TEMPLATES] = _write(template_path, text, old, dry_run, outcome)
        outcome.template = text.encode("utf-8")
    return outcome


def check_catalogs(
    project: Project,
    key: str,
    stale: Collection[str],
    *,
    processors: Sequence[CatalogProcessor] = (),
    dry_run: bool = False,
) -> FilesOutcome:
    """:func:`update_page_files` for a page whose template is up to date: only the
    ``stale`` catalogs are read, and merged again with the template on disk if needed."""
    outcome = FilesOutcome()
    try:
        template = pofile.read(project.template_path(key))
    except CatalogError as error:
        outcome.ok = False
        outcome.failures.append(unreadable(error))
        return outcome
    merge = _Merge(template, PageInfo(key), processors, dry_run)
    for language in project.languages:
        if language.code in stale:
            outcome.ok &= merge.into(project.catalog_path(language.code, key), language, outcome)
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


@dataclass(frozen=True)
class _Merge:
    """Merging a page's template into its language catalogs."""

    template: polib.POFile
    page: PageInfo
    processors: Sequence[CatalogProcessor]
    dry_run: bool
    always: bool = False
    """Merge even a catalog whose entries match the template (it changed, or the
    processors did)."""

    def into(self, path: Path, language: Language, outcome: FilesOutcome) -> bool:
        """Merge into the catalog at ``path``; start again from what is there if someone
        saves it meanwhile. False when the catalog cannot be read (it is left as it is)."""
        outcome.signatures[language.code] = None
        for _ in range(MERGE_ATTEMPTS):
            try:
                current = read_version(path)
                existing = None if current.data is None else pofile.parse(current.data, path)
            except OSError as error:
                failure = CatalogError(path, f"cannot be read: {error.strerror or error}")
                outcome.failures.append(unreadable(failure))
                return False
            except CatalogError as error:
                outcome.failures.append(unreadable(error))
                return False
            if existing is not None and not self.always and self._matches(existing):
                outcome.signatures[language.code] = current.signature
                return True
            try:
                text = self._merged(existing, language)
                signature = _write(path, text, current, self.dry_run, outcome, guard=True)
            except FileChanged:
                log.info("%s was saved while it was merged; merging the saved file", path)
                continue
            outcome.signatures[language.code] = signature
            return True
        outcome.failures.append(
            f"{path}: saved by someone else {MERGE_ATTEMPTS} times while pull merged it "
            "(left as it is; pull again when it is no longer being edited)"
        )
        return False

    def _merged(self, existing: polib.POFile | None, language: Language) -> str:
        catalog = merge(self.template, existing, language, self.page).catalog
        for processor in self.processors:
            processor.process(catalog, language, self.page.key)
        return pofile.dumps(catalog)

    def _matches(self, catalog: polib.POFile) -> bool:
        return _entry_keys(catalog) == _entry_keys(self.template)


def _entry_keys(catalog: polib.POFile) -> list[tuple[str, str, str]]:
    """What a catalog's entries must share with its template, in order."""
    return [
        (entry.msgctxt or "", entry.msgid, entry.msgid_plural)
        for entry in catalog
        if not entry.obsolete
    ]


def unreadable(error: CatalogError) -> str:
    """A pull's failure line for a catalog it cannot parse (and so leaves as it is)."""
    return f"{error} (left untouched; fix it, then pull again)"


def _write(
    path: Path,
    text: str,
    current: FileVersion,
    dry_run: bool,
    outcome: FilesOutcome,
    *,
    guard: bool = False,
) -> Signature | None:
    """Write ``text`` unless the file (as ``current``) holds it; its signature afterwards.

    ``guard``: raise :class:`FileChanged` rather than replace a file that no longer
    holds ``current``.
    """
    data = text.encode("utf-8")
    if data == current.data:
        return current.signature
    outcome.written.append(path)
    if dry_run:
        return None
    return replace_file(path, data, expected=current if guard else None)


def _diff(path: Path, old_text: str | None, template: polib.POFile) -> TemplateDiff:
    old_ids: list[str] = []
    if old_text is not None:
        try:
            old_ids = [entry.msgid for entry in pofile.loads(old_text, path)]
        except CatalogError:
            log.warning("%s was unreadable; it is rewritten from the portal", path)
    return diff_templates(old_ids, [entry.msgid for entry in template])


def _read_template(path: Path) -> FileVersion:
    """The template as it is (an unreadable one is rewritten: it is made from the page)."""
    try:
        version = read_version(path)
        if version.data is not None:
            version.data.decode("utf-8")
        return version
    except (OSError, UnicodeDecodeError) as error:
        log.warning("cannot read %s (%s); rewriting it", path, error)
        return FileVersion()
