"""Benchmark and check PO writing (``kisync.catalog.pofile.dumps``) on a pulled portal's catalogs.

Reads the template and one language's catalog of the first ``--pages`` pages of a pulled
project (e.g. ``benchmarks/work/portal-5000``, made by ``bench_pull.py``) and renders them
``--runs`` times, as a cold ``pull`` does: template first, then the catalog, so that the
entries they share come from the entry cache. The caches are emptied before each run.
Prints the median CPU time (``time.process_time``) of a run.

Under callgrind, the instructions of one run are half the difference between the counts
with ``--runs 3`` and ``--runs 1`` (which leaves out reading, start-up and the first
run, where the character tables and regular expressions are built)::

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python benchmarks/bench_render.py PROJECT --pages 200 --runs 3

``--compare OLD.py`` renders every catalog read (use ``--pages 0`` for all of them) with
the ``pofile`` module in OLD.py too (e.g. ``git show main:kisync/pofile.py > old.py``)
and reports each catalog whose text differs.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType

from kisync.catalog import pofile


def catalogs(project: Path, pages: int, language: str) -> list:
    """Each page's template and its ``language`` catalog, read with :func:`pofile.read`."""
    templates = sorted((project / "po" / "templates").rglob("*.pot"))
    if pages:
        templates = templates[:pages]
    result = []
    for template in templates:
        relative = template.relative_to(project / "po" / "templates").with_suffix(".po")
        result.append(pofile.read(template))
        translated = project / "po" / language / relative
        if translated.exists():
            result.append(pofile.read(translated))
    return result


def clear_caches(module: ModuleType) -> None:
    module._entry_cache.clear()
    module._wrapped_lines.cache_clear()


def render(module: ModuleType, catalogs: list) -> list[str]:
    clear_caches(module)
    return [module.dumps(po) for po in catalogs]


def load_module(path: Path) -> ModuleType:
    """Load another version of kisync/pofile.py as ``kisync._pofile_reference``."""
    spec = importlib.util.spec_from_file_location("kisync._pofile_reference", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="a pulled kisync project")
    parser.add_argument("--pages", type=int, default=200, help="0: every page")
    parser.add_argument("--language", default="en")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", type=Path, help="another pofile.py to check against")
    options = parser.parse_args()
    read = catalogs(options.project, options.pages, options.language)
    if options.compare:
        reference = load_module(options.compare)
        differing = [
            po.fpath
            for po, ours, theirs in zip(
                read, render(pofile, read), render(reference, read), strict=True
            )
            if ours != theirs
        ]
        print(f"{len(read)} catalogs compared, {len(differing)} differ")
        for path in differing[:20]:
            print("  differs:", path)
        return 1 if differing else 0
    times = []
    for _ in range(options.runs):
        start = time.process_time()
        render(pofile, read)
        times.append(time.process_time() - start)
    if times:
        median = statistics.median(times)
        print(f"{len(read)} catalogs, median of {len(times)} runs: {median * 1000:.1f} ms CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
