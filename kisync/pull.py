"""``pull``: read the portal's German pages and bring every catalog up to date.

For each page: extract its segments, write its template (``po/templates/<key>.pot``)
and merge it into each language's catalog (``po/<lang>/<key>.po``). Text outside the
content region (menu, footer) is collected from all pages into the ``_site`` catalogs.

A run with nothing changed does no work: ``.kisync/pull-state.json`` remembers each
page's change marker, and pages whose marker is unchanged are not even read. Without
that file the run is slower but still rewrites no byte, because files are only written
when their content differs. A language catalog is written before the template, so an
interrupted run is completed by the next one.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

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
    template_entries,
)
from .errors import CatalogError, KisyncError
from .extract import extract_page
from .fsutil import write_if_changed
from .languages import Language
from .pagekeys import SITE_KEY
from .portal import PageRef

if TYPE_CHECKING:
    from .project import Project

log = logging.getLogger(__name__)

STATE_VERSION = 1
SITE_TITLE = "text shared by all pages (menu, header, footer)"
MAX_SITE_LOCATIONS = 3


class CatalogProcessor(Protocol):
    """A step applied to every catalog ``pull`` merges (glossary hints, for example).

    ``fingerprint`` changes when the step's inputs change (a new glossary); then every
    catalog is processed again, even for pages whose German text did not change.
    """

    fingerprint: str

    def process(self, catalog: polib.POFile, language: Language, key: str) -> None: ...


@dataclass
class PullReport:
    """What a pull did (or, with ``dry_run``, would do)."""

    languages: tuple[str, ...]
    dry_run: bool = False
    pages: int = 0
    changed_pages: list[str] = field(default_factory=list)
    strings_new: int = 0
    strings_changed: int = 0
    strings_removed: int = 0
    written: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    """Pages the portal no longer lists; their catalogs are kept."""

    @property
    def exit_code(self) -> int:
        return 2 if self.failures else 0

    def add(self, diff: TemplateDiff) -> None:
        self.strings_new += diff.new
        self.strings_changed += diff.changed
        self.strings_removed += diff.removed

    def summary(self) -> str:
        unchanged = self.pages - len(self.changed_pages)
        verb = "would write" if self.dry_run else "wrote"
        return (
            f"{self.pages} pages ({len(self.changed_pages)} changed, {unchanged} unchanged); "
            f"strings: {self.strings_new} new, {self.strings_changed} changed, "
            f"{self.strings_removed} removed; languages: {', '.join(self.languages)}; "
            f"{verb} {len(self.written)} files"
            + (f"; {len(self.failures)} failed" if self.failures else "")
        )


def pull(
    project: Project,
    pages: Sequence[str] = (),
    *,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    processors: Sequence[CatalogProcessor] = (),
) -> PullReport:
    """Extract the portal's pages into catalogs.

    ``pages`` limits the run to these page keys (shell-style patterns allowed).
    ``progress(done, total)`` is called after each page. Problems with single pages
    (an unreachable page, an unreadable catalog) are listed in ``report.failures``
    and the run goes on; the catalogs concerned are left exactly as they are.
    """
    report = PullReport(languages=tuple(lang.code for lang in project.languages), dry_run=dry_run)
    state = _State.load(project.state_dir / "pull-state.json", report)
    fingerprint = _fingerprint(processors)
    reprocess = fingerprint != state.fingerprint
    syncer = _CatalogSync(project, processors, reprocess, dry_run, report)
    portal = project.open_portal()
    try:
        refs = _select(list(portal.pages()), pages)
        report.pages = len(refs)
        for done, ref in enumerate(refs, 1):
            _pull_page(portal, ref, state, syncer, reprocess)
            if progress is not None:
                progress(done, len(refs))
    finally:
        portal.close()
    if not pages:
        listed = {ref.key for ref in refs}
        report.gone = sorted(key for key in state.pages if key not in listed)
        for key in report.gone:
            del state.pages[key]
    syncer.sync(SITE_KEY, PageInfo(SITE_KEY, SITE_TITLE), state.site_entries())
    if not report.failures:
        state.fingerprint = fingerprint
    if not dry_run:
        state.save()
    return report


def _select(refs: list[PageRef], patterns: Sequence[str]) -> list[PageRef]:
    if not refs:
        raise KisyncError("the portal lists no pages; check [portal] in kisync.toml")
    if not patterns:
        return refs
    chosen = [ref for ref in refs if any(fnmatch.fnmatchcase(ref.key, p) for p in patterns)]
    for pattern in patterns:
        if not any(fnmatch.fnmatchcase(ref.key, pattern) for ref in refs):
            sample = ", ".join(ref.key for ref in refs[:5])
            raise KisyncError(f"no page matches --page {pattern!r}; page keys look like: {sample}")
    return chosen


def _pull_page(
    portal: Any, ref: PageRef, state: _State, syncer: _CatalogSync, reprocess: bool
) -> None:
    previous = state.pages.get(ref.key)
    if (
        previous is not None
        and previous.get("marker") == ref.marker
        and ref.marker
        and not reprocess
        and syncer.outputs_exist(ref.key)
    ):
        return
    try:
        text = extract_page(portal.read(ref), syncer.project.extract_rules)
    except KisyncError as error:
        syncer.report.failures.append(f"page {ref.key} ({ref.where}): {error}")
        return
    if not text.content_found:
        syncer.report.warnings.append(
            f"page {ref.key}: no element matches content selector "
            f"{syncer.project.config.portal.content!r}; used the whole page"
        )
    info = PageInfo(ref.key, title=text.title or ref.title, url=ref.url)
    entries = template_entries(text.segments, ref.where)
    if syncer.sync(ref.key, info, entries):
        site = [_site_record(entry) for entry in template_entries(text.site_segments, "")]
        state.pages[ref.key] = {
            "marker": ref.marker,
            "location": ref.where,
            "site": state.add_variant(site),
        }


class _CatalogSync:
    """Writes one page's template and merges it into each language's catalog."""

    def __init__(
        self,
        project: Project,
        processors: Sequence[CatalogProcessor],
        reprocess: bool,
        dry_run: bool,
        report: PullReport,
    ) -> None:
        self.project = project
        self.processors = processors
        self.reprocess = reprocess
        self.dry_run = dry_run
        self.report = report

    def outputs_exist(self, key: str) -> bool:
        paths = [self.project.template_path(key)]
        paths += [self.project.catalog_path(lang.code, key) for lang in self.project.languages]
        return all(path.exists() for path in paths)

    def sync(self, key: str, page: PageInfo, entries: list[polib.POEntry]) -> bool:
        """Bring one page's files up to date; False if a catalog could not be read."""
        template_path = self.project.template_path(key)
        old_text = _read_text(template_path)
        template, text = self._template(page, entries, old_text)
        changed = text != old_text
        if changed:
            if key != SITE_KEY:
                self.report.changed_pages.append(key)
            self.report.add(_diff(template_path, old_text, template))
        ok = True
        for language in self.project.languages:
            path = self.project.catalog_path(language.code, key)
            if changed or self.reprocess or not path.exists():
                ok &= self._merge_into(path, template, language, page)
        if ok:  # the template goes last: it marks the page as fully merged
            self._write(template_path, text)
        return ok

    def _template(
        self, page: PageInfo, entries: list[polib.POEntry], old_text: str | None
    ) -> tuple[polib.POFile, str]:
        created = (template_date(old_text) if old_text else None) or now_stamp()
        template = build_template(page, entries, created)
        text = pofile.dumps(template)
        if old_text is not None and text != old_text:
            template = build_template(page, entries, now_stamp())
            text = pofile.dumps(template)
        return template, text

    def _merge_into(
        self, path: Path, template: polib.POFile, language: Language, page: PageInfo
    ) -> bool:
        try:
            existing = pofile.read(path) if path.exists() else None
        except CatalogError as error:
            self.report.failures.append(f"{error} (left untouched; fix it, then pull again)")
            return False
        catalog = merge(template, existing, language, page).catalog
        for processor in self.processors:
            processor.process(catalog, language, page.key)
        self._write(path, pofile.dumps(catalog))
        return True

    def _write(self, path: Path, text: str) -> None:
        if write_if_changed(path, text, dry_run=self.dry_run):
            self.report.written.append(path)


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


