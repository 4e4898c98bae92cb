"""Language codes, names, text direction and plural forms.

Plural forms come from the gettext/Weblate convention (the ``weblate-language-data``
package), not from Babel: Babel's own table differs for ar, fa, tr and ti, and mixing
the two swaps Arabic plural forms in files translators already worked on.
Names come from Babel (CLDR), loaded only when a name is asked for: that costs ~50 ms,
and most commands (a ``pull`` with nothing changed) never show one.

>>> get_language("fa-af").code, get_language("fa-af").direction
('fa_AF', 'rtl')
>>> get_language("tr").plural_forms
'nplurals=2; plural=n != 1;'

Easy German has two private-use tags (see :data:`PRIVATE_USE`): ``de-x-ls`` (Leichte
Sprache) and ``de-x-es`` (Einfache Sprache). The registered variant ``simple``
("Simplified form") cannot tell the two apart; with a private-use subtag the primary
subtag stays ``de``, so screen readers read the page as German. They keep that spelling
everywhere (folders, the PO ``Language`` header, HTML ``lang``), have German plural forms
and direction, and are left out of ``hreflang`` alternates (search engines do not know
private-use tags).

>>> get_language("DE-X-LS").code, get_language("de-x-ls").native_name
('de-x-ls', 'Leichte Sprache')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Literal

from weblate_language_data.aliases import ALIASES
from weblate_language_data.languages import LANGUAGES
from weblate_language_data.rtl import RTL_LANGS

_CODE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{4}))?(?:[-_]([a-zA-Z]{2}|\d{3}))?$")
_SCRIPT_DIRECTION = {"arab": "rtl", "hebr": "rtl", "thaa": "rtl", "syrc": "rtl", "nkoo": "rtl"}


@dataclass(frozen=True)
class Language:
    """A target (or source) language as kisync uses it."""

    code: str
    """gettext form used for folders and the ``Language`` header: ``fa_AF``, ``sr_Latn``."""
    direction: Literal["ltr", "rtl"]
    nplurals: int
    plural: str

    @property
    def english_name(self) -> str:
        return self._names[0]

    @property
    def native_name(self) -> str:
        return self._names[1]

    @cached_property
    def _names(self) -> tuple[str, str]:
        return _names(self.code)

    @property
    def bcp47(self) -> str:
        """The form HTML ``lang`` attributes use: ``fa-AF``."""
        return self.code.replace("_", "-")

    @property
    def private_use(self) -> bool:
        """A private-use tag (``de-x-ls``): valid BCP 47, unknown to search engines."""
        return "-x-" in self.code

    @property
    def plural_forms(self) -> str:
        """The value of a PO header's ``Plural-Forms`` field."""
        return f"nplurals={self.nplurals}; plural={self.plural};"


PRIVATE_USE: dict[str, tuple[str, str]] = {
    "de-x-ls": ("German (Easy Language)", "Leichte Sprache"),
    "de-x-es": ("German (Plain Language)", "Einfache Sprache"),
}
"""Private-use tags kisync knows → (English name, native name). Easy German: the same
language as ``de`` for screen readers, plural forms and direction."""


def normalize_code(code: str) -> str:
    """Canonical gettext spelling of a language tag: ``FA-af`` → ``fa_AF``."""
    if "-x-" in code.lower():
        return code.strip().lower()
    match = _CODE.match(code.strip())
    if not match:
        return code.strip()
    language, script, region = match.groups()
    parts = [language.lower()]
    if script:
        parts.append(script.title())
    if region:
        parts.append(region.upper())
    return "_".join(parts)


class UnknownLanguage(ValueError):
    """The code is neither in CLDR (Babel) nor in the gettext/Weblate language table."""

    def __init__(self, code: str) -> None:
        import difflib

        close = difflib.get_close_matches(code.lower(), _weblate_table(), n=3, cutoff=0.6)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        super().__init__(f"unknown language code {code!r}{hint}")
        self.code = code
        self.suggestions = close


@cache
def get_language(code: str) -> Language:
    """Look up a language by code; raise :class:`UnknownLanguage` if nobody knows it."""
    canonical = normalize_code(code)
    if canonical in PRIVATE_USE:
        return _private_use(canonical)
    known = canonical.lower() in _weblate_table() or canonical.lower() in ALIASES
    if not known and _babel_locale(canonical) is None:
        raise UnknownLanguage(code)
    entry = _plural_entry(canonical)
    if entry is None:
        nplurals, plural = _babel_plural(canonical)
    else:
        nplurals, plural = entry[2], entry[3]
    return Language(canonical, direction=_direction(canonical), nplurals=nplurals, plural=plural)


