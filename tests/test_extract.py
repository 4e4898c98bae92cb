"""Segmentation rules: what becomes a msgid, with which placeholders, and what never does."""

from __future__ import annotations

import pytest

from kisync.errors import ConfigError, ExtractError
from kisync.extract import ExtractRules, extract_page
from kisync.extract.literals import raw_offsets


def texts(source: str, **rules) -> list[str]:
    page = extract_page(source, ExtractRules(**rules))
    return [segment.text for segment in page.segments]


def segment(source: str, index: int = 0, **rules):
    return extract_page(source, ExtractRules(**rules)).segments[index]


def page(body: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>T</title></head><body><main>{body}</main></body></html>"
    )


class TestBlocks:
    def test_one_entry_per_block(self):
        html = "<main><h1>Titel</h1><p>Absatz eins.</p><ul><li>Punkt</li></ul></main>"
        assert texts(html) == ["Titel", "Absatz eins.", "Punkt"]

    @pytest.mark.parametrize(
        "tag",
        ["p", "h2", "li", "dt", "dd", "caption", "figcaption", "blockquote", "summary", "legend"],
    )
    def test_block_kinds(self, tag):
        wrapped = {
            "li": "<ul><li>Text hier</li></ul>",
            "dt": "<dl><dt>Text hier</dt></dl>",
            "dd": "<dl><dd>Text hier</dd></dl>",
            "caption": "<table><caption>Text hier</caption></table>",
            "summary": "<details><summary>Text hier</summary></details>",
            "legend": "<fieldset><legend>Text hier</legend></fieldset>",
        }.get(tag, f"<{tag}>Text hier</{tag}>")
        found = segment(f"<main>{wrapped}</main>")
        assert (found.text, found.kind) == ("Text hier", tag)

    def test_table_cells_label_button_option(self):
        html = (
            "<main><table><tr><th>Tag</th><td>Montag</td></tr></table>"
            "<form><label for='a'>Ihr Name</label><button>Senden</button>"
            "<select><option>Deutsch</option><option>Arabisch</option></select></form></main>"
        )
        assert texts(html) == ["Tag", "Montag", "Ihr Name", "Senden", "Deutsch", "Arabisch"]

    def test_html5_optional_end_tags(self):
        html = "<main><ul><li>Eins<li>Zwei</ul><p>Erster Absatz<p>Zweiter Absatz<table><tr><td>A1<td>B1<tr><td>A2</table></main>"
        assert texts(html) == ["Eins", "Zwei", "Erster Absatz", "Zweiter Absatz", "A1", "B1", "A2"]

    def test_nested_list_splits_item(self):
        html = "<main><ul><li>Oben <em>betont</em><ul><li>Unten</li></ul> Rest</li></ul></main>"
        assert texts(html) == ["Oben <i1>betont</i1>", "Unten", "Rest"]

    def test_text_loose_in_container(self):
        assert texts("<main><div>Freier Text<p>Absatz</p>Nachtext</div></main>") == [
            "Freier Text",
            "Absatz",
            "Nachtext",
        ]

    def test_same_text_twice_keeps_both_segments(self):
        found = texts("<main><h2>Kontakt</h2><table><tr><td>Kontakt</td></tr></table></main>")
        assert found == ["Kontakt", "Kontakt"]


