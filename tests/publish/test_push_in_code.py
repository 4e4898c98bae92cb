"""``push`` with its portal, target, layout, rules and policy built in code (no
kisync.toml anywhere)."""

from __future__ import annotations

from contextlib import closing

from support.bare import SOURCE, pulled_project
from support.catalogs import translate

from kisync.publish.files import FilesTarget
from kisync.publish.push import PublishPolicy, push


def test_push_publishes_what_the_policy_allows(tmp_path):
    project = pulled_project(tmp_path)
    translate(project.root, "en", keys=("_site", "seite-1", "seite-2"))
    translate(project.root, "ar", keys=("_site", "seite-1"), share=0.5)
    site = tmp_path / "site"
    policy = PublishPolicy(min_completeness_by_language={"ar": 0.0})
    with closing(project.portal()) as portal, closing(FilesTarget(site)) as target:
        report = push(
            portal,
            target,
            project.catalogs,
            project.state_dir,
            rules=project.rules,
            source_language=SOURCE,
            policy=policy,
        )
    assert report.failures == []
    published = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    assert published == [
        "ar/seite-1.html",
        "ar/seite-2.html",
        "ar/seite-3.html",
        "en/seite-1.html",
        "en/seite-2.html",
    ]
    assert "[en] Melden Sie sich beim Jobcenter an." in (site / "en/seite-1.html").read_text()
