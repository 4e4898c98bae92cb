"""Review marks for easy German: the mark, `kisync review`, what survives the tools, and
the require_review policy in push, stats, check and the dashboard."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
from pathlib import Path

import lxml.html
import polib
import pytest
from click.testing import CliRunner
from support.catalogs import translate

from kisync.catalog import pofile, scan
from kisync.catalog.review import is_reviewed, mark, translation_hash
from kisync.cli import cli
from kisync.progress.stats import _parsed_counts, catalog_counts

from .conftest import add_easy_german

PRUEFGRUPPE = "Prüfgruppe Lebenshilfe"


def run(root: Path, *args: str):
    return CliRunner().invoke(cli, ["--project", str(root), *args])


def entry(msgstr: str, **kwargs) -> polib.POEntry:
    return polib.POEntry(msgid="Das Jobcenter hilft.", msgstr=msgstr, **kwargs)


def test_a_mark_is_valid_until_the_translation_changes():
    item = entry("Das Jobcenter hilft Ihnen.")
    assert not is_reviewed(item)
    mark(item, PRUEFGRUPPE, datetime.date(2026, 5, 4))
    expected = f"reviewed: 2026-05-04 {PRUEFGRUPPE} #{translation_hash([item.msgstr])}"
    assert item.tcomment == expected
    assert is_reviewed(item)
    item.msgstr = "Das Jobcenter hilft dir."
    assert not is_reviewed(item)
    mark(item, "Prüfgruppe 2", datetime.date(2026, 6, 1))  # replaced, not added
    assert item.tcomment.count("reviewed:") == 1 and is_reviewed(item)
    item.flags.append("fuzzy")
    assert not is_reviewed(item)


def test_scanner_and_full_reader_agree_on_reviewed_counts(tmp_path):
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "de-x-ls"}
    good = entry("Das Jobcenter hilft Ihnen.")
    mark(good, PRUEFGRUPPE, datetime.date(2026, 5, 4))
    stale = polib.POEntry(msgid="Zwei.", msgstr="Zwei neu.", tcomment=good.tcomment)
    fuzzy = polib.POEntry(msgid="Drei.", msgstr="Drei.", flags=["fuzzy"])
    mark(fuzzy, PRUEFGRUPPE, datetime.date(2026, 5, 4))
    catalog += [good, stale, fuzzy]
    text = pofile.dumps(catalog)
    path = tmp_path / "reviewed.po"
    path.write_text(text, encoding="utf-8")
    fast, full = scan.scan(text.encode()), _parsed_counts(path)
    assert fast == full
    assert (fast.translated, fast.reviewed, fast.fuzzy) == (2, 1, 1)


def test_review_command_marks_finished_strings_only(easy):
    catalog_path = easy / "po" / "de-x-ls" / "index.po"
    translate(easy, "de-x-ls", keys=("index",), share=0.5)
    catalog = pofile.read(catalog_path)
    done = [e for e in catalog if e.msgstr]
    done[0].flags.append("fuzzy")
    catalog_path.write_text(pofile.dumps(catalog), encoding="utf-8")
    before = catalog_path.read_bytes()

    dry = run(easy, "review", "--lang", "de-x-ls", "--by", PRUEFGRUPPE, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert catalog_path.read_bytes() == before
    result = run(easy, "review", "--lang", "de-x-ls", "--page", "index", "--by", PRUEFGRUPPE)
    assert result.exit_code == 0, result.output
    assert f"marked {len(done) - 1} strings reviewed" in result.output
    reviewed = pofile.read(catalog_path)
    assert sum(is_reviewed(e) for e in reviewed) == len(done) - 1
    assert not any(is_reviewed(e) for e in reviewed if e.fuzzy or not e.msgstr)
    again = run(easy, "review", "--lang", "de-x-ls", "--by", PRUEFGRUPPE, "--format", "json")
    data = json.loads(again.output)
    assert (data["marked"], data["already_reviewed"]) == (0, len(done) - 1)

    stats = json.loads(run(easy, "stats", "--lang", "de-x-ls", "--format", "json").output)
    index = next(p for p in stats["languages"][0]["pages"] if p["page"] == "index")
    assert index["reviewed"] == len(done) - 1
    table = run(easy, "stats", "--lang", "de-x-ls").output
    assert table.splitlines()[0].split()[-1] == "reviewed"


def test_review_without_who_is_bad_usage(easy):
    result = run(easy, "review", "--lang", "de-x-ls", "--by", "  ")
    assert result.exit_code == 2
    assert "--by" in result.output


# -- the mark survives GNU gettext and Translate Toolkit ---------------------------------


@pytest.fixture
def reviewed_index(easy) -> Path:
    translate(easy, "de-x-ls", keys=("index",))
    assert run(easy, "review", "--lang", "de-x-ls", "--by", PRUEFGRUPPE).exit_code == 0
    return easy / "po" / "de-x-ls" / "index.po"


def test_msgmerge_with_a_changed_template_keeps_the_marks(reviewed_index, tmp_path):
    total = catalog_counts(reviewed_index)
    assert total.reviewed == total.translated == total.total
    template = pofile.read(reviewed_index.parents[1] / "templates" / "index.pot")
    changed = next(e for e in template if len(e.msgid) > 40)
    changed.msgid = changed.msgid.replace(" ", "  ", 1) + " Neu."
    new_template = tmp_path / "index.pot"
    new_template.write_text(pofile.dumps(template), encoding="utf-8")
    merged = tmp_path / "merged.po"
    subprocess.run(
        ["msgmerge", "--quiet", "-o", str(merged), str(reviewed_index), str(new_template)],
        check=True,
    )
    counts = catalog_counts(merged)
    assert counts.fuzzy == 1  # the changed string: fuzzy, so not reviewed
    assert counts.reviewed == counts.translated == total.total - 1


def test_msgcat_keeps_the_marks(reviewed_index, tmp_path):
    out = tmp_path / "cat.po"
    subprocess.run(["msgcat", "-o", str(out), str(reviewed_index)], check=True)
    counts = catalog_counts(out)
    assert counts.reviewed == counts.total > 10


def test_translate_toolkit_keeps_the_marks(reviewed_index, tmp_path):
    from translate.storage import pypo

    store = pypo.pofile.parsefile(str(reviewed_index))
    notes = [unit.getnotes("translator") for unit in store.units if not unit.isheader()]
    assert all(note.startswith("reviewed: ") for note in notes)
    out = tmp_path / "ttk.po"
    out.write_bytes(bytes(store))
    counts = catalog_counts(out)
    assert counts.reviewed == counts.total > 10


# -- the policy: [publish] require_review -------------------------------------------------


def _page(root: Path) -> str:
    return (root / "site" / "de-x-ls" / "index.html").read_text(encoding="utf-8")


def test_unreviewed_strings_are_never_published(easy):
    add_easy_german(
        easy, 'require_review = ["de-x-ls"]\nmin_completeness_by_language = { de-x-ls = 0 }'
    )
    translate(easy, "de-x-ls", lambda text: f"LS {text}", keys=("index", "_site"))
    assert run(easy, "push", "--lang", "de-x-ls", "--page", "index").exit_code == 0
    page = _page(easy)
    assert "LS " not in page  # nothing reviewed: everything in German
    assert 'lang="de-x-ls"' in page

    assert run(easy, "review", "--lang", "de-x-ls", "--by", PRUEFGRUPPE).exit_code == 0
    catalog_path = easy / "po" / "de-x-ls" / "index.po"
    catalog = pofile.read(catalog_path)
    edited = next(e for e in catalog if len(e.msgid) > 40 and "<" not in e.msgid)
    edited.msgstr = "UNGEPRÜFT " + edited.msgid
    catalog_path.write_text(pofile.dumps(catalog), encoding="utf-8")
    assert run(easy, "push", "--lang", "de-x-ls", "--page", "index").exit_code == 0
    page = _page(easy)
    assert "UNGEPRÜFT" not in page  # edited after the review: German instead
    assert "LS " in page
    german = lxml.html.fromstring(page).xpath("//*[@lang='de']//text()")
    assert any(edited.msgid[:30] in text for text in german)


def test_completeness_counts_reviewed_strings_only(easy):
    add_easy_german(easy, 'require_review = ["de-x-ls"]')
    translate(easy, "de-x-ls", keys=("index", "_site"))
    push = run(easy, "push", "--lang", "de-x-ls", "--page", "index", "--format", "json")
    assert not (easy / "site" / "de-x-ls" / "index.html").exists(), push.output
    check = run(easy, "check", "--lang", "de-x-ls", "--page", "index", "--no-lint")
    assert check.exit_code == 1
    assert "kisync review --lang" in check.output
    data = json.loads(
        run(
            easy, "check", "--lang", "de-x-ls", "--page", "index", "--no-lint", "--format", "json"
        ).output
    )
    page = data["languages"][0]["pages"][0]
    assert (page["require_review"], page["reviewed"], page["complete_enough"]) == (True, 0, False)

    assert run(easy, "review", "--lang", "de-x-ls", "--by", PRUEFGRUPPE).exit_code == 0
    assert run(easy, "check", "--lang", "de-x-ls", "--page", "index", "--no-lint").exit_code == 0
    assert run(easy, "push", "--lang", "de-x-ls", "--page", "index").exit_code == 0
    assert (easy / "site" / "de-x-ls" / "index.html").exists()


def test_languages_without_the_policy_are_not_gated_on_review(easy):
    add_easy_german(easy, 'require_review = ["de-x-ls"]')
    translate(easy, "en", keys=("index",))
    assert run(easy, "check", "--lang", "en", "--page", "index", "--no-lint").exit_code == 0


def test_dashboard_shows_review_state(easy, tmp_path):
    add_easy_german(easy, 'require_review = ["de-x-ls"]')
    translate(easy, "de-x-ls", keys=("index",))
    run(easy, "review", "--lang", "de-x-ls", "--page", "index", "--by", PRUEFGRUPPE)
    total = catalog_counts(easy / "po" / "de-x-ls" / "index.po").total
    output = tmp_path / "report"
    assert run(easy, "report", "--output", str(output)).exit_code == 0, output
    html = (output / "index.html").read_text(encoding="utf-8")
    assert f"{total} / " in html and "(required before publishing)" in html
    assert f"{total} reviewed (required before publishing)" in html
    assert f"<small>{total} r</small>" in html  # the cell of the de-x-ls index page
    shutil.rmtree(output)
