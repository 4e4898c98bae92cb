"""Benchmark: kisync's German term matcher vs exact lower-case whole-word matching.

Quality: recall and precision of both on the annotated corpus
``tests/data/matcher/corpus.txt`` (a match is correct when its span and German glossary
term are the annotated ones). The baseline is Weblate's glossary method: the text and all
glossary terms lower-cased, longest term first, a match must start and end at a non-word
character.

Speed: every msgid of the demo portal (``examples/heinsberg``, extracted with
``kisync pull`` into a work folder) matched against the shipped glossary; reported are
the time to build the matcher, a cold run (empty caches) and a warm run.

    python benchmarks/bench_glossary.py [--runs 5] [--show-errors]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work" / "glossary"
"""Holds examples/heinsberg and glossaries/ like the repository, so relative paths work."""
sys.path.insert(0, str(ROOT / "tests"))

from support import termcorpus  # noqa: E402

from kisync import Project  # noqa: E402
from kisync.catalog import pofile  # noqa: E402
from kisync.translate import load_glossary, shipped_glossary_path  # noqa: E402
from kisync.translate.glossary import Glossary  # noqa: E402
from kisync.translate.matcher import Matcher  # noqa: E402
from kisync.translate.notes import GlossaryNotes  # noqa: E402


def weblate_finder(glossary: Glossary):
    """Exact lower-case whole-word matching (Weblate's glossary highlighting)."""
    terms: dict[str, str] = {}
    for concept in glossary:
        for term in concept.terms_in(glossary.source_language):
            terms.setdefault(term.text.lower(), term.text)
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def find(text: str):
        for match in pattern.finditer(text.lower()):
            yield match.start(), match.end(), terms[match.group()]

    return find


def kisync_finder(matcher: Matcher):
    def find(text: str):
        for match in matcher.find(text):
            yield match.start, match.end, match.term.text

    return find


def quality(glossary: Glossary, show_errors: bool) -> list[str]:
    sentences = termcorpus.load()
    expected = sum(len(s.expected) for s in sentences)
    negatives = sum(1 for s in sentences if not s.expected)
    rows = [
        f"Corpus: {len(sentences)} sentences, {expected} annotated term occurrences, "
        f"{negatives} sentences without any term.",
        "",
        "| method | recall | precision | found | wrong | missed |",
        "|---|---|---|---|---|---|",
    ]
    methods = [
        ("exact lower-case whole words (Weblate)", weblate_finder(glossary)),
        ("kisync German-aware matcher", kisync_finder(Matcher(glossary))),
    ]
    for name, find in methods:
        score = termcorpus.score(sentences, find)
        rows.append(
            f"| {name} | {score.recall:.1%} | {score.precision:.1%} | "
            f"{score.true_positives} | {score.false_positives} | {score.false_negatives} |"
        )
        if show_errors:
            for text, (start, end, term) in score.misses:
                print(f"  {name}: missed {text[start:end]!r} ({term}) in: {text}")
            for text, (start, end, term) in score.wrong:
                print(f"  {name}: wrong {text[start:end]!r} ({term}) in: {text}")
    return rows


def demo_project() -> Project:
    """A pulled copy of the demo project (with the glossary beside it, as in the repository)."""
    if WORK.exists():
        shutil.rmtree(WORK)
    shutil.copytree(ROOT / "glossaries", WORK / "glossaries")
    project_dir = WORK / "examples" / "heinsberg"
    shutil.copytree(ROOT / "examples" / "heinsberg", project_dir, ignore=_ignore)
    project = Project.load(project_dir)
    project.pull()
    return project


def _ignore(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if name in ("po", "site", ".kisync")]


def speed(runs: int) -> list[str]:
    project = demo_project()
    keys = project.page_keys()
    texts = [e.msgid for key in keys for e in pofile.read(project.template_path(key))]
    catalogs = [
        (language, key, pofile.read(project.catalog_path(language.code, key)))
        for language in project.languages
        for key in keys
    ]
    characters = sum(len(text) for text in texts)
    builds, colds, warms, notes, found = [], [], [], [], 0
    for _ in range(runs):
        _clear_caches()
        start = time.perf_counter()
        glossary = load_glossary(shipped_glossary_path())
        matcher = Matcher(glossary)
        builds.append(time.perf_counter() - start)
        start = time.perf_counter()
        found = sum(len(matcher.find(text)) for text in texts)
        colds.append(time.perf_counter() - start)
        matcher._find.cache_clear()  # results per text: the next language's catalogs hit them
        start = time.perf_counter()
        sum(len(matcher.find(text)) for text in texts)
        warms.append(time.perf_counter() - start)
        _clear_caches()
        processor = GlossaryNotes(glossary)
        start = time.perf_counter()
        for language, key, catalog in catalogs:
            processor.process(catalog, language, key)
        notes.append(time.perf_counter() - start)
    median = lambda values: f"{statistics.median(values) * 1000:.0f} ms"  # noqa: E731
    return [
        f"Demo portal: {len(texts)} msgids ({characters:,} characters, all 14 pages and "
        f"_site), {found} term occurrences found; median of {runs} runs.",
        "",
        "| step | time |",
        "|---|---|",
        f"| load the glossary and build the matcher | {median(builds)} |",
        f"| match every msgid, cold caches | {median(colds)} |",
        f"| match every msgid again (words cached) | {median(warms)} |",
        f"| glossary notes for all {len(catalogs)} catalogs ({len(project.languages)} "
        f"languages), new matcher | {median(notes)} |",
    ]


def _clear_caches() -> None:
    from kisync.translate import matcher

    matcher._forms.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--show-errors", action="store_true")
    options = parser.parse_args()
    glossary = load_glossary(shipped_glossary_path())
    print("\n".join(quality(glossary, options.show_errors)))
    print()
    print("\n".join(speed(options.runs)))


if __name__ == "__main__":
    main()
