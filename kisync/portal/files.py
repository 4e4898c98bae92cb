"""A folder of German HTML pages: the embedded default and the demo portal.

``a/index.html`` and ``a.html`` both map to the key ``a``. Top-level folders named
after a target language (``en/``, ``ar/``) hold existing translations, not German
pages, and are skipped, as are hidden folders and paths matching ``exclude``.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import posixpath
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..catalog.keys import disambiguate
from ..errors import PortalError
from .base import PageRef
from .decoding import meta_codec

log = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm")


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
        self._resolved_folder: Path | None = None
        self._plain_files: dict[str, str] = {}
        """URL → file, for the pages :meth:`pages` found as plain files."""

    def pages(self) -> Iterator[PageRef]:
        if not self.folder.is_dir():
            raise PortalError(
                f"portal folder {self.folder} does not exist; check [portal] path in kisync.toml"
            )
        served = _one_file_per_url(self._html_files())
        keys = disambiguate(sorted(relative for relative, _ in served.values()))
        shown_folder = _display_path(self.folder, self.project_root)
        self._plain_files = {
            url: relative for url, (relative, entry) in served.items() if not entry.is_symlink()
        }
        refs = [
            self._ref(url, relative, keys[relative], entry, shown_folder)
            for url, (relative, entry) in served.items()
        ]
        return iter(sorted(refs, key=lambda ref: ref.key))

    def read(self, page: PageRef) -> str:
        path = self._page_file(page)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise PortalError(f"cannot read {path}: {error.strerror}", page=page.key) from None
        return decode_html(data, str(path))

    def _page_file(self, page: PageRef) -> Path:
        """The file behind ``page.url``, refused when it lies outside the portal folder.

        A page found by :meth:`pages` as a plain file is inside by construction. For
        others, ``..`` is caught on the text of the path and symbolic links are followed
        to check where they lead.
        """
        listed = self._plain_files.get(page.url)
        if listed is not None:
            return self.folder / listed
        relative = posixpath.normpath("./" + page.url.lstrip("/"))
        path = self.folder / relative
        if page.url.endswith("/"):
            path = self._index_file(path)
        if (
            relative == ".."
            or relative.startswith("../")
            or (_has_link(path, self.folder) and not self._inside(path.resolve()))
        ):
            raise PortalError(f"page {page.key!r} points outside {self.folder}", page=page.key)
        return path

    def _inside(self, resolved: Path) -> bool:
        if self._resolved_folder is None:
            self._resolved_folder = self.folder.resolve()
        return resolved.is_relative_to(self._resolved_folder)

    def close(self) -> None:
        pass

    def _html_files(self) -> Iterator[tuple[str, os.DirEntry[str]]]:
        """``(path relative to the folder, its directory entry)`` for every page file.

        Hidden entries, top-level language folders and excluded paths are left out;
        linked folders are not entered.
        """
        folders = [("", os.fspath(self.folder))]
        while folders:
            prefix, folder = folders.pop()
            with os.scandir(folder) as entries:
                for entry in entries:
                    name = entry.name
                    if name.startswith("."):
                        continue
                    relative = prefix + name
                    if entry.is_dir(follow_symlinks=False):
                        if prefix or name.lower() not in self.language_folders:
                            folders.append((f"{relative}/", entry.path))
                    elif name.lower().endswith(HTML_SUFFIXES) and not self._excluded(relative):
                        yield relative, entry

    def _excluded(self, relative: str) -> bool:
        return any(fnmatch.fnmatch(relative, pattern.lstrip("/")) for pattern in self.exclude)

    def _ref(
        self, url: str, relative: str, key: str, entry: os.DirEntry[str], shown_folder: str
    ) -> PageRef:
        try:
            stat = entry.stat()
            marker = f"{stat.st_mtime_ns}-{stat.st_size}"
        except OSError:  # a broken link: reading the page reports it
            marker = ""
        return PageRef(
            key=key,
            url=url,
            marker=marker,
            location=relative if shown_folder == "." else f"{shown_folder}/{relative}",
        )

    @staticmethod
    def _index_file(folder: Path) -> Path:
        for suffix in HTML_SUFFIXES:
            candidate = folder / f"index{suffix}"
            if candidate.exists():
                return candidate
        return folder / "index.html"


def _one_file_per_url(
    files: Iterable[tuple[str, os.DirEntry[str]]],
) -> dict[str, tuple[str, os.DirEntry[str]]]:
    """URL → (path relative to the folder, directory entry) of the page served there.

    ``index.htm`` is dropped where the same folder has ``index.html``: both would be
    served at the folder's URL, and a web server serves ``index.html``.
    """
    served: dict[str, tuple[str, os.DirEntry[str]]] = {}
    for relative, entry in sorted(files, key=lambda item: not item[0].lower().endswith(".html")):
        url = _url_path(relative)
        if url in served:
            log.warning(
                "%s is not a page of its own: %s is served at %s; rename or remove one of them",
                relative,
                served[url][0],
                url,
            )
            continue
        served[url] = (relative, entry)
    return served


def decode_html(data: bytes, where: str) -> str:
    """Decode page bytes: UTF-8 (with or without BOM), else the charset the page declares."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        declared = meta_codec(data)  # "iso-8859-1" is read as windows-1252, as browsers do
        if declared:
            try:
                return data.decode(declared)
            except UnicodeDecodeError:
                pass
        raise PortalError(
            f"{where}: not UTF-8 text (byte {error.start}); save the page as UTF-8"
        ) from None


def _has_link(path: Path, folder: Path) -> bool:
    """Whether ``path`` or a folder between it and ``folder`` is a symbolic link."""
    while path != folder and path != path.parent:
        if path.is_symlink():
            return True
        path = path.parent
    return False


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
