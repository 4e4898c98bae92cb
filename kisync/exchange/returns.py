"""``kisync import``: bring a translator's returned work back, safely.

The returned file (a PO or XLIFF file, or the whole zip) is read with the strict readers
and matched to the manifest of its export. Then, page by page, each returned
translation is

* **taken** when the project still has what it had at export (nobody touched it);
* **taken as fuzzy**, with the old German text as previous msgid, when the German text
  changed since the export (``kisync pull`` turned it into a new string);
* a **conflict** when the string was translated (finished) in the project meanwhile:
  the project's translation stays, the returned one is kept beside it in a
  ``#. returned by export …`` note and listed, never overwritten silently;
* **gone** when the page no longer has that German text (listed).

A returned translation that fails a lint check marked as an error is taken as fuzzy
(not lost, not published) and listed with file and line. Strings the file does not
contain are untouched; importing the same file twice changes nothing.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polib
from rapidfuzz import fuzz, process

from ..catalog import pofile
from ..catalog.layout import CatalogLayout
from ..errors import KisyncError
from ..languages import Language, get_language
from ..translate.checks import REGISTRY, Subject
from ..translate.notes import replace_notes
from ..util.fsutil import FileChanged, read_version, replace_file
from .handout_po import read_handout_po
from .package import EXPORTS_DIR
from .units import Location, Manifest, Returned, Unit, unit_id
from .xliff import read_xliff

CONFLICT_NOTE = "returned by export"
CHECK_NOTE = "returned translation:"
RETRIES = 5
"""How often a page is merged again when its catalog is saved meanwhile (Poedit)."""
SIMILAR = 70
"""Percent a changed German text must still resemble the exported one to take its
returned translation as a fuzzy proposal."""


@dataclass
class PageImport:
    taken: int = 0
    fuzzy: int = 0
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "taken": self.taken,
            "fuzzy": self.fuzzy,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
            "gone": self.gone,
        }


@dataclass
class ImportReport:
    source: str
    export_id: str
    language: str
    dry_run: bool = False
    pages: dict[str, PageImport] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    """Returned translations that failed a check (file:line: check: message)."""
    written: list[Path] = field(default_factory=list)

    @property
    def conflicts(self) -> int:
        return sum(len(page.conflicts) for page in self.pages.values())

    @property
    def exit_code(self) -> int:
        """1 when a person has to look (conflicts, failed checks), else 0."""
        return 1 if self.conflicts or self.problems else 0

    def summary(self) -> str:
        total = PageImport()
        for page in self.pages.values():
            total.taken += page.taken
            total.fuzzy += page.fuzzy
            total.unchanged += page.unchanged
        gone = sum(len(page.gone) for page in self.pages.values())
        verb = "would write" if self.dry_run else "wrote"
        return (
            f"{self.source} (export {self.export_id}, {self.language}): {total.taken} taken, "
            f"{total.fuzzy} taken as fuzzy, {self.conflicts} conflicts, {total.unchanged} "
            f"already there, {gone} no longer on their page; {verb} {len(self.written)} files"
        )

    def page_lines(self) -> Iterator[str]:
        for key, page in sorted(self.pages.items()):
            yield (
                f"  {key}: {page.taken} taken, {page.fuzzy} fuzzy, {len(page.conflicts)} "
                f"conflicts, {page.unchanged} already there, {len(page.gone)} gone"
            )
            for line in page.conflicts + page.gone:
                yield f"    {line}"

    def to_json(self) -> dict[str, object]:
        return {
            "source": self.source,
            "export_id": self.export_id,
            "language": self.language,
            "dry_run": self.dry_run,
            "pages": {key: page.to_json() for key, page in sorted(self.pages.items())},
            "problems": self.problems,
            "written": [str(path) for path in self.written],
        }


def import_returned(
    layout: CatalogLayout, state_dir: Path, path: Path, *, dry_run: bool = False
) -> ImportReport:
    """Merge the returned file at ``path`` into the project's catalogs."""
    name, data, manifest = _open(path, state_dir)
    if name.endswith((".xlf", ".xliff")):
        export_id, returned = read_xliff(data, name)
    else:
        export_id, returned = read_handout_po(data, name)
    if manifest is None:
        manifest = _stored_manifest(state_dir, export_id, name)
    language = get_language(manifest.language)
    report = ImportReport(name, manifest.export_id, language.code, dry_run)
    plan = _plan(manifest, returned, name, language, report)
    for key, items in plan.items():
        _import_page(layout, language, key, items, manifest.export_id, report)
    return report


