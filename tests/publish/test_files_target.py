"""The files target: paths, atomic writes, fingerprints, refusal to leave its folder."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kisync.errors import PortalError
from kisync.languages import get_language
from kisync.portal import PageRef
from kisync.publish import PublishTarget, RenderedPage
from kisync.publish.files import FilesTarget
from kisync.util.fsutil import TEMPORARY_MARK

EN = get_language("en")
FA_AF = get_language("fa_AF")


def page(url: str, key: str, html: str = "<p>Hello</p>", language=EN) -> RenderedPage:
    return RenderedPage(PageRef(key, url), language, html)


def test_implements_the_protocol(tmp_path):
    assert isinstance(FilesTarget(tmp_path), PublishTarget)


@pytest.mark.parametrize(
    ("url", "key", "language", "address", "file"),
    [
        ("/", "index", EN, "/en/", "en/index.html"),
        (
            "/bildung-sprache/integrationskurse/",
            "bildung-sprache/integrationskurse",
            EN,
            "/en/bildung-sprache/integrationskurse/",
            "en/bildung-sprache/integrationskurse/index.html",
        ),
        (
            "/aufenthalt-asyl/aufenthaltsrecht.html",
            "aufenthalt-asyl/aufenthaltsrecht",
            FA_AF,
            "/fa-af/aufenthalt-asyl/aufenthaltsrecht.html",
            "fa-af/aufenthalt-asyl/aufenthaltsrecht.html",
        ),
        ("https://portal.example/kita?x=1", "kita", EN, "/en/kita/", "en/kita/index.html"),
        (
            "https://portal.example/?page_id=12",
            "page_id-12",
            EN,
            "/en/page_id-12/",
            "en/page_id-12/index.html",
        ),
        (
            "/a/%2e%2e/../../etc/passwd",
            "a/etc/passwd",
            EN,
            "/en/a/etc/passwd/",
            "en/a/etc/passwd/index.html",
        ),
    ],
)
def test_mirrors_the_german_path_below_the_language(tmp_path, url, key, language, address, file):
    target = FilesTarget(tmp_path / "site")
    published = target.write(language, page(url, key, language=language), None)
    assert published.url == target.address(language, PageRef(key, url)) == address
    assert published.remote_id == file
    assert (tmp_path / "site" / file).read_text(encoding="utf-8") == "<p>Hello</p>"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [file.rsplit("/", 1)[-1]]


def test_fingerprint_detects_a_hand_edit(tmp_path):
    target = FilesTarget(tmp_path)
    source = PageRef("kita", "/kita/")
    assert target.current(EN, source, None) is None
    written = target.write(EN, page("/kita/", "kita", "<p>مرحبا</p>"), None)
    assert written.content_hash == page("/kita/", "kita", "<p>مرحبا</p>").content_hash
    assert target.current(EN, source, written) == written
    (tmp_path / written.remote_id).write_text("<p>edited by hand</p>", encoding="utf-8")
    now = target.current(EN, source, written)
    assert now is not None and now.fingerprint != written.fingerprint
    assert target.content(EN, now) == "<p>edited by hand</p>"


def test_remove_deletes_the_file_and_empty_folders(tmp_path):
    target = FilesTarget(tmp_path)
    written = target.write(EN, page("/a/b/", "a/b"), None)
    kept = target.write(EN, page("/c/", "c"), None)
    target.remove(EN, PageRef("a/b", "/a/b/"), written)
    assert not (tmp_path / "en" / "a").exists()
    assert (tmp_path / kept.remote_id).exists()


def test_refuses_a_tampered_state_path(tmp_path):
    target = FilesTarget(tmp_path / "site")
    from kisync.publish import Published

    for bad in ("../outside.html", "/etc/passwd", "en/../../x"):
        with pytest.raises(PortalError):
            target.current(EN, PageRef("x", "/x/"), Published(bad, "", ""))


def test_atomic_write_leaves_no_temporary_files(tmp_path):
    target = FilesTarget(tmp_path)
    for text in ("<p>1</p>", "<p>2</p>"):
        target.write(EN, page("/x/", "x", text), None)
    assert [p.name for p in (tmp_path / "en" / "x").iterdir()] == ["index.html"]


def test_a_killed_pushs_temporary_file_is_removed_before_the_next_push(tmp_path):
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    folder = tmp_path / "en" / "x"
    folder.mkdir(parents=True)
    stale = folder / f".index.html{TEMPORARY_MARK}{int(finished.stdout)}-0a1b2c3d"
    stale.write_text("<p>half a page</p>")
    target = FilesTarget(tmp_path)
    target.prepare([EN], dry_run=True)
    assert stale.exists()  # a dry run changes nothing
    target.prepare([EN])
    target.write(EN, page("/x/", "x"), None)
    assert [p.name for p in folder.iterdir()] == ["index.html"]


def test_a_symbolic_link_at_the_page_is_replaced_not_followed(tmp_path):
    outside = tmp_path / "outside.html"
    outside.write_text("keep me")
    folder = tmp_path / "site" / "en" / "x"
    folder.mkdir(parents=True)
    (folder / "index.html").symlink_to(outside)
    FilesTarget(tmp_path / "site").write(EN, page("/x/", "x"), None)
    assert outside.read_text() == "keep me"
    assert not (folder / "index.html").is_symlink()
