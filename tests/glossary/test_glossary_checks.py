"""The glossary's checks in `kisync lint`: terms in translations, and deprecated German wording."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.demo import copy_demo, copy_pulled

from kisync import Project
from kisync.catalog import pofile
from kisync.cli import cli
from kisync.translate import load_glossary, shipped_glossary_path
from kisync.translate.glossary_checks import contains_term, source_problems, term_problems
from kisync.translate.matcher import Matcher

PAGE = "bildung-sprache/integrationskurse"
INTRO = "Im Integrationskurs lernen Sie Deutsch"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_glossary(shipped_glossary_path()))


@pytest.mark.parametrize(
    ("language", "term", "text"),
    [
        ("ru", "интеграционный курс", "После интеграционного курса вы сдаёте тест."),
        ("uk", "інтеграційний курс", "Інтеграційні курси проходять зранку."),
        ("tr", "uyum kursu", "Uyum kursuna kayıt olun."),
        ("ar", "دورة الاندماج", "سجّل في الدورة الاندماجية أو بدورة الاندماج."),
        ("ar", "تصريح الإقامة", "يجب تجديد تصريح إقامتك."),
        ("fa", "کمک‌هزینه فرزند", "كمك هزينه فرزندان را بگيريد"),
        ("en", "integration course", "Integration Courses start in March."),
        # a German name kept in English, typed without umlauts
        ("en", "Bürgergeld", "Apply for Buergergeld at the Jobcenter."),
        ("en", "Ausländerbehörde", "Go to the Auslanderbehorde (immigration office)."),
        # American spelling of a British term (German sites publish both)
        ("en", "naturalisation", "Apply for naturalization at the district office."),
        ("en", "migration counselling", "Migration Counseling for adult immigrants"),
        ("en", "school enrolment", "School enrollment starts in November."),
        # a word may lack up to two letters of the term's ending
        ("en", "local authorities", "Ask the local authority."),
        ("tr", "iltica başvurusu", "iltica başvuru formu"),
        # Turkish capital İ is i (casefold() makes it i and a combining dot)
        ("tr", "ikamet izni", "İkamet İzni"),
        # the Ukrainian apostrophe is a letter; Russian ё is mostly written е
        ("uk", "обов'язок проживати", "обовʼязку проживати у відведеному місці"),
        ("ru", "группа продлённого дня", "группы продленного дня"),
        # a part in brackets (the German name) may be left out
        ("uk", "основна школа (Hauptschule)", "ваша дитина йде до основної школи"),
        # a short word in capitals may be spelt out or stand elsewhere
        ("en", "tax ID number", "your tax identification number"),
        ("en", "EU citizen", "citizens of the EU"),
        # one word on one side, two on the other
        (
            "en",
            "basic security benefits for jobseekers",
            "benefits for job-seekers (basic security)",
        ),
        ("en", "child daycare", "Child day care is free."),
        ("en", "day-care centre", "Children's daycare centres open at 7."),
    ],
)
def test_terms_are_found_in_inflected_translations(language, term, text):
    assert contains_term(text, term, language)


@pytest.mark.parametrize(
    ("language", "term", "text"),
    [
        ("ru", "интеграционный курс", "Курсы немецкого языка начинаются в марте."),
        ("tr", "uyum kursu", "Almanca kursu başlıyor."),
        ("en", "health insurance fund", "Your health insurance pays."),
        # umlauts are Turkish letters: a Turkish term is no German name typed without them
        ("tr", "ücret", "Uecret alınmaz."),
        ("tr", "ücret", "Ucret alınmaz."),
        # three letters shorter is another word: the Foreign Office is the foreign ministry
        ("en", "Foreigners Office", "Go to the Foreign Office in Hannover."),
        # a short word in capitals carries meaning, unlike "of" or "to"
        ("en", "tax ID number", "Your tax number is on the notice."),
        ("en", "EU Blue Card", "Apply for a Blue Card."),
        ("en", "EU long-term residence permit", "EC long-term residence permit"),
        # two words joined are not a third word dropped (Immigration Law is no Act)
        ("en", "Immigration Act", "Immigration Law"),
        ("en", "jobseekers", "job offers for seekers of happiness"),
    ],
)
def test_missing_terms_are_not_found(language, term, text):
    assert not contains_term(text, term, language)


# Quotes from published Arabic and Persian pages (benchmarks/terms/sources-ar-fa.tsv)
BAMF_AR = "يمكن للمكتب الاتحادي للهجرة واللاجئين (BAMF) قراءة بيانات الهاتف المحمول"
ASYL_AR = "ولذلك، يجب عليهم التقدم بطلب لجوء"  # Handbook Germany
ABH_AR = "(ABH) هيئة شؤون الأجانب — اختصار لهيئة شؤون الأجانب (Ausländerbehörde)"
DULDUNG_AR = 'الإقامة المتسامحة "Duldung" في ألمانيا … يتم إصدار تصريح الإقامة المتسامحة'
SETTLEMENT_AR = "تصريح الإقامة الدائمة Niederlassungserlaubnis هو تصريح إقامة غير محدود"
ORIENTATION_FA = "این دوره، «دوره اطلاعرسانی» نامیده میشود"  # berlin.de, half-space left out
SETTLEMENT_FA = "اقامت دایم یکی بر خلاف جواز اقامت محدودیت زمانی ندارد"  # Dari spelling


@pytest.mark.parametrize(
    ("language", "term", "text"),
    [
        # ل + المكتب is written للمكتب
        ("ar", "المكتب الاتحادي للهجرة واللاجئين", BAMF_AR),
        # بطلب لجوء: a preposition on one word, no article on the other
        ("ar", "طلب اللجوء", ASYL_AR),
        # hamza seats left out, as often typed: شوون for شؤون
        ("ar", "هيئة شؤون الأجانب", ABH_AR.replace("ؤ", "و")),
        ("fa", "دوره اطلاع\u200cرسانی", ORIENTATION_FA),
        ("fa", "دوره اطلاع\u200cرسانی", ORIENTATION_FA.replace("اطلاعرسانی", "اطلاع رسانی")),
        ("fa", "دوره اطلاعرسانی", ORIENTATION_FA.replace("اطلاعرسانی", "اطلاع\u200cرسانی")),
        # the Iranian spelling (the glossary's) in a Dari text: دائم / دایم
        ("fa", "اقامت دائم", SETTLEMENT_FA),
        # sound plural and construct endings: طالبو / طالبي, المهاجرون / للمهاجرين
        ("ar", "طالبو اللجوء", "طالبي اللجوء الحاصلين على إذن إقامة مؤقتة"),
        ("ar", "المهاجرون", "يمكن للمهاجرين تقديم طلب"),
    ],
)
def test_terms_are_found_as_arabic_and_persian_are_written(language, term, text):
    assert contains_term(text, term, language)


@pytest.mark.parametrize(
    ("language", "term", "text"),
    [
        # و is not taken off وضع when only ضع would be left
        ("ar", "وضع الإقامة", SETTLEMENT_AR),
        # the article counts as written: المكتب is not ألمانيا
        ("ar", "المكتب", DULDUNG_AR),
        # a word written together with the one before is not a word of its own
        ("fa", "رسانی", ORIENTATION_FA),
        # Arabic changes endings, not the last three letters: deportation is not welcome
        ("ar", "صف الترحيب", "وقف مؤقت للترحيل"),
        ("ar", "الاعتراض", "الاعتراف بالمؤهلات المهنية الأجنبية"),
    ],
)
def test_arabic_and_persian_look_alikes_are_not_found(language, term, text):
    assert not contains_term(text, term, language)


def test_no_glossary_warning_on_published_arabic_and_persian(matcher):
    bamf = "Das Bundesamt für Migration und Flüchtlinge kann die Daten Ihres Handys auslesen."
    assert problems(matcher, bamf, BAMF_AR, "ar") == []
    assert problems(matcher, "Sie müssen einen Asylantrag stellen.", ASYL_AR, "ar") == []
    course = "Dieser Teil heißt Orientierungskurs."
    assert problems(matcher, course, ORIENTATION_FA, "fa") == []
    # تساعد (helps) is not the deprecated التسامح (tolerance)
    duldung = "Die Duldung hilft Ihnen, in Deutschland zu bleiben."
    assert problems(matcher, duldung, "الإقامة المتسامحة تساعدك على البقاء في ألمانيا", "ar") == []


ASYLUM_PERMIT = "Sie erhalten eine Aufenthaltsgestattung."


@pytest.mark.parametrize(
    "translation",
    [
        "You receive a temporary permission to reside (Aufenthaltsgestattung).",
        "You receive permission to reside temporarily while your asylum claim is decided.",
    ],
)
def test_a_deprecated_term_is_not_read_into_scattered_words(matcher, translation):
    """Every word of the deprecated *temporary residence permit* begins a word here, but
    not side by side: the translation is right and gets no error."""
    assert problems(matcher, ASYLUM_PERMIT, translation, "en") == []


def test_a_deprecated_term_is_found_inflected(matcher):
    found = problems(matcher, ASYLUM_PERMIT, "You receive temporary residence permits.", "en")
    assert [name for name, _ in found] == ["glossary-deprecated", "glossary-term"]


def problems(matcher, source: str, translation: str, language: str) -> list[tuple[str, str]]:
    return list(term_problems(matcher.find(source), translation, language))


def test_term_problems(matcher):
    assert problems(matcher, "Sie haben eine Duldung.", "Hoşgörünüz var.", "tr") == [
        (
            "glossary-deprecated",
            "'hoşgörü' is a deprecated translation of 'Duldung' (Literal translation "
            "(tolerance); wrong here.); use 'sınır dışı edilmenin geçici olarak ertelenmesi'",
        ),
        (
            "glossary-term",
            "the glossary translates 'Duldung' as 'sınır dışı edilmenin geçici olarak "
            "ertelenmesi' or 'sınır dışı edilme durumunun geçici olarak askıya alınması'; "
            "the translation uses none",
        ),
    ]
    # "центр занятости" is admitted (Germany4Ukraine); another rendering is not
    assert problems(matcher, "Das Jobcenter zahlt.", "Центр занятости платит.", "ru") == []
    assert problems(matcher, "Das Jobcenter zahlt.", "Биржа труда платит.", "ru") == [
        ("glossary-keep-german", "'Jobcenter' stays German: write it unchanged in the translation")
    ]
    assert problems(matcher, "Das Jobcenter zahlt.", "Jobcenter'a başvurun.", "tr") == []
    assert problems(matcher, "Im Integrationskurs", "In the integration course", "en") == []
    # a language without an approved term in the glossary: nothing to check against
    assert problems(matcher, "Im Integrationskurs", "Dans le cours", "fr") == []


def test_names_kept_german_as_pages_write_them(matcher):
    source = "Das Jobcenter zahlt."
    assert problems(matcher, source, "JobCenter'a başvurun.", "tr") == []
    assert problems(matcher, source, "JOBCENTER ödeme yapar.", "tr") == []
    # an abbreviation keeps its capitals: "ki" begins many words
    assert problems(matcher, "Das KI berät Sie.", "Kişisel danışmanlık.", "tr") == [
        ("glossary-keep-german", "'KI' stays German: write it unchanged in the translation")
    ]


def test_source_problems(matcher):
    found = list(source_problems(matcher.find("Früher lebten Asylanten im Auffanglager."), "de"))
    assert found == [
        "'Asylanten' is deprecated wording (Asylant) (Abwertend; nicht verwenden. Stattdessen: "
        "Asylsuchende.): write 'Asylsuchende' instead",
        "'Auffanglager' is deprecated wording (Auffanglager) (Abwertend (Lager); nicht "
        "verwenden.): write 'Erstaufnahmeeinrichtung' instead",
    ]
    fixed_names = (
        "Das Bundesamt für Migration und Flüchtlinge zahlt nach dem Asylbewerberleistungsgesetz."
    )
    assert list(source_problems(matcher.find(fixed_names), "de")) == []


@pytest.fixture(scope="module")
def pulled(tmp_path_factory) -> Path:
    root = copy_demo(tmp_path_factory.mktemp("checks"))
    page = root / "portal" / "aufenthalt-asyl" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(
        html.replace("</main>", "<p>Früher sprach man von Asylanten und Hartz IV.</p></main>"),
        encoding="utf-8",
    )
    assert not Project.load(root).pull().failures
    return root


def lint(root: Path, *args: str):
    result = CliRunner().invoke(cli, ["--project", str(root), "lint", "--format", "json", *args])
    return result.exit_code, json.loads(result.output)["findings"]


def test_kisync_lint_runs_the_glossary_checks(pulled, tmp_path):
    root = copy_pulled(pulled, tmp_path)
    path = root / "po" / "tr" / f"{PAGE}.po"
    catalog = pofile.read(path)
    for entry in catalog:
        if entry.msgid.startswith(INTRO):
            entry.msgstr = (
                "Uyum kursunda Almanca öğrenirsiniz. Kurslar <span1>Federal Göç Dairesi</span1> "
                "tarafından desteklenir. Heinsberg ilçesinde birçok uyum kursu veren kurum kurs sunar – "
                "sabah, öğleden sonra ve akşam."
            )
    path.write_text(pofile.dumps(catalog), encoding="utf-8")

    code, findings = lint(root, "--lang", "tr")
    assert code == 1
    glossary = [f for f in findings if f["check"].startswith("glossary")]
    assert [(f["check"], f["severity"], f["language"]) for f in glossary] == [
        ("glossary-keep-german", "error", "tr")
    ]
    assert glossary[0]["message"] == "'BAMF' stays German: write it unchanged in the translation"
    wording = [f for f in findings if f["check"] == "deprecated-wording"]
    assert {f["message"].split(" is ")[0] for f in wording} == {"'Asylanten'", "'Hartz IV'"}
    assert all(f["severity"] == "warning" and f["language"] is None for f in wording)

    # the translator's way to silence a check for one entry
    catalog = pofile.read(path)
    for entry in catalog:
        if entry.msgid.startswith(INTRO):
            entry.flags.append("ignore-glossary-keep-german")
    path.write_text(pofile.dumps(catalog), encoding="utf-8")
    code, findings = lint(root, "--lang", "tr")
    assert code == 0
    assert not [f for f in findings if f["check"].startswith("glossary")]


def test_no_glossary_no_glossary_checks(pulled, tmp_path):
    root = copy_pulled(pulled, tmp_path)
    config = root / "kisync.toml"
    without = re.sub(r"\[glossary\].*?\n\n", "", config.read_text(encoding="utf-8"), flags=re.S)
    config.write_text(without, encoding="utf-8")
    _, findings = lint(root)
    assert not [
        f for f in findings if "glossary" in f["check"] or f["check"] == "deprecated-wording"
    ]


def test_an_admitted_rendering_of_a_kept_name_is_no_error():
    matches = Matcher(load_glossary(shipped_glossary_path())).find("Das Jobcenter zahlt.")
    assert list(term_problems(matches, "The Job Centre pays.", "en")) == []
    assert [check for check, _ in term_problems(matches, "The office pays.", "en")] == [
        "glossary-keep-german"
    ]