# -- finding the file and its manifest -------------------------------------------------------


def _open(path: Path, state_dir: Path) -> tuple[str, bytes, Manifest | None]:
    try:
        if zipfile.is_zipfile(path):
            return _from_zip(path)
        return path.name, path.read_bytes(), None
    except OSError as error:
        raise KisyncError(f"{path}: cannot read it ({error.strerror})") from None


def _from_zip(path: Path) -> tuple[str, bytes, Manifest | None]:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        work = [n for n in names if n.endswith((".po", ".xlf", ".xliff")) and "/" not in n]
        if len(work) != 1:
            raise KisyncError(
                f"{path}: expected one .po or .xlf file in the zip, found {len(work)}"
            )
        manifest = None
        if "manifest.json" in names:
            manifest = Manifest.from_json(archive.read("manifest.json").decode("utf-8"), f"{path}")
        return f"{path.name}/{work[0]}", archive.read(work[0]), manifest


def _stored_manifest(state_dir: Path, export_id: str, name: str) -> Manifest:
    if not export_id or "/" in export_id or export_id.startswith("."):
        raise KisyncError(f"{name}: it names no export; import the zip it came in")
    stored = state_dir / EXPORTS_DIR / f"{export_id}.json"
    try:
        return Manifest.from_json(stored.read_text(encoding="utf-8"), str(stored))
    except FileNotFoundError:
        raise KisyncError(
            f"{name}: export {export_id} is not known in this project ({stored} is missing); "
            "import the zip it came in"
        ) from None


# -- what goes where -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    unit: Unit
    location: Location
    returned: Returned
    problem: str = ""


def _plan(
    manifest: Manifest,
    returned: list[Returned],
    name: str,
    language: Language,
    report: ImportReport,
) -> dict[str, list[_Item]]:
    units = manifest.by_id()
    checks = [
        b
        for b in REGISTRY.bind(None)
        if b.spec.severity == "error" and b.spec.scope == "translation"
    ]
    plan: dict[str, list[_Item]] = {}
    for item in returned:
        unit = units.get(unit_id(item.msgctxt, item.msgid))
        if unit is None:
            report.problems.append(
                f"{name}:{item.line}: this German text was not in export {manifest.export_id}; "
                "it was left out (was the German text edited in the file?)"
            )
            continue
        problem = _check(checks, item, language, name)
        if problem:
            report.problems.append(problem)
        for location in unit.locations:
            if item.page is None or item.page == location.page:
                plan.setdefault(location.page, []).append(_Item(unit, location, item, problem))
    return plan


def _check(checks, item: Returned, language: Language, name: str) -> str:
    entry = polib.POEntry(msgid=item.msgid, msgstr=item.translation)
    subject = Subject(entry, item.msgid, item.translation, language, Path(name), item.line)
    for check in checks:
        for finding in check.run(subject):
            return f"{name}:{item.line}: {finding.check}: {finding.message} (taken as fuzzy)"
    return ""


# -- merging into one page's catalog ---------------------------------------------------------


def _import_page(
    layout: CatalogLayout,
    language: Language,
    key: str,
    items: list[_Item],
    export_id: str,
    report: ImportReport,
) -> None:
    """Merge the page's returned translations; again from the new file if a translator
    saved the catalog meanwhile (never over their save)."""
    path = layout.catalog_path(language.code, key)
    for _ in range(RETRIES):
        outcome = PageImport()
        version = read_version(path)
        if version.data is None:
            outcome.gone += [f"{item.unit.msgid[:60]!r}: the page has no catalog" for item in items]
            report.pages[key] = outcome
            return
        catalog = pofile.parse(version.data, path)
        _merge_items(catalog, items, export_id, outcome)
        report.pages[key] = outcome
        data = pofile.dumps(catalog).encode("utf-8")
        if data == version.data or report.dry_run:
            if data != version.data:
                report.written.append(path)
            return
        try:
            replace_file(path, data, expected=version)
        except FileChanged:
            continue
        report.written.append(path)
        return
    raise KisyncError(
        f"{path}: saved by someone else {RETRIES} times while import merged it; the file is "
        "as they saved it — run the import again when nobody is editing it"
    )


