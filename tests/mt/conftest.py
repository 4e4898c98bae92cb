"""Shared fixtures: the pulled demo project (once per session)."""

from support.demo import pulled_demo  # noqa: F401
