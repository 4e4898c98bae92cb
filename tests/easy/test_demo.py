"""The demo's home page in Leichte Sprache (examples/heinsberg/po/de-x-ls/index.po)."""

from __future__ import annotations

import json
import shutil

import lxml.html
from click.testing import CliRunner
from support.catalogs import translate
from support.demo import DEMO, copy_demo

from kisync import pofile
from kisync.cli import cli

SHIPPED = DEMO / "po" / "de-x-ls" / "index.po"


def run(root, *args):
    return CliRunner().invoke(cli, ["--project", str(root), *args])


def test_the_demo_home_page_in_leichte_sprache(tmp_path):
    root = copy_demo(tmp_path)
    (root / "po" / "de-x-ls").mkdir(parents=True)
    shutil.copy(SHIPPED, root / "po" / "de-x-ls" / "index.po")
    assert run(root, "pull").exit_code == 0
    pulled = [(e.msgid, e.msgstr, e.tcomment) for e in pofile.read(root / "po/de-x-ls/index.po")]
    assert pulled == [(e.msgid, e.msgstr, e.tcomment) for e in pofile.read(SHIPPED)]

    # it passes the easy-… rules (and lint as a whole: warnings only)
    lint = run(root, "lint", "--lang", "de-x-ls", "--page", "index", "--format", "json")
    assert lint.exit_code == 0, lint.output
    checks = {f["check"] for f in json.loads(lint.output)["findings"]}
    assert not {check for check in checks if check.startswith("easy-")}

    # the same page in ordinary German does not
    ordinary = pofile.read(root / "po" / "de-x-ls" / "index.po")
    for entry in ordinary:
        entry.msgstr = entry.msgid if entry.msgid else entry.msgstr
    (root / "po" / "de-x-ls" / "index.po").write_text(pofile.dumps(ordinary), "utf-8")
    lint = run(root, "lint", "--lang", "de-x-ls", "--page", "index", "--format", "json")
    checks = {f["check"] for f in json.loads(lint.output)["findings"]}
    assert {"easy-sentence-length", "easy-passive", "easy-compound"} <= checks
    shutil.copy(SHIPPED, root / "po" / "de-x-ls" / "index.po")

    # reviewed, so it is published with the others
    stats = json.loads(
        run(root, "stats", "--lang", "de-x-ls", "--page", "index", "--format", "json").output
    )
    page = stats["languages"][0]["pages"][0]
    assert page["reviewed"] == page["translated"] == page["total"] > 20
    translate(root, "en", keys=("index",))
    assert run(root, "push", "--page", "index").exit_code == 0
    easy = lxml.html.fromstring((root / "site" / "de-x-ls" / "index.html").read_bytes())
    assert easy.get("lang") == "de-x-ls"
    assert "Das Jobcenter ist ein Amt für Menschen ohne Arbeit." in easy.text_content()
    english = lxml.html.fromstring((root / "site" / "en" / "index.html").read_bytes())
    switcher = {a.get("lang"): a.text for a in english.xpath("//nav[@class='kisync-languages']//a")}
    assert switcher["de-x-ls"] == "Leichte Sprache"
    hreflangs = {link.get("hreflang") for link in english.xpath("//link[@rel='alternate']")}
    assert hreflangs == {"de", "en", "x-default"}
