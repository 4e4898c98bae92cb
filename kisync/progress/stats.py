"""Completeness per language and page: how far each translation is, and what is left.

:func:`collect_stats` counts every selected catalog (``po/<lang>/<page>.po``) with the
rules of ``msgfmt --statistics`` (see :mod:`kisync.catalog.scan`) and adds them up per
language. A page whose catalog for a language does not exist yet counts as entirely
untranslated, with the strings and words of its template. Counts are cached per file
in ``.kisync/stats-cache.json``, so a second run only reads the files that changed.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..catalog import pofile
from ..catalog.scan import Counts, scan
from ..catalog.translations import count_entries
from ..errors import CatalogError
from ..languages import Language
from ..util.selection import select_languages, select_pages
from .cache import StatsCache

if TYPE_CHECKING:
    from ..catalog.layout import CatalogLayout

log = logging.getLogger(__name__)

PARALLEL_MIN_FILES = 2000
"""Below this many files to (re)count, starting worker processes costs more than it saves."""


@dataclass(frozen=True)
class PageStats:
    """One page in one language."""

    page: str
    file: str
    """The language's catalog (absolute); it may not exist yet (see ``exists``)."""
    counts: Counts
    exists: bool = True
    """False when the page has no catalog for this language yet (run ``kisync pull``)."""

    @property
    def path(self) -> Path:
        return Path(self.file)


@dataclass(frozen=True)
class LanguageStats:
    language: Language
    pages: tuple[PageStats, ...]
    counts: Counts = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "counts", sum((p.counts for p in self.pages), Counts()))


@dataclass(frozen=True)
class ProjectStats:
    source_language: Language
    languages: tuple[LanguageStats, ...]
    require_review: tuple[str, ...] = ()
    """Languages whose strings must be reviewed before publishing."""

    @property
    def shows_review(self) -> bool:
        """Whether review counts matter here (a language requires them, or has some)."""
        return bool(self.require_review) or any(lang.counts.reviewed for lang in self.languages)

    exit_code = 0
    """Statistics only report: ``kisync check`` is the gate that fails."""

    def summary(self) -> str:
        """Per language, the share of strings translated."""
        parts = [
            f"{lang.language.code} {lang.counts.translated}/{lang.counts.total}"
            for lang in self.languages
        ]
        return "translated strings: " + (", ".join(parts) or "no languages")

    def to_json(self) -> dict[str, Any]:
        """The stable JSON form documented in the README (``kisync stats --format json``)."""
        return {
            "source_language": self.source_language.code,
            "languages": [
                {
                    "language": lang.language.code,
                    "name": lang.language.english_name,
                    **_counts_json(lang.counts),
                    "pages": [{"page": p.page, **_counts_json(p.counts)} for p in lang.pages],
                }
                for lang in self.languages
            ],
        }


def _counts_json(counts: Counts) -> dict[str, Any]:
    return {
        "total": counts.total,
        "translated": counts.translated,
        "fuzzy": counts.fuzzy,
        "untranslated": counts.untranslated,
        "words_total": counts.words_total,
        "words_translated": counts.words_translated,
        "reviewed": counts.reviewed,
        "percent": counts.percent,
    }


# -- one file ---------------------------------------------------------------------------


def catalog_counts(path: Path | str) -> Counts:
    """Count one PO or POT file; :class:`CatalogError` (file and line) if it is unreadable."""
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as error:
        raise CatalogError(path, f"cannot read the file ({error.strerror})") from None
    counts = scan(data)
    return counts if counts is not None else _parsed_counts(Path(path))


def _parsed_counts(path: Path) -> Counts:
    """The slow path: the full PO reader, for files the scanner does not recognise."""
    log.debug("%s: not in gettext's usual layout; reading it in full", path)
    return count_entries(pofile.read(path))


def _count_many(paths: Sequence[str]) -> list[Counts | CatalogError]:
    """Count several files; an unreadable one yields its error instead of stopping the rest."""
    results: list[Counts | CatalogError] = []
    for path in paths:
        try:
            results.append(catalog_counts(path))
        except CatalogError as error:
            results.append(error)
    return results


# -- the project ----------------------------------------------------------------------------


