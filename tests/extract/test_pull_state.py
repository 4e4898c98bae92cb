"""``.kisync/pull-state.json``: what a pull remembers survives saving and loading."""

from __future__ import annotations

import json

import polib

from kisync.extract.pull_state import STATE_VERSION, PullState


def site(*lines: str) -> list[polib.POEntry]:
    texts = ("Hauptmenü", "Impressum", "Kontakt")
    return [
        polib.POEntry(msgid=text, comment="link", occurrences=[("", line)])
        for text, line in zip(texts, lines, strict=False)
    ]


def test_site_strings_keep_their_line_on_each_page(tmp_path):
    path = tmp_path / "pull-state.json"
    state = PullState(path)
    state.record("a", "m1", "portal/a.html", site("10", "11", "40"))
    state.record("b", "m2", "portal/b.html", site("12", "13"))
    state.save()

    loaded, warning = PullState.load(path)
    assert warning is None and loaded.unchanged("a", "m1") and not loaded.unchanged("b", "m1")
    entries = {entry.msgid: entry.occurrences for entry in loaded.site_entries()}
    assert entries == {
        "Hauptmenü": [("portal/a.html", "10"), ("portal/b.html", "12")],
        "Impressum": [("portal/a.html", "11"), ("portal/b.html", "13")],
        "Kontakt": [("portal/a.html", "40")],
    }


def test_state_of_another_version_is_ignored(tmp_path):
    path = tmp_path / "pull-state.json"
    old = {"version": STATE_VERSION - 1, "pages": {"a": {"marker": "m1", "site_lines": ["1"]}}}
    path.write_text(json.dumps(old), encoding="utf-8")
    state, warning = PullState.load(path)
    assert warning is None and state.pages == {}  # every page is read again
