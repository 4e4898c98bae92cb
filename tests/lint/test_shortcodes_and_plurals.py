"""Checks that guard WordPress and the catalog header: shortcodes in a translation, an
invalid Plural-Forms header."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from support.wordpress import write_project

from kisync import Project
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
    return [f"{f.check} {f.severity}" for b in REGISTRY.bind(project) for f in b.run(subject)]


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
