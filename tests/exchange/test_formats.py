"""XLIFF 1.2 and TMX 1.4b against their schemas and an independent reader (Translate
Toolkit), and kisync's PO files as Weblate's reader (Translate Toolkit) sees them."""

from __future__ import annotations

import copy
import os
import subprocess
import warnings
import zipfile
from pathlib import Path

import pytest
from conftest import msgfmt_check
from lxml import etree
from support.catalogs import translate
from support.demo import ROOT, copy_pulled
from translate.storage import pypo, tmx, xliff

from kisync import Project, pofile

SHARED = Path(os.environ.get("KISYNC_SHARED_DIR", ROOT.parent / "shared")) / "reference"
PAGE = "aufenthalt-asyl"

needs_schemas = pytest.mark.skipif(
    not (SHARED / "xliff").is_dir(), reason=f"the XLIFF/TMX schemas are not in {SHARED}"
)


@pytest.fixture
def project(pulled_demo, tmp_path) -> Project:
    return Project.load(copy_pulled(pulled_demo, tmp_path / "p"))


def xliff_of(project: Project, tmp_path: Path, *pages: str) -> bytes:
    package = tmp_path / "agency.zip"
    project.export("ar", list(pages), package, fmt="xliff")
    with zipfile.ZipFile(package) as archive:
        return archive.read("kisync-ar.xlf")


def agency_translates(data: bytes) -> bytes:
    """An agency's tool: every text translated, the inline codes moved to the front."""
    store = xliff.xlifffile.parsestring(data)
    for unit in store.units:
        if unit.isheader():
            continue
        target = copy.deepcopy(unit.rich_source[0])
        _prefix(target)
        target.sub.reverse()
        unit.rich_target = [target]
        unit.set_state_n(xliff.xliffunit.S_TRANSLATED)
    return bytes(store)


def _prefix(node) -> None:
    for index, piece in enumerate(node.sub):
        if isinstance(piece, str):
            node.sub[index] = "AR " + piece
        else:
            _prefix(piece)


@needs_schemas
def test_xliff_is_valid_against_the_oasis_schema(project, tmp_path):
    translate(project.root, "ar", keys=("gesundheit",), share=0.5, fuzzy=True)
    data = xliff_of(project, tmp_path)
    schema = etree.XMLSchema(etree.parse(str(SHARED / "xliff" / "xliff-core-1.2-strict.xsd")))
    document = etree.fromstring(data)
    assert schema.validate(etree.ElementTree(document)), schema.error_log
    files = document.findall("{urn:oasis:names:tc:xliff:document:1.2}file")
    assert len(files) == len({f.get("original") for f in files}) > 10, "one <file> per page"


def test_translate_toolkit_reads_units_codes_and_notes(project, tmp_path):
    store = xliff.xlifffile.parsestring(xliff_of(project, tmp_path, PAGE))
    units = [unit for unit in store.units if not unit.isheader()]
    bold = next(unit for unit in units if "Verbindliche Auskünfte" in unit.source)
    kinds = [type(part).__name__ for part in bold.rich_source[0].sub]
    assert "G" in kinds, "the <b1> pseudo-tag is a protected inline code"
    assert "Asylverfahren →" in bold.getnotes()


def test_segment_ids_are_stable_across_exports(project, tmp_path):
    first = xliff_of(project, tmp_path, PAGE)
    second = xliff_of(project, tmp_path, PAGE)
    ids = lambda data: [u.getid() for u in xliff.xlifffile.parsestring(data).units]  # noqa: E731
    assert ids(first) == ids(second)


