"""The built wheel works without the checkout: package data, version (``package`` marker).

scripts/smoke-wheel.sh (run by .ci/run) goes further: sdist, a clean virtualenv, the demo.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.package


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout, unpacked as pip installs it (a pure wheel)."""
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("kisync-*.whl")
    site = tmp_path_factory.mktemp("site-packages")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def run_installed(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m kisync ARGS`` with the unpacked wheel first on sys.path, far from the checkout."""
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_the_wheel_carries_the_glossary_and_the_bridge_plugin(installed_wheel, tmp_path):
    where = run_installed(installed_wheel, tmp_path, "-c", "import kisync; print(kisync.__file__)")
    assert where.stdout.startswith(str(installed_wheel)), where.stdout + where.stderr
    data = installed_wheel / "kisync" / "data"
    for shipped, original in [
        ("integration.tbx", "glossaries/integration.tbx"),
        ("kisync-bridge.php", "contrib/wordpress/kisync-bridge.php"),
    ]:
        assert (data / shipped).read_bytes() == (ROOT / original).read_bytes()

    match_command = ["-m", "kisync", "glossary", "match", "--format", "json", "Integrationskurs"]
    match = run_installed(installed_wheel, tmp_path, *match_command)
    assert match.returncode == 0, match.stderr
    assert [item["concept"] for item in json.loads(match.stdout)] == ["integrationskurs"]


def test_the_wheel_says_its_version(installed_wheel, tmp_path):
    result = run_installed(installed_wheel, tmp_path, "-m", "kisync", "--version")
    assert result.stdout == f"kisync, version {importlib.metadata.version('kisync')}\n"
