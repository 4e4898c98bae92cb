"""contrib/wordpress/kisync-bridge.php: used when present, not needed when absent."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from scenario import german_site, prepared, translations
from support.wordpress import WordPress

from kisync.portal.wordpress import WordPressClient, WordPressPortal

pytestmark = pytest.mark.wordpress


def alternates(wordpress: WordPress, path: str) -> tuple[dict[str, str], lxml.html.HtmlElement]:
    page = lxml.html.document_fromstring(wordpress.html(path))
    links = {
        link.get("hreflang"): link.get("href")
        for link in page.xpath('//head/link[@rel="alternate"][@hreflang]')
    }
    return links, page


def test_with_the_bridge_pages_carry_meta_hreflang_and_their_language(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wordpress.set_bridge(True)
    german = german_site(wordpress)
    project = prepared(wordpress, tmp_path, monkeypatch)
    assert project.push().exit_code == 0

    kurse = german["bildung/integrationskurse"]
    arabic = {p["slug"]: p for p in translations(wordpress)["ar"]}["integrationskurse"]
    meta = arabic["meta"]
    assert meta["kisync_source_id"] == kurse["id"]
    assert (meta["kisync_language"], meta["kisync_direction"]) == ("ar", "rtl")
    assert len(meta["kisync_source_hash"]) == 16
    roots = {p["slug"]: p for p in wordpress.all_pages() if p["parent"] == 0}
    assert roots["ar"]["meta"]["kisync_language"] == "ar"

    expected = {
        "de": kurse["link"],
        "en": f"{wordpress.url}en/integrationskurse/",
        "ar": f"{wordpress.url}ar/integrationskurse/",
        "x-default": kurse["link"],
    }
    links, page = alternates(wordpress, "bildung/integrationskurse/")
    assert links == expected
    assert page.get("lang") == "de-DE"
    links, page = alternates(wordpress, "ar/integrationskurse/")
    assert links == expected
    assert (page.get("lang"), page.get("dir")) == ("ar", "rtl")
    assert alternates(wordpress, "ar/")[0] == {}  # a language root translates nothing


def test_with_the_bridge_a_moved_translation_is_still_found(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wordpress.set_bridge(True)
    german_site(wordpress)
    project = prepared(wordpress, tmp_path, monkeypatch)
    assert project.push().exit_code == 0
    moved = {p["slug"]: p for p in translations(wordpress)["en"]}["bildung"]
    wordpress.update_page(moved["id"], parent=0, slug="education")  # out of /en/
    (tmp_path / ".kisync" / "publish-state.json").unlink()

    # Not a German page although it is outside the language roots now:
    keys = [
        ref.key
        for ref in WordPressPortal(
            WordPressClient(project.wordpress_settings()), project.languages
        ).pages()
    ]
    assert keys == ["beratung", "bildung", "bildung/integrationskurse"]
    report = project.push(["en"])
    assert report.exit_code == 0, report.failures
    assert report.count("adopt") == 3
    copies = [p for p in wordpress.all_pages() if p["meta"].get("kisync_language") == "en"]
    assert sorted(p["slug"] for p in copies) == ["beratung", "education", "en", "integrationskurse"]


def test_without_the_bridge_no_meta_and_no_alternates(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    german_site(wordpress)
    project = prepared(wordpress, tmp_path, monkeypatch)
    assert project.push().exit_code == 0
    arabic = {p["slug"]: p for p in translations(wordpress)["ar"]}["integrationskurse"]
    assert not arabic["meta"]  # WordPress has no such meta registered
    links, page = alternates(wordpress, "ar/integrationskurse/")
    assert links == {}
    # the content itself still says which language it is in
    assert page.xpath("//main//p[@lang='ar'][@dir='rtl']")


def test_a_bridge_without_menus_per_language_is_one_line_not_a_failure(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wordpress.set_bridge(True)
    older = wordpress.folder / "www" / "wp-content" / "mu-plugins" / "test-older-bridge.php"
    older.write_text(  # the bridge as it was before 1.2: no kisync/v1/menus
        "<?php add_filter('rest_endpoints', fn($routes) => array_diff_key($routes,"
        " ['/kisync/v1/menus' => 1]));\n"
    )
    try:
        german_site(wordpress)
        report = prepared(wordpress, tmp_path, monkeypatch).push()
    finally:
        older.unlink()
    assert report.exit_code == 0, report.failures
    assert report.count("create") == 6
    assert "menus per language: the bridge plugin is older than 1.2; update it" in report.site
