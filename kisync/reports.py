"""What every pipeline returns: a report with one line for people, an exit code for
scripts and CI, and the stable JSON of the command's ``--format json``."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class Report(Protocol):
    """The result of a pipeline (``PullReport``, ``PushReport``, ``GateResult`` …)."""

    @property
    def exit_code(self) -> int:
        """0: all well; 1: a check found problems; 2: something failed (the CLI's code)."""
        ...

    def summary(self) -> str:
        """One line for people."""
        ...

    def to_json(self) -> Any:
        """JSON-ready data (dicts, lists, strings, numbers)."""
        ...
