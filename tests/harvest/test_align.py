"""Aligning a German page with a translated page that drifted from it."""

from __future__ import annotations

import pytest

from kisync.extract import ExtractRules
from kisync.harvest import align_page
from kisync.harvest.language import still_german

RULES = ExtractRules(content="main")

GERMAN_BLOCKS = [
    "<h1>Integrationskurse</h1>",
    "<p>Im Integrationskurs lernen Sie Deutsch. Der Kurs dauert meist sechs Monate.</p>",
    "<h2>Anmeldung</h2>",
    "<p>Melden Sie sich bei der <a href='/abh/'>Ausländerbehörde</a> an. Bringen Sie Ihren Pass mit.</p>",
    "<ul><li>Montag: 9 bis 12 Uhr</li><li>Dienstag: 14 bis 16 Uhr</li><li>Donnerstag: 8 bis 11 Uhr</li></ul>",
    "<p>Die Kurse kosten 2,29 Euro pro Stunde. Mit Bürgergeld ist der Kurs kostenlos.</p>",
    "<p>Fragen beantwortet das Team unter <a href='mailto:ki@kreis.example'>ki@kreis.example</a>.</p>",
    "<h2>Kinderbetreuung</h2>",
    "<p>Einige Kurse bieten eine Kinderbetreuung an. Fragen Sie früh nach, die Plätze sind knapp.</p>",
]
ENGLISH_BLOCKS = [
    "<h1>Integration courses</h1>",
    "<p>In the integration course you learn German. The course usually takes six months.</p>",
    "<h2>Registration</h2>",
    "<p>Register with the <a href='/en/abh/'>immigration office</a>. Bring your passport.</p>",
    "<ul><li>Monday: 9 to 12</li><li>Tuesday: 14 to 16</li><li>Thursday: 8 to 11</li></ul>",
    "<p>The courses cost 2.29 euros per hour. With Bürgergeld the course is free.</p>",
    "<p>The team answers questions at <a href='mailto:ki@kreis.example'>ki@kreis.example</a>.</p>",
    "<h2>Childcare</h2>",
    "<p>Some courses offer childcare. Ask early, places are limited.</p>",
]


def page(blocks: list[str], lang: str = "de") -> str:
    return f'<html lang="{lang}"><head><title>T</title></head><body><main>{"".join(blocks)}</main></body></html>'


def harvest(german: list[str], translated: list[str], language: str = "en") -> dict[str, str]:
    result = align_page(
        page(german),
        page(translated, language),
        language,
        RULES,
        german_url="/kurse/",
        translated_url=f"/{language}/kurse/",
        prefixes=["en", "ar", "tr"],
    )
    return {item.msgid: item.msgstr for item in result.proposals}


def pairs(german: list[str], translated: list[str], language: str = "en"):
    return align_page(
        page(german),
        page(translated, language),
        language,
        RULES,
        german_url="/kurse/",
        translated_url=f"/{language}/kurse/",
        prefixes=["en"],
    )


def test_a_faithful_translation_pairs_every_block() -> None:
    found = harvest(GERMAN_BLOCKS, ENGLISH_BLOCKS)
    assert found["Integrationskurse"] == "Integration courses"
    assert found["Montag: 9 bis 12 Uhr"] == "Monday: 9 to 12"
    assert found["Donnerstag: 8 bis 11 Uhr"] == "Thursday: 8 to 11"
    # links are matched by target (/en/abh/ is /abh/), e-mails by address
    assert (
        found["Melden Sie sich bei der <a1>Ausländerbehörde</a1> an. Bringen Sie Ihren Pass mit."]
        == "Register with the <a1>immigration office</a1>. Bring your passport."
    )
    assert len(found) == 11  # every block but the page title "T" (the same in both)


def test_an_added_paragraph_pairs_with_nothing() -> None:
    added = "<p>This English page is a summary; the German page is authoritative.</p>"
    translated = [*ENGLISH_BLOCKS[:2], added, *ENGLISH_BLOCKS[2:]]
    found = harvest(GERMAN_BLOCKS, translated)
    assert "This English page is a summary; the German page is authoritative." not in found.values()
    assert found["Anmeldung"] == "Registration"
    # the paragraph next to the added one is paired correctly or (too alike) not at all
    first = "Im Integrationskurs lernen Sie Deutsch. Der Kurs dauert meist sechs Monate."
    assert found.get(first, ENGLISH_BLOCKS[1][3:-4]) == ENGLISH_BLOCKS[1][3:-4]
    assert len(found) >= 10


def test_a_removed_list_item_leaves_its_german_string_empty() -> None:
    translated = list(ENGLISH_BLOCKS)
    translated[4] = "<ul><li>Monday: 9 to 12</li><li>Thursday: 8 to 11</li></ul>"
    found = harvest(GERMAN_BLOCKS, translated)
    assert "Dienstag: 14 bis 16 Uhr" not in found
    assert found["Montag: 9 bis 12 Uhr"] == "Monday: 9 to 12"
    assert found["Donnerstag: 8 bis 11 Uhr"] == "Thursday: 8 to 11"