def _merge_items(
    catalog: polib.POFile, items: list[_Item], export_id: str, outcome: PageImport
) -> None:
    live = [entry for entry in catalog if not entry.obsolete and entry.msgid]
    by_key = {(entry.msgctxt, entry.msgid): entry for entry in live}
    for item in items:
        entry = by_key.get((item.unit.msgctxt, item.unit.msgid))
        if entry is not None:
            _same_german(entry, item, export_id, outcome)
        else:
            _changed_german(live, item, export_id, outcome)


def _same_german(entry: polib.POEntry, item: _Item, export_id: str, outcome: PageImport) -> None:
    returned = item.returned
    fuzzy = returned.fuzzy or bool(item.problem)
    finished = bool(entry.msgstr) and "fuzzy" not in entry.flags
    if entry.msgstr == returned.translation and (finished or fuzzy):
        outcome.unchanged += 1
        return
    untouched = (
        entry.msgstr == item.location.msgstr and ("fuzzy" in entry.flags) == item.location.fuzzy
    )
    if finished and not untouched and entry.msgstr != returned.translation:
        _conflict(entry, item, export_id, outcome, "translated in the project meanwhile")
        return
    _take(entry, returned.translation, fuzzy, item.problem)
    if fuzzy:
        outcome.fuzzy += 1
    else:
        outcome.taken += 1


def _changed_german(
    live: list[polib.POEntry], item: _Item, export_id: str, outcome: PageImport
) -> None:
    unit, returned = item.unit, item.returned
    entry = _successor(live, unit)
    if entry is None:
        outcome.gone.append(f"{unit.msgid[:60]!r}: no longer on the page")
        return
    if entry.msgstr == returned.translation:
        outcome.unchanged += 1
        return
    if entry.msgstr and "fuzzy" not in entry.flags:
        _conflict(
            entry, item, export_id, outcome, "the German text changed and was translated meanwhile"
        )
        return
    _take(entry, returned.translation, True, item.problem)
    entry.previous_msgid = unit.msgid
    outcome.fuzzy += 1


def _successor(live: list[polib.POEntry], unit: Unit) -> polib.POEntry | None:
    """The string that replaced ``unit``'s German text on the page, if any."""
    candidates = [entry for entry in live if entry.msgctxt == unit.msgctxt]
    for entry in candidates:
        if entry.previous_msgid == unit.msgid:
            return entry
    best = process.extractOne(
        unit.msgid, [entry.msgid for entry in candidates], scorer=fuzz.ratio, score_cutoff=SIMILAR
    )
    return candidates[best[2]] if best else None


def _take(entry: polib.POEntry, translation: str, fuzzy: bool, problem: str) -> None:
    entry.msgstr = translation
    if fuzzy and "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")
    if not fuzzy:
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = None
    lines = [f"{CHECK_NOTE} {problem.split(': ', 1)[-1]}"] if problem else []
    entry.comment = replace_notes(entry.comment or "", lines, CHECK_NOTE)


def _conflict(
    entry: polib.POEntry, item: _Item, export_id: str, outcome: PageImport, why: str
) -> None:
    note = f"{CONFLICT_NOTE} {export_id}: {item.returned.translation}"
    entry.comment = replace_notes(entry.comment or "", [note], f"{CONFLICT_NOTE} {export_id}:")
    outcome.conflicts.append(
        f"line {entry.linenum}: {item.unit.msgid[:50]!r}: {why}; kept {entry.msgstr[:40]!r}, "
        f"the returned {item.returned.translation[:40]!r} is in a note — choose one"
    )
