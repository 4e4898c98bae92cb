"""The publish gate: which translations of a catalog may go live.

A catalog is read with the strict reader of ``pull`` and ``lint``
(:func:`kisync.catalog.pofile.read`): a file with a NUL byte, a message defined twice or
broken syntax raises :class:`~kisync.errors.CatalogError` and is not published at all. Of
the rest, a translation is published only when it is not empty, not fuzzy, not a plural form, and
no ``kisync lint`` check reports an error in it (a changed number or phone number, a
placeholder dropped, markup, a shortcode …): the checks of :mod:`kisync.translate.lint`
are the one definition of "error". A translation held back counts as untranslated,
so the page's completeness and ``min_completeness`` see it, and its German text is
published instead, marked ``lang="de"``. For the languages of ``[publish] require_review``
(Leichte Sprache) a translation without a valid review mark (:mod:`kisync.catalog.review`) is held
back the same way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polib

from ..catalog import pofile
from ..catalog.review import is_reviewed
from ..catalog.translations import State, page_entries
from ..errors import CatalogError
from ..languages import Language
from ..translate.checks import CheckContext, Finding
from ..translate.lint import translation_checks, translation_findings
from .render import Translations

MessageKey = tuple[str, str]
"""``(msgctxt or "", msgid)``: how a page's string finds its entry."""


@dataclass(frozen=True)
class Catalog:
    """What publishing needs from one catalog."""

    known: frozenset[MessageKey]
    """Every entry, translated or not."""
    translations: Translations
    """The translations that may be published."""
    total: int = 0
    """Entries counted as ``kisync stats`` counts them."""
    translated: int = 0
    """Of those, translated, not fuzzy, and not held back."""
    held_back: tuple[Finding, ...] = ()
    """The lint errors that kept a translation off the portal."""

    @property
    def completeness(self) -> float:
        """Percent of the entries that may be published (100 for an empty catalog)."""
        return 100.0 * self.translated / self.total if self.total else 100.0


EMPTY = Catalog(frozenset(), {})


class PublishGate:
    """Reads catalogs for publishing; see the module documentation."""

    def __init__(
        self, context: CheckContext | None = None, require_review: Iterable[str] = ()
    ) -> None:
        """``context``: what the checks use (without it, the checks made by factories,
        such as the glossary's, are left out)."""
        self.checks = translation_checks(context)
        self.require_review = frozenset(require_review)
        """Languages whose translations are published only once reviewed."""
        names = [check.spec.name for check in self.checks]
        names += [f"reviewed only: {code}" for code in sorted(self.require_review)]
        self.fingerprint = _fingerprint(context.glossary_files if context else (), names)
        """Changes when what the checks find may change (another check, glossary)."""

    def read(self, path: Path, language: Language, data: bytes | None = None) -> Catalog:
        """The catalog at ``path`` (its ``data`` when already read), :data:`EMPTY` when
        there is none; :class:`CatalogError` when it is broken."""
        if data is None:
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                return EMPTY
            except OSError as error:
                raise CatalogError(path, f"cannot be read ({error.strerror})") from None
        if not data:
            return EMPTY
        return self.gate(pofile.parse(data, path), language, path)

    def gate(self, catalog: polib.POFile, language: Language, path: Path) -> Catalog:
        errors = [
            finding
            for finding in translation_findings(catalog, language, path, self.checks)
            if finding.severity == "error"
        ]
        blocked = {(finding.msgctxt or "", finding.msgid) for finding in errors}
        known: set[MessageKey] = set()
        translations: dict[MessageKey, str] = {}
        total = translated = 0
        reviewed_only = language.code in self.require_review
        for counted in page_entries(catalog):
            total += 1
            entry = counted.entry
            if entry is None:  # the text kisync did not find, an empty header
                continue
            key = (entry.msgctxt or "", entry.msgid)
            known.add(key)
            if counted.state is not State.TRANSLATED or key in blocked:
                continue
            if reviewed_only and not is_reviewed(entry):
                continue
            translated += 1
            if not entry.msgid_plural:
                translations[key] = counted.translation
        return Catalog(frozenset(known), translations, total, translated, tuple(errors))


def _fingerprint(glossary_files: Iterable[Path], checks: list[str]) -> str:
    digest = hashlib.sha256("\0".join(checks).encode())
    for path in glossary_files:
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\0missing")
    return digest.hexdigest()[:32]