class TestPlaceholders:
    def test_inline_markup_becomes_numbered_pseudo_tags(self):
        found = segment(
            '<main><p>Bei der <a href="https://www.bamf.de" class="ext">Behörde</a> '
            "<strong>sofort</strong> <em>melden</em>, <span class='x'>bitte</span>.<br>Danke "
            '<a href="/zwei">hier</a>.</p></main>'
        )
        assert found.text == (
            "Bei der <a1>Behörde</a1> <b1>sofort</b1> <i1>melden</i1>, <span1>bitte</span1>."
            "<br1/>Danke <a2>hier</a2>."
        )
        notes = {p.name: p.note for p in found.placeholders}
        assert notes["a1"] == "link to https://www.bamf.de"
        assert notes["a2"] == "link to /zwei"
        assert notes["b1"] == "bold" and notes["i1"] == "italic" and notes["br1"] == "line break"
        a1 = next(p for p in found.placeholders if p.name == "a1")
        assert (a1.open, a1.close) == ('<a href="https://www.bamf.de" class="ext">', "</a>")

    def test_no_attribute_or_url_in_msgid(self):
        found = segment(
            '<main><p>Siehe <a href="https://x.de/a?b=c" title="Tipp">Seite</a>.</p></main>'
        )
        assert "https" not in found.text and "Tipp" not in found.text

    def test_nested_inline(self):
        assert segment("<main><p>A <a href='/x'>B <b>C</b></a> D</p></main>").text == (
            "A <a1>B <b1>C</b1></a1> D"
        )

    def test_wrapper_around_whole_text_stays_in_page(self):
        found = segment('<main><ul><li><a href="/kita/"><span>Kita</span></a></li></ul></main>')
        assert found.text == "Kita"
        assert found.wrapper == ("link to /kita/", "<span>")

    def test_translate_no_inline_is_atomic(self):
        found = segment(
            '<main><p>Wir sitzen in der <span translate="no">Valkenburger Straße 45</span> '
            "in Heinsberg.</p></main>"
        )
        assert found.text == "Wir sitzen in der <x1/> in Heinsberg."
        assert found.placeholders[0].note == 'kept unchanged: "Valkenburger Straße 45"'
        assert found.placeholders[0].open == '<span translate="no">Valkenburger Straße 45</span>'

    def test_notranslate_class_and_inline_code_are_atomic(self):
        found = segment(
            '<main><p>Tippen Sie <code>kisync pull</code> oder <b class="notranslate">KI</b> ein.</p></main>'
        )
        assert found.text == "Tippen Sie <x1/> oder <x2/> ein."

    def test_edge_images_and_breaks_stay_outside(self):
        found = segment('<main><p><img src="a.jpg" alt=""><br>Bildunterschrift<br></p></main>')
        assert found.text == "Bildunterschrift"

    def test_empty_anchor_is_atomic(self):
        assert segment('<main><p>Text <a id="top"></a>weiter</p></main>').text == "Text <x1/>weiter"

    def test_inline_comment_and_script_are_kept_not_shown(self):
        found = segment(
            "<main><p>Eins <!-- Notiz --> zwei<script>var a='b';</script> drei</p></main>"
        )
        assert found.text == "Eins zwei drei"
        assert found.kept == ("<!-- Notiz -->", "<script>var a='b';</script>")

    def test_span_covers_exactly_the_translated_source(self):
        source = "<main><p>\n   Hallo <b>Welt</b>!  \n</p></main>"
        found = segment(source)
        assert source[found.start : found.end] == "Hallo <b>Welt</b>!"

    def test_web_and_email_addresses_in_text_are_atomic(self):
        found = segment(
            "<main><p>Mehr unter www.bamf.de, https://kreis-heinsberg.de/ki/?a=1&amp;b=2 und "
            "integration.nrw; Fragen an ki@kreis-heinsberg.de.</p></main>"
        )
        assert found.text == "Mehr unter <x1/>, <x2/> und <x3/>; Fragen an <x4/>."
        assert [p.note for p in found.placeholders] == [
            'web address, kept unchanged: "www.bamf.de"',
            'web address, kept unchanged: "https://kreis-heinsberg.de/ki/?a=1&b=2"',
            'web address, kept unchanged: "integration.nrw"',
            'e-mail address, kept unchanged: "ki@kreis-heinsberg.de"',
        ]
        assert found.placeholders[1].open == "https://kreis-heinsberg.de/ki/?a=1&amp;b=2"

    def test_address_numbering_follows_other_atomic_content(self):
        found = segment(
            '<main><p>Siehe <span translate="no">Formular A</span> auf '
            '<a href="https://www.ki.de">www.ki.de</a>.</p></main>'
        )
        assert found.text == "Siehe <x1/> auf <a1><x2/></a1>."

    def test_brackets_and_punctuation_around_an_address_stay_text(self):
        found = segment(
            "<main><p>Lesen Sie (https://de.wikipedia.org/wiki/Duldung_(Recht)) "
            "oder „www.bamf.de“!</p></main>"
        )
        assert found.text == "Lesen Sie (<x1/>) oder „<x2/>“!"
        assert found.placeholders[0].open == "https://de.wikipedia.org/wiki/Duldung_(Recht)"

    def test_an_address_at_the_edge_stays_in_the_sentence(self):
        # translators may need to move it: in Turkish the address comes first
        assert segment("<main><p>Mehr Informationen: www.bamf.de</p></main>").text == (
            "Mehr Informationen: <x1/>"
        )

    def test_an_address_written_with_character_references_keeps_its_bytes(self):
        found = segment("<main><p>Stadt: M&uuml;nchen.de&nbsp;(Portal)</p></main>")
        assert found.text == "Stadt: <x1/>\u00a0(Portal)"
        assert found.placeholders[0].open == "M&uuml;nchen.de"

    def test_raw_offsets_map_decoded_characters_to_the_source(self):
        raw = "a&amp;b&nbsp;c&#x41"
        assert raw_offsets(raw) == [0, 1, 6, 7, 13, 14, len(raw)]  # a & b nbsp c A end

    def test_text_that_looks_like_a_placeholder_is_atomic(self):
        found = segment(
            "<main><p>Tippen Sie &lt;a1&gt;Name&lt;/a1&gt; in das <a href='/f'>Formular</a> "
            "(nicht <b>&lt;br1/&gt;</b>).</p></main>"
        )
        assert (
            found.text
            == "Tippen Sie <x1/>Name<x2/> in das <a1>Formular</a1> (nicht <b1><x3/></b1>)."
        )
        assert [p.note for p in found.placeholders] == [
            'text like a placeholder, kept unchanged: "<a1>"',
            'text like a placeholder, kept unchanged: "</a1>"',
            "link to /f",
            "bold",
            'text like a placeholder, kept unchanged: "<br1/>"',
        ]
        assert found.placeholders[0].open == "&lt;a1&gt;"

    @pytest.mark.parametrize(
        "text",
        [
            "Bitte z.B. den Pass mitbringen, ca. 8 Uhr.",
            "Version 1.2 gilt ab dem 1.1.2025.",
            "Der Kurs (Modul 3) endet am Freitag.",
            "Das Büro in Heinsberg.Danach geht es weiter.",
        ],
    )
    def test_ordinary_sentences_hold_no_address(self, text):
        assert segment(f"<main><p>{text}</p></main>").placeholders == ()


