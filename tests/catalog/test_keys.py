"""Page keys: portal paths made safe for every file system."""

from __future__ import annotations

import pytest

from kisync.catalog.keys import disambiguate, page_key


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("a/index.html", "a"),
        ("a.html", "a"),
        ("/a/", "a"),
        ("index.html", "index"),
        ("/", "index"),
        (
            "https://www.example.de/Bildung-Sprache/Integrationskurse/?p=1#top",
            "bildung-sprache/integrationskurse",
        ),
        ("/gesundheit/%C3%84rzte%20finden/", "gesundheit/aerzte-finden"),
        ("/Straße/Übersicht.htm", "strasse/uebersicht"),
        ("/../../etc/passwd", "etc/passwd"),
        ("..\\..\\windows\\system32", "windows/system32"),
        ("/con/aux.html", "con_/aux_"),
        ("/_site/", "site"),
        ("/.hidden/./page.php", "hidden/page"),
    ],
)
def test_page_key(path, key):
    assert page_key(path) == key


def test_long_components_are_shortened_stably():
    key = page_key("/" + "sehr-lang-" * 30)
    assert len(key) <= 80 and key == page_key("/" + "sehr-lang-" * 30)


def test_collisions_get_suffixes_independent_of_order():
    paths = ["Kita/index.html", "kita.html", "schule.html"]
    forward = disambiguate(paths)
    backward = disambiguate(list(reversed(paths)))
    assert forward == backward
    assert forward["schule.html"] == "schule"
    assert len({forward["Kita/index.html"], forward["kita.html"]}) == 2
    assert all(forward[p].startswith("kita-") for p in paths[:2])
