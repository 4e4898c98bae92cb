"""Benchmark: rendering translated pages, ``kisync push`` vs Translate Toolkit's ``po2html``.

For each size (default 5,000 pages, ~40 segments each, one target language): generate
the synthetic portal (``synthetic_portal.py``), ``kisync pull`` it, and pseudo-translate
every string (``xxx…xxx`` around the German text, pseudo-tags kept). Translate Toolkit
gets the same pages the same way: ``html2po -P`` then ``podebug --rewrite=xxx``. Timed:

- ``po2html -t portal -i po -o html`` (Translate Toolkit, in the benchmark's own venv);
- a cold ``kisync push`` to the files target: no publish state, no output folder — every
  page is read, checked, rendered (links, hreflang alternates, language switcher) and
  written atomically to ``site/en/…``;
- a second ``kisync push`` with nothing changed.

Both sides write one translated HTML file per page. Prints a Markdown table for
``benchmarks/RESULTS.md``.

    python benchmarks/bench_publish.py [--sizes 5000] [--runs 3]

Work files go to ``benchmarks/work/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_pull import TT_VERSION, WORK, kisync, measure, translate_toolkit  # noqa: E402
from synthetic_portal import generate  # noqa: E402

from kisync.catalog import pofile  # noqa: E402
from kisync.model import PLACEHOLDER  # noqa: E402


def pseudo(text: str) -> str:
    """What ``podebug --rewrite=xxx`` does to a unit: ``xxx`` around it."""
    return f"xxx{text}xxx" if text else text


def prepare(pages: int, html2po: Path) -> tuple[Path, Path]:
    """The kisync project (pulled, translated) and Translate Toolkit's translated POs."""
    project = WORK / f"publish-{pages}"
    if not (project / "kisync.toml").exists():
        generate(project, pages)
    tt_po = WORK / f"publish-{pages}-tt-po"
    if not tt_po.exists():
        tt_pot = WORK / f"publish-{pages}-tt-pot"
        shutil.rmtree(tt_pot, ignore_errors=True)
        measure([str(html2po), "--progress=none", "-P", str(project / "portal"), str(tt_pot)])
        podebug = html2po.parent / "podebug"
        measure([str(podebug), "--progress=none", "--rewrite=xxx", str(tt_pot), str(tt_po)])
    if not (project / "po" / "en").exists():
        measure([kisync(), "--project", str(project), "pull"])
        for path in (project / "po" / "en").rglob("*.po"):
            catalog = pofile.read(path)
            for entry in catalog:
                entry.msgstr = pseudo(entry.msgid)
                assert PLACEHOLDER.findall(entry.msgstr) == PLACEHOLDER.findall(entry.msgid)
            path.write_text(pofile.dumps(catalog), encoding="utf-8")
    return project, tt_po


def run_size(pages: int, runs: int, html2po: Path) -> list[tuple[str, float, float, float]]:
    """(name, median wall, median CPU, peak RSS) of each timed command."""
    project, tt_po = prepare(pages, html2po)
    po2html = html2po.parent / "po2html"
    tt_out = WORK / f"publish-{pages}-tt-html"
    portal = str(project / "portal")
    push = [kisync(), "--project", str(project), "push"]
    results: dict[str, list[tuple[float, float, float]]] = {}
    for _ in range(runs):
        shutil.rmtree(tt_out, ignore_errors=True)
        command = [
            str(po2html),
            "--progress=none",
            "-t",
            portal,
            "-i",
            str(tt_po),
            "-o",
            str(tt_out),
        ]
        results.setdefault(TT, []).append(measure(command))
        check(tt_out, pages)
        shutil.rmtree(project / "site", ignore_errors=True)
        (project / ".kisync" / "publish-state.json").unlink(missing_ok=True)
        results.setdefault(COLD, []).append(measure(push))
        check(project / "site" / "en", pages)
        results.setdefault(WARM, []).append(measure(push))
    return [
        (
            name,
            statistics.median(r[0] for r in runs_),
            statistics.median(r[1] for r in runs_),
            max(r[2] for r in runs_),
        )
        for name, runs_ in results.items()
    ]


TT = "po2html (Translate Toolkit)"
COLD = "kisync push, cold (render + write)"
WARM = "kisync push, nothing changed"


def check(folder: Path, pages: int) -> None:
    """Every page was written and carries the pseudo-translation."""
    written = list(folder.rglob("*.html"))
    if len(written) != pages or "xxx" not in written[0].read_text(encoding="utf-8"):
        raise SystemExit(f"{folder}: expected {pages} translated pages, found {len(written)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    html2po = translate_toolkit()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, translate-toolkit {TT_VERSION}")
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    print("| pages | command | wall (median) | pages/s | CPU (median) | peak RSS |")
    print("|---:|---|---:|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        rows = run_size(size, args.runs, html2po)
        for name, seconds, cpu, rss in rows:
            print(
                f"| {size} | {name} | {seconds:.2f} s | {size / seconds:,.0f} | {cpu:.2f} s "
                f"| {rss:.0f} MB |"
            )
        (tt, tt_cpu), (cold, cold_cpu), (warm, _) = ((row[1], row[2]) for row in rows)
        print(
            f"| {size} | → cold push vs po2html | | **{tt / cold:.1f}×** | "
            f"{tt_cpu / cold_cpu:.1f}× less | |"
        )
        print(f"| {size} | → no-change push vs cold push | | **{cold / warm:.1f}×** | | |")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
