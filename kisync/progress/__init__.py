"""Progress: completeness per language and page, the CI gate, reports and the dashboard."""

from ..catalog.scan import Counts, count_words
from .stats import (
    LanguageStats,
    PageStats,
    ProjectStats,
    catalog_counts,
    collect_stats,
    select_languages,
    select_pages,
)

__all__ = [
    "Counts",
    "LanguageStats",
    "PageStats",
    "ProjectStats",
    "catalog_counts",
    "collect_stats",
    "count_words",
    "select_languages",
    "select_pages",
]
