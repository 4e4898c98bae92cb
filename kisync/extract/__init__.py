"""HTML → segments: the parser with source offsets, CSS selectors and the segmenter."""

from .htmltree import Document, Element, parse_html
from .segmenter import ExtractRules, extract_page

__all__ = ["Document", "Element", "ExtractRules", "extract_page", "parse_html"]
