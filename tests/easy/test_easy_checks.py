"""The easy-… lint rules: real easy German passes, ordinary German does not."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from support.demo import copy_pulled

from kisync import Project
from kisync.catalog import pofile
from kisync.cli import cli
from kisync.errors import ConfigError
from kisync.languages import get_language
from kisync.translate.checks import REGISTRY, Subject
from kisync.translate.easy_checks import rule_names

from .examples import EINFACHE_SPRACHE, LEICHTE_SPRACHE, ORDINARY


def configure(root: Path, extra: str = "") -> Project:
    """The demo with both easy-German targets (and ``extra`` lines of kisync.toml)."""
    config = root / "kisync.toml"
    text = config.read_text(encoding="utf-8").replace('"de-x-ls"]', '"de-x-ls", "de-x-es"]')
    config.write_text(text + "\n" + extra + "\n", encoding="utf-8")
    return Project.load(root)


@pytest.fixture(scope="module")
def project(pulled_easy, tmp_path_factory) -> Project:
    """Shared by the tests that only read it."""
    return configure(copy_pulled(pulled_easy, tmp_path_factory.mktemp("easy-checks")))


def findings(project: Project, text: str, language: str = "de-x-ls", source: str = "Text."):
    checks = REGISTRY.bind(project.check_context, sorted(rule_names()))
    entry = polib.POEntry(msgid=source, msgstr=text)
    subject = Subject(entry, source, text, get_language(language), Path("x.po"), 1)
    return [finding for check in checks for finding in check.run(subject)]


def names(found) -> set[str]:
    return {finding.check for finding in found}


@pytest.mark.parametrize("url", list(LEICHTE_SPRACHE))
def test_real_leichte_sprache_passes(project, url):
    assert findings(project, LEICHTE_SPRACHE[url]) == []


@pytest.mark.parametrize("url", list(EINFACHE_SPRACHE))
def test_real_einfache_sprache_passes_its_rules_but_not_all_of_leichte_sprache(project, url):
    assert findings(project, EINFACHE_SPRACHE[url], "de-x-es") == []
    assert "easy-one-statement" in names(findings(project, EINFACHE_SPRACHE[url]))


@pytest.mark.parametrize("url", list(ORDINARY))
def test_real_ordinary_german_does_not_pass(project, url):
    assert findings(project, ORDINARY[url])


def test_ordinary_german_fails_the_einfache_sprache_rules_too(project):
    found = set()
    for text in ORDINARY.values():
        found |= names(findings(project, text, "de-x-es"))
    # Einfache Sprache allows long words and subordinate clauses, not these:
    assert found == {"easy-sentence-length", "easy-passive"}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Sie bekommen Geld. " + " ".join(["Wort"] * 16) + ".", "easy-sentence-length"),
        ("Sie wissen, dass das Amt hilft.", "easy-one-statement"),
        ("Sie gehen hin, weil Sie Hilfe brauchen.", "easy-one-statement"),
        ("Das ist der Kurs, den Sie machen.", "easy-one-statement"),
        ("Obwohl Sie krank sind, kommen Sie.", "easy-one-statement"),
        ("Gehen Sie zur Ausländerbehörde.", "easy-compound"),
        ("Sie bekommen eine Aufenthaltserlaubnis.", "easy-compound"),
        ("Der Kurs dauert drei Monate.", "easy-number-words"),
        ("Bringen Sie z. B. Ihren Pass mit.", "easy-abbreviation"),
        ("Bringen Sie ggf. Ihren Pass mit.", "easy-abbreviation"),
        ("Das BAMF bezahlt den Kurs.", "easy-abbreviation"),
        ("Niemand muss das bezahlen.", "easy-negation"),
        ("Sie haben keinen Pass nicht.", "easy-negation"),
        ("Der Antrag wird geprüft.", "easy-passive"),
        ("Die Leistung muss beantragt werden.", "easy-passive"),
        ("Das Formular wird ausgefüllt.", "easy-passive"),
        ("Sie würden Geld bekommen.", "easy-subjunctive"),
        ("Es wäre gut.", "easy-subjunctive"),
    ],
)
def test_each_rule_finds_what_it_is_for(project, text, rule):
    assert rule in names(findings(project, text))


@pytest.mark.parametrize(
    "text",
    [
        "Wenn Sie krank sind:\nGehen Sie zum Arzt.",  # the Leichte-Sprache way of saying if
        "Gehen Sie zum Bürger·amt.",
        "Gehen Sie zur Ausländer-Behörde.",
        "Der Kurs dauert 3 Monate.",
        "Das BAMF ist ein Amt. BAMF heißt: Bundes-Amt für Migration und Flüchtlinge.",
        "Sie brauchen: den Pass, die Melde-Bescheinigung.",
        "Sie werden Geld bekommen.",  # future, not passive
        "Sie können das <a1>Formular</a1> am Computer ausfüllen.<br1/>Das geht schnell.",
    ],
)
def test_easy_wording_is_not_flagged(project, text):
    assert findings(project, text) == []


def test_rules_only_run_on_easy_targets(project):
    assert findings(project, ORDINARY[next(iter(ORDINARY))], "en") == []


def test_thresholds_and_disabling_per_target(easy):
    project = configure(
        easy,
        '[easy_language.de-x-ls]\nmax_sentence_words = 8\ndisable = ["easy-passive"]\n'
        '[easy_language.de-x-es]\nenable = ["easy-compound"]',
    )
    nine = "Sie bekommen heute im Amt Geld für Ihre Miete."
    assert names(findings(project, nine)) == {"easy-sentence-length"}
    assert findings(project, "Der Antrag wird geprüft.") == []
    assert "easy-compound" in names(findings(project, "Die Ausländerbehörde hilft.", "de-x-es"))


def test_an_unknown_rule_in_the_config_is_bad_input(easy):
    project = configure(easy, '[easy_language.de-x-ls]\ndisable = ["easy-passiv"]')
    with pytest.raises(
        ConfigError, match=r"easy_language.de-x-ls.disable: unknown rule easy-passiv"
    ):
        findings(project, "Text.")


def test_easy_language_only_for_easy_targets(easy):
    with pytest.raises(ConfigError, match=r"easy_language\.en: not an easy-German target"):
        configure(easy, "[easy_language.en]\nmax_sentence_words = 10")


def test_lint_reports_easy_warnings_in_the_catalog(easy):
    path = easy / "po" / "de-x-ls" / "index.po"
    catalog = pofile.read(path)
    first = next(entry for entry in catalog if entry.msgid and "<" not in entry.msgid)
    first.msgstr = "Der Antrag wird geprüft."
    path.write_text(pofile.dumps(catalog), encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["--project", str(easy), "lint", "--lang", "de-x-ls", "--format", "json"]
    )
    assert result.exit_code == 0, result.output  # warnings only
    checks = {finding["check"] for finding in json.loads(result.output)["findings"]}
    assert "easy-passive" in checks


def test_easy_german_may_keep_the_german_text(project):
    checks = REGISTRY.bind(project.check_context, ["unchanged"])
    entry = polib.POEntry(msgid="Deutsch lernen", msgstr="Deutsch lernen")
    for language, expected in (("de-x-ls", 0), ("en", 1)):
        subject = Subject(entry, entry.msgid, entry.msgstr, get_language(language), Path("x.po"), 1)
        assert len([f for check in checks for f in check.run(subject)]) == expected
