"""The version of kisync (the wheel's, ``kisync --version``, the TMX header's)."""

__version__ = "0.1.0"
