"""Debian's real chromium, headless: the judge of whether an HTML page renders.

Tests that need it are marked ``browser``. Without chromium they are skipped, with the
reason, unless KISYNC_REQUIRE_BROWSER=1 (set by `.ci/run`, which installs it): then
they fail.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
"""(``--blink-settings=scriptEnabled=false`` would be nice, but headless chromium then
neither dumps the DOM nor takes screenshots; pages under test carry a CSP instead.)"""


REQUIRE_ENV = "KISYNC_REQUIRE_BROWSER"


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    missing = "chromium is not installed: apt-get install chromium"
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{missing}; {REQUIRE_ENV}=1 requires it")
    pytest.skip(missing)


def _run(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile.mkdir(parents=True, exist_ok=True)
    command = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def dump_dom(url: str, profile: Path) -> str:
    """The document as the browser built it."""
    return _run(profile, "--dump-dom", url).stdout


def screenshot(url: str, png: Path, profile: Path, size: tuple[int, int] = (1280, 1600)) -> None:
    _run(profile, f"--window-size={size[0]},{size[1]}", f"--screenshot={png}", url)
    assert png.is_file(), f"chromium wrote no screenshot {png}"


def png_size(png: Path) -> tuple[int, int]:
    """Width and height from a PNG's header (and proof that it is a PNG)."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])
