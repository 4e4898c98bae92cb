"""``pull``: read the portal's German pages and bring every catalog up to date.

For each page: extract its segments, write its template (``po/templates/<key>.pot``)
and merge it into each language's catalog (``po/<lang>/<key>.po``). Text outside the
content region (menu, footer) is collected from all pages into the ``_site`` catalogs.

A run with nothing changed does no work: ``.kisync/pull-state.json`` remembers each
page's change marker, and pages whose marker is unchanged are not even read; of their
catalogs, only those whose signature (size, times, inode) moved since the last pull are
read: a broken one is reported, and one whose entries no longer match its template (a
msgid changed or deleted by hand) is merged again. Without that file the run is slower
but still rewrites no byte, because files are only written when their content differs.
A language catalog is written before the template, so an interrupted run is completed by
the next one.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..catalog.keys import SITE_KEY
from ..catalog.layout import TEMPLATES, CatalogLayout
from ..errors import KisyncError
from ..languages import Language
from ..portal import PageRef, Portal
from ..portal.base import SiteString
from .pull_state import STATE_FILE, PullState

if TYPE_CHECKING:
    import polib

    from ..catalog.files import CatalogProcessor, FilesOutcome
    from .rules import ExtractRules

# The extractor, the catalog writer (polib, rapidfuzz) and the worker pool are imported
# where they are used: a pull with nothing changed needs none of them.

log = logging.getLogger(__name__)

SITE_TITLE = "text shared by all pages (menu, header, footer)"
PARALLEL_FROM = 32
"""Pages to process before worker processes pay off; fewer run in this process."""
MAX_WORKERS = 4
EXTRACTION_VERSION = "2"
"""Part of the pull fingerprint: bump it when extraction changes what becomes a msgid,
so the next pull reads every page again (2: HTML5 head rules, edge spacing, image links)."""


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

    def add_files(self, key: str, files: FilesOutcome) -> None:
        if files.changed and key != SITE_KEY:
            self.changed_pages.append(key)
        self.strings_new += files.diff.new
        self.strings_changed += files.diff.changed
        self.strings_removed += files.diff.removed
        self.written.extend(files.written)
        self.failures.extend(files.failures)

    def to_json(self) -> dict[str, Any]:
        """The summary and the failures (the ``pull`` part of ``sync --format json``)."""
        return {"summary": self.summary(), "failures": self.failures}

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


@dataclass
class PageResult:
    """The outcome of pulling one page (picklable: it comes back from worker processes)."""

    ref: PageRef
    files: FilesOutcome | None = None
    site: list[polib.POEntry] = field(default_factory=list)
    failure: str = ""
    warning: str = ""


@dataclass(frozen=True)
class PageWork:
    """What processing a page needs (picklable: worker processes receive it)."""

    catalogs: CatalogLayout
    rules: ExtractRules
    processors: tuple[CatalogProcessor, ...] = ()
    """Steps applied to every catalog that is merged (glossary hints)."""
    content_selector: str = ""
    """The content selector as the user wrote it, for messages (``rules.content`` is
    empty for a WordPress page, whose content is all its own text)."""

    @cached_property
    def languages(self) -> tuple[Language, ...]:
        return self.catalogs.target_languages()


def pull(
    portal: Portal,
    work: PageWork,
    state_dir: Path,
    pages: Sequence[str] = (),
    *,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> PullReport:
    """Extract the pages of ``portal`` into the catalogs of ``work``; the pull state is
    kept in ``state_dir``. The caller closes the portal.

    ``pages`` limits the run to these page keys (shell-style patterns allowed).
    ``progress(done, total)`` is called as pages are done. Problems with single pages
    (an unreachable page, an unreadable catalog) are listed in ``report.failures``
    and the run goes on; the catalogs concerned are left exactly as they are.
    Many changed pages are processed by several worker processes.
    """
    report = PullReport(languages=tuple(lang.code for lang in work.languages), dry_run=dry_run)
    state, warning = PullState.load(state_dir / STATE_FILE)
    report.warnings.extend([warning] if warning else [])
    processors = work.processors
    fingerprint = _fingerprint(processors)
    reprocess = fingerprint != state.fingerprint
    refs = _select(list(portal.pages()), pages)
    report.pages = len(refs)
    catalogs = work.catalogs.scan()
    moved = state.moved(catalogs.signatures)
    _accept_intact_templates(work.catalogs, state, moved)
    todo = [
        ref
        for ref in refs
        if reprocess
        or not state.unchanged(ref.key, ref.marker)
        or ref.key not in catalogs.complete
        or TEMPLATES in moved.get(ref.key, ())
    ]
    done = len(refs) - len(todo)
    for result in _process(work, portal, todo, moved, reprocess=reprocess, dry_run=dry_run):
        _absorb(result, report, state)
        done += 1
        if progress is not None:
            progress(done, len(refs))
    complete = getattr(portal, "complete", True)
    site_changed = _record_site_strings(portal, state)
    if not pages and complete:
        listed = {ref.key for ref in refs} | {SITE_KEY}
        report.gone = sorted(key for key in state.pages if key not in listed)
        for key in report.gone:
            state.forget(key)
    processed = {ref.key for ref in todo}
    skipped = [ref.key for ref in refs if ref.key not in processed]
    site_moved = moved.get(SITE_KEY, set())
    if (
        reprocess
        or todo
        or report.gone
        or site_changed
        or SITE_KEY not in catalogs.complete
        or site_moved
    ):
        site = _update_site(work, state, site_moved, reprocess, dry_run)
        report.add_files(SITE_KEY, site)
        state.record_files(SITE_KEY, site.signatures)
    else:  # no page was read, so the shared strings are those the files already hold
        skipped.append(SITE_KEY)
    _check_moved_catalogs(work, skipped, moved, report, state, dry_run)
    if not report.failures:
        state.fingerprint = fingerprint
    if not dry_run:
        state.save()
    return report


def process_page(
    work: PageWork,
    ref: PageRef,
    html: str,
    *,
    reprocess: bool = False,
    stale: Collection[str] = (),
    dry_run: bool = False,
) -> PageResult:
    """Extract one page and bring its catalog files up to date (``stale``: see
    :func:`kisync.catalog.files.update_page_files`)."""
    from ..catalog.files import update_page_files
    from ..catalog.merge import PageInfo, template_entries
    from .segmenter import extract_page

    try:
        text = extract_page(html, work.rules)
    except KisyncError as error:
        return PageResult(ref, failure=f"page {ref.key} ({ref.where}): {error}")
    warning = ""
    if not text.content_found:
        warning = (
            f"page {ref.key}: no element matches content selector "
            f"{work.content_selector!r}; used the whole page"
        )
    elif not text.body_text:
        warning = (
            f"page {ref.key} ({ref.where}): its body has no text to translate, so it counts "
            "as not translated; check that the page shows its text without JavaScript and "
            f"that content selector {work.content_selector!r} picks its article"
        )
    info = PageInfo(ref.key, text.title or ref.title, ref.url, body_text=text.body_text)
    files = update_page_files(
        work.catalogs,
        work.languages,
        info,
        template_entries(text.segments, ref.where),
        processors=work.processors,
        reprocess=reprocess,
        stale=stale,
        dry_run=dry_run,
    )
    return PageResult(ref, files, template_entries(text.site_segments, ""), warning=warning)


def _update_site(
    work: PageWork,
    state: PullState,
    stale: Collection[str],
    reprocess: bool,
    dry_run: bool,
) -> FilesOutcome:
    """Rebuild the ``_site`` catalogs from the shared strings the state holds."""
    from ..catalog.files import update_page_files
    from ..catalog.merge import PageInfo

    return update_page_files(
        work.catalogs,
        work.languages,
        PageInfo(SITE_KEY, SITE_TITLE),
        state.site_entries(),
        processors=work.processors,
        reprocess=reprocess,
        stale=stale,
        dry_run=dry_run,
    )


def _record_site_strings(portal: Portal, state: PullState) -> bool:
    """Keep the portal's own site-wide strings (a WordPress site's title and tagline) in
    the state under the ``_site`` key; True when they changed since the last pull."""
    read = getattr(portal, "site_strings", None)
    if read is None:
        return False
    import polib

    strings: list[SiteString] = read()
    marker = hashlib.sha256(repr(strings).encode()).hexdigest()[:16]
    if state.unchanged(SITE_KEY, marker):
        return False
    entries = [
        polib.POEntry(msgid=string.text, comment=string.note, occurrences=[("", str(line))])
        for line, string in enumerate(strings, 1)
    ]
    location = strings[0].location if strings else ""
    state.record(SITE_KEY, marker, location, entries)
    return True


def _accept_intact_templates(
    catalogs: CatalogLayout, state: PullState, moved: dict[str, set[str]]
) -> None:
    """Templates whose signature moved but whose bytes are those the last pull wrote (a
    fresh checkout, a copy): remember their new signature; their page need not be read."""
    from ..util.fsutil import read_version

    for key, folders in moved.items():
        if TEMPLATES in folders and key in state.pages:
            version = read_version(catalogs.template_path(key))
            if state.template_intact(key, version.data):
                state.record_files(key, {TEMPLATES: version.signature})
                folders.discard(TEMPLATES)


def _check_moved_catalogs(
    work: PageWork,
    keys: Iterable[str],
    moved: dict[str, set[str]],
    report: PullReport,
    state: PullState,
    dry_run: bool,
) -> None:
    """Read the catalogs of pages left alone whose files moved since the last pull: a
    broken one is reported, one that no longer matches its template is merged again."""
    configured = set(work.catalogs.languages)
    to_check = {key: languages for key in keys if (languages := moved.get(key, set()) & configured)}
    if not to_check:
        return
    from ..catalog.files import check_catalogs

    for key, languages in to_check.items():
        files = check_catalogs(
            work.catalogs,
            work.languages,
            key,
            languages,
            processors=work.processors,
            dry_run=dry_run,
        )
        report.add_files(key, files)
        state.record_files(key, files.signatures)


def _absorb(result: PageResult, report: PullReport, state: PullState) -> None:
    if result.warning:
        report.warnings.append(result.warning)
    if result.failure:
        report.failures.append(result.failure)
        return
    assert result.files is not None
    report.add_files(result.ref.key, result.files)
    state.record_files(result.ref.key, result.files.signatures)
    if result.files.ok:
        ref = result.ref
        state.record(ref.key, ref.marker, ref.where, result.site, result.files.template)


def _select(refs: list[PageRef], patterns: Sequence[str]) -> list[PageRef]:
    if not refs:
        raise KisyncError("the portal lists no pages; check [portal] in kisync.toml")
    if not patterns:
        return refs
    from ..util.selection import matching

    chosen = set(matching([ref.key for ref in refs], patterns))
    return [ref for ref in refs if ref.key in chosen]


def _fingerprint(processors: Iterable[CatalogProcessor]) -> str:
    parts = [EXTRACTION_VERSION, *(processor.fingerprint for processor in processors)]
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:16]


# -- running pages here or in worker processes ----------------------------------------

_Job = tuple[PageRef, str, bool, frozenset[str], bool]  # ref, html, reprocess, stale, dry_run
_worker_work: PageWork | None = None


def _process(
    work: PageWork,
    portal: Portal,
    refs: list[PageRef],
    moved: dict[str, set[str]],
    *,
    reprocess: bool,
    dry_run: bool,
) -> Iterator[PageResult]:
    """Results in page order. The portal is read here; the work happens in workers."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS) if len(refs) >= PARALLEL_FROM else 1
    jobs = _read_pages(portal, refs, moved, reprocess, dry_run)
    if workers == 1:
        for job in jobs:
            yield job if isinstance(job, PageResult) else _run(work, job)
        return
    from concurrent.futures import ProcessPoolExecutor

    from ..util.workers import ordered_results, process_context

    _load_what_workers_share(work)
    with ProcessPoolExecutor(
        workers, mp_context=process_context(), initializer=_init_worker, initargs=(work,)
    ) as executor:
        yield from ordered_results(executor, _run_batch_in_worker, jobs, workers=workers)


