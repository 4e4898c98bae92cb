"""The publish gate against a real WordPress: a wrong number or a shortcode in a
translation never reaches the public page."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import polib
import pytest
from click.testing import CliRunner
from support.catalogs import translate
from support.wordpress import PASSWORD_ENV, WordPress, write_project

from kisync import pofile
from kisync.cli import cli

pytestmark = pytest.mark.wordpress

CONTACT = "Rufen Sie uns an: 02452 13-0, Musterstraße 12."
VIDEO = "Ein Video zur Anmeldung."
SHORTCODES = (
    '[video src="https://evil.example/x.mp4"] [audio src="https://evil.example/a.mp3"] '
    "[gallery] [caption]x[/caption]"
)
ATTACKS = {
    CONTACT: "Call us: 02452 13-9, Model Street 21.",
    VIDEO: f"A video about registering. {SHORTCODES}",
}


def german_page(wordpress: WordPress) -> None:
    wordpress.create_page(
        "Anmeldung",
        f"<!-- wp:paragraph -->\n<p>{CONTACT}</p>\n<!-- /wp:paragraph -->\n\n"
        f"<!-- wp:paragraph -->\n<p>{VIDEO}</p>\n<!-- /wp:paragraph -->\n\n"
        "<!-- wp:paragraph -->\n<p>Wir helfen gern.</p>\n<!-- /wp:paragraph -->",
        slug="anmeldung",
    )
    wordpress.backdate()


def run(root: Path, *args: str):
    return CliRunner().invoke(cli, ["--project", str(root), *args])


def set_entries(root: Path, change) -> None:
    path = root / "po" / "en" / "anmeldung.po"
    catalog = pofile.read(path)
    for entry in catalog:
        change(entry)
    path.write_text(pofile.dumps(catalog), encoding="utf-8")


def public_page(wordpress: WordPress) -> tuple[str, lxml.html.HtmlElement]:
    text = wordpress.html("en/anmeldung/")
    return text, lxml.html.document_fromstring(text)


def test_wrong_numbers_and_shortcodes_never_reach_the_public_page(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    german_page(wordpress)
    monkeypatch.setenv(PASSWORD_ENV, wordpress.password)
    write_project(tmp_path, wordpress.url, languages=("en",), publish={"min_completeness": 50})
    assert run(tmp_path, "pull").exit_code == 0
    translate(tmp_path, "en", lambda text: ATTACKS.get(text, f"EN: {text}"))

    lint = run(tmp_path, "lint", "--format", "json")
    assert lint.exit_code == 1
    found = {(f["msgid"], f["check"]) for f in json.loads(lint.output)["findings"]}
    assert {(VIDEO, "shortcodes"), (CONTACT, "numbers"), (CONTACT, "phone-numbers")} <= found

    result = run(tmp_path, "sync", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    held = {(h["msgid"], h["check"]) for h in data["push"]["held_back"]}
    assert {(VIDEO, "shortcodes"), (CONTACT, "numbers"), (CONTACT, "phone-numbers")} <= held
    assert {h["file"] for h in data["push"]["held_back"]} == {"po/en/anmeldung.po"}
    (page,) = data["push"]["pages"]
    assert page["action"] == "create" and page["completeness"] < 100
    html, tree = public_page(wordpress)
    assert "Model Street" not in html and "13-9" not in html and "evil.example" not in html
    german = tree.xpath("//p[@lang='de']")
    assert [p.text_content() for p in german] == [CONTACT, VIDEO]
    assert tree.xpath("//p[text()='EN: Wir helfen gern.']")

    # A translator silences the checks for the video string: the shortcodes slip through
    # the gate, and still cannot run.
    def silence(entry: polib.POEntry) -> None:
        if entry.msgid == VIDEO:
            entry.flags += ["ignore-shortcodes", "ignore-urls"]

    set_entries(tmp_path, silence)
    result = run(tmp_path, "push")
    assert result.exit_code == 0, result.output
    assert "anmeldung: updated" in result.output
    html, tree = public_page(wordpress)
    assert not tree.xpath("//video | //audio | //figure | //*[contains(@class, 'gallery')]")
    assert "wp-video" not in html and "wp-audio" not in html and "mediaelement" not in html
    shown = tree.xpath("//p[starts-with(normalize-space(), 'A video about registering.')]")
    (text,) = [p.text_content() for p in shown]  # wptexturize curls the quotes
    assert "[video src=" in text and "[audio src=" in text
    assert text.endswith("[gallery] [caption]x[/caption]")
    assert "Model Street" not in html  # still held back
