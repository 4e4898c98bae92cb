"""``kisync lint``: run the QA checks over a project's catalogs or over given files.

Translation checks run on every translated string (not obsolete, not fuzzy, not empty)
of the language catalogs; source checks on every entry of the templates. A catalog
with nothing translated is recognised by the fast counter and not parsed at all, so
linting a large project costs time only for the translations that exist.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import polib

from ..catalog import pofile
from ..catalog.scan import scan
from ..errors import CatalogError
from ..languages import Language, UnknownLanguage, get_language
from ..util.selection import select_languages, select_pages
from .checks import REGISTRY, BoundCheck, CheckContext, Finding, Subject, display_path

if TYPE_CHECKING:
    from ..catalog.layout import CatalogLayout

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LintReport:
    findings: tuple[Finding, ...]
    files: int
    """Files looked at (including those with nothing translated)."""
    strings: int
    """Strings checked."""

    @property
    def errors(self) -> int:
        return sum(finding.severity == "error" for finding in self.findings)

    @property
    def warnings(self) -> int:
        return sum(finding.severity == "warning" for finding in self.findings)

    @property
    def exit_code(self) -> int:
        """1 when an error was found, else 0."""
        return 1 if self.errors else 0

    def summary(self) -> str:
        return (
            f"{_plural(self.errors, 'error')}, {_plural(self.warnings, 'warning')} "
            f"in {_plural(self.strings, 'string')} of {_plural(self.files, 'file')}"
        )

    def to_json(self, root: Path | None = None) -> dict[str, object]:
        """The stable JSON form documented in the README (``kisync lint --format json``)."""
        return {
            "files": self.files,
            "strings": self.strings,
            "errors": self.errors,
            "warnings": self.warnings,
            "findings": [finding.to_json(root) for finding in self.findings],
        }


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def lint_project(
    catalogs: CatalogLayout,
    languages: Iterable[str] = (),
    pages: Iterable[str] = (),
    *,
    context: CheckContext | None = None,
    checks: Iterable[str] | None = None,
) -> LintReport:
    """Check the catalogs of the selected languages and pages, and their templates.

    ``context``: what the checks made by factories use (glossary …); without it they
    are left out. ``checks``: the names of the checks to run (default: all).
    """
    chosen = select_languages(catalogs.target_languages(), languages)
    keys = select_pages(catalogs, pages)
    files = [(catalogs.template_path(key), None) for key in keys]
    files += [(catalogs.catalog_path(lang.code, key), lang) for lang in chosen for key in keys]
    linter = _Linter(context, checks, catalogs.folder)
    return linter.run((path, lang) for path, lang in files if path.exists())


def lint_files(
    paths: Sequence[Path],
    context: CheckContext | None = None,
    *,
    catalogs: CatalogLayout | None = None,
    checks: Iterable[str] | None = None,
) -> LintReport:
    """Check the given PO/POT files (a ``.pot`` file gets the source checks).

    A catalog's language comes from its ``Language`` header, else from its folder
    below ``catalogs`` (``po/<lang>/…``), else from its own folder. Checks that need a
    project (glossary) run only with a ``context`` (:func:`kisync.project.project_for`
    finds the project a file is in).
    """
    folder = catalogs.folder if catalogs is not None else None
    return _Linter(context, checks, folder).run((Path(path), None) for path in paths)


def translation_checks(context: CheckContext | None) -> list[BoundCheck]:
    """Every check of translated strings (``lint`` runs these, the publish gate too)."""
    return [c for c in REGISTRY.bind(context) if c.spec.scope == "translation"]


def translation_findings(
    catalog: polib.POFile, language: Language | None, path: Path, checks: Sequence[BoundCheck]
) -> Iterator[Finding]:
    """What ``checks`` find in the translated strings of ``catalog`` (not fuzzy, not empty)."""
    for subject in _subjects(catalog, language, path, source=False):
        for bound in checks:
            yield from bound.run(subject)


class _Linter:
    def __init__(
        self, context: CheckContext | None, checks: Iterable[str] | None, folder: Path | None
    ) -> None:
        self.catalogs_dir = folder
        bound = REGISTRY.bind(context, checks)
        self.translation_checks = [c for c in bound if c.spec.scope == "translation"]
        self.source_checks = [c for c in bound if c.spec.scope == "source"]
        self.header_checks = [c for c in bound if c.spec.scope == "header"]

    def run(self, files: Iterable[tuple[Path, Language | None]]) -> LintReport:
        findings: list[Finding] = []
        count = strings = 0
        for path, language in files:
            count += 1
            if path.suffix == ".pot":
                strings += self._template(path, findings)
            else:
                strings += self._catalog(path, language, findings)
        return LintReport(tuple(findings), count, strings)

    def _template(self, path: Path, findings: list[Finding]) -> int:
        if not self.source_checks:
            return 0
        subjects = _subjects(pofile.read(path), None, path, source=True)
        return _run(self.source_checks, subjects, findings)

    def _catalog(self, path: Path, language: Language | None, findings: list[Finding]) -> int:
        """The header checks, and the translation checks when something is translated
        (a catalog with nothing translated is not parsed beyond its header)."""
        translated = bool(self.translation_checks) and not _nothing_translated(path)
        if not translated and not self.header_checks:
            return 0
        catalog = pofile.read(path) if translated else _header_of(path)
        if language is None:
            language = self._language_of(catalog, path)
        _run(self.header_checks, _header_subjects(catalog, language, path), findings)
        if not translated:
            return 0
        subjects = _subjects(catalog, language, path, source=False)
        return _run(self.translation_checks, subjects, findings)

    def _language_of(self, catalog: polib.POFile, path: Path) -> Language | None:
        candidates = [catalog.metadata.get("Language", "")]
        if self.catalogs_dir is not None:
            with contextlib.suppress(ValueError):
                candidates.append(path.resolve().relative_to(self.catalogs_dir).parts[0])
        candidates.append(path.parent.name)
        for code in candidates:
            if code:
                try:
                    return get_language(code)
                except UnknownLanguage:
                    continue
        log.info("%s: no Language header; language-specific checks see none", path)
        return None


def _run(checks: list[BoundCheck], subjects: Iterable[Subject], findings: list[Finding]) -> int:
    """Run ``checks`` on each subject; the number of subjects."""
    count = 0
    for subject in subjects:
        count += 1
        for bound in checks:
            findings.extend(bound.run(subject))
    return count


def _header_of(path: Path) -> polib.POFile:
    """A catalog's first entries, the header among them, without parsing the whole file."""
    data = _read(path)
    end = data.find(b"\n\n")
    try:
        return pofile.parse(data[: end + 1] if end >= 0 else data, path)
    except CatalogError:
        return pofile.parse(data, path)  # the problem, with the right line


