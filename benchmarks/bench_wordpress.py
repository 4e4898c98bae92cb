"""Benchmark: pull and push against the real WordPress of ``scripts/wordpress-dev.sh``.

Seeds N German pages (default 200, ~40 segments each, under 9 section pages) into a
private throwaway WordPress, then times, with the number of HTTP requests each needed:

1. a cold ``pull`` (every page read), 2. a ``pull`` with nothing changed,
3. the first ``push`` of every page in one language (creates), 4. a ``push`` with
nothing changed, 5. a ``push`` after one German page changed.

    python benchmarks/bench_wordpress.py [--pages 200] [--concurrency 1,4]

Needs the Debian packages of the dev script. Work files go to ``benchmarks/work/``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

from support.httpserver import unused_port  # noqa: E402
from support.wordpress import (  # noqa: E402
    PASSWORD_ENV,
    WordPress,
    start_wordpress,
    translate,
    write_project,
)
from synthetic_portal import SECTIONS, WORDS, page_body  # noqa: E402

import kisync.portal.wordpress as wordpress_module  # noqa: E402
from kisync import Project  # noqa: E402

SEED_PHP = """
wp_set_current_user(1);  // an administrator: no HTML filtering of the content
$pages = json_decode(file_get_contents($argv_file), true);
$parents = [];
foreach ($pages as $page) {
    $parent = 0;
    if ($page['section'] !== '') {
        if (!isset($parents[$page['section']])) {
            $parents[$page['section']] = wp_insert_post(['post_type' => 'page',
                'post_status' => 'publish', 'post_title' => ucfirst($page['section']),
                'post_name' => $page['section'], 'post_content' => '<p>Übersicht</p>']);
        }
        $parent = $parents[$page['section']];
    }
    wp_insert_post(['post_type' => 'page', 'post_status' => 'publish',
        'post_title' => $page['title'], 'post_name' => $page['slug'],
        'post_content' => $page['content'], 'post_parent' => $parent]);
}
"""


class Requests:
    """Counts the HTTP requests kisync's WordPress client sends, by method."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        original = wordpress_module.request

        def counting(session: Any, method: str, url: str, **kwargs: Any) -> Any:
            self.counts[method] += 1
            return original(session, method, url, **kwargs)

        wordpress_module.request = counting

    def take(self) -> str:
        text = ", ".join(f"{count} {method}" for method, count in sorted(self.counts.items()))
        self.counts.clear()
        return text or "none"


def seed(wordpress: WordPress, pages: int) -> None:
    rng = random.Random(1)
    data = [
        {
            "section": SECTIONS[number % len(SECTIONS)],
            "slug": f"seite-{number}",
            "title": f"{rng.choice(WORDS)} {number}",
            "content": "\n\n".join(
                f"<!-- wp:html -->\n{block}\n<!-- /wp:html -->"
                for block in page_body(rng, 40).split("\n")
            ),
        }
        for number in range(pages)
    ]
    file = wordpress.folder / "tmp" / "seed.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    wordpress.php(f"$argv_file = {str(file)!r};\n" + SEED_PHP)
    wordpress.backdate()


def timed(label: str, requests: Requests, action: Callable[[], Any], rows: list[str]) -> Any:
    start = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - start
    rows.append(f"| {label} | {elapsed:.2f} s | {requests.take()} |")
    return result


def run(wordpress: WordPress, pages: int, concurrency: int, requests: Requests) -> list[str]:
    wordpress.restore()
    seed(wordpress, pages)
    root = WORK / f"wp-project-{pages}-{concurrency}"
    shutil.rmtree(root, ignore_errors=True)
    write_project(root, wordpress.url, languages=("en",), portal={"concurrency": concurrency})
    project = Project.load(root)
    rows: list[str] = []
    requests.take()
    report = timed("cold pull", requests, project.pull, rows)
    assert not report.failures, report.failures
    timed("pull, nothing changed", requests, project.pull, rows)
    translate(root, "en")
    report = timed(f"first push (concurrency {concurrency})", requests, project.push, rows)
    assert report.exit_code == 0 and report.count("create") == pages + 9, report.summary()
    report = timed("push, nothing changed", requests, project.push, rows)
    assert report.count("unchanged") == pages + 9
    changed = wordpress.php(
        "$p = get_page_by_path('ki-aktuelles/seite-0');"
        " wp_update_post(['ID' => $p->ID, 'post_title' => 'Neu 0']); echo $p->ID;"
    )
    wordpress.backdate(int(changed), minutes=30)
    project.pull()
    translate(root, "en")
    requests.take()
    report = timed("push after one German page changed", requests, project.push, rows)
    assert report.count("update") == 1, report.summary()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--concurrency", default="1,4")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    folder = WORK / "wordpress"
    shutil.rmtree(folder, ignore_errors=True)
    wordpress = start_wordpress(folder, unused_port())
    os.environ[PASSWORD_ENV] = wordpress.password
    requests = Requests()
    try:
        print(f"{args.pages} German pages + 9 section pages, 1 language\n")
        print("| step | time | requests |\n|---|---|---|")
        for concurrency in (int(c) for c in args.concurrency.split(",")):
            for row in run(wordpress, args.pages, concurrency, requests):
                print(row, flush=True)
    finally:
        wordpress.stop()


if __name__ == "__main__":
    main()
