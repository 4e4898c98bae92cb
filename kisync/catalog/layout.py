"""The catalogs on disk: ``templates/<key>.pot`` and ``<language>/<key>.po`` in one folder."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import KisyncError
from ..languages import Language, get_language
from ..util.fsutil import Signature, signature

TEMPLATES = "templates"
"""The folder of the templates, below the catalog folder."""

_SAFE_KEY = re.compile(r"^[a-z0-9_][a-z0-9._-]*(?:/[a-z0-9][a-z0-9._-]*)*$")


@dataclass(frozen=True)
class CatalogLayout:
    """Where each page's template and catalogs are, for ``languages`` (codes)."""

    folder: Path
    languages: Sequence[str]

    def target_languages(self) -> tuple[Language, ...]:
        """The languages of :attr:`languages`, in that order."""
        return tuple(get_language(code) for code in self.languages)

    def template_path(self, key: str) -> Path:
        return self.folder / TEMPLATES / f"{_checked(key)}.pot"

    def catalog_path(self, language: str, key: str) -> Path:
        return self.folder / language / f"{_checked(key)}.po"

    def page_keys(self) -> list[str]:
        """Keys of all pages with a template in the catalog folder (``_site`` included), sorted."""
        keys = _keys_in(self.folder / TEMPLATES, ".pot")
        return sorted(key for key in keys if _SAFE_KEY.match(key))

    def scan(self) -> CatalogScan:
        """Every template and language catalog on disk, with its signature.

        One walk per folder instead of a file-system lookup per page and language: a
        pull with nothing changed spends much of its time here. Symbolic links to files
        are followed (the signature is the linked file's).
        """
        folders = {TEMPLATES: ".pot"} | dict.fromkeys(self.languages, ".po")
        signatures = {
            name: {key: _signature(entry) for key, entry in _files_in(self.folder / name, suffix)}
            for name, suffix in folders.items()
        }
        complete = set(signatures[TEMPLATES])
        for code in self.languages:
            complete &= signatures[code].keys()
        return CatalogScan(complete, signatures)


@dataclass(frozen=True)
class CatalogScan:
    """What :meth:`CatalogLayout.scan` found on disk."""

    complete: set[str]
    """Keys of the pages whose template and every language catalog exist."""
    signatures: dict[str, dict[str, Signature]]
    """``templates`` or language code -> page key -> the file's signature."""


def _signature(entry: os.DirEntry[str]) -> Signature:
    try:
        return signature(entry.stat())
    except OSError:  # a broken link: reading the catalog reports it
        return ""


def _keys_in(folder: Path, suffix: str) -> set[str]:
    """Page keys of the files ending in ``suffix`` below ``folder`` (none if it is missing)."""
    return {key for key, _ in _files_in(folder, suffix)}


def _files_in(folder: Path, suffix: str) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """(page key, directory entry) of each file ending in ``suffix`` below ``folder``.

    ``os.scandir`` rather than ``Path.rglob`` (4x faster); symbolic links to folders
    are not followed, and a missing folder holds no files.
    """
    folders = [(str(folder), "")]
    while folders:
        directory, prefix = folders.pop()
        try:
            with os.scandir(directory) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        folders.append((entry.path, f"{prefix}{entry.name}/"))
                    elif entry.name.endswith(suffix):
                        yield prefix + entry.name[: -len(suffix)], entry
        except (FileNotFoundError, NotADirectoryError):
            continue


def _checked(key: str) -> str:
    """Refuse keys that could leave the catalog folder (they come from the portal)."""
    if not _SAFE_KEY.match(key) or ".." in key.split("/"):
        raise KisyncError(f"unsafe page key {key!r}: it must be a relative path without '..'")
    return key
