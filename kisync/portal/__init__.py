"""Portal connectors: one module per kind of portal, one small protocol for all."""

from __future__ import annotations

from .base import PageRef, Portal

__all__ = ["PageRef", "Portal"]