def _fingerprint(processors: Iterable[CatalogProcessor]) -> str:
    joined = "\x00".join(processor.fingerprint for processor in processors)
    return hashlib.sha256(joined.encode()).hexdigest()[:16] if joined else ""


def _site_record(entry: polib.POEntry) -> dict[str, Any]:
    record = {"msgid": entry.msgid, "notes": entry.comment, "line": entry.occurrences[0][1]}
    if entry.msgctxt:
        record["msgctxt"] = entry.msgctxt
    return record


class _State:
    """``.kisync/pull-state.json``: change markers and the site-wide strings of each page.

    Most pages share the same menu and footer, so their site-wide strings are stored
    once per distinct list ("variant") and pages refer to it by hash.
    """

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.fingerprint: str = data.get("fingerprint", "")
        self.pages: dict[str, dict[str, Any]] = data.get("pages", {})
        self.variants: dict[str, list[dict[str, Any]]] = data.get("site_variants", {})

    def add_variant(self, records: list[dict[str, Any]]) -> str:
        encoded = json.dumps(records, ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(encoded.encode()).hexdigest()[:16]
        self.variants.setdefault(digest, records)
        return digest

    @classmethod
    def load(cls, path: Path, report: PullReport) -> _State:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != STATE_VERSION:
                data = {}
        except FileNotFoundError:
            data = {}
        except (OSError, ValueError, AttributeError):
            report.warnings.append(f"{path} was unreadable; every page is read again")
            data = {}
        return cls(path, data)

    def site_entries(self) -> list[polib.POEntry]:
        """The ``_site`` template: every page's shared strings, once, in page order."""
        entries: dict[tuple[str, str], polib.POEntry] = {}
        pages_with: dict[tuple[str, str], int] = {}
        for key in sorted(self.pages):
            page = self.pages[key]
            for record in self.variants.get(page.get("site", ""), []):
                entry_key = (record.get("msgctxt", ""), record["msgid"])
                entry = entries.get(entry_key)
                if entry is None:
                    entry = polib.POEntry(msgid=record["msgid"], comment=record["notes"])
                    if record.get("msgctxt"):
                        entry.msgctxt = record["msgctxt"]
                    entries[entry_key] = entry
                pages_with[entry_key] = pages_with.get(entry_key, 0) + 1
                if len(entry.occurrences) < MAX_SITE_LOCATIONS:
                    entry.occurrences.append((page["location"], record["line"]))
        for entry_key, entry in entries.items():
            count = pages_with[entry_key]
            entry.comment += f"\nsite-wide text on {count} page{'s' if count > 1 else ''}"
        return list(entries.values())

    def save(self) -> None:
        used = {page.get("site") for page in self.pages.values()}
        data = {
            "version": STATE_VERSION,
            "fingerprint": self.fingerprint,
            "pages": self.pages,
            "site_variants": {k: v for k, v in self.variants.items() if k in used},
        }
        write_if_changed(self.path, json.dumps(data, ensure_ascii=False, sort_keys=True))