class TestAttributes:
    def test_translatable_attributes(self):
        html = (
            '<main><img src="a.png" alt="Ein Plan"><abbr title="Kommunales Integrationszentrum">KI</abbr>'
            '<button aria-label="Menü öffnen"></button><input placeholder="Ihr Name">'
            '<input type="submit" value="Absenden"><input type="text" value="nicht"></main>'
        )
        found = [(s.kind, s.text) for s in extract_page(html).segments]
        assert found == [
            ("@alt", "Ein Plan"),
            ("@title", "Kommunales Integrationszentrum"),
            ("main", "KI"),
            ("@aria-label", "Menü öffnen"),
            ("@placeholder", "Ihr Name"),
            ("@value", "Absenden"),
        ]

    def test_attribute_span_is_the_value_token(self):
        source = "<main><img alt='Karte &amp; Plan' src=\"x\"></main>"
        found = segment(source)
        assert found.text == "Karte & Plan"
        assert source[found.start : found.end] == "'Karte &amp; Plan'"

    def test_head_title_and_metadata(self):
        html = (
            "<html><head><title>Kurse &ndash; Portal</title>"
            '<meta name="description" content="Alles über Kurse.">'
            '<meta property="og:title" content="Kurse"><meta property="og:description" content="Infos">'
            '<meta name="keywords" content="nicht extrahieren"></head><body><main><p>x y</p></main></body></html>'
        )
        found = [(s.kind, s.text) for s in extract_page(html).segments]
        assert found[:4] == [
            ("title", "Kurse – Portal"),
            ("meta description", "Alles über Kurse."),
            ("og:title", "Kurse"),
            ("og:description", "Infos"),
        ]
        assert all("nicht extrahieren" not in text for _, text in found)