def test_merged_paragraphs_are_not_harvested_for_either_german_string() -> None:
    merged = (
        "<p>The courses cost 2.29 euros per hour. With Bürgergeld the course is free. "
        "The team answers questions at <a href='mailto:ki@kreis.example'>ki@kreis.example</a>.</p>"
    )
    translated = [*ENGLISH_BLOCKS[:5], merged, *ENGLISH_BLOCKS[7:]]
    result = pairs(GERMAN_BLOCKS, translated)
    found = {item.msgid: item.msgstr for item in result.proposals}
    assert not any("2,29" in msgid for msgid in found)
    assert not any("Fragen beantwortet" in msgid for msgid in found)
    assert result.merged == 1
    assert found["Kinderbetreuung"] == "Childcare"


def test_a_split_paragraph_is_not_harvested() -> None:
    translated = list(ENGLISH_BLOCKS)
    translated[5] = (
        "<p>The courses cost 2.29 euros per hour.</p><p>With Bürgergeld the course is free.</p>"
    )
    result = pairs(GERMAN_BLOCKS, translated)
    assert not any("2,29" in item.msgid for item in result.proposals)
    assert result.merged == 1


def test_a_moved_block_is_found_by_its_anchors() -> None:
    translated = list(ENGLISH_BLOCKS)
    # the e-mail paragraph moves to the top
    translated.insert(1, translated.pop(6))
    found = harvest(GERMAN_BLOCKS, translated)
    msgid = "Fragen beantwortet das Team unter <a1><x1/></a1>."  # the address is kept as it is
    assert found[msgid] == "The team answers questions at <a1><x1/></a1>."
    assert found["Kinderbetreuung"] == "Childcare"


def test_german_left_in_the_translation_is_never_harvested() -> None:
    translated = list(ENGLISH_BLOCKS)
    translated[1] = (
        "<p>In the integration course you learn German. Der Kurs dauert meist sechs Monate.</p>"
    )
    translated[7] = "<h2>Kinderbetreuung</h2>"
    translated[8] = f'<p lang="de">{GERMAN_BLOCKS[8][3:-4]}</p>'
    result = pairs(GERMAN_BLOCKS, translated)
    found = {item.msgid: item.msgstr for item in result.proposals}
    assert not any("Deutsch" in msgid for msgid in found)
    assert "Kinderbetreuung" not in found
    assert not any("Kinderbetreuung an" in msgid for msgid in found)
    reasons = {item.msgid[:20]: item.reason for item in result.harvested if not item.msgstr}
    assert reasons["Im Integrationskurs "] == "still German"
    assert result.still_german >= 3  # (the page title "T" is the same in both)
    assert found["Anmeldung"] == "Registration"


def test_pairs_are_never_made_on_position_alone() -> None:
    """Two plain German paragraphs, one plain translated paragraph between the same
    neighbours: either could be its original, so neither is paired."""
    german = [
        "<h2>Anmeldung</h2>",
        "<p>Das Büro ist freundlich und hilft Ihnen gerne weiter.</p>",
        "<p>Die Wartezeit ist manchmal lang, bitte haben Sie Geduld mit uns.</p>",
        "<h2>Kinderbetreuung</h2>",
    ]
    english = [
        "<h2>Registration</h2>",
        "<p>The waiting time is sometimes long, please be patient.</p>",
        "<h2>Childcare</h2>",
    ]
    found = harvest(german, english)
    assert found == {"Anmeldung": "Registration", "Kinderbetreuung": "Childcare"}


def test_tags_are_renamed_to_the_german_strings_tags() -> None:
    german = [
        "<p>Infos beim <a href='https://www.bamf.de/'>BAMF</a> und bei der "
        "<a href='/abh/'>Ausländerbehörde</a>, <strong>nicht</strong> beim Amt.</p>"
    ]
    english = [
        "<p>Not (<b>never</b>) at the office: ask the <a href='/en/abh/'>immigration office</a> "
        "or the <a href='https://www.bamf.de'>BAMF</a>.</p>"
    ]
    found = harvest(german, english)
    assert list(found.values()) == [
        "Not (<b1>never</b1>) at the office: ask the <a2>immigration office</a2> or the <a1>BAMF</a1>."
    ]


def test_a_dropped_abbreviation_is_put_back_and_extra_markup_dropped() -> None:
    german = ["<p>Die Kurse werden vom <abbr title='Bundesamt'>BAMF</abbr> gefördert.</p>"]
    english = ["<p>The courses are funded by the <em>BAMF</em>.</p>"]
    assert harvest(german, english) == {
        "Die Kurse werden vom <span1>BAMF</span1> gefördert.": "The courses are funded by the <span1>BAMF</span1>."
    }


