"""Reading German pages from a real WordPress: content.raw, pagination, change markers,
language roots left out, credentials checked first and never shown."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from click.testing import CliRunner
from support.catalogs import translate
from support.faultproxy import FaultProxy
from support.wordpress import WordPress

from kisync import Project
from kisync.cli import cli
from kisync.errors import KisyncError, PortalError
from kisync.extract import extract_page
from kisync.portal.wordpress import (
    WordPressClient,
    WordPressError,
    WordPressPortal,
    content_of,
    page_document,
    protect_shortcodes,
)

pytestmark = pytest.mark.wordpress

BLOCKS = (
    "<!-- wp:paragraph -->\n"
    '<p>Der "Integrationskurs" -- 600 Stunden... [gallery ids="1"]</p>\n'
    "<!-- /wp:paragraph -->\n\n"
    "<!-- wp:heading -->\n<h2>Anmeldung</h2>\n<!-- /wp:heading -->"
)


def make_project(
    root: Path,
    url: str,
    monkeypatch: pytest.MonkeyPatch,
    password: str,
    user: str = "kisync",
    **portal: object,
) -> Project:
    root.mkdir(parents=True, exist_ok=True)
    extra = "".join(f"{key} = {value!r}\n".replace("'", '"') for key, value in portal.items())
    (root / "kisync.toml").write_text(
        'languages = ["en", "ar"]\n\n[portal]\nkind = "wordpress"\n'
        f'url = "{url}"\nuser = "{user}"\npassword_env = "KISYNC_TEST_WP_PASSWORD"\n{extra}',
        encoding="utf-8",
    )
    monkeypatch.setenv("KISYNC_TEST_WP_PASSWORD", password)
    return Project.load(root)


def portal_for(project: Project, page_size: int = 100) -> WordPressPortal:
    client = WordPressClient(project.wordpress_settings(), page_size=page_size)
    return WordPressPortal(client, project.languages)


def test_pull_reads_raw_content_and_titles(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = wordpress.create_page("Kurse &amp; Beratung", BLOCKS, slug="kurse")
    project = make_project(tmp_path, wordpress.url, monkeypatch, wordpress.password)
    portal = portal_for(project)
    [ref] = list(portal.pages())
    assert (ref.key, ref.url) == ("kurse", page["link"])
    document = portal.read(ref)
    assert document == page_document("Kurse &amp; Beratung", protect_shortcodes(BLOCKS))
    assert content_of(document) == BLOCKS
    text = extract_page(document, project.extract_rules)
    # raw, not rendered: no curly quotes, no en dash, the shortcode not expanded
    assert [s.text for s in text.segments] == [
        "Kurse & Beratung",
        'Der "Integrationskurs" -- 600 Stunden...',
        "Anmeldung",
    ]
    assert text.segments[0].kind == "title"

    report = project.pull()
    assert report.failures == [] and report.changed_pages == ["kurse"]
    template = (tmp_path / "po" / "templates" / "kurse.pot").read_text(encoding="utf-8")
    assert 'msgid "Kurse & Beratung"' in template


def test_pagination_follows_total_pages(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    titles = [f"Seite {n}" for n in range(7)]
    for title in titles:
        wordpress.create_page(title, f"<p>{title} Text</p>")
    project = make_project(tmp_path, wordpress.url, monkeypatch, wordpress.password)
    with FaultProxy(wordpress.url) as proxy:
        project = make_project(tmp_path, proxy.url, monkeypatch, wordpress.password)
        refs = list(portal_for(project, page_size=3).pages())
        assert sorted(ref.title for ref in refs) == titles
        listing = [r.query for r in proxy.requests if r.path == "/wp-json/wp/v2/pages"]
        numbers = [parse_qs(query).get("page") for query in listing]
        assert numbers == [None, ["1"], ["2"], ["3"]]  # the language roots, then the list


def test_unchanged_pages_are_not_read_again(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = wordpress.create_page("Eins", "<p>Erster Text</p>")
    wordpress.create_page("Zwei", "<p>Zweiter Text</p>")
    wordpress.backdate()
    with FaultProxy(wordpress.url) as proxy:
        project = make_project(tmp_path, proxy.url, monkeypatch, wordpress.password)
        project.pull()
        assert proxy.count("GET", "/wp-json/wp/v2/pages/*") == 2
        second = project.pull()
        assert second.changed_pages == []
        assert proxy.count("GET", "/wp-json/wp/v2/pages/*") == 2  # no page read again
        wordpress.update_page(one["id"], content="<p>Neuer Text</p>")
        wordpress.backdate(one["id"], minutes=30)
        third = project.pull()
        assert third.changed_pages == ["eins"]
        assert proxy.count("GET", f"/wp-json/wp/v2/pages/{one['id']}") == 2
        assert proxy.count("GET", "/wp-json/wp/v2/pages/*") == 3
    catalog = (tmp_path / "po" / "en" / "eins.po").read_text(encoding="utf-8")
    assert 'msgid "Neuer Text"' in catalog


def test_an_edit_within_the_same_second_is_not_missed(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """modified_gmt has whole seconds: an edit in the second we listed leaves it unchanged."""
    page = wordpress.create_page("Eins", "<p>Erster Text</p>")
    # A modification time not over yet when kisync lists the page (deterministically:
    # in the future), then an edit that keeps it, as an edit in the same second would.
    wordpress.set_modified(page["id"], "'2099-01-01 10:00:00'")
    project = make_project(tmp_path, wordpress.url, monkeypatch, wordpress.password)
    project.pull()
    wordpress.php(
        f"global $wpdb; $wpdb->update($wpdb->posts, ['post_content' => '<p>Zweiter Text</p>'],"
        f" ['ID' => {page['id']}]);"
    )
    assert wordpress.page(page["id"])["modified_gmt"] == "2099-01-01T10:00:00"
    assert project.pull().changed_pages == ["eins"]
    catalog = (tmp_path / "po" / "en" / "eins.po").read_text(encoding="utf-8")
    assert 'msgid "Zweiter Text"' in catalog


def test_language_roots_and_their_pages_are_not_german_sources(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    beratung = wordpress.create_page("Beratung", "<p>Text</p>", slug="beratung")
    wordpress.create_page("Für Familien", "<p>Kita</p>", parent=beratung["id"], slug="familien")
    english = wordpress.create_page("English", "", slug="en")
    wordpress.create_page("Counselling", "<p>Text</p>", parent=english["id"], slug="beratung")
    hidden_root = wordpress.create_page("العربية", "", slug="ar", status="private")
    wordpress.create_page("إرشاد", "<p>نص</p>", parent=hidden_root["id"], slug="beratung")
    wordpress.create_page("Entwurf", "<p>noch nicht fertig</p>", status="draft")
    wordpress.create_page("Intern", "<p>Text</p>", slug="intern")
    wordpress.create_page("Vorstand", "<p>Geheim</p>", slug="vorstand", password="x")
    project = make_project(
        tmp_path, wordpress.url, monkeypatch, wordpress.password, exclude=["/intern/*"]
    )
    keys = [ref.key for ref in portal_for(project).pages()]
    assert keys == ["beratung", "beratung/familien"]


def test_wrong_password_is_reported_clearly_before_anything_else(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wordpress.create_page("Eins", "<p>Text</p>")
    wrong = "abcd EFGH ijkl MNOP qrst UVWX"
    with FaultProxy(wordpress.url) as proxy:
        project = make_project(tmp_path, proxy.url, monkeypatch, wrong)
        with pytest.raises(WordPressError) as caught:
            project.pull()
        assert [r.path for r in proxy.requests] == ["/wp-json/wp/v2/users/me"]
    error = caught.value
    assert error.status == 401
    assert error.code in ("incorrect_password", "rest_not_logged_in")
    assert "kisync" in str(error) and "Application Password" in str(error)
    assert wrong not in str(error)
    assert not (tmp_path / "po").exists()


def test_a_user_who_may_not_edit_pages_is_told_which_role_to_get(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    password = wordpress.php(
        "$id = wp_insert_user(['user_login' => 'leser', 'user_pass' => 'x-1-x-2-x-3',"
        " 'role' => 'subscriber']);\n"
        "[$password] = WP_Application_Passwords::create_new_application_password($id,"
        " ['name' => 'test']);\necho $password;"
    )
    project = make_project(tmp_path, wordpress.url, monkeypatch, password, user="leser")
    with pytest.raises(PortalError, match=r"user 'leser' may not edit pages.*Editor role"):
        list(portal_for(project).pages())


def test_password_never_appears_in_output_or_logs(
    wordpress: WordPress,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    wordpress.create_page("Eins", "<p>Text</p>")
    caplog.set_level(logging.DEBUG)
    runner = CliRunner()
    outputs = []
    with FaultProxy(wordpress.url) as proxy:
        make_project(tmp_path, proxy.url, monkeypatch, wordpress.password, retries=1)
        proxy.inject("GET", "/wp-json/wp/v2/pages/*", "error", times=10)
        failing = runner.invoke(cli, ["--project", str(tmp_path), "-vv", "pull"])
        outputs.append(failing.output)
        assert failing.exit_code == 2, failing.output
        assert "HTTP 500" in failing.output
        proxy.clear()
        good = runner.invoke(cli, ["--project", str(tmp_path), "-vv", "pull"])
        outputs.append(good.output)
        assert good.exit_code == 0, good.output
        monkeypatch.setenv("KISYNC_TEST_WP_PASSWORD", wordpress.password[:-4] + "abcd")
        refused = runner.invoke(cli, ["--project", str(tmp_path), "-vv", "pull"])
        outputs.append(refused.output)
        assert refused.exit_code == 2
        assert "Application Password" in refused.output
    everything = "\n".join(outputs) + caplog.text
    for secret in (wordpress.password, wordpress.password[:-4] + "abcd"):
        assert secret not in everything
        assert secret.replace(" ", "") not in everything.replace(" ", "")


def test_plain_permalinks_are_read_through_rest_route_but_not_published_to(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wordpress.create_page("Beratung", "<p>Wir beraten Sie.</p>", slug="beratung")
    wordpress.php(
        "global $wp_rewrite; $wp_rewrite->set_permalink_structure('');"
        " $wp_rewrite->flush_rules(false);"
    )
    with FaultProxy(wordpress.url) as proxy:
        project = make_project(tmp_path, proxy.url, monkeypatch, wordpress.password)
        report = project.pull()
        assert report.failures == [] and report.changed_pages == ["beratung"]
        assert proxy.count("GET", "/", forwarded=True) >= 2  # /?rest_route=/wp/v2/…
        assert any("rest_route=%2Fwp%2Fv2%2Fpages" in r.query for r in proxy.requests)
        translate(tmp_path, "en")
        with pytest.raises(KisyncError, match=r"plain permalinks.*Post name"):
            project.push()
