"""``kisync harvest``: fill the catalogs from the translations the portal already has.

For each German page and language, the existing translation is looked up
(:mod:`.locate`), aligned with the German page (:mod:`.page`) and every usable pair
goes into the page's catalog as a **fuzzy** entry with a ``#. harvested from …`` note:

- only empty entries are filled: a translation that is there (finished, fuzzy, or a
  proposal harvested earlier that a translator may have edited) is never changed;
- a page whose translation pairs with less than ``[harvest] min_confidence`` percent
  of its text is reported as too different and left alone;
- menu and footer (the ``_site`` catalog) are harvested from every page's translation;
  where pages disagree, the most frequent translation wins, a tie none;
- running it again with nothing changed rewrites no file.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import polib

from ..catalog import pofile
from ..catalog.keys import SITE_KEY
from ..errors import CatalogError, KisyncError
from ..languages import Language
from ..portal.base import PageRef, Portal
from ..translate.notes import replace_notes
from ..util.fsutil import write_if_changed
from ..util.selection import matching, select_languages
from .locate import Found, Locator
from .page import Harvested, PageAlignment, align_page

if TYPE_CHECKING:
    from ..catalog.layout import CatalogLayout
    from ..extract.rules import ExtractRules
    from ..translate.glossary import Glossary

log = logging.getLogger(__name__)

NOTE_PREFIX = "harvested from "
STATUSES = ("harvested", "too-different", "no-translation", "not-pulled", "failed")


@dataclass
class PageHarvest:
    """What harvesting one page in one language found and did."""

    page: str
    language: str
    status: str = "no-translation"
    """One of :data:`STATUSES`."""
    source: str = ""
    """Where the translation was found (path in the portal folder, or URL)."""
    alignment: PageAlignment | None = None
    filled: int = 0
    """Entries given a harvested translation (new or changed)."""
    unchanged: int = 0
    """Entries that already had this harvested translation (an earlier run)."""
    kept: int = 0
    """Entries left alone because they have a translation of their own."""
    missing: int = 0
    """Pairs whose German text is not in the catalog (run ``kisync pull``)."""
    message: str = ""

    def to_json(self) -> dict[str, object]:
        a = self.alignment or PageAlignment()
        return {
            "page": self.page,
            "language": self.language,
            "status": self.status,
            "source": self.source,
            "confidence": a.confidence,
            "paired": a.paired,
            "usable": len(a.proposals),
            "merged": a.merged,
            "still_german": a.still_german,
            "unpaired_german": a.unpaired_german,
            "unpaired_translated": a.unpaired_translated,
            "filled": self.filled,
            "unchanged": self.unchanged,
            "kept": self.kept,
            "missing": self.missing,
            "message": self.message,
        }


@dataclass
class HarvestReport:
    languages: tuple[str, ...]
    dry_run: bool = False
    pages: list[PageHarvest] = field(default_factory=list)
    site: dict[str, int] = field(default_factory=dict)
    """Language → ``_site`` entries filled."""
    written: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 2 if self.failures else 0

    @property
    def filled(self) -> int:
        return sum(page.filled for page in self.pages) + sum(self.site.values())

    def count(self, status: str) -> int:
        return sum(1 for page in self.pages if page.status == status)

    def summary(self) -> str:
        found = sum(1 for page in self.pages if page.source)
        verb = "would write" if self.dry_run else "wrote"
        kept = sum(page.kept for page in self.pages)
        return (
            f"harvest: {found} existing translations found; {self.count('harvested')} "
            f"harvested, {self.count('too-different')} too different (left alone); "
            f"{self.filled} strings filled (fuzzy), {kept} kept (already translated); "
            f"{verb} {len(self.written)} files"
            + (f"; {len(self.failures)} failed" if self.failures else "")
        )

    def to_json(self) -> dict[str, object]:
        return {
            "languages": list(self.languages),
            "dry_run": self.dry_run,
            "pages": [page.to_json() for page in self.pages],
            "site": self.site,
            "filled": self.filled,
            "written": [str(path) for path in self.written],
            "failures": self.failures,
            "summary": self.summary(),
        }


@dataclass(frozen=True)
class Aligner:
    """Pairs a translated page with its German page (for :func:`harvest` and for taking
    back edits made on the publish target)."""

    languages: tuple[Language, ...]
    """The project's languages: their codes as URL prefixes are not page text."""
    rules: ExtractRules
    glossary: Glossary | None = None

    def align(self, ref: PageRef, german: str, found: Found, language: Language) -> PageAlignment:
        prefixes = {lang.code.lower() for lang in self.languages}
        prefixes |= {lang.bcp47.lower() for lang in self.languages}
        return align_page(
            german,
            found.html,
            language.code,
            self.rules,
            german_url=ref.url,
            translated_url=found.url,
            prefixes=sorted(prefixes),
            glossary=self.glossary,
        )


