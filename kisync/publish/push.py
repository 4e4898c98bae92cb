"""``push``: publish the translated pages that are complete enough, safely and idempotently.

For every chosen language and page:

1. **check** — hash the German page, its catalog and the ``_site`` catalog; when that
   hash is the one recorded last time, the completeness recorded then still holds,
   otherwise the catalog is read through the publish gate (:mod:`.gate`: the strict
   reader, and no translation ``kisync lint`` reports an error in) and counted
   (translated strings ÷ all strings, fuzzy and held-back ones not translated);
2. **decide** — at or above ``[publish] min_completeness`` (per language if configured)
   the page is published; below it, it is withheld, and a translation published earlier
   stays online unless ``withdraw_incomplete = true`` takes it down;
3. **render** — unless everything the render depends on (inputs, where links point,
   the page's other language versions) is unchanged since the last publish: then
   nothing is done at all, except one cheap look at all such pages together
   (:meth:`~.target.PublishTarget.survey`): a page edited on the target since kisync
   wrote it goes on to step 4 and is reported there. A page is parsed once for
   all its languages, in worker processes when there are many (:mod:`.jobs`). German
   text the catalog does not know yet (the page changed since the last pull) stays
   German, marked, with a warning;
4. **write** — unless the rendered bytes equal what we wrote last time. A page that
   already holds exactly what we would write is adopted, whatever the state file says (a
   push killed after writing, an answer lost after the target applied it). Otherwise a
   page changed on the target since we wrote it (its fingerprint differs), or there
   although we have no record of it, is a conflict: not overwritten without ``force``,
   reported with a diff of its text (:mod:`.conflicts`), kept in
   ``.kisync/conflicts/``. ``force`` overwrites it and says so, with the same diff.

``dry_run`` does steps 1–3 and asks the target what is there, but writes nothing: each
page gets a unified diff (against what is on the target, or for a new page against the
German original). ``force`` re-renders every page, asks the target about each, and
overwrites edits made there.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import logging
import math
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from ..catalog.keys import SITE_KEY
from ..errors import CatalogError, KisyncError
from ..languages import Language
from ..portal import PageRef, Portal
from ..util.selection import matching, select_languages
from .conflicts import ConflictFiles, changed_title, text_diff
from .gate import EMPTY, Catalog, PublishGate
from .jobs import Job, Outcome, Setup, Version, render_jobs
from .render import Translations, link_key
from .state import STATE_FILE, PublishState, Record
from .target import Published, PublishTarget, RenderedPage

if TYPE_CHECKING:
    from ..catalog.layout import CatalogLayout
    from ..extract.rules import ExtractRules
    from ..translate.checks import CheckContext

log = logging.getLogger(__name__)

RENDER_VERSION = "2"
"""Part of every render hash: bump it when rendering changes, so pages are rewritten."""
SAVE_EVERY = 5.0
"""Seconds between saves of the state file while writing, so an interrupted push loses
little (and a big one does not spend its time rewriting the file)."""

Action = Literal[
    "create", "update", "adopt", "unchanged", "withheld", "kept", "withdraw", "conflict", "failed"
]


@dataclass(frozen=True)
class PageResult:
    """What push did (or would do) with one page in one language."""

    language: str
    key: str
    action: Action
    completeness: float
    minimum: float
    url: str = ""
    message: str = ""
    diff: str = ""
    """Unified diff: of the page (``dry_run``), or of the text of the version on the
    target against kisync's (a conflict, or an edit ``force`` overwrote)."""


@dataclass(frozen=True)
class HeldBack:
    """A translation not published because ``kisync lint`` reports an error in it."""

    language: str
    page: str
    file: str
    line: int
    check: str
    message: str
    msgid: str
    msgctxt: str | None = None

    def describe(self) -> str:
        return (
            f"{self.file}:{self.line}: translation of {self.msgid[:60]!r} not published, the "
            f"German text is shown ({self.check}: {self.message}); fix it, then push again"
        )


