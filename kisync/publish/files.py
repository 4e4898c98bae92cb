"""The files target: translated pages as a static site, ``site/<lang>/<page path>``.

The German page ``/bildung-sprache/integrationskurse/`` (served from
``…/integrationskurse/index.html``) is published in English as
``site/en/bildung-sprache/integrationskurse/index.html`` and linked as
``/en/bildung-sprache/integrationskurse/``: deploy ``site/<lang>/`` next to the German
pages. Files are written atomically (a temporary file renamed into place), so a reader
never sees half a page. A file's fingerprint is the sha256 of its bytes: a file edited
by hand since kisync wrote it is a conflict, exactly like a page edited in WordPress.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..errors import PortalError
from ..languages import Language
from ..portal.base import PageRef
from ..util.fsutil import create_temporary, remove_stale_temporaries
from .target import Published, RenderedPage

_PAGE_SUFFIXES = (".html", ".htm")


def language_folder(language: Language) -> str:
    """The URL and folder name of a language: lower-case BCP 47 (``en``, ``fa-af``)."""
    return language.bcp47.lower()


class FilesTarget:
    """Publish to a folder; see the module documentation."""

    concurrency = 1
    standalone = True
    shortcodes = False

    def __init__(self, folder: Path, *, name: str | None = None) -> None:
        self.folder = Path(folder)
        self.name = name or f"files:{self.folder.resolve()}"

    def address(self, language: Language, source: PageRef) -> str:
        return f"/{language_folder(language)}/{_page_path(source)}"

    def content_hash(self, page: RenderedPage) -> str:
        return page.content_hash

    def current(
        self, language: Language, source: PageRef, previous: Published | None
    ) -> Published | None:
        relative = previous.remote_id if previous else self._relative(language, source)
        return self._found(relative, self.address(language, source), source.key)

    def survey(self, published: Sequence[Published]) -> dict[str, Published]:
        found = (self._found(record.remote_id, record.url) for record in published)
        return {record.remote_id: record for record in found if record is not None}

    def content(self, language: Language, published: Published) -> str | None:
        try:
            return self._path(published.remote_id).read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return None

    def write(
        self, language: Language, page: RenderedPage, previous: Published | None
    ) -> Published:
        relative = self._relative(language, page.source)
        if previous is not None and previous.remote_id != relative:
            self._delete(previous.remote_id)  # the German page moved; so does its translation
        data = page.html.encode("utf-8")
        path = self._path(relative)
        try:
            _atomic_write(path, data)
        except OSError as error:
            raise PortalError(f"cannot write {path}: {error.strerror}", page=page.key) from None
        digest = hashlib.sha256(data).hexdigest()
        return Published(
            relative, digest, self.address(language, page.source), digest, _modified(path)
        )

    def remove(self, language: Language, source: PageRef, previous: Published) -> None:
        self._delete(previous.remote_id)

    def prepare(
        self,
        languages: Sequence[Language],
        *,
        create_languages: bool = False,
        dry_run: bool = False,
    ) -> list[str]:
        """Before a push: remove the temporary files a killed push left in the folder."""
        if not dry_run:
            remove_stale_temporaries([self.folder])
        return []

    def close(self) -> None:
        pass

    def _found(self, relative: str, url: str, key: str = "") -> Published | None:
        """The file at ``relative`` as a record, or None when it is not there."""
        path = self._path(relative)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise PortalError(f"cannot read {path}: {error.strerror}", page=key) from None
        digest = hashlib.sha256(data).hexdigest()
        return Published(relative, digest, url, digest, _modified(path))

    # -- paths ---------------------------------------------------------------------

    def _relative(self, language: Language, source: PageRef) -> str:
        path = _page_path(source)
        if not path or path.endswith("/"):
            path += "index.html"
        return f"{language_folder(language)}/{path}"

    def _path(self, relative: str) -> Path:
        """The file for a relative path; refuses anything that would leave the folder."""
        parts = relative.split("/")
        if any(part in ("", ".", "..") or "\\" in part or "\x00" in part for part in parts):
            raise PortalError(f"unsafe output path {relative!r}; delete .kisync/publish-state.json")
        return self.folder.joinpath(*parts)

    def _delete(self, relative: str) -> None:
        path = self._path(relative)
        path.unlink(missing_ok=True)
        language_root = self.folder / PurePosixPath(relative).parts[0]
        for parent in path.parents:
            if parent == language_root or not parent.is_relative_to(self.folder):
                break
            try:
                parent.rmdir()  # only when empty
            except OSError:
                break


def _page_path(source: PageRef) -> str:
    """The German page's path below the site root, safe as a file path: ``a/b/`` or
    ``a/b.html``. Falls back to the page key when the URL has odd components or a
    query (``/?page_id=12`` → ``page_id-12/``: pages its query selects stay apart)."""
    raw = urlsplit(source.url).path if "://" in source.url else source.url.split("?")[0]
    parts = [unquote(part) for part in raw.split("/")]
    parts = [part for part in parts if part not in ("", ".")]
    odd = any(part == ".." or "\\" in part or "\x00" in part or "/" in part for part in parts)
    if odd or urlsplit(source.url).query:
        parts = source.key.split("/")
    if not parts:
        return ""
    path = "/".join(parts)
    if parts[-1].lower().endswith(_PAGE_SUFFIXES):
        return path
    return path + "/"


def _modified(path: Path) -> str:
    """The file's modification time, ISO 8601 in UTC, to the second."""
    stamp = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S")


def _atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file next to ``path``, then rename it over ``path`` (a
    symbolic link at ``path`` is replaced, never followed). The temporary file is named
    like kisync's others, so one of a killed push is removed by the next
    (:meth:`FilesTarget.prepare`)."""
    descriptor, temporary = create_temporary(path)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
