"""A small German WordPress site, pulled and translated, and checks on what push did."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from support.catalogs import translate
from support.wordpress import PASSWORD_ENV, WordPress, write_project

from kisync import Project, pofile

INJECTION = "<script>alert(1)</script>"


def german_site(wordpress: WordPress) -> dict[str, dict[str, Any]]:
    """Three German pages, one nested, with links, inline markup and an image."""
    beratung = wordpress.create_page(
        "Beratung",
        "<!-- wp:paragraph -->\n"
        '<p>Wir <strong>beraten</strong> Sie zu <a href="/bildung/integrationskurse/">'
        "Integrationskursen</a>.</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- wp:image -->\n<figure class="wp-block-image"><img src="/bild.png" alt="Ein Bild"/>'
        "</figure>\n<!-- /wp:image -->\n\n"
        '<!-- wp:shortcode -->\n[contact-form-7 id="12" title="Kontakt"]\n<!-- /wp:shortcode -->',
        slug="beratung",
    )
    bildung = wordpress.create_page("Bildung", "<p>Schule &amp; Ausbildung</p>", slug="bildung")
    kurse = wordpress.create_page(
        "Integrationskurse",
        "<p>Melden Sie sich an.</p>",
        slug="integrationskurse",
        parent=bildung["id"],
    )
    wordpress.backdate()  # pages that have been online for a while (see _marker)
    return {"beratung": beratung, "bildung": bildung, "bildung/integrationskurse": kurse}


def arabic(text: str) -> str:
    return f"ترجمة {text}" + (f" {INJECTION}" if text.startswith("Melden") else "")


def prepared(
    wordpress: WordPress,
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
    url: str | None = None,
    **portal: Any,
) -> Project:
    """A project with the German site pulled and translated into en and ar."""
    monkeypatch.setenv(PASSWORD_ENV, wordpress.password)
    write_project(root, url or wordpress.url, portal=portal)
    project = Project.load(root)
    assert project.pull().failures == []
    translate(root, "en")
    translate(root, "ar", arabic)
    _let_through(root / "po" / "ar", INJECTION, "ignore-markup")
    return project


def _let_through(folder: Path, text: str, flag: str) -> None:
    """Silence a lint check for the translations containing ``text``, as a translator
    can: they pass the publish gate, so the tests see what rendering makes of them."""
    for path in folder.rglob("*.po"):
        catalog = pofile.read(path)
        for entry in catalog:
            if text in entry.msgstr:
                entry.flags.append(flag)
        path.write_text(pofile.dumps(catalog), encoding="utf-8")


def translations(wordpress: WordPress) -> dict[str, list[dict[str, Any]]]:
    """Language root slug → its child pages (any status), from WordPress itself."""
    pages = wordpress.all_pages()
    roots = {page["id"]: page["slug"] for page in pages if page["parent"] == 0}
    found: dict[str, list[dict[str, Any]]] = {}
    for page in pages:
        if roots.get(page["parent"]) in ("en", "ar"):
            found.setdefault(roots[page["parent"]], []).append(page)
    return found


def state(root: Path) -> dict[str, Any]:
    return json.loads((root / ".kisync" / "publish-state.json").read_text(encoding="utf-8"))


def assert_state_matches_wordpress(root: Path, wordpress: WordPress, complete: bool = True) -> None:
    """Every published record names an existing translation, as kisync last saw it.

    After a complete push every translation also has a record; after an interrupted
    one WordPress may hold pages whose answer never arrived (the next push adopts them).
    """
    records = [
        record["published"]
        for pages in state(root)["pages"].values()
        for record in pages.values()
        if "published" in record
    ]
    pages = {page["id"]: page for group in translations(wordpress).values() for page in group}
    ids = [int(published["remote_id"]) for published in records]
    assert len(ids) == len(set(ids)), f"two records for one page: {sorted(ids)}"
    assert set(ids) <= set(pages), f"records of missing pages: {set(ids) - set(pages)}"
    for published in records:
        page = pages[int(published["remote_id"])]
        assert published["fingerprint"].startswith(page["modified_gmt"]), (published, page)
        assert published["url"] == page["link"]
    if complete:
        assert set(ids) == set(pages), f"pages without a record: {set(pages) - set(ids)}"