class TestSkipped:
    def test_script_style_noscript_template_comments(self):
        html = (
            "<main><script>var t = 'Hallo Welt';</script><style>p{content:'Text'}</style>"
            "<noscript>Bitte JavaScript</noscript><template><p>Vorlage</p></template>"
            "<!-- wp:paragraph --><p>Sichtbar</p><!-- /wp:paragraph --></main>"
        )
        assert texts(html) == ["Sichtbar"]

    def test_pre_and_code_configurable(self):
        html = "<main><pre>Quelltext hier</pre><p>Absatz</p></main>"
        assert texts(html) == ["Absatz"]
        assert texts(html, skip=()) == ["Quelltext hier", "Absatz"]

    def test_strings_without_letters(self):
        assert texts("<main><p>112</p><p>02452 13-0</p><p> &nbsp; </p><p></p><p>–</p></main>") == []

    def test_strings_that_are_only_addresses(self):
        html = (
            "<main><p>www.kreis-heinsberg.de</p><p>https://bamf.de/ (ki@kreis.de)</p>"
            '<ul><li><a href="mailto:ki@kreis.de">ki@kreis.de</a></li></ul>'
            '<input type="email" placeholder="name@beispiel.de"><img alt="www.ki.de"></main>'
        )
        assert texts(html) == []

    @pytest.mark.parametrize(
        "marker", ['translate="no"', 'class="box notranslate"', "data-kisync-ignore"]
    )
    def test_ignored_subtrees(self, marker):
        html = f'<main><div {marker}><p>Geheim</p><img alt="Bild"></div><p>Offen</p></main>'
        assert texts(html) == ["Offen"]

    def test_translate_yes_inside_no(self):
        html = '<main><div translate="no"><p>Name</p><p translate="yes">Übersetzen</p></div></main>'
        assert texts(html) == ["Übersetzen"]

    def test_ignore_selectors(self):
        html = '<main><div class="cookie-banner"><p>Cookies</p></div><p>Inhalt</p></main>'
        assert texts(html, ignore=(".cookie-banner",)) == ["Inhalt"]


