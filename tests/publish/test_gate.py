"""The publish gate on the files target: a translation lint reports as an error never goes
live, and a catalog the strict reader refuses is not published at all."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from support.catalogs import translate

from kisync import Project, pofile
from kisync.cli import cli

ADDRESS = "Musterstraße 12"
PHONE = "Telefon: <a1>"
MIN_50 = "min_completeness = 50\ntarget = 'site'"


def set_publish(root: Path, text: str) -> None:
    config = root / "kisync.toml"
    original = config.read_text(encoding="utf-8")
    start = original.index("[publish]")
    config.write_text(original[:start] + "[publish]\n" + text + "\n", encoding="utf-8")


def run(root: Path, *args: str):
    return CliRunner().invoke(cli, ["--project", str(root), *args])


def set_translations(root: Path, key: str, change) -> None:
    """Give every entry of ``po/en/<key>.po`` whose msgid ``change`` knows a new msgstr."""
    path = root / "po" / "en" / f"{key}.po"
    catalog = pofile.read(path)
    for entry in catalog:
        new = change(entry.msgid)
        if new is not None:
            entry.msgstr = new
    path.write_text(pofile.dumps(catalog), encoding="utf-8")


def attack(msgid: str) -> str | None:
    """A house number and a phone number changed: what lint calls errors."""
    if ADDRESS in msgid:
        return msgid.replace("Musterstraße 12", "Model Street 21")
    if msgid.startswith(PHONE):
        return "Phone: <a1>02452 13-4299</a1><br1/>E-mail: <a2><x1/></a2>"
    return None


def published(root: Path, key: str) -> str:
    return (root / "site" / "en" / key / "index.html").read_text(encoding="utf-8")


def impressum_entries(root: Path) -> int:
    return sum(1 for e in pofile.read(root / "po" / "en" / "impressum.po") if e.msgid)


def test_a_changed_house_or_phone_number_is_published_in_german(demo):
    translate(demo, "en", keys=("_site", "impressum"))
    set_translations(demo, "impressum", attack)
    set_publish(demo, MIN_50)
    report = Project.load(demo).push(["en"], ["impressum"])
    (result,) = report.results
    assert result.action == "create", report.failures
    total = impressum_entries(demo)
    assert result.completeness == 100.0 * (total - 2) / total  # held back = untranslated
    html = published(demo, "impressum")
    assert "Street 21" not in html and "13-4299" not in html
    assert "Model Street" not in html
    assert '<p lang="de">Kreis Heinsberg<br>' in html and "Musterstraße 12" in html
    assert '<p lang="de">Telefon: <a href="tel:+492452134200">' in html
    assert "[en] Impressum" in html  # the rest is translated
    held = {(h.check, h.file, h.page) for h in report.held_back}
    assert held == {
        ("numbers", "po/en/impressum.po", "impressum"),
        ("phone-numbers", "po/en/impressum.po", "impressum"),
    }
    catalog = pofile.read(demo / "po" / "en" / "impressum.po")
    lines = {e.msgid: e.linenum for e in catalog}
    assert {h.line for h in report.held_back} <= {
        next(line for msgid, line in lines.items() if ADDRESS in msgid),
        next(line for msgid, line in lines.items() if msgid.startswith(PHONE)),
    }
    assert "2 translations held back (lint errors)" in report.summary()


def test_held_back_translations_count_against_min_completeness(demo):
    translate(demo, "en", keys=("_site", "impressum"))
    set_translations(demo, "impressum", attack)
    report = Project.load(demo).push(["en"], ["impressum"])  # min_completeness = 100
    (result,) = report.results
    assert result.action == "withheld" and result.completeness < 100
    assert not (demo / "site" / "en" / "impressum").exists()


def test_a_dropped_or_added_placeholder_is_held_back(demo):
    translate(demo, "en", keys=("_site", "impressum"))

    def placeholders(msgid: str) -> str | None:
        if ADDRESS in msgid:  # <br3/> dropped
            return "Heinsberg District<br1/>Integration Centre<br2/>Musterstraße 12 52525 Heinsberg"
        if msgid.startswith(PHONE):  # <b1> added
            return "<b1>Phone</b1>: <a1>02452 13-4200</a1><br1/>E-mail: <a2><x1/></a2>"
        return None

    set_translations(demo, "impressum", placeholders)
    set_publish(demo, MIN_50)
    report = Project.load(demo).push(["en"], ["impressum"])
    assert [r.action for r in report.results] == ["create"]
    assert {h.check for h in report.held_back} == {"placeholders"}
    assert len({h.line for h in report.held_back}) == 2
    assert report.results[0].completeness < 100
    html = published(demo, "impressum")
    assert "Integration Centre" not in html and "<b>Phone" not in html


def test_push_lists_held_back_translations_in_text_and_json(demo):
    translate(demo, "en", keys=("_site", "impressum"))
    set_translations(demo, "impressum", attack)
    set_publish(demo, MIN_50)
    result = run(demo, "push", "--lang", "en", "--page", "impressum", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "po/en/impressum.po:" in result.output
    assert "not published, the German text is shown (numbers: the number 12" in result.output
    assert "(phone-numbers: the phone number 02452" in result.output

    result = run(demo, "push", "--lang", "en", "--page", "impressum", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {h["check"] for h in data["held_back"]} == {"numbers", "phone-numbers"}
    held = data["held_back"][0]
    assert set(held) == {"language", "page", "file", "line", "check", "message", "msgid", "msgctxt"}
    assert (held["language"], held["page"], held["file"]) == (
        "en",
        "impressum",
        "po/en/impressum.po",
    )
    assert isinstance(held["line"], int) and held["line"] > 1
    assert "2 translations held back" in data["summary"]


def test_a_lint_error_in_the_site_catalog_keeps_the_menu_string_german(demo):
    translate(demo, "en", keys=("_site", "impressum"))
    site = demo / "po" / "en" / "_site.po"
    catalog = pofile.read(site)
    entry = next(e for e in catalog if e.msgid and any(c.isdigit() for c in e.msgid))
    entry.msgstr = entry.msgstr.translate(str.maketrans("0123456789", "9876543210"))
    site.write_text(pofile.dumps(catalog), encoding="utf-8")
    report = Project.load(demo).push(["en"], ["impressum"])
    assert [r.action for r in report.results] == ["create"]
    assert {(h.file, h.page, h.msgid) for h in report.held_back} == {
        ("po/en/_site.po", "_site", entry.msgid)
    }
    assert entry.msgstr not in published(demo, "impressum")


def test_sync_holds_back_the_same_translations(demo):
    translate(demo, "en", keys=("_site", "impressum"))
    set_translations(demo, "impressum", attack)
    set_publish(demo, MIN_50)
    result = run(demo, "sync", "--lang", "en", "--page", "impressum", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {h["check"] for h in data["push"]["held_back"]} == {"numbers", "phone-numbers"}
    assert "2 held back (lint errors)" in data["summary"]
    html = published(demo, "impressum")
    assert "Street 21" not in html and "13-4299" not in html

    set_translations(
        demo, "impressum", lambda m: "Address: Model Street 21" if ADDRESS in m else None
    )
    result = run(demo, "sync", "--lang", "en", "--page", "impressum")
    assert result.exit_code == 0, result.output
    assert "(numbers: the number 12" in result.output
    assert "Model Street 21" not in published(demo, "impressum")


# -- catalogs the strict reader refuses ------------------------------------------------


def break_catalog(root: Path, key: str, how: str) -> Path:
    path = root / "po" / "en" / f"{key}.po"
    data = path.read_bytes()
    if how == "nul":
        path.write_bytes(data.replace(b"[en] Impressum", b"[en] Impr\x00essum", 1))
    else:  # the first entry once more at the end, translated otherwise
        catalog = pofile.read(path)
        first = next(e for e in catalog if e.msgid)
        path.write_bytes(data + f'\nmsgid "{first.msgid}"\nmsgstr "Something else"\n'.encode())
    return path


def test_a_catalog_with_a_nul_byte_or_a_duplicate_msgid_is_not_published(demo):
    translate(demo, "en")
    break_catalog(demo, "impressum", "nul")
    break_catalog(demo, "kommunen", "duplicate")
    result = run(demo, "push", "--lang", "en")
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if "not published" in line]
    assert len(lines) == 2, result.output
    assert any(
        line.startswith("kisync: en impressum: po/en/impressum.po:")
        and "NUL bytes" in line
        and "until the file is fixed" in line
        for line in lines
    ), lines
    assert any(
        "po/en/kommunen.po:" in line and "already defined on line" in line for line in lines
    ), lines
    assert not (demo / "site" / "en" / "impressum").exists()
    assert not (demo / "site" / "en" / "kommunen").exists()
    assert (demo / "site" / "en" / "freizeit" / "index.html").exists()  # the others are


def test_a_broken_site_catalog_stops_its_language_with_one_line(demo):
    translate(demo, "en")
    break_catalog(demo, "_site", "duplicate")
    result = run(demo, "push", "--lang", "en")
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if "po/en/_site.po" in line]
    assert len(lines) == 1 and "no page is published in en until the file is fixed" in lines[0]
    assert not (demo / "site" / "en").exists()