def harvest(
    portal: Portal,
    locator: Locator,
    catalogs: CatalogLayout,
    languages: Sequence[str] = (),
    pages: Sequence[str] = (),
    *,
    rules: ExtractRules,
    glossary: Glossary | None = None,
    min_confidence: float = 60.0,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> HarvestReport:
    """Harvest the existing translations of the pages of ``portal``, found by
    ``locator``, into ``catalogs`` (see the module doc). ``min_confidence``: percent of a
    translated page's text that must pair with the German page. The caller closes the
    portal and the locator."""
    available = catalogs.target_languages()
    chosen = select_languages(available, languages)
    report = HarvestReport(tuple(language.code for language in chosen), dry_run=dry_run)
    site: dict[str, dict[tuple[str, str], Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    aligner = Aligner(available, rules, glossary)
    refs = list(portal.pages())
    keys = set(matching([ref.key for ref in refs], pages))
    refs = [ref for ref in refs if ref.key in keys]
    for done, ref in enumerate(refs, 1):
        _harvest_page(portal, locator, aligner, catalogs, ref, chosen, report, site, min_confidence)
        if progress is not None:
            progress(done, len(refs))
    for language in chosen:
        _harvest_site(catalogs, language, site[language.code], report)
    return report


def _harvest_page(
    portal: Portal,
    locator: Locator,
    aligner: Aligner,
    catalogs: CatalogLayout,
    ref: PageRef,
    languages: Sequence[Language],
    report: HarvestReport,
    site: dict[str, dict[tuple[str, str], Counter[str]]],
    minimum: float,
) -> None:
    try:
        german = portal.read(ref)
    except KisyncError as error:
        report.failures.append(f"page {ref.key} ({ref.where}): {error}")
        return
    for language in languages:
        result = PageHarvest(ref.key, language.code)
        report.pages.append(result)
        try:
            found = locator.find(ref, german, language)
            if found is None:
                continue
            result.source = found.where
            result.alignment = aligner.align(ref, german, found, language)
        except KisyncError as error:
            result.status = "failed"
            result.message = str(error)
            report.failures.append(f"page {ref.key} ({language.code}): {error}")
            continue
        alignment = result.alignment
        if alignment.confidence < minimum:
            result.status = "too-different"
            result.message = (
                f"only {alignment.confidence:.0f}% of {found.where} pairs with the German page"
                f" (at least {minimum:.0f}% needed); left alone"
            )
            continue
        content = [item for item in alignment.proposals if not item.site]
        _fill_page(catalogs, language, ref.key, content, found.where, result, report)
        for item in alignment.proposals:
            if item.site:
                site[language.code][(item.msgctxt, item.msgid)][item.msgstr] += 1


def _fill_page(
    catalogs: CatalogLayout,
    language: Language,
    key: str,
    items: list[Harvested],
    where: str,
    result: PageHarvest,
    report: HarvestReport,
) -> None:
    path = catalogs.catalog_path(language.code, key)
    if not path.exists():
        result.status = "not-pulled"
        result.message = f"{path} does not exist; run `kisync pull` first"
        return
    proposals = _agreed(items)
    try:
        counts = _fill(path, proposals, f"{NOTE_PREFIX}{where}", report)
    except CatalogError as error:
        result.status = "failed"
        result.message = f"{error} (left untouched)"
        report.failures.append(result.message)
        return
    result.status = "harvested"
    result.filled, result.unchanged, result.kept, result.missing = counts


def _agreed(items: list[Harvested]) -> dict[tuple[str, str], str]:
    """One translation per German string; a string that occurs twice may have been
    translated differently: the most frequent translation wins, a tie none."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for item in items:
        votes[(item.msgctxt, item.msgid)][item.msgstr] += 1
    return _winners(votes)


def _winners(votes: dict[tuple[str, str], Counter[str]]) -> dict[tuple[str, str], str]:
    chosen = {}
    for key, counter in votes.items():
        ranked = counter.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            chosen[key] = ranked[0][0]
    return chosen


def _harvest_site(
    catalogs: CatalogLayout,
    language: Language,
    votes: dict[tuple[str, str], Counter[str]],
    report: HarvestReport,
) -> None:
    if not votes:
        return
    path = catalogs.catalog_path(language.code, SITE_KEY)
    if not path.exists():
        return
    try:
        filled, *_ = _fill(path, _winners(votes), f"{NOTE_PREFIX}the translated pages", report)
    except CatalogError as error:
        report.failures.append(f"{error} (left untouched)")
        return
    report.site[language.code] = filled


def _fill(
    path: Path, proposals: dict[tuple[str, str], str], note: str, report: HarvestReport
) -> tuple[int, int, int, int]:
    """Put proposals into a catalog; (filled, unchanged, kept, missing)."""
    catalog = pofile.read(path)
    entries = {(e.msgctxt or "", e.msgid): e for e in catalog if not e.obsolete}
    filled = unchanged = kept = missing = 0
    for key, msgstr in proposals.items():
        entry = entries.get(key)
        if entry is None or entry.msgid_plural:
            missing += 1
        elif entry.msgstr == msgstr and harvested_earlier(entry):
            unchanged += 1
        elif entry.msgstr:
            kept += 1  # a translation of its own, or an earlier proposal someone may have edited
        else:
            _apply(entry, msgstr, note)
            filled += 1
    if write_if_changed(path, pofile.dumps(catalog), dry_run=report.dry_run):
        report.written.append(path)
    return filled, unchanged, kept, missing


def harvested_earlier(entry: polib.POEntry) -> bool:
    """A fuzzy entry whose translation kisync harvested (nobody has confirmed it)."""
    notes = entry.comment.split("\n") if entry.comment else []
    return "fuzzy" in entry.flags and any(line.startswith(NOTE_PREFIX) for line in notes)


def _apply(entry: polib.POEntry, msgstr: str, note: str) -> None:
    """Give an empty entry a harvested translation, to be reviewed."""
    entry.msgstr = msgstr
    if "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")
    entry.comment = replace_notes(entry.comment, [note], NOTE_PREFIX)