@dataclass
class PushReport:
    """Everything a push did; ``summary()`` is its one line."""

    target: str
    languages: tuple[str, ...]
    dry_run: bool = False
    results: list[PageResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    held_back: list[HeldBack] = field(default_factory=list)
    site: list[str] = field(default_factory=list)
    """How the target is multilingual, from its ``prepare`` (WordPress: mode, languages)."""

    def count(self, action: Action) -> int:
        return sum(1 for result in self.results if result.action == action)

    @property
    def conflicts(self) -> list[PageResult]:
        return [result for result in self.results if result.action == "conflict"]

    @property
    def exit_code(self) -> int:
        """2 when a page or catalog failed, 1 when a conflict stopped a page, else 0."""
        return 2 if self.failures else 1 if self.conflicts else 0

    def summary(self) -> str:
        would = "would be " if self.dry_run else ""
        parts = [
            f"{self.count('create')} {would}created",
            f"{self.count('update') + self.count('adopt')} {would}updated",
            f"{self.count('unchanged')} unchanged",
            f"{self.count('withheld') + self.count('kept')} not complete enough",
        ]
        if self.count("kept"):
            parts[-1] += (
                f" ({self.count('kept')} older version{_s(self.count('kept'))} kept online)"
            )
        if self.count("withdraw"):
            parts.append(f"{self.count('withdraw')} {would}withdrawn")
        if self.conflicts:
            parts.append(f"{len(self.conflicts)} conflict{_s(len(self.conflicts))}")
        if self.held_back:
            held = len({(h.language, h.file, h.line) for h in self.held_back})
            parts.append(f"{held} translation{_s(held)} held back (lint errors)")
        if self.failures:
            parts.append(f"{len(self.failures)} failed")
        pages = len({result.key for result in self.results})
        return (
            f"push to {self.target}: {pages} page{_s(pages)} × {len(self.languages)} "
            f"language{_s(len(self.languages))} ({', '.join(self.languages)}): " + ", ".join(parts)
        )

    def to_json(self) -> dict:
        """The ``--format json`` document (documented in the README; keep it stable)."""
        return {
            "target": self.target,
            "dry_run": self.dry_run,
            "languages": list(self.languages),
            "pages": [
                {
                    "language": r.language,
                    "page": r.key,
                    "action": r.action,
                    "completeness": round(r.completeness, 1),
                    "min_completeness": r.minimum,
                    "url": r.url,
                    "message": r.message,
                    "diff": r.diff,
                }
                for r in self.results
            ],
            "held_back": [asdict(held) for held in self.held_back],
            "warnings": self.warnings,
            "failures": self.failures,
            "site": self.site,
            "summary": self.summary(),
            "exit_code": self.exit_code,
        }


def _s(count: int) -> str:
    return "" if count == 1 else "s"


@dataclass(frozen=True)
class PublishPolicy:
    """When a translated page goes live (``[publish]`` of kisync.toml)."""

    min_completeness: float = 100.0
    """Percent of a page's own strings that must be translated before it is published."""
    min_completeness_by_language: Mapping[str, float] = field(default_factory=dict)
    """Per-language values (gettext codes) that override ``min_completeness``."""
    withdraw_incomplete: bool = False
    """Take down a published translation whose page fell below the minimum."""
    require_review: tuple[str, ...] = ()
    """Languages whose strings are published only once marked reviewed."""

    def minimum(self, language: str) -> float:
        return self.min_completeness_by_language.get(language, self.min_completeness)


@dataclass(frozen=True)
class _Inputs:
    """What :func:`push` was given, for the job."""

    catalogs: CatalogLayout
    languages: tuple[Language, ...]
    state_dir: Path
    root: Path
    rules: ExtractRules
    source_language: Language
    policy: PublishPolicy
    checks: CheckContext | None
    portal_url: str


def push(
    portal: Portal,
    target: PublishTarget,
    catalogs: CatalogLayout,
    state_dir: Path,
    languages: Sequence[str] = (),
    pages: Sequence[str] = (),
    *,
    rules: ExtractRules,
    source_language: Language,
    policy: PublishPolicy = PublishPolicy(),
    checks: CheckContext | None = None,
    portal_url: str = "",
    root: Path | None = None,
    dry_run: bool = False,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
    create_languages: bool = False,
) -> PushReport:
    """Publish the translated pages of ``portal`` from ``catalogs`` to ``target``; see
    the module documentation. The caller closes the portal and the target.

    ``languages`` limits the run to these language codes, ``pages`` to these page keys
    (shell-style patterns allowed). ``rules``: how the pages were extracted;
    ``checks``: what the lint checks of the publish gate use (glossary …);
    ``portal_url``: links to this site are pointed at the translated pages; messages
    name files relative to ``root`` (default: the folder around the catalog folder);
    the publish state is kept in ``state_dir``. Problems with single pages (an
    unreadable catalog, a page the target refuses) are listed in ``report.failures``
    and the run goes on. ``create_languages`` lets a target add languages it lacks
    (Polylang).
    """
    available = catalogs.target_languages()
    chosen = select_languages(available, languages)
    inputs = _Inputs(
        catalogs,
        available,
        state_dir,
        root or catalogs.folder.parent,
        rules,
        source_language,
        policy,
        checks,
        portal_url,
    )
    report = PushReport(target.name, tuple(lang.code for lang in chosen), dry_run)
    state, warning = PublishState.load(state_dir / STATE_FILE, target.name)
    if warning:
        report.warnings.append(warning)
    report.site = _prepare(target, chosen, create_languages, dry_run)
    refs = list(portal.pages())
    selected = _select(refs, pages)
    job = _Push(inputs, target, state, report, dry_run=dry_run, force=force)
    job.run(portal, refs, selected, chosen, progress)
    try:
        report.site += _finish(target, chosen, dry_run, job.site_translations(chosen))
    except KisyncError as error:
        report.failures.append(f"menus and site title per language: {error}")
    return report


def _prepare(
    target: PublishTarget, languages: Sequence[Language], create: bool, dry_run: bool
) -> list[str]:
    """The target's optional ``prepare`` hook: checks its languages (may raise), says
    how it is multilingual."""
    prepare = getattr(target, "prepare", None)
    if prepare is None:
        return []
    return prepare(languages, create_languages=create, dry_run=dry_run)


def _finish(
    target: PublishTarget,
    languages: Sequence[Language],
    dry_run: bool,
    site: Mapping[str, Translations],
) -> list[str]:
    """The target's optional ``finish`` hook: the site around the pages (WordPress menus,
    site title) with the ``_site`` translations that may be published."""
    finish = getattr(target, "finish", None)
    return finish(languages, dry_run=dry_run, site=site) if finish is not None else []


# -- choosing ------------------------------------------------------------------------


def _select(refs: list[PageRef], patterns: Sequence[str]) -> list[PageRef]:
    if not refs:
        raise KisyncError("the portal lists no pages; check [portal] in kisync.toml")
    chosen = set(matching([ref.key for ref in refs], patterns))
    return [ref for ref in refs if ref.key in chosen]


# -- the job -------------------------------------------------------------------------


@dataclass
class _Check:
    """Steps 1 and 2 for one page and language."""

    ref: PageRef
    language: Language
    inputs: str
    completeness: float
    minimum: float
    publish: bool
    catalog: Catalog | None = None
    """Read in step 1 for step 3 (None: step 3 reads it)."""


@dataclass
class _Write:
    """Step 4 for one page and language: write (``page``) or take down (``page`` None)."""

    check: _Check
    record: Record
    page: RenderedPage | None
    render_hash: str = ""


class _Push:
    def __init__(
        self,
        inputs: _Inputs,
        target: PublishTarget,
        state: PublishState,
        report: PushReport,
        *,
        dry_run: bool,
        force: bool,
    ) -> None:
        self.inputs = inputs
        self.target = target
        self.state = state
        self.report = report
        self.dry_run = dry_run
        self.force = force
        self.source_language = inputs.source_language
        self.gate = PublishGate(inputs.checks, inputs.policy.require_review)
        self.site_catalogs: dict[str, Catalog] = {}
        self.listed: set[tuple[str, str]] = set()
        """(language, page key) whose held-back translations are in the report."""
        self.sources: dict[str, tuple[str, str] | None] = {}
        self.site_hashes: dict[str, str | None] = {}
        self.last_save = time.monotonic()
        self.writer: ThreadPoolExecutor | None = None
        self.progress: Callable[[int, int], None] | None = None
        self.done = self.total = 0
        self.conflict_files = ConflictFiles(inputs.state_dir / "conflicts")
        self.resting: list[tuple[_Check, str]] = []
        """Pages whose render is unchanged since the last publish (step 3)."""
        self.changed_there: set[tuple[str, str]] = set()
        """(language, key) of resting pages that were changed on the target."""

    def run(
        self,
        portal: Portal,
        refs: list[PageRef],
        selected: list[PageRef],
        languages: Sequence[Language],
        progress: Callable[[int, int], None] | None,
    ) -> None:
        self.portal = portal
        self.refs = {ref.key: ref for ref in refs}
        checks = [c for ref in selected for lang in languages if (c := self._check(ref, lang))]
        self.progress, self.total = progress, len(checks)
        live = self._live(checks)
        self.live_hashes = {
            code: _hash(json.dumps(sorted(pages.items()))) for code, pages in live.items()
        }
        renders: dict[str, list[tuple[_Check, str]]] = {}
        withdrawals: list[_Write] = []
        writes: deque[Future] = deque()
        try:
            for check in checks:
                planned = self._plan(check, live)
                if isinstance(planned, _Write):
                    withdrawals.append(planned)
                elif planned is not None:
                    renders.setdefault(check.ref.key, []).append((check, planned))
            for check, render_hash in self._edited_on_target():
                renders.setdefault(check.ref.key, []).append((check, render_hash))
            jobs = (self._job(key, versions, live) for key, versions in renders.items())
            outcomes = render_jobs(self._setup(live), jobs, len(renders))
            for versions, results in zip(renders.values(), outcomes, strict=True):
                for (check, render_hash), outcome in zip(versions, results, strict=True):
                    write = self._rendered(check, render_hash, outcome)
                    if write is not None:
                        writes.append(self._submit(write))
                self._collect(writes, wait=False)
            writes.extend(self._submit(write) for write in withdrawals)
            self._collect(writes, wait=True)
        finally:
            if self.writer is not None:
                self.writer.shutdown(wait=True)
            if not self.dry_run:
                self.state.save()

    def _step(self) -> None:
        """One page in one language is done (progress is only shown after step 1)."""
        if self.progress is not None:
            self.done += 1
            self.progress(self.done, self.total)

    # -- steps 1 and 2: check and decide ---------------------------------------------

    def _check(self, ref: PageRef, language: Language) -> _Check | None:
        source = self._source(ref)
        site = self._site_hash(language)
        path = self.inputs.catalogs.catalog_path(language.code, ref.key)
        catalog = self._read(path)
        if source is None or site is None or catalog is None:
            return None
        inputs = _hash(
            RENDER_VERSION,
            self.gate.fingerprint,
            repr(self.inputs.rules),
            self.source_language.code,
            source[1],
            hashlib.sha256(catalog).hexdigest(),
            site,
        )
        minimum = self.inputs.policy.minimum(language.code)
        record = self.state.get(language.code, ref.key)
        gated = None
        if record.inputs == inputs and not self.force:
            completeness = record.completeness
        else:
            try:
                gated = self._gated(language, ref.key, catalog)
            except CatalogError as error:
                self._fail(language, ref, self._unpublished(error))
                return None
            completeness = gated.completeness if catalog else 0.0
            if not self.dry_run:
                self.state.set(
                    language.code,
                    ref.key,
                    replace(record, inputs=inputs, completeness=completeness),
                )
        publish = completeness >= minimum and bool(catalog)
        return _Check(
            ref, language, inputs, completeness, minimum, publish, gated if publish else None
        )

    def _live(self, checks: list[_Check]) -> dict[str, dict[str, str]]:
        """Language → page key → address of every page online after this push."""
        keys = {lang.code: set(self.state.published(lang.code)) for lang in self.inputs.languages}
        withdraw = self.inputs.policy.withdraw_incomplete
        for check in checks:
            if check.publish:
                keys[check.language.code].add(check.ref.key)
            elif withdraw:
                keys[check.language.code].discard(check.ref.key)
        return {
            language.code: {
                key: self.target.address(language, self.refs[key])
                for key in sorted(keys[language.code])
                if key in self.refs
            }
            for language in self.inputs.languages
        }

    # -- step 3: render ----------------------------------------------------------------

    def _plan(self, check: _Check, live: dict[str, dict[str, str]]) -> _Write | str | None:
        """A write (to withdraw), the hash of a render to do, or None: nothing to do."""
        language, ref = check.language, check.ref
        record = self.state.get(language.code, ref.key)
        if not check.publish:
            return self._below_minimum(check, record)
        render_hash = _hash(
            check.inputs,
            self.target.name,
            getattr(self.target, "setup", ""),  # e.g. WordPress: bridge, Polylang
            self.live_hashes[language.code],
            json.dumps(self._alternates(ref, live)),
        )
        if record.published is not None and record.render == render_hash and not self.force:
            self.resting.append((check, render_hash))
            return None
        return render_hash

    def _edited_on_target(self) -> list[tuple[_Check, str]]:
        """The resting pages that were changed on the target since kisync wrote them (they
        go on to step 4, where they are reported); the others are unchanged."""
        records = [
            published
            for check, _ in self.resting
            if (published := self.state.get(check.language.code, check.ref.key).published)
        ]
        try:
            found = self.target.survey(records) if records else {}
        except KisyncError as error:
            self.report.warnings.append(f"could not check the published pages for edits: {error}")
            found = {}
        edited = []
        for check, render_hash in self.resting:
            published = self.state.get(check.language.code, check.ref.key).published
            assert published is not None  # resting pages are published
            remote = found.get(published.remote_id)
            if remote is not None and remote.fingerprint != published.fingerprint:
                self.changed_there.add((check.language.code, check.ref.key))
                edited.append((check, render_hash))
            else:
                self._result(check, "unchanged", published.url)
        return edited

    def _below_minimum(self, check: _Check, record: Record) -> _Write | None:
        needs = f"{_percent(check.completeness)}% translated, {check.minimum:g}% needed"
        if record.published is None:
            self._result(check, "withheld", message=needs)
        elif self.inputs.policy.withdraw_incomplete:
            return _Write(check, record, None)
        else:
            self._result(check, "kept", record.published.url, f"{needs}; the version online stays")
        return None

    def _alternates(self, ref: PageRef, live: dict[str, dict[str, str]]) -> list[list[str]]:
        if not self.target.standalone:
            return []
        versions = [[self.source_language.code, ref.url]]
        versions += [
            [language.code, addresses[ref.key]]
            for language in self.inputs.languages
            if ref.key in (addresses := live[language.code])
        ]
        return versions

    def _setup(self, live: dict[str, dict[str, str]]) -> Setup:
        url = self.inputs.portal_url
        links = {
            code: {link_key(self.refs[key].url): address for key, address in addresses.items()}
            for code, addresses in live.items()
        }
        return Setup(
            rules=self.inputs.rules,
            source_language=self.source_language.bcp47,
            origins=frozenset({urlsplit(url).netloc.lower()} if url else ()),
            links=links,
            site_catalogs=self.site_catalogs,
            shortcodes=self.target.shortcodes,
        )

    def _job(
        self, key: str, versions: list[tuple[_Check, str]], live: dict[str, dict[str, str]]
    ) -> Job:
        ref = self.refs[key]
        source = self._source(ref)
        assert source is not None  # step 1 made sure
        alternates = tuple((code, href) for code, href in self._alternates(ref, live))
        return Job(
            key,
            ref.url,
            source[0],
            tuple(self._version(check, alternates) for check, _ in versions),
        )

    def _version(self, check: _Check, alternates: tuple[tuple[str, str], ...]) -> Version:
        language, key = check.language, check.ref.key
        self._hold_back(language, SITE_KEY, self.site_catalogs[language.code])
        catalog, check.catalog = check.catalog, None  # rendered once: let it go
        error = ""
        if catalog is None:
            try:
                catalog = self._gated(language, key)
            except CatalogError as problem:
                catalog, error = EMPTY, self._unpublished(problem)
        address = self.target.address(language, check.ref)
        return Version(language.code, catalog, address, alternates, error)

    def _rendered(self, check: _Check, render_hash: str, outcome: Outcome) -> _Write | None:
        language, ref = check.language, check.ref
        if outcome.error:
            self._fail(language, ref, outcome.error)
            return None
        for problem in outcome.problems:
            catalog = self.inputs.catalogs.catalog_path(
                language.code, SITE_KEY if problem.site else ref.key
            )
            self.report.warnings.append(
                f"{self._relative(catalog)}: translation of {problem.msgid[:60]!r} not used "
                f"({problem.problem}); the German text is shown"
            )
        if outcome.unknown:
            self.report.warnings.append(
                f"{language.code} {ref.key}: {outcome.unknown} string(s) of the German page are "
                "not in its catalog (the page changed since the last pull) and are shown in "
                "German; run kisync pull"
            )
        page = RenderedPage(ref, language, outcome.html, outcome.title)
        record = self.state.get(language.code, ref.key)
        published = record.published
        unchanged = (
            published is not None
            and published.content_hash == self.target.content_hash(page)
            and (language.code, ref.key) not in self.changed_there
        )
        if unchanged and not self.force:
            if not self.dry_run:
                self.state.set(language.code, ref.key, replace(record, render=render_hash))
            self._result(check, "unchanged", published.url)
            return None
        return _Write(check, record, page, render_hash)

    # -- step 4: write -----------------------------------------------------------------

    def _submit(self, write: _Write) -> Future:
        if self.writer is None:  # created late: worker processes fork before any thread
            workers = max(1, self.target.concurrency)
            self.writer = ThreadPoolExecutor(workers, thread_name_prefix="kisync-push")
        future = self.writer.submit(self._apply, write)
        future.write = write  # type: ignore[attr-defined]
        return future

    def _collect(self, futures: deque[Future], *, wait: bool) -> None:
        """Record finished writes in the main thread, oldest first (``wait``: all)."""
        while futures and (wait or futures[0].done()):
            future = futures.popleft()
            write: _Write = future.write  # type: ignore[attr-defined]
            try:
                outcome = future.result()
            except KisyncError as error:
                self._fail(write.check.language, write.check.ref, str(error))
            else:
                self._record(write, *outcome)

    def _apply(self, write: _Write) -> tuple[Action, Published | None, str, str]:
        """Runs in a writer thread: talks to the target only, changes no shared state."""
        language, ref = write.check.language, write.check.ref
        previous = write.record.published
        remote = self.target.current(language, ref, previous)
        if write.page is None:  # withdraw
            if _changed_there(remote, previous) and not self.force:
                return "conflict", remote, _edited(remote), ""
            if remote is not None and not self.dry_run:
                self.target.remove(language, ref, remote)
            return "withdraw", None, "", ""
        page = write.page
        if remote is not None and remote.content_hash == self.target.content_hash(page):
            same = previous is not None and previous.fingerprint == remote.fingerprint
            return ("unchanged" if same else "adopt"), remote, "", ""
        message = diff = ""
        if remote is not None and _changed_there(remote, previous):
            diff = self._conflict_diff(page, remote)
            if not self.force:
                explain = _edited if previous is not None else _foreign
                return "conflict", remote, explain(remote), diff
            message = self._overwriting(page, remote)
        action: Action = "create" if remote is None else "update"
        if remote is not None and not message:  # where readers found it until now
            was = previous.url if previous is not None and previous.url else remote.url
            message = f"moves from {was}" if was != self.target.address(language, ref) else ""
        if self.dry_run:
            return action, None, message, diff or self._diff(page, remote)
        return action, self.target.write(language, page, remote), message, diff

    def _conflict_diff(self, page: RenderedPage, remote: Published) -> str:
        """The text of the page on the target against kisync's version of it."""
        theirs = self.target.content(page.language, remote) or ""
        changed = f", changed {remote.modified} UTC" if remote.modified else ""
        return text_diff(
            theirs,
            page.html,
            target_label=f"{remote.url} (on the target now{changed})",
            kisync_label=f"{remote.url} (what kisync would publish, from the PO files)",
        )

    def _overwriting(self, page: RenderedPage, remote: Published) -> str:
        """What ``force`` overwrites, said before the write (log) and in the report."""
        title = changed_title(self.target.content(page.language, remote) or "", page.html)
        changed = f", changed {remote.modified} UTC" if remote.modified else ""
        message = "overwrites the version on the target" + changed
        if title:
            message += f"; its title was {title}"
        log.warning("%s %s: %s", page.language.code, page.key, message)
        return message

    def _record(
        self, write: _Write, action: Action, published: Published | None, message: str, diff: str
    ) -> None:
        check = write.check
        url = published.url if published else self.target.address(check.language, check.ref)
        code, key = check.language.code, check.ref.key
        if action == "conflict" and not self.dry_run:
            kept = self.conflict_files.keep(code, key, _conflict_file(message, diff))
            message += f"; the difference is in {self._relative(kept)}"
        elif not self.dry_run:
            self.conflict_files.drop(code, key)
        self._result(check, action, url, message, diff)
        if self.dry_run or action == "conflict":
            return
        record = self.state.get(code, key)
        if action == "withdraw":
            self.state.set(code, key, replace(record, render="", published=None))
        else:
            self.state.set(
                code, key, replace(record, render=write.render_hash, published=published)
            )
        if time.monotonic() - self.last_save > SAVE_EVERY:
            self.state.save()
            self.last_save = time.monotonic()

    def _diff(self, page: RenderedPage, remote: Published | None) -> str:
        if remote is not None:
            old = self.target.content(page.language, remote) or ""
            names = (f"{remote.url} (now)", f"{remote.url} (new)")
        else:
            source = self._source(page.source)
            old = source[0] if source else ""
            names = (f"{page.source.url} (German)", self.target.address(page.language, page.source))
        lines = difflib.unified_diff(
            old.splitlines(keepends=True), page.html.splitlines(keepends=True), *names, n=1
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)

    # -- inputs ------------------------------------------------------------------------

    def _source(self, ref: PageRef) -> tuple[str, str] | None:
        """The German page's text and its hash (read once per push)."""
        if ref.key not in self.sources:
            try:
                text = self.portal.read(ref)
            except KisyncError as error:
                self.report.failures.append(f"page {ref.key} ({ref.where}): {error}")
                self.sources[ref.key] = None
            else:
                self.sources[ref.key] = (text, _hash(text))
        return self.sources[ref.key]

    def _read(self, path: Path) -> bytes | None:
        """A catalog's bytes (empty when there is none yet); None when it cannot be read."""
        try:
            return path.read_bytes()
        except FileNotFoundError:
            return b""
        except OSError as error:
            self.report.failures.append(f"{self._relative(path)}: cannot be read ({error})")
            return None

    def _gated(self, language: Language, key: str, data: bytes | None = None) -> Catalog:
        """A catalog through the publish gate; its held-back translations are reported.

        Raises :class:`CatalogError` when the catalog is broken.
        """
        path = self.inputs.catalogs.catalog_path(language.code, key)
        catalog = self.gate.read(path, language, data)
        if key != SITE_KEY:
            self._hold_back(language, key, catalog)
        return catalog

    def _hold_back(self, language: Language, key: str, catalog: Catalog) -> None:
        """Report a catalog's held-back translations (once per push)."""
        if (language.code, key) in self.listed:
            return
        self.listed.add((language.code, key))
        self.report.held_back.extend(
            HeldBack(
                language.code,
                key,
                self._relative(finding.path),
                finding.line,
                finding.check,
                finding.message,
                finding.msgid,
                finding.msgctxt,
            )
            for finding in catalog.held_back
        )

    def site_translations(self, languages: Sequence[Language]) -> dict[str, Translations]:
        """Language code → its ``_site`` translations that pass the publish gate."""
        for language in languages:
            self._site_hash(language)
        return {code: catalog.translations for code, catalog in self.site_catalogs.items()}

    def _site_hash(self, language: Language) -> str | None:
        """The ``_site`` catalog's hash; None (and a failure) when it is unreadable."""
        if language.code not in self.site_hashes:
            path = self.inputs.catalogs.catalog_path(language.code, SITE_KEY)
            data = self._read(path)
            try:
                if data is not None:
                    self.site_catalogs[language.code] = self.gate.read(path, language, data)
            except CatalogError as error:
                self.report.failures.append(
                    f"{self._where(error)}: {error.problem}; no page is published in "
                    f"{language.code} until the file is fixed"
                )
                data = None
            self.site_hashes[language.code] = (
                hashlib.sha256(data).hexdigest() if data is not None else None
            )
        return self.site_hashes[language.code]

    # -- reporting ---------------------------------------------------------------------

    def _result(
        self, check: _Check, action: Action, url: str = "", message: str = "", diff: str = ""
    ) -> None:
        self.report.results.append(
            PageResult(
                check.language.code,
                check.ref.key,
                action,
                check.completeness,
                check.minimum,
                url,
                message,
                diff,
            )
        )
        self._step()

    def _fail(self, language: Language, ref: PageRef, message: str) -> None:
        self.report.failures.append(f"{language.code} {ref.key}: {message}")
        minimum = self.inputs.policy.minimum(language.code)
        self.report.results.append(
            PageResult(language.code, ref.key, "failed", 0.0, minimum, message=message)
        )
        self._step()

    def _unpublished(self, error: CatalogError) -> str:
        return (
            f"{self._where(error)}: {error.problem}; not published in this language until "
            "the file is fixed"
        )

    def _where(self, error: CatalogError) -> str:
        where = self._relative(error.path)
        return f"{where}:{error.line}" if error.line else where

    def _relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.inputs.root).as_posix()
        except ValueError:
            return str(path)


