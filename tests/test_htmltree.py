"""The parser against a reference HTML5 parser (html5lib, scripting on, as in a browser).

kisync's parser keeps source offsets, so it cannot be html5lib; but for every page below
each piece of text must end up in the same place: in the head or not, and below the
same elements (``<html>``/``<head>``/``<body>`` aside, which kisync does not imply).
"""

from __future__ import annotations

import html5lib
import pytest

from kisync.extract.htmltree import Element, Text, parse_html

IMPLIED = {"html", "head", "body", "tbody"}
"""Elements HTML5 adds when they are missing and kisync does not."""


def placed_by_kisync(source: str) -> list[tuple[bool, tuple[str, ...], str]]:
    document = parse_html(source)
    found = []

    def walk(element: Element, path: tuple[str, ...], in_head: bool) -> None:
        for child in element.children:
            if isinstance(child, Text):
                text = " ".join(document.text(child).split())
                if text:
                    found.append((id(element), in_head, path, text))
            elif isinstance(child, Element):
                inner = path if child.tag in IMPLIED else (*path, child.tag)
                walk(child, inner, in_head or child.tag == "head")

    walk(document.root, (), False)
    return _merged(found)


def placed_by_html5lib(source: str) -> list[tuple[bool, tuple[str, ...], str]]:
    tree = html5lib.parse(source, namespaceHTMLElements=False, scripting=True)
    found = []

    def add(element, text: str | None, path: tuple[str, ...], in_head: bool) -> None:
        text = " ".join((text or "").split())
        if text:
            found.append((id(element), in_head, path, text))

    def walk(element, path: tuple[str, ...], in_head: bool) -> None:
        add(element, element.text, path, in_head)
        for child in element:
            if isinstance(child.tag, str):
                inner = path if child.tag in IMPLIED else (*path, child.tag)
                walk(child, inner, in_head or child.tag == "head")
            add(element, child.tail, path, in_head)

    walk(tree, (), False)
    return _merged(found)


def _merged(found):
    """Texts of one element as one (around comments, parsers split text differently)."""
    merged: dict[int, tuple[bool, tuple[str, ...], str]] = {}
    for parent, in_head, path, text in found:
        text = f"{merged[parent][2]} {text}" if parent in merged else text
        merged[parent] = (in_head, path, text)
    return list(merged.values())


HEAD = '<meta charset="utf-8"><title>Seite</title><link rel="stylesheet" href="a.css">'

PAGES = {
    "head never closed, body tag": f"<!DOCTYPE html><html><head>{HEAD}<body><main><p>Text</p></main></body></html>",
    "head never closed, no body tag": f"<!DOCTYPE html><html><head>{HEAD}\n<main><h1>Titel</h1><p>Text</p></main>",
    "head ended by text": f"<html><head>{HEAD}\n  Willkommen im Portal <p>Absatz</p>",
    "head ended by an inline element": f"<html><head>{HEAD}<a href='/'>Start</a> Text",
    "head ended by an image": f"<html><head>{HEAD}<img src=logo.png alt=Logo><p>Text</p>",
    "no html tag": f"<!DOCTYPE html><head>{HEAD}</head><body><p>Text</p></body>",
    "no html and no head end tag": f"<head>{HEAD}<div>Text</div>",
    "no head end tag, no body tags": f"<html><head>{HEAD}<p>Eins<p>Zwei</html>",
    "second head in the body is ignored": f"<html><head>{HEAD}</head><body><p>Eins</p><head><p>Zwei</p></body></html>",
    "second body and html tags are ignored": f"<html><head>{HEAD}</head><body><p>Eins</p><body class=x><html lang=en><p>Zwei</p>",
    "head after body content is ignored": f"<html><p>Zuerst</p><head>{HEAD}</head><p>Dann</p>",
    "text after </body> and </html>": f"<html><head>{HEAD}</head><body><div><p>Eins</p></body></html>\nNachtrag",
    "meta between </head> and <body>": f"<html><head>{HEAD}</head>\n<meta name=description content=x><title>Zweiter</title>\n<body><p>Text</p></body></html>",
    "noscript image in the head (tracking pixel)": f'<html><head>{HEAD}<noscript><img src="https://t.example/p.gif"></noscript><script>var a = "<p>kein Text</p>";</script></head><body><p>Text</p></body></html>',
    "noscript in the body": "<html><head><title>T</title></head><body><noscript><p>Bitte JavaScript</p></noscript><p>Text</p></body></html>",
    "comments and spaces before the body": f"<!DOCTYPE html>\n<!-- a -->\n<html>\n<!-- b -->\n<head>\n{HEAD}\n<!-- c -->\n</head>\n<!-- d -->\n<body>\n<p>Text</p>\n</body>\n</html>\n",
    "style and script in the head": "<html><head><style>p { content: '</p>' }</style><script>if (a < b) {}</script><title>A &amp; B</title></head><body><p>Text</p></body></html>",
    "stray end tags in the head": f"<html><head>{HEAD}</div></p></span><meta name=x></head><body><p>Text</p></body>",
    "lists, paragraphs and tables without end tags": f"<!DOCTYPE html><html><head>{HEAD}<body><ul><li>Eins<li>Zwei</ul><p>A<p>B<table><tr><td>1<td>2<tr><td>3</table><dl><dt>T<dd>D</dl>",
    "uppercase tags": f"<HTML><HEAD>{HEAD}<BODY><P>Text</P></BODY></HTML>",
    "a fragment (WordPress content)": "<!-- wp:paragraph --><p>Eins</p><!-- /wp:paragraph --><h2>Zwei</h2>",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_text_is_where_html5_puts_it(name):
    source = PAGES[name]
    assert placed_by_kisync(source) == placed_by_html5lib(source)


def test_the_body_of_a_page_with_an_unclosed_head_is_outside_the_head():
    document = parse_html(PAGES["head never closed, no body tag"])
    head = document.find("head")
    assert [child.tag for child in head.children if isinstance(child, Element)] == [
        "meta",
        "title",
        "link",
    ]
    assert document.source[head.end :].startswith("<main>")  # spaces stay in the head


def test_a_template_in_the_head_does_not_end_it():
    document = parse_html(
        f"<html><head><template><div>Vorlage</div></template>{HEAD}</head><p>Text</p>"
    )
    head = document.find("head")
    assert [e.tag for e in head.iter()] == ["head", "template", "div", "meta", "title", "link"]
