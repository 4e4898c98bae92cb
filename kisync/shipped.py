"""Files shipped inside the kisync package: the integration glossary and the WordPress
bridge plugin, found with :mod:`importlib.resources` wherever kisync is installed.

Their one copy in git stays where people edit and look for it (``glossaries/`` and
``contrib/wordpress/`` at the top of the repository); ``kisync/data/`` holds symbolic
links to them, which the sdist and the wheel carry as the files themselves.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

GLOSSARY = "integration.tbx"
BRIDGE_PLUGIN = "kisync-bridge.php"


def shipped_path(name: str) -> Path:
    """The installed file ``kisync/data/<name>``.

    pip installs kisync as plain files (never as a zip), so the resource is a real path
    that other programs and ``open`` can use.
    """
    return Path(os.fspath(files(__package__).joinpath("data", name)))


def glossary_path() -> Path:
    """The shipped integration glossary (``glossaries/integration.tbx`` in the repository)."""
    return shipped_path(GLOSSARY)


def bridge_plugin_path() -> Path:
    """The WordPress bridge plugin (``contrib/wordpress/kisync-bridge.php`` in the repository)."""
    return shipped_path(BRIDGE_PLUGIN)
