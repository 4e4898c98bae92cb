"""Names of languages and countries, which every translation names in its own language.

*Arabisch* is *Arabic*, *العربية*, *Arapça*, *арабська*; *Deutschland* is *Germany*,
*ألمانيا*. Unicode's CLDR (through Babel) knows these names in every language, so a
German text and its translation can be matched on them even when nothing else in them
survives translation (a list of the languages a service offers, say).
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale, UnknownLocaleError

MIN_LENGTH = 4
"""Shorter names (*Ido*, *Tai*) would be found inside ordinary words."""
_ARABIC_PREFIX = "(?:و|ف|ب|ل|ك)?"


class NameFinder:
    """Finds CLDR language and country names in texts of one language."""

    def __init__(self, language: str) -> None:
        self.pattern, self.codes = _table(language.replace("-", "_"))

    def __call__(self, text: str) -> frozenset[str]:
        if self.pattern is None:
            return frozenset()
        return frozenset(self.codes[m.group(1).casefold()] for m in self.pattern.finditer(text))


@cache
def _table(language: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return None, {}
    codes: dict[str, str] = {}
    for kind, names in (("language", locale.languages), ("country", locale.territories)):
        for code, name in names.items():
            if len(name) >= MIN_LENGTH and not code.isdigit() and "_" not in code:
                codes.setdefault(name.casefold(), f"{kind}:{code}")
    if not codes:
        return None, {}
    # longest first, so that "Zentralkurdisch" wins over "Kurdisch"
    alternatives = "|".join(re.escape(name) for name in sorted(codes, key=len, reverse=True))
    prefix = _ARABIC_PREFIX if locale.language in ("ar", "fa", "ps", "ur", "ckb") else ""
    pattern = re.compile(rf"(?<![^\W\d_]){prefix}({alternatives})(?![^\W\d_]{{3}})", re.I)
    return pattern, codes
