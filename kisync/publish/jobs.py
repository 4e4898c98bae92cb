"""Rendering many pages, in worker processes when there are many.

Parsing a German page is the expensive part of publishing, so a page is parsed once and
rendered into every language that needs it in the same go. With enough pages the work
is spread over worker processes (one per CPU, at most :data:`MAX_WORKERS`); the main
process keeps reading inputs and writing results meanwhile. Results come back in the
order of the jobs. Catalogs are read (through the publish gate, :mod:`.gate`) in the main
process and sent along with the page.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from ..errors import KisyncError
from ..extract import ExtractRules
from ..languages import get_language
from ..workers import ordered_results, process_context
from .gate import Catalog
from .render import Alternates, Links, Problem, SourcePage, render

PARALLEL_FROM = 32
"""Fewer pages than this are rendered in the main process (starting workers costs more)."""
MAX_WORKERS = 4


@dataclass(frozen=True)
class Setup:
    """What every render of one push shares (sent to each worker once)."""

    rules: ExtractRules
    source_language: str
    """BCP 47 code that marks text left in the source language."""
    origins: frozenset[str]
    links: Mapping[str, Mapping[str, str]]
    """Language code → :attr:`Links.translated` for that language."""
    site_catalogs: Mapping[str, Catalog]
    """Language code → its ``_site`` catalog, through the publish gate."""
    shortcodes: bool = False
    """The target runs WordPress shortcodes (:attr:`PublishTarget.shortcodes`)."""


@dataclass(frozen=True)
class Version:
    """One language a page is rendered into."""

    language: str
    catalog: Catalog
    """The page's catalog for this language, through the publish gate."""
    address: str
    alternates: tuple[tuple[str, str], ...] = ()
    """(language code, address) of every version for ``hreflang`` links, German first;
    empty when the target does not want them."""
    error: str = ""
    """Why the catalog could not be read: the version is not rendered."""


@dataclass(frozen=True)
class Job:
    """One German page and the languages to render it into."""

    key: str
    url: str
    source: str
    versions: tuple[Version, ...]


@dataclass(frozen=True)
class Outcome:
    """One rendered version of a page (or why it could not be rendered)."""

    key: str
    language: str
    html: str = ""
    title: str = ""
    problems: tuple[Problem, ...] = ()
    unknown: int = 0
    """Distinct page strings not in the catalog at all: the page changed since the last
    pull."""
    error: str = ""


def render_jobs(setup: Setup, jobs: Iterable[Job], count: int) -> Iterator[list[Outcome]]:
    """The outcomes of each job, in the order of ``jobs`` (``count`` of them)."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS) if count >= PARALLEL_FROM else 1
    if workers == 1:
        renderer = _Renderer(setup)
        yield from (renderer.run(job) for job in jobs)
        return
    with ProcessPoolExecutor(
        workers, mp_context=process_context(), initializer=_init_worker, initargs=(setup,)
    ) as executor:
        yield from ordered_results(executor, _run_batch_in_worker, jobs, workers=workers)


class _Renderer:
    def __init__(self, setup: Setup) -> None:
        self.setup = setup

    def run(self, job: Job) -> list[Outcome]:
        try:
            page = SourcePage(job.source, self.setup.rules)
        except KisyncError as error:
            return [Outcome(job.key, v.language, error=str(error)) for v in job.versions]
        return [self._version(job, page, version) for version in job.versions]

    def _version(self, job: Job, page: SourcePage, version: Version) -> Outcome:
        if version.error:
            return Outcome(job.key, version.language, error=version.error)
        language = get_language(version.language)
        catalog, site = version.catalog, self.setup.site_catalogs[version.language]
        alternates = tuple((get_language(code), href) for code, href in version.alternates)
        rendered = render(
            page,
            language,
            catalog.translations,
            site.translations,
            links=Links(
                job.url,
                version.address,
                self.setup.links.get(version.language, {}),
                self.setup.origins,
            ),
            alternates=Alternates(alternates) if alternates else None,
            source_language=self.setup.source_language,
            shortcodes=self.setup.shortcodes,
        )
        unknown = {(s.context, s.text) for s in page.text.segments} - catalog.known
        return Outcome(
            job.key,
            version.language,
            rendered.html,
            rendered.title,
            rendered.problems,
            len(unknown),
        )


_worker: _Renderer | None = None


def _init_worker(setup: Setup) -> None:
    global _worker
    _worker = _Renderer(setup)


def _run_batch_in_worker(jobs: list[Job]) -> list[list[Outcome]]:
    assert _worker is not None, "worker not initialised"
    return [_worker.run(job) for job in jobs]
