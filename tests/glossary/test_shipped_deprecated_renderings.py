"""The shipped glossary's deprecated and superseded English renderings (from the English
agreement passes, benchmarks/RESULTS.md) fire on the published wrong wording only, never on
the approved renderings."""

from __future__ import annotations

import pytest

from kisync.translate import load_glossary, shipped_glossary_path
from kisync.translate.glossary_checks import term_problems
from kisync.translate.matcher import Matcher

FIKTION = "Bis zur Entscheidung erhalten Sie eine Fiktionsbescheinigung."
ALG2 = "Sie beziehen Arbeitslosengeld II."


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_glossary(shipped_glossary_path()))


def names(matcher, source: str, translation: str) -> list[str]:
    return [name for name, _ in term_problems(matcher.find(source), translation, "en")]


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        (FIKTION, "You receive a provisional residence certificate (Fiktionsbescheinigung)."),
        (FIKTION, "You receive a Fiktionsbescheinigung."),
        (ALG2, "You receive citizen's benefit (Bürgergeld)."),
        (ALG2, "You receive Bürgergeld."),
    ],
)
def test_approved_renderings_get_no_problem(matcher, source, translation):
    assert names(matcher, source, translation) == []


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        # University of Kassel's rendering (benchmarks/terms/sources-en7.tsv)
        (FIKTION, "You may need a probationary certificate."),
        # the benefit's name until 2022, on Jobcenter pages that predate Bürgergeld
        (ALG2, "You receive Unemployment Benefit II."),
    ],
)
def test_the_wrong_or_outdated_rendering_is_reported(matcher, source, translation):
    assert names(matcher, source, translation)[0] == "glossary-deprecated"
