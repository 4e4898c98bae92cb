"""`kisync pull` from a live site (the crawl portal) served on 127.0.0.1."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from conftest import msgfmt_check
from support.httpserver import Response, TestServer

from kisync.cli import cli

DEMO_PORTAL = Path(__file__).resolve().parents[2] / "examples" / "heinsberg" / "portal"


@pytest.fixture
def site(tmp_path: Path):
    root = tmp_path / "site"
    shutil.copytree(DEMO_PORTAL, root)
    with TestServer(root=root) as server:
        yield server, root


def project_for(tmp_path: Path, url: str) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    (project / "kisync.toml").write_text(
        'languages = ["en", "ar"]\n'
        f'[portal]\nkind = "crawl"\nurl = "{url}"\ncontent = "main"\n'
        "delay = 0\ntimeout = 1\nretries = 1\n",
        encoding="utf-8",
    )
    return project


def pull(project: Path):
    return CliRunner().invoke(cli, ["--project", str(project), "pull"], catch_exceptions=False)


def test_crawled_site_gives_the_same_catalogs_as_the_folder(site, tmp_path):
    server, _ = site
    project = project_for(tmp_path, server.url)
    result = pull(project)
    assert result.exit_code == 0, result.output
    templates = sorted(
        p.relative_to(project / "po/templates").as_posix()
        for p in (project / "po/templates").rglob("*.pot")
    )
    assert "bildung-sprache/integrationskurse.pot" in templates and "_site.pot" in templates
    assert len(templates) == 15
    for path in (project / "po").rglob("*.po*"):
        msgfmt_check(path)
    page = polib.pofile(str(project / "po/ar/bildung-sprache/integrationskurse.po"))
    assert page.metadata["X-Kisync-Source-URL"] == server.url_for(
        "/bildung-sprache/integrationskurse/"
    )
    assert all(
        occurrence[0].startswith(server.url) for entry in page for occurrence in entry.occurrences
    )


def test_second_crawl_downloads_nothing_and_writes_nothing(site, tmp_path):
    server, _ = site
    project = project_for(tmp_path, server.url)
    pull(project)
    server.reset()
    result = pull(project)
    assert "wrote 0 files" in result.output
    assert server.count("/bildung-sprache/integrationskurse/", status=200) == 0
    assert server.count("/bildung-sprache/integrationskurse/", status=304) == 1


def test_failing_page_is_reported_and_the_rest_is_pulled(site, tmp_path):
    server, _ = site
    server.route("/gesundheit/", Response(500, "kaputt"))
    project = project_for(tmp_path, server.url)
    result = pull(project)
    assert result.exit_code == 2
    assert "page gesundheit" in result.output and "500" in result.output
    assert (project / "po/ar/bildung-sprache/integrationskurse.po").exists()
    assert not (project / "po/ar/gesundheit.po").exists()
