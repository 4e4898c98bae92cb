"""CLI basics: init, help for every command, error boundary."""

from __future__ import annotations

import importlib.metadata

import pytest
from click.testing import CliRunner

from kisync.cli import cli
from kisync.config import load_config
from kisync.translate import shipped_glossary_path


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help(name):
    result = run(name, "--help")
    assert result.exit_code == 0
    assert len(result.output.splitlines()) > 3


def test_init_for_a_folder_writes_a_loadable_commented_file(tmp_path):
    result = run(
        "--project", str(tmp_path), "init", "seiten", "--language", "ar", "--language", "fa-af"
    )
    assert result.exit_code == 0, result.output
    text = (tmp_path / "kisync.toml").read_text()
    assert "# The languages to translate into" in text
    config = load_config(tmp_path / "kisync.toml")
    assert (config.portal.kind, config.portal.path, config.languages) == (
        "files",
        "seiten",
        ("ar", "fa_AF"),
    )


def test_init_gives_the_project_its_own_copy_of_the_glossary_and_pull_writes_its_notes(tmp_path):
    portal = tmp_path / "portal"
    portal.mkdir()
    (portal / "index.html").write_text(
        "<html><body><main><p>Der Integrationskurs beginnt im Mai.</p></main></body></html>",
        encoding="utf-8",
    )
    assert run("--project", str(tmp_path), "init", "--language", "ar").exit_code == 0
    config = load_config(tmp_path / "kisync.toml")
    assert config.glossary.files == ("glossaries/integration.tbx",)
    copy = tmp_path / "glossaries" / "integration.tbx"
    assert copy.read_bytes() == shipped_glossary_path().read_bytes()

    assert run("--project", str(tmp_path), "pull").exit_code == 0
    catalog = (tmp_path / "po" / "ar" / "index.po").read_text(encoding="utf-8")
    assert "#. glossary: Integrationskurs → دورة الاندماج" in catalog


def test_init_never_replaces_the_projects_glossary(tmp_path):
    edited = tmp_path / "glossaries" / "integration.tbx"
    edited.parent.mkdir()
    edited.write_text("<!-- the staff's own edits -->", encoding="utf-8")
    assert run("--project", str(tmp_path), "init", "--force").exit_code == 0
    assert edited.read_text(encoding="utf-8") == "<!-- the staff's own edits -->"
    config = load_config(tmp_path / "kisync.toml")
    assert config.glossary.files == ("glossaries/integration.tbx",)


def test_version_is_the_installed_package_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"kisync, version {importlib.metadata.version('kisync')}\n"


def test_init_for_a_url_without_wordpress_uses_the_crawler(tmp_path):
    from support.httpserver import TestServer

    with TestServer(routes={}) as server:
        result = run("--project", str(tmp_path), "init", server.url)
    assert result.exit_code == 0, result.output
    config = load_config(tmp_path / "kisync.toml")
    assert (config.portal.kind, config.portal.url) == ("crawl", server.url)


def test_init_refuses_to_overwrite(tmp_path):
    (tmp_path / "kisync.toml").write_text("languages = ['en']\n")
    result = run("--project", str(tmp_path), "init")
    assert result.exit_code == 2
    assert "already exists" in result.output and "--force" in result.output
    assert (tmp_path / "kisync.toml").read_text() == "languages = ['en']\n"


def test_init_rejects_unknown_language(tmp_path):
    result = run("--project", str(tmp_path), "init", "--language", "xx")
    assert result.exit_code == 2
    assert "unknown language code 'xx'" in result.output


def test_missing_project_file_is_one_line_and_exit_2(tmp_path):
    result = run("--project", str(tmp_path), "pull")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "kisync init" in result.output


def test_bad_config_names_file_and_key(tmp_path):
    (tmp_path / "kisync.toml").write_text('languages = ["en"]\n[portal]\nknd = "files"\n')
    result = run("--project", str(tmp_path), "pull")
    assert result.exit_code == 2
    assert "kisync.toml: unknown key 'portal.knd'; did you mean 'kind'?" in result.output
