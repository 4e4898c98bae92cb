"""Publishing to a real WordPress: language roots, no duplicates, no lost edits, the
bridge plugin, bounded concurrency."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

import lxml.html
import pytest
from click.testing import CliRunner
from scenario import (
    INJECTION,
    assert_state_matches_wordpress,
    german_site,
    prepared,
    translations,
)
from support.catalogs import translate
from support.faultproxy import FaultProxy
from support.wordpress import PASSWORD_ENV, WordPress, write_project

from kisync import Project
from kisync.cli import cli

pytestmark = pytest.mark.wordpress


def test_push_publishes_each_translation_once_under_its_language_root(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    german_site(wordpress)
    with FaultProxy(wordpress.url) as proxy:
        project = prepared(wordpress, tmp_path, monkeypatch, url=proxy.url)
        report = project.push()
        assert report.exit_code == 0, report.failures
        assert report.count("create") == 6

        pages = wordpress.all_pages()
        roots = {page["slug"]: page for page in pages if page["parent"] == 0}
        assert roots["en"]["title"]["raw"] == "English"
        assert roots["ar"]["title"]["raw"] == "العربية"
        found = translations(wordpress)
        assert sorted(page["slug"] for page in found["en"]) == [
            "beratung",
            "bildung",
            "integrationskurse",
        ]
        assert len(found["ar"]) == 3
        assert all(page["status"] == "publish" for group in found.values() for page in group)

        ar = {page["slug"]: page for page in found["ar"]}
        kurse = ar["integrationskurse"]
        assert kurse["title"]["raw"] == "ترجمة Integrationskurse"
        content = kurse["content"]["raw"]
        assert content.startswith('<p lang="ar" dir="rtl">')  # no wrapper around blocks
        assert "&lt;script&gt;" in content and "<script" not in content
        beratung = ar["beratung"]["content"]["raw"]
        assert beratung.count("<!-- wp:paragraph -->") == 1  # block comments kept
        assert 'href="/ar/integrationskurse/"' in beratung  # points to the translation
        assert 'alt="ترجمة Ein Bild"' in beratung
        assert "<strong>beraten</strong>" in beratung  # the source's own tags
        assert '\n[contact-form-7 id="12" title="Kontakt"]\n' in beratung  # untouched
        assert "data-kisync" not in beratung
        front = lxml.html.document_fromstring(wordpress.html("ar/integrationskurse/"))
        assert front.xpath("//h1")[0].text_content() == "ترجمة Integrationskurse"
        assert INJECTION in front.xpath("//main//p")[0].text_content()  # shown as text
        assert not front.xpath("//main//script")
        assert_state_matches_wordpress(tmp_path, wordpress)

        # A second push with nothing changed changes nothing and writes nothing.
        before = {page["id"]: page["modified_gmt"] for page in wordpress.all_pages()}
        requests = len(proxy.requests)
        again = project.push()
        assert again.count("unchanged") == 6 and again.exit_code == 0
        sent = [(r.method, r.path) for r in proxy.requests[requests:]]
        # for reading and again for publishing: the login check, the language roots,
        # the listing; no page read (they come from .kisync/wordpress-pages/), no write;
        # one listing of all six translations to see whether anyone edited them; and how
        # the site is multilingual (once)
        pages, me = ("GET", "/wp-json/wp/v2/pages"), ("GET", "/wp-json/wp/v2/users/me")
        info = ("GET", "/wp-json/kisync/v1/info")
        assert sorted(sent) == [info] + [pages] * 5 + [me] * 2
        surveys = [r.query for r in proxy.requests[requests:] if "include=" in r.query]
        assert len(surveys) == 1
        ids = {str(p["id"]) for group in translations(wordpress).values() for p in group}
        included = parse_qs(surveys[0])["include"][0].split(",")
        assert sorted(included) == sorted(ids)
        listings = [r.query for r in proxy.requests[requests:] if "page=1" in r.query.split("&")]
        assert len(listings) == 2
        assert all("parent_exclude=" in query for query in listings)  # no translations
        assert {page["id"]: page["modified_gmt"] for page in wordpress.all_pages()} == before


def test_a_page_edited_in_wordpress_is_not_overwritten_without_force(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    german_site(wordpress)
    prepared(wordpress, tmp_path, monkeypatch)
    runner = CliRunner()
    assert runner.invoke(cli, ["--project", str(tmp_path), "push"]).exit_code == 0
    page = {p["slug"]: p for p in translations(wordpress)["en"]}["bildung"]
    wordpress.update_page(page["id"], content="<p>Von einer Kollegin verbessert</p>")
    translate(tmp_path, "en", lambda text: f"[EN] {text}")

    result = runner.invoke(cli, ["--project", str(tmp_path), "push", "--lang", "en"])
    assert result.exit_code == 1, result.output
    assert "bildung: CONFLICT" in result.output and "--force" in result.output
    assert wordpress.page(page["id"])["content"]["raw"] == "<p>Von einer Kollegin verbessert</p>"
    others = {p["slug"]: p for p in translations(wordpress)["en"]}
    assert "&#91;EN&#93; Beratung" in others["beratung"]["title"]["raw"]  # the others were updated

    forced = runner.invoke(cli, ["--project", str(tmp_path), "push", "--lang", "en", "--force"])
    assert forced.exit_code == 0, forced.output
    assert "&#91;EN&#93; Schule" in wordpress.page(page["id"])["content"]["raw"]
    assert len(translations(wordpress)["en"]) == 3
    assert_state_matches_wordpress(tmp_path, wordpress)


def test_an_edit_in_the_same_second_and_unpublishing_are_conflicts_too(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    german_site(wordpress)
    project = prepared(wordpress, tmp_path, monkeypatch)
    assert project.push(["en"]).exit_code == 0
    pages = {p["slug"]: p for p in translations(wordpress)["en"]}
    # An edit that leaves modified_gmt as it was (made within the same second):
    wordpress.php(
        "global $wpdb; $wpdb->update($wpdb->posts, ['post_content' => '<p>Handarbeit</p>'],"
        f" ['ID' => {pages['bildung']['id']}]); clean_post_cache({pages['bildung']['id']});"
    )
    # A colleague took a translation offline:
    wordpress.update_page(pages["beratung"]["id"], status="draft")
    translate(tmp_path, "en", lambda text: f"[EN] {text}")
    report = project.push(["en"])
    assert sorted(result.key for result in report.conflicts) == ["beratung", "bildung"]
    assert report.exit_code == 1
    assert wordpress.page(pages["bildung"]["id"])["content"]["raw"] == "<p>Handarbeit</p>"
    assert wordpress.page(pages["beratung"]["id"])["status"] == "draft"


def test_a_lost_state_file_adopts_what_is_there_and_creates_no_copy(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    german_site(wordpress)
    project = prepared(wordpress, tmp_path, monkeypatch)
    assert project.push().exit_code == 0
    ids = sorted(p["id"] for group in translations(wordpress).values() for p in group)
    (tmp_path / ".kisync" / "publish-state.json").unlink()
    report = project.push()
    assert report.exit_code == 0, report.failures
    assert report.count("adopt") == 6
    assert sorted(p["id"] for group in translations(wordpress).values() for p in group) == ids
    assert_state_matches_wordpress(tmp_path, wordpress)

    # A page at the translation's place that kisync did not write is not taken over.
    page = {p["slug"]: p for p in translations(wordpress)["ar"]}["bildung"]
    wordpress.update_page(page["id"], content="<p>Von Hand geschrieben</p>")
    (tmp_path / ".kisync" / "publish-state.json").unlink()
    report = project.push(["ar"])
    assert [result.key for result in report.conflicts] == ["bildung"]
    assert "no record" in report.conflicts[0].message
    assert wordpress.page(page["id"])["content"]["raw"] == "<p>Von Hand geschrieben</p>"


def test_german_pages_with_the_same_slug_get_distinct_translations(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for parent_slug in ("beratung", "bildung"):
        parent = wordpress.create_page(parent_slug.title(), "<p>Text</p>", slug=parent_slug)
        wordpress.create_page("Kontakt", f"<p>Kontakt {parent_slug}</p>", parent=parent["id"])
    project = prepared(wordpress, tmp_path, monkeypatch)
    assert project.push(["en"]).exit_code == 0
    slugs = sorted(page["slug"] for page in translations(wordpress)["en"])
    assert slugs == ["beratung", "beratung-kontakt", "bildung", "bildung-kontakt"]
    english = {p["slug"]: p for p in translations(wordpress)["en"]}
    assert "Kontakt beratung" in english["beratung-kontakt"]["content"]["raw"]


def test_pushes_are_bounded_by_concurrency(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(6):
        wordpress.create_page(f"Seite {number}", f"<p>Text {number}</p>")
    with FaultProxy(wordpress.url) as proxy:
        project = prepared(wordpress, tmp_path, monkeypatch, url=proxy.url, concurrency=3)
        proxy.inject("*", "/wp-json/wp/v2/pages*", "slow", times=1000, delay=0.15)
        proxy.max_concurrent = 0
        report = project.push()
        assert report.exit_code == 0 and report.count("create") == 12
        assert 2 <= proxy.max_concurrent <= 3


def test_withdrawing_an_incomplete_translation_unpublishes_it(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wordpress.create_page("Beratung", "<p>Eins.</p><p>Zwei.</p>", slug="beratung")
    monkeypatch.setenv(PASSWORD_ENV, wordpress.password)
    write_project(tmp_path, wordpress.url, languages=("en",), publish={"withdraw_incomplete": True})
    project = Project.load(tmp_path)
    project.pull()
    translate(tmp_path, "en")
    assert project.push().count("create") == 1
    [page] = translations(wordpress)["en"]
    translate(tmp_path, "en", lambda text: "" if text == "Zwei." else f"[en] {text}")
    assert project.push().count("withdraw") == 1
    assert wordpress.page(page["id"])["status"] == "draft"
    assert len(wordpress.all_pages()) == 3  # nothing deleted


def test_dry_run_writes_nothing_and_shows_a_diff(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    german_site(wordpress)
    prepared(wordpress, tmp_path, monkeypatch)
    result = CliRunner().invoke(cli, ["--project", str(tmp_path), "push", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "en beratung: would create" in result.output
    assert "-<title>Beratung</title>" in result.output
    assert '+<p lang="en" dir="ltr">&#91;en&#93; Wir <strong>beraten</strong>' in result.output
    assert len(wordpress.all_pages()) == 3
