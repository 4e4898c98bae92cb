"""String and word counts: agree exactly with GNU msgfmt --statistics on every catalog."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kisync.errors import CatalogError
from kisync.progress import Counts, catalog_counts, count_words
from kisync.progress.scan import scan

from .helpers import msgfmt_statistics

HEADER = (
    'msgid ""\n'
    'msgstr ""\n'
    '"Language: ar\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : '
    'n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\\n"\n'
)


def assert_agrees(path: Path) -> Counts:
    counts = catalog_counts(path)
    translated, fuzzy, untranslated = msgfmt_statistics(path)
    assert (counts.translated, counts.fuzzy, counts.untranslated) == (
        translated,
        fuzzy,
        untranslated,
    )
    assert counts.total == translated + fuzzy + untranslated
    return counts


EDGE_CASES = {
    "mixed": HEADER
    + """
msgid "Hallo"
msgstr "مرحبا"

#, fuzzy
#| msgid "Guten Tag"
msgid "Guten Morgen"
msgstr "صباح الخير"

#, fuzzy
msgid "Fuzzy ohne Übersetzung"
msgstr ""

msgid "Leer"
msgstr ""

#, c-format, fuzzy
msgid "Fuzzy hinten"
msgstr "x"

#,fuzzy
msgid "Ohne Leerzeichen"
msgstr "x"

msgid "Ein Antrag"
msgid_plural "%d Anträge"
msgstr[0] "a"
msgstr[1] ""
msgstr[2] ""
msgstr[3] ""
msgstr[4] ""
msgstr[5] ""

msgid "Eine Datei"
msgid_plural "Dateien"
msgstr[0] ""
msgstr[1] "b"
msgstr[2] "b"
msgstr[3] "b"
msgstr[4] "b"
msgstr[5] "b"

msgctxt "Kontext"
msgid ""
msgstr "kein Kopf: msgctxt"

msgid "Nur ein Leerzeichen"
msgstr " "

msgid ""
"Lange Zeile, "
"umgebrochen"
msgstr ""
""

msgid "Umgebrochen übersetzt"
msgstr ""
"ترجمة"

#, fuzzy
#~ msgid "Veraltet"
#~ msgstr "قديم"

#~| msgid "Alt"
#~ msgid "Auch veraltet"
#~ msgstr ""

