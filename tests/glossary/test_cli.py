"""`kisync glossary match|lint|export|import|remove` through the real command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from support.demo import copy_demo

from kisync.cli import cli
from kisync.translate import load_glossary, shipped_glossary_path
from kisync.translate.glossary import Concept, Glossary, Term
from kisync.translate.tbx import write_tbx

DEMO = Path(__file__).resolve().parents[2] / "examples" / "heinsberg"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def outside(tmp_path: Path, monkeypatch) -> Path:
    """The current folder is one with no kisync.toml in it or above it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_match_json_is_the_documented_format(outside):
    text = "Am Ende des Integrationskurses zahlt das Jobcenter; Asylanten"
    result = run("glossary", "match", "--format", "json", text)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [set(item) for item in data] == [
        {"concept", "term", "text", "start", "end", "status", "translations"}
    ] * 3
    course, jobcenter, asylant = data
    translations = course.pop("translations")
    assert course == {
        "concept": "integrationskurs",
        "term": "Integrationskurs",
        "text": "Integrationskurses",
        "start": 12,
        "end": 30,
        "status": "preferred",
    }
    # the preferred translation first, then the admitted ones (Handbook Germany's Dari)
    assert translations["en"] == ["integration course"]
    assert translations["fa"] == ["دوره ادغام", "کورس ادغام"]
    assert translations["tr"] == ["uyum kursu", "entegrasyon kursu"]
    assert translations["ti"] == ["መወሃሃዲ ኮርስ"] and translations["ps"] == []
    assert text[jobcenter["start"] : jobcenter["end"]] == jobcenter["text"] == "Jobcenter"
    assert jobcenter["translations"]["ar"][0] == "Jobcenter"
    assert (asylant["term"], asylant["status"]) == ("Asylant", "deprecated")


def test_match_json_with_one_language_and_no_hits(outside):
    result = run("glossary", "match", "--format", "json", "--lang", "uk", "Duldungen")
    translations = json.loads(result.output)[0]["translations"]
    assert list(translations) == ["uk"]
    assert translations["uk"][0] == "тимчасове призупинення депортації"
    result = run("glossary", "match", "--format", "json", "Der Kurs beginnt.")
    assert json.loads(result.output) == []


def test_match_text_says_what_to_do(outside):
    result = run("glossary", "match", "--lang", "tr", "die Asylanten und das BAMF")
    assert result.output.splitlines() == [
        "Asylanten (4–13): Asylant (deprecated German wording, use Asylsuchende)",
        "  tr: sığınmacılar",
        "BAMF (22–26): BAMF",
        "  tr: keep in German: BAMF",
    ]


def test_match_text_shows_the_languages_that_have_translations(outside):
    """Not a "no approved ps translation yet" line for every concept Pashto lacks."""
    result = run("glossary", "match", "Die Duldung im Rathaus")
    lines = result.output.splitlines()
    duldung, rathaus = (
        lines.index("Duldung (4–11): Duldung"),
        lines.index("Rathaus (15–22): Rathaus"),
    )
    common = ["en", "ar", "fa", "tr", "uk", "ru"]
    assert [line.split(":")[0].strip() for line in lines[duldung + 1 : rathaus]] == [
        *common,
        "ps",
    ]
    assert [line.split(":")[0].strip() for line in lines[rathaus + 1 :]] == common
    assert "no approved" not in result.output


def test_match_text_in_a_project_shows_the_project_languages(tmp_path):
    (tmp_path / "kisync.toml").write_text('languages = ["ps", "uk"]\n', encoding="utf-8")
    result = run("--project", str(tmp_path), "glossary", "match", "im Rathaus")
    assert result.output.splitlines() == [
        "Rathaus (3–10): Rathaus",
        "  ps: no approved ps translation yet",
        "  uk: ратуша",
    ]


