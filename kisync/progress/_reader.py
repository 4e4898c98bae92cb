"""Reading a whole PO file with line numbers, for the counts the fast scanner cannot
make and for the QA checks. Every failure becomes a one-line :class:`CatalogError`."""

from __future__ import annotations

import re
from pathlib import Path

import polib

from ..errors import CatalogError

_LINE = re.compile(r"\(line (\d+)\)")


def read_catalog(path: Path) -> polib.POFile:
    if not path.is_file():  # polib would parse the path itself as PO text
        raise CatalogError(path, "file not found")
    try:
        return polib.pofile(str(path), wrapwidth=0)
    except UnicodeDecodeError as error:
        raise CatalogError(path, f"not valid in its declared charset ({error.reason})") from None
    except (OSError, ValueError) as error:
        message = str(error)
        line = _LINE.search(message)
        problem = message.split(" in po file")[0] if "in po file" in message else message
        detail = message.rsplit(":", 1)[1].strip() if "):" in message else ""
        problem = f"{problem.lower()}{': ' + detail if detail else ''}"
        raise CatalogError(path, problem, int(line.group(1)) if line else None) from None
