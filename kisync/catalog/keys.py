"""Page keys: the portal path of a page, made safe for every file system.

A page key names a page's catalogs (``po/templates/<key>.pot``, ``po/<lang>/<key>.po``)
and its published copy, so it must never escape the catalog folder, never collide on a
case-insensitive file system and never be a name Windows refuses.

>>> page_key("/Bildung-Sprache/Integrationskurse/")
'bildung-sprache/integrationskurse'
>>> page_key("beratung/index.html")
'beratung'
>>> page_key("/../../etc/passwd")
'etc/passwd'
>>> page_key("/")
'index'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

SITE_KEY = "_site"
"""Key of the catalog holding strings shared by every page (menu, footer)."""

_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_UNSAFE = re.compile(r"[^a-z0-9._-]+")
_PAGE_SUFFIX = re.compile(r"(?:^|/)index\.(?:html?|php)$|\.(?:html?|php)$")
_WINDOWS_RESERVED = re.compile(r"^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$")
_MAX_COMPONENT = 80
_ALREADY_SAFE = re.compile(r"[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?")


def page_key(path_or_url: str) -> str:
    """Return the catalog key for a page path (``a/b``, ``/a/b/``, ``a/index.html``) or URL."""
    path = unquote(urlsplit(path_or_url).path if "://" in path_or_url else path_or_url)
    path = path.split("?", 1)[0].split("#", 1)[0].replace("\\", "/").strip("/")
    path = _PAGE_SUFFIX.sub("", path)
    components = [_safe_component(part) for part in path.split("/")]
    key = "/".join(part for part in components if part)
    return key or "index"


def _safe_component(part: str) -> str:
    if (
        len(part) <= _MAX_COMPONENT
        and _ALREADY_SAFE.fullmatch(part)
        and "--" not in part
        and not _WINDOWS_RESERVED.match(part)
    ):
        return part  # the common case, and the slow path below would return it unchanged
    text = unicodedata.normalize("NFKC", part).lower().translate(_TRANSLITERATION)
    text = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    text = _UNSAFE.sub("-", text)
    text = re.sub(r"-{2,}", "-", text).strip("-._")
    if _WINDOWS_RESERVED.match(text):
        text += "_"
    if len(text) > _MAX_COMPONENT:
        digest = hashlib.sha1(text.encode()).hexdigest()[:8]
        text = f"{text[: _MAX_COMPONENT - 9]}-{digest}"
    return text


def disambiguate(paths: Iterable[str]) -> dict[str, str]:
    """Map each page path to a unique key.

    Paths that would share a key (``/Kita`` and ``/kita.html``) all get a suffix derived
    from their own path, so the result does not depend on the order pages are listed in.
    """
    paths = list(paths)
    by_key: dict[str, list[str]] = {}
    for path in paths:
        by_key.setdefault(page_key(path), []).append(path)
    keys: dict[str, str] = {}
    for key, group in by_key.items():
        clash = len(group) > 1
        for path in group:
            suffix = hashlib.sha1(path.encode()).hexdigest()[:6] if clash else ""
            keys[path] = f"{key}-{suffix}" if suffix else key
    return keys
