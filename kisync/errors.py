"""The exceptions kisync raises.

Every error a user can cause (a bad project file, an unreadable catalog, a portal
that answers 500) is a :class:`KisyncError`. Its message is one line that says what
went wrong and where, and ideally what to do next. The CLI prints that line and exits
with code 2; library callers can catch the subclasses they care about.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Self


class KisyncError(Exception):
    """Base class: a problem with the user's input or environment, not a bug.

    A message may name a parameter that changes the outcome (``force``): made with
    :meth:`naming`, the message says it as a library call gives it (``force=True``), and
    :meth:`naming_options` lets a command line say it as its own option (``--force``).
    """

    exit_code = 2
    template = ""
    """The message with ``{name}`` where it names a parameter (empty: it names none)."""
    options: Mapping[str, str] = MappingProxyType({})
    """Name → how a library call gives that parameter, for each ``{name}`` of the template."""

    @classmethod
    def naming(cls, template: str, **options: str) -> Self:
        """The error whose message is ``template`` with each ``{name}`` spelled as in
        ``options`` (``naming("… use {force} to replace it", force="force=True")``)."""
        error = cls(_spelled(template, options))
        error.template = template
        error.options = MappingProxyType(options)
        return error

    def naming_options(self, spellings: Mapping[str, str]) -> str:
        """The message with the parameters it names spelled as in ``spellings`` (a command
        line's options: ``{"force": "--force"}``); the others as a library call gives them."""
        if not self.template:
            return str(self)
        return _spelled(self.template, {**self.options, **spellings})


def _spelled(template: str, spellings: Mapping[str, str]) -> str:
    """``template`` with ``{name}`` replaced by ``spellings[name]`` (other braces kept as
    they are: a message may quote a file name or a selector that has some)."""
    return re.sub(r"\{(\w+)\}", lambda m: spellings.get(m.group(1), m.group(0)), template)


class ConfigError(KisyncError):
    """``kisync.toml`` is missing, malformed or has an invalid value."""


class CatalogError(KisyncError):
    """A PO/POT file cannot be read; it is left exactly as it is."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {problem}")


class ExtractError(KisyncError):
    """A page's HTML cannot be segmented."""


class PortalError(KisyncError):
    """The portal could not be reached or answered with an error."""

    def __init__(self, message: str, *, url: str | None = None, page: str | None = None) -> None:
        self.url = url
        self.page = page
        super().__init__(message)


class SelectionError(KisyncError):
    """A language or page chosen (``option``: ``"lang"`` or ``"page"``) that the project
    does not have. ``message`` has ``{}`` where the choice is named, so that a command
    line can name it as its option: :meth:`naming_options`."""

    def __init__(self, option: str, choice: str, message: str) -> None:
        self.option = option
        self.choice = choice
        self.message = message
        super().__init__(message.replace("{}", choice, 1))

    def naming_options(self, spellings: Mapping[str, str] = MappingProxyType({})) -> str:
        """The message with the choice given as a command-line option (``--lang ar``)."""
        return self.message.replace("{}", f"--{self.option} {self.choice}", 1)


class GlossaryError(KisyncError):
    """A glossary file is malformed or unsafe."""


class FileSystemError(KisyncError, OSError):
    """A file or folder could not be read or written (disk full, no permission …).

    Also an :class:`OSError`, so code that tolerates a failed write (a cache) still does.
    """

    @classmethod
    def of(cls, error: OSError, doing: str, path: Path | str | None = None) -> FileSystemError:
        """``cannot write po/ar/x.po: No space left on device; free some disk space …``."""
        return cls(describe_os_error(error, doing, path))


_ADVICE = {
    errno.ENOSPC: "free some disk space, then run the command again",
    errno.EDQUOT: "free some space within your disk quota, then run the command again",
    errno.EACCES: "check that you may write there (owner and permissions), then run it again",
    errno.EPERM: "check that you may write there (owner and permissions), then run it again",
    errno.EROFS: "the disk is mounted read-only; use a writable copy of the project",
    errno.EMFILE: "too many files are open; close some programs and run the command again",
    errno.EIO: "the disk reported a fault; check it before running the command again",
}


def describe_os_error(
    error: OSError, doing: str | None = None, path: Path | str | None = None
) -> str:
    """One line for an operating-system error: what failed, on which file, what to do."""
    where = path if path is not None else error.filename
    problem = error.strerror or str(error)
    advice = _ADVICE.get(error.errno or 0, "check the file and the disk, then run it again")
    if where is None:
        return f"{problem}; {advice}"
    return (
        f"cannot {doing} {where}: {problem}; {advice}" if doing else f"{where}: {problem}; {advice}"
    )
