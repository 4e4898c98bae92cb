"""scripts/wordpress-dev.sh: a real WordPress, its credentials, snapshots, clean stop."""

from __future__ import annotations

import os
import stat
import subprocess
import time

import pytest
import requests
from support.wordpress import SCRIPT, WordPress

pytestmark = pytest.mark.wordpress


def test_rest_api_accepts_the_application_password(wordpress: WordPress) -> None:
    me = wordpress.call("GET", "wp/v2/users/me", params={"context": "edit"})
    assert me["username"] == "kisync"
    assert me["roles"] == ["editor"]
    wrong = wordpress.api("GET", "wp/v2/users/me", auth=("kisync", "x" * 24))
    assert wrong.status_code == 401


def test_credentials_go_to_a_private_file_not_to_the_output(wordpress: WordPress) -> None:
    credentials = wordpress.folder / "credentials.env"
    assert stat.S_IMODE(credentials.stat().st_mode) == 0o600
    assert wordpress.url in wordpress.start_output
    assert wordpress.password not in wordpress.start_output
    assert wordpress.admin_password not in wordpress.start_output


def test_pretty_permalinks_and_an_empty_fresh_site(wordpress: WordPress) -> None:
    assert wordpress.all_pages() == []
    parent = wordpress.create_page("Beratung", "<p>Wir beraten Sie.</p>", slug="beratung")
    child = wordpress.create_page("Für Familien", "<p>Kita</p>", parent=parent["id"])
    assert parent["link"] == f"{wordpress.url}beratung/"
    assert child["link"] == f"{wordpress.url}beratung/fuer-familien/"
    assert "<p>Kita</p>" in wordpress.html("beratung/fuer-familien/")


def test_restore_returns_to_the_snapshot_with_the_same_ids(wordpress: WordPress) -> None:
    first = wordpress.create_page("Eins", "<p>1</p>")
    wordpress.snapshot("one_page")
    second = wordpress.create_page("Zwei", "<p>2</p>")
    wordpress.restore("one_page")
    assert [page["id"] for page in wordpress.all_pages()] == [first["id"]]
    assert wordpress.create_page("Zwei", "<p>2</p>")["id"] == second["id"]
    wordpress.restore()
    assert wordpress.all_pages() == []
    assert wordpress.create_page("Eins", "<p>1</p>")["id"] == first["id"]


def _group_members(pgid: int) -> list[int]:
    members = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat_line = open(f"/proc/{entry}/stat").read()  # noqa: SIM115
            except OSError:
                continue
            fields = stat_line.rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                members.append(int(entry))
    return members


def test_stop_ends_every_worker_and_start_does_not_hold_the_callers_output(
    wordpress: WordPress,
) -> None:
    pgid = int((wordpress.folder / "php.pid").read_text())
    assert len(_group_members(pgid)) >= 2, "expected a server with worker processes"
    wordpress.stop()
    deadline = time.monotonic() + 5
    while _group_members(pgid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _group_members(pgid) == []
    with pytest.raises(requests.ConnectionError):
        requests.get(wordpress.url, timeout=5)
    # capture_output: run() returns only when every holder of the pipe has closed it,
    # so a server that inherited stdout would make this time out.
    env = {**os.environ, "KISYNC_WP_DIR": str(wordpress.folder)}
    started = subprocess.run(
        [str(SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=60
    )
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == wordpress.url
    assert wordpress.call("GET", "wp/v2/users/me")["slug"] == "kisync"


def test_another_port_for_an_installed_site_is_refused(wordpress: WordPress) -> None:
    env = {**os.environ, "KISYNC_WP_DIR": str(wordpress.folder), "KISYNC_WP_PORT": "1"}
    result = subprocess.run([str(SCRIPT), "status"], env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert f"installed for port {wordpress.port}" in result.stderr
