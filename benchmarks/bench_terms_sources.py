"""Benchmark: do published translations use the glossary's terms? (issue 17, sources)

For each claim in a sources worklog (``benchmarks/terms/sources-*.tsv``: concept, language,
term, URL, quote …; the English worklogs have no language column; in the Arabic/Persian
worklogs the column is ``snippet``, without the evaluator's English remarks), does the
quote — the page's own words — contain one of the glossary's preferred or admitted terms
of that concept and language, by the test ``kisync lint`` uses (``contains_term``)? This is the agreement of the glossary with published Turkish,
Ukrainian, Russian … pages, as ``bench_terms.py`` measures it for English.

    python benchmarks/bench_terms_sources.py benchmarks/terms/sources-trukru3.tsv [--show-misses]
    python benchmarks/bench_terms_sources.py benchmarks/terms/sources-arfa3.tsv
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from bench_terms_arfa import quote as snippet

from kisync.translate import load_glossary, shipped_glossary_path
from kisync.translate.glossary_checks import contains_term


def _language(row: dict[str, str]) -> str:
    """The claim's language: column ``lang`` or ``language``; the English worklogs have none."""
    return row.get("lang") or row.get("language") or "en"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("worklog", type=Path, nargs="+", help="sources-*.tsv files")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    glossary = load_glossary(shipped_glossary_path())
    ids = {concept.id for concept in glossary}
    agree, total, misses = Counter(), Counter(), []
    for path in args.worklog:
        with path.open(encoding="utf-8", newline="") as handle:
            lines = (line for line in handle if not line.startswith("#"))
            for row in csv.DictReader(lines, delimiter="\t"):
                concept, language = row["concept"], _language(row)
                quote = row["quote"] if "quote" in row else snippet(row)
                if concept not in ids:
                    misses.append(f"{concept} ({language}): not in the glossary")
                    total[language] += 1
                    continue
                approved = [term.text for term in glossary.concept(concept).approved(language)]
                total[language] += 1
                if any(contains_term(quote, term, language) for term in approved):
                    agree[language] += 1
                else:
                    misses.append(f"{concept} ({language}): {quote!r}, glossary {approved}")
    for language in sorted(total):
        share = agree[language] / total[language]
        print(f"{language}: {share:6.1%} ({agree[language]} of {total[language]} quotes)")
    print(f"all: {agree.total()} of {total.total()} quotes use a preferred or admitted term")
    if args.show_misses:
        for line in misses:
            print(f"miss: {line}")


if __name__ == "__main__":
    main()
