"""Rendering: translated text in, everything else byte for byte, no markup injection.

Outputs are checked with a real HTML parser (lxml.html), not by string matching alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from kisync.extract import ExtractRules
from kisync.languages import get_language
from kisync.publish.render import Alternates, Links, SourcePage, link_key, render

DEMO = Path(__file__).parents[2] / "examples" / "heinsberg" / "portal"
DEMO_PAGES = sorted(
    path  # the German pages; en/ and ar/ hold existing translations (kisync harvest)
    for path in DEMO.rglob("*.html")
    if path.relative_to(DEMO).parts[0] not in ("en", "ar")
)
EN, AR, DE = get_language("en"), get_language("ar"), get_language("de")

PAGE = """<!DOCTYPE html>
<html lang="de-DE">
<head><meta charset="utf-8"><title>Anmeldung &#8211; Portal</title>
<meta name="description" content="Wie Sie sich anmelden."></head>
<body>
<nav><ul><li><a href="/kontakt/">Kontakt</a></li></ul></nav>
<main>
<p>Melden Sie sich bei der <a href="/abh/" class="extern" title="Amt">Ausländerbehörde</a> in <strong>Heinsberg</strong> an.</p>
<p><img src="bild.png" alt="Ein Bild vom Amt"> Öffnungszeiten: Montag&nbsp;bis&nbsp;Freitag</p>
<p>Alles &amp; mehr <!-- Hinweis --> steht hier.</p>
</main>
</body>
</html>
"""
SENTENCE = "Melden Sie sich bei der <a1>Ausländerbehörde</a1> in <b1>Heinsberg</b1> an."


def everything(page: SourcePage, change=lambda text: f"«{text}»") -> dict[tuple[str, str], str]:
    """A translation for every string of the page (page and site strings alike)."""
    return {(s.context, s.text): change(s.text) for s in page.segments}


def parse(text: str):
    return lxml.html.document_fromstring(text)


def main_paragraph(text: str, index: int = 0):
    return parse(text).xpath("//main/p")[index]


# -- byte faithfulness -------------------------------------------------------------


@pytest.mark.parametrize("path", DEMO_PAGES, ids=lambda p: p.relative_to(DEMO).as_posix())
def test_only_segment_spans_change(path):
    """Outside the segments' spans every byte of the German page is kept, in order."""
    source = path.read_text(encoding="utf-8")
    page = SourcePage(source, ExtractRules(content="main"))
    out = render(page, EN, everything(page), everything(page)).html
    position, chunks = 0, []
    for segment in page.segments:  # sorted by start
        if segment.start < position:
            continue  # an attribute inside a sentence: part of the sentence's output
        chunks.append(source[position : segment.start])
        position = segment.end
    chunks.append(source[position:])
    cursor = 0
    for chunk in chunks:
        chunk = chunk.replace('<html lang="de-DE">', '<html lang="en">')
        chunk = chunk.replace('"og:locale" content="de_DE"', '"og:locale" content="en"')
        found = out.find(chunk, cursor)
        assert found >= 0, f"lost or reordered: {chunk[:80]!r}"
        cursor = found + len(chunk)
    assert out.count("«") == len(page.segments)  # attributes inside sentences included


@pytest.mark.parametrize("path", DEMO_PAGES, ids=lambda p: p.relative_to(DEMO).as_posix())
def test_untranslated_page_is_the_german_page_plus_language_marks(path):
    source = path.read_text(encoding="utf-8")
    page = SourcePage(source, ExtractRules(content="main"))
    out = render(page, EN, {}, {}).html
    expected = source.replace('<html lang="de-DE">', '<html lang="en">').replace(
        '"og:locale" content="de_DE"', '"og:locale" content="en"'
    )
    inserted = _insertions(out, expected)
    assert inserted['<span lang="de">'] == inserted["</span>"]
    assert inserted[' lang="de"'] + inserted['<span lang="de">'] > 5
    tree = parse(out)
    assert tree.get("lang") == "en"
    assert not tree.xpath('//main//*[@lang="en"]')


