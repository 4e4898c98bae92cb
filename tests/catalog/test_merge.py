"""Templates and gettext merge semantics: nothing a translator wrote is ever lost."""

from __future__ import annotations

import polib

from kisync.catalog.merge import (
    PageInfo,
    build_template,
    diff_templates,
    merge,
    segment_notes,
    template_entries,
)
from kisync.extract import extract_page
from kisync.languages import get_language

PAGE = PageInfo("bildung/kurse", title="Kurse", url="https://example.org/bildung/kurse/")
ARABIC = get_language("ar")


def template(*texts: str) -> polib.POFile:
    entries = [polib.POEntry(msgid=text, occurrences=[("p.html", "1")]) for text in texts]
    return build_template(PAGE, entries, "2026-11-22 10:00+0000")


def translated(catalog: polib.POFile, **translations: str) -> polib.POFile:
    for entry in catalog:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    return catalog


def by_id(catalog: polib.POFile) -> dict[str, polib.POEntry]:
    return {entry.msgid: entry for entry in catalog if not entry.obsolete}


def test_new_catalog_header():
    catalog = merge(template("Hallo"), None, ARABIC, PAGE).catalog
    meta = catalog.metadata
    assert meta["Language"] == "ar"
    assert meta["Plural-Forms"] == ARABIC.plural_forms
    assert meta["Content-Type"] == "text/plain; charset=UTF-8"
    assert meta["X-Kisync-Page"] == "bildung/kurse"
    assert meta["X-Kisync-Source-URL"] == "https://example.org/bildung/kurse/"
    assert len(meta["X-Kisync-Source-Hash"]) == 16
    assert "Arabic" in catalog.header


def test_translations_are_kept():
    first = translated(merge(template("Hallo", "Welt"), None, ARABIC, PAGE).catalog, Hallo="مرحبا")
    second = merge(template("Hallo", "Welt", "Neu"), first, ARABIC, PAGE)
    assert by_id(second.catalog)["Hallo"].msgstr == "مرحبا"
    assert "fuzzy" not in by_id(second.catalog)["Hallo"].flags
    assert (second.new, second.changed, second.obsoleted) == (1, 0, 0)


def test_changed_source_becomes_fuzzy_with_previous_msgid():
    old_text = "Melden Sie sich bei der Ausländerbehörde an."
    new_text = "Melden Sie sich rechtzeitig bei der Ausländerbehörde an."
    first = translated(merge(template(old_text), None, ARABIC, PAGE).catalog, **{old_text: "سجل"})
    result = merge(template(new_text), first, ARABIC, PAGE)
    entry = by_id(result.catalog)[new_text]
    assert "fuzzy" in entry.flags
    assert entry.previous_msgid == old_text
    assert entry.msgstr == "سجل"
    assert (result.new, result.changed, result.obsoleted) == (0, 1, 0)
    assert not [e for e in result.catalog if e.obsolete]


def test_removed_source_becomes_obsolete_with_translation():
    first = translated(
        merge(template("Bleibt", "Fällt weg", "Nie übersetzt"), None, ARABIC, PAGE).catalog,
        Bleibt="يبقى",
        **{"Fällt weg": "يسقط"},
    )
    result = merge(template("Bleibt"), first, ARABIC, PAGE)
    obsolete = [entry for entry in result.catalog if entry.obsolete]
    assert [(e.msgid, e.msgstr) for e in obsolete] == [("Fällt weg", "يسقط")]
    assert result.obsoleted == 1


def test_obsolete_entry_is_revived():
    first = translated(merge(template("Alt"), None, ARABIC, PAGE).catalog, Alt="قديم")
    gone = merge(template("Anderes Thema ganz neu"), first, ARABIC, PAGE).catalog
    back = merge(template("Alt"), gone, ARABIC, PAGE).catalog
    assert by_id(back)["Alt"].msgstr == "قديم"
    assert not [entry for entry in back if entry.obsolete]


def test_translator_comments_flags_and_header_survive():
    first = translated(merge(template("Hallo"), None, ARABIC, PAGE).catalog, Hallo="مرحبا")
    first[0].tcomment = "checked by Amal"
    first.metadata["Last-Translator"] = "Amal <amal@example.org>"
    first.header = "Custom header"
    result = merge(template("Hallo", "Neu"), first, ARABIC, PAGE).catalog
    assert by_id(result)["Hallo"].tcomment == "checked by Amal"
    assert result.metadata["Last-Translator"] == "Amal <amal@example.org>"
    assert result.header == "Custom header"


def test_fuzzy_matching_is_one_to_one():
    old = translated(
        merge(template("Öffnungszeiten am Montag", "Sprechstunde"), None, ARABIC, PAGE).catalog,
        **{"Öffnungszeiten am Montag": "الاثنين"},
    )
    result = merge(
        template("Öffnungszeiten am Montag!", "Öffnungszeiten am Montags"), old, ARABIC, PAGE
    ).catalog
    fuzzies = [entry for entry in result if "fuzzy" in entry.flags]
    assert len(fuzzies) == 1
    assert [e.msgstr for e in result if not e.obsolete and e.msgstr] == ["الاثنين"]


def test_unrelated_text_is_not_matched():
    old = translated(merge(template("Kontakt"), None, ARABIC, PAGE).catalog, Kontakt="اتصل")
    result = merge(template("Schulpflicht in Nordrhein-Westfalen"), old, ARABIC, PAGE)
    assert by_id(result.catalog)["Schulpflicht in Nordrhein-Westfalen"].msgstr == ""
    assert result.obsoleted == 1


def test_duplicates_become_one_entry_with_two_locations_and_notes():
    page = extract_page(
        "<main><h2>Kontakt</h2><table><tr><td>Kontakt</td></tr></table>"
        '<p>Zur <a href="/abh/">Behörde</a></p></main>'
    )
    entries = template_entries(page.segments, "portal/kurse.html")
    assert [entry.msgid for entry in entries] == ["Kontakt", "Zur <a1>Behörde</a1>"]
    assert entries[0].occurrences == [("portal/kurse.html", "1")]
    assert entries[0].comment == "heading (h2); table cell"
    assert entries[1].comment == "paragraph\n<a1>…</a1> = link to /abh/"


def test_notes_describe_wrappers_and_atomics():
    page = extract_page(
        '<main><ul><li><a href="/kita/">Kita</a></li></ul>'
        '<p>In der <span translate="no">Valkenburger Straße</span> <img src="x.png" alt=""> hier</p></main>'
    )
    assert segment_notes(page.segments[0]) == ["link to /kita/ in list item"]
    assert segment_notes(page.segments[1])[1:] == [
        '<x1/> = kept unchanged: "Valkenburger Straße"',
        "<x2/> = image x.png",
    ]


def test_diff_templates():
    diff = diff_templates(
        ["Guten Tag", "Melden Sie sich bei der Behörde an.", "Weg"],
        ["Guten Tag", "Melden Sie sich bitte bei der Behörde an.", "Ganz neu hier"],
    )
    assert (diff.new, diff.changed, diff.removed) == (1, 1, 1)