def test_missing_bold_cannot_be_mapped_so_the_pair_is_not_harvested() -> None:
    german = [
        "<h2>Kosten</h2>",
        "<p>Der Kurs ist <strong>kostenlos</strong> für alle mit 2 Kindern.</p>",
    ]
    english = ["<h2>Costs</h2>", "<p>The course is free for everyone with 2 children.</p>"]
    result = pairs(german, english)
    reasons = {item.msgid: item.reason for item in result.harvested}
    assert reasons["Der Kurs ist <b1>kostenlos</b1> für alle mit 2 Kindern."] == "tags differ"


def test_an_unrelated_page_gets_a_low_confidence() -> None:
    other = [
        "<h1>Leisure</h1>",
        "<p>The library in Heinsberg lends books in 12 languages.</p>",
        "<p>Swimming pools: see <a href='/en/baeder/'>the list</a>.</p>",
    ]
    result = pairs(GERMAN_BLOCKS, other)
    assert result.confidence < 50


@pytest.mark.parametrize(
    ("text", "language", "german"),
    [
        ("In the integration course you learn German.", "en", False),
        ("You receive Bürgergeld from the Jobcenter.", "en", False),
        ("Bring your passport. Der Kurs dauert meist sechs Monate.", "en", True),
        ("Häufige Fragen", "en", False),  # a two-word heading alone: decided by the pair
        (
            "Uyum kursunda Almanca öğrenirsiniz ve Almanya'daki yaşam hakkında çok şey öğrenirsiniz.",
            "tr",
            False,
        ),
        (
            "Kuzey Ren-Vestfalya'da veliler aidat ödemez. Viele Kitas bieten außerdem Eltern-Kind-Gruppen an.",
            "tr",
            True,
        ),
        ("يجب أن يكون كل شخص في ألمانيا مؤمَّناً صحياً.", "ar", False),
        ("دائرة هاينسبرغ Musterstraße 12 52525 Heinsberg", "ar", False),
        ("على الرقم ١١٦ ١١٧. Der Anruf ist kostenlos.", "ar", True),
        ("Тут ми пояснюємо найважливіші кроки процедури.", "uk", False),
        ("Eine Duldung ist kein Aufenthaltstitel.", "uk", True),
        ("Вы можете выбрать больничную кассу сами.", "ru", False),
        ("این وب‌سایت یک صفحهٔ نمایشی است.", "fa", False),
        ("Diese Website ist eine Demonstrationsseite.", "fa", True),
    ],
)
def test_german_is_recognised_in_every_script(text: str, language: str, german: bool) -> None:
    assert still_german(text, language) is german


def test_a_german_text_of_the_page_is_german_even_without_function_words() -> None:
    source = ["Integrationskurse, Orientierungskurse, Berufssprachkurse – Heinsberg"]
    assert still_german(
        "Integrationskurse, Orientierungskurse, Berufssprachkurse – Heinsberg", "en", source
    )


def test_no_break_spaces_stay_as_they_are() -> None:
    german = ["<p>Rufen Sie uns an: <a href='tel:+492452134200'>02452&nbsp;13-4200</a>.</p>"]
    english = ["<p>Call us on <a href='tel:+492452134200'>02452&nbsp;13-4200</a>.</p>"]
    assert list(harvest(german, english).values()) == ["Call us on <a1>02452\xa013-4200</a1>."]


def test_a_full_stop_after_a_number_or_an_abbreviation_ends_no_sentence() -> None:
    german = ["<p>Melden Sie sich bis zum 15. März an, z. B. per Telefon.</p>"]
    english = ["<p>Register by 15 March, e.g. by phone.</p>"]
    assert list(harvest(german, english).values()) == ["Register by 15 March, e.g. by phone."]


def test_text_marked_german_inside_a_translated_paragraph_is_not_harvested() -> None:
    german = ["<h2>Anmeldung</h2>", "<p>Melden Sie sich an. Pass, Foto, Meldezettel.</p>"]
    marked = '<p>Please register. <span lang="de">Pass, Foto, Meldezettel.</span></p>'
    english = ["<h2>Registration</h2>", marked]
    result = pairs(german, english)
    assert {item.msgid: item.msgstr for item in result.proposals} == {"Anmeldung": "Registration"}
    assert result.still_german == 2  # the paragraph and the page title "T"


def test_a_translation_without_the_content_element_is_aligned_as_a_whole() -> None:
    """Made with another theme: no <main>, a menu of its own; German menu text is site text."""
    german = page(GERMAN_BLOCKS).replace("<body>", "<body><nav><a href='/'>Startseite</a></nav>")
    english = page(ENGLISH_BLOCKS, "en").replace("<main>", "<div><ul><li>Home</li></ul>")
    english = english.replace("</main>", "</div>")
    result = align_page(german, english, "en", RULES, prefixes=["en"])
    found = {item.msgid: item.msgstr for item in result.proposals}
    assert found["Anmeldung"] == "Registration"
    assert found["Montag: 9 bis 12 Uhr"] == "Monday: 9 to 12"
    assert result.confidence > 80