def _insertions(out: str, source: str) -> dict[str, int]:
    """Align ``out`` with ``source``, allowing only our language marks as insertions."""
    marks = ('<span lang="de">', "</span>", ' lang="de"')
    counts = dict.fromkeys(marks, 0)
    cursor = 0
    for piece in re.split("(" + "|".join(map(re.escape, marks)) + ")", out):
        if source.startswith(piece, cursor):
            cursor += len(piece)
        elif piece in marks:
            counts[piece] += 1
        else:
            raise AssertionError(
                f"changed at {cursor}: {source[cursor : cursor + 60]!r} → {piece[:60]!r}"
            )
    assert cursor == len(source)
    return counts


def test_entities_comments_and_whitespace_outside_translations_survive():
    page = SourcePage(PAGE)
    translations = {("", "Kontakt"): "Contact"}
    out = render(page, EN, {}, translations).html
    assert "Alles &amp; mehr <!-- Hinweis --> steht hier." in out
    assert "Montag&nbsp;bis&nbsp;Freitag" in out
    assert '<title lang="de">Anmeldung &#8211; Portal</title>' in out
    assert '<a href="/kontakt/">Contact</a>' in out


# -- translations and placeholders -------------------------------------------------


def test_placeholders_become_the_sources_own_tags_in_the_translators_order():
    page = SourcePage(PAGE)
    msgstr = "In <b1>Heinsberg</b1>, register with the <a1>immigration office</a1>."
    out = render(page, EN, {("", SENTENCE): msgstr}).html
    assert (
        '<p>In <strong>Heinsberg</strong>, register with the <a href="/abh/" class="extern" '
        'title="Amt">immigration office</a>.</p>'
    ) in out
    link = main_paragraph(out).find("a")
    assert link.get("href") == "/abh/" and link.text == "immigration office"


def test_an_address_placeholder_is_restored_byte_for_byte():
    page = SourcePage("<main><p>Infos unter https://ki.example/?a=1&amp;b=2 bei uns.</p></main>")
    out = render(page, EN, {("", "Infos unter <x1/> bei uns."): "See <x1/> for details."}).html
    assert "<p>See https://ki.example/?a=1&amp;b=2 for details.</p>" in out


def test_attributes_inside_a_placeholder_are_translated_too():
    page = SourcePage(PAGE)
    translations = {
        ("", SENTENCE): "Register with the <a1>office</a1> in <b1>Heinsberg</b1>.",
        ("", "Amt"): "Office",
        ("", "Ein Bild vom Amt"): "A picture of the office",
    }
    out = render(page, EN, translations).html
    assert main_paragraph(out).find("a").get("title") == "Office"
    image = parse(out).xpath("//img")[0]
    assert image.get("alt") == "A picture of the office"
    assert image.get("lang") is None


def test_the_alt_of_an_image_link_is_translated_inside_the_link_and_the_sentence():
    page = SourcePage(
        "<header><a href='/' rel=home><img src=logo.svg alt='Portal Heinsberg'></a></header>"
        "<main><p>Siehe <a href='/plan.pdf'><img src=plan.png alt='Plan der Stadt'></a> hier.</p></main>"
    )
    translations = {
        ("", "Siehe <x1/> hier."): "See <x1/> here.",
        ("", "Plan der Stadt"): "City map",
    }
    out = render(page, EN, translations, {("", "Portal Heinsberg"): "Heinsberg portal"}).html
    assert "<a href='/' rel=home><img src=logo.svg alt=\"Heinsberg portal\"></a>" in out
    assert "<p>See <a href='/plan.pdf'><img src=plan.png alt=\"City map\"></a> here.</p>" in out
    german = render(page, AR, {("", "Siehe <x1/> hier."): "انظر <x1/> هنا."}).html
    assert '<img src=plan.png alt=\'Plan der Stadt\' lang="de" dir="ltr">' in german


