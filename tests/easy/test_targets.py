"""Leichte Sprache and Einfache Sprache as targets: tags, names, catalogs, publishing."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from support.catalogs import translate

from kisync import pofile
from kisync.cli import cli
from kisync.config import load_config
from kisync.errors import ConfigError
from kisync.languages import UnknownLanguage, get_language


@pytest.mark.parametrize(
    ("tag", "native", "english"),
    [
        ("de-x-ls", "Leichte Sprache", "German (Easy Language)"),
        ("DE-X-ES", "Einfache Sprache", "German (Plain Language)"),
    ],
)
def test_easy_german_tags_are_german_private_use_languages(tag, native, english):
    language = get_language(tag)
    assert language.code == language.bcp47 == tag.lower()
    assert (language.native_name, language.english_name) == (native, english)
    assert language.direction == "ltr"
    assert language.plural_forms == get_language("de").plural_forms
    assert language.private_use and not get_language("de").private_use


@pytest.mark.parametrize("tag", ["de-x-", "de-x-leichtesprache", "de-x-foo"])
def test_other_private_use_tags_are_refused(tag):
    with pytest.raises(UnknownLanguage):
        get_language(tag)


def test_config_accepts_the_tags_and_checks_require_review(tmp_path):
    config = tmp_path / "kisync.toml"
    config.write_text(
        'languages = ["en", "De-X-LS"]\n[publish]\nrequire_review = ["de-x-ls"]\n', "utf-8"
    )
    loaded = load_config(config)
    assert loaded.languages == ("en", "de-x-ls")
    assert loaded.publish.require_review == ("de-x-ls",)
    config.write_text('languages = ["en"]\n[publish]\nrequire_review = ["de-x-ls"]\n', "utf-8")
    with pytest.raises(ConfigError, match="require_review: de-x-ls is not in languages"):
        load_config(config)


def test_pull_writes_valid_catalogs_with_the_tag(pulled_easy):
    path = pulled_easy / "po" / "de-x-ls" / "index.po"
    catalog = pofile.read(path)
    assert catalog.metadata["Language"] == "de-x-ls"
    assert catalog.metadata["Plural-Forms"] == "nplurals=2; plural=n != 1;"
    # msgfmt --check judges every written PO file (autouse fixture in tests/conftest.py)


def _published(root: Path, language: str, key: str = "index") -> lxml.html.HtmlElement:
    folder = "" if language == "de" else f"{language}/"
    name = "index.html" if key == "index" else f"{key}/index.html"
    return lxml.html.fromstring((root / "site" / folder / name).read_bytes())


def _hreflangs(page: lxml.html.HtmlElement) -> set[str]:
    return {link.get("hreflang") for link in page.xpath("//head/link[@rel='alternate']")}


def test_published_page_is_german_for_screen_readers_and_not_in_hreflang(easy):
    translate(easy, "de-x-ls", keys=("index", "_site"))
    translate(easy, "en", keys=("index", "_site"))
    result = CliRunner().invoke(cli, ["--project", str(easy), "push", "--page", "index"])
    assert result.exit_code == 0, result.output
    easy_page = _published(easy, "de-x-ls")
    assert easy_page.get("lang") == "de-x-ls"
    assert easy_page.get("dir") in (None, "ltr")
    assert _hreflangs(easy_page) == set()  # no alternates on the easy page itself
    english = _published(easy, "en")
    assert _hreflangs(english) == {"de", "en", "x-default"}
    switcher = english.xpath("//nav[@class='kisync-languages']//a")
    names = {a.get("lang"): a.text for a in switcher}
    assert names["de-x-ls"] == "Leichte Sprache"
    assert names["en"] == "English"
    own = easy_page.xpath("//nav[@class='kisync-languages']//a[@aria-current='page']")
    assert [a.text for a in own] == ["Leichte Sprache"]
