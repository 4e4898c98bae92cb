"""kisync.catalog.pofile: GNU msgcat is the judge of the format, msgfmt of validity.

Every catalog dumps() writes must come back byte for byte from ``msgcat`` (so translators'
tools cause no diff noise), must pass ``msgfmt --check`` and must read back, field by field,
through polib. read() must refuse files it would misread, naming file and line, and never
touch them.
"""

from __future__ import annotations

import ctypes
import random
import subprocess
import unicodedata
from pathlib import Path

import polib
import pytest
from conftest import gettext_tool, msgfmt_check
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kisync.catalog import linebreak, pofile
from kisync.errors import CatalogError

RUSSIAN_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)


def catalog(*entries: polib.POEntry, header: str = "Test catalog") -> polib.POFile:
    po = polib.POFile()
    po.header = header
    po.metadata = {
        "Project-Id-Version": "kisync test",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "2026-11-22 10:00+0100",
        "PO-Revision-Date": "2026-11-22 10:00+0100",
        "Last-Translator": "",
        "Language-Team": "Russian",
        "Language": "ru",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": RUSSIAN_PLURALS,
        "X-Generator": "kisync",
    }
    po.extend(entries)
    return po


def msgcat(text: str, folder: Path, *options: str) -> str:
    """What GNU msgcat makes of ``text`` (written as it is, byte for byte)."""
    path = folder / "input.po"
    path.write_bytes(text.encode("utf-8"))
    result = subprocess.run(
        [gettext_tool("msgcat"), *options, str(path)], capture_output=True, check=False
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode("utf-8")


def assert_gettext_agrees(po: polib.POFile, folder: Path, width: int = pofile.PAGE_WIDTH) -> str:
    """dumps() is a fixed point of msgcat, passes msgfmt --check and reads back intact."""
    text = pofile.dumps(po, width=width)
    options = () if width == pofile.PAGE_WIDTH else (f"--width={width}",)
    formatted = msgcat(text, folder, *options)
    assert text == formatted, first_difference(text, formatted)
    msgfmt_check(folder / "input.po")
    assert fields(pofile.loads(text)) == fields(po)
    return text


def first_difference(ours: str, theirs: str) -> str:
    pairs = zip(ours.split("\n"), theirs.split("\n"), strict=False)
    for number, (mine, gnu) in enumerate(pairs, start=1):
        if mine != gnu:
            return f"line {number} differs:\n  dumps:  {mine!r}\n  msgcat: {gnu!r}"
    return f"lengths differ: {len(ours)} vs {len(theirs)}"


def fields(po: polib.POFile) -> tuple[object, ...]:
    """Everything a catalog holds, in a comparable form (obsolete entries last, as written)."""
    entries = sorted(po, key=lambda entry: entry.obsolete)  # stable: order otherwise kept
    return (
        po.header,
        list(po.metadata.items()),
        bool(po.metadata_is_fuzzy),
        [
            (
                bool(entry.obsolete),
                entry.msgctxt,
                entry.msgid,
                entry.msgid_plural,
                entry.msgstr,
                {int(index): text for index, text in entry.msgstr_plural.items()},
                entry.tcomment,
                entry.comment,
                [(name, str(line)) for name, line in entry.occurrences],
                entry.flags,
                # polib does not read "#~|" lines, so obsolete entries lose their previous msgid
                None
                if entry.obsolete
                else (entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural),
            )
            for entry in entries
        ],
    )


GERMAN = (
    "Für die Teilnahme an einem <a1>Integrationskurs</a1> brauchen Sie eine Berechtigung "
    "der Ausländerbehörde oder des Jobcenters. Die Kosten (ca. 50\xa0%) übernimmt das "
    "Bundesamt für Migration und Flüchtlinge – auch für Kinder- und Jugendkurse. Fragen? "
    "Schreiben Sie an integration@kreis-heinsberg.de oder rufen Sie „uns“ an: "
    "+49\xa0(0)\xa02452\xa013-51\xa020, Mo.–Fr. 8:00–12:00\xa0Uhr.<br1/>Mehr unter "
    "https://www.integrationsportal-kreis-heinsberg.de/bildung-sprache/integrationskurse/"
)
ARABIC = (
    "للمشاركة في <a1>دورة الاندماج</a1> تحتاجون إلى إذن من مكتب شؤون الأجانب أو من مركز "
    "العمل. يتحمّل المكتب الاتحادي للهجرة واللاجئين التكاليف (حوالي 50\xa0%) – اتصلوا بنا "
    "على الرقم 02452\xa013-51\xa020 أو اكتبوا إلى integration@kreis-heinsberg.de"
)
PERSIAN = (
    "برای شرکت در <a1>دوره‌های ادغام</a1> به مجوز اداره‌ی اتباع خارجی نیاز دارید. "
    "می‌خواهید ثبت‌نام کنید؟ لطفاً با ما تماس بگیرید؛ ساعت‌های کاری: دوشنبه تا جمعه"
)
RUSSIAN = (
    "Для участия в <a1>интеграционном курсе</a1> вам нужно разрешение ведомства по делам "
    "иностранцев или Jobcenter. Расходы (около 50\xa0%) несёт Федеральное ведомство — "
    "«BAMF». Вопросы? Пишите: integration@kreis-heinsberg.de"
)
UKRAINIAN = (
    "Щоб узяти участь в <a1>інтеграційному курсі</a1>, вам потрібен дозвіл відомства у "
    "справах іноземців або Jobcenter’у. Витрати (близько 50\xa0%) покриває BAMF."
)
TURKISH = (
    "Bir <a1>uyum kursuna</a1> katılmak için Yabancılar Dairesi'nden veya iş ajansından "
    "(Jobcenter) izin almanız gerekir. Sorularınız mı var? Bizi arayın: 02452 13-51 20."
)
CJK = "日本語のテキストはここで折り返されます。" * 5 + "한국어 텍스트도 마찬가지입니다. " * 3
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt" * 2
LONG_URL = "https://www.integrationsportal-kreis-heinsberg.de/" + "sehr-lange-adresse-" * 6
SECOND_LINE = 'Zeile eins\nZeile zwei mit einem "Zitat" und einem Backslash \\ und\tTab.\n'


def tricky_entries() -> list[polib.POEntry]:
    """Hand-picked cases for the writer: wrapping, escapes, every kind of line."""
    texts = [GERMAN, ARABIC, PERSIAN, RUSSIAN, UKRAINIAN, TURKISH, CJK]
    entries = [
        polib.POEntry(
            msgid=text,
            msgstr=text[::-1] if index % 2 else "",
            comment="Element: p\n<a1> = link to https://www.bamf.de/DE/Themen/Integration/",
            occurrences=[("bildung-sprache/integrationskurse", str(index + 1))],
        )
        for index, text in enumerate(texts)
    ]
    entries += [
        polib.POEntry(msgid="x" * 70, msgstr="y" * 69),  # exactly 79 and 78 columns
        polib.POEntry(msgid="x" * 71, msgstr="y" * 72),  # one column too many, unbreakable
        polib.POEntry(msgid="ab " * 23 + "cd", msgstr="ab " * 25),  # 79 columns, breakable
        polib.POEntry(msgid=LONG_WORD, msgstr="Vor dem Wort " + LONG_WORD + " und danach."),
        polib.POEntry(msgid=LONG_URL, msgstr="Siehe " + LONG_URL),
        polib.POEntry(msgid=SECOND_LINE, msgstr=SECOND_LINE.upper()),
        polib.POEntry(msgid="Nur am Ende\n", msgstr="Только в конце\n"),
        polib.POEntry(msgid='"' * 40 + "\\" * 40, msgstr="\t" * 45),
        polib.POEntry(msgid="Emoji 🙂👍🏽 und Flaggen 🇩🇪🇺🇦🇹🇷 " * 4, msgstr="🇩🇪" * 50),
        polib.POEntry(msgid="Zeile\u2028Trenner, lang genug, um umbrochen zu werden. " * 3),
        polib.POEntry(
            msgctxt="Menü: " + GERMAN[:90],
            msgid="Beratung",
            msgstr="Консультация",
            tcomment="Vom Übersetzer.\n\nZweiter Absatz.",
            flags=["fuzzy"],
            previous_msgctxt="Menü",
            previous_msgid="Beratungsstelle für Zugewanderte im Kreis Heinsberg " * 2,
        ),
        polib.POEntry(
            msgid="%d Kurs",
            msgid_plural="%d Kurse in der Nähe von " + GERMAN[:60],
            msgstr_plural={0: "%d курс", 1: "%d курса", 2: "%d курсов " + RUSSIAN[:80]},
            occurrences=[(f"seite-{n}/unterseite-mit-langem-namen", str(n)) for n in range(9)],
            previous_msgid="%d Kurs",
            previous_msgid_plural="%d Kurse",
            flags=["fuzzy"],
        ),
        polib.POEntry(msgid="Nicht umbrechen " * 8, msgstr="Не переносить " * 8, flags=["no-wrap"]),
        polib.POEntry(msgid="Referenz ohne Zeile", occurrences=[("site/_footer.html", "")]),
        polib.POEntry(msgid="Alt " + GERMAN, msgstr=RUSSIAN, obsolete=True, tcomment="Alt."),
        polib.POEntry(
            msgid="Alt mit Plural",
            msgid_plural="Alt mit Plurals",
            msgstr_plural={0: "а", 1: "б", 2: "в"},
            obsolete=True,
            flags=["fuzzy"],
        ),
    ]
    return entries


def test_tricky_catalog_is_formatted_like_msgcat(tmp_path: Path) -> None:
    po = catalog(*tricky_entries(), header="Kopf\n\nmit Leerzeile – und „Umlauten“")
    text = assert_gettext_agrees(po, tmp_path)
    assert '\nmsgid ""\n"Für die Teilnahme an einem <a1>Integrationskurs</a1> brauchen ' in text


@pytest.mark.parametrize("width", [40, 60, 100])
def test_other_widths_match_msgcat(tmp_path: Path, width: int) -> None:
    assert_gettext_agrees(catalog(*tricky_entries()), tmp_path, width)


def test_template_header_is_fuzzy_and_keeps_order(tmp_path: Path) -> None:
    po = catalog(polib.POEntry(msgid="Hallo"), header="SOME DESCRIPTIVE TITLE.")
    po.metadata = {"Project-Id-Version": "x", "Content-Type": "text/plain; charset=UTF-8"}
    po.metadata["Plural-Forms"] = "nplurals=INTEGER; plural=EXPRESSION;"
    po.metadata["Language"] = ""
    po.metadata_is_fuzzy = ["fuzzy"]
    text = pofile.dumps(po)
    assert text.startswith('# SOME DESCRIPTIVE TITLE.\n#, fuzzy\nmsgid ""\nmsgstr ""\n')
    assert text.index("Plural-Forms") < text.index("Language:")  # insertion order, not polib's
    assert text == msgcat(text, tmp_path)


def test_plural_template_gets_two_empty_forms(tmp_path: Path) -> None:
    po = catalog(polib.POEntry(msgid="ein Kurs", msgid_plural="%d Kurse"))
    text = pofile.dumps(po)
    assert text.endswith('msgid "ein Kurs"\nmsgid_plural "%d Kurse"\nmsgstr[0] ""\nmsgstr[1] ""\n')
    assert text == msgcat(text, tmp_path)


def test_gettext_canonical_form(tmp_path: Path) -> None:
    """What msgcat would change anyway: dumps() writes it that way in the first place."""
    po = catalog(
        polib.POEntry(msgid="gone, untranslated", obsolete=True),
        polib.POEntry(msgid="no translation, so no fuzzy", flags=["fuzzy"]),
        polib.POEntry(
            msgid="flags",
            msgstr="флаги",
            flags=["no-wrap", "python-format", "wrap", "fuzzy", "c-format", "fuzzy"],
            occurrences=[("./a.html", "1"), ("a.html", "1"), ("b.html", 2), ("a.html", "3")],
        ),
    )
    text = pofile.dumps(po)
    assert "gone" not in text
    assert '#, fuzzy\nmsgid "no translation' not in text
    assert "#: a.html:1 b.html:2 a.html:3\n#, fuzzy, c-format, python-format, no-wrap\n" in text
    assert text == msgcat(text, tmp_path)


def test_obsolete_entries_come_last(tmp_path: Path) -> None:
    po = catalog(
        polib.POEntry(msgid="alt", msgstr="старый", obsolete=True, previous_msgid="älter"),
        polib.POEntry(msgid="neu", msgstr="новый"),
    )
    text = pofile.dumps(po)
    assert text.endswith('msgid "neu"\nmsgstr "новый"\n\n#~| msgid "älter"\n#~ msgid "alt"\n'
                         '#~ msgstr "старый"\n')  # fmt: skip
    assert text == msgcat(text, tmp_path)


def test_wrapping_rules(tmp_path: Path) -> None:
    """The rules, spelled out; msgcat confirms each case."""

    def lines(text: str) -> list[str]:
        written = assert_gettext_agrees(catalog(polib.POEntry(msgid=text)), tmp_path)
        return written.split("\n\n")[1].split("\n")[:-2]  # the entry, without msgstr

    assert lines("x" * 70) == ['msgid "' + "x" * 70 + '"']  # 79 columns fit
    assert lines("x" * 71) == ['msgid "' + "x" * 71 + '"']  # no break opportunity: overflow
    assert lines("a " * 35 + "bc") == ['msgid ""', '"' + "a " * 35 + 'bc"']
    assert lines("a" * 76 + " b") == ['msgid ""', '"' + "a" * 76 + ' "', '"b"']  # space counts
    assert lines("x" * 74 + "-Kurs und/oder-" + "y" * 70) == [
        'msgid ""',
        '"' + "x" * 74 + '-"',  # after a hyphen before a letter
        '"Kurs und/oder-"',
        '"' + "y" * 70 + '"',
    ]
    assert lines("x" * 72 + " und/oder zzzzz") == [
        'msgid ""',
        '"' + "x" * 72 + ' und/"',
        '"oder zzzzz"',
    ]
    assert lines("x" * 74 + "-2024 yyy") == ['msgid ""', '"' + "x" * 74 + '-2024 "', '"yyy"']
    assert lines("x" * 74 + " (Klammer)") == ['msgid ""', '"' + "x" * 74 + ' "', '"(Klammer)"']
    assert lines("a\nb") == ['msgid ""', '"a\\n"', '"b"']  # a new string after each \n
    assert lines("漢" * 38 + "字") == ['msgid ""', '"' + "漢" * 38 + '"', '"字"']  # 2 columns
    assert lines("x" * 68 + ' "quoted"') == ['msgid ""', '"' + "x" * 68 + ' "', '"\\"quoted\\""']


# -- generated catalogs ----------------------------------------------------------------

TOKENS = [
    "Anmeldung", "Ausländerbehörde", "für", "Straße", "Kinder-", "Kinder-betreuung",
    "E-Mail", "und/oder", "z.\xa0B.", "10\xa0€", "50\xa0%", "–", "—", "…", "„Zitat“",
    "«цитата»", "(Klammer)", "[eckig]", "Frage?", "Achtung!", "a,b", "1.000,50",
    "https://www.kreis-heinsberg.de/integration/kurse?id=7&lang=de", "info@kreis-heinsberg.de",
    "+49\xa0(0)\xa02452\xa013-0", "<a1>", "</a1>", "<b1>", "</b1>", "<br1/>", "<x1/>",
    "مرحبا", "بالعالم", "دورة", "می\u200cخواهم", "کتاب\u200cها", "Привет", "мир", "Україна",
    "ґанок", "öğrenci", "ışık", "Türkçe", "漢字", "日本語のテキスト", "한국어", "🙂", "🇩🇪",
    "x" * 80, "Donaudampfschifffahrtsgesellschaftskapitän", '"', "'", "’", "\\", "\t", "\n",
    "\u200b", "\u0301", "#", ":", ";", ".", ",",
]  # fmt: skip
SPACES = [" ", " ", " ", " ", "  ", "\xa0"]
texts = st.lists(st.sampled_from(TOKENS) | st.sampled_from(SPACES), min_size=1, max_size=40).map(
    "".join
)
comment_lines = st.lists(st.sampled_from(TOKENS[:40]), min_size=1, max_size=12).map(" ".join)
comments = st.lists(comment_lines, max_size=3).map("\n".join)
references = st.lists(  # unique: dumps() drops repeated references, as gettext does
    st.tuples(
        st.sampled_from(["index", "bildung/kurse", "x" * 60, "ü" * 33]), st.integers(1, 9999)
    ),
    max_size=8,
    unique=True,
)


@st.composite
def entries(draw: st.DrawFn) -> polib.POEntry:
    msgid = draw(texts)
    entry = polib.POEntry(msgid=msgid, tcomment=draw(comments), comment=draw(comments))
    entry.occurrences = [(name, str(line)) for name, line in draw(references)]
    if draw(st.booleans()):
        entry.msgctxt = draw(texts)
    if draw(st.integers(0, 4)) == 0:
        entry.msgid_plural = like(msgid, draw(texts))
        entry.msgstr_plural = {index: like(msgid, draw(texts)) for index in range(3)}
    elif draw(st.booleans()):
        entry.msgstr = like(msgid, draw(texts))
    translated = bool(entry.msgstr or entry.msgstr_plural)
    entry.obsolete = translated and draw(st.integers(0, 5)) == 0
    if translated and draw(st.booleans()):
        entry.flags = ["fuzzy"]
        if not entry.obsolete:
            entry.previous_msgid = draw(texts)
            entry.previous_msgctxt = draw(st.none() | texts)
    return entry


def like(msgid: str, translation: str) -> str:
    """msgfmt --check wants msgid, msgid_plural and msgstr to agree on leading and trailing
    newlines."""
    translation = translation.strip("\n") or "x"
    return "\n" * msgid.startswith("\n") + translation + "\n" * msgid.endswith("\n")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(entries(), min_size=1, max_size=15))