def _private_use(code: str) -> Language:
    """A private-use tag of :data:`PRIVATE_USE`, checked by ``langcodes``; the rest (plural
    forms, direction) is its primary language's."""
    import langcodes

    if not langcodes.tag_is_valid(code):
        raise UnknownLanguage(code)
    base = get_language(langcodes.Language.get(code).language)
    return Language(code, direction=base.direction, nplurals=base.nplurals, plural=base.plural)


@cache
def _weblate_table() -> dict[str, tuple[str, str, int, str]]:
    return {row[0].lower(): row for row in LANGUAGES}


def _candidates(code: str) -> list[str]:
    """The code itself, its Weblate alias, and its language without region/script."""
    lowered = code.lower()
    found = [lowered]
    if lowered in ALIASES:
        found.append(ALIASES[lowered].lower())
    base = lowered.split("_", 1)[0]
    if base != lowered:
        found.append(ALIASES.get(base, base).lower())
    return found


def _plural_entry(code: str) -> tuple[str, str, int, str] | None:
    table = _weblate_table()
    for candidate in _candidates(code):
        if candidate in table:
            return table[candidate]
    return None


def _direction(code: str) -> Literal["ltr", "rtl"]:
    parts = code.split("_")
    scripts = [part.lower() for part in parts[1:] if len(part) == 4]
    if scripts:
        # Babel drops the script of ``ku_Arab`` and answers "ltr"; trust the script.
        return "rtl" if _SCRIPT_DIRECTION.get(scripts[0]) == "rtl" else "ltr"
    rtl = {lang.lower() for lang in RTL_LANGS}
    return "rtl" if any(candidate in rtl for candidate in _candidates(code)) else "ltr"


def _babel_locale(code: str):  # -> babel.Locale | None
    from babel import Locale, UnknownLocaleError

    for candidate in (code, ALIASES.get(code.lower(), ""), _BABEL_ALIASES.get(code.lower(), "")):
        if not candidate:
            continue
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return None


# Spellings of one language that the gettext/Weblate alias table does not join: ``ku``
# is the Kurdish macrolanguage, but portals and Weblate projects write it for Kurmanji
# (Sorani is ``ckb``); ``fa_AF`` is how CLDR writes Dari (``prs``).
_SAME_LANGUAGE = {"ku": "kmr", "ku_latn": "kmr", "kmr_latn": "kmr", "fa_af": "prs"}


@cache
def language_key(code: str) -> str:
    """One spelling for every code of the same language: ``ku``, ``kmr``, ``KMR`` →
    ``kmr``; ``prs``, ``fa-AF`` → ``prs``; ``tur`` → ``tr``. A glossary written with one
    and a project written with another still meet.

    >>> language_key("ku") == language_key("kmr"), language_key("fa-AF") == language_key("prs")
    (True, True)
    >>> language_key("fa") == language_key("prs"), language_key("ckb") == language_key("kmr")
    (False, False)
    """
    lowered = normalize_code(code).lower()
    lowered = ALIASES.get(lowered, lowered).lower()
    return _SAME_LANGUAGE.get(lowered, lowered)


# Codes Weblate and BCP 47 use that Babel (CLDR) does not know.
_BABEL_ALIASES = {"prs": "fa_AF", "kmr": "ku"}
# Where CLDR's name would confuse the people choosing a language.
_NAME_OVERRIDES = {"prs": ("Dari", "دری"), "kmr": ("Kurdish (Kurmanji)", "Kurmancî")}


def _names(code: str) -> tuple[str, str]:
    """English and native name: CLDR's, else the English name of the gettext table."""
    if code in PRIVATE_USE:
        return PRIVATE_USE[code]
    names = _babel_names(code)
    if names is None:
        entry = _plural_entry(code)
        names = (entry[1], entry[1]) if entry else (code, code)
    return names


def _babel_names(code: str) -> tuple[str, str] | None:
    locale = _babel_locale(code)
    if locale is None:
        return None
    if code.lower() in _NAME_OVERRIDES:
        return _NAME_OVERRIDES[code.lower()]
    english = locale.get_display_name("en") or code
    return english, locale.get_display_name() or english


def _babel_plural(code: str) -> tuple[int, str]:
    from babel.messages.plurals import get_plural

    plural = get_plural(code)
    return plural.num_plurals, plural.plural_expr