def test_edge_spacing_and_line_breaks_stay_around_the_translation():
    page = SourcePage(
        "<main><h2>&nbsp;Beratung<br>&nbsp;</h2>"
        "<p>\u00a0Bitte <b>pünktlich</b> kommen.&#160;</p></main>"
    )
    translations = {
        ("", "Beratung"): "Advice",
        ("", "Bitte <b1>pünktlich</b1> kommen."): "Please come <b1>on time</b1>.",
    }
    out = render(page, EN, translations).html
    assert "<h2>&nbsp;Advice<br>&nbsp;</h2>" in out
    assert "<p>\u00a0Please come <b>on time</b>.&#160;</p>" in out


def test_text_that_looks_like_a_placeholder_is_published_as_text():
    page = SourcePage(
        "<html><head><title>Das Zeichen &lt;a1&gt;</title></head><body><main>"
        "<p>Tippen Sie &lt;a1&gt; in das <a href='/f'>Formular</a>.</p>"
        "<img src=s.png alt='Symbol &lt;br1/&gt;'></main></body></html>"
    )
    translations = {
        ("", "Das Zeichen <a1>"): "The sign <a1>",
        ("", "Tippen Sie <x1/> in das <a1>Formular</a1>."): "Type <x1/> in the <a1>form</a1>.",
        ("", "Symbol <br1/>"): "Icon <br1/>",
    }
    out = render(page, EN, translations)
    assert "<title>The sign &lt;a1&gt;</title>" in out.html
    assert "<p>Type &lt;a1&gt; in the <a href='/f'>form</a>.</p>" in out.html
    assert 'alt="Icon &lt;br1/&gt;"' in out.html
    assert (out.translated, out.total, out.problems) == (3, 3, ())
    assert parse(out.html).xpath("//main/p")[0].text_content() == "Type <a1> in the form."
    wrong = render(page, EN, {("", "Das Zeichen <a1>"): "The sign <b1>"})
    assert [p.problem for p in wrong.problems] == ["<b1> is not a tag of this string"]
    assert '<title lang="de">Das Zeichen &lt;a1&gt;</title>' in wrong.html


def test_kept_comments_stay_after_the_translation():
    page = SourcePage(PAGE)
    out = render(page, EN, {("", "Alles & mehr steht hier."): "All & more is here."}).html
    assert "<p>All &amp; more is here.<!-- Hinweis --></p>" in out


@pytest.mark.parametrize(
    ("msgstr", "problem"),
    [
        ("Register at <a1>office</a1>", "missing <b1>, </b1>"),
        ("</a1>office<a1> in <b1>H</b1>", "</a1> comes before its opening tag"),
        ("<a1>office</a1> <a1>again</a1> <b1>H</b1>", "<a1> appears twice"),
        ("<a1>office</a1> <b1>H</b1> <a2>new</a2>", "<a2> is not a tag of this string"),
        ("<a1><b1>office</a1> H</b1>", "</a1> closes the wrong tag"),
        (
            '<a1 href="javascript:alert(1)">office</a1> <b1>H</b1>',
            "</a1> comes before its opening tag",
        ),
        ("<a1>office</a1> <b1>H</b1> <x1/>", "<x1/> is not a tag of this string"),
    ],
)
def test_broken_placeholders_leave_the_german_text(msgstr, problem):
    page = SourcePage(PAGE)
    rendered = render(page, EN, {("", SENTENCE): msgstr})
    paragraph = main_paragraph(rendered.html)
    assert paragraph.get("lang") == "de"
    assert paragraph.text_content().startswith("Melden Sie sich bei der Ausländerbehörde")
    assert [p.problem for p in rendered.problems] == [problem]
    assert rendered.problems[0].msgid == SENTENCE
    assert "javascript" not in rendered.html


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "</p><iframe src=//evil></iframe><p>",
        "<!-- --><svg onload=alert(1)>",
        "&lt;script&gt; &amp;",
        "]]></title></textarea><style>*{}</style>",
    ],
)
def test_translator_text_can_never_become_markup(hostile):
    page = SourcePage(PAGE)
    translations = {
        ("", SENTENCE): f"{hostile} <a1>office</a1> <b1>Heinsberg</b1>",
        ("", "Ein Bild vom Amt"): hostile,
        ("", "Anmeldung – Portal"): hostile,
        ("", "Wie Sie sich anmelden."): hostile,
    }
    out = render(page, EN, translations).html
    tree = parse(out)
    assert tree.xpath("//script | //iframe | //svg | //style | //textarea") == []
    assert len(tree.xpath("//img")) == 1
    assert not [el for el in tree.iter() if any(name.startswith("on") for name in el.attrib)]
    assert tree.xpath("//img")[0].get("alt") == hostile
    assert tree.xpath("//title")[0].text == hostile
    assert tree.xpath('//meta[@name="description"]')[0].get("content") == hostile
    assert main_paragraph(out).text_content() == f"{hostile} office Heinsberg"
    assert len(tree.xpath("//main/p")) == 3


