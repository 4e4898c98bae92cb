"""The standard QA checks, one behaviour at a time, through the real registry."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from kisync.languages import get_language
from kisync.translate.checks import REGISTRY, Subject


def findings(source: str, translation: str, language: str = "ar", flags=()):
    entry = polib.POEntry(msgid=source, msgstr=translation, flags=list(flags))
    subject = Subject(entry, source, translation, get_language(language), Path("x.po"), 7)
    return [f for bound in REGISTRY.bind(None) for f in bound.run(subject)]


def problems(source: str, translation: str, **kwargs) -> list[tuple[str, str]]:
    return [(f.check, f.severity) for f in findings(source, translation, **kwargs)]


# -- placeholders ------------------------------------------------------------------------------

GERMAN = "Melden Sie sich bei der <a1>Ausländerbehörde</a1> in <b1>Heinsberg</b1> an.<br1/>"


def test_reordered_placeholders_are_fine():
    assert problems(GERMAN, "<br1/><b1>هاينسبرغ</b1> في <a1>مكتب الأجانب</a1> سجّل.") == []


@pytest.mark.parametrize(
    ("translation", "expected"),
    [
        (
            "سجّل في <a1>مكتب الأجانب</a1> في هاينسبرغ.<br1/>",
            ["<b1> is missing", "</b1> is missing"],
        ),
        ("سجّل <a1>مكتب الأجانب في <b1>هاينسبرغ</b1>.<br1/>", ["</a1> is missing"]),
        (
            "<a1>x</a1> <b1>y</b1> <a2>z</a2><br1/>",
            ["<a2> is not in the German text", "</a2> is not"],
        ),
        ("<a1>x</a1> <b1>y</b1><br1/><br1/>", ["<br1/> appears more often"]),
        ("<a1>x <b1>y</a1> z</b1><br1/>", ["</a1> closes inside <b1>…</b1>"]),
        ("</a1>x<a1> <b1>y</b1><br1/>", ["</a1> closes first"]),
    ],
)
def test_broken_placeholders_are_errors(translation, expected):
    found = [f for f in findings(GERMAN, translation) if f.check == "placeholders"]
    assert len(found) == len(expected)
    for finding, start in zip(found, expected, strict=True):
        assert finding.severity == "error"
        assert finding.message.startswith(start), finding.message


# -- numbers, URLs, e-mail addresses, phone numbers -------------------------------------------

OFFICE = (
    "Sprechzeiten am 12.03.2025 von 9:00 bis 12:30 Uhr, Gebühr 1.000 €. Tel. 02452 13-4222, "
    "E-Mail integration@kreis-heinsberg.de, mehr unter https://www.kreis-heinsberg.de/integration/."
)


@pytest.mark.parametrize(
    ("language", "translation"),
    [
        (
            "en",
            "Office hours on 12/03/2025 from 9 am to 12:30, fee 1,000 €. Phone +49 2452 13-4222, "
            "e-mail Integration@Kreis-Heinsberg.de, more at www.kreis-heinsberg.de/integration",
        ),
        (
            "ar",
            "ساعات العمل في ١٢٫٠٣٫٢٠٢٥ من ٩:٠٠ إلى ١٢:٣٠، الرسوم ١٬٠٠٠ €. هاتف ٠٢٤٥٢ ١٣-٤٢٢٢، "
            "بريد integration@kreis-heinsberg.de، المزيد: https://www.kreis-heinsberg.de/integration/",
        ),
        (
            "fa",
            "ساعات اداری ۱۲.۰۳.۲۰۲۵ از ۹:۰۰ تا ۱۲:۳۰، هزینه ۱.۰۰۰ €. تلفن ۰۲۴۵۲ ۱۳-۴۲۲۲، "
            "ایمیل integration@kreis-heinsberg.de، اطلاعات بیشتر: https://www.kreis-heinsberg.de/integration/",
        ),
    ],
)
def test_kept_numbers_in_any_digits_and_format_are_fine(language, translation):
    assert problems(OFFICE, translation, language=language) == []


@pytest.mark.parametrize(
    ("translation", "check", "detail"),
    [
        (
            "ساعات ۱۲.۰۳.۲۰۲۵ از ۹:۰۰ تا ۱۳:۳۰، ۱.۰۰۰ €",
            "numbers",
            "12:30",
        ),  # Persian digits, changed
        ("Office hours 12/03/2025 9:00-12:30, fee 100 €", "numbers", "1.000"),
        ("Sprechzeiten 12.03.2025, 9:00 bis 12:30, 1.000 €", "numbers", None),  # fine: control
    ],
)
def test_changed_numbers_are_errors(translation, check, detail):
    source = "Sprechzeiten am 12.03.2025 von 9:00 bis 12:30 Uhr, Gebühr 1.000 €."
    found = [f for f in findings(source, translation) if f.check == check]
    if detail is None:
        assert found == []
    else:
        assert [f.severity for f in found] == ["error"]
        assert detail in found[0].message


def test_changed_and_added_links_are_errors():
    source = "Infos unter https://www.bamf.de/DE/Themen/Integration/ und bei <a1>uns</a1>."
    changed = findings(
        source, "Info at https://www.bamf.de/EN/Themen/Integration/ and <a1>us</a1>."
    )
    assert [(f.check, f.severity) for f in changed] == [("urls", "error"), ("urls", "error")]
    assert "https://www.bamf.de/DE/Themen/Integration/ is missing" in changed[0].message
    assert (
        "https://www.bamf.de/EN/Themen/Integration/ is not in the German text" in changed[1].message
    )
    added = findings("Bei <a1>uns</a1>.", "At <a1>us</a1> or http://evil.example/login.")
    assert [f.check for f in added] == ["urls"]


def test_changed_email_and_phone_are_errors():
    source = "Schreiben Sie an info@ki-heinsberg.de oder rufen Sie 02452 13-4222 an."
    found = problems(source, "Write to info@ki-heinsberg.com or call 02452 13-4223.", language="en")
    assert sorted(found) == [
        ("emails", "error"),
        ("emails", "error"),
        ("phone-numbers", "error"),
        ("phone-numbers", "error"),
    ]
    persian = "به info@ki-heinsberg.de بنویسید یا با ۰۲۴۵۲ ۱۳-۴۲۲۲ تماس بگیرید."
    assert problems(source, persian, language="fa") == []


# -- markup, unchanged text, whitespace -------------------------------------------------------


@pytest.mark.parametrize(
    "translation",
    [
        "Hello <script>alert(1)</script>",
        "Hello <a href='https://evil.example'>here</a>",
        "Hello <b>world</b>",
        "Hello <img src=x onerror=alert(1)>",
        "Hello <!-- hidden -->",
        "Hello &lt;script&gt;",
        "Click javascript:alert(1)",
        "Hello <SCRIPT",
    ],
)
def test_markup_in_a_translation_is_an_error(translation):
    found = [f for f in findings("Hallo Welt", translation, language="en") if f.check == "markup"]
    assert [f.severity for f in found] == ["error"]


@pytest.mark.parametrize(
    "translation",
    ["Children <6 years, a < b, <a1>link</a1>, 3 > 2", "<x1/> and <br1/> only"],
)
def test_placeholders_and_comparisons_are_not_markup(translation):
    source = "Kinder <6 Jahre, a < b, <a1>Link</a1>, 3 > 2 <x1/><br1/>"
    assert [f for f in findings(source, translation, language="en") if f.check == "markup"] == []


def test_unchanged_text_is_a_warning():
    assert problems("Kontakt und Anfahrt", "Kontakt  und Anfahrt", language="en") == [
        ("unchanged", "warning")
    ]


@pytest.mark.parametrize(
    "text",
    ["BAMF", "<x1/> 2025", "KI (BAMF) – eGK", "02452 13-4222", "www.bamf.de", "A1", "–"],
)
def test_names_and_numbers_may_stay_unchanged(text):
    assert problems(text, text, language="en") == []


@pytest.mark.parametrize("flag", ["ignore-unchanged", "ignore-same"])
def test_a_flag_silences_one_check(flag):
    assert problems("Willkommen", "Willkommen", language="tr", flags=[flag]) == []


def test_whitespace_differences_are_warnings():
    found = findings(" Hallo Welt\n", "Hello world", language="en")
    assert [(f.check, f.severity) for f in found] == [
        ("whitespace", "warning"),
        ("whitespace", "warning"),
    ]
    assert found[0].message == "the German text starts with space, the translation with no space"
    assert found[1].message == "the German text ends with line break, the translation with no space"


def test_finding_names_file_line_entry_check_and_severity():
    (finding,) = findings("Seite 3", "صفحة ٤")
    assert finding.to_json(Path.cwd()) == {
        "file": "x.po",
        "line": 7,
        "language": "ar",
        "check": "numbers",
        "severity": "error",
        "message": finding.message,
        "msgctxt": None,
        "msgid": "Seite 3",
    }
