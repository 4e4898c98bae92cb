"""Benchmark: does ``kisync lint`` find Arabic and Persian terms in published text? (issue 17)

Each row of ``benchmarks/terms/sources-ar-fa.tsv`` (concept, lang, term, status, source,
URL, quote) is a glossary term and a quote from a published page that uses it. The
glossary check counts a translation as using a term when
:func:`~kisync.translate.glossary_checks.contains_term` says so; a quote where it does
not is a false "the translation uses none" warning on a correct translation.

Remarks the evaluator wrote into the quote column (English in parentheses, such as
"(plural of the preferred term)") are left out. Besides the quotes as published, each
quote is also checked respelled the ways these languages are commonly typed (half-space
as a space or left out, Arabic or Persian code points for yeh and kaf …).

``--sources`` reads another worklog of the same columns (``sources-arfa3.tsv``, which also
holds Dari ``fa_AF`` and Pashto rows). Whether the quotes use the glossary's own terms is
``bench_terms_sources.py``'s question.

    python benchmarks/bench_terms_arfa.py [--sources FILE] [--show-misses]
"""

from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Callable
from pathlib import Path

from kisync.translate.glossary_checks import contains_term

SOURCES = Path(__file__).resolve().parent / "terms" / "sources-ar-fa.tsv"
_REMARK = re.compile(r"\s*\([^()]*[A-Za-z][^()]*\)")

RESPELLINGS: dict[str, dict[str, Callable[[str], str]]] = {
    "fa": {
        "half-space typed as a space": lambda text: text.replace("\u200c", " "),
        "half-space left out": lambda text: text.replace("\u200c", ""),
        "Arabic yeh and kaf (ي ك)": lambda text: text.replace("ی", "ي").replace("ک", "ك"),
        "yeh for hamza on yeh (دایم for دائم)": lambda text: text.replace("ئ", "ی"),
    },
    "ar": {
        "Persian yeh and kaf (ی ک)": lambda text: text.replace("ي", "ی").replace("ك", "ک"),
        "hamza on alef left out (ا for أ إ آ)": lambda text: re.sub("[أإآ]", "ا", text),
        "final yeh as alef maqsura (ى)": lambda text: re.sub(r"ي\b", "ى", text),
        "teh marbuta as heh (ه for ة)": lambda text: text.replace("ة", "ه"),
        "hamza seat left out (ي for ئ, و for ؤ)": lambda text: text.replace("ئ", "ي").replace(
            "ؤ", "و"
        ),
        "with tatweel (ـ) after every lam": lambda text: text.replace("ل", "لـ"),
    },
}


def rows(sources: Path = SOURCES) -> list[dict[str, str]]:
    with sources.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter="\t"))


def quote(row: dict[str, str]) -> str:
    """The quote without the evaluator's English remarks in parentheses."""
    return _REMARK.sub("", row["snippet"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=Path, default=SOURCES)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    table = rows(args.sources)
    found = [row for row in table if contains_term(quote(row), row["term"], row["lang"])]
    print(f"as published: {len(found)} of {len(table)} quotes contain their term")
    if args.show_misses:
        for row in table:
            if row not in found:
                print(f"  missed: {row['lang']} {row['term']!r} in {quote(row)!r}")
    for language, respellings in RESPELLINGS.items():
        same = [(quote(row), row["term"]) for row in table if row["lang"] == language]
        for name, respell in respellings.items():
            in_quote = _count(language, [(respell(text), term) for text, term in same], same)
            in_term = _count(language, [(text, respell(term)) for text, term in same], same)
            print(f"{language}, {name}: in the quote {in_quote}; in the glossary term {in_term}")


def _count(language: str, respelled: list[tuple[str, str]], original: list[tuple[str, str]]) -> str:
    """'found of all (changed respelled)' for (quote, term) pairs."""
    found = sum(contains_term(text, term, language) for text, term in respelled)
    changed = sum(pair != before for pair, before in zip(respelled, original, strict=True))
    return f"{found} of {len(respelled)} ({changed} respelled)"


if __name__ == "__main__":
    main()
