"""Benchmark: ``kisync stats`` cold and warm next to ``pocount`` and ``msgfmt --statistics``.

On the synthetic portal (``synthetic_portal.py``, default 5,000 pages × 6 languages,
pulled with ``kisync pull``) whose catalogs are then partly translated, each language
to another degree, with fuzzy and obsolete entries. All three tools count the same
30,006 catalogs (5,000 pages and ``_site`` in 6 languages):

- ``msgfmt --statistics`` (GNU gettext), once per catalog, as a shell loop would run it;
- ``pocount --csv`` (Translate Toolkit, in the benchmark's own virtualenv) on the six
  language folders;
- ``kisync stats``: cold (no ``.kisync/stats-cache.json``) and warm (cache present,
  nothing changed), as a table and as JSON.

The operating system's file cache is warmed first, so every tool reads from memory.
Afterwards the counts are checked: kisync's string counts against msgfmt's for every
catalog, and pocount's for comparison. Prints Markdown for ``benchmarks/RESULTS.md``.

    python benchmarks/bench_stats.py [--pages 5000] [--runs 3]

Work files go to ``benchmarks/work/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
sys.path.insert(0, str(HERE))

from bench_pull import TT_VERSION, kisync, translate_toolkit  # noqa: E402
from synthetic_portal import generate  # noqa: E402

LANGUAGES = {"en": 0.95, "uk": 0.8, "ar": 0.6, "fa": 0.4, "tr": 0.25, "ru": 0.1}
"""Target languages and the share of strings translated in each."""
FUZZY = 0.08
"""Share of the translated strings marked fuzzy instead."""
OBSOLETE = 0.2
"""Share of catalogs that get two obsolete (#~) entries."""


def run(command: list[str], output: Path | None = None, cwd: Path | None = None):
    """Run a command; return (wall seconds, user+system CPU seconds)."""
    start = time.perf_counter()
    with (
        open(output or os.devnull, "wb") as out,
        tempfile.TemporaryFile() as errors,
    ):
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read().decode()[-3000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime


# -- the project -------------------------------------------------------------------------------

_BLOCK_MSGID = re.compile(r"^msgid .*?(?=^msgstr )", re.MULTILINE | re.DOTALL)


def translate_catalog(path: Path, share: float, rng: random.Random) -> None:
    """Fill about ``share`` of the entries (a copy of the German text), some fuzzy."""
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    out = [blocks[0]]
    for block in blocks[1:]:
        match = _BLOCK_MSGID.search(block)
        if match and block.rstrip().endswith('msgstr ""') and rng.random() < share:
            translation = "msgstr" + match.group()[len("msgid") :].rstrip("\n")
            block = block.rstrip()[: -len('msgstr ""')] + translation
            if rng.random() < FUZZY:
                block = block[: match.start()] + "#, fuzzy\n" + block[match.start() :]
        out.append(block)
    text = "\n\n".join(out)
    if rng.random() < OBSOLETE:
        text = text.rstrip("\n") + '\n\n#~ msgid "Alter Text"\n#~ msgstr "Old text"\n\n'
        text += '#, fuzzy\n#~ msgid "Noch älter"\n#~ msgstr "Even older"\n'
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def prepare(pages: int) -> Path:
    project = WORK / f"stats-{pages}"
    done = project / ".translated"
    if done.exists():
        return project
    shutil.rmtree(project, ignore_errors=True)
    print(f"generating and pulling {pages} pages × {len(LANGUAGES)} languages …", file=sys.stderr)
    generate(project, pages, languages=",".join(LANGUAGES))
    subprocess.run(
        [kisync(), "--project", str(project), "pull"], check=True, stdout=subprocess.DEVNULL
    )
    rng = random.Random(4)
    for language, share in LANGUAGES.items():
        for path in sorted((project / "po" / language).rglob("*.po")):
            translate_catalog(path, share * rng.uniform(0.5, 1.5), rng)
    done.write_text("")
    time.sleep(2.5)  # older than the statistics cache's two-second safety window
    return project


def catalogs(project: Path) -> list[Path]:
    return sorted(path for lang in LANGUAGES for path in (project / "po" / lang).rglob("*.po"))


def warm_file_cache(files: list[Path]) -> None:
    for path in files:
        path.read_bytes()


# -- the tools -----------------------------------------------------------------------------------


def msgfmt_all(files: list[Path], output: Path) -> tuple[float, float]:
    listing = WORK / "stats-files.txt"
    listing.write_bytes(b"\0".join(str(path).encode() for path in files))
    script = f"xargs -0 -n 1 msgfmt --statistics -o /dev/null < {listing} 2>&1"
    return run(["bash", "-c", script], output)


def parse_msgfmt(output: Path, files: list[Path]) -> dict[Path, tuple[int, int, int]]:
    lines = [line for line in output.read_text().splitlines() if "translated message" in line]
    assert len(lines) == len(files), (len(lines), len(files))
    result = {}
    for path, line in zip(files, lines, strict=True):
        numbers = {"translated": 0, "fuzzy": 0, "untranslated": 0}
        for count, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", line):
            numbers[kind] = int(count)
        result[path] = (numbers["translated"], numbers["fuzzy"], numbers["untranslated"])
    return result


def parse_pocount(output: Path) -> dict[Path, tuple[int, int, int]]:
    result = {}
    with open(output, newline="", encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            result[Path(row["Filename"]).resolve()] = (
                int(row["Translated Messages"]),
                int(row["Fuzzy Messages"]),
                int(row["Untranslated Messages"]),
            )
    return result


def parse_kisync(output: Path, project: Path) -> dict[Path, tuple[int, int, int]]:
    data = json.loads(output.read_text(encoding="utf-8"))
    result = {}
    for language in data["languages"]:
        for page in language["pages"]:
            path = (project / "po" / language["language"] / f"{page['page']}.po").resolve()
            result[path] = (page["translated"], page["fuzzy"], page["untranslated"])
    return result


def median_of(runs: int, measure) -> tuple[float, float]:
    results = [measure() for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    pocount = translate_toolkit().parent / "pocount"
    project = prepare(args.pages)
    files = catalogs(project)
    size = sum(path.stat().st_size for path in files) / 1e6
    cache = project / ".kisync" / "stats-cache.json"
    stats = [kisync(), "--project", str(project), "stats"]
    warm_file_cache(files)

    def cold(*extra: str, output: Path | None = None):
        def measure():
            cache.unlink(missing_ok=True)
            return run([*stats, *extra], output)

        return measure

    rows = []
    msgfmt_out, pocount_out = WORK / "stats-msgfmt.txt", WORK / "stats-pocount.csv"
    kisync_out = WORK / "stats-kisync.json"
    rows.append(
        (
            "msgfmt --statistics, once per catalog",
            *median_of(args.runs, lambda: msgfmt_all(files, msgfmt_out)),
        )
    )
    languages = [str(project / "po" / lang) for lang in LANGUAGES]
    rows.append(
        (
            f"pocount --csv (Translate Toolkit {TT_VERSION})",
            *median_of(args.runs, lambda: run([str(pocount), "--csv", *languages], pocount_out)),
        )
    )
    rows.append(("kisync stats, cold (table)", *median_of(args.runs, cold())))
    rows.append(
        (
            "kisync stats, cold (--format json --by page)",
            *median_of(args.runs, cold("--format", "json", output=kisync_out)),
        )
    )
    rows.append(("kisync stats, warm (table)", *median_of(args.runs, lambda: run(stats))))
    rows.append(
        (
            "kisync stats, warm (--format json)",
            *median_of(args.runs, lambda: run([*stats, "--format", "json"])),
        )
    )

    truth = parse_msgfmt(msgfmt_out, files)
    ours = parse_kisync(kisync_out, project)
    theirs = parse_pocount(pocount_out)
    agree = sum(ours.get(path.resolve()) == counts for path, counts in truth.items())
    pocount_agree = sum(theirs.get(path.resolve()) == counts for path, counts in truth.items())

    load = os.getloadavg()[0]
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load:.1f}; "
        f"{len(files):,} catalogs, {size:.0f} MB; median of {args.runs} runs\n"
    )
    print("| command | wall | CPU (user+sys) | catalogs/s | vs pocount (wall) |")
    print("|---|---:|---:|---:|---:|")
    pocount_wall = rows[1][1]
    for name, wall, cpu in rows:
        print(
            f"| {name} | {wall:.2f} s | {cpu:.2f} s | {len(files) / wall:,.0f} | "
            f"{pocount_wall / wall:.1f}× |"
        )
    print(
        f"\nString counts equal to msgfmt's: kisync {agree:,} of {len(truth):,} catalogs, "
        f"pocount {pocount_agree:,} of {len(truth):,}."
    )


if __name__ == "__main__":
    main()
