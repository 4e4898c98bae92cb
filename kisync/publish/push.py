"""``push``: publish the translated pages that are complete enough, safely and idempotently.

For every chosen language and page:

1. **check** — hash the German page, its catalog and the ``_site`` catalog; when that
   hash is the one recorded last time, the completeness recorded then still holds,
   otherwise the page is parsed and counted;
2. **decide** — at or above ``[publish] min_completeness`` (per language if configured)
   the page is published; below it, it is withheld, and a translation published earlier
   stays online unless ``withdraw_incomplete = true`` takes it down;
3. **render** — unless everything the render depends on (inputs, where links point,
   the page's other language versions) is unchanged since the last publish: then
   nothing is done at all, not even a request to the target;
4. **write** — unless the rendered bytes equal what we wrote last time; a page changed on
   the target since we wrote it (its fingerprint differs) is a conflict and is not
   overwritten without ``force``; a page that is there although we have no record of it
   is adopted when it is byte-identical (an interrupted earlier run), else a conflict.

``dry_run`` does steps 1–3 and asks the target what is there, but writes nothing: each
page gets a unified diff (against what is on the target, or for a new page against the
German original). ``force`` re-renders every page, asks the target about each, and
overwrites edits made there.
"""

from __future__ import annotations

import difflib
import fnmatch
import hashlib
import json
import logging
import math
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from .. import pofile
from ..errors import CatalogError, KisyncError
from ..languages import Language, get_language, normalize_code
from ..pagekeys import SITE_KEY
from ..portal import PageRef
from . import open_target
from .render import Alternates, Links, SourcePage, Translations, link_key, measure, render
from .state import PublishState, Record
from .target import Published, PublishTarget, RenderedPage

if TYPE_CHECKING:
    from ..project import Project

log = logging.getLogger(__name__)

RENDER_VERSION = "1"
"""Part of every render hash: bump it when rendering changes, so pages are rewritten."""
SAVE_EVERY = 50
"""Write the state file after this many pages written, so an interrupted push loses little."""

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
    """``dry_run`` only: unified diff of the page's text."""


