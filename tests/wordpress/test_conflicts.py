"""Conflicts only for real edits, against a real WordPress: lost answers and a push
killed mid-way (``kill -9``) resume without false conflicts or copies; edits made in
WordPress are noticed on every push with one listing request and shown as text;
``--force`` names what it overwrites."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from scenario import assert_state_matches_wordpress, german_site, prepared, translations
from support.catalogs import translate
from support.faultproxy import FaultProxy
from support.wordpress import WordPress
from test_faults import UPDATE, assert_once_each

from kisync import Project, pofile
from kisync.cli import cli

pytestmark = pytest.mark.wordpress


@pytest.fixture
def proxied(
    wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Project, FaultProxy]]:
    """The German site, pulled, translated and pushed once through a fault proxy."""
    german_site(wordpress)
    proxy = FaultProxy(wordpress.url).start()
    project = prepared(
        wordpress, tmp_path, monkeypatch, url=proxy.url, timeout=30.0, retries=0, concurrency=2
    )
    assert project.push().exit_code == 0
    yield project, proxy
    proxy.stop()


def english(wordpress: WordPress) -> dict[str, dict]:
    return {page["slug"]: page for page in translations(wordpress)["en"]}


def test_updates_whose_answer_was_lost_are_adopted_not_conflicts(
    proxied: tuple[Project, FaultProxy], wordpress: WordPress, tmp_path: Path
) -> None:
    project, proxy = proxied
    translate(tmp_path, "en", lambda text: f"[EN v2] {text}")
    proxy.inject("POST", UPDATE, "drop", times=1000)  # WordPress saves, the answer is lost
    first = project.push(["en"])
    assert first.exit_code == 2 and len(first.failures) == 3
    assert proxy.count("POST", UPDATE, action="drop", forwarded=True) == 3
    proxy.clear()

    second = project.push(["en"])
    assert second.conflicts == [], [r.message for r in second.conflicts]
    assert second.exit_code == 0 and second.count("adopt") == 3
    assert proxy.count("POST", UPDATE, action="") == 0  # nothing written a second time
    # square brackets reach WordPress as &#91; &#93; (never a shortcode)
    assert all("&#91;EN v2&#93;" in page["title"]["raw"] for page in english(wordpress).values())
    assert_once_each(wordpress)
    assert_state_matches_wordpress(tmp_path, wordpress)
    assert project.push().count("unchanged") == 6


def test_a_push_killed_mid_way_resumes_without_false_conflicts_or_copies(
    proxied: tuple[Project, FaultProxy], wordpress: WordPress, tmp_path: Path
) -> None:
    project, proxy = proxied
    translate(tmp_path, "en", lambda text: f"[EN v2] {text}")
    translate(tmp_path, "ar", lambda text: f"[AR v2] {text}")
    # WordPress applies every update but the answers are held back: the push process
    # is killed while it waits for them.
    proxy.inject("POST", UPDATE, "timeout", times=1000, delay=300)
    log = (tmp_path / "push.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "kisync", "--project", str(tmp_path), "push"],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        deadline = time.monotonic() + 240
        while proxy.count("POST", UPDATE, action="timeout", forwarded=True) < 2:
            assert process.poll() is None, (tmp_path / "push.log").read_text()
            assert time.monotonic() < deadline, "the push never reached WordPress"
            time.sleep(0.1)
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait() == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        log.close()
    applied = proxy.count("POST", UPDATE, forwarded=True)
    assert applied == 2  # two writer threads, each killed waiting for its answer
    proxy.clear()

    resumed = project.push()
    assert resumed.conflicts == [], [r.message for r in resumed.conflicts]
    assert resumed.exit_code == 0, resumed.failures
    assert resumed.count("adopt") == applied
    assert resumed.count("update") == 6 - applied
    assert_once_each(wordpress)
    assert_state_matches_wordpress(tmp_path, wordpress)
    titles = [page["title"]["raw"] for group in translations(wordpress).values() for page in group]
    assert all(" v2&#93; " in title for title in titles), titles
    assert project.push().count("unchanged") == 6


def test_an_edit_in_wordpress_is_noticed_with_one_listing_and_shown_as_text(
    proxied: tuple[Project, FaultProxy], wordpress: WordPress, tmp_path: Path
) -> None:
    _, proxy = proxied
    page = english(wordpress)["bildung"]
    wordpress.update_page(page["id"], title="Education (title by hand)")
    runner = CliRunner()
    before = len(proxy.requests)

    result = runner.invoke(cli, ["--project", str(tmp_path), "push"])
    assert result.exit_code == 1, result.output
    assert "en bildung: CONFLICT" in result.output
    assert "-Title: Education (title by hand)\n+Title: [en] Bildung\n" in result.output
    sent = proxy.requests[before:]
    assert sum("include=" in r.query for r in sent) == 1  # one listing for all six pages
    reads = [r.path for r in sent if r.path.startswith("/wp-json/wp/v2/pages/")]
    assert reads == [f"/wp-json/wp/v2/pages/{page['id']}"] * 2  # only the edited page
    assert all(r.method == "GET" for r in sent)
    diff = (tmp_path / ".kisync" / "conflicts" / "en" / "bildung.diff").read_text("utf-8")
    assert "-Title: Education (title by hand)" in diff
    assert wordpress.page(page["id"])["title"]["raw"] == "Education (title by hand)"

    forced = runner.invoke(cli, ["--project", str(tmp_path), "push", "--force"])
    assert forced.exit_code == 0, forced.output
    line = next(ln for ln in forced.output.splitlines() if ln.startswith("en bildung:"))
    assert 'its title was "Education (title by hand)" (kisync: "[en] Bildung")' in line
    assert wordpress.page(page["id"])["title"]["raw"] == "&#91;en&#93; Bildung"
    assert sum("overwrites" in ln for ln in forced.output.splitlines()) == 1


def test_harvest_from_edits_takes_a_wordpress_edit_into_the_po_file(
    proxied: tuple[Project, FaultProxy], wordpress: WordPress, tmp_path: Path
) -> None:
    project, _ = proxied
    page = english(wordpress)["bildung"]
    wordpress.update_page(page["id"], title="Education", content="<p>School and training</p>")
    edited = wordpress.page(page["id"])
    assert project.push(["en"]).exit_code == 1

    result = CliRunner().invoke(cli, ["--project", str(tmp_path), "harvest", "--from-edits"])
    assert result.exit_code == 0, result.output
    assert "en bildung: edited on the target" in result.output
    catalog = {e.msgid: e for e in pofile.read(tmp_path / "po" / "en" / "bildung.po")}
    for msgid, msgstr in (("Bildung", "Education"), ("Schule & Ausbildung", "School and training")):
        entry = catalog[msgid]
        assert entry.msgstr == msgstr and "fuzzy" in entry.flags, entry
        assert f"from an edit in WordPress on {edited['modified_gmt']} UTC" in entry.tcomment
        assert f"translation before the edit: [en] {msgid}" in entry.tcomment

    report = project.push()
    assert report.exit_code == 0 and report.conflicts == []
    assert wordpress.page(page["id"])["modified_gmt"] == edited["modified_gmt"]  # left alone
