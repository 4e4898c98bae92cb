"""The fast scanner and the full reader count a page's translations alike."""

from __future__ import annotations

import datetime

import polib
import pytest

from kisync.catalog import pofile
from kisync.catalog.review import mark
from kisync.catalog.scan import Counts, scan
from kisync.catalog.translations import State, count_entries, page_entries

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=n != 1;\\n"\n'
)
NO_BODY = HEADER + '"X-Kisync-No-Body-Text: yes\\n"\n'
ENTRIES = """
#. paragraph
msgid "Melden Sie sich beim Jobcenter an."
msgstr "Register at the Jobcenter."

#, fuzzy
#| msgid "Der Kurs beginnt."
msgid "Der Integrationskurs beginnt am 3. Mai."
msgstr "The course starts on 3 May."

#, fuzzy
msgid "Leer und unscharf"
msgstr ""

msgctxt "menu"
msgid "Start"
msgstr "Home"

msgctxt "title"
msgid "Start"
msgstr ""

msgid "ein Kurs"
msgid_plural "<b1>{n}</b1> Kurse"
msgstr[0] "one course"
msgstr[1] "{n} courses"

msgid "eine Datei"
msgid_plural "Dateien"
msgstr[0] ""
msgstr[1] "files"

#~ msgid "Alt"
#~ msgstr "Old"

#, fuzzy
#~ msgid "Auch alt"
#~ msgstr "Also old"
"""
CATALOGS = {
    "full header": HEADER + ENTRIES,
    "fuzzy header": "#, fuzzy\n" + HEADER + ENTRIES,
    "empty header": 'msgid ""\nmsgstr ""\n' + ENTRIES,
    "no header": ENTRIES.lstrip(),
    "no body text": NO_BODY + ENTRIES,
    "no body text, no entries": NO_BODY,
    "crlf": (HEADER + ENTRIES).replace("\n", "\r\n"),
}


def with_review_marks(text: str) -> str:
    """The catalog with a valid mark on one translation and a stale one on another."""
    catalog = pofile.loads(text)
    day = datetime.date(2025, 5, 1)
    mark(catalog.find("Melden Sie sich beim Jobcenter an."), "Prüfgruppe", day)
    stale = catalog.find("Start", msgctxt="menu")
    mark(stale, "Prüfgruppe", day)
    stale.msgstr = "Start page"  # changed after the review
    return pofile.dumps(catalog)


CATALOGS["review marks"] = with_review_marks(HEADER + ENTRIES)


@pytest.mark.parametrize("name", sorted(CATALOGS))
def test_scanner_and_full_reader_count_alike(name):
    data = CATALOGS[name].encode("utf-8")
    fast = scan(data)
    assert fast is not None, "the scanner should know gettext's own layout"
    assert count_entries(pofile.parse(data)) == fast


def test_what_counts():
    counts = count_entries(pofile.loads(NO_BODY + ENTRIES))
    # 7 live entries + the text kisync did not find; obsolete ones never count
    assert counts == Counts(
        total=8, translated=3, fuzzy=1, untranslated=4, words_total=24, words_translated=11
    )
    states = [
        (c.entry.msgid if c.entry else None, c.state)
        for c in page_entries(pofile.loads(NO_BODY + ENTRIES))
    ]
    assert states[0] == (None, State.UNTRANSLATED)
    assert ("eine Datei", State.UNTRANSLATED) in states  # msgstr[0] decides
    assert ("Leer und unscharf", State.UNTRANSLATED) in states  # empty, although fuzzy


def test_a_counted_entry_has_the_translation_that_decides():
    catalog = polib.POFile()
    catalog.append(polib.POEntry(msgid="a", msgid_plural="b", msgstr_plural={0: "x", 1: "y"}))
    (counted,) = page_entries(catalog)
    assert counted.translation == "x" and counted.state is State.TRANSLATED
