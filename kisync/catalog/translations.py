"""A page's translations: which entries of a catalog count, and the state of each.

One definition for statistics (:mod:`kisync.progress.stats`) and publishing
(:mod:`kisync.publish.gate`). The rules are those of GNU ``msgfmt --statistics``:

- obsolete entries (``#~``) do not count;
- an entry whose translation (``msgstr``, ``msgstr[0]`` for plural entries) is empty is
  *untranslated*, fuzzy or not; otherwise a ``fuzzy`` entry is *fuzzy*, any other
  *translated*;
- the header (``msgid ""`` without ``msgctxt``) does not count, except that a header
  whose ``msgstr`` is empty counts as untranslated, as msgfmt counts it;
- kisync's own addition: a catalog whose header has ``X-Kisync-No-Body-Text`` counts one
  more untranslated string, the page text kisync did not find.

:func:`kisync.catalog.scan.scan` is the fast path of this same definition: it counts
catalogs in gettext's own layout on their bytes, without parsing them; files it does not
recognise are read in full and counted with :func:`count_entries`. Both must agree
(``tests/catalog/test_translations.py`` feeds them the same catalogs).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

import polib

from ..model import NO_BODY_TEXT
from .review import is_reviewed
from .scan import Counts, count_words


class State(Enum):
    TRANSLATED = "translated"
    FUZZY = "fuzzy"
    UNTRANSLATED = "untranslated"


@dataclass(frozen=True, slots=True)
class CountedEntry:
    """One string a page counts."""

    entry: polib.POEntry | None
    """None for a string with no entry: an empty header, the missing body text."""
    state: State
    translation: str = ""
    """``msgstr``, or ``msgstr[0]`` of a plural entry."""


def translation(entry: polib.POEntry) -> str:
    """The translation that decides an entry's state: ``msgstr`` or ``msgstr[0]``."""
    return entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr


def state(entry: polib.POEntry) -> State:
    if not translation(entry):
        return State.UNTRANSLATED
    return State.FUZZY if "fuzzy" in entry.flags else State.TRANSLATED


def page_entries(catalog: polib.POFile) -> Iterator[CountedEntry]:
    """The strings a catalog read in full counts (see the module documentation)."""
    # polib takes the header out of the entries: ``metadata_is_fuzzy`` becomes its
    # (possibly empty) list of flags when there was one.
    if isinstance(catalog.metadata_is_fuzzy, list) and not catalog.metadata:
        yield CountedEntry(None, State.UNTRANSLATED)
    if NO_BODY_TEXT in catalog.metadata:
        yield CountedEntry(None, State.UNTRANSLATED)
    for entry in catalog:
        if entry.obsolete:
            continue
        text = translation(entry)
        if entry.msgid == "" and entry.msgctxt is None and text:
            continue  # a second header
        yield CountedEntry(entry, state(entry), text)


def count_entries(catalog: polib.POFile) -> Counts:
    """What :func:`kisync.catalog.scan.scan` counts, for a catalog read in full."""
    total = translated = fuzzy = words_total = words_translated = reviewed = 0
    for counted in page_entries(catalog):
        entry = counted.entry
        words = count_words(entry.msgid) + count_words(entry.msgid_plural or "") if entry else 0
        total += 1
        words_total += words
        if counted.state is State.FUZZY:
            fuzzy += 1
        elif counted.state is State.TRANSLATED:
            assert entry is not None
            translated += 1
            words_translated += words
            reviewed += is_reviewed(entry)
    untranslated = total - translated - fuzzy
    return Counts(total, translated, fuzzy, untranslated, words_total, words_translated, reviewed)