def test_fuzzy_or_empty_is_the_callers_business_but_blank_is_untranslated():
    page = SourcePage(PAGE)
    rendered = render(page, EN, {("", SENTENCE): "   "})
    assert main_paragraph(rendered.html).get("lang") == "de"
    assert rendered.problems == ()


def test_completeness_counts_distinct_page_strings_only():
    page = SourcePage(PAGE)
    total = len({(s.context, s.text) for s in page.text.segments})
    rendered = render(
        page, EN, {("", SENTENCE): "Register <a1>x</a1> <b1>y</b1>."}, {("", "Kontakt"): "C"}
    )
    assert (rendered.translated, rendered.total) == (1, total)
    assert rendered.completeness == pytest.approx(100 / total)
    full = render(page, EN, everything(page))
    assert full.completeness == 100.0


# -- language and direction --------------------------------------------------------


def test_rtl_page_marks_german_fallbacks_ltr():
    page = SourcePage(PAGE)
    translations = {("", SENTENCE): "سجّل في <a1>مكتب الأجانب</a1> في <b1>هاينسبرغ</b1>."}
    out = render(page, AR, translations).html
    tree = parse(out)
    assert (tree.get("lang"), tree.get("dir")) == ("ar", "rtl")
    assert main_paragraph(out).get("lang") is None
    untranslated = main_paragraph(out, 2)
    assert (untranslated.get("lang"), untranslated.get("dir")) == ("de", "ltr")
    image = tree.xpath("//img")[0]  # a void element with a German alt gets the marks itself
    assert (image.get("lang"), image.get("dir")) == ("de", "ltr")
    title = tree.xpath("//title")[0]
    assert title.get("lang") == "de"


def test_mixed_content_gets_a_span_not_a_mislabelled_element():
    source = '<html lang="de"><body><main><p><img src="a.png" alt="Foto"> Text hier</p></main></body></html>'
    page = SourcePage(source)
    out = render(page, AR, {("", "Foto"): "صورة"}).html
    assert '<p><img src="a.png" alt="صورة"> <span lang="de" dir="ltr">Text hier</span></p>' in out


def test_text_in_a_declared_language_is_not_relabelled():
    source = (
        '<html lang="de"><body><main><p lang="en">Welcome to the portal</p>'
        '<div lang="tr"><p>Hoş geldiniz</p></div><p>Willkommen</p></main></body></html>'
    )
    out = render(SourcePage(source), AR, {}).html
    assert '<p lang="en">Welcome to the portal</p>' in out
    assert '<div lang="tr"><p>Hoş geldiniz</p></div>' in out
    assert '<p lang="de" dir="ltr">Willkommen</p>' in out


