"""Publishing into a WordPress that runs Polylang (3.5.4, from ../shared/vendor), with the bridge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html
import pytest
from click.testing import CliRunner
from scenario import german_site, prepared
from support.catalogs import translate
from support.wordpress import WordPress, polylang_folder

from kisync.cli import cli
from kisync.errors import KisyncError
from kisync.portal.multilingual import detect
from kisync.portal.wordpress import WordPressClient

pytestmark = pytest.mark.wordpress


def groups(wordpress: WordPress) -> dict[int, dict[str, Any]]:
    """Page id → its Polylang language and group, as the bridge reports it."""
    return {page["id"]: page["kisync_polylang"] for page in wordpress.all_pages()}


def head(wordpress: WordPress, link: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(wordpress.html(link.removeprefix(wordpress.url)))


def hreflangs(page: lxml.html.HtmlElement) -> dict[str, str]:
    return {
        link.get("hreflang"): link.get("href")
        for link in page.xpath('//head/link[@rel="alternate"][@hreflang]')
    }


def test_the_bridge_reports_polylang_its_languages_and_versions(
    polylang: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    german_site(polylang)
    project = prepared(polylang, tmp_path, monkeypatch)
    site = detect(WordPressClient(project.wordpress_settings()))
    assert site.mode == "polylang"
    assert [(s.slug, s.locale, s.rtl, s.default) for s in site.languages] == [
        ("de", "de_DE", False, True),
        ("en", "en_GB", False, False),
        ("ar", "ar", True, False),
    ]
    assert site.versions["polylang"] == "3.5.4"
    assert site.versions["bridge"] == "1.3.0"
    result = CliRunner().invoke(cli, ["--project", str(tmp_path), "push", "--dry-run"])
    assert "multilingual mode: polylang (wordpress 6.1.9, bridge 1.3.0, polylang 3.5.4" in (
        result.output
    )
    assert "site languages: de (de_DE, default), en (en_GB), ar (ar, right to left)" in (
        result.output
    )


def test_without_the_bridge_the_mode_is_unknown_and_said_so(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    german_site(wordpress)
    project = prepared(wordpress, tmp_path, monkeypatch)
    site = detect(WordPressClient(project.wordpress_settings()))
    assert site.mode == "unknown"
    assert "bridge plugin is not installed" in site.describe()[0]
    wordpress.set_bridge(True)
    assert detect(WordPressClient(project.wordpress_settings())).mode == "none"


def test_translations_join_the_polylang_group_of_their_german_page(
    polylang: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    german = german_site(polylang)
    project = prepared(polylang, tmp_path, monkeypatch)
    report = project.push()
    assert report.exit_code == 0, report.failures
    assert report.count("create") == 6

    pages = {page["slug"]: page for page in polylang.all_pages()}
    assert not {"en", "ar"} & set(pages)  # no kisync language roots
    kurse, bildung = german["bildung/integrationskurse"], german["bildung"]
    group = groups(polylang)[kurse["id"]]
    assert group["language"] == "de"
    assert set(group["translations"]) == {"de", "en", "ar"}
    arabic = pages["integrationskurse-ar"]
    assert group["translations"]["ar"] == arabic["id"]
    assert groups(polylang)[arabic["id"]]["language"] == "ar"
    assert arabic["parent"] == pages["bildung-ar"]["id"]  # the translation of the German parent
    assert pages["bildung-ar"]["id"] == groups(polylang)[bildung["id"]]["translations"]["ar"]
    assert arabic["link"] == f"{polylang.url}ar/bildung-ar/integrationskurse-ar/"
    published = {(r.language, r.key): r.url for r in report.results}
    assert published["ar", "bildung/integrationskurse"] == arabic["link"]

    # Polylang itself now serves the page in its language, and both sides list each other.
    page = head(polylang, arabic["link"])
    assert (page.get("lang"), page.get("dir")) == ("ar", "rtl")
    assert hreflangs(page)["de"] == kurse["link"], hreflangs(page)
    assert hreflangs(head(polylang, kurse["link"]))["ar"] == arabic["link"]
    assert "ترجمة Melden Sie sich an." in page.text_content()

    count = len(polylang.all_pages())
    again = project.push()
    assert again.count("unchanged") == 6 and again.exit_code == 0
    forced = project.push(force=True)
    assert forced.exit_code == 0, forced.failures
    assert {r.action for r in forced.results} == {"unchanged"}
    assert len(polylang.all_pages()) == count


def test_an_edit_made_in_wordpress_is_not_overwritten(
    polylang: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    german_site(polylang)
    project = prepared(polylang, tmp_path, monkeypatch)
    assert project.push().exit_code == 0
    arabic = {page["slug"]: page for page in polylang.all_pages()}["integrationskurse-ar"]
    polylang.update_page(arabic["id"], content="<p>تعديل من المحرر</p>")
    translate(tmp_path, "ar", lambda text: f"نص جديد {text}")
    report = project.push(["ar"])
    assert report.exit_code == 1
    assert [r.key for r in report.conflicts] == ["bildung/integrationskurse"]
    assert polylang.page(arabic["id"])["content"]["raw"] == "<p>تعديل من المحرر</p>"


def test_a_child_moves_below_its_parent_when_the_parent_is_published_later(
    polylang: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    german_site(polylang)
    project = prepared(polylang, tmp_path, monkeypatch)
    translate(tmp_path, "ar", lambda text: "", keys=("bildung",))  # no Arabic parent …
    assert project.push(["ar"]).exit_code == 0
    child = {page["slug"]: page for page in polylang.all_pages()}["integrationskurse-ar"]
    assert child["parent"] == 0
    assert child["link"] == f"{polylang.url}ar/integrationskurse-ar/"

    translate(tmp_path, "ar", lambda text: f"ترجمة {text}", keys=("bildung",))  # … until now
    report = project.push(["ar"])
    assert report.exit_code == 0, report.failures
    pages = {page["slug"]: page for page in polylang.all_pages()}
    moved = pages["integrationskurse-ar"]
    assert moved["parent"] == pages["bildung-ar"]["id"]
    assert moved["modified_gmt"] == child["modified_gmt"]  # placing it is not an edit
    assert project.push(["ar"]).count("unchanged") == 3


def test_a_language_polylang_lacks_is_one_line_or_added_on_request(
    polylang: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    german_site(polylang)
    project = prepared(polylang, tmp_path, monkeypatch)
    (tmp_path / "kisync.toml").write_text(
        (tmp_path / "kisync.toml").read_text().replace('["en", "ar"]', '["en", "ar", "fa"]')
    )
    project = type(project).load(tmp_path)
    assert project.pull().failures == []
    translate(tmp_path, "fa", lambda text: f"فارسی {text}")
    with pytest.raises(KisyncError, match=r"Polylang on .* has no language fa \(فارسی\).*"):
        project.push(["fa"])
    result = CliRunner().invoke(cli, ["--project", str(tmp_path), "push", "--lang", "fa"])
    assert result.exit_code == 2
    assert "Languages → Languages (locale fa, right to left)" in result.output
    assert len(result.output.strip().splitlines()) == 1
    checked = CliRunner().invoke(cli, ["--project", str(tmp_path), "doctor"])
    assert checked.exit_code == 1  # kisync doctor says so before any push
    assert "multilingual mode: polylang" in checked.output
    assert "missing in the site's plugin: fa" in checked.output
    assert project.push(["en"]).exit_code == 0  # the other languages are not held up

    denied = project.push
    with pytest.raises(KisyncError, match="may not add languages"):
        denied(["fa"], create_languages=True)
    grant = polylang.folder / "www" / "wp-content" / "mu-plugins" / "test-languages.php"
    grant.write_text(
        "<?php add_filter('kisync_bridge_language_capability', fn() => 'edit_pages');\n"
    )
    try:
        report = project.push(["fa"], create_languages=True)
    finally:
        grant.unlink()
    assert report.exit_code == 0, report.failures
    assert "added the language fa (فارسی) to Polylang" in report.site
    site = detect(WordPressClient(project.wordpress_settings()))
    persian = next(s for s in site.languages if s.slug == "fa")
    assert (persian.locale, persian.rtl) == ("fa", True)
    page = head(polylang, {r.key: r.url for r in report.results}["bildung/integrationskurse"])
    assert (page.get("lang"), page.get("dir")) == ("fa", "rtl")


def test_an_existing_polylang_translation_is_adopted_not_duplicated(
    polylang: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    german = german_site(polylang)
    kurse = german["bildung/integrationskurse"]
    existing = polylang.create_page("Integration courses", "<p>Register now.</p>", slug="courses")
    polylang.php(
        f"pll_set_post_language({existing['id']}, 'en');"
        f"pll_save_post_translations(['de' => {kurse['id']}, 'en' => {existing['id']}]);"
    )
    polylang.backdate()
    project = prepared(polylang, tmp_path, monkeypatch)
    assert [ref.key for ref in project.open_portal().pages()] == [
        "beratung",
        "bildung",
        "bildung/integrationskurse",
    ]  # the English page is not taken for a German one

    translate(tmp_path, "en", lambda text: "", keys=("bildung/integrationskurse",))
    harvested = project.harvest(["en"], ["bildung/integrationskurse"])
    assert harvested.exit_code == 0
    po = (tmp_path / "po" / "en" / "bildung" / "integrationskurse.po").read_text("utf-8")
    assert 'msgstr "Register now."' in po  # for review (fuzzy): not published as it is

    translate(tmp_path, "en", keys=("bildung/integrationskurse",))  # reviewed, and different
    report = project.push(["en"])
    assert [r.key for r in report.conflicts] == ["bildung/integrationskurse"]
    english = [p for p in polylang.all_pages() if p["kisync_polylang"]["language"] == "en"]
    assert sorted(p["slug"] for p in english) == ["beratung-en", "bildung-en", "courses"]
    assert polylang.page(existing["id"])["content"]["raw"] == "<p>Register now.</p>"


def test_a_site_published_the_old_way_is_adopted_when_it_installs_polylang(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = polylang_folder()
    if folder is None:
        pytest.skip(
            "Polylang is not in ../shared/vendor/wordpress-plugins/polylang"
            " (KISYNC_SHARED_DIR names another folder than ../shared)"
        )
    wordpress.set_bridge(True)
    german_site(wordpress)
    project = prepared(wordpress, tmp_path, monkeypatch)
    assert project.push().exit_code == 0  # below /en/ and /ar/
    before = {page["id"]: page for page in wordpress.all_pages()}
    edited = next(p for p in before.values() if p["link"].endswith("/ar/integrationskurse/"))
    wordpress.update_page(edited["id"], content="<p>تعديل من المحرر</p>")

    wordpress.install_polylang(folder)  # all content in the default language, as its wizard does
    result = CliRunner().invoke(cli, ["--project", str(tmp_path), "push", "--dry-run"])
    assert "multilingual mode: polylang" in result.output
    moves = [line for line in result.output.splitlines() if "would update" in line]
    assert len(moves) == 5, result.output  # every translation but the edited one
    assert (
        f"ar bildung: would update → {wordpress.url}ar/bildung-ar/ (moves from {wordpress.url}ar/bildung/)"
        in result.output
    )
    assert len(wordpress.all_pages()) == len(before)

    report = project.push()
    assert [(r.language, r.key) for r in report.conflicts] == [("ar", "bildung/integrationskurse")]
    pages = {page["id"]: page for page in wordpress.all_pages()}
    assert set(pages) == set(before)  # nothing created: every translation was adopted
    assert pages[edited["id"]]["content"]["raw"] == "<p>تعديل من المحرر</p>"
    english = [p for p in pages.values() if p["kisync_polylang"]["language"] == "en"]
    assert sorted(p["slug"] for p in english) == [
        "beratung-en",
        "bildung-en",
        "integrationskurse-en",
    ]
    assert all(len(p["kisync_polylang"]["translations"]) >= 2 for p in english)
