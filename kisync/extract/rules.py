"""What to extract from a page (plain data, cheap to import: a pull with nothing changed
builds it without loading the parser or the segmenter)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractRules:
    """What to extract; built from the project file."""

    content: str = "main"
    ignore: tuple[str, ...] = ()
    skip: tuple[str, ...] = ("pre", "code")