def test_generated_catalogs_are_formatted_like_msgcat(
    tmp_path_factory: pytest.TempPathFactory, generated: list[polib.POEntry]
) -> None:
    unique = {(entry.msgctxt, entry.msgid): entry for entry in generated}
    po = catalog(*unique.values())
    assert_gettext_agrees(po, tmp_path_factory.mktemp("generated"))


# -- against libunistring itself -------------------------------------------------------


def _libunistring_1_0() -> ctypes.CDLL | None:
    try:
        library = ctypes.CDLL("libunistring.so.2")
        version = ctypes.c_int.in_dll(library, "_libunistring_version").value
    except (OSError, ValueError):
        return None
    return library if version >> 8 == 0x100 else None  # 1.0.x: what gettext 0.21 uses here


LIBUNISTRING = _libunistring_1_0()
needs_libunistring = pytest.mark.skipif(
    LIBUNISTRING is None, reason="libunistring 1.0 is not installed"
)
COVERED = [(0x20, 0x8FF), (0x1200, 0x139F), (0x1E00, 0x33FF), (0xFB00, 0xFFFD), (0x1F000, 0x1FAFF)]
SAMPLE = [(0x4E00, 0x4EFF), (0xAC00, 0xACFF)]  # of the ideographs and Hangul syllables


