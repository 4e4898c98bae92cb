"""Two kisync runs on one project never interleave, and a run killed mid-write leaves
nothing behind that the next run does not clean up."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from support.demo import copy_demo
from test_pull import PAGE, edit_page, run, snapshot

from kisync import Project
from kisync.fsutil import TEMPORARY_MARK

# A real `kisync pull` that holds the project's lock until its stdin is closed.
PULL_THAT_WAITS = """
import sys
from kisync import pull as pull_module
from kisync.cli import cli

real_pull = pull_module.pull

def pull_when_told(*args, **kwargs):
    print("pulling", flush=True)
    sys.stdin.readline()
    return real_pull(*args, **kwargs)

pull_module.pull = pull_when_told
cli.main(["--project", sys.argv[1], "pull"], prog_name="kisync")
"""

# A real `kisync pull` killed (SIGKILL) right before it puts its first catalog in place.
PULL_KILLED_MID_WRITE = """
import os, signal, sys
from kisync import fsutil
from kisync.cli import cli

def killed(source, destination):
    os.kill(os.getpid(), signal.SIGKILL)

fsutil.os.replace = killed
cli.main(["--project", sys.argv[1], "pull"], prog_name="kisync")
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = copy_demo(tmp_path)
    assert run(folder, "pull").exit_code == 0
    return folder


@pytest.fixture
def running_pull(project):
    """A `kisync pull` in another process, holding the lock until the test lets it go."""
    process = subprocess.Popen(
        [sys.executable, "-c", PULL_THAT_WAITS, str(project)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline() == "pulling\n"
    yield process
    if process.poll() is None:
        process.kill()
    process.wait()


WRITING = [
    ["pull"],
    ["push"],
    ["sync"],
    ["pretranslate"],
    ["harvest"],
    ["glossary", "import", "x.csv"],
    ["import", "{project}/kisync.toml"],
]


@pytest.mark.parametrize("command", WRITING, ids=lambda command: command[0])
def test_a_command_that_writes_stops_while_another_run_works(project, running_pull, command):
    before = snapshot(project / "po")
    result = run(project, *(part.format(project=project) for part in command))
    assert result.exit_code == 2, result.output
    pid = running_pull.pid
    assert re.fullmatch(
        rf"kisync: error: another kisync run \(pid {pid}, `kisync pull`, started \d\d:\d\d\) "
        rf"is working on this project; wait for it to finish \(`kill {pid}` if it hangs\), "
        r"then run this command again\n",
        result.stderr,
    )
    assert snapshot(project / "po") == before


def test_init_stops_while_another_run_works(project, running_pull):
    config = (project / "kisync.toml").read_bytes()
    result = run(project, "init", "--force")
    assert result.exit_code == 2 and "another kisync run" in result.stderr
    assert (project / "kisync.toml").read_bytes() == config


@pytest.mark.parametrize("command", [["stats"], ["lint"], ["check"], ["report"]], ids=" ".join)
def test_read_only_commands_do_not_wait_for_the_lock(project, running_pull, command, tmp_path):
    options = ["--output", str(tmp_path / "dashboard")] if command == ["report"] else []
    result = run(project, *command, *options)
    assert "another kisync run" not in result.output
    assert result.exit_code in (0, 1), result.output  # 1: the check found problems


def test_the_lock_is_released_when_the_run_ends_however_it_ends(project, running_pull):
    running_pull.kill()  # kill -9: no chance to clean up
    running_pull.wait()
    edit_page(project, "Im Integrationskurs lernen Sie Deutsch", "Im Kurs lernen Sie Deutsch")
    result = run(project, "pull")
    assert result.exit_code == 0, result.output
    assert "1 changed" in result.output
    assert (project / ".kisync" / "lock").read_bytes() == b""  # it told who held it


def test_the_lock_is_released_by_a_run_that_finishes(project, running_pull):
    running_pull.stdin.close()  # let it pull
    assert running_pull.wait() == 0, running_pull.stderr.read()
    assert run(project, "pull").exit_code == 0


def temporaries(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob(f"*{TEMPORARY_MARK}*"))


def test_temporary_files_of_a_killed_pull_are_removed_by_the_next_run(project):
    edit_page(project, "Im Integrationskurs lernen Sie Deutsch", "Im Kurs lernen Sie Deutsch")
    before = snapshot(project / "po")
    killed = subprocess.run([sys.executable, "-c", PULL_KILLED_MID_WRITE, str(project)])
    assert killed.returncode == -signal.SIGKILL
    left = temporaries(project)
    assert len(left) == 1 and left[0].name.startswith(f".{Path(PAGE).name}.po{TEMPORARY_MARK}")
    after = snapshot(project / "po")
    assert {name: d for name, d in after.items() if TEMPORARY_MARK not in name} == before
    alive = project / "po" / "ar" / f".x.po{TEMPORARY_MARK}{os.getpid()}-00000000"
    alive.write_text("a write in progress\n", encoding="utf-8")

    result = run(project, "pull")
    assert result.exit_code == 0, result.output
    assert temporaries(project) == [alive]  # that of a running process is kept
    assert "1 changed" in result.output


def test_a_run_holding_the_lock_may_call_another_that_takes_it(project):
    with Project.load(project).lock("kisync sync"):
        with Project.load(project).lock("kisync pull"):
            pass
        assert (project / ".kisync" / "lock").read_bytes() != b""
