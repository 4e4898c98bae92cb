"""`kisync harvest` on a live site (the crawl portal), served on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import msgfmt_check
from support.httpserver import TestServer

from kisync import Project
from kisync.catalog import pofile

GERMAN = """<!DOCTYPE html><html lang="de"><head><title>Kurse</title>{alternates}</head>
<body><main><h1>Sprachkurse</h1>
<p>Unsere Kurse finden im <a href="/haus/">Haus der Begegnung</a> statt.</p>
<p>Anmeldung bis zum 15. März unter <a href="tel:+4924521234">02452 1234</a>.</p>
</main></body></html>"""
ENGLISH = """<!DOCTYPE html><html lang="en"><head><title>Courses</title></head>
<body><main><h1>Language courses</h1>
<p>Our courses take place in the <a href="/en/haus/">community centre</a>.</p>
<p>Register by 15 March on <a href="tel:+4924521234">02452 1234</a>.</p>
</main></body></html>"""
HAUS = '<!DOCTYPE html><html lang="de"><head><title>Haus</title></head><body><main><p>Das Haus der Begegnung.</p><a href="/kurse/">Kurse</a></main></body></html>'


def site(root: Path, alternates: str) -> None:
    for path, text in {
        "index.html": '<html lang="de"><body><main><a href="/kurse/">Kurse</a> <a href="/haus/">Haus</a></main></body></html>',
        "kurse/index.html": GERMAN.format(alternates=alternates),
        "haus/index.html": HAUS,
        "en/kurse/index.html": ENGLISH,
    }.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")


def project(tmp_path: Path, url: str, harvest: str = "") -> Project:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "kisync.toml").write_text(
        'languages = ["en", "tr"]\n'
        f'[portal]\nkind = "crawl"\nurl = "{url}"\ncontent = "main"\n'
        "delay = 0\ntimeout = 5\nretries = 0\n" + harvest,
        encoding="utf-8",
    )
    result = Project.load(folder)
    assert not result.pull().failures
    return result


@pytest.mark.parametrize(
    ("alternates", "harvest"),
    [
        ('<link rel="alternate" hreflang="en" href="/en/kurse/">', ""),
        ('<link rel="alternate" hreflang="en-GB" href="/en/kurse/">', ""),
        ("", '[harvest]\npattern = "{lang}/{path}"\n'),
    ],
    ids=["hreflang", "hreflang-region", "pattern"],
)
def test_harvest_from_a_live_site(tmp_path: Path, alternates: str, harvest: str) -> None:
    root = tmp_path / "site"
    site(root, alternates)
    with TestServer(root=root) as server:
        proj = project(tmp_path, server.url, harvest)
        assert "en/kurse" not in proj.page_keys()  # the English page is no German page
        report = proj.harvest()
        assert report.exit_code == 0, report.failures
        pages = {(p.language, p.page): p for p in report.pages}
        assert pages[("en", "kurse")].status == "harvested"
        assert pages[("en", "kurse")].source == server.url_for("/en/kurse/")
        assert pages[("tr", "kurse")].status == "no-translation"
        assert server.count("/tr/kurse/") == (1 if harvest else 0)

    path = proj.catalog_path("en", "kurse")
    entries = {entry.msgid: entry for entry in pofile.read(path)}
    assert entries["Sprachkurse"].msgstr == "Language courses"
    assert (
        entries["Unsere Kurse finden im <a1>Haus der Begegnung</a1> statt."].msgstr
        == "Our courses take place in the <a1>community centre</a1>."
    )
    assert f"harvested from {server.url_for('/en/kurse/')}" in entries["Sprachkurse"].comment
    msgfmt_check(path)