class TestNormalisation:
    def test_whitespace_entities_soft_hyphens_nbsp(self):
        found = segment(
            "<main><p>Integrations&shy;kurse\n\t  für   alle &amp; jeden:\u00ad Tel.&nbsp;02452&nbsp;13-4222</p></main>"
        )
        assert found.text == "Integrationskurse für alle & jeden: Tel.\u00a002452\u00a013-4222"

    @pytest.mark.parametrize(
        ("inner", "expected"),
        [
            ("Zwei  Leerzeichen   hier", "Zwei Leerzeichen hier"),  # printable, no line break
            ("  Rand  ", "Rand"),
            ("Sprach\u00adkurs", "Sprachkurs"),  # a soft hyphen alone
            ("Steuer\x07zeichen", "Steuerzeichen"),
            ("Tel.\u00a002452  13-4222", "Tel.\u00a002452 13-4222"),  # NBSP kept, spaces collapsed
            ("Zeile\nZeile", "Zeile Zeile"),
        ],
    )
    def test_text_only_blocks_and_mixed_blocks_normalise_alike(self, inner, expected):
        assert segment(f"<main><p>{inner}</p></main>").text == expected
        mixed = segment(f"<main><p>{inner} <b>fett</b></p></main>").text
        assert mixed == f"{expected} <b1>fett</b1>"

    @pytest.mark.parametrize(
        ("inner", "expected", "outside"),
        [
            ("&nbsp;Beratung&nbsp;", "Beratung", ("&nbsp;", "&nbsp;")),
            ("\u00a0 Beratung \u00a0", "Beratung", ("\u00a0 ", " \u00a0")),
            (
                "&#160;&#xA0; Beratung&nbsp;am&nbsp;Montag &#xa0;",
                "Beratung\u00a0am\u00a0Montag",
                ("&#160;&#xA0; ", " &#xa0;"),
            ),
            ("&nbsp;Beratung <b>heute</b>&nbsp;", "Beratung <b1>heute</b1>", ("&nbsp;", "&nbsp;")),
            (
                "&nbsp;<strong>Beratung</strong>&nbsp;",
                "Beratung",
                ("&nbsp;<strong>", "</strong>&nbsp;"),
            ),
            ("Öffnungszeiten<br>&nbsp;", "Öffnungszeiten", ("", "<br>&nbsp;")),
            (
                "<br />\nÖffnungszeiten <b>heute</b><br>",
                "Öffnungszeiten <b1>heute</b1>",
                ("<br />\n", "<br>"),
            ),
            ("Text &amp;&nbsp;", "Text &", ("", "&nbsp;")),
        ],
    )
    def test_edge_spacing_and_line_breaks_stay_in_the_page(self, inner, expected, outside):
        source = f"<main><h2>{inner}</h2></main>"
        found = segment(source)
        assert found.text == expected
        before, after = outside
        assert source[: found.start].endswith(f"<h2>{before}")
        assert source[found.end :].startswith(f"{after}</h2>")

    def test_whitespace_collapses_across_tags(self):
        assert segment("<main><p>Bei der <a href='/'> Behörde </a> melden</p></main>").text == (
            "Bei der <a1>Behörde </a1>melden"
        )


class TestRegions:
    HTML = (
        "<html><head><title>Seite</title></head><body>"
        "<header><nav><ul><li><a href='/'>Startseite</a></li></ul></nav></header>"
        "<main><p>Eigener Text</p></main>"
        "<footer><p>Impressum</p></footer></body></html>"
    )

    def test_content_region_and_site_wide_text(self):
        result = extract_page(self.HTML)
        assert [s.text for s in result.segments] == ["Seite", "Eigener Text"]
        assert [s.text for s in result.site_segments] == ["Startseite", "Impressum"]
        assert result.content_found

    def test_selector_that_matches_nothing_uses_whole_page(self):
        result = extract_page(self.HTML, ExtractRules(content="#nothing"))
        assert not result.content_found
        assert [s.text for s in result.segments] == [
            "Seite",
            "Startseite",
            "Eigener Text",
            "Impressum",
        ]

    def test_fragment_is_all_content(self):
        result = extract_page("<!-- wp:paragraph --><p>Nur Inhalt</p><!-- /wp:paragraph -->")
        assert [s.text for s in result.segments] == ["Nur Inhalt"]
        assert result.content_found

    @pytest.mark.parametrize(
        "selector", ["main", "#main", ".site-main", "body > main", "main.site-main", "[role=main]"]
    )
    def test_selectors(self, selector):
        html = "<body><nav><a href='/'>Menü</a></nav><main id='main' class='site-main' role='main'><p>Inhalt</p></main></body>"
        result = extract_page(html, ExtractRules(content=selector))
        assert [s.text for s in result.segments] == ["Inhalt"]

    def test_unsupported_selector_is_a_config_error(self):
        with pytest.raises(ConfigError, match="not supported"):
            extract_page("<main></main>", ExtractRules(content="p:nth-child(2)"))

    def test_context_attribute(self):
        found = segment('<main><p data-kisync-context="Öffnungszeiten">Mo</p></main>')
        assert found.context == "Öffnungszeiten"


