"""Benchmark: how precise and complete ``kisync harvest``'s alignment is.

The test set (``benchmarks/harvest/cases.json``) lists pairs of a German demo page and an
existing translation of it with drift (paragraphs added, dropped, merged, split, moved,
German text left in place, markup changed), each with the **correct pairs annotated by
hand**: every German string and the translated text that is its translation. Strings
whose translation is still German, identical to the German text, or merged with another
string's are not correct pairs (harvesting them would be wrong).

Besides the hand-made pages, each case is run again with **generated drift** (seeded,
reproducible): a translated block deleted, a block replaced by its German text, two
blocks of the same kind swapped, a block added on the German side. The annotation
follows each change.

A harvested pair is (German string, translated text) as ``align_page`` proposes it;
precision = correct harvested pairs / harvested pairs, recall = correct harvested
pairs / annotated pairs.

    python benchmarks/bench_harvest.py [--variants 20] [--seed 1] [--write]
    python benchmarks/bench_harvest.py --draft LANG GERMAN.html TRANSLATED.html

``--write`` replaces the harvest section of ``benchmarks/RESULTS.md``; ``--draft``
prints the pairs the aligner finds and the blocks it leaves over, as a start for
annotating a new case (check every line by hand).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kisync import Project  # noqa: E402
from kisync.config import HarvestConfig  # noqa: E402
from kisync.extract import extract_page  # noqa: E402
from kisync.harvest import align_page  # noqa: E402

CASES = ROOT / "benchmarks" / "harvest" / "cases.json"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
SECTION = "## Harvesting existing translations (`bench_harvest.py`)"
MIN_CONFIDENCE = HarvestConfig().min_confidence


@dataclass
class Score:
    harvested: int = 0
    correct: int = 0
    annotated: int = 0

    def add(self, other: Score) -> None:
        self.harvested += other.harvested
        self.correct += other.correct
        self.annotated += other.annotated

    @property
    def precision(self) -> float:
        return 100.0 * self.correct / self.harvested if self.harvested else 100.0

    @property
    def recall(self) -> float:
        return 100.0 * self.correct / self.annotated if self.annotated else 100.0


def project() -> Project:
    return Project.load(ROOT / "examples" / "heinsberg")


def run_case(
    proj: Project,
    language: str,
    german: str,
    translated: str,
    gold: set[tuple[str, str]],
    *,
    msgstr: bool = False,
) -> tuple[Score, list[tuple[str, str]], list[tuple[str, str]]]:
    """Harvested pairs against the annotated ones: (German string, translated text), or with
    ``msgstr`` (German string, translation with the German tag names)."""
    result = align_page(
        german,
        translated,
        language,
        proj.extract_rules,
        german_url="/page/",
        translated_url=f"/{language}/page/",
        prefixes=proj.config.languages,
        glossary=proj.glossary,
    )
    taken = result.proposals if result.confidence >= MIN_CONFIDENCE else []  # as kisync harvest
    found = {(item.msgid, item.msgstr if msgstr else item.translated) for item in taken}
    wrong = sorted(found - gold)
    missed = sorted(gold - found)
    return Score(len(found), len(found & gold), len(gold)), wrong, missed


# -- generated drift -------------------------------------------------------------------


def variant(
    proj: Project, german: str, translated: str, gold: set[tuple[str, str]], rng: random.Random
) -> tuple[str, str, set[tuple[str, str]], str]:
    """One random change to a case; the annotation follows it."""
    rules = proj.extract_rules
    page = extract_page(translated, rules)
    extracted = page.segments
    counts = Counter(s.text for s in (*page.segments, *page.site_segments))
    # segments whose text occurs once: deleting one changes exactly one annotated pair
    t_segments = [s for s in extracted if not s.attribute and counts[s.text] == 1]
    g_segments = [s for s in extract_page(german, rules).segments if not s.attribute]
    by_text = {text: msgid for msgid, text in gold}
    change = rng.choice(["delete", "german", "swap", "add-german"])
    if change == "delete" and t_segments:
        s = rng.choice(t_segments)
        translated = translated[: s.start] + translated[s.end :]
        gold = {pair for pair in gold if pair[1] != s.text}
    elif change == "german" and t_segments:
        s = rng.choice([s for s in t_segments if s.text in by_text] or t_segments)
        msgid = by_text.get(s.text)
        if msgid is not None and "<" not in msgid:
            translated = translated[: s.start] + _html(msgid) + translated[s.end :]
            gold = {pair for pair in gold if pair[1] != s.text}
    elif change == "swap":
        groups: dict[str, list] = {}
        for s in t_segments:
            if s.kind in ("p", "li", "td"):
                groups.setdefault(s.kind, []).append(s)
        candidates = [g for g in groups.values() if len(g) >= 2]
        if candidates:
            a, b = sorted(rng.sample(rng.choice(candidates), 2), key=lambda s: s.start)
            translated = (
                translated[: a.start]
                + translated[b.start : b.end]
                + translated[a.end : b.start]
                + translated[a.start : a.end]
                + translated[b.end :]
            )
    elif change == "add-german" and g_segments:
        s = rng.choice([s for s in g_segments if s.kind == "p"] or g_segments)
        addition = " Weitere Informationen erhalten Sie bei uns im Büro."
        german = german[: s.end] + addition + german[s.end :]
        gold = {pair for pair in gold if pair[0] != s.text}
    return german, translated, gold, change


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


# -- machine-made translations of every demo page ------------------------------------------

LATIN = "abcdefghijklmnopqrstuvwxyzäöü"
RUSSIAN = "абцдефгхийклмнопкрстуввкизаоу"
CYRILLIC = str.maketrans(LATIN + LATIN.upper() + "ß", RUSSIAN + RUSSIAN.upper() + "с")
_KEEP = re.compile(r"<[^>]+>|\S+@\S+\.\w+|https?://\S+|www\.\S+|\b[A-ZÄÖÜ]{2,}\b|\d")


def pseudo_russian(text: str, rng: random.Random) -> str:
    """A stand-in translation: letters in Cyrillic (names too), about as long as the German,
    with tags, numbers, e-mail and web addresses and abbreviations (BAMF) kept."""
    out, last = [], 0
    for match in _KEEP.finditer(text):
        out.append(_cyrillic(text[last : match.start()], rng))
        out.append(match.group())
        last = match.end()
    out.append(_cyrillic(text[last:], rng))
    return "".join(out)


def _cyrillic(text: str, rng: random.Random) -> str:
    words = text.translate(CYRILLIC).split(" ")
    return " ".join(w + ("а" if w[-1:].isalpha() and rng.random() < 0.2 else "") for w in words)


def demo_pages() -> list[Path]:
    portal = ROOT / "examples" / "heinsberg" / "portal"
    return sorted(
        path
        for path in portal.rglob("*.html")
        if path.relative_to(portal).parts[0] not in ("en", "ar", "wp-content")
    )


def pseudo_case(proj: Project, path: Path, rng: random.Random) -> tuple[str, str, set]:
    """A German demo page, its stand-in Russian translation and the true pairs."""
    from kisync.languages import get_language
    from kisync.publish.render import SourcePage, render

    german = path.read_text(encoding="utf-8")
    page = SourcePage(german, proj.extract_rules)
    everything = (*page.text.segments, *page.text.site_segments)
    translations = {(s.context, s.text): pseudo_russian(s.text, rng) for s in everything}
    translated = render(page, get_language("ru"), translations, translations).html
    gold = {(s.text, translations[(s.context, s.text)]) for s in everything}
    return german, translated, {(msgid, msgstr) for msgid, msgstr in gold if msgid != msgstr}


# -- running -----------------------------------------------------------------------------


def load_cases() -> list[dict]:
    return json.loads(CASES.read_text(encoding="utf-8"))["cases"]


def read(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", type=int, default=20, help="generated variants per case")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    parser.add_argument("--show", action="store_true", help="print every wrong pair")
    parser.add_argument("--draft", nargs=3, metavar=("LANG", "GERMAN", "TRANSLATED"))
    args = parser.parse_args()
    proj = project()
    if args.draft:
        draft(proj, *args.draft)
        return
    rng = random.Random(args.seed)
    rows = []
    hand, generated = Score(), Score()
    start = time.perf_counter()
    pages = 0
    for case in load_cases():
        german, translated = read(case["german"]), read(case["translated"])
        gold = {tuple(pair) for pair in case["pairs"]}
        score, wrong, missed = run_case(proj, case["language"], german, translated, gold)
        pages += 1
        hand.add(score)
        rows.append((case, score))
        if args.show:
            for msgid, text in wrong:
                print(f"WRONG {case['language']} {case['translated']}: {msgid!r} -> {text!r}")
            for msgid, text in missed:
                print(f"MISSED {case['language']} {case['translated']}: {msgid!r} -> {text!r}")
        for _ in range(args.variants):
            g, t, v_gold, change = variant(proj, german, translated, gold, rng)
            v_score, v_wrong, _ = run_case(proj, case["language"], g, t, v_gold)
            pages += 1
            generated.add(v_score)
            if args.show:
                for msgid, text in v_wrong:
                    print(f"WRONG ({change}) {case['translated']}: {msgid!r} -> {text!r}")
    pseudo, pseudo_variants = Score(), Score()
    for path in demo_pages():
        german, translated, gold = pseudo_case(proj, path, rng)
        score, wrong, _ = run_case(proj, "ru", german, translated, gold, msgstr=True)
        pages += 1
        pseudo.add(score)
        if args.show:
            for msgid, text in wrong:
                print(f"WRONG (pseudo) {path.name}: {msgid!r} -> {text!r}")
        for _ in range(args.variants // 4):
            g, t, v_gold, change = variant(proj, german, translated, gold, rng)
            v_score, v_wrong, _ = run_case(proj, "ru", g, t, v_gold)
            pages += 1
            pseudo_variants.add(v_score)
            if args.show:
                for msgid, text in v_wrong:
                    print(f"WRONG (pseudo, {change}) {path.name}: {msgid!r} -> {text!r}")
    wrong_pages = Score()
    translations = {path: pseudo_case(proj, path, rng)[1] for path in demo_pages()}
    for german_path in demo_pages():
        for other, translated in translations.items():
            if other != german_path:
                score, _, _ = run_case(proj, "ru", german_path.read_text(), translated, set())
                pages += 1
                wrong_pages.add(score)
    elapsed = time.perf_counter() - start
    extra = (len(demo_pages()), args.variants // 4, pseudo, pseudo_variants, wrong_pages)
    text = report(rows, hand, generated, args.variants, args.seed, pages, elapsed, extra)
    text += long_pages(proj, rng)
    print(text)
    if args.write:
        write_section(text)


def report(
    rows, hand: Score, generated: Score, variants: int, seed: int, pages: int, elapsed, extra
):
    total = Score()
    total.add(hand)
    total.add(generated)
    count, pseudo_variants, pseudo, pseudo_drift, wrong_pages = extra
    lines = [
        SECTION,
        "",
        f"`python benchmarks/bench_harvest.py --variants {variants} --seed {seed}`: "
        f"{len(rows)} hand-made page pairs (`benchmarks/harvest/cases.json`), each also with "
        f"{variants} generated variants; {pages} alignments in {elapsed:.1f} s "
        f"({1000 * elapsed / pages:.0f} ms per page pair, content and menu/footer).",
        "",
        "| language | translated page | drift | annotated | harvested | correct | precision | recall |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for case, score in rows:
        lines.append(
            f"| {case['language']} | `{case['translated'].split('portal/')[-1]}` | {case['drift']} "
            f"| {score.annotated} | {score.harvested} | {score.correct} "
            f"| {score.precision:.1f}% | {score.recall:.1f}% |"
        )
    for name, score in (
        ("hand-made pairs", hand),
        ("generated variants", generated),
        ("**hand-made pairs and their variants**", total),
        (f"machine-made Russian of all {count} demo pages (tags checked too)", pseudo),
        (f"… each with {pseudo_variants} generated variants", pseudo_drift),
        (f"the translation of another page ({count} × {count - 1} pairs)", wrong_pages),
    ):
        lines.append(
            f"| | {name} | | {score.annotated} | {score.harvested} | {score.correct} "
            f"| {score.precision:.1f}% | {score.recall:.1f}% |"
        )
    lines += [
        "",
        f"**Precision {hand.precision:.1f} %, recall {hand.recall:.1f} %** on the hand-annotated "
        f"pairs (target: ≥ 97 %, ≥ 90 %); with their generated variants {total.precision:.1f} % "
        f"and {total.recall:.1f} %.",
        "",
    ]
    return "\n".join(lines)


def long_pages(proj: Project, rng: random.Random) -> str:
    """Time for one long page: the content of the first 3, 7 and 14 demo pages in one."""
    articles = []
    for path in demo_pages():
        german, translated, _ = pseudo_case(proj, path, rng)
        articles.append([_article(german), _article(translated)])
    lines = ["", "| blocks (German) | time for one page pair |", "|---|---|"]
    for count in (3, 7, 14):
        german, translated = (
            "<html><body><main>"
            + "".join(pair[side] for pair in articles[:count])
            + "</main></body></html>"
            for side in (0, 1)
        )
        start = time.perf_counter()
        result = align_page(german, translated, "ru", proj.extract_rules, glossary=proj.glossary)
        lines.append(f"| {result.german_blocks} | {time.perf_counter() - start:.2f} s |")
    return "\n".join(lines) + "\n"


def _article(page: str) -> str:
    main = re.search(r"<main.*?</main>", page, re.S).group()
    return "<div" + main[len("<main") : -len("</main>")] + "</div>"


def write_section(text: str) -> None:
    current = RESULTS.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(SECTION) + r".*?(?=\n## |\Z)", re.S)
    marker = "<!-- notes -->"
    if pattern.search(current):
        old = pattern.search(current).group()
        notes = old[old.index(marker) :] if marker in old else ""
        updated = pattern.sub(lambda _: text + ("\n" + notes if notes else ""), current)
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    RESULTS.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")


def draft(proj: Project, language: str, german_path: str, translated_path: str) -> None:
    german, translated = read(german_path), read(translated_path)
    result = align_page(
        german,
        translated,
        language,
        proj.extract_rules,
        german_url="/page/",
        translated_url=f"/{language}/page/",
        prefixes=proj.config.languages,
        glossary=proj.glossary,
    )
    pairs = sorted({(item.msgid, item.translated) for item in result.proposals})
    print(json.dumps(pairs, ensure_ascii=False, indent=1))
    used_g = {item.msgid for item in result.harvested}
    used_t = {item.translated for item in result.harvested}
    rules = proj.extract_rules
    for s in (*extract_page(german, rules).segments, *extract_page(german, rules).site_segments):
        if s.text not in used_g:
            print("UNPAIRED GERMAN", s.kind, repr(s.text))
    for s in (
        *extract_page(translated, rules).segments,
        *extract_page(translated, rules).site_segments,
    ):
        if s.text not in used_t:
            print("UNPAIRED TRANSLATED", s.kind, repr(s.text))
    for item in result.harvested:
        if not item.msgstr:
            print("NOT USED", item.reason, repr(item.msgid), "->", repr(item.translated))


if __name__ == "__main__":
    main()