def _load_what_workers_share(work: PageWork) -> None:
    """Import the page pipeline and load the language names here, once: workers started
    by fork inherit them instead of each loading them again (~0.1 s of CPU apiece)."""
    from ..catalog import files  # noqa: F401
    from . import segmenter  # noqa: F401

    for language in work.languages:
        _ = language.english_name  # CLDR data, cached by Babel for the whole process


def _read_pages(
    portal: Portal, refs: list[PageRef], moved: dict[str, set[str]], reprocess: bool, dry_run: bool
) -> Iterator[_Job | PageResult]:
    for ref in refs:
        try:
            yield (ref, portal.read(ref), reprocess, frozenset(moved.get(ref.key, ())), dry_run)
        except KisyncError as error:
            yield PageResult(ref, failure=f"page {ref.key} ({ref.where}): {error}")


def _run(work: PageWork, job: _Job) -> PageResult:
    ref, html, reprocess, stale, dry_run = job
    return process_page(work, ref, html, reprocess=reprocess, stale=stale, dry_run=dry_run)


def _init_worker(work: PageWork) -> None:
    global _worker_work
    _worker_work = work


def _run_batch_in_worker(jobs: list[_Job | PageResult]) -> list[PageResult]:
    assert _worker_work is not None, "worker not initialised"
    return [job if isinstance(job, PageResult) else _run(_worker_work, job) for job in jobs]