def _assigned(blocks: list[tuple[int, int]]) -> list[str]:
    return [
        chr(code)
        for first, last in blocks
        for code in range(first, last + 1)
        if unicodedata.category(chr(code)) not in ("Cn", "Cs", "Co")
    ]


def _libunistring_opportunities(text: str) -> list[int]:
    assert LIBUNISTRING is not None
    data = text.encode("utf-8")
    result = ctypes.create_string_buffer(len(data))
    LIBUNISTRING.u8_possible_linebreaks(data, len(data), b"UTF-8", result)
    kinds: list[int] = []
    offset = 0
    for char in text:  # UC_BREAK_PROHIBITED 1, POSSIBLE 2, MANDATORY 3
        kinds.append({1: 0, 2: 1, 3: 2}[result.raw[offset]])
        offset += len(char.encode("utf-8"))
    return kinds


def _our_opportunities(text: str) -> list[int]:
    kinds = [0] * len(text)
    for start, _, kind in linebreak.break_pieces(text)[1:]:
        kinds[start] = kind
    return kinds


@needs_libunistring
def test_break_opportunities_match_libunistring() -> None:
    characters = _assigned(COVERED + SAMPLE)
    frequent = [" ", " ", "a", "Wort ", "1", "-", "/", "(", "\u200b", "\u200c", "\u200d", "\u0301"]
    frequent += ["\U0001f1e9", "\U0001f466", "\U0001f3fd", "\u05d0", "\u2028", "\xa0", "Ende. "]
    pick = random.Random(14)
    for _ in range(4000):
        pool = frequent if pick.random() < 0.5 else characters
        text = "".join(pick.choice(pool) for _ in range(pick.randint(1, 12))).replace("\\", "")
        assert _our_opportunities(text) == _libunistring_opportunities(text), repr(text)


