"""A folder of German HTML pages: the embedded default and the demo portal.

``a/index.html`` and ``a.html`` both map to the key ``a``. Top-level folders named
after a target language (``en/``, ``ar/``) hold existing translations, not German
pages, and are skipped, as are hidden folders and paths matching ``exclude``.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import PortalError
from ..pagekeys import disambiguate
from .base import PageRef

HTML_SUFFIXES = (".html", ".htm")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


class FilesPortal:
    """Read German pages from ``folder``; locations are shown relative to ``project_root``."""

    def __init__(
        self,
        folder: Path,
        *,
        project_root: Path,
        exclude: Iterable[str] = (),
        language_folders: Iterable[str] = (),
    ) -> None:
        self.folder = Path(folder)
        self.project_root = Path(project_root)
        self.exclude = tuple(exclude)
        self.language_folders = {name.lower() for name in language_folders} | {
            name.lower().replace("_", "-") for name in language_folders
        }

    def pages(self) -> Iterator[PageRef]:
        if not self.folder.is_dir():
            raise PortalError(
                f"portal folder {self.folder} does not exist; check [portal] path in kisync.toml"
            )
        files = sorted(self._html_files())
        keys = disambiguate(files)
        refs = [self._ref(relative, keys[relative]) for relative in files]
        return iter(sorted(refs, key=lambda ref: ref.key))

    def read(self, page: PageRef) -> str:
        path = self.folder / page.url.lstrip("/")
        if page.url.endswith("/"):
            path = self._index_file(path)
        if not path.resolve().is_relative_to(self.folder.resolve()):
            raise PortalError(f"page {page.key!r} points outside {self.folder}", page=page.key)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise PortalError(f"cannot read {path}: {error.strerror}", page=page.key) from None
        return decode_html(data, str(path))

    def close(self) -> None:
        pass

    def _html_files(self) -> Iterator[str]:
        for directory, subdirs, files in os.walk(self.folder):
            relative_dir = Path(directory).relative_to(self.folder)
            subdirs[:] = sorted(
                name
                for name in subdirs
                if not name.startswith(".")
                and not (relative_dir == Path(".") and name.lower() in self.language_folders)
            )
            for name in files:
                if not name.lower().endswith(HTML_SUFFIXES) or name.startswith("."):
                    continue
                relative = (relative_dir / name).as_posix()
                if not self._excluded(relative):
                    yield relative

    def _excluded(self, relative: str) -> bool:
        return any(fnmatch.fnmatch(relative, pattern.lstrip("/")) for pattern in self.exclude)

    def _ref(self, relative: str, key: str) -> PageRef:
        path = self.folder / relative
        stat = path.stat()
        return PageRef(
            key=key,
            url=_url_path(relative),
            marker=f"{stat.st_mtime_ns}-{stat.st_size}",
            location=_display_path(path, self.project_root),
        )

    @staticmethod
    def _index_file(folder: Path) -> Path:
        for suffix in HTML_SUFFIXES:
            candidate = folder / f"index{suffix}"
            if candidate.exists():
                return candidate
        return folder / "index.html"


def decode_html(data: bytes, where: str) -> str:
    """Decode page bytes: UTF-8 (with or without BOM), else the charset the page declares."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        declared = _META_CHARSET.search(data[:2048])
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
        raise PortalError(
            f"{where}: not UTF-8 text (byte {error.start}); save the page as UTF-8"
        ) from None


def _url_path(relative: str) -> str:
    """The path the page is served under: ``a/index.html`` → ``/a/``."""
    name = relative.rsplit("/", 1)[-1].lower()
    if name in ("index.html", "index.htm"):
        return "/" + relative[: -len(name)]
    return "/" + relative


def _display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
