"""The site title and tagline (Settings → General) in the visitor's language: pulled
into the ``_site`` catalog, pushed through the bridge plugin, shown per language."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from scenario import german_site, prepared
from support.wordpress import WordPress

from kisync.catalog import pofile

pytestmark = pytest.mark.wordpress

TITLE = "Integrationsportal Musterstadt & Umland"
TAGLINE = "Ankommen, lernen, arbeiten"


def set_site(wordpress: WordPress, title: str, tagline: str) -> None:
    """Set the options as they were before any multilingual plugin (Polylang turns a
    change made later into one of its string translations)."""
    for option, value in (("blogname", title), ("blogdescription", tagline)):
        wordpress.php(
            f"$GLOBALS['wpdb']->update($GLOBALS['wpdb']->options, ['option_value' =>"
            f" esc_html({value!r})], ['option_name' => {option!r}]);"
        )


def site_template(root: Path) -> dict[str, str]:
    """msgid → translator note of the ``_site`` template."""
    return {e.msgid: e.comment for e in pofile.read(root / "po" / "templates" / "_site.pot")}


def test_pull_reads_the_site_title_and_a_tagline_only_when_there_is_one(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_site(wordpress, TITLE, "")
    german_site(wordpress)
    project = prepared(wordpress, tmp_path, monkeypatch)
    assert site_template(tmp_path) == {TITLE: "site title"}

    set_site(wordpress, TITLE, TAGLINE)
    report = project.pull()
    assert report.failures == [] and report.changed_pages == []
    assert site_template(tmp_path) == {TITLE: "site title", TAGLINE: "site tagline"}
    arabic = {e.msgid: e.msgstr for e in pofile.read(tmp_path / "po" / "ar" / "_site.po")}
    assert arabic == {TITLE: f"ترجمة {TITLE}", TAGLINE: ""}  # a translation is kept


def shown(wordpress: WordPress, url: str) -> tuple[str, str, str]:
    """The document title, the header's site title and tagline of a page (Twenty Twenty-One)."""
    page = lxml.html.fromstring(wordpress.html(url.removeprefix(wordpress.url)))
    header = [
        " ".join(" ".join(page.xpath(f'//*[contains(@class, "{name}")]//text()')).split())
        for name in ("site-title", "site-description")
    ]
    return page.findtext(".//title") or "", header[0], header[1]


@pytest.mark.parametrize("mode", ["none", "polylang"])
def test_each_language_shows_its_translated_site_title(
    mode: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wordpress: WordPress = request.getfixturevalue(mode if mode == "polylang" else "wordpress")
    wordpress.set_bridge(True)
    wordpress.use_theme("twentytwentyone")
    set_site(wordpress, TITLE, TAGLINE)
    german = german_site(wordpress)
    project = prepared(wordpress, tmp_path, monkeypatch)
    held_back = tmp_path / "po" / "ar" / "_site.po"  # the Arabic tagline: not finished
    held_back.write_text(
        held_back.read_text(encoding="utf-8").replace(
            f'msgid "{TAGLINE}"', f'#, fuzzy\nmsgid "{TAGLINE}"'
        ),
        encoding="utf-8",
    )

    report = project.push()
    assert report.exit_code == 0, report.failures
    assert "ar: the site shows the translated site title" in report.site, report.site
    assert "en: the site shows the translated site title and tagline" in report.site
    urls = {(r.language, r.key): r.url for r in report.results}

    arabic_title = f"ترجمة {TITLE}"
    title, header, tagline = shown(wordpress, urls["ar", "bildung"])
    assert arabic_title in title and header == arabic_title
    assert tagline == TAGLINE  # held back by the publish gate: German
    assert shown(wordpress, urls["en", "bildung"])[1:] == (f"[en] {TITLE}", f"[en] {TAGLINE}")
    title, header, tagline = shown(wordpress, german["bildung"]["link"])
    assert TITLE in title and (header, tagline) == (TITLE, TAGLINE)

    stored = wordpress.php("echo json_encode(get_option('kisync_bridge_site'));")
    again = project.push()
    assert again.exit_code == 0 and not [line for line in again.site if "site title" in line]
    assert wordpress.php("echo json_encode(get_option('kisync_bridge_site'));") == stored
