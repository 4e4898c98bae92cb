"""Library errors name the library's parameters (``force=True``), never an option of the
command line; the command line says the same thing with its options (``--force``)."""

from __future__ import annotations

import ast
import re
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.demo import demo, pulled_demo  # noqa: F401

from kisync import ConfigError, KisyncError, Project
from kisync.cli import cli
from kisync.config import find_config
from kisync.errors import SelectionError
from kisync.init import write_starter

PACKAGE = Path(__file__).resolve().parents[1] / "kisync"
FLAG = re.compile(r"(?<![\w-])--[a-z]")


def cli_error(*args: str) -> str:
    """The one line a command prints for an error, without ``kisync: error: ``."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 2, result.output
    assert result.output.startswith("kisync: error: "), result.output
    return result.output.removeprefix("kisync: error: ").removesuffix("\n")


def library_error(call, *args, **kwargs) -> str:
    with pytest.raises(KisyncError) as raised:
        call(*args, **kwargs)
    message = str(raised.value)
    assert not FLAG.search(message), message
    return message


def strings_raised(path: Path) -> list[tuple[int, str]]:
    """Every string literal inside a ``raise`` statement of a module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Raise):
            found += [
                (part.lineno, part.value)
                for part in ast.walk(node)
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
            ]
    return found


def test_no_library_error_names_an_option_of_the_command_line():
    offending = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {text}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "cli" not in path.relative_to(PACKAGE).parts
        for line, text in strings_raised(path)
        if FLAG.search(text)
    ]
    assert not offending, "\n".join(offending)


def test_naming_spells_parameters_for_the_library_and_options_for_the_command_line():
    error = ConfigError.naming("po/{x}.po exists; use {force}", force="force=True")
    assert str(error) == "po/{x}.po exists; use force=True"
    assert error.naming_options({"force": "--force"}) == "po/{x}.po exists; use --force"
    plain = KisyncError("no {force} here")
    assert plain.naming_options({"force": "--force"}) == "no {force} here"
    chosen = SelectionError("lang", "xx", "{}: not a language of the project")
    assert str(chosen) == "xx: not a language of the project"
    assert chosen.naming_options({}) == "--lang xx: not a language of the project"


def test_init_refusing_to_replace(tmp_path):
    write_starter(tmp_path, "portal")
    message = library_error(write_starter, tmp_path, "portal")
    assert message.endswith("already exists; edit it, or use force=True to replace it")
    assert cli_error("--project", str(tmp_path), "init") == (
        f"{tmp_path / 'kisync.toml'} already exists; edit it, or use --force to replace it"
    )


def test_init_with_an_unknown_language(tmp_path):
    message = library_error(write_starter, tmp_path, "portal", languages=("xx",))
    assert message.startswith("languages: unknown language code 'xx'")
    command = cli_error("--project", str(tmp_path), "init", "--language", "xx")
    assert command == "--language: " + message.removeprefix("languages: ")


def test_no_project_file_here_or_above(tmp_path, monkeypatch):
    message = library_error(find_config, tmp_path)
    assert message.endswith("run `kisync init` to create one or pass the project's folder")
    monkeypatch.chdir(tmp_path)
    assert cli_error("pull") == message.replace("the project's folder", "--project DIR")


def test_review_without_a_reviewer(demo):  # noqa: F811
    message = library_error(demo.review, "en", by=" ")
    assert message == 'by: say who reviewed the strings, e.g. by "Prüfgruppe Heinsberg"'
    assert cli_error("--project", str(demo.root), "review", "--lang", "en", "--by", " ") == (
        '--by: say who reviewed the strings, e.g. --by "Prüfgruppe Heinsberg"'
    )


def test_dashboard_folder_that_cannot_be_written(demo, tmp_path):  # noqa: F811
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    output = tmp_path / "a-file" / "dashboard"
    message = library_error(demo.report, output)
    assert message.endswith("; choose another output folder")
    command = cli_error("--project", str(demo.root), "report", "--output", str(output))
    assert command == message.replace("another output folder", "another --output folder")


def test_preview_port_in_use(demo):  # noqa: F811
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        message = library_error(demo.preview, port=port)
        command = cli_error("--project", str(demo.root), "preview", "--port", str(port))
    assert message.endswith("; try another port")
    assert command == message.replace("another port", "another --port")


def test_wordpress_password_over_plain_http(tmp_path, monkeypatch):
    (tmp_path / "kisync.toml").write_text(
        'languages = ["en"]\n[portal]\nkind = "wordpress"\nurl = "http://portal.example.org"\n'
        'user = "kisync"\npassword_env = "KISYNC_TEST_WP_PASSWORD"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("KISYNC_TEST_WP_PASSWORD", "abcd efgh ijkl mnop")
    message = library_error(Project.load(tmp_path).open_portal)
    assert message.endswith("(or pass insecure=True if you really must)")
    command = cli_error("--project", str(tmp_path), "pull")
    assert command == message.replace("insecure=True", "--insecure")


def test_glossary_import_without_a_file_to_import_into(tmp_path):
    (tmp_path / "kisync.toml").write_text('languages = ["en"]\n', encoding="utf-8")
    (tmp_path / "new.csv").write_text("id,de\nc-wort,Wort\n", encoding="utf-8")
    project = Project.load(tmp_path)
    message = library_error(project.import_glossary, tmp_path / "new.csv")
    assert message == (
        "no glossary file to change: give into (a .tbx file) or list it in kisync.toml [glossary]"
    )
    command = cli_error("--project", str(tmp_path), "glossary", "import", str(tmp_path / "new.csv"))
    assert command == message.replace("into (a .tbx file)", "--into FILE.tbx")


def test_glossary_remove_without_a_file_to_remove_from(tmp_path):
    (tmp_path / "kisync.toml").write_text('languages = ["en"]\n', encoding="utf-8")
    project = Project.load(tmp_path)
    message = library_error(project.remove_concepts, ["duldung"])
    assert message == (
        "no glossary file to change: give glossary_file (a .tbx file) or list it in "
        "kisync.toml [glossary]"
    )
    command = cli_error("--project", str(tmp_path), "glossary", "remove", "duldung")
    assert command == message.replace("glossary_file (a .tbx file)", "--from FILE.tbx")
