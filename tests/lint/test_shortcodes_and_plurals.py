"""Checks that guard WordPress and the catalog header: shortcodes in a translation, an
invalid Plural-Forms header."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from support.wordpress import write_project

from kisync import Project
from kisync.catalog import pofile
from kisync.cli import cli
from kisync.languages import get_language
from kisync.translate.checks import REGISTRY, Subject

ATTACKS = [
    '[video src="https://evil.example/x.mp4"]',
    '[audio src="https://evil.example/a.mp3"]',
    "[gallery]",
    "[caption]Bild[/caption]",
    '[contact-form-7 id="12"]',
    "[playlist ids=1,2 /]",
]


def wordpress_project(root: Path) -> Project:
    write_project(root, "http://127.0.0.1:9/")
    return Project.load(root)


def checks(project: Project | None, source: str, translation: str) -> list[str]:
    entry = polib.POEntry(msgid=source, msgstr=translation)
    subject = Subject(entry, source, translation, get_language("en"), Path("x.po"), 3)
    return [
        f"{f.check} {f.severity}"
        for b in REGISTRY.bind(project.check_context)
        for f in b.run(subject)
    ]


@pytest.mark.parametrize("shortcode", ATTACKS)
def test_a_shortcode_in_a_translation_is_an_error_on_wordpress(shortcode, tmp_path):
    project = wordpress_project(tmp_path)
    assert "shortcodes error" in checks(project, "Ein Video.", f"A video. {shortcode}")


def test_brackets_that_are_text_or_in_the_german_text_are_fine(tmp_path):
    project = wordpress_project(tmp_path)
    assert checks(project, "Das ist so [sic].", "That is so [sic].") == []
    assert checks(project, "Ein Bild [gallery].", "A picture [gallery].") == []


def test_the_shortcode_check_runs_on_wordpress_portals_only(demo):
    assert demo.config.portal.kind == "files"
    assert checks(demo, "Ein Video.", "A video. [gallery]") == []


# -- Plural-Forms ----------------------------------------------------------------------


def set_plural_forms(path: Path, value: str, translate: bool = False) -> None:
    catalog = pofile.read(path)
    catalog.metadata["Plural-Forms"] = value
    if translate:
        for entry in catalog:
            entry.msgstr = entry.msgstr or f"[en] {entry.msgid}"
    path.write_text(pofile.dumps(catalog), encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "translate", "problem"),
    [
        ("nplurals=3; plural=(n != 1);", False, "nplurals=3, but en has 2 plural forms"),
        ("nplurals=2; plural=n >;", True, "the plural expression 'n >' cannot be read"),
        ("nplurals=2; plural=n+5;", False, "gives form 5 for n = 0, but there are only 2"),
        ("nplurals=2 plural=n != 1", True, "is not 'nplurals=N; plural=EXPRESSION;'"),
    ],
)
def test_an_invalid_plural_forms_header_is_an_error(demo, value, translate, problem):
    path = demo.catalog_path("en", "impressum")
    set_plural_forms(path, value, translate)
    result = CliRunner().invoke(cli, ["--project", str(demo.root), "lint", "--format", "json"])
    assert result.exit_code == 1, result.output
    (finding,) = [f for f in json.loads(result.output)["findings"] if f["check"] == "plural-forms"]
    assert finding["file"].endswith("po/en/impressum.po") and finding["severity"] == "error"
    assert (
        problem in finding["message"] and "use 'nplurals=2; plural=n != 1;'" in finding["message"]
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[finding["line"] - 1] == 'msgid ""'


def test_the_plural_forms_of_every_language_pass(demo):
    report = demo.lint(checks=["plural-forms"])
    assert report.files > 50 and report.findings == ()
    arabic = pofile.read(demo.catalog_path("ar", "impressum")).metadata["Plural-Forms"]
    assert arabic.startswith("nplurals=6;")