def test_an_element_declared_german_takes_the_target_language():
    source = (
        '<html lang="de"><body><main><article lang="de-DE"><p>Eins</p><p>Zwei</p></article>'
        '<p translate="no" lang="de">Bitte Deutsch sprechen</p></main></body></html>'
    )
    out = render(SourcePage(source), AR, {("", "Eins"): "واحد"}).html
    expected = '<article lang="ar" dir="rtl"><p>واحد</p><p lang="de" dir="ltr">Zwei</p></article>'
    assert expected in out
    assert '<p translate="no" lang="de">Bitte Deutsch sprechen</p>' in out  # stays German


@pytest.mark.parametrize(
    ("code", "lang", "direction"),
    [
        ("fa", "fa", "rtl"),
        ("fa_AF", "fa-AF", "rtl"),
        ("ps", "ps", "rtl"),
        ("ckb", "ckb", "rtl"),
        ("ur", "ur", "rtl"),
        ("ku", "ku", "ltr"),
        ("tr", "tr", "ltr"),
        ("uk", "uk", "ltr"),
    ],
)
def test_html_lang_and_dir_follow_the_language(code, lang, direction):
    page = SourcePage(PAGE)
    tree = parse(render(page, get_language(code), {}).html)
    assert tree.get("lang") == lang
    assert tree.get("dir") == (direction if direction == "rtl" else None)


def test_fragment_with_many_blocks_keeps_its_blocks():
    """No wrapper around blocks (WordPress would read it as broken freeform blocks):
    each top-level element says its language, German fallbacks stay marked German."""
    content = (
        "<!-- wp:paragraph -->\n<p>Willkommen im Portal.</p>\n<!-- /wp:paragraph -->\n\n"
        "<!-- wp:paragraph -->\n<p>Zweiter Absatz.</p>\n<!-- /wp:paragraph -->"
    )
    page = SourcePage(content, ExtractRules(content=""))
    out = render(page, AR, {("", "Willkommen im Portal."): "مرحبا بكم في البوابة."}).html
    assert out == (
        '<!-- wp:paragraph -->\n<p lang="ar" dir="rtl">مرحبا بكم في البوابة.</p>\n'
        "<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n"
        '<p lang="de" dir="ltr">Zweiter Absatz.</p>\n<!-- /wp:paragraph -->'
    )


def test_fragment_with_bare_text_at_the_top_is_wrapped():
    page = SourcePage("Willkommen <b>im</b> Portal.", ExtractRules(content=""))
    out = render(page, AR, {("", "Willkommen <b1>im</b1> Portal."): "أهلا <b1>في</b1> البوابة."})
    assert out.html == '<div lang="ar" dir="rtl">أهلا <b>في</b> البوابة.</div>'


def test_a_page_without_its_html_tag_gets_one_not_a_wrapper():
    page = SourcePage("<!DOCTYPE html>\n<head><title>Kurse</title>\n<main><p>Text hier.</p></main>")
    out = render(page, AR, {("", "Text hier."): "النص هنا."}).html
    assert out.startswith('<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><title lang="de"')
    assert "<p>النص هنا.</p>" in out


def test_fragment_with_one_root_element_gets_the_attributes():
    content = (
        '<!-- wp:group -->\n<div class="wp-block-group"><p>Hallo</p></div>\n<!-- /wp:group -->'
    )
    page = SourcePage(content, ExtractRules(content=""))
    out = render(page, EN, {("", "Hallo"): "Hello"}).html
    assert out == (
        '<!-- wp:group -->\n<div class="wp-block-group" lang="en" dir="ltr"><p>Hello</p></div>\n'
        "<!-- /wp:group -->"
    )


# -- links -------------------------------------------------------------------------

LINKS_PAGE = """<html lang="de"><head>
<link rel="stylesheet" href="../style.css"><link rel="canonical" href="https://portal.example/a/b/">
</head><body><main>
<p><a href="/kontakt/">Kontakt</a> <a href="../c/">C</a> <a href="../../d/#x">D</a>
<a href="https://portal.example/kontakt/?q=1#top">K</a> <a href="https://other.example/kontakt/">O</a>
<a href="mailto:ki@example.org">Mail</a> <a href="#faq">FAQ</a> <a href="e.html">E</a></p>
<img src="bild.png" srcset="bild.png 1x, /groß.png 2x" alt="">
</main></body></html>"""


