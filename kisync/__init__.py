"""kisync: keep a German municipal portal available in the languages of the people it serves.

The library is the product; the ``kisync`` command is a thin layer over it::

    from kisync import Project
    project = Project.load("examples/heinsberg")
    report = project.pull()
    print(report.summary())
"""

from ._version import __version__
from .errors import CatalogError, ConfigError, ExtractError, KisyncError, PortalError
from .project import Project
from .reports import Report

__all__ = [
    "CatalogError",
    "ConfigError",
    "ExtractError",
    "KisyncError",
    "PortalError",
    "Project",
    "Report",
    "__version__",
]
