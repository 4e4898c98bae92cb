"""The site title and tagline (Settings → General) in the visitor's language: pulled
into the ``_site`` catalog, pushed through the bridge plugin, shown per language."""

from __future__ import annotations

from pathlib import Path

import pytest
from scenario import german_site, prepared
from support.wordpress import WordPress

from kisync import pofile

pytestmark = pytest.mark.wordpress

TITLE = "Integrationsportal Musterstadt & Umland"
TAGLINE = "Ankommen, lernen, arbeiten"


def set_site(wordpress: WordPress, title: str, tagline: str) -> None:
    wordpress.php(
        f"update_option('blogname', esc_html({title!r}));"
        f"update_option('blogdescription', esc_html({tagline!r}));"
    )


def site_template(root: Path) -> dict[str, str]:
    """msgid → translator note of the ``_site`` template."""
    return {e.msgid: e.comment for e in pofile.read(root / "po" / "templates" / "_site.pot")}


def test_pull_reads_the_site_title_and_a_tagline_only_when_there_is_one(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_site(wordpress, TITLE, "")
    german_site(wordpress)
    project = prepared(wordpress, tmp_path, monkeypatch)
    assert site_template(tmp_path) == {TITLE: "site title"}

    set_site(wordpress, TITLE, TAGLINE)
    report = project.pull()
    assert report.failures == [] and report.changed_pages == []
    assert site_template(tmp_path) == {TITLE: "site title", TAGLINE: "site tagline"}
    arabic = {e.msgid: e.msgstr for e in pofile.read(tmp_path / "po" / "ar" / "_site.po")}
    assert arabic == {TITLE: f"ترجمة {TITLE}", TAGLINE: ""}  # a translation is kept