def _header_subjects(catalog: polib.POFile, language: Language | None, path: Path) -> list[Subject]:
    if not catalog.metadata:
        return []
    header = catalog.metadata_as_entry()
    return [Subject(header, "", header.msgstr, language, path, _header_line(path))]


def _header_line(path: Path) -> int:
    for number, line in enumerate(_read(path).split(b"\n"), start=1):
        if line.startswith(b'msgid ""'):
            return number
    return 1


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise CatalogError(path, f"cannot be read: {error.strerror or error}") from None


def _nothing_translated(path: Path) -> bool:
    counts = scan(_read(path), words=False)
    return counts is not None and counts.translated == 0


def _subjects(
    catalog: polib.POFile, language: Language | None, path: Path, source: bool
) -> Iterator[Subject]:
    for entry in catalog:
        if entry.obsolete or (entry.msgid == "" and entry.msgctxt is None):
            continue
        line = entry.linenum or 0
        if source:
            for text in filter(None, (entry.msgid, entry.msgid_plural)):
                yield Subject(entry, text, "", None, path, line)
            continue
        if "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural:
            forms = sorted(entry.msgstr_plural.items())
            if not forms or not forms[0][1]:
                continue  # untranslated, as msgfmt counts it
            for index, text in forms:
                if text:
                    origin = entry.msgid if index == 0 else entry.msgid_plural
                    yield Subject(entry, origin, text, language, path, line)
        elif entry.msgstr:
            yield Subject(entry, entry.msgid, entry.msgstr, language, path, line)


__all__ = ["LintReport", "display_path", "lint_files", "lint_project"]
