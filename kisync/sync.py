"""``sync``: the whole round in one go — pull, pretranslate, push.

Each step is the library call its own command makes; ``sync`` only chains them and
sums them up in one line. A step that reports problems with single pages does not stop
the next step (the pages that are fine still get published); an error that stops a step
as a whole (the portal cannot be reached) stops the round.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .project import Project
    from .publish.push import PushReport
    from .pull import PullReport
    from .translate.pretranslate import PretranslateReport


@dataclass(frozen=True)
class SyncReport:
    pull: PullReport
    pretranslate: PretranslateReport
    push: PushReport

    @property
    def exit_code(self) -> int:
        """The worst of the steps' exit codes (2 before 1 before 0)."""
        codes = [self.pull.exit_code, self.pretranslate.exit_code, self.push.exit_code]
        return 2 if 2 in codes else max(codes)

    def summary(self) -> str:
        pull = self.pull
        parts = [
            f"pulled {pull.pages} page{'s' if pull.pages != 1 else ''} "
            f"({len(pull.changed_pages)} changed, {pull.strings_new} new strings, "
            f"{pull.strings_changed} changed)"
        ]
        parts.append(f"pretranslated {self.pretranslate.filled} strings (fuzzy)")
        push = self.push
        created, updated = push.count("create"), push.count("update") + push.count("adopt")
        would = "would be " if push.dry_run else ""
        published = f"{created} {would}created, {updated} {would}updated"
        parts.append(
            f"published {published}, {push.count('unchanged')} unchanged, "
            f"{push.count('withheld') + push.count('kept')} not complete enough"
        )
        if push.held_back:
            held = len({(h.language, h.file, h.line) for h in push.held_back})
            parts.append(f"{held} held back (lint errors)")
        if push.conflicts:
            parts.append(f"{len(push.conflicts)} conflict{'s' if len(push.conflicts) > 1 else ''}")
        failures = len(pull.failures) + len(self.pretranslate.failures) + len(push.failures)
        if failures:
            parts.append(f"{failures} failed")
        return "sync: " + "; ".join(parts)


def sync(
    project: Project,
    languages: Sequence[str] = (),
    pages: Sequence[str] = (),
    *,
    dry_run: bool = False,
    force: bool = False,
    machine: bool = True,
    progress: Callable[[str], Callable[[int, int], None] | None] | None = None,
) -> SyncReport:
    """Pull, pretranslate and push.

    ``progress(step)`` may return a ``(done, total)`` callback for the step named
    ``"pull"`` or ``"push"``. Pretranslate only proposes translations (fuzzy): they are
    not published until a translator confirms them; ``machine=False`` sends nothing to a
    machine-translation engine.
    """

    def step(name: str) -> Callable[[int, int], None] | None:
        return progress(name) if progress is not None else None

    pulled = project.pull(pages, dry_run=dry_run, progress=step("pull"))
    pretranslated = project.pretranslate(languages, pages, dry_run=dry_run, machine=machine)
    pushed = project.push(languages, pages, dry_run=dry_run, force=force, progress=step("push"))
    return SyncReport(pulled, pretranslated, pushed)
