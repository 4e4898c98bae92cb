"""Choosing languages and pages (``--lang``, ``--page``), the same way in every command."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..errors import KisyncError, SelectionError
from ..languages import Language, UnknownLanguage, get_language

if TYPE_CHECKING:
    from ..catalog.layout import CatalogLayout


def select_languages(
    languages: Sequence[Language], codes: Iterable[str] = ()
) -> tuple[Language, ...]:
    """The project's ``languages``, or those of ``codes`` (which must be among them)."""
    codes = list(codes)
    if not codes:
        return tuple(languages)
    known = {lang.code: lang for lang in languages}
    chosen: list[Language] = []
    for code in codes:
        try:
            language = get_language(code)
        except UnknownLanguage as error:
            raise SelectionError("lang", code, f"{{}}: {error}") from None
        if language.code not in known:
            raise SelectionError(
                "lang",
                code,
                f"{{}}: not a language of this project; kisync.toml lists: {', '.join(known)}",
            )
        if language not in chosen:
            chosen.append(language)
    return tuple(chosen)


def select_pages(catalogs: CatalogLayout, patterns: Iterable[str] = ()) -> list[str]:
    """Keys of the pages that have a template, limited to ``patterns`` (shell-style)."""
    keys = catalogs.page_keys()
    if not keys:
        raise KisyncError(
            f"no catalogs in {catalogs.template_path('x').parent}; run `kisync pull` first"
        )
    return matching(keys, patterns)


def matching(keys: list[str], patterns: Iterable[str] = ()) -> list[str]:
    """The page keys that match a ``--page`` pattern (all without patterns); a pattern
    that matches nothing is a mistake worth one clear line."""
    patterns = list(patterns)
    if not patterns:
        return keys
    for pattern in patterns:
        if not any(fnmatch.fnmatchcase(key, pattern) for key in keys):
            sample = ", ".join(keys[:5])
            raise SelectionError(
                "page", repr(pattern), f"no page matches {{}}; page keys look like: {sample}"
            )
    return [key for key in keys if any(fnmatch.fnmatchcase(key, p) for p in patterns)]