def _percent(value: float) -> str:
    """One decimal, rounded down: 99.96 is not shown as 100."""
    return f"{math.floor(value * 10) / 10:g}"


def _changed_there(remote: Published | None, previous: Published | None) -> bool:
    """Is the page on the target another version than the one kisync wrote (or there
    although kisync has no record of writing it)?"""
    if remote is None:
        return False
    return previous is None or remote.fingerprint != previous.fingerprint


def _edited(remote: Published) -> str:
    when = f" on {remote.modified} UTC" if remote.modified else ""
    return (
        f"{remote.url} was changed on the target{when} since kisync wrote it; keep the change "
        "with kisync harvest --from-edits (it goes into the PO file for review), or overwrite "
        "it with kisync push --force"
    )


def _foreign(remote: Published) -> str:
    return (
        f"{remote.url} exists but kisync has no record of writing it; "
        "check it, then --force overwrites it"
    )


def _conflict_file(message: str, diff: str) -> str:
    """The text of ``.kisync/conflicts/<language>/<key>.diff``: what happened, how to read
    the difference, the difference."""
    return (
        f"{message}\n\n"
        "Lines starting with - are on the target now; lines starting with + are what kisync\n"
        "would publish from the PO files. Other lines are the same in both.\n\n" + diff
    )


def _hash(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()[:32]
