"""WordPress connector parts that need no server: settings, credentials, the page
document and its shortcodes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kisync import Project
from kisync.cli import cli
from kisync.errors import ConfigError, KisyncError
from kisync.extract import ExtractRules, extract_page
from kisync.languages import get_language
from kisync.portal.wordpress import (
    content_of,
    is_loopback,
    page_document,
    protect_shortcodes,
    title_of,
)
from kisync.publish.render import SourcePage, render


def make_project(
    root: Path, url: str, monkeypatch: pytest.MonkeyPatch, password: str, **portal: str
) -> Project:
    lines = [f'{key} = "{value}"' for key, value in {"url": url, **portal}.items()]
    settings = {"user": "kisync", "password_env": "KISYNC_TEST_WP_PASSWORD"}
    lines += [f'{key} = "{value}"' for key, value in settings.items() if key not in portal]
    (root / "kisync.toml").write_text(
        'languages = ["en"]\n[portal]\nkind = "wordpress"\n' + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("KISYNC_TEST_WP_PASSWORD", password)
    return Project.load(root)


def test_credentials_come_from_the_environment_and_stay_off_plain_http(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path, "http://portal.example.org", monkeypatch, "secret pw 1234")
    with pytest.raises(KisyncError, match=r"plain http to portal\.example\.org.*insecure=True"):
        project.wordpress_settings()
    assert project.wordpress_settings(insecure=True).password == "secret pw 1234"
    assert "secret" not in repr(project.wordpress_settings(insecure=True))
    local = make_project(tmp_path, "http://127.0.0.1:9", monkeypatch, "secret pw 1234")
    assert local.wordpress_settings().url == "http://127.0.0.1:9"
    monkeypatch.delenv("KISYNC_TEST_WP_PASSWORD")
    with pytest.raises(KisyncError, match=r"KISYNC_TEST_WP_PASSWORD .* is not set"):
        local.wordpress_settings()
    result = CliRunner().invoke(cli, ["--project", str(tmp_path), "pull"])
    assert result.exit_code == 2
    assert "Application Password" in result.output


@pytest.mark.parametrize(
    ("portal", "message"),
    [
        ({"url": "ftp://example.org"}, "url must be the WordPress site's address"),
        ({"user": ""}, "user is missing"),
        ({"password_env": "mein passwort"}, "password_env must name an environment variable"),
    ],
)
def test_bad_settings_name_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, portal: dict[str, str], message: str
) -> None:
    url = portal.pop("url", "https://portal.example.org")
    project = make_project(tmp_path, url, monkeypatch, "pw", **portal)
    with pytest.raises(ConfigError, match=message):
        project.wordpress_settings()


def test_loopback_hosts() -> None:
    assert all(map(is_loopback, ["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"]))
    assert not any(map(is_loopback, ["example.org", "10.0.0.1", "localhost.example.org"]))


def test_page_document_round_trip() -> None:
    content = "<!-- wp:paragraph -->\n<p>Text</p>\n<!-- /wp:paragraph -->"
    document = page_document("A &amp; B </title> C", content)
    assert title_of(document) == "A &amp; B &lt;/title> C"
    assert content_of(document) == content
    assert extract_page(document).title == "A & B </title> C"
    rendered = '<div lang="ar" dir="rtl"><title lang="de">A &amp; B</title>\n<p>نص</p></div>'
    assert content_of(rendered) == '<div lang="ar" dir="rtl"><p>نص</p></div>'


SHORTCODES = (
    "<!-- wp:shortcode -->\n"
    '[contact-form-7 id="12" title="Kontaktformular"]\n'
    "<!-- /wp:shortcode -->\n"
    '<!-- wp:paragraph {"note":"[a b=1]"} -->\n'
    '<p>Siehe [sic] und [gallery ids="1,2"] <a href="/x/?q=[url]">hier</a>.</p>\n'
    "<!-- /wp:paragraph -->\n"
    '[caption id="a"]<img src="x.jpg" alt="Bild"> Unterschrift[/caption]'
    '<script>var a = "[x y=1]";</script>'
)


def test_shortcodes_are_not_for_translators_and_survive_rendering() -> None:
    document = page_document("Kontakt", protect_shortcodes(SHORTCODES))
    rules = ExtractRules(content="")
    texts = [segment.text for segment in extract_page(document, rules).segments]
    assert texts == ["Kontakt", "Siehe [sic] und <x1/> <a1>hier</a1>.", "Bild", "Unterschrift"]
    assert content_of(document) == SHORTCODES

    translations = {
        ("", "Kontakt"): "Contact",
        ("", "Siehe [sic] und <x1/> <a1>hier</a1>."): "See [sic] and <x1/> <a1>here</a1>.",
        ("", "Bild"): "Picture",
        ("", "Unterschrift"): "Caption",
    }
    rendered = render(SourcePage(document, rules), get_language("en"), translations)
    assert title_of(rendered.html) == "Contact"
    assert content_of(rendered.html) == (
        SHORTCODES.replace("Siehe [sic] und", "See [sic] and")
        .replace(">hier<", ">here<")
        .replace('alt="Bild"', 'alt="Picture"')
        .replace("Unterschrift", "Caption")
        .replace("<!-- wp:shortcode -->", '<div lang="en" dir="ltr"><!-- wp:shortcode -->', 1)
        + "</div>"
    )