def test_an_agency_round_trip_lands_every_translation(project, tmp_path):
    returned = tmp_path / "back.xlf"
    returned.write_bytes(agency_translates(xliff_of(project, tmp_path, PAGE)))
    report = project.import_returned(returned)
    assert report.exit_code == 0, report.problems
    catalog = pofile.read(project.root / "po" / "ar" / f"{PAGE}.po")
    live = [entry for entry in catalog if not entry.obsolete and entry.msgid]
    assert all(entry.msgstr.startswith(("AR ", "<")) for entry in live)
    assert all("fuzzy" not in entry.flags for entry in live)
    moved = next(entry for entry in live if entry.msgid.startswith("Hier erklären"))
    assert moved.msgstr.startswith("<b1>AR Verbindliche Auskünfte")
    msgfmt_check(project.root / "po" / "ar" / f"{PAGE}.po")


def test_an_unchanged_round_trip_changes_nothing(project, tmp_path):
    translate(project.root, "ar", keys=(PAGE,), share=0.5, fuzzy=True)
    before = (project.root / "po" / "ar" / f"{PAGE}.po").read_bytes()
    back = tmp_path / "same.xlf"
    back.write_bytes(xliff_of(project, tmp_path, PAGE))
    report = project.import_returned(back)
    assert report.written == []
    assert (project.root / "po" / "ar" / f"{PAGE}.po").read_bytes() == before


def test_xliff_with_entities_is_refused(project, tmp_path):
    data = xliff_of(project, tmp_path, PAGE).replace(
        b"<?xml version='1.0' encoding='UTF-8'?>",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    )
    back = tmp_path / "evil.xlf"
    back.write_bytes(data)
    with pytest.raises(Exception, match="DOCTYPE or entities are refused"):
        project.import_returned(back)


@needs_schemas
def test_tmx_is_valid_against_its_dtd_and_readable(project, tmp_path):
    translate(project.root, "ar", keys=(PAGE, "gesundheit"))
    out = tmp_path / "memory.tmx"
    report = project.export("ar", [], out, fmt="tmx")
    assert report.strings > 20
    dtd = etree.DTD(str(SHARED / "tmx" / "tmx14.dtd"))
    assert dtd.validate(etree.parse(str(out))), dtd.error_log
    store = tmx.tmxfile.parsestring(out.read_bytes())
    sources = {unit.source for unit in store.units}
    assert "Der Weg durch das Asylverfahren" in sources
    assert b"<bpt" in out.read_bytes() and b"<ept" in out.read_bytes()


# -- Weblate: its PO reader, and git merges ---------------------------------------------------


def test_weblate_reads_and_writes_kisync_catalogs_byte_for_byte(project):
    translate(project.root, "ar", lambda msgid: f"عربي {msgid} " * 3, share=0.5)
    translate(project.root, "fa", fuzzy=True)
    files = sorted((project.root / "po").rglob("*.po*"))
    for path in files:
        data = path.read_bytes()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            store = pypo.pofile.parsestring(data)
        assert bytes(store) == data, f"Translate Toolkit rewrites {path}"


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_a_weblate_commit_and_a_pull_merge_cleanly(project):
    root = project.root
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "pulled")
    git(root, "checkout", "-qb", "weblate")
    path = root / "po" / "ar" / f"{PAGE}.po"
    store = pypo.pofile.parsestring(path.read_bytes())  # Weblate saves a translation
    unit = next(u for u in store.units if u.source == "Der Weg durch das Asylverfahren")
    unit.target = "الطريق عبر إجراءات اللجوء"
    path.write_bytes(bytes(store))
    git(root, "commit", "-qam", "Translated using Weblate (Arabic)")

    git(root, "checkout", "-q", "main")
    page = root / "portal" / PAGE / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "Zuweisung und Wohnsitzauflage", "Zuweisung und Wohnsitzregelung"
        ),
        encoding="utf-8",
    )
    assert not Project.load(root).pull().failures
    git(root, "commit", "-qam", "kisync pull")

    git(root, "merge", "-q", "--no-edit", "weblate")  # fails the test on a conflict
    merged = {e.msgid: e for e in pofile.read(path) if not e.obsolete}
    assert merged["Der Weg durch das Asylverfahren"].msgstr == "الطريق عبر إجراءات اللجوء"
    assert "Zuweisung und Wohnsitzregelung" in merged
    msgfmt_check(path)
