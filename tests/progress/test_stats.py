"""Completeness of a real project (the demo portal after `kisync pull`)."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from kisync.cli import cli
from kisync.errors import CatalogError, KisyncError
from kisync.progress import Counts, catalog_counts
from kisync.progress import cache as cache_module
from kisync.progress import stats as stats_module

from .helpers import msgfmt_statistics, translate_all, translate_randomly


def test_every_catalog_agrees_with_msgfmt(demo):
    for number, language in enumerate(demo.languages):
        for key in demo.page_keys()[number::2]:
            translate_randomly(demo.catalog_path(language.code, key), seed=hash((number, key)))
    stats = demo.stats()
    checked = 0
    for language in stats.languages:
        for page in language.pages:
            translated, fuzzy, untranslated = msgfmt_statistics(page.path)
            counts = page.counts
            assert (counts.translated, counts.fuzzy, counts.untranslated) == (
                translated,
                fuzzy,
                untranslated,
            ), page.path
            checked += 1
    assert checked == 7 * len(demo.page_keys()) == 105
    assert any(lang.counts.fuzzy for lang in stats.languages)


def test_language_totals_are_the_sum_of_the_pages(demo):
    translate_all(demo.catalog_path("ar", "index"))
    translate_randomly(demo.catalog_path("ar", "gesundheit"), seed=3)
    arabic = demo.stats(["ar"]).languages[0]
    assert arabic.counts == sum((page.counts for page in arabic.pages), Counts())
    index = next(page for page in arabic.pages if page.page == "index")
    assert index.counts.complete and index.counts.percent == 100.0
    assert index.counts.words_translated == index.counts.words_total > 50
    german_words = catalog_counts(demo.template_path("index")).words_total
    assert index.counts.words_total == german_words


def test_json_has_the_documented_shape(demo):
    translate_randomly(demo.catalog_path("fa", "gesundheit"), seed=1, done=0.5)
    data = demo.stats(["fa", "en"], ["gesundheit", "bildung-sprache*"]).to_json()
    json.dumps(data)
    assert data["source_language"] == "de"
    assert [lang["language"] for lang in data["languages"]] == ["fa", "en"]
    farsi = data["languages"][0]
    assert list(farsi) == [
        "language",
        "name",
        "total",
        "translated",
        "fuzzy",
        "untranslated",
        "words_total",
        "words_translated",
        "reviewed",
        "percent",
        "pages",
    ]
    assert farsi["name"] == "Persian"
    pages = {page["page"]: page for page in farsi["pages"]}
    assert list(pages) == ["bildung-sprache", "bildung-sprache/integrationskurse", "gesundheit"]
    assert list(pages["gesundheit"]) == [
        "page",
        "total",
        "translated",
        "fuzzy",
        "untranslated",
        "words_total",
        "words_translated",
        "reviewed",
        "percent",
    ]
    health = pages["gesundheit"]
    assert 0 < health["translated"] < health["total"]
    assert health["percent"] == round(100 * health["translated"] / health["total"], 1)
    assert farsi["total"] == sum(page["total"] for page in pages.values())


def test_a_missing_catalog_counts_as_untranslated(demo):
    demo.catalog_path("tr", "freizeit").unlink()
    page = next(p for p in demo.stats(["tr"]).languages[0].pages if p.page == "freizeit")
    template = catalog_counts(demo.template_path("freizeit"))
    assert not page.exists
    assert page.counts == Counts(
        total=template.total, untranslated=template.total, words_total=template.words_total
    )


def test_bad_selections_are_refused(demo):
    with pytest.raises(KisyncError, match=r"not a language of this project; kisync\.toml lists"):
        demo.stats(["ps"])
    with pytest.raises(KisyncError, match="unknown language code"):
        demo.stats(["xx-nonsense"])
    with pytest.raises(KisyncError, match="no page matches 'nix/\\*'"):
        demo.stats(pages=["nix/*"])


def test_no_catalogs_yet(demo):
    for path in demo.catalogs_dir.glob("templates/**/*.pot"):
        path.unlink()
    with pytest.raises(KisyncError, match="run `kisync pull` first"):
        demo.stats()


def test_unreadable_catalog_is_reported_with_file_and_line(demo):
    path = demo.catalog_path("uk", "impressum")
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgid "kaputt\n', encoding="utf-8")
    with pytest.raises(CatalogError) as error:
        demo.stats()
    assert error.value.path == path and error.value.line is not None


# -- the cache ------------------------------------------------------------------------------


@pytest.fixture
def counted(monkeypatch):
    """Record which files are really read (rather than taken from the cache)."""
    seen: list[str] = []
    real = stats_module.catalog_counts

    def spy(path):
        seen.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(stats_module, "catalog_counts", spy)
    return seen


def test_second_run_reads_nothing(demo, monkeypatch, counted):
    monkeypatch.setattr(cache_module, "RACY_SECONDS", 0)
    first = demo.stats()
    assert len(counted) == 105
    counted.clear()
    assert demo.stats() == first
    assert counted == []
    assert (demo.state_dir / "stats-cache.json").is_file()


def test_an_edited_file_is_always_read_again(demo, monkeypatch, counted):
    monkeypatch.setattr(cache_module, "RACY_SECONDS", 0)
    path = demo.catalog_path("ru", "kommunen")
    demo.stats(["ru"])
    before = os.stat(path)
    # same size, same modification time: only the content (and the change time) differ
    text = path.read_text(encoding="utf-8")
    edited = text.replace('msgstr ""\n\n#.', 'msgstr "a"\n\n#.', 1)
    path.write_text(edited.replace("Language-Team: Russian", "Language-Team: Russia"), "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size
    counted.clear()
    page = next(p for p in demo.stats(["ru"]).languages[0].pages if p.page == "kommunen")
    assert counted == ["kommunen.po"]
    assert page.counts.translated == 1


def test_fresh_files_are_not_trusted_to_the_cache(demo, counted):
    demo.stats(["en"], ["index"])  # files written by pull a moment ago
    counted.clear()
    demo.stats(["en"], ["index"])
    assert counted == ["index.po"]


def test_a_damaged_cache_is_ignored(demo, monkeypatch):
    monkeypatch.setattr(cache_module, "RACY_SECONDS", 0)
    first = demo.stats()
    (demo.state_dir / "stats-cache.json").write_text("{not json", encoding="utf-8")
    assert demo.stats() == first
    assert json.loads((demo.state_dir / "stats-cache.json").read_text())["version"] >= 1


def test_library_errors_name_the_choice_and_the_command_names_its_option(demo):
    with pytest.raises(KisyncError) as raised:
        demo.stats(["ps"])
    assert str(raised.value).startswith("ps: not a language of this project")
    assert "--lang" not in str(raised.value)
    result = CliRunner().invoke(cli, ["--project", str(demo.root), "stats", "--lang", "ps"])
    assert result.exit_code == 2
    assert "kisync: error: --lang ps: not a language of this project" in result.output
