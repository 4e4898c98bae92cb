"""Fixtures: the pulled demo project."""

from support.demo import demo, pulled_demo  # noqa: F401
