"""The files portal: which files are pages, their keys, and reading them safely."""

from __future__ import annotations

from pathlib import Path

import pytest

from kisync.errors import PortalError
from kisync.portal.base import PageRef
from kisync.portal.files import FilesPortal

PAGE = "<html><body><main><p>{}</p></main></body></html>"


def write(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    portal = tmp_path / "portal"
    write(portal / "index.html", PAGE.format("Start"))
    write(portal / "kita" / "index.html", PAGE.format("Kita"))
    write(portal / "schule.html", PAGE.format("Schule"))
    write(portal / "Beratung" / "Sozialamt.htm", PAGE.format("Sozialamt"))
    write(portal / "en" / "kita" / "index.html", PAGE.format("Day care"))  # a translation
    write(portal / ".drafts" / "entwurf.html", PAGE.format("Entwurf"))
    write(portal / "archiv" / "alt.html", PAGE.format("Alt"))
    write(portal / "bild.png", "not a page")
    return portal


def portal_for(folder: Path, **options: object) -> FilesPortal:
    return FilesPortal(folder, project_root=folder.parent, **options)  # type: ignore[arg-type]


def test_lists_pages_with_keys_urls_markers_and_locations(site: Path) -> None:
    portal = portal_for(site, exclude=["archiv/*"], language_folders=["en"])
    refs = {ref.key: ref for ref in portal.pages()}

    assert sorted(refs) == ["beratung/sozialamt", "index", "kita", "schule"]
    assert refs["kita"].url == "/kita/"
    assert refs["kita"].location == "portal/kita/index.html"
    assert refs["schule"].url == "/schule.html"
    assert refs["kita"].marker and refs["kita"].marker != refs["schule"].marker
    assert portal.read(refs["kita"]) == PAGE.format("Kita")


def test_a_html_and_a_index_html_share_a_key_and_are_told_apart(tmp_path: Path) -> None:
    folder = tmp_path / "portal"
    write(folder / "kita.html", PAGE.format("eins"))
    write(folder / "kita" / "index.html", PAGE.format("zwei"))

    refs = list(portal_for(folder).pages())

    assert len({ref.key for ref in refs}) == 2
    assert all(ref.key.startswith("kita-") for ref in refs)
    assert sorted(portal_for(folder).read(ref) for ref in refs) == sorted(
        [PAGE.format("eins"), PAGE.format("zwei")]
    )


def test_index_html_wins_over_index_htm_in_the_same_folder(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "portal"
    write(folder / "kita" / "index.htm", PAGE.format("alt"))
    write(folder / "kita" / "index.html", PAGE.format("neu"))
    portal = portal_for(folder)

    refs = list(portal.pages())

    assert [(ref.key, ref.url) for ref in refs] == [("kita", "/kita/")]
    assert portal.read(refs[0]) == PAGE.format("neu")
    assert "kita/index.htm is not a page of its own: kita/index.html is served at /kita/" in (
        caplog.text
    )


def test_marker_changes_when_the_file_changes(site: Path) -> None:
    before = {ref.key: ref.marker for ref in portal_for(site).pages()}
    write(site / "schule.html", PAGE.format("Schule, neu"))
    after = {ref.key: ref.marker for ref in portal_for(site).pages()}
    assert before["schule"] != after["schule"]
    assert before["kita"] == after["kita"]


@pytest.mark.parametrize("url", ["/../geheim.html", "/kita/../../geheim.html", "../geheim.html"])
def test_a_page_url_cannot_leave_the_folder(site: Path, url: str) -> None:
    write(site.parent / "geheim.html", PAGE.format("geheim"))
    with pytest.raises(PortalError, match="points outside"):
        portal_for(site).read(PageRef(key="x", url=url))


def test_a_symbolic_link_out_of_the_folder_is_refused(site: Path) -> None:
    write(site.parent / "geheim.html", PAGE.format("geheim"))
    (site / "link.html").symlink_to(site.parent / "geheim.html")
    (site / "linked").symlink_to(site.parent, target_is_directory=True)
    portal = portal_for(site)
    ref = next(ref for ref in portal.pages() if ref.key == "link")

    with pytest.raises(PortalError, match="points outside"):
        portal.read(ref)
    with pytest.raises(PortalError, match="points outside"):
        portal.read(PageRef(key="y", url="/linked/geheim.html"))


def test_a_symbolic_link_inside_the_folder_is_read(site: Path) -> None:
    (site / "kurz.html").symlink_to(site / "schule.html")
    portal = portal_for(site)
    ref = next(ref for ref in portal.pages() if ref.key == "kurz")
    assert portal.read(ref) == PAGE.format("Schule")


def test_declared_charset_is_used_and_undeclared_bytes_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "portal"
    latin = '<html><head><meta charset="iso-8859-1"></head><body><p>Gebühr</p></body></html>'
    write(folder / "alt.html", latin, encoding="latin-1")
    write(folder / "kaputt.html", "<p>Gebühr</p>", encoding="latin-1")
    portal = portal_for(folder)
    refs = {ref.key: ref for ref in portal.pages()}

    assert "Gebühr" in portal.read(refs["alt"])
    with pytest.raises(PortalError, match=r"not UTF-8 text.*save the page as UTF-8"):
        portal.read(refs["kaputt"])


def test_iso_8859_1_is_read_as_windows_1252_as_browsers_do(tmp_path: Path) -> None:
    folder = tmp_path / "portal"
    page = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>„Gebühr“ – 5 €</p>'
    write(folder / "alt.html", page, encoding="cp1252")  # what such pages really contain
    portal = portal_for(folder)

    assert "<p>„Gebühr“ – 5 €</p>" in portal.read(next(portal.pages()))


def test_missing_folder_says_what_to_fix(tmp_path: Path) -> None:
    with pytest.raises(PortalError, match=r"does not exist; check \[portal\] path"):
        list(portal_for(tmp_path / "fehlt").pages())
