"""What the pipelines use of a project, as a protocol: :class:`kisync.Project` is one.

The project imports the pipelines (its methods call them); the pipelines take a
:class:`Workspace` rather than the project, so that no pipeline imports the module that
imports it. A test or a library user can pass any object with these members.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .catalog.files import CatalogProcessor
    from .catalog.layout import CatalogLayout, CatalogScan
    from .config import Config
    from .extract.segmenter import ExtractRules
    from .languages import Language
    from .portal.base import Portal
    from .publish.target import PublishTarget
    from .translate.glossary import Glossary


class Workspace(Protocol):
    """The configuration, the paths derived from it and the collaborators built from it."""

    config: Config
    insecure: bool
    """Allow sending portal credentials over plain http to another machine."""

    @property
    def root(self) -> Path: ...
    @property
    def catalogs(self) -> CatalogLayout: ...
    @property
    def catalogs_dir(self) -> Path: ...
    @property
    def state_dir(self) -> Path: ...
    @property
    def languages(self) -> tuple[Language, ...]: ...
    @property
    def source_language(self) -> Language: ...
    @property
    def extract_rules(self) -> ExtractRules: ...
    @property
    def glossary(self) -> Glossary | None: ...
    @property
    def glossary_paths(self) -> tuple[Path, ...]: ...

    def template_path(self, key: str) -> Path: ...
    def catalog_path(self, language: str, key: str) -> Path: ...
    def page_keys(self) -> list[str]: ...
    def scan_catalogs(self) -> CatalogScan: ...
    def catalog_processors(self) -> Sequence[CatalogProcessor]: ...
    def open_portal(self, *, insecure: bool = False) -> Portal: ...
    def open_target(self, *, insecure: bool = False) -> PublishTarget: ...
