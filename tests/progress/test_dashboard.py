"""`kisync report`: the static dashboard and the badges, rendered by a real chromium."""

from __future__ import annotations

import json
import os
import re
from xml.etree import ElementTree

import lxml.html
import pytest
from click.testing import CliRunner
from support.browser import dump_dom, png_size, screenshot

from kisync.cli import cli

from .helpers import translate_all, translate_randomly


@pytest.fixture
def partly_translated(demo):
    for number, language in enumerate(demo.languages):
        for key in demo.page_keys()[number :: number + 2]:
            translate_randomly(demo.catalog_path(language.code, key), seed=number, done=0.5)
    translate_all(demo.catalog_path("uk", "index"))
    return demo


def test_report_writes_page_badges_and_json(partly_translated, tmp_path):
    output = tmp_path / "dashboard"
    result = CliRunner().invoke(
        cli, ["--project", str(partly_translated.root), "report", "--output", str(output)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (output / "badges").iterdir()) == [
        f"{code}.svg" for code in sorted(["en", "ar", "fa", "tr", "uk", "ru", "de-x-ls"])
    ]
    stats = partly_translated.stats()
    assert json.loads((output / "stats.json").read_text()) == stats.to_json()
    html = (output / "index.html").read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html and "https://" not in html
    assert "default-src 'none'" in html


def test_matrix_cells_colours_and_links(partly_translated, tmp_path):
    dashboard = partly_translated.report(tmp_path / "out")
    document = lxml.html.parse(str(dashboard.index)).getroot()
    matrix = document.xpath("//table[caption='Completeness per page and language']")[0]
    header = [th.text_content() for th in matrix.xpath("./thead/tr/th")]
    assert header == ["page", "German words", "en", "ar", "fa", "tr", "uk", "ru", "de-x-ls"]
    rows = matrix.xpath("./tbody/tr")
    assert [row.xpath("./th")[0].text_content() for row in rows] == partly_translated.page_keys()
    stats = partly_translated.stats()
    for column, language in enumerate(stats.languages):
        for row, page in zip(rows, language.pages, strict=True):
            cell = row.xpath("./td")[1 + column]
            assert cell.text_content().startswith(f"{page.counts.percent:.1f} %")
            if page.counts.fuzzy:
                assert f"{page.counts.fuzzy} f" in cell.text_content()
            link = cell.xpath("./a/@href")[0]
            assert (dashboard.index.parent / link).resolve() == page.path.resolve()
    complete = rows[partly_translated.page_keys().index("index")].xpath("./td")[1 + 4]
    assert "#1a7f37" in complete.get("style")  # Ukrainian index: complete, dark green
    empty = rows[partly_translated.page_keys().index("impressum")].xpath("./td")[1 + 5]
    assert empty.text_content().startswith("0.0 %") and "#f4a6a6" in empty.get("style")
    languages = document.xpath("//table[starts-with(caption, 'Completeness per language')]")[0]
    arabic = languages.xpath("./tbody/tr")[1]
    counts = stats.languages[1].counts
    cells = [td.text_content() for td in arabic.xpath("./td")]
    assert cells[:5] == [
        f"{counts.percent:.1f} %",
        f"{counts.translated} / {counts.total}",
        str(counts.fuzzy),
        str(counts.untranslated),
        str(counts.words_remaining),
    ]
    assert arabic.xpath(".//span[@lang='ar'][@dir='rtl']")


def test_time_of_the_last_pull(partly_translated, tmp_path):
    state_file = partly_translated.state_dir / "pull-state.json"
    os.utime(state_file, (1_700_000_000, 1_700_000_000))  # what a pull does when it ends
    html = partly_translated.report(tmp_path / "a").index.read_text(encoding="utf-8")
    assert "last pull: 2023-11-14 22:13 UTC" in html
    (partly_translated.state_dir / "pull-state.json").unlink()  # a fresh clone in CI
    html = partly_translated.report(tmp_path / "b").index.read_text(encoding="utf-8")
    assert re.search(r"German text last changed: \d{4}-\d\d-\d\d \d\d:\d\d UTC", html)


def test_badges_are_valid_svg(partly_translated, tmp_path):
    dashboard = partly_translated.report(tmp_path / "out", languages=("ar", "uk"))
    assert [p.name for p in dashboard.badges] == ["ar.svg", "uk.svg"]
    stats = partly_translated.stats(["ar"]).languages[0].counts
    svg = ElementTree.parse(dashboard.badges[0]).getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "Arabic" in texts and f"{stats.percent:g} %" in texts
    assert svg.get("aria-label") == f"Arabic: {stats.percent:g} % translated"


@pytest.mark.browser
def test_dashboard_renders_in_headless_chromium(partly_translated, tmp_path):
    dashboard = partly_translated.report(tmp_path / "dashboard")
    url = dashboard.index.resolve().as_uri()
    dom = lxml.html.fromstring(dump_dom(url, tmp_path / "profile"))
    matrix = dom.xpath("//table[caption='Completeness per page and language']")
    assert matrix, "the page × language table is not in the rendered page"
    assert len(matrix[0].xpath("./tbody/tr")) == len(partly_translated.page_keys())
    assert len(dom.xpath("//img[starts-with(@src, 'badges/')]")) == 7

    shot, blank_shot = tmp_path / "dashboard.png", tmp_path / "blank.png"
    screenshot(url, shot, tmp_path / "profile")
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><title>blank</title>", encoding="utf-8")
    screenshot(blank.as_uri(), blank_shot, tmp_path / "profile")
    assert png_size(shot) == (1280, 1600)
    # a white page compresses to almost nothing; a coloured table does not
    assert shot.stat().st_size > 10 * blank_shot.stat().st_size


def test_bad_output_folder_is_exit_2(demo, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(
        cli, ["--project", str(demo.root), "report", "--output", str(blocker / "sub")]
    )
    assert result.exit_code == 2
    assert result.output.startswith("kisync: error: ")