@needs_libunistring
def test_widths_match_libunistring() -> None:
    assert LIBUNISTRING is not None
    LIBUNISTRING.uc_width.restype = ctypes.c_int
    for char in _assigned(COVERED + SAMPLE):
        expected = max(LIBUNISTRING.uc_width(ord(char), b"UTF-8"), 0)
        assert linebreak._WIDTHS[char] == expected, f"U+{ord(char):04X}"
        assert linebreak.text_width(char * 3) == 3 * expected, f"U+{ord(char):04X}"


# -- simple text: the regular-expression path -------------------------------------------

# Fragments around which lines must break, each with whether a text made of it and "x"
# runs is simple (one column a character, no escape but a final \n, no state-dependent
# class): simple texts take the regular-expression path, the others _pieces().
FRAGMENTS = {
    " ": True,
    "  ": True,
    "-Kurs": True,  # a break after a hyphen before a letter
    "-2024": True,  # but not before a digit
    " -Kurs": True,
    "Kinder- und": True,
    "und/oder": True,  # after a slash before a letter
    "1/2": True,
    " /oder": True,
    "'Zitat' ": True,
    "’s ": True,
    " „Zitat“ ": True,
    " «цитата» ": True,
    " (Klammer) [eckig] {geschweift} ": True,
    " , ": True,  # no break before punctuation after spaces
    " ! ": True,
    "!1": True,
    "a.b": True,
    "50\xa0% ": True,
    "-\xa0x": True,
    " – ": True,
    "…x": True,
    "$$ ": True,
    "10\xa0€ +49 ": True,
    "Привет, мир ": True,
    "Καλημέρα κόσμε ": True,
    "مرحبا بالعالم ": True,
    "Ende\n": True,  # the escaped newline at the end stays with the last word
    "“ „": False,  # spaces between a pair whose rule differs: an exception
    "( x": False,
    "漢字": False,  # two columns a character
    "e\u0301 ": False,  # a combining mark
    "שלום-עולם ": False,  # Hebrew letters
    "a\u200bb": False,  # zero-width space
    '"Zitat" ': False,  # escapes
    "C:\\Pfad ": False,
    "\tTab ": False,
    "Zeile\nZeile ": True,  # a newline inside: two portions, both simple
}


