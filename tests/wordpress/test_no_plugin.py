"""No multilingual plugin: valid blocks without the bridge, a whole page with it."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from scenario import german_site, prepared, translations
from support.wordpress import WordPress

pytestmark = pytest.mark.wordpress


def block_tree(wordpress: WordPress, page_id: int) -> list:
    """Block names and nesting, as WordPress' own parse_blocks() reads the stored content."""
    return json.loads(
        wordpress.php(
            "function kisync_tree(array $blocks): array {\n"
            "    return array_map(fn($b) => [$b['blockName'], kisync_tree($b['innerBlocks'])],"
            " $blocks);\n"
            "}\n"
            f"echo json_encode(kisync_tree(parse_blocks(get_post({int(page_id)})->post_content)));"
        )
    )


def test_without_the_bridge_translations_are_the_same_blocks(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    german = german_site(wordpress)["beratung"]
    project = prepared(wordpress, tmp_path, monkeypatch)
    assert project.push().exit_code == 0
    arabic = {p["slug"]: p for p in translations(wordpress)["ar"]}["beratung"]
    tree = block_tree(wordpress, german["id"])
    assert [name for name, _ in tree if name] == ["core/paragraph", "core/image", "core/shortcode"]
    assert block_tree(wordpress, arabic["id"]) == tree
    content = wordpress.page(arabic["id"])["content"]["raw"]
    assert content.startswith('<!-- wp:paragraph -->\n<p lang="ar" dir="rtl">')


def test_the_bridge_installed_later_brings_published_pages_up_to_date(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    german = german_site(wordpress)
    project = prepared(wordpress, tmp_path, monkeypatch)
    assert project.push().exit_code == 0
    page = lxml.html.document_fromstring(wordpress.html("ar/integrationskurse/"))
    assert page.get("dir") is None  # WordPress says: a German page, left to right

    wordpress.set_bridge(True)
    report = project.push()
    assert report.exit_code == 0, report.failures
    assert report.count("update") == 6
    page = lxml.html.document_fromstring(wordpress.html("ar/integrationskurse/"))
    assert (page.get("lang"), page.get("dir")) == ("ar", "rtl")  # title included
    switcher = page.xpath('//nav[@class="kisync-languages"]//a')
    # German first, then the translations by language code, whatever order they were made in
    assert [(a.get("hreflang"), a.text_content()) for a in switcher] == [
        ("de", "Deutsch"),
        ("ar", "العربية"),
        ("en", "English"),
    ]
    assert switcher[1].get("aria-current") == "page" and switcher[1].get("dir") == "rtl"
    kurse = lxml.html.document_fromstring(wordpress.html("bildung/integrationskurse/"))
    links = kurse.xpath('//nav[@class="kisync-languages"]//a/@href')
    assert links == [
        german["bildung/integrationskurse"]["link"],
        f"{wordpress.url}ar/integrationskurse/",
        f"{wordpress.url}en/integrationskurse/",
    ]
    assert project.push().count("unchanged") == 6
