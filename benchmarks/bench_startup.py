"""Benchmark: ``kisync pull`` with nothing changed, which is mostly start-up.

For each size (default 500 and 5,000 pages of the synthetic portal, one language) and
for 500 pages with the shipped glossary configured (three languages), the project is
pulled once, then ``kisync pull`` runs ``--runs`` times with nothing changed. Reports
the median wall and CPU time next to the interpreter's own start (``python -c pass``)
and the time ``python -X importtime`` counts for the imports of such a pull.

    python benchmarks/bench_startup.py [--sizes 500,5000] [--runs 20]

Rounds interleave the projects, so a drift in the machine's speed hits all alike.
Work files go to ``benchmarks/work/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_pull import WORK, Run, kisync, measure  # noqa: E402
from synthetic_portal import generate  # noqa: E402

GLOSSARY = HERE.parent / "glossaries" / "integration.tbx"
IMPORT_RUNS = 5


def project(pages: int, glossary: bool = False) -> Path:
    """A pulled copy of the synthetic portal (made on first use)."""
    folder = WORK / (f"portal-{pages}-glossary" if glossary else f"portal-{pages}")
    if not (folder / "kisync.toml").exists():
        generate(folder, pages, languages="en,ar,tr" if glossary else "en")
        if glossary:
            with (folder / "kisync.toml").open("a", encoding="utf-8") as config:
                config.write(f'\n[glossary]\nfiles = ["{GLOSSARY.as_posix()}"]\n')
    measure([python(), *pull(folder)])
    return folder


def python() -> str:
    """The interpreter of the benchmark's kisync install (see ``bench_pull.kisync``)."""
    return str(Path(kisync()).with_name("python"))


def pull(folder: Path) -> list[str]:
    """Arguments of the Python interpreter for a pull: the ``kisync`` script and its own."""
    return [kisync(), "--project", str(folder), "pull"]


def import_ms(arguments: list[str]) -> float:
    """Milliseconds ``-X importtime`` counts for the imports of one run (median)."""
    totals = []
    for _ in range(IMPORT_RUNS):
        errors = subprocess.run(
            [python(), "-X", "importtime", *arguments], capture_output=True, text=True
        ).stderr
        lines = [line for line in errors.splitlines() if line.startswith("import time:")]
        totals.append(sum(int(line.split("|")[0].split(":")[1]) for line in lines[1:]) / 1000)
    return statistics.median(totals)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,5000")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    projects = {f"{size} pages": project(int(size)) for size in args.sizes.split(",")}
    projects["500 pages, glossary, 3 languages"] = project(500, glossary=True)
    commands = {"python -c pass": ["-c", "pass"]}
    commands.update({name: pull(folder) for name, folder in projects.items()})
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, arguments in commands.items():
            runs[name].append(measure([python(), *arguments]))
    print(f"Python {sys.version.split()[0]}, median of {args.runs} runs")
    print("| no-change pull of | wall (median) | CPU (median) | imports |")
    print("|---|---:|---:|---:|")
    for name, measured in runs.items():
        wall = statistics.median(run.wall for run in measured) * 1000
        cpu = statistics.median(run.cpu for run in measured) * 1000
        imports = import_ms(commands[name])
        print(f"| {name} | {wall:.0f} ms | {cpu:.0f} ms | {imports:.0f} ms |")


if __name__ == "__main__":
    main()
