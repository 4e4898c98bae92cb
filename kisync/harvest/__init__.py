"""Harvest the translations a portal already has into the catalogs (``kisync harvest``).

:func:`~kisync.harvest.page.align_page` aligns one German page with one translated page;
:func:`~kisync.harvest.run.harvest` does it for a project's pages and fills the catalogs.
"""

from .page import Harvested, PageAlignment, align_page
from .run import HarvestReport, PageHarvest, harvest

__all__ = ["HarvestReport", "Harvested", "PageAlignment", "PageHarvest", "align_page", "harvest"]