def collect_stats(
    catalogs: CatalogLayout,
    languages: Iterable[str] = (),
    pages: Iterable[str] = (),
    *,
    source_language: Language,
    require_review: Iterable[str] = (),
    cache_file: Path | None = None,
    root: Path | None = None,
) -> ProjectStats:
    """Completeness of the selected languages and pages (all by default).

    ``pages`` are shell-style patterns on page keys (``bildung-sprache/*``).
    ``require_review``: the languages whose translations count as published only once
    reviewed. ``cache_file`` keeps the counts per file (None: no cache), under file
    names relative to ``root`` (default: the folder around the catalog folder). Raises
    :class:`KisyncError` for an unknown language or a pattern that matches nothing, and
    :class:`CatalogError` (file and line) for the first catalog that cannot be read.
    """
    chosen = select_languages(catalogs.target_languages(), languages)
    keys = select_pages(catalogs, pages)
    counter = _Counter(catalogs.folder, root or catalogs.folder.parent, cache_file)
    # page by page, so that a worker process sees each German text in every language
    files = {(lang.code, key): counter.catalog(lang.code, key) for key in keys for lang in chosen}
    counter.count(files.values())
    missing = {key for (_, key), relative in files.items() if counter.get(relative) is None}
    counter.count(counter.template(key) for key in sorted(missing))
    result = []
    for language in chosen:
        page_stats = []
        for key in keys:
            relative = files[language.code, key]
            counts = counter.get(relative)
            exists = counts is not None
            if counts is None:  # no catalog yet: everything in the template is to do
                counts = _untranslated(
                    counter.get(counter.template(key)), counter.absolute(relative)
                )
            page_stats.append(PageStats(key, counter.absolute(relative), counts, exists))
        result.append(LanguageStats(language, tuple(page_stats)))
    counter.save()
    reviewed_only = set(require_review)
    require = tuple(lang.code for lang in chosen if lang.code in reviewed_only)
    return ProjectStats(source_language, tuple(result), require)


def _untranslated(template: Counts | None, catalog: str) -> Counts:
    if template is None:
        raise CatalogError(catalog, "neither this catalog nor its template exists")
    return Counts(
        total=template.total,
        untranslated=template.total,
        words_total=template.words_total,
    )


class _Counter:
    """Counts files through the cache, the misses in parallel when there are many.

    Files are named by their path relative to the project root (the cache key), built
    from page keys by plain string formatting: ``Project.page_keys()`` only returns
    keys that are safe as paths, and pathlib would cost more than the counting itself
    when nothing changed.
    """

    def __init__(self, folder: Path, root: Path, cache_file: Path | None) -> None:
        self.prefix = os.path.join(str(root), "")
        self.base = Path(os.path.relpath(folder, root)).as_posix()
        self.cache = StatsCache(cache_file) if cache_file is not None else None
        self._counts: dict[str, Counts] = {}

    def catalog(self, language: str, key: str) -> str:
        return f"{self.base}/{language}/{key}.po"

    def template(self, key: str) -> str:
        return f"{self.base}/templates/{key}.pot"

    def absolute(self, relative: str) -> str:
        return self.prefix + relative

    def count(self, files: Iterable[str]) -> None:
        """Count every file of ``files`` that exists and is not cached."""
        cache, prefix, stat_of = self.cache, self.prefix, os.stat
        misses = []
        for relative in files:
            try:
                stat = stat_of(prefix + relative)
            except FileNotFoundError:
                if cache is not None:
                    cache.forget(relative)
                continue
            except OSError as error:
                problem = f"cannot read the file ({error.strerror})"
                raise CatalogError(self.absolute(relative), problem) from None
            cached = cache.get(relative, stat) if cache is not None else None
            if cached is None:
                misses.append((relative, stat))
            else:
                self._counts[relative] = cached
        results = _count_all([self.absolute(relative) for relative, _ in misses])
        for (relative, stat), result in zip(misses, results, strict=True):
            if isinstance(result, CatalogError):
                raise result
            self._counts[relative] = result
            if cache is not None:
                cache.put(relative, stat, result)

    def get(self, relative: str) -> Counts | None:
        return self._counts.get(relative)

    def save(self) -> None:
        if self.cache is not None:
            self.cache.save()


def _count_all(paths: Sequence[str]) -> list[Counts | CatalogError]:
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_MIN_FILES or workers < 2:
        return _count_many(paths)
    from concurrent.futures import ProcessPoolExecutor  # costs 30 ms to import

    chunk = -(-len(paths) // (workers * 4))
    chunks = [paths[i : i + chunk] for i in range(0, len(paths), chunk)]
    try:
        with ProcessPoolExecutor(workers) as pool:
            return [result for part in pool.map(_count_many, chunks) for result in part]
    except (OSError, RuntimeError) as error:  # no processes allowed here: count in this one
        log.debug("counting in one process (%s)", error)
        return _count_many(paths)
