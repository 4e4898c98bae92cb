"""``kisync init``: write a commented starter ``kisync.toml`` for a folder or a URL."""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from .config import CONFIG_FILE
from .errors import ConfigError
from .languages import UnknownLanguage, get_language
from .util.shipped import glossary_path

log = logging.getLogger(__name__)

PortalKind = Literal["files", "crawl", "wordpress"]
DEFAULT_LANGUAGES = ("en", "ar", "fa", "tr", "uk", "ru")
GLOSSARY_FILE = "glossaries/integration.tbx"
"""Where ``kisync init`` puts the project's own copy of the shipped glossary."""

_HEAD = """\
# kisync project file. Reference: the README's "kisync.toml" section.
# Lines starting with # are comments.

# The language the portal is written in.
source_language = "de"
# The languages to translate into (ISO codes: en, ar, fa, fa_AF, tr, uk, ru, ps, ku, ckb, ti …).
languages = [{languages}]
"""

_PORTAL = {
    "files": """
[portal]
kind = "files"                 # a folder of German HTML pages
path = "{source}"
content = "main"               # CSS selector of each page's own text; menus and footer
                               # outside it go once into po/<language>/_site.po
""",
    "crawl": """
[portal]
kind = "crawl"                 # read the live site (read-only, politely)
url = "{source}"
content = "main"               # CSS selector of each page's own text
# exclude = ["/en/*", "/ar/*"] # URL paths not to read (existing translations)
# delay = 0.5                  # seconds between two requests
""",
    "wordpress": """
[portal]
kind = "wordpress"             # WordPress REST API, read and write
url = "{source}"
user = "kisync"                # the WordPress user kisync logs in as
password_env = "KISYNC_WP_PASSWORD"  # NAME of the environment variable holding an
                               # Application Password; never put the password here
""",
}

_TAIL = """
[catalogs]
path = "po"                    # po/templates/<page>.pot and po/<language>/<page>.po

[glossary]
# Words such as "Duldung" or "Jobcenter" with their approved translations: notes for
# translators in every PO file, checks in `kisync lint`, proposals in `kisync pretranslate`.
# kisync init copied its integration glossary here for you to edit (README: Glossary).
files = ["{glossary}"]

[publish]
min_completeness = 100         # percent of a page that must be translated before it goes live
target = "site"                # files/crawl portals: folder the translated pages are written to
"""


def starter_config(source: str, kind: PortalKind, languages: tuple[str, ...]) -> str:
    """The text of a starter project file."""
    codes = []
    for code in languages:
        try:
            codes.append(get_language(code).code)
        except UnknownLanguage as error:
            raise ConfigError.naming(f"{{languages}}: {error}", languages="languages") from None
    text = _HEAD.format(languages=", ".join(f'"{code}"' for code in codes))
    portal = _PORTAL[kind].format(source=source.replace('"', '\\"'))
    return text + portal + _TAIL.format(glossary=GLOSSARY_FILE)


def guess_kind(source: str, timeout: float = 5.0) -> PortalKind:
    """``files`` for a folder; for a URL ``wordpress`` if its REST API answers, else ``crawl``."""
    if urlsplit(source).scheme not in ("http", "https"):
        return "files"
    import requests

    try:
        response = requests.get(source.rstrip("/") + "/wp-json/", timeout=timeout)
        namespaces = response.json().get("namespaces", []) if response.ok else []
    except (requests.RequestException, json.JSONDecodeError, AttributeError) as error:
        log.info("no WordPress REST API at %s (%s); using the crawler", source, error)
        return "crawl"
    return "wordpress" if "wp/v2" in namespaces else "crawl"


@dataclass(frozen=True)
class StarterFiles:
    """What ``kisync init`` wrote: the project file first, then the glossary copy (if any)."""

    written: tuple[Path, ...]
    exit_code = 0

    def summary(self) -> str:
        return f"Wrote {' and '.join(map(str, self.written))}."

    def to_json(self) -> dict[str, object]:
        return {"written": [str(path) for path in self.written]}


def write_starter(
    folder: Path,
    source: str,
    *,
    kind: PortalKind | None = None,
    languages: tuple[str, ...] = DEFAULT_LANGUAGES,
    force: bool = False,
) -> StarterFiles:
    """Create ``folder/kisync.toml`` (refused when there is one, unless ``force``) and
    ``folder/glossaries/integration.tbx``, a copy of the shipped glossary, unless that
    file exists (it may hold the staff's own edits; ``force`` does not replace it).
    """
    path = Path(folder) / CONFIG_FILE
    if path.exists() and not force:
        raise ConfigError.naming(
            f"{path} already exists; edit it, or use {{force}} to replace it", force="force=True"
        )
    chosen = kind or guess_kind(source)
    text = starter_config(source, chosen, languages)
    written = []
    glossary = Path(folder) / GLOSSARY_FILE
    if not glossary.exists():
        glossary.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(glossary_path(), glossary)
        written.append(glossary)
    path.write_text(text, encoding="utf-8")
    return StarterFiles((path, *written))