def fragment_texts(fragment: str) -> list[str]:
    """Texts that put ``fragment`` at every column around the end of a 79-column line."""
    texts = []
    for before in range(58, 80):
        text = "x" * before + fragment + " Ende"
        if fragment.endswith("\n"):
            text = text[: -len(" Ende")]
        texts += [text, "Wort " * (before // 5) + fragment + "y" * 30]
    return texts


def test_simple_fragments_are_recognised() -> None:
    """The fragments the next test uses do (or do not) take the fast path."""
    simple = linebreak.simple_text()
    for fragment, expected in FRAGMENTS.items():
        for text in fragment_texts(fragment):
            portions = [pofile._escape(portion) for portion in pofile._PORTION.findall(text)]
            assert all(map(simple.matches, portions)) == expected, repr(text)


@pytest.mark.parametrize("width", [79, 60])
def test_breaks_around_fragments_match_msgcat(tmp_path: Path, width: int) -> None:
    texts = dict.fromkeys(text for fragment in FRAGMENTS for text in fragment_texts(fragment))
    entries = [polib.POEntry(msgid=text, msgstr=text.upper()) for text in texts]
    assert_gettext_agrees(catalog(*entries), tmp_path, width)


def test_simple_text_just_at_the_width(tmp_path: Path) -> None:
    def lines(text: str) -> list[str]:
        written = assert_gettext_agrees(catalog(polib.POEntry(msgid=text)), tmp_path)
        return written.split("\n\n")[1].split("\n")[:-2]

    assert lines("Wort " * 14 + "W") == ['msgid "' + "Wort " * 14 + 'W"']  # 79 columns
    assert lines("Wort " * 14 + "Wo") == ['msgid ""', '"' + "Wort " * 14 + 'Wo"']
    assert lines("x" * 76 + " y") == ['msgid ""', '"' + "x" * 76 + ' "', '"y"']  # 77 + 2
    assert lines("x" * 77 + " y") == ['msgid ""', '"' + "x" * 77 + ' "', '"y"']  # overflows
    assert lines("x" * 75 + "-y z") == ['msgid ""', '"' + "x" * 75 + '-"', '"y z"']
    assert lines("x" * 76 + "-y z") == ['msgid ""', '"' + "x" * 76 + '-"', '"y z"']
    assert lines("x" * 77 + "-y z") == ['msgid ""', '"' + "x" * 77 + '-"', '"y z"']  # overflows
    assert lines("x" * 80) == ['msgid "' + "x" * 80 + '"']  # no opportunity: one line
    assert lines("x" * 70 + " ,") == ['msgid "' + "x" * 70 + ' ,"']  # none before ","
    assert lines("x" * 66 + " yy\n") == ['msgid "' + "x" * 66 + ' yy\\n"']  # 79 columns
    assert lines("x" * 67 + " yy\n") == ['msgid ""', '"' + "x" * 67 + ' yy\\n"']
    assert lines("x" * 74 + " y\n") == ['msgid ""', '"' + "x" * 74 + ' "', '"y\\n"']
    assert lines("x" * 75 + "\n") == ['msgid "' + "x" * 75 + '\\n"']  # no opportunity


def _simple_characters() -> list[str]:
    simple = linebreak.simple_text()
    blocks = linebreak._ONE_COLUMN_BLOCKS
    chars = [chr(code) for first, last in blocks for code in range(first, last + 1)]
    return [char for char in chars if char != " " and simple.matches(char)]


@needs_libunistring
def test_simple_break_opportunities_match_libunistring() -> None:
    """Every simple character next to every simple class, with and without spaces."""
    characters = _simple_characters()
    by_class = {linebreak._CLASSES[char]: char for char in characters}
    assert sorted(by_class) == sorted(linebreak._SIMPLE_CLASSES)
    simple = linebreak.simple_text()
    for char in characters:
        for other in by_class.values():
            for text in (char + other, other + char, f"{char} {other}", f"{other}  {char}x"):
                if not simple.matches(text):
                    continue
                ours = [0] * len(text)
                for match in simple.opportunity.finditer(text):
                    ours[match.start()] = 1
                assert ours == _libunistring_opportunities(text), repr(text)
                assert simple.breakable(text) == any(ours), repr(text)


def test_simple_lines_are_cut_like_the_general_path() -> None:
    """The line-cutting regex chooses the same breaks as _pieces() and _line_starts()."""
    characters = _simple_characters()
    pick = random.Random(79)
    for _ in range(3000):
        pool = characters if pick.random() < 0.3 else [*"abc  -/.,'(", "\xa0", "–"]
        text = "a" + "".join(pick.choice(pool) for _ in range(pick.randint(0, 40)))
        if not linebreak.simple_text().matches(text):
            continue
        width = pick.randint(1, 20)
        expected = pofile._cut(text, width, simple=False)
        assert pofile._cut(text, width, simple=True) == expected, (text, width)


# -- reading ---------------------------------------------------------------------------

HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
CORRUPT = {
    "unterminated string": ('msgid "a\nmsgstr "b"\n', 4, "not closed"),
    "escaped closing quote": ('msgid "a\\"\nmsgstr "b"\n', 4, "not closed"),
    "stray line": ('msgid "a"\nmsgstr "b"\nhello world\n', 6, "hello world"),
    "msgstr without msgid": ('msgid "a"\nmsgstr "b"\n\n# c\nmsgstr "c"\n', 8, "without a msgid"),
    "truncated": ('msgid "a"\nmsgstr "b"\n\nmsgid "c"\n', 7, "cut off"),
    "cut inside the msgstr": ('msgid "a"\nmsgstr "b', 5, "not closed"),
    "duplicate": ('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 7, "line 4"),
    "duplicate with obsolete": ('msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n', 7, ""),
    "duplicate header": ('msgid ""\nmsgstr "Language: ru\\n"\n', 4, "already defined"),
    "comment inside an entry": ('msgid "a"\n# note\nmsgstr "b"\n', 5, "no msgstr"),
    "msgstr[0] without plural": ('msgid "a"\nmsgstr[0] "b"\n', 5, "msgid_plural"),
    "msgstr with plural": ('msgid "a"\nmsgid_plural "b"\nmsgstr "c"\n', 6, "msgstr[0]"),
    "plural forms out of order": (
        'msgid "a"\nmsgid_plural "b"\nmsgstr[0] "c"\nmsgstr[2] "d"\n',
        7,
        "msgstr[1]",
    ),
    "plural forms after msgstr": ('msgid "a"\nmsgstr "b"\nmsgstr[0] "c"\n', 6, "msgid_plural"),
    "partly obsolete": ('#~ msgid "a"\nmsgstr "b"\n', 5, "obsolete"),
    "unsupported escape": ('msgid "a\\x41"\nmsgstr "b"\n', 4, "\\x"),
    "text after the string": ('msgid "a" "b"\nmsgstr "c"\n', 4, "after the string"),
    "msgctxt with empty msgid": ('msgctxt "m"\nmsgid ""\nmsgstr "x"\n', 5, "msgctxt"),
    "previous msgid at the end": ('msgid "a"\nmsgstr "b"\n\n#| msgid "c"\n', 7, "cut off"),
}


# GNU reads these, but polib would misread them (or fail without saying where).
GNU_ONLY = {"unsupported escape", "text after the string", "msgctxt with empty msgid"}


@pytest.mark.parametrize("case", sorted(CORRUPT))
def test_read_rejects_what_would_lose_a_translation(tmp_path: Path, case: str) -> None:
    body, line, words = CORRUPT[case]
    path = tmp_path / "broken.po"
    path.write_bytes((HEADER + body).encode("utf-8"))
    before = path.read_bytes(), path.stat().st_mtime_ns
    result = subprocess.run(
        [gettext_tool("msgfmt"), "--check", "-o", "/dev/null", str(path)], capture_output=True
    )
    if case not in GNU_ONLY:
        assert result.returncode != 0, f"msgfmt accepts the {case} case"
    with pytest.raises(CatalogError) as raised:
        pofile.read(path)
    assert raised.value.path == path
    assert raised.value.line == line
    assert words in raised.value.problem
    assert str(raised.value).startswith(f"{path}:{line}: ")
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        ((HEADER + 'msgid "Stra\xdfe"\nmsgstr ""\n').encode("latin-1"), 4, "not UTF-8"),
        ((HEADER + 'msgid "a"\nmsgstr ""\n').encode("utf-16"), 1, "binary"),
        (b"\xde\x12\x04\x95\x00\x00\x00\x00\x02\x00", 1, "binary"),  # an MO file
    ],
)
def test_read_rejects_bytes_that_are_not_a_po_file(
    tmp_path: Path, data: bytes, line: int, words: str
) -> None:
    path = tmp_path / "binary.po"
    path.write_bytes(data)
    with pytest.raises(CatalogError, match=words) as raised:
        pofile.read(path)
    assert (raised.value.path, raised.value.line) == (path, line)
    assert path.read_bytes() == data


def test_read_reports_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot be read"):
        pofile.read(tmp_path / "missing.po")
    with pytest.raises(CatalogError, match="cannot be read"):
        pofile.read(tmp_path)  # a folder


def test_read_accepts_what_translators_tools_write(tmp_path: Path) -> None:
    """A byte order mark, CRLF line ends, strings split anywhere, raw U+2028, obsolete."""
    text = (
        "\ufeff# Übersetzung\r\n"
        + HEADER.replace("\n", "\r\n")
        + '#: a.html:3\r\n#, fuzzy\r\n#| msgid "Alt"\r\nmsgid ""\r\n"Ne"\r\n"u\u2028"\r\n'
        + 'msgstr "Но"\r\n"вый\\tТаб"\r\n\r\n#~ msgid "weg"\r\n#~ msgstr "прочь"\r\n'
    )
    path = tmp_path / "ru.po"
    path.write_bytes(text.encode("utf-8"))
    po = pofile.read(path)
    assert po.header == "Übersetzung"
    assert po.fpath == str(path)
    new, gone = po
    assert (new.msgid, new.msgstr, new.previous_msgid) == ("Neu\u2028", "Новый\tТаб", "Alt")
    assert (new.flags, new.occurrences) == (["fuzzy"], [("a.html", "3")])
    assert (gone.obsolete, gone.msgid, gone.msgstr) == (1, "weg", "прочь")


def test_read_reports_polib_syntax_errors(tmp_path: Path) -> None:
    path = tmp_path / "comment.po"
    path.write_text(HEADER + '#comment without a space\nmsgid "a"\nmsgstr ""\n', "utf-8")
    with pytest.raises(CatalogError, match=r"comment\.po:4: syntax error$"):
        pofile.read(path)


def test_loads_names_its_source_in_errors() -> None:
    with pytest.raises(CatalogError, match=r"^po/ar/index\.po:2: ") as raised:
        pofile.loads('msgid "a"\nmsgid "b"\n', "po/ar/index.po")
    assert raised.value.path == Path("po/ar/index.po")


def test_empty_file_is_an_empty_catalog() -> None:
    po = pofile.loads("")
    assert (len(po), po.metadata, po.header) == (0, {}, "")
    assert pofile.dumps(po) == ""