@dataclass
class PushReport:
    """Everything a push did; ``summary()`` is its one line."""

    target: str
    languages: tuple[str, ...]
    dry_run: bool = False
    results: list[PageResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

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
                }
                for r in self.results
            ],
            "warnings": self.warnings,
            "failures": self.failures,
            "summary": self.summary(),
            "exit_code": self.exit_code,
        }


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def push(
    project: Project,
    languages: Sequence[str] = (),
    pages: Sequence[str] = (),
    *,
    dry_run: bool = False,
    force: bool = False,
    target: PublishTarget | None = None,
    insecure: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> PushReport:
    """Publish translated pages; see the module documentation.

    ``languages`` limits the run to these language codes, ``pages`` to these page keys
    (shell-style patterns allowed). Problems with single pages (an unreadable catalog, a
    page the target refuses) are listed in ``report.failures`` and the run goes on.
    """
    chosen = chosen_languages(project, languages)
    own_target = target is None
    target = target or open_target(project, insecure=insecure)
    try:
        report = PushReport(target.name, tuple(lang.code for lang in chosen), dry_run)
        state, warning = PublishState.load(project.state_dir / "publish-state.json", target.name)
        if warning:
            report.warnings.append(warning)
        portal = project.open_portal(insecure=insecure)
        try:
            refs = list(portal.pages())
            selected = _select(refs, pages)
            job = _Push(project, target, state, report, dry_run=dry_run, force=force)
            job.run(portal, refs, selected, chosen, progress)
        finally:
            portal.close()
    finally:
        if own_target:
            target.close()
    return report


# -- choosing ------------------------------------------------------------------------


def chosen_languages(project: Project, codes: Sequence[str]) -> list[Language]:
    """The project's languages named by ``codes`` (all when empty); KisyncError for others."""
    if not codes:
        return list(project.languages)
    known = {lang.code: lang for lang in project.languages}
    chosen = []
    for code in codes:
        language = known.get(normalize_code(code))
        if language is None:
            raise KisyncError(
                f"--lang {code}: not a language of this project ({', '.join(known)}); "
                "add it to languages in kisync.toml and run kisync pull"
            )
        chosen.append(language)
    return chosen


def _select(refs: list[PageRef], patterns: Sequence[str]) -> list[PageRef]:
    if not refs:
        raise KisyncError("the portal lists no pages; check [portal] in kisync.toml")
    if not patterns:
        return refs
    for pattern in patterns:
        if not any(fnmatch.fnmatchcase(ref.key, pattern) for ref in refs):
            sample = ", ".join(ref.key for ref in refs[:5])
            raise KisyncError(f"no page matches --page {pattern!r}; page keys look like: {sample}")
    return [ref for ref in refs if any(fnmatch.fnmatchcase(ref.key, p) for p in patterns)]


# -- the job -------------------------------------------------------------------------


@dataclass
class _Check:
    """Step 1 and 2 for one page and language."""

    ref: PageRef
    language: Language
    inputs: str
    completeness: float
    minimum: float
    publish: bool
    translations: Translations | None = None
    """Parsed catalog, when the check needed it (None: read again when rendering)."""


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
        project: Project,
        target: PublishTarget,
        state: PublishState,
        report: PushReport,
        *,
        dry_run: bool,
        force: bool,
    ) -> None:
        self.project = project
        self.target = target
        self.state = state
        self.report = report
        self.dry_run = dry_run
        self.force = force
        self.rules = project.extract_rules
        self.sources: dict[str, tuple[str, str] | None] = {}
        self.parsed: dict[str, SourcePage] = {}
        self.site: dict[str, tuple[str, Translations] | None] = {}
        self.failed: set[tuple[str, str]] = set()
        self.since_save = 0
        self.source_language = project.source_language

    def run(
        self,
        portal,
        refs: list[PageRef],
        selected: list[PageRef],
        languages: list[Language],
        progress: Callable[[int, int], None] | None,
    ) -> None:
        self.portal = portal
        self.refs = {ref.key: ref for ref in refs}
        checks = {
            language.code: [c for ref in selected if (c := self._check(ref, language))]
            for language in languages
        }
        live = self._live(checks)
        writes: list[_Write] = []
        total, done = sum(len(c) for c in checks.values()), 0
        try:
            for language in languages:
                links = self._links(language, live)
                for check in checks[language.code]:
                    write = self._plan(check, links, live)
                    if write is not None:
                        writes.append(write)
                    else:
                        done += 1
                        if progress is not None:
                            progress(done, total)
            for _ in self._write_all(writes):
                done += 1
                if progress is not None:
                    progress(done, total)
        finally:
            if not self.dry_run:
                self.state.save()

    # -- step 1 and 2: check and decide -------------------------------------------

    def _check(self, ref: PageRef, language: Language) -> _Check | None:
        source = self._source(ref)
        site = self._site(language)
        catalog = self._catalog_text(language, ref.key)
        if source is None or site is None or catalog is None:
            self.failed.add((language.code, ref.key))
            return None
        inputs = _hash(
            RENDER_VERSION, repr(self.rules), self.source_language.code, source[1], catalog, site[0]
        )
        minimum = self.project.config.publish.minimum(language.code)
        record = self.state.get(language.code, ref.key)
        if record.inputs == inputs and not self.force:
            completeness, translations = record.completeness, None
        else:
            page = self._parse(ref)
            if page is None:
                self.failed.add((language.code, ref.key))
                return None
            try:
                translations = translations_of(
                    catalog, self.project.catalog_path(language.code, ref.key)
                )
            except CatalogError as error:
                self._fail(language, ref, f"{error} (not published; fix it, then push again)")
                return None
            translated, count = measure(page, translations)
            completeness = 100.0 * translated / count if count else 100.0
            if not self.dry_run:
                self.state.set(
                    language.code,
                    ref.key,
                    replace(record, inputs=inputs, completeness=completeness),
                )
        return _Check(
            ref, language, inputs, completeness, minimum, completeness >= minimum, translations
        )

    def _live(self, checks: dict[str, list[_Check]]) -> dict[str, dict[str, str]]:
        """Language → page key → address of every page online after this push."""
        live: dict[str, dict[str, str]] = {}
        withdraw = self.project.config.publish.withdraw_incomplete
        for language in self.project.languages:
            keys = set(self.state.published(language.code))
            for check in checks.get(language.code, []):
                if check.publish:
                    keys.add(check.ref.key)
                elif withdraw:
                    keys.discard(check.ref.key)
            keys |= {key for code, key in self.failed if code == language.code} & set(
                self.state.published(language.code)
            )
            live[language.code] = {
                key: self.target.address(language, self.refs[key])
                for key in sorted(keys)
                if key in self.refs
            }
        return live

    # -- step 3: render ----------------------------------------------------------------

    def _links(self, language: Language, live: dict[str, dict[str, str]]) -> dict[str, str]:
        return {
            link_key(self.refs[key].url): address for key, address in live[language.code].items()
        }

    def _plan(
        self, check: _Check, links: dict[str, str], live: dict[str, dict[str, str]]
    ) -> _Write | None:
        language, ref = check.language, check.ref
        record = self.state.get(language.code, ref.key)
        if not check.publish:
            return self._below_minimum(check, record)
        alternates = self._alternates(ref, live)
        render_hash = _hash(
            check.inputs, self.target.name, json.dumps([sorted(links.items()), alternates])
        )
        if record.published is not None and record.render == render_hash and not self.force:
            self._result(check, "unchanged", record.published.url)
            return None
        page = self._render(check, links, alternates)
        if page is None:
            return None
        published = record.published
        unchanged = published is not None and (
            published.content_hash == self.target.content_hash(page)
        )
        if unchanged and not self.force:
            if not self.dry_run:
                self.state.set(language.code, ref.key, replace(record, render=render_hash))
            self._result(check, "unchanged", published.url)
            return None
        return _Write(check, record, page, render_hash)

    def _below_minimum(self, check: _Check, record: Record) -> _Write | None:
        needs = f"{_percent(check.completeness)}% translated, {check.minimum:g}% needed"
        if record.published is None:
            self._result(check, "withheld", message=needs)
        elif self.project.config.publish.withdraw_incomplete:
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
            for language in self.project.languages
            if ref.key in (addresses := live[language.code])
        ]
        return versions

    def _render(
        self, check: _Check, links: dict[str, str], alternates: list[list[str]]
    ) -> RenderedPage | None:
        language, ref = check.language, check.ref
        page = self._parse(ref)
        translations = check.translations
        if translations is None:
            path = self.project.catalog_path(language.code, ref.key)
            try:
                translations = translations_of(self._catalog_text(language, ref.key) or "", path)
            except CatalogError as error:
                self._fail(language, ref, str(error))
                return None
        site = self._site(language)
        if page is None or site is None:
            return None
        address = self.target.address(language, ref)
        rendered = render(
            page,
            language,
            translations,
            site[1],
            links=Links(ref.url, address, links, self._origins()),
            alternates=Alternates(tuple((get_language(code), href) for code, href in alternates))
            if alternates
            else None,
            source_language=self.source_language.bcp47,
        )
        for problem in rendered.problems:
            catalog = self.project.catalog_path(
                language.code, SITE_KEY if problem.site else ref.key
            )
            self.report.warnings.append(
                f"{self._relative(catalog)}: translation of {problem.msgid[:60]!r} not used "
                f"({problem.problem}); the German text is shown"
            )
        return RenderedPage(ref, language, rendered.html, rendered.title)

    # -- step 4: write -----------------------------------------------------------------

    def _write_all(self, writes: list[_Write]):
        if not writes:
            return
        workers = max(1, min(self.target.concurrency, len(writes)))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kisync-push") as pool:
            futures = {pool.submit(self._apply, write): write for write in writes}
            for future in as_completed(futures):
                write = futures[future]
                try:
                    outcome = future.result()
                except KisyncError as error:
                    self._fail(write.check.language, write.check.ref, str(error))
                else:
                    self._record(write, *outcome)
                yield write

    def _apply(self, write: _Write) -> tuple[Action, Published | None, str, str]:
        """Runs in a worker thread: talks to the target only, changes no shared state."""
        language, ref = write.check.language, write.check.ref
        previous = write.record.published
        remote = self.target.current(language, ref, previous)
        if write.page is None:  # withdraw
            if remote is None:
                return "withdraw", None, "", ""
            if (
                previous is not None
                and remote.fingerprint != previous.fingerprint
                and not self.force
            ):
                return "conflict", remote, _edited(remote), ""
            if not self.dry_run:
                self.target.remove(language, ref, remote)
            return "withdraw", None, "", ""
        page = write.page
        stored = self.target.content_hash(page)
        action: Action = "create" if remote is None else "update"
        if remote is not None and not self.force:
            if previous is not None and remote.fingerprint != previous.fingerprint:
                return "conflict", remote, _edited(remote), ""
            if previous is None and remote.content_hash != stored:
                return "conflict", remote, _foreign(remote), ""
            if previous is None:
                action = "adopt"
        if remote is not None and remote.content_hash == stored:
            if action == "update":
                action = "adopt" if previous is None else "unchanged"
            return action, remote, "", ""
        if self.dry_run:
            return action, None, "", self._diff(page, remote)
        return action, self.target.write(language, page, remote), "", ""

    def _record(
        self, write: _Write, action: Action, published: Published | None, message: str, diff: str
    ) -> None:
        check = write.check
        url = published.url if published else self.target.address(check.language, check.ref)
        self._result(check, action, url, message, diff)
        if self.dry_run or action == "conflict":
            return
        record = self.state.get(check.language.code, check.ref.key)
        if action == "withdraw":
            self.state.set(
                check.language.code, check.ref.key, replace(record, render="", published=None)
            )
        else:
            self.state.set(
                check.language.code,
                check.ref.key,
                replace(record, render=write.render_hash, published=published),
            )
        self.since_save += 1
        if self.since_save >= SAVE_EVERY:
            self.state.save()
            self.since_save = 0

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

    def _parse(self, ref: PageRef) -> SourcePage | None:
        if ref.key not in self.parsed:
            source = self._source(ref)
            if source is None:
                return None
            try:
                self.parsed[ref.key] = SourcePage(source[0], self.rules, ref.url)
            except KisyncError as error:
                self.report.failures.append(f"page {ref.key} ({ref.where}): {error}")
                self.sources[ref.key] = None
                return None
        return self.parsed[ref.key]

    def _catalog_text(self, language: Language, key: str) -> str | None:
        """A catalog's text ("" when there is none yet); None when it cannot be read."""
        path = self.project.catalog_path(language.code, key)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return ""
        except (OSError, UnicodeDecodeError) as error:
            self.report.failures.append(f"{self._relative(path)}: cannot be read ({error})")
            return None

    def _site(self, language: Language) -> tuple[str, Translations] | None:
        """The ``_site`` catalog's hash and translations, or None when it is unreadable."""
        if language.code not in self.site:
            path = self.project.catalog_path(language.code, SITE_KEY)
            text = self._catalog_text(language, SITE_KEY)
            try:
                value = None if text is None else (_hash(text), translations_of(text, path))
            except CatalogError as error:
                self.report.failures.append(f"{error} (no page in this language is published)")
                value = None
            self.site[language.code] = value
        return self.site[language.code]

    def _origins(self) -> frozenset[str]:
        url = self.project.config.portal.url
        return frozenset({urlsplit(url).netloc.lower()} if url else set())

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

    def _fail(self, language: Language, ref: PageRef, message: str) -> None:
        self.failed.add((language.code, ref.key))
        self.report.failures.append(f"{language.code} {ref.key}: {message}")
        minimum = self.project.config.publish.minimum(language.code)
        self.report.results.append(
            PageResult(language.code, ref.key, "failed", 0.0, minimum, message=message)
        )

    def _relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.project.root).as_posix()
        except ValueError:
            return str(path)


def translations_of(text: str, path: Path) -> dict[tuple[str, str], str]:
    """The translations in a catalog's text that may be published: not empty, not fuzzy,
    not obsolete; ``(msgctxt, msgid) → msgstr``. :class:`CatalogError` if unreadable."""
    if not text:
        return {}
    catalog = pofile.loads(text, path)
    return {
        (entry.msgctxt or "", entry.msgid): entry.msgstr
        for entry in catalog
        if entry.msgstr and not entry.obsolete and not entry.fuzzy and not entry.msgid_plural
    }


def _percent(value: float) -> str:
    """One decimal, rounded down: 99.96 is not shown as 100."""
    return f"{math.floor(value * 10) / 10:g}"


def _edited(remote: Published) -> str:
    return f"{remote.url} was changed on the target since kisync wrote it; --force overwrites it"


def _foreign(remote: Published) -> str:
    return (
        f"{remote.url} exists but kisync has no record of writing it; "
        "check it, then --force overwrites it"
    )


def _hash(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()[:32]
