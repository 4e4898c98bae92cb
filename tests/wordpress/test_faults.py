"""Faults between kisync and a real WordPress, injected by a loopback proxy.

Whatever breaks (500s, timeouts, connections dropped after WordPress saved the page),
afterwards every translation exists once, the state file names exactly the pages that
are there, and running push again finishes the job.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from scenario import assert_state_matches_wordpress, german_site, prepared, translations
from support.catalogs import translate
from support.faultproxy import FaultProxy
from support.wordpress import WordPress

from kisync import Project
from kisync.cli import cli

pytestmark = pytest.mark.wordpress

CREATE = "/wp-json/wp/v2/pages"
UPDATE = "/wp-json/wp/v2/pages/*"
TIMED_OUT = 6.0
"""Seconds the proxy holds a "timeout" answer: longer than the client's 3 s timeout,
which is generous so that a busy test machine does not time out on its own."""


def assert_once_each(wordpress: WordPress) -> None:
    """Exactly one /en/ and one /ar/ root, and one translation per German page in each."""
    roots = [p["slug"] for p in wordpress.all_pages() if p["parent"] == 0]
    assert sorted(roots) == ["ar", "beratung", "bildung", "en"]
    found = translations(wordpress)
    for language in ("en", "ar"):
        slugs = sorted(page["slug"] for page in found[language])
        assert slugs == ["beratung", "bildung", "integrationskurse"], language


@pytest.fixture
def faulty(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Project, FaultProxy]]:
    german_site(wordpress)
    proxy = FaultProxy(wordpress.url).start()
    project = prepared(
        wordpress, tmp_path, monkeypatch, url=proxy.url, timeout=3.0, retries=2, concurrency=2
    )
    yield project, proxy
    proxy.stop()


@pytest.mark.parametrize(
    "action",
    [
        "error",  # 500, WordPress never saw the request
        "error_after",  # saved, then the client is told 500
        "timeout",  # saved, the answer never comes in time
        "drop",  # saved, then the connection is dropped
    ],
)
def test_failed_creates_are_finished_without_a_second_copy(
    faulty: tuple[Project, FaultProxy], wordpress: WordPress, tmp_path: Path, action: str
) -> None:
    project, proxy = faulty
    proxy.inject("POST", CREATE, action, times=2, delay=TIMED_OUT)
    report = project.push()
    assert report.exit_code == 0, report.failures
    assert report.count("create") == 6
    assert proxy.count("POST", CREATE, action=action) == 2
    assert_once_each(wordpress)
    assert_state_matches_wordpress(tmp_path, wordpress)


def test_failed_updates_and_reads_are_retried(
    faulty: tuple[Project, FaultProxy], wordpress: WordPress, tmp_path: Path
) -> None:
    project, proxy = faulty
    assert project.push().exit_code == 0
    translate(tmp_path, "en", lambda text: f"[EN] {text}")
    proxy.inject("POST", UPDATE, "drop", times=2)
    proxy.inject("POST", UPDATE, "timeout", times=1, delay=TIMED_OUT)
    proxy.inject("GET", "/wp-json/wp/v2/pages", "error", times=2)  # the listing
    proxy.inject("GET", UPDATE, "error", times=2)  # page reads
    report = project.push(["en"])
    assert report.exit_code == 0, report.failures
    assert report.count("update") == 3
    assert proxy.count("POST", UPDATE, action="drop") == 2
    assert proxy.count("GET", action="error") == 4
    assert all("&#91;EN&#93;" in page["title"]["raw"] for page in translations(wordpress)["en"])
    assert_once_each(wordpress)
    assert_state_matches_wordpress(tmp_path, wordpress)


def test_an_interrupted_push_leaves_no_duplicate_and_a_rerun_completes(
    faulty: tuple[Project, FaultProxy], wordpress: WordPress, tmp_path: Path
) -> None:
    _, proxy = faulty
    config = tmp_path / "kisync.toml"
    config.write_text(config.read_text().replace("retries = 2", "retries = 0"))
    project = Project.load(tmp_path)
    # Every create is saved by WordPress, but its answer never arrives. Without retries
    # left, kisync may not send it again (WordPress might still be saving it): each
    # page fails, and nothing is recorded that kisync did not see.
    proxy.inject("POST", CREATE, "drop", times=1000)
    first = project.push()
    assert first.exit_code == 2
    assert first.count("create") == 0
    assert len(first.failures) == 6
    assert all("run kisync push again" in line for line in first.failures)
    created = proxy.count("POST", CREATE, action="drop")
    assert created >= 6  # two roots, and the pages whose root existed by then
    assert "published" not in (tmp_path / ".kisync" / "publish-state.json").read_text()

    # The re-run finds what the dropped answers created and creates only the rest.
    proxy.clear()
    second = project.push()
    assert second.exit_code == 0, second.failures
    assert second.count("adopt") == created - 2
    assert second.count("create") == 6 - (created - 2)
    assert_once_each(wordpress)
    assert_state_matches_wordpress(tmp_path, wordpress)
    assert project.push().count("unchanged") == 6


def test_a_storm_of_mixed_faults_ends_with_each_page_once(
    faulty: tuple[Project, FaultProxy], wordpress: WordPress, tmp_path: Path
) -> None:
    project, proxy = faulty
    for action in ("drop", "error", "error_after", "drop_before", "timeout"):
        proxy.inject("POST", "/wp-json/wp/v2/pages*", action, times=2, delay=TIMED_OUT)
    proxy.inject("GET", "/wp-json/wp/v2/pages*", "drop_before", times=2)
    for _ in range(4):
        report = project.push()
        assert_state_matches_wordpress(tmp_path, wordpress, complete=report.exit_code == 0)
        if report.exit_code == 0:
            break
    assert report.exit_code == 0, report.failures
    for action in ("drop", "error", "error_after", "drop_before", "timeout"):
        assert proxy.count("POST", action=action) == 2, action
    assert_once_each(wordpress)
    assert project.push().count("unchanged") == 6


def test_the_password_stays_secret_when_publishing_fails(
    faulty: tuple[Project, FaultProxy],
    wordpress: WordPress,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _, proxy = faulty
    caplog.set_level(logging.DEBUG)
    proxy.inject("POST", "/wp-json/wp/v2/pages*", "error", times=1000)
    result = CliRunner().invoke(cli, ["--project", str(tmp_path), "-vv", "push"])
    assert result.exit_code == 2
    assert "HTTP 500" in result.output
    written = "".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in (tmp_path / ".kisync").rglob("*")
        if path.is_file()
    )
    for text in (result.output, caplog.text, written):
        assert wordpress.password not in text
        assert wordpress.password.replace(" ", "") not in text.replace(" ", "")
