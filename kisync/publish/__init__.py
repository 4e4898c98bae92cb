"""Publishing: render translated pages, decide which go live, write them to a target.

- :mod:`kisync.publish.target` — the protocol every target implements
  (:class:`PublishTarget`, :class:`Published`, :class:`RenderedPage`);
- :mod:`kisync.publish.files` — the files target (``site/<lang>/<page path>``).
"""

from __future__ import annotations

from .target import Published, PublishTarget, RenderedPage, content_hash

__all__ = ["PublishTarget", "Published", "RenderedPage", "content_hash"]