class TestBadInput:
    def test_binary_data(self):
        with pytest.raises(ExtractError, match="binary"):
            extract_page("\x00\x01PNG")

    def test_broken_html_still_yields_text(self):
        assert texts("<main><p>Offen <b>fett <i>kursiv</p><p>weiter</b></main>") == [
            "Offen <b1>fett <i1>kursiv</i1></b1>",
            "weiter",
        ]

    def test_absurd_nesting_is_an_error_not_a_crash(self):
        with pytest.raises(ExtractError, match="nested"):
            extract_page("<main>" + "<div>" * 5000 + "Text</main>")

    def test_unclosed_comment_and_tag(self):
        assert texts("<main><p>Text</p><!-- offen <p>mehr</p>") == ["Text"]


class TestHead:
    """HTML5 ends an unclosed <head> at the first element or text that is not head content."""

    def test_a_head_never_closed_still_gives_the_body_text(self):
        html = (
            "<!DOCTYPE html><html lang=de><head><meta charset=utf-8><title>Kurse</title>"
            '<meta name="description" content="Alles über Kurse.">\n'
            "<body><nav><a href='/'>Startseite</a></nav><main><h1>Integrationskurse</h1>"
            "<p>Melden Sie sich an.</p></main></body></html>"
        )
        result = extract_page(html)
        assert [s.text for s in result.segments] == [
            "Kurse",
            "Alles über Kurse.",
            "Integrationskurse",
            "Melden Sie sich an.",
        ]
        assert [s.text for s in result.site_segments] == ["Startseite"]

    @pytest.mark.parametrize(
        "body",
        [
            "<main><p>Text im Inhalt</p></main>",  # no <body>, no </head>
            "Text im Inhalt",  # text ends the head
            "<img src=logo.png alt=Logo>Text im Inhalt",  # so does an image
        ],
    )
    def test_whatever_ends_the_head_is_body(self, body):
        html = f"<html><head><title>Kurse</title>\n{body}"
        assert "Text im Inhalt" in texts(html, content="")

    def test_noscript_in_the_head_does_not_end_it(self):
        html = (
            "<html><head><noscript><img src='https://t.example/p.gif'></noscript>"
            "<title>Kurse</title><meta name=description content='Alles über Kurse.'></head>"
            "<body><main><p>Text</p></main></body></html>"
        )
        assert texts(html) == ["Kurse", "Alles über Kurse.", "Text"]

    def test_a_second_head_in_the_body_hides_nothing(self):
        html = page("<p>Eins</p><head><meta charset=utf-8><p>Zwei</p>")
        assert texts(html) == ["T", "Eins", "Zwei"]

    @pytest.mark.parametrize(
        ("body", "has_text"),
        [
            ('<main><div id="app"></div></main>', False),  # built by JavaScript
            ("<main><p>42</p><img src=a.png></main><footer><p>Impressum</p></footer>", False),
            ("<main><img src=a.png alt='Ein Plan'></main>", True),
            ("<main><p>Text</p></main>", True),
        ],
    )
    def test_whether_the_body_has_text(self, body, has_text):
        html = f"<html><head><title>Kurse</title><meta name=description content=Infos></head><body>{body}"
        assert extract_page(html).body_text is has_text


class TestImageLinks:
    def test_the_alt_of_an_image_in_a_link_is_extracted(self):
        html = (
            "<body><header><a href='/' rel=home><img src=logo.svg alt='Integrationsportal Kreis Heinsberg'></a>"
            "</header><main><p>Siehe <a href='/plan.pdf'><img src=plan.png alt='Plan der Stadt'></a> hier.</p>"
            "<a href='/kurse/'><picture><img src=k.png alt='Zu den Kursen'></picture></a>"
            "<a href='/x/' translate=no><img src=x.png alt='Nicht übersetzen'></a></main></body>"
        )
        result = extract_page(html)
        assert [(s.kind, s.text) for s in result.segments] == [
            ("p", "Siehe <x1/> hier."),
            ("@alt", "Plan der Stadt"),
            ("@alt", "Zu den Kursen"),
        ]
        assert [(s.kind, s.text) for s in result.site_segments] == [
            ("@alt", "Integrationsportal Kreis Heinsberg")
        ]
