"""kisync preview (a real HTTP server on 127.0.0.1) and kisync sync."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request

import lxml.html
import pytest
from click.testing import CliRunner
from support.catalogs import translate

from kisync import Project
from kisync.cli import cli

INTEGRATIONSKURSE = "/bildung-sprache/integrationskurse/"


def fetch(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as reply:
            return reply.status, reply.headers.get("Content-Type", ""), reply.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode()


@pytest.fixture
def preview(demo):
    translate(
        demo,
        "ar",
        lambda text: f"ترجمة {text}",
        keys=("_site", "bildung-sprache/integrationskurse"),
        share=0.8,
    )
    project = Project.load(demo)
    server = project.preview(["ar", "en"], port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}", demo
    server.shutdown()
    server.server_close()


def test_preview_serves_rendered_pages_right_to_left(preview):
    base, demo = preview
    status, kind, body = fetch(f"{base}/ar{INTEGRATIONSKURSE}")
    assert (status, kind) == (200, "text/html; charset=utf-8")
    page = lxml.html.document_fromstring(body)
    assert (page.get("lang"), page.get("dir")) == ("ar", "rtl")
    assert page.xpath("//h1")[0].text.startswith("ترجمة")
    german = page.xpath("//main//*[@lang='de']")
    assert german and all(element.get("dir") == "ltr" for element in german)
    assert page.xpath("//style[@id='kisync-preview']")  # German text outlined
    # links inside the preview stay inside the preview, stylesheets come from the portal
    assert page.xpath("//nav[@id='site-navigation']//a")[0].get("href") == "/ar/ki-aktuelles/"
    stylesheet = page.xpath("//link[@rel='stylesheet']")[0].get("href")
    assert fetch(base + stylesheet)[0] == 200

    # nothing is cached: a translator saves, reloads, and sees the change
    translate(demo, "ar", lambda text: f"جديد {text}", keys=("bildung-sprache/integrationskurse",))
    page = lxml.html.document_fromstring(fetch(f"{base}/ar{INTEGRATIONSKURSE}")[2])
    assert page.xpath("//h1")[0].text.startswith("جديد")
    assert not (demo / "site").exists()


def test_preview_index_and_errors(preview):
    base, _ = preview
    status, _, body = fetch(base + "/")
    assert status == 200
    index = lxml.html.document_fromstring(body)
    hrefs = {a.get("href") for a in index.xpath("//a")}
    assert f"/ar{INTEGRATIONSKURSE}" in hrefs and f"/en{INTEGRATIONSKURSE}" in hrefs
    rows = {
        row.xpath("td")[0].text_content(): [td.text_content() for td in row.xpath("td")[1:]]
        for row in index.xpath("//tbody/tr")
    }
    assert rows["bildung-sprache/integrationskurse"][1] == "0 %"  # en
    assert 75 <= float(rows["bildung-sprache/integrationskurse"][0].rstrip(" %")) <= 85  # ar
    assert rows["impressum"] == ["0 %", "0 %"]
    assert fetch(base + "/ar/no/such/page/")[0] == 404
    assert fetch(base + "/fa" + INTEGRATIONSKURSE)[0] == 404  # not chosen: a German path
    assert fetch(base + "/../../../../etc/passwd")[0] == 404
    assert fetch(base + "/%2e%2e/kisync.toml")[0] == 404


def test_preview_serves_no_file_outside_the_project(preview, tmp_path_factory):
    base, demo = preview
    outside = tmp_path_factory.mktemp("outside")
    (outside / "geheim.txt").write_text("GEHEIM", encoding="utf-8")
    (outside / "index.html").write_text("<p>GEHEIM</p>", encoding="utf-8")
    portal = demo / "portal"
    (portal / "geheim.txt").symlink_to(outside / "geheim.txt")
    (portal / "ordner").symlink_to(outside, target_is_directory=True)
    (portal / "index-link").mkdir()
    (portal / "index-link" / "index.html").symlink_to(outside / "index.html")
    (portal / "innen.txt").symlink_to(demo / "kisync.toml")  # inside the project: fine
    for path in ("/geheim.txt", "/ordner/geheim.txt", "/ordner/", "/index-link/"):
        status, _, body = fetch(base + path)
        assert status == 404 and "GEHEIM" not in body, path
    assert fetch(base + "/innen.txt")[0] == 200


def test_preview_answers_only_to_its_own_host_name(preview):
    base, _ = preview
    port = base.rsplit(":", 1)[1]
    for host, expected in [
        (f"127.0.0.1:{port}", 200),
        (f"LOCALHOST:{port}", 200),
        (f"evil.example:{port}", 421),
        ("evil.example", 421),
        (f"localhost:{int(port) + 1}", 421),
        (f"localhost.evil.example:{port}", 421),
    ]:
        request = urllib.request.Request(base + "/ar" + INTEGRATIONSKURSE, headers={"Host": host})
        try:
            with urllib.request.urlopen(request, timeout=10) as reply:
                status, body = reply.status, reply.read().decode()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read().decode()
        assert status == expected, host
        assert ("ترجمة" in body) == (expected == 200), host


def test_preview_command_listens_on_loopback(demo):
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kisync",
            "--project",
            str(demo),
            "preview",
            "--port",
            "0",
            "--lang",
            "en",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        line = process.stdout.readline()
        assert line.startswith("Preview on http://127.0.0.1:"), line + process.stderr.read()
        url = line.split()[2]
        status, _, body = fetch(url + "en/impressum/")
        assert status == 200
        assert lxml.html.document_fromstring(body).get("lang") == "en"
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()
        process.stderr.close()


def test_sync_pulls_and_pushes_with_one_summary(demo):
    runner = CliRunner()
    translate(demo, "en")
    result = runner.invoke(cli, ["--project", str(demo), "sync", "--lang", "en"])
    assert result.exit_code == 0, result.output
    summary = result.output.strip().splitlines()[-1]
    assert summary.startswith("sync: pulled 14 pages (0 changed")
    assert "published 14 created" in summary
    assert (demo / "site" / "en" / "index.html").exists()

    page = demo / "portal" / "impressum" / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</main>", "<p>Ein neuer Absatz.</p></main>"),
        encoding="utf-8",
    )
    result = runner.invoke(
        cli, ["--project", str(demo), "sync", "--lang", "en", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert "1 changed" in data["pull"]["summary"]
    impressum = next(p for p in data["push"]["pages"] if p["page"] == "impressum")
    assert impressum["action"] == "kept"  # new German text: below 100 %, old version stays
    assert data["exit_code"] == 0


def test_preview_port_in_use_is_one_clear_line(demo):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["--project", str(demo), "preview", "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output and "--port" in result.output
