"""push on the demo portal with the files target: policy, idempotence, conflicts, dry run."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
from click.testing import CliRunner
from support.catalogs import translate

from kisync import Project, pofile
from kisync.cli import cli
from kisync.progress import scan
from kisync.publish import jobs
from kisync.publish.files import FilesTarget

PAGES = 14
INTEGRATIONSKURSE = "bildung-sprache/integrationskurse"


def files(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``root`` with its bytes and modification time."""
    return {
        path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def set_publish(root: Path, text: str) -> None:
    config = root / "kisync.toml"
    original = config.read_text(encoding="utf-8")
    start = original.index("[publish]")
    config.write_text(original[:start] + "[publish]\n" + text + "\n", encoding="utf-8")


def run(root: Path, *args: str):
    return CliRunner().invoke(cli, ["--project", str(root), "push", *args])


class CountingTarget(FilesTarget):
    """The real files target, counting every call push makes into it."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder, name="files:site")
        self.calls: list[str] = []

    def current(self, language, source, previous):
        self.calls.append(f"current {language.code} {source.key}")
        return super().current(language, source, previous)

    def write(self, language, page, previous):
        self.calls.append(f"write {language.code} {page.key}")
        return super().write(language, page, previous)

    def remove(self, language, source, previous):
        self.calls.append(f"remove {language.code} {source.key}")
        return super().remove(language, source, previous)


# -- the happy path and idempotence ---------------------------------------------------


def test_translated_pages_are_published_once_and_a_second_push_does_nothing(demo):
    translate(demo, "en")
    translate(demo, "ar", lambda text: f"ترجمة {text}")
    project = Project.load(demo)
    target = CountingTarget(demo / "site")
    report = project.push(target=target)
    assert report.exit_code == 0, report.failures
    assert report.count("create") == 2 * PAGES
    assert report.count("withheld") == 5 * PAGES  # fa, tr, uk, ru, de-x-ls: nothing translated
    written = files(demo / "site")
    assert len(written) == 2 * PAGES
    assert not (demo / "site" / "fa").exists()

    page = lxml.html.document_fromstring(written[f"ar/{INTEGRATIONSKURSE}/index.html"][0])
    assert (page.get("lang"), page.get("dir")) == ("ar", "rtl")
    assert page.xpath("//h1")[0].text.startswith("ترجمة")
    assert page.xpath("//main//a[contains(@href, 'bildungsangebote')]")[0].get("href") == (
        "../../bildungsangebote/"  # relative in German, and that page is published in ar
    )
    menu = page.xpath("//nav[@id='site-navigation']//a")
    assert {a.get("href") for a in menu} >= {"/ar/ki-aktuelles/", "/ar/kommunen/"}
    assert page.xpath("//link[@hreflang='en']")[0].get("href") == f"/en/{INTEGRATIONSKURSE}/"

    target.calls.clear()
    again = Project.load(demo).push(target=target)
    assert again.exit_code == 0
    assert again.count("unchanged") == 2 * PAGES and again.count("create") == 0
    assert target.calls == []  # no request at all
    assert files(demo / "site") == written
    state = demo / ".kisync" / "publish-state.json"
    before = state.stat().st_mtime_ns
    Project.load(demo).push(target=target)
    assert state.stat().st_mtime_ns == before


def test_changing_one_translation_rewrites_that_page_only(demo):
    translate(demo, "en")
    Project.load(demo).push()
    before = files(demo / "site")
    translate(demo, "en", lambda text: f"[en, better] {text}", keys=("impressum",))
    target = CountingTarget(demo / "site")
    report = Project.load(demo).push(target=target)
    assert report.count("update") == 1 and report.count("unchanged") == PAGES - 1
    assert target.calls == ["current en impressum", "write en impressum"]
    after = files(demo / "site")
    assert [name for name in after if after[name] != before[name]] == ["en/impressum/index.html"]


# -- policy ----------------------------------------------------------------------------


def test_partially_translated_page_is_withheld_or_published_with_german_marks(demo):
    translate(demo, "en", keys=("_site", INTEGRATIONSKURSE), share=0.5)
    report = Project.load(demo).push(["en"], [INTEGRATIONSKURSE])
    (result,) = report.results
    assert (result.action, round(result.completeness)) == ("withheld", 50)
    assert not (demo / "site").exists()

    set_publish(demo, "min_completeness = 100\nmin_completeness_by_language = { en = 40 }")
    report = Project.load(demo).push(["en"], [INTEGRATIONSKURSE])
    assert [r.action for r in report.results] == ["create"]
    html = (demo / "site" / "en" / INTEGRATIONSKURSE / "index.html").read_text(encoding="utf-8")
    tree = lxml.html.document_fromstring(html)
    german = tree.xpath("//main//*[@lang='de']")
    assert german and all("[en]" not in element.text_content() for element in german)
    assert tree.xpath("//main//h1")[0].text.startswith("[en]")


def test_fuzzy_translations_are_not_published(demo):
    translate(demo, "en", fuzzy=True)
    report = Project.load(demo).push(["en"])
    assert report.count("withheld") == PAGES and report.count("create") == 0


def test_a_page_that_falls_below_the_minimum_stays_online_unless_withdrawn(demo):
    translate(demo, "en")
    Project.load(demo).push(["en"])
    published = demo / "site" / "en" / "impressum" / "index.html"
    content = published.read_bytes()
    translate(demo, "en", lambda text: "", keys=("impressum",))  # translations removed

    report = Project.load(demo).push(["en"])
    kept = [r for r in report.results if r.key == "impressum"]
    assert [r.action for r in kept] == ["kept"] and "stays" in kept[0].message
    assert published.read_bytes() == content

    set_publish(demo, "min_completeness = 100\nwithdraw_incomplete = true")
    report = Project.load(demo).push(["en"])
    assert [r.action for r in report.results if r.key == "impressum"] == ["withdraw"]
    assert not published.exists() and not published.parent.exists()
    other = lxml.html.document_fromstring((demo / "site" / "en" / "index.html").read_bytes())
    footer = other.xpath("//footer//a[text()='[en] Impressum']")[0]
    assert footer.get("href") == "/impressum/"  # links now go to the German page
    state = json.loads((demo / ".kisync" / "publish-state.json").read_text(encoding="utf-8"))
    assert "published" not in state["pages"]["en"]["impressum"]


# -- conflicts and recovery --------------------------------------------------------------


def test_a_page_edited_on_the_target_is_not_overwritten_without_force(demo):
    translate(demo, "en")
    Project.load(demo).push(["en"])
    page = demo / "site" / "en" / "impressum" / "index.html"
    edited = page.read_text(encoding="utf-8").replace(
        "[en] Impressum", "Legal notice (fixed by hand)"
    )
    page.write_text(edited, encoding="utf-8")
    translate(demo, "en", lambda text: f"[en v2] {text}", keys=("impressum",))

    result = run(demo, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "en impressum: CONFLICT" in result.output and "--force" in result.output
    assert page.read_text(encoding="utf-8") == edited

    result = run(demo, "--lang", "en")  # still a conflict on the next run
    assert result.exit_code == 1

    result = run(demo, "--lang", "en", "--force")
    assert result.exit_code == 0, result.output
    assert "[en v2] Impressum" in page.read_text(encoding="utf-8")
    assert run(demo, "--lang", "en").exit_code == 0


def test_lost_state_adopts_identical_pages_and_refuses_foreign_ones(demo):
    translate(demo, "en")
    Project.load(demo).push(["en"])
    before = files(demo / "site")
    (demo / ".kisync" / "publish-state.json").unlink()
    foreign = demo / "site" / "en" / "kommunen" / "index.html"
    foreign.write_text("<p>someone else's page</p>", encoding="utf-8")

    report = Project.load(demo).push(["en"])
    assert report.count("adopt") == PAGES - 1
    assert [r.key for r in report.conflicts] == ["kommunen"]
    assert report.exit_code == 1
    after = files(demo / "site")
    assert {name: after[name] for name in after if "kommunen" not in name} == {
        name: before[name] for name in before if "kommunen" not in name
    }  # not rewritten: same bytes and times
    assert foreign.read_text(encoding="utf-8") == "<p>someone else's page</p>"


def test_force_recreates_a_deleted_page(demo):
    translate(demo, "en")
    Project.load(demo).push(["en"])
    page = demo / "site" / "en" / "freizeit" / "index.html"
    page.unlink()
    assert Project.load(demo).push(["en"]).count("unchanged") == PAGES  # nothing asked
    report = Project.load(demo).push(["en"], force=True)
    assert report.count("create") == 1 and report.count("unchanged") == PAGES - 1
    assert page.exists()


# -- dry run and the command line ------------------------------------------------------


def test_dry_run_shows_a_diff_per_page_and_writes_nothing(demo):
    translate(demo, "en", keys=("_site", "impressum", "kommunen"))
    before = files(demo)
    result = run(demo, "--dry-run", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "en impressum: would create → /en/impressum/" in result.output
    assert "en freizeit: would skip (0% translated, 100% needed)" in result.output
    assert "--- /impressum/ (German)\n+++ /en/impressum/\n" in result.output
    assert '+<html lang="en">' in result.output
    assert '-<html lang="de-DE">' in result.output
    assert result.output.strip().splitlines()[-1].startswith("push to files:site: 14 pages")
    assert "2 would be created" in result.output
    assert files(demo) == before

    Project.load(demo).push(["en"])
    translate(demo, "en", lambda text: f"[en v2] {text}", keys=("impressum",))
    result = run(demo, "--dry-run", "--lang", "en", "--page", "impressum")
    assert "en impressum: would update" in result.output
    assert '-<h1 class="entry-title">[en] Impressum</h1>' in result.output
    assert '+<h1 class="entry-title">[en v2] Impressum</h1>' in result.output


def test_json_report(demo):
    translate(demo, "en", keys=("_site", "impressum"))
    result = run(demo, "--lang", "en", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["exit_code"] == 0 and data["languages"] == ["en"]
    impressum = next(p for p in data["pages"] if p["page"] == "impressum")
    assert impressum == {
        "language": "en",
        "page": "impressum",
        "action": "create",
        "completeness": 100.0,
        "min_completeness": 100.0,
        "url": "/en/impressum/",
        "message": "",
        "diff": "",
    }
    assert {p["action"] for p in data["pages"]} == {"create", "withheld"}


def test_bad_input_exits_2_and_keeps_going(demo):
    translate(demo, "en")
    broken = demo / "po" / "en" / "kommunen.po"
    broken.write_text(
        broken.read_text(encoding="utf-8") + '\nmsgid "unterminated\n', encoding="utf-8"
    )
    result = run(demo, "--lang", "en")
    assert result.exit_code == 2
    assert "po/en/kommunen.po" in result.output and "not published" in result.output
    assert (demo / "site" / "en" / "impressum" / "index.html").exists()
    assert not (demo / "site" / "en" / "kommunen").exists()

    result = run(demo, "--lang", "ps")
    assert result.exit_code == 2 and "not a language of this project" in result.output
    result = run(demo, "--lang", "xx")
    assert result.exit_code == 2 and "unknown language code" in result.output
    result = run(demo, "--page", "no/such/page")
    assert result.exit_code == 2 and "no page matches" in result.output


def test_broken_placeholders_are_reported_and_shown_in_german(demo):
    translate(demo, "en")
    path = demo / "po" / "en" / f"{INTEGRATIONSKURSE}.po"
    catalog = pofile.read(path)
    entry = next(e for e in catalog if e.msgid.startswith("Für die Teilnahme"))
    entry.msgstr = "<script>alert(1)</script> You need a </b1>permit<b1>."
    path.write_text(pofile.dumps(catalog), encoding="utf-8")
    set_publish(demo, "min_completeness = 90")
    result = run(demo, "--lang", "en", "--page", INTEGRATIONSKURSE)
    assert result.exit_code == 0, result.output
    assert "translation of 'Für die Teilnahme" in result.output
    assert "(placeholders: </b1> closes first" in result.output
    html = (demo / "site" / "en" / INTEGRATIONSKURSE / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert '<p lang="de">Für die Teilnahme brauchen Sie' in html


def test_unwritable_target_is_a_failure_not_a_crash(demo):
    translate(demo, "en", keys=("_site", "impressum"))
    (demo / "site").mkdir()
    (demo / "site" / "en").write_text("a file where a folder should be", encoding="utf-8")
    result = run(demo, "--lang", "en")
    assert result.exit_code == 2
    assert "en impressum: cannot read" in result.output
    assert "Traceback" not in result.output


def test_worker_processes_render_the_same_bytes(demo, monkeypatch):
    translate(demo, "en")
    translate(demo, "ar", lambda text: f"ترجمة {text}")
    Project.load(demo).push()
    sequential = files(demo / "site")
    (demo / ".kisync" / "publish-state.json").unlink()
    for name in sequential:
        (demo / "site" / name).unlink()
    monkeypatch.setattr(jobs, "PARALLEL_FROM", 2)
    report = Project.load(demo).push()
    assert report.count("create") == 2 * PAGES and report.exit_code == 0
    parallel = files(demo / "site")
    assert {name: data for name, (data, _) in parallel.items()} == {
        name: data for name, (data, _) in sequential.items()
    }


def test_german_text_missing_from_the_catalog_is_marked_and_reported(demo):
    translate(demo, "en")
    page = demo / "portal" / "impressum" / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</main>", "<p>Ganz neu.</p></main>"),
        encoding="utf-8",
    )
    result = run(demo, "--lang", "en", "--page", "impressum")
    assert result.exit_code == 0, result.output
    assert "en impressum: 1 string(s) of the German page are not in its catalog" in result.output
    assert "run kisync pull" in result.output
    html = (demo / "site" / "en" / "impressum" / "index.html").read_text(encoding="utf-8")
    assert '<p lang="de">Ganz neu.</p>' in html


def test_catalogs_in_an_unusual_layout_are_read_by_the_full_reader(demo):
    translate(demo, "en", keys=("_site", "impressum"))
    path = demo / "po" / "en" / "impressum.po"
    text = path.read_text(encoding="utf-8")  # a header the fast scanner does not trust
    path.write_text(text.replace("charset=UTF-8", "charset=ISO-8859-1"), encoding="utf-8")
    assert scan.translations(path.read_bytes()) is None
    report = Project.load(demo).push(["en"], ["impressum"])
    assert [r.action for r in report.results] == ["create"], report.failures
    html = (demo / "site" / "en" / "impressum" / "index.html").read_text(encoding="utf-8")
    assert "[en] Impressum" in html
