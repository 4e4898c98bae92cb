"""Portal → catalogs: the HTML parser with source offsets, CSS selectors, the segmenter
(HTML → segments), and :mod:`~kisync.extract.pull`, which runs them over the portal's
pages and merges the result into the catalogs (its state in ``pull_state``).

The names below are loaded on first use, so that a pull with nothing changed imports
:mod:`kisync.extract.pull` without the parser and the segmenter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .htmltree import Document, Element, parse_html
    from .rules import ExtractRules
    from .segmenter import extract_page

__all__ = ["Document", "Element", "ExtractRules", "extract_page", "parse_html"]

_HOMES = {
    "Document": "htmltree",
    "Element": "htmltree",
    "parse_html": "htmltree",
    "ExtractRules": "rules",
    "extract_page": "segmenter",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