msgid "Nach veralteten"
msgstr "y"
""",
    "fuzzy header": "#, fuzzy\n" + HEADER + '\nmsgid "a"\nmsgstr "b"\n',
    "empty header": 'msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "b"\n',
    "no header": 'msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr ""\n',
    "no blank lines, no final newline": HEADER
    + 'msgid "a"\nmsgstr "b"\n#, fuzzy\nmsgid "c"\nmsgstr "d"',
    "comment across a blank line": HEADER + '\n#, fuzzy\n\nmsgid "a"\nmsgstr "b"\n',
    "flags of an obsolete entry": HEADER
    + '\n#, fuzzy\n#~ msgid "x"\n#~ msgstr "y"\nmsgid "a"\nmsgstr "b"\n',
    "only obsolete": HEADER + '\n#~ msgid "x"\n#~ msgstr "y"\n',
    "windows line ends": HEADER.replace("\n", "\r\n")
    + '\r\n#, fuzzy\r\nmsgid "a"\r\nmsgstr "b"\r\n',
    "indented keywords": HEADER + '\n  msgid "a"\n  msgstr "b"\n',
    "escapes": HEADER + '\nmsgid "Sag \\"Hallo\\"\\n\\tund \\\\ tschüss"\nmsgstr "x"\n',
    "two strings on one line": HEADER + '\nmsgid "a" "b"\nmsgstr "c"\n',
    "empty file": "",
    "template": HEADER.replace("ar", "")
    + '\n#. paragraph\n#: a.html:3\nmsgid "Text <a1>hier</a1>"\nmsgstr ""\n',
}


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_string_counts_agree_with_msgfmt(tmp_path, name):
    path = tmp_path / "catalog.po"
    path.write_bytes(EDGE_CASES[name].encode("utf-8"))
    assert_agrees(path)


def test_mixed_catalog_counts_in_detail(tmp_path):
    path = tmp_path / "mixed.po"
    path.write_text(EDGE_CASES["mixed"], encoding="utf-8")
    counts = assert_agrees(path)
    assert counts == Counts(
        total=13,
        translated=6,
        fuzzy=3,
        untranslated=4,
        words_total=28,
        words_translated=12,
    )


def test_a_layout_the_scanner_does_not_know_is_read_in_full(tmp_path):
    data = ("\ufeff" + HEADER + '\nmsgid "a"\nmsgstr "c"\n').encode()  # a byte order mark
    assert scan(data) is None
    path = tmp_path / "odd.po"
    path.write_bytes(data)
    assert catalog_counts(path) == Counts(1, 1, 0, 0, 1, 1)


@pytest.mark.parametrize("bom", ["", "\ufeff"])  # the scanner, and the full reader
def test_a_page_without_body_text_counts_one_string_more(tmp_path, bom):
    header = HEADER + '"X-Kisync-No-Body-Text: yes\\n"\n'
    data = (bom + header + '\nmsgid "Termine"\nmsgstr "Appointments"\n').encode()
    path = tmp_path / "empty-body.po"
    path.write_bytes(data)
    assert catalog_counts(path) == Counts(2, 1, 0, 1, 1, 1)
    assert catalog_counts(path).percent == 50.0


def test_a_catalog_in_another_charset_is_refused_with_its_line(tmp_path):
    path = tmp_path / "latin1.po"
    text = HEADER.replace("UTF-8", "ISO-8859-1") + '\nmsgid "Grüße"\nmsgstr ""\n'
    path.write_bytes(text.encode("latin-1"))
    assert scan(path.read_bytes()) is None
    with pytest.raises(CatalogError, match="not UTF-8") as error:
        catalog_counts(path)
    assert error.value.line == 7


def test_unreadable_catalog_names_file_and_line(tmp_path):
    path = tmp_path / "broken.po"
    path.write_text(HEADER + '\nmsgid "a"\nmsgstr "b" x\n', encoding="utf-8")
    with pytest.raises(CatalogError) as error:
        catalog_counts(path)
    assert str(error.value).startswith(f"{path}:")
    assert error.value.line == 8


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Melden Sie sich bei der <a1>Ausländerbehörde</a1> an.", 7),
        ("Öffnungszeiten:<br1/>Mo–Fr 8–12 Uhr", 4),
        ("<x1/> <b1>Wichtig:</b1> Bitte mitbringen", 3),
        ("E-Mail-Adresse", 1),
        ("z. B. – oder / und", 4),
        ("Tel. 02452 13-0", 3),
        ("Straße<br1/>45", 2),
        ("<b1>Haus</b1>tür", 1),
        ("مرحبا بكم", 2),
        ("– … / &", 0),
        ("", 0),
        ("<a1></a1>", 0),
    ],
)
def test_word_rule(text, words):
    assert count_words(text) == words


# -- random catalogs against msgfmt ------------------------------------------------------

_text = st.lists(
    st.sampled_from([*'abcÄöüß äx<>1/"\\\t\n-–', "<a1>", "</a1>", "<br1/>", "Wort "]),
    max_size=20,
).map("".join)


@st.composite
def catalogs(draw) -> polib.POFile:
    catalog = polib.POFile(wrapwidth=draw(st.sampled_from([0, 20, 79])))
    if draw(st.booleans()):
        catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ar"}
    if draw(st.booleans()):
        catalog.metadata_is_fuzzy = True
    seen = set()
    for _ in range(draw(st.integers(0, 12))):
        msgctxt = draw(st.one_of(st.none(), _text))
        msgid = draw(_text)
        if (msgctxt, msgid) in seen or (msgid == "" and msgctxt is None):
            continue
        seen.add((msgctxt, msgid))
        entry = polib.POEntry(msgid=msgid, msgctxt=msgctxt)
        if draw(st.booleans()) and msgid:
            entry.msgid_plural = draw(_text) or "x"
            entry.msgstr_plural = {i: draw(st.sampled_from(["", "t"])) for i in range(2)}
        else:
            entry.msgstr = draw(st.sampled_from(["", "ترجمة", " ", "a\nb"]))
        if draw(st.booleans()):
            entry.flags.append("fuzzy")
        if draw(st.integers(0, 4)) == 0:
            entry.obsolete = True
        if draw(st.booleans()):
            entry.comment = "paragraph"
            entry.occurrences = [("a.html", "3")]
        catalog.append(entry)
    return catalog


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(catalog=catalogs(), crlf=st.booleans())
def test_random_catalogs_agree_with_msgfmt(tmp_path, catalog, crlf):
    path = tmp_path / "random.po"
    text = str(catalog) + "\n"
    path.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode("utf-8"))
    counts = assert_agrees(path)
    live = [e for e in catalog if not e.obsolete]
    assert counts.words_total == sum(
        count_words(e.msgid) + count_words(e.msgid_plural or "") for e in live
    )
