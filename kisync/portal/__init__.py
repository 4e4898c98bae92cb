"""Portal connectors: one module per kind of portal, one small protocol for all."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import PageRef, Portal

if TYPE_CHECKING:
    from ..project import Project

__all__ = ["PageRef", "Portal", "open_portal"]


def open_portal(project: Project, *, insecure: bool = False) -> Portal:
    """The connector the project file asks for (``insecure``: see :attr:`Project.insecure`)."""
    settings = project.config.portal
    if settings.kind == "files":
        from .files import FilesPortal

        return FilesPortal(
            project.root / settings.path,
            project_root=project.root,
            exclude=settings.exclude,
            language_folders=project.config.languages,
        )
    if settings.kind == "crawl":
        from .crawl import CrawlPortal

        return CrawlPortal(
            settings.url,
            cache_dir=project.state_dir / "crawl",
            source_language=project.config.source_language,
            concurrency=settings.concurrency,
            delay=settings.delay,
            timeout=settings.timeout,
            retries=settings.retries,
            max_pages=settings.max_pages,
            exclude=settings.exclude,
        )
    if settings.kind == "wordpress":
        from .wordpress import open_wordpress

        return open_wordpress(project, insecure=insecure or project.insecure)
    from ..errors import ConfigError

    raise ConfigError(f"{project.config.file}: portal kind {settings.kind!r} is not available yet")
