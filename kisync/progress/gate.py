"""``kisync check``: the CI gate.

It fails when a page of a selected language is translated less than the minimum (for the
languages of ``[publish] require_review``: translated and reviewed), or
when ``kisync lint`` finds an error. The minimum is ``--min-completeness``, else
``[check] min_completeness``, else the ``[publish]`` minimum of each language, so that CI
and publishing agree unless told otherwise. Completeness is compared exactly
(2499 of 2500 strings is below 100 %, although it is shown as 99.9 %).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..languages import Language
from ..translate.checks import Finding, display_path
from ..translate.lint import LintReport
from .stats import PageStats, ProjectStats


@dataclass(frozen=True)
class PageCheck:
    """One page in one language: complete enough, and free of lint errors?"""

    language: Language
    page: PageStats
    minimum: float
    findings: tuple[Finding, ...] = ()
    require_review: bool = False
    """Only reviewed strings count (``[publish] require_review``)."""

    @property
    def complete_enough(self) -> bool:
        return self.page.counts.meets(self.minimum, reviewed=self.require_review)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def passed(self) -> bool:
        return self.complete_enough and not self.errors


@dataclass(frozen=True)
class GateResult:
    stats: ProjectStats
    pages: tuple[PageCheck, ...]
    """Every selected page in every selected language, language by language."""
    lint: LintReport | None
    """None with ``--no-lint``."""

    @property
    def below(self) -> tuple[PageCheck, ...]:
        return tuple(check for check in self.pages if not check.complete_enough)

    @property
    def lint_errors(self) -> int:
        return self.lint.errors if self.lint is not None else 0

    @property
    def source_findings(self) -> tuple[Finding, ...]:
        """Lint findings in the German templates (they belong to no language)."""
        if self.lint is None:
            return ()
        return tuple(finding for finding in self.lint.findings if finding.language is None)

    @property
    def passed(self) -> bool:
        return not self.below and not self.lint_errors

    @property
    def exit_code(self) -> int:
        return 0 if self.passed else 1

    def by_language(self) -> list[tuple[Language, list[PageCheck]]]:
        groups: dict[str, tuple[Language, list[PageCheck]]] = {}
        for check in self.pages:
            groups.setdefault(check.language.code, (check.language, []))[1].append(check)
        return list(groups.values())

    def summary(self) -> str:
        if self.passed:
            languages = len(self.stats.languages)
            pages = len(self.pages) // languages if languages else 0
            lint = "no lint errors" if self.lint is not None else "lint not run"
            return f"passed: {pages} pages × {languages} languages complete enough; {lint}"
        parts = []
        if self.below:
            words = sum(check.page.counts.words_remaining for check in self.below)
            parts.append(
                f"{_plural(len(self.below), 'page')} below the minimum ({words} German words left)"
            )
        if self.lint_errors:
            parts.append(_plural(self.lint_errors, "lint error"))
        return "failed: " + ", ".join(parts)

    def to_json(self, root: Path | None = None) -> dict[str, Any]:
        """The stable JSON form documented in the README (``kisync check --format json``)."""
        languages = []
        for language, checks in self.by_language():
            counts = next(lang.counts for lang in self.stats.languages if lang.language == language)
            languages.append(
                {
                    "language": language.code,
                    "name": language.english_name,
                    "percent": counts.percent,
                    "words_left": counts.words_remaining,
                    "pages_below": sum(not check.complete_enough for check in checks),
                    "pages": [_page_json(check, root) for check in checks],
                }
            )
        return {
            "passed": self.passed,
            "languages": languages,
            "lint": self.lint.to_json(root) if self.lint is not None else None,
        }


def _page_json(check: PageCheck, root: Path | None) -> dict[str, Any]:
    return {
        "page": check.page.page,
        "file": display_path(check.page.path, root),
        "percent": check.page.counts.percent,
        "min_completeness": check.minimum,
        "complete_enough": check.complete_enough,
        "words_left": check.page.counts.words_remaining,
        "reviewed": check.page.counts.reviewed,
        "require_review": check.require_review,
        "lint_errors": len(check.errors),
        "lint_warnings": len(check.warnings),
        "passed": check.passed,
    }


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def run_check(
    stats: ProjectStats,
    report: LintReport | None,
    minimum: Callable[[str], float],
    require_review: Iterable[str] = (),
) -> GateResult:
    """Measure every page and language of ``stats`` against the ``minimum`` of its
    language (a function of the language code: see the module documentation for the one
    the project uses) and attach the lint ``report``'s findings (None: not linted).
    ``require_review``: the languages whose strings count only once reviewed."""
    by_file: dict[str, list[Finding]] = {}
    for finding in report.findings if report is not None else ():
        by_file.setdefault(os.path.normpath(finding.path), []).append(finding)
    reviewed_only = set(require_review)
    checks = [
        PageCheck(
            lang.language,
            page,
            minimum(lang.language.code),
            tuple(by_file.get(os.path.normpath(page.file), ())),
            lang.language.code in reviewed_only,
        )
        for lang in stats.languages
        for page in lang.pages
    ]
    return GateResult(stats, tuple(checks), report)
