"""Publishing: render translated pages, decide which go live, write them to a target.

- :mod:`kisync.publish.target` — the protocol every target implements
  (:class:`PublishTarget`, :class:`Published`, :class:`RenderedPage`);
- :mod:`kisync.publish.files` — the files target (``site/<lang>/<page path>``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .target import Published, PublishTarget, RenderedPage, content_hash

if TYPE_CHECKING:
    from ..project import Project

__all__ = ["PublishTarget", "Published", "RenderedPage", "content_hash", "open_target"]


def open_target(project: Project, *, insecure: bool = False) -> PublishTarget:
    """The target the project publishes to.

    A files portal publishes to the folder ``[publish] target``; a WordPress portal
    publishes to itself (``kisync.publish.wordpress.open_wordpress_target``, which gets
    ``insecure`` to allow a password over plain http to a non-loopback host).
    """
    kind = project.config.portal.kind
    if kind == "wordpress":
        from .wordpress import open_wordpress_target  # type: ignore[import-not-found]

        return open_wordpress_target(project, insecure=insecure)
    from .files import FilesTarget

    folder = project.config.publish.target
    return FilesTarget(project.root / folder, name=f"files:{folder}")
