"""stats, the CI gate and the dashboard called with collaborators built in code (no
kisync.toml anywhere)."""

from __future__ import annotations

from support.bare import SOURCE, pulled_project
from support.catalogs import translate

from kisync.progress import collect_stats
from kisync.progress.dashboard import build_report, last_pull
from kisync.progress.gate import run_check
from kisync.translate.lint import lint_project


def test_stats_check_and_report_without_a_project_file(tmp_path):
    project = pulled_project(tmp_path)
    translate(project.root, "en")
    translate(project.root, "ar", share=0.5)
    cache = project.state_dir / "stats-cache.json"
    stats = collect_stats(
        project.catalogs, source_language=SOURCE, require_review=["ar"], cache_file=cache
    )
    english, arabic = stats.languages
    assert english.counts.percent == 100 and arabic.counts.translated < arabic.counts.total
    assert stats.require_review == ("ar",)
    assert cache.is_file()

    result = run_check(stats, lint_project(project.catalogs), lambda code: 50.0, ["ar"])
    assert {c.language.code for c in result.below} == {"ar"}  # nothing reviewed
    assert all(c.minimum == 50.0 for c in result.pages)

    dashboard = build_report(
        stats, tmp_path / "out", last_pull(project.catalogs, project.state_dir)
    )
    assert "last pull:" in dashboard.index.read_text(encoding="utf-8")
    assert [path.name for path in dashboard.badges] == ["en.svg", "ar.svg"]
