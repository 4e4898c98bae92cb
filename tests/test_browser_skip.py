"""Browser tests on a machine without chromium: skipped with the reason, unless required."""

from __future__ import annotations

import pytest
from support.browser import REQUIRE_ENV, chromium


@pytest.fixture
def no_chromium(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))


def test_without_chromium_browser_tests_are_skipped_with_the_reason(no_chromium, monkeypatch):
    monkeypatch.delenv(REQUIRE_ENV, raising=False)
    with pytest.raises(pytest.skip.Exception, match="chromium is not installed: apt-get install"):
        chromium()


def test_when_the_browser_is_required_a_missing_chromium_fails(no_chromium, monkeypatch):
    monkeypatch.setenv(REQUIRE_ENV, "1")
    with pytest.raises(pytest.fail.Exception, match=f"{REQUIRE_ENV}=1 requires it"):
        chromium()
