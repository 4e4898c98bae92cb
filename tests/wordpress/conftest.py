"""Fixtures for tests against the throwaway WordPress (scripts/wordpress-dev.sh).

``wordpress_server`` starts one private instance per test session (its own folder and
port, so a developer's running instance is never touched); ``wordpress`` hands it to a
test after restoring the freshly installed database, so every test starts from the
same empty site and the same post ids. Without the Debian packages the tests are
skipped, unless KISYNC_REQUIRE_WORDPRESS=1 (set by .ci/run): then they fail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from support.httpserver import unused_port
from support.wordpress import (
    REQUIRE_ENV,
    WordPress,
    WordPressUnavailable,
    polylang_folder,
    start_wordpress,
)


@pytest.fixture(scope="session")
def wordpress_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordPress]:
    try:
        server = start_wordpress(tmp_path_factory.mktemp("wordpress"), unused_port())
    except WordPressUnavailable as error:
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{error}; {REQUIRE_ENV}=1 requires a real WordPress")
        pytest.skip(str(error))
    yield server
    server.stop()


@pytest.fixture
def wordpress(wordpress_server: WordPress) -> WordPress:
    """The session's WordPress, reset to the freshly installed site, bridge plugin off."""
    wordpress_server.set_bridge(False)
    wordpress_server.restore()
    return wordpress_server


@pytest.fixture(scope="session")
def polylang_snapshot(wordpress_server: WordPress) -> str:
    """A snapshot of the fresh site with Polylang active and languages de, en, ar."""
    folder = polylang_folder()
    if folder is None:
        pytest.skip(
            "Polylang is not in ../shared/vendor/wordpress-plugins/polylang"
            " (KISYNC_SHARED_DIR names another folder than ../shared)"
        )
    wordpress_server.restore()
    wordpress_server.install_polylang(folder)
    wordpress_server.snapshot("polylang")
    return "polylang"


@pytest.fixture
def polylang(wordpress_server: WordPress, polylang_snapshot: str) -> WordPress:
    """The session's WordPress with Polylang (de, en, ar) and the bridge plugin."""
    wordpress_server.set_bridge(True)
    wordpress_server.restore(polylang_snapshot)
    return wordpress_server
