"""Project: the configuration plus the paths derived from it; what the CLI and users call."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .config import CONFIG_FILE, Config, find_config, load_config
from .errors import KisyncError
from .fsutil import Signature, remove_stale_temporaries, signature
from .languages import Language, get_language
from .pagekeys import SITE_KEY

if TYPE_CHECKING:
    from .catalog_files import CatalogProcessor
    from .exchange import ExportReport, ImportReport
    from .extract import ExtractRules
    from .harvest import HarvestReport
    from .portal import Portal
    from .publish.push import PushReport
    from .publish.target import PublishTarget
    from .pull import PullReport
    from .sync import SyncReport
    from .translate.glossary import Glossary
    from .translate.mt import MachineTranslator
    from .translate.pretranslate import PretranslateReport

STATE_FOLDER = ".kisync"
TEMPLATES = "templates"
"""The folder of the templates, below the catalog folder."""
_SAFE_KEY = re.compile(r"^[a-z0-9_][a-z0-9._-]*(?:/[a-z0-9][a-z0-9._-]*)*$")


class Project:
    """A kisync project: ``kisync.toml`` and the folders it names."""

    def __init__(self, config: Config, *, insecure: bool = False) -> None:
        self.config = config
        self.insecure = insecure
        """Allow sending portal credentials over plain http to another machine."""

    @classmethod
    def load(cls, path: Path | str | None = None, *, insecure: bool = False) -> Project:
        """Load the project whose ``kisync.toml`` is at ``path`` (a file or folder).

        Without ``path``, look in the current directory and its parents.
        """
        if path is None:
            return cls(load_config(find_config()), insecure=insecure)
        path = Path(path)
        return cls(load_config(path / CONFIG_FILE if path.is_dir() else path), insecure=insecure)

    # -- paths ---------------------------------------------------------------------

    @property
    def root(self) -> Path:
        return self.config.root

    @property
    def catalogs_dir(self) -> Path:
        return self.root / self.config.catalogs.path

    @property
    def state_dir(self) -> Path:
        """Caches and sync state (``.kisync/``): safe to delete, then the next run is slower."""
        return self.root / STATE_FOLDER

    def template_path(self, key: str) -> Path:
        return self.catalogs_dir / TEMPLATES / f"{_checked(key)}.pot"

    def catalog_path(self, language: str, key: str) -> Path:
        return self.catalogs_dir / language / f"{_checked(key)}.po"

    @property
    def site_key(self) -> str:
        return SITE_KEY

    def page_keys(self) -> list[str]:
        """Keys of all pages with a template in the catalog folder (``_site`` included), sorted."""
        keys = _keys_in(self.catalogs_dir / TEMPLATES, ".pot")
        return sorted(key for key in keys if _SAFE_KEY.match(key))

    def scan_catalogs(self) -> CatalogScan:
        """Every template and language catalog on disk, with its signature.

        One walk per folder instead of a file-system lookup per page and language: a
        pull with nothing changed spends much of its time here. Symbolic links to files
        are followed (the signature is the linked file's).
        """
        folders = {TEMPLATES: ".pot"} | dict.fromkeys(self.config.languages, ".po")
        signatures = {
            name: {
                key: _signature(entry) for key, entry in _files_in(self.catalogs_dir / name, suffix)
            }
            for name, suffix in folders.items()
        }
        complete = set(signatures[TEMPLATES])
        for code in self.config.languages:
            complete &= signatures[code].keys()
        return CatalogScan(complete, signatures)

    @contextmanager
    def lock(self, command: str = "kisync") -> Iterator[None]:
        """Hold the project's lock while the block runs (see :mod:`kisync.runlock`); on
        taking it, remove the temporary files that killed runs left behind."""
        from .runlock import project_lock

        with project_lock(self.state_dir, command) as taken:
            if taken:
                folders = [TEMPLATES, *self.config.languages]
                remove_stale_temporaries(
                    [*(self.catalogs_dir / f for f in folders), self.state_dir]
                )
            yield

    # -- settings ------------------------------------------------------------------

    @cached_property
    def languages(self) -> tuple[Language, ...]:
        return tuple(get_language(code) for code in self.config.languages)

    @cached_property
    def source_language(self) -> Language:
        return get_language(self.config.source_language)

    @cached_property
    def extract_rules(self) -> ExtractRules:
        from .extract import ExtractRules

        portal = self.config.portal
        return ExtractRules(
            # A WordPress page is its content (plus its title), never a whole
            # document: all of it is the page's own text.
            content="" if portal.kind == "wordpress" else portal.content,
            ignore=portal.ignore,
            skip=self.config.extract.skip,
        )

    def catalog_processors(self) -> list[CatalogProcessor]:
        """Steps applied to every catalog ``pull`` merges: glossary hints, when configured.

        The glossary is loaded when the first catalog is processed, not before.
        """
        if not self.glossary_paths:
            return []
        from .translate.notes import GlossaryFileNotes

        return [GlossaryFileNotes(self.glossary_paths, lambda: self.glossary)]

    @property
    def glossary_paths(self) -> tuple[Path, ...]:
        return tuple(self.root / name for name in self.config.glossary.files)

    @cached_property
    def glossary(self) -> Glossary | None:
        """The files of ``[glossary] files`` as one glossary; None when there are none."""
        if not self.glossary_paths:
            return None
        from .translate import load_glossaries

        return load_glossaries(self.glossary_paths)

    def open_portal(self, *, insecure: bool = False) -> Portal:
        """The portal's connector; ``insecure`` as for :attr:`insecure`, for this call."""
        from .portal import open_portal

        return open_portal(self, insecure=insecure or self.insecure)

    # -- pipeline ------------------------------------------------------------------

    def pull(
        self,
        pages: Sequence[str] = (),
        *,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> PullReport:
        """Extract the portal's German pages into catalogs; see :func:`kisync.pull.pull`."""
        from .pull import pull

        return pull(self, pages, dry_run=dry_run, progress=progress)

    def push(
        self,
        languages: Sequence[str] = (),
        pages: Sequence[str] = (),
        *,
        dry_run: bool = False,
        force: bool = False,
        insecure: bool = False,
        target: PublishTarget | None = None,
        progress: Callable[[int, int], None] | None = None,
        create_languages: bool = False,
    ) -> PushReport:
        """Publish the translated pages; see :func:`kisync.publish.push.push`."""
        from .publish.push import push

        return push(
            self,
            languages,
            pages,
            dry_run=dry_run,
            force=force,
            insecure=insecure,
            target=target,
            progress=progress,
            create_languages=create_languages,
        )

    def pretranslate(
        self,
        languages: Sequence[str] = (),
        pages: Sequence[str] = (),
        *,
        dry_run: bool = False,
        machine: bool = True,
    ) -> PretranslateReport:
        """Propose translations (fuzzy); see :func:`kisync.translate.pretranslate.pretranslate`.

        ``machine``: also ask the machine-translation engines, where routes are configured.
        """
        from .translate.pretranslate import pretranslate

        translator = self.machine_translator() if machine else None
        return pretranslate(self, languages, pages, dry_run=dry_run, machine=translator)

    def machine_translator(self) -> MachineTranslator | None:
        """The configured machine translation; None when no language is routed to an engine."""
        if not any(self.config.machine_translation.routes.values()):
            return None
        from .translate.mt import open_machine_translator

        return open_machine_translator(
            self.config.machine_translation,
            self.state_dir,
            self.config.file,
            glossary=self.glossary,
        )

    def export(
        self,
        language: str,
        pages: Sequence[str] = (),
        output: Path | str = "",
        *,
        fmt: str = "po",
        only_untranslated: bool = False,
    ) -> ExportReport:
        """Hand out one language's work as a package; see :mod:`kisync.exchange`."""
        from .exchange import export_memory, export_package
        from .selection import select_languages, select_pages

        (chosen,) = select_languages(self, [language])
        keys = select_pages(self, pages)
        if fmt == "tmx":
            return export_memory(self, chosen, keys, Path(output))
        return export_package(
            self,
            self.state_dir,
            chosen,
            keys,
            Path(output),
            fmt=fmt,
            only_untranslated=only_untranslated,
            glossary=self.glossary,
        )

    def import_returned(self, path: Path | str, *, dry_run: bool = False) -> ImportReport:
        """Merge a translator's returned file; see :mod:`kisync.exchange.returns`."""
        from .exchange import import_returned

        return import_returned(self, self.state_dir, Path(path), dry_run=dry_run)

    def harvest(
        self,
        languages: Sequence[str] = (),
        pages: Sequence[str] = (),
        *,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> HarvestReport:
        """Fill the catalogs from the portal's existing translations; see :mod:`kisync.harvest`."""
        from .harvest import harvest

        return harvest(self, languages, pages, dry_run=dry_run, progress=progress)

    def sync(
        self,
        languages: Sequence[str] = (),
        pages: Sequence[str] = (),
        *,
        dry_run: bool = False,
        force: bool = False,
        machine: bool = True,
        progress: Callable[[str], Callable[[int, int], None] | None] | None = None,
    ) -> SyncReport:
        """Pull, pretranslate (where available) and push; see :func:`kisync.sync.sync`."""
        from .sync import sync

        return sync(
            self,
            languages,
            pages,
            dry_run=dry_run,
            force=force,
            machine=machine,
            progress=progress,
        )


@dataclass(frozen=True)
class CatalogScan:
    """What :meth:`Project.scan_catalogs` found on disk."""

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
