"""Benchmark: cold ``kisync pull`` vs Translate Toolkit's ``html2po``, and a no-change re-run.

For each size (default 500 and 5,000 pages, ~40 segments each, one target language):
generate the synthetic portal, run ``html2po -P`` (one POT per page, its fastest mode)
from Translate Toolkit installed in the benchmark's own virtualenv, run a cold
``kisync pull`` (no catalogs, no state), then a second ``kisync pull`` with nothing
changed. Reports wall time, pages/s and peak memory (max RSS of the process) as a
Markdown table for ``benchmarks/RESULTS.md``.

    python benchmarks/bench_pull.py [--sizes 500,5000] [--runs 3]

Work files go to ``benchmarks/work/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
TT_VERSION = "3.20.4"
sys.path.insert(0, str(HERE))

from synthetic_portal import generate  # noqa: E402


class Run(NamedTuple):
    wall: float
    """Seconds."""
    cpu: float
    """User + system seconds of the command and the worker processes it waited for."""
    rss: float
    """Peak resident memory in MB."""


def measure(command: list[str], cwd: Path | None = None) -> Run:
    """Run a command; fail with its error output if it fails."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:  # a pipe would fill up and block the command
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read().decode()}")
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def translate_toolkit() -> Path:
    venv = WORK / "tt-venv"
    html2po = venv / "bin" / "html2po"
    if not html2po.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", f"translate-toolkit=={TT_VERSION}"],
            check=True,
        )
    return html2po


@functools.cache
def kisync() -> str:
    """The ``kisync`` script of this checkout, installed the way users install it.

    A regular (not editable) install in the benchmark's own virtualenv, made once per
    benchmark run: its modules are byte-compiled at install time, as Translate Toolkit's
    are. The development install would be measured with the editable-install hook that
    runs at every start, and, where ``PYTHONDONTWRITEBYTECODE`` is set, with every
    kisync module compiled from source at every start.
    """
    venv = WORK / "kisync-venv"
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([*pip, str(HERE.parent)], check=True)  # with its dependencies
    else:
        subprocess.run([*pip, "--force-reinstall", "--no-deps", str(HERE.parent)], check=True)
    return str(venv / "bin" / "kisync")


def run_size(pages: int, runs: int, html2po: Path) -> list[tuple[str, float, float]]:
    """Time html2po, a cold pull and a no-change pull, one of each per round.

    Rounds interleave the tools so that a drift in the machine's speed hits all three
    alike; the previous round's output is deleted and flushed to disk (``sync``) before
    the clock starts, so its write-back is not billed to the next command.
    """
    project = WORK / f"portal-{pages}"
    if not (project / "kisync.toml").exists():
        generate(project, pages)
    out = WORK / f"tt-out-{pages}"
    commands = {
        "html2po -P (Translate Toolkit)": [str(html2po), "-P", str(project / "portal"), str(out)],
        "kisync pull, cold": [kisync(), "--project", str(project), "pull"],
        "kisync pull, nothing changed": [kisync(), "--project", str(project), "pull"],
    }
    measured: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            if name != "kisync pull, nothing changed":
                for folder in (out, project / "po", project / ".kisync"):
                    shutil.rmtree(folder, ignore_errors=True)
                os.sync()
            measured[name].append(measure(command))
    return [
        (name, statistics.median(run.wall for run in runs_), max(run.rss for run in runs_))
        for name, runs_ in measured.items()
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,5000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    html2po = translate_toolkit()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, translate-toolkit {TT_VERSION}")
    print("| pages | command | wall (median) | pages/s | peak RSS |")
    print("|---:|---|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        rows = run_size(size, args.runs, html2po)
        for name, seconds, rss in rows:
            print(f"| {size} | {name} | {seconds:.2f} s | {size / seconds:,.0f} | {rss:.0f} MB |")
        tt, cold, warm = (row[1] for row in rows)
        print(f"| {size} | → cold vs html2po | | **{tt / cold:.1f}×** | |")
        print(f"| {size} | → re-run vs cold | | **{cold / warm:.1f}×** faster | |")


if __name__ == "__main__":
    main()
