"""Page bytes to text the way browsers decide the encoding."""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_CT_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_html(data: bytes, content_type: str = "") -> str:
    """Page bytes → text: byte-order mark, else Content-Type charset, else <meta>, else UTF-8."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    declared = _CT_CHARSET.search(content_type)
    codec = _codec(declared.group(1) if declared else None) or meta_codec(data)
    return data.decode(codec or "utf-8", errors="replace")


def meta_codec(data: bytes) -> str | None:
    """The Python codec the page's ``<meta charset>`` names (as browsers read it), if any."""
    meta = _META_CHARSET.search(data[:4096])
    return _codec(meta.group(1).decode("ascii")) if meta else None


def _codec(label: str | None) -> str | None:
    """Python codec for a charset label, with the WHATWG aliases browsers use."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"  # what browsers do, and what such pages really contain
    if name.startswith("utf-16"):
        return "utf-8"  # a <meta> cannot truthfully claim UTF-16 (HTML spec rule)
    return name
