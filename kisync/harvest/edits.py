"""``kisync harvest --from-edits``: take edits made on the publish target back into the
catalogs, instead of losing them to ``push --force``.

A published translation whose version on the target differs from the one kisync wrote
(the conflicts ``kisync push`` reports) is aligned with its German page by the harvest
aligner (:func:`kisync.harvest.page.align_page`, the same as for ``kisync harvest``).
Every string whose edited text differs from the catalog's translation gets the edited
text, marked **fuzzy**, with a translator note saying where and when the edit was made
and what the translation was before (so nothing is lost). Strings the edit did not
change, and strings that could not be paired safely, stay as they are.

The edited version then counts as the one kisync published: push no longer reports a
conflict, and it leaves the edited page online until translators have reviewed the
fuzzy strings (with ``min_completeness = 100``, a page with fuzzy strings is not
rewritten); after that, push publishes the reviewed catalog.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import polib

from ..catalog import pofile
from ..errors import KisyncError
from ..languages import Language
from ..portal.base import PageRef, Portal
from ..publish.state import STATE_FILE, PublishState
from ..publish.target import Published, PublishTarget
from ..translate.notes import replace_notes
from ..util.fsutil import write_if_changed
from ..util.selection import matching, select_languages
from .locate import Found
from .run import Aligner, _agreed

if TYPE_CHECKING:
    from ..catalog.layout import CatalogLayout
    from ..extract.rules import ExtractRules
    from ..translate.glossary import Glossary

NOTE_PREFIX = "kisync: from an edit "
PREVIOUS_PREFIX = "kisync: translation before the edit: "


@dataclass
class EditTakenBack:
    """One page in one language that was edited on the target."""

    language: str
    page: str
    url: str
    modified: str
    catalog: str
    taken: int = 0
    """Strings given the edited text (fuzzy)."""
    unpaired: int = 0
    """Blocks of the edited page that could not be paired with a German string."""
    message: str = ""

    def to_json(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass
class EditsReport:
    languages: tuple[str, ...]
    dry_run: bool = False
    pages: list[EditTakenBack] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 2 if self.failures else 0

    def summary(self) -> str:
        taken = sum(page.taken for page in self.pages)
        verb = "would take" if self.dry_run else "took"
        return (
            f"harvest --from-edits: {len(self.pages)} page(s) edited on the target; "
            f"{verb} {taken} string(s) into the PO files (fuzzy, to review)"
            + (f"; {len(self.failures)} failed" if self.failures else "")
        )

    def to_json(self) -> dict[str, object]:
        return {
            "languages": list(self.languages),
            "dry_run": self.dry_run,
            "pages": [page.to_json() for page in self.pages],
            "failures": self.failures,
            "summary": self.summary(),
        }


def take_back_edits(
    portal: Portal,
    target: PublishTarget,
    catalogs: CatalogLayout,
    state_dir: Path,
    languages: Sequence[str] = (),
    pages: Sequence[str] = (),
    *,
    rules: ExtractRules,
    glossary: Glossary | None = None,
    root: Path | None = None,
    dry_run: bool = False,
) -> EditsReport:
    """Take the edits made on ``target`` to the pages of ``portal`` into ``catalogs``
    (see the module doc); the publish state is in ``state_dir``, file names in the
    report are relative to ``root`` (default: the folder around the catalog folder).
    The caller closes the portal and the target."""
    available = catalogs.target_languages()
    chosen = select_languages(available, languages)
    report = EditsReport(tuple(language.code for language in chosen), dry_run)
    aligner = Aligner(available, rules, glossary)
    taking = _TakeBack(catalogs, root or catalogs.folder.parent, aligner)
    state, warning = PublishState.load(state_dir / STATE_FILE, target.name)
    if warning:
        report.failures.append(warning)
    refs = list(portal.pages())
    keys = set(matching([ref.key for ref in refs], pages))
    published = [
        (ref, language, record)
        for ref in refs
        if ref.key in keys
        for language in chosen
        if (record := state.get(language.code, ref.key).published) is not None
    ]
    found = target.survey([record for _, _, record in published])
    for ref, language, record in published:
        remote = found.get(record.remote_id)
        if remote is None or remote.content_hash == record.content_hash:
            continue  # not there any more, or as kisync wrote it
        try:
            page, catalog = _take_back(taking, target, portal.read(ref), ref, language, remote)
        except KisyncError as error:
            report.failures.append(f"{language.code} {ref.key}: {error} (left untouched)")
            continue
        report.pages.append(page)
        if not dry_run:
            _keep(catalogs, state, language, ref, catalog, remote)
    if not dry_run:
        state.save()
    return report


@dataclass(frozen=True)
class _TakeBack:
    catalogs: CatalogLayout
    root: Path
    aligner: Aligner


def _keep(
    catalogs: CatalogLayout,
    state: PublishState,
    language: Language,
    ref: PageRef,
    catalog: polib.POFile,
    remote: Published,
) -> None:
    """Write the catalog; the edited version is now the one kisync knows (no conflict)."""
    write_if_changed(catalogs.catalog_path(language.code, ref.key), pofile.dumps(catalog))
    record = state.get(language.code, ref.key)
    state.set(language.code, ref.key, replace(record, render="", published=remote))


def _take_back(
    taking: _TakeBack,
    target: PublishTarget,
    german: str,
    ref: PageRef,
    language: Language,
    remote: Published,
) -> tuple[EditTakenBack, polib.POFile]:
    """Align the edited page with its German page; the page's catalog with the edit."""
    document = target.content(language, remote) or ""
    found = Found(document, remote.url, remote.url)
    alignment = taking.aligner.align(ref, german, found, language)
    proposals = _agreed([item for item in alignment.proposals if not item.site])
    path = taking.catalogs.catalog_path(language.code, ref.key)
    catalog = pofile.read(path)
    page = EditTakenBack(
        language.code,
        ref.key,
        remote.url,
        remote.modified,
        path.relative_to(taking.root).as_posix(),
        taken=_apply(catalog, proposals, _note(target, remote)),
        unpaired=alignment.unpaired_translated,
    )
    if page.unpaired:
        page.message = (
            f"{page.unpaired} passage(s) of the edited page were not matched to a German "
            "string and left out: compare the page with the PO file"
        )
    return page, catalog


def _note(target: PublishTarget, remote: Published) -> str:
    where = "in WordPress" if target.name.startswith("wordpress:") else f"on {target.name}"
    when = f" on {remote.modified} UTC" if remote.modified else ""
    return f"{NOTE_PREFIX}{where}{when} ({remote.url}); review it"


def _apply(catalog: polib.POFile, proposals: dict[tuple[str, str], str], note: str) -> int:
    """Give each entry whose translation the edit changed the edited text (fuzzy, with
    the note and the translation it had); the number of entries changed."""
    entries = {(e.msgctxt or "", e.msgid): e for e in catalog if not e.obsolete}
    taken = 0
    for key, msgstr in proposals.items():
        entry = entries.get(key)
        if entry is None or entry.msgid_plural or entry.msgstr == msgstr:
            continue
        lines = [note]
        if entry.msgstr:
            lines.append(PREVIOUS_PREFIX + " ".join(entry.msgstr.split()))
        comment = replace_notes(entry.tcomment, [], PREVIOUS_PREFIX)
        entry.tcomment = replace_notes(comment, lines, NOTE_PREFIX)
        entry.msgstr = msgstr
        if "fuzzy" not in entry.flags:
            entry.flags.insert(0, "fuzzy")
        taken += 1
    return taken
