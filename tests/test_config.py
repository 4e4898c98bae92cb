"""kisync.toml loading: frozen dataclasses and one clear line per mistake."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kisync.config import find_config, load_config
from kisync.errors import ConfigError

GOOD = """\
source_language = "de"
languages = ["en", "ar", "fa-af", "tr", "uk", "ru"]

[portal]
kind = "files"
path = "portal"
content = "main"
ignore = [".cookie-banner"]

[catalogs]
path = "po"

[publish]
min_completeness = 80
target = "site"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kisync.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_into_frozen_dataclasses(tmp_path):
    config = load_config(write(tmp_path, GOOD))
    assert config.languages == ("en", "ar", "fa_AF", "tr", "uk", "ru")
    assert config.portal.ignore == (".cookie-banner",)
    assert config.publish.min_completeness == 80.0
    assert config.root == tmp_path.resolve()
    assert config.extract.skip == ("pre", "code")  # default
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.portal.kind = "crawl"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("foo = 1\n" + GOOD, "unknown key 'foo'"),
        (
            GOOD.replace("content =", "contnet ="),
            "unknown key 'portal.contnet'; did you mean 'content'",
        ),
        (
            GOOD.replace('languages = ["en", "ar", "fa-af", "tr", "uk", "ru"]', 'languages = "en"'),
            "languages must be a list",
        ),
        (
            GOOD.replace('kind = "files"', 'kind = "ftp"'),
            "portal.kind = 'ftp' is not allowed; use one of: files | crawl | wordpress",
        ),
        (GOOD.replace('"tr"', '"tk-xx"'), "languages: unknown language code 'tk-xx'"),
        (GOOD.replace('"tr"', '"ar"'), "ar listed twice"),
        (GOOD.replace('"tr"', '"de"'), "de is the source language"),
        (
            GOOD.replace("min_completeness = 80", "min_completeness = 180"),
            "publish.min_completeness = 180 is out of range 0–100",
        ),
        (
            GOOD.replace("min_completeness = 80", 'min_completeness = "80"'),
            "publish.min_completeness must be a number",
        ),
        (
            'catalogs = "po"\n' + GOOD.replace('[catalogs]\npath = "po"', ""),
            "catalogs must be a table",
        ),
        ("languages = [\n", "not valid TOML"),
        ("languages = []\n", "list at least one target language"),
        (
            GOOD.replace('path = "po"', 'path = "../../x"'),
            "catalogs.path = '../../x' leads outside the project folder",
        ),
        (
            GOOD.replace('target = "site"', 'target = "site/../.."'),
            "publish.target = 'site/../..' leads outside the project folder",
        ),
        (
            GOOD.replace('target = "site"', 'target = "/"'),
            "publish.target = '/' is the root of the file system",
        ),
        (
            GOOD.replace('target = "site"', 'target = "/srv/../"'),
            "publish.target = '/srv/../' is the root of the file system",
        ),
    ],
)
def test_errors_name_file_key_and_fix(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert expected in message
    assert "\n" not in message


def test_output_folders_outside_the_project_only_by_absolute_path(tmp_path):
    project, elsewhere = tmp_path / "projekt", tmp_path / "webserver"
    project.mkdir()
    elsewhere.mkdir()
    (project / "link").symlink_to(elsewhere)
    inside = load_config(write(project, GOOD.replace('target = "site"', 'target = "./a/../site"')))
    assert inside.publish.target == "./a/../site"
    explicit = GOOD.replace('target = "site"', f"target = {str(elsewhere)!r}")
    assert load_config(write(project, explicit)).publish.target == str(elsewhere)
    with pytest.raises(ConfigError, match=r"publish\.target = 'link/site' leads outside"):
        load_config(write(project, GOOD.replace('target = "site"', 'target = "link/site"')))


def test_unknown_language_suggests_close_codes(tmp_path):
    with pytest.raises(ConfigError, match="did you mean"):
        load_config(write(tmp_path, GOOD.replace('"tr"', '"ukk"')))


def test_find_config_walks_up(tmp_path):
    write(tmp_path, GOOD)
    deep = tmp_path / "po" / "ar"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path.resolve() / "kisync.toml"


def test_find_config_without_file_says_what_to_do(tmp_path):
    with pytest.raises(ConfigError, match="kisync init"):
        find_config(tmp_path)