def links(translated: dict[str, str]) -> Links:
    return Links(
        page_url="/a/b/",
        address="/en/a/b/",
        translated={link_key(url): address for url, address in translated.items()},
        origins=frozenset({"portal.example"}),
    )


def test_links_point_to_published_translations_else_to_german_pages():
    page = SourcePage(LINKS_PAGE)
    out = render(
        page,
        EN,
        {},
        links=links({"/kontakt/": "/en/kontakt/", "/a/c/": "/en/a/c/", "/a/b/": "/en/a/b/"}),
    ).html
    hrefs = [a.get("href") for a in parse(out).xpath("//a")]
    assert hrefs == [
        "/en/kontakt/",  # root-relative, published
        "../c/",  # relative, published: same relative path from the new place
        "../../../d/#x",  # relative, not published: still the German page
        "https://portal.example/en/kontakt/?q=1#top",  # absolute on our site
        "https://other.example/kontakt/",  # another site
        "mailto:ki@example.org",
        "#faq",
        "../../../a/b/e.html",  # a German page next to this one
    ]
    tree = parse(out)
    assert tree.xpath("//link[@rel='stylesheet']")[0].get("href") == "../../../a/style.css"
    assert tree.xpath("//link[@rel='canonical']")[0].get("href") == "https://portal.example/en/a/b/"
    image = tree.xpath("//img")[0]
    assert image.get("src") == "../../../a/b/bild.png"
    assert image.get("srcset") == "../../../a/b/bild.png 1x, /groß.png 2x"


def test_without_links_no_url_changes():
    page = SourcePage(LINKS_PAGE)
    out = render(page, EN, {}).html
    assert [a.get("href") for a in parse(out).xpath("//a")][:3] == [
        "/kontakt/",
        "../c/",
        "../../d/#x",
    ]


def test_alternates_and_switcher():
    page = SourcePage(PAGE)
    versions = ((DE, "/anmeldung/"), (EN, "/en/anmeldung/"), (AR, "/ar/anmeldung/"))
    out = render(page, AR, {}, alternates=Alternates(versions)).html
    tree = parse(out)
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in tree.xpath("//head/link[@rel='alternate']")
    }
    assert alternates == {
        "de": "/anmeldung/",
        "en": "/en/anmeldung/",
        "ar": "/ar/anmeldung/",
        "x-default": "/anmeldung/",
    }
    switcher = tree.xpath("//body/nav[@class='kisync-languages']//a")
    assert [(a.text, a.get("lang"), a.get("dir")) for a in switcher] == [
        ("Deutsch", "de", "ltr"),
        ("English", "en", "ltr"),
        ("العربية", "ar", "rtl"),
    ]
    assert [a.get("aria-current") for a in switcher] == [None, None, "page"]


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ('<meta charset="windows-1252">', '<meta charset="utf-8">'),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
        ),
        ('<meta charset="UTF-8">', '<meta charset="UTF-8">'),
    ],
)
def test_a_page_in_another_encoding_is_declared_utf8_as_it_is_written(meta, expected):
    page = SourcePage(f"<html><head>{meta}<title>Größe</title></head><body><p>Ä</p></body></html>")
    out = render(page, EN, {("", "Größe"): "Size"}).html
    assert expected in out