def test_match_on_plain_text_skips_addresses(outside):
    text = "Fragen an einbuergerung.kvr@muenchen.de oder jobcenter.ge@jobcenter-ge.de"
    result = run("glossary", "match", "--format", "json", text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == []


def test_match_uses_the_project_glossary(tmp_path):
    (tmp_path / "g.csv").write_text("id,de,en\nx,Sprachcafé,language café\n", encoding="utf-8")
    (tmp_path / "kisync.toml").write_text(
        'languages = ["en"]\n[glossary]\nfiles = ["g.csv"]\n', encoding="utf-8"
    )
    result = run(
        "--project", str(tmp_path), "glossary", "match", "--format", "json", "Im Sprachcafé"
    )
    assert [item["term"] for item in json.loads(result.output)] == ["Sprachcafé"]


def test_lint_of_the_shipped_glossary_is_clean(outside):
    result = run("glossary", "lint")
    assert result.exit_code == 0
    assert result.output.endswith("0 errors, 0 warnings\n")


def test_lint_finds_problems_and_exits_1(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "id,de,en,ar,status,dnt\n"
        "jc,Jobcenter,job centre,Jobcenter,,yes\n"
        "kurs,Integrationskurs,integration course,,,\n"
        "kurs2,Integrationskurs,integration class,دورة,deprecated,\n"
        "dup,Kita,nursery,حضانة,,\n"
        "dup,Kita,,,admitted,\n",
        encoding="utf-8",
    )
    result = run("glossary", "lint", "--glossary", str(path))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "error: jc [en]: 'Jobcenter' stays German, but the en terms are job centre" in lines
    assert any("duplicate term 'integrationskurs' with conflicting statuses" in x for x in lines)
    assert (
        "error: dup [de]: term 'kita' is listed with conflicting statuses (admitted, preferred)"
        in lines
    )
    assert "warning: kurs [ar]: no approved ar translation" in lines
    data = json.loads(run("glossary", "lint", "--format", "json", "--glossary", str(path)).output)
    assert {"severity", "concept", "language", "message"} == set(data[0])


def test_malformed_glossary_is_one_line_and_exit_2(tmp_path):
    path = tmp_path / "broken.tbx"
    path.write_text("<martif>\n<text><body>\n</martif>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "lint", "--glossary", str(path)])
    assert result.exit_code == 2
    assert result.output.startswith(f"kisync: error: {path}:3: not well-formed XML")
    assert result.output.count("\n") == 1


def test_export_formats(tmp_path, outside):
    tbx = run("glossary", "export").output.encode()
    assert etree.fromstring(tbx).tag == "{urn:iso:std:iso:30042:ed-2}tbx"
    v2 = run("glossary", "export", "--format", "tbx2").output
    assert "<martif" in v2
    rows = list(
        csv.reader(
            io.StringIO(
                run("glossary", "export", "--format", "csv", "--lang", "ar").output.lstrip("\ufeff")
            )
        )
    )
    assert rows[0][:3] == ["id", "de", "ar"] and "en" not in rows[0]
    result = run("glossary", "export", "--format", "weblate")
    assert result.exit_code == 2 and "add --output FOLDER" in result.output
    folder = tmp_path / "weblate"
    result = run("glossary", "export", "--format", "weblate", "--output", str(folder))
    assert sorted(p.name for p in folder.iterdir()) == [
        f"{x}.tbx" for x in sorted(["en", "ar", "fa", "fa_AF", "tr", "uk", "ru", "ps", "ti", "kmr"])
    ]
    assert "wrote" in result.output
    again = run("glossary", "export", "--format", "weblate", "--output", str(folder))
    assert "wrote" not in again.output  # nothing changed, nothing rewritten
    result = run("glossary", "export", "--lang", "xx")
    assert result.exit_code == 2 and "no terms in xx" in result.output


def test_import_csv_edited_in_a_spreadsheet(tmp_path):
    target = tmp_path / "integration.tbx"
    target.write_bytes(shipped_glossary_path().read_bytes())
    exported = tmp_path / "glossar.csv"
    run(
        "glossary",
        "export",
        "--format",
        "csv",
        "--output",
        str(exported),
        "--glossary",
        str(target),
    )
    text = exported.read_text(encoding="utf-8-sig")
    text = text.replace("day-care centre", "day nursery")
    header = next(csv.reader(io.StringIO(text)))
    row = {"id": "c-sprachcafe", "de": "Sprachcafé", "en": "language café", "pos": "noun"}
    row["definition"] = "Treffpunkt, um Deutsch zu sprechen."
    text += ",".join(row.get(column, "") for column in header) + "\n"
    edited = tmp_path / "edited.csv"
    edited.write_text(text, encoding="utf-8")

    dry = run("glossary", "import", str(edited), "--into", str(target), "--dry-run")
    size = len(load_glossary(shipped_glossary_path()))
    assert dry.output.startswith(f"{target}: 1 concepts added, 1 changed, {size - 1} unchanged")
    assert target.read_bytes() == shipped_glossary_path().read_bytes()

    result = run("glossary", "import", str(edited), "--into", str(target))
    assert result.exit_code == 0, result.output
    glossary = load_glossary(target)
    assert glossary.concept("kita").preferred("en").text == "day nursery"
    assert glossary.concept("c-sprachcafe").preferred("de").text == "Sprachcafé"
    # details a CSV row cannot carry survive the import
    assert glossary.concept("kita").preferred("fa").note == "Dari: کودکستان"
    assert len(glossary) == size + 1


def test_import_warns_like_lint_about_translations_without_source(tmp_path):
    target = tmp_path / "integration.tbx"
    target.write_bytes(shipped_glossary_path().read_bytes())
    edited = tmp_path / "edited.csv"
    edited.write_text(
        "id,de,en,en source,ar,ar source\n"
        "c-sprachcafe,Sprachcafé,language café,,مقهى اللغة,Stadt Köln (ar)\n"
        "c-sprachcafe,,conversation café,Handbook Germany (en),,\n",
        encoding="utf-8",
    )
    result = run("glossary", "import", str(edited), "--into", str(target))
    assert result.exit_code == 0, result.output
    warning = "warning: c-sprachcafe [en]: translation 'language café' names no source"
    assert sorted(result.output.splitlines()[1:]) == [
        warning,
        "warning: c-sprachcafe [fa]: no approved fa translation",
        "warning: c-sprachcafe [ru]: no approved ru translation",
        "warning: c-sprachcafe [tr]: no approved tr translation",
        "warning: c-sprachcafe [uk]: no approved uk translation",
    ]
    lint = run("glossary", "lint", "--glossary", str(target)).output.splitlines()
    assert set(result.output.splitlines()[1:]) <= set(lint)
    sources = {
        t.text: t.source for t in load_glossary(target).concept("c-sprachcafe").terms_in("en")
    }
    assert sources == {"language café": "", "conversation café": "Handbook Germany (en)"}


def _reviewed_glossary(tmp_path: Path) -> Path:
    """A TBX file whose translations have a note, a usage, sources and grammar details."""
    kita = Concept(
        "kita",
        {
            "de": (Term("Kita", part_of_speech="noun", gender="feminine"),),
            "en": (
                Term(
                    "day-care centre",
                    part_of_speech="noun",
                    note="Needs review by a native speaker.",
                    source="BAMF (en)",
                ),
            ),
            "fa": (Term("کودکستان", usage="AF", source="Handbook Germany (fa)"),),
            "ru": (Term("детский сад", part_of_speech="noun", gender="masculine", source="BAMF"),),
        },
    )
    target = tmp_path / "glossary.tbx"
    target.write_bytes(write_tbx(Glossary((kita,))))
    return target


def _exported_rows(target: Path, *options: str) -> list[dict[str, str]]:
    exported = target.with_suffix(".csv")
    run(
        "glossary",
        "export",
        "--format",
        "csv",
        "--output",
        str(exported),
        *options,
        "--glossary",
        str(target),
    )
    return list(csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))


def _import(rows: list[dict[str, str]], target: Path):
    edited = target.with_name("edited.csv")
    with edited.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = run("glossary", "import", str(edited), "--into", str(target))
    assert result.exit_code == 0, result.output
    return result, load_glossary(target).concept("kita")


@pytest.mark.parametrize(("language", "column"), [("en", "note"), ("fa", "usage")])
def test_an_emptied_note_or_usage_cell_removes_it_on_import(tmp_path, language, column):
    target = _reviewed_glossary(tmp_path)
    rows = _exported_rows(target)
    row = next(row for row in rows if row[language] and row[column])
    row[column] = ""
    result, kita = _import(rows, target)
    assert result.output.startswith(f"{target}: 0 concepts added, 1 changed")
    assert getattr(kita.preferred(language), column) == ""
    # the other cells, and what a row does not state for a translation, stay
    assert (kita.preferred("en").note, kita.preferred("fa").usage) != ("", "")
    assert kita.preferred("ru").gender == "masculine"
    assert kita.preferred("en").part_of_speech == "noun"


def test_an_emptied_source_cell_removes_the_source_and_the_import_warns(tmp_path):
    target = _reviewed_glossary(tmp_path)
    rows = _exported_rows(target)
    next(row for row in rows if row["en"])["en source"] = ""
    result, kita = _import(rows, target)
    assert kita.preferred("en").source == ""
    assert kita.preferred("ru").source == "BAMF"
    warning = "warning: kita [en]: translation 'day-care centre' names no source"
    assert result.output.splitlines()[1:] == [warning]


@pytest.mark.parametrize(
    "text",
    [
        "id,de,en,en source\nkita,Kita,day-care centre,BAMF (en)\n",
        "id,de,en,note\nkita,Kita,,\nkita,,day-care centre,Needs review by a native speaker.\n",
    ],
)
def test_a_csv_without_a_column_keeps_what_the_glossary_has_there(tmp_path, text):
    target = _reviewed_glossary(tmp_path)
    rows = list(csv.DictReader(io.StringIO(text)))
    _, kita = _import(rows, target)
    english = kita.preferred("en")
    assert (english.note, english.source) == ("Needs review by a native speaker.", "BAMF (en)")


def test_translation_details_survive_a_csv_round_trip(tmp_path):
    target = _reviewed_glossary(tmp_path)
    before = target.read_bytes()
    result, kita = _import(_exported_rows(target), target)
    assert result.output.startswith(f"{target}: 0 concepts added, 0 changed, 1 unchanged")
    assert target.read_bytes() == before
    assert (kita.preferred("ru").gender, kita.preferred("ru").part_of_speech) == (
        "masculine",
        "noun",
    )


def test_a_csv_of_some_languages_keeps_the_others(tmp_path):
    target = _reviewed_glossary(tmp_path)
    rows = _exported_rows(target, "--lang", "en")
    assert "fa" not in rows[0]
    next(row for row in rows if row["en"])["en"] = "daycare centre"
    _, kita = _import(rows, target)
    assert kita.preferred("en").text == "daycare centre"
    assert kita.preferred("fa").text == "کودکستان"
    assert kita.preferred("ru").source == "BAMF"


def test_emptied_cells_of_a_language_column_remove_its_terms(tmp_path):
    target = _reviewed_glossary(tmp_path)
    rows = _exported_rows(target)
    for row in rows:
        row["fa"] = row["fa source"] = row["usage"] = ""
    _, kita = _import(
        [row for row in rows if any(row[lang] for lang in ("de", "en", "ru"))], target
    )
    assert kita.terms_in("fa") == ()
    assert kita.preferred("ru").text == "детский сад"


def test_a_csv_without_columns_for_german_details_keeps_them(tmp_path):
    kita = Concept(
        "kita",
        {
            "de": (
                Term(
                    "Kita",
                    part_of_speech="noun",
                    gender="feminine",
                    dnt=True,
                    whole_word=True,
                    note="Kurzform",
                ),
            ),
            "en": (Term("Kita", source="official name, kept in German"),),
        },
        definitions={"de": "Einrichtung für die Betreuung kleiner Kinder."},
        subject="Schule und Kinderbetreuung",
        note="Oft mit Kita-Gutschein.",
    )
    target = tmp_path / "glossary.tbx"
    target.write_bytes(write_tbx(Glossary((kita,))))
    _, imported = _import([{"id": "kita", "de": "Kita", "en": "Kita"}], target)
    german = imported.preferred("de")
    assert (german.part_of_speech, german.gender, german.dnt, german.whole_word, german.note) == (
        "noun",
        "feminine",
        True,
        True,
        "Kurzform",
    )
    assert imported.definitions == kita.definitions
    assert (imported.subject, imported.note) == (kita.subject, kita.note)
    assert imported.preferred("en").source == "official name, kept in German"


def test_a_tbx_import_keeps_the_details_the_file_leaves_out(tmp_path):
    target = _reviewed_glossary(tmp_path)
    terms = {"de": (Term("Kita"),), "en": (Term("day-care centre"),)}
    other_tool = tmp_path / "other.tbx"
    other_tool.write_bytes(write_tbx(Glossary((Concept("kita", terms),))))
    result = run("glossary", "import", str(other_tool), "--into", str(target))
    assert result.exit_code == 0, result.output
    english = load_glossary(target).concept("kita").preferred("en")
    assert (english.note, english.source, english.part_of_speech) == (
        "Needs review by a native speaker.",
        "BAMF (en)",
        "noun",
    )


def test_import_refuses_bad_csv_and_changes_nothing(tmp_path):
    target = tmp_path / "integration.tbx"
    target.write_bytes(shipped_glossary_path().read_bytes())
    bad = tmp_path / "bad.csv"
    bad.write_text("id,de,status\nx,Wort,bestens\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "import", str(bad), "--into", str(target)])
    assert result.exit_code == 2
    assert f"{bad}:2: unknown status 'bestens'" in result.output
    assert target.read_bytes() == shipped_glossary_path().read_bytes()


def test_import_refuses_a_result_with_errors(tmp_path):
    target = tmp_path / "integration.tbx"
    target.write_bytes(shipped_glossary_path().read_bytes())
    conflict = tmp_path / "conflict.csv"
    conflict.write_text("id,de,en,status\nnew,Jobcenter,job centre,deprecated\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "import", str(conflict), "--into", str(target)])
    assert result.exit_code == 2
    assert "not imported, the glossary would have 2 error(s)" in result.output
    assert "duplicate term 'jobcenter' with conflicting statuses" in result.output
    assert target.read_bytes() == shipped_glossary_path().read_bytes()


def test_import_needs_a_target_outside_a_project(outside):
    (outside / "g.csv").write_text("id,de\nx,Wort\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["--project", str(outside), "glossary", "import", str(outside / "g.csv")]
    )
    assert result.exit_code == 2


def test_rows_in_any_order_import_to_what_export_writes_back(tmp_path):
    """An editor's file may list a concept's rows in any order (sorted by language,
    the preferred term last); importing the glossary's own export afterwards changes
    nothing."""
    target = tmp_path / "integration.tbx"
    target.write_bytes(shipped_glossary_path().read_bytes())
    rows = [row for row in _exported_rows(target) if row["id"] == "duldung"]
    assert {row["status"] for row in rows} >= {"preferred", "admitted", "deprecated"}
    _import(rows[::-1], target)
    _exported_rows(target)  # writes integration.csv
    result = run("glossary", "import", str(target.with_suffix(".csv")), "--into", str(target))
    assert result.output.startswith(f"{target}: 0 concepts added, 0 changed")


def test_remove_takes_concepts_out_and_keeps_the_others_as_they_were(outside):
    target = outside / "integration.tbx"
    target.write_bytes(shipped_glossary_path().read_bytes())
    before = {concept.id: concept for concept in load_glossary(target)}

    dry = run("glossary", "remove", "duldung", "jobcenter", "--from", str(target), "--dry-run")
    assert (
        dry.output
        == f"{target}: would remove duldung, jobcenter; {len(before) - 2} concepts left\n"
    )
    assert target.read_bytes() == shipped_glossary_path().read_bytes()

    result = run("glossary", "remove", "duldung", "jobcenter", "--from", str(target))
    assert result.exit_code == 0, result.output
    after = {concept.id: concept for concept in load_glossary(target)}
    assert set(before) - set(after) == {"duldung", "jobcenter"}
    assert all(after[concept_id] == before[concept_id] for concept_id in after)
    assert run("glossary", "lint", "--glossary", str(target)).exit_code == 0


def test_remove_from_a_csv_file_is_refused(outside):
    csv_file = outside / "glossary.csv"
    csv_file.write_text("id,de\nc-wort,Wort\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "remove", "c-wort", "--from", str(csv_file)])
    assert result.exit_code == 2
    assert "not a TBX file" in result.output and "delete the concept's rows" in result.output
    assert csv_file.read_text(encoding="utf-8") == "id,de\nc-wort,Wort\n"


def test_remove_an_unknown_id_removes_nothing(outside):
    target = outside / "integration.tbx"
    target.write_bytes(shipped_glossary_path().read_bytes())
    result = CliRunner().invoke(
        cli, ["glossary", "remove", "duldung", "duldungg", "--from", str(target)]
    )
    assert result.exit_code == 2
    assert "no concept 'duldungg'; nothing removed" in result.output
    assert target.read_bytes() == shipped_glossary_path().read_bytes()


def test_remove_in_a_project_edits_its_first_glossary_file(tmp_path, monkeypatch):
    project = copy_demo(tmp_path)
    monkeypatch.chdir(project)
    result = run("glossary", "remove", "duldung")
    assert result.exit_code == 0, result.output
    glossary = load_glossary(tmp_path / "glossaries" / "integration.tbx")
    assert "duldung" not in {concept.id for concept in glossary}