@pytest.mark.browser
def test_a_real_browser_builds_no_injected_markup_and_lays_out_right_to_left(tmp_path):
    """Chromium's own parser, not lxml's, is the judge of what a hostile msgstr becomes."""
    from support.browser import dump_dom

    page = SourcePage(PAGE)
    hostile = '</p><script>document.title="pwned"</script><img src=x onerror=alert(1)><p>'
    translations = {
        ("", SENTENCE): f"{hostile} <a1>مكتب</a1> <b1>هاينسبرغ</b1>",
        ("", "Ein Bild vom Amt"): '"><script>alert(1)</script>',
    }
    path = tmp_path / "ar.html"
    path.write_text(render(page, AR, translations).html, encoding="utf-8")
    dom = lxml.html.document_fromstring(dump_dom(path.as_uri(), tmp_path / "profile"))
    assert (dom.get("lang"), dom.get("dir")) == ("ar", "rtl")
    assert dom.xpath("//script") == [] and len(dom.xpath("//img")) == 1
    assert dom.xpath("//title")[0].text != "pwned"
    assert (
        main_paragraph(lxml.html.tostring(dom, encoding="unicode"))
        .text_content()
        .startswith(hostile)
    )
    assert dom.xpath("//main/p")[2].get("dir") == "ltr"


def test_right_to_left_keeps_phone_numbers_dates_and_addresses_in_order():
    content = (
        '<p>Rufen Sie <a href="tel:+49245213420">02452 13-4200</a> an oder schreiben Sie an '
        "info@kreis-heinsberg.de.</p>\n<p>Sprechzeit am 01.10.2026 von 9-12 Uhr.</p>"
    )
    page = SourcePage(content, ExtractRules(content=""))
    translations = {
        ("", "Rufen Sie <a1>02452 13-4200</a1> an oder schreiben Sie an <x1/>."): (
            "اتصل على <a1>02452 13-4200</a1> أو اكتب إلى <x1/>."
        ),
        ("", "Sprechzeit am 01.10.2026 von 9-12 Uhr."): "ساعات العمل 01.10.2026 من 9-12.",
    }
    out = render(page, AR, translations).html
    assert '<a href="tel:+49245213420" dir="ltr"><bdi dir="ltr">02452 13-4200</bdi></a>' in out
    assert '<bdi dir="ltr">info@kreis-heinsberg.de</bdi>' in out
    assert '<bdi dir="ltr">01.10.2026</bdi> من <bdi dir="ltr">9-12</bdi>' in out
    english = render(page, EN, {key: "x" + key[1] for key in translations}).html
    assert "<bdi" not in english and '<a href="tel:+49245213420">' in english


def test_top_level_content_that_is_not_translated_gets_no_language():
    content = (
        "<!-- wp:paragraph -->\n<p>Hallo</p>\n<!-- /wp:paragraph -->\n"
        '<!-- wp:shortcode -->\n<span translate="no">[form id="1"]</span>\n<!-- /wp:shortcode -->'
    )
    out = render(SourcePage(content, ExtractRules(content="")), AR, {("", "Hallo"): "مرحبا"}).html
    assert '<p lang="ar" dir="rtl">مرحبا</p>' in out
    assert '<span translate="no">[form id="1"]</span>' in out


def test_square_brackets_of_translations_are_escaped_where_shortcodes_run():
    page = SourcePage('<p>Ein [sic] Video.</p><img src="/a.png" alt="Ein Bild">')
    translations = {
        ("", "Ein [sic] Video."): '[video src="https://evil.example/x.mp4"] A [sic] video.',
        ("", "Ein Bild"): "[gallery]",
    }
    wordpress = render(page, EN, translations, shortcodes=True).html
    assert "[" not in wordpress and "]" not in wordpress
    assert '&#91;video src="https://evil.example/x.mp4"&#93; A &#91;sic&#93; video.' in wordpress
    assert 'alt="&#91;gallery&#93;"' in wordpress
    paragraph = lxml.html.fragment_fromstring(wordpress, create_parent="div")
    assert paragraph.text_content().startswith('[video src="https://evil.example/x.mp4"]')
    static = render(page, EN, translations).html  # a static site runs no shortcodes
    assert '[video src="https://evil.example/x.mp4"] A [sic] video.' in static
    german = render(page, EN, {}, shortcodes=True).html  # the German text is left as it is
    assert "Ein [sic] Video." in german
