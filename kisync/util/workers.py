"""Work spread over worker processes, results in order: what ``pull`` and ``push`` share."""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from itertools import islice
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

BATCH = 8
"""Items handed to a worker at a time: one hand-over per page costs the main process
(which also reads the pages) more than the work it saves."""


def ordered_results(
    executor: Executor,
    run_batch: Callable[[list[Item]], list[Result]],
    items: Iterable[Item],
    *,
    workers: int,
    batch: int = BATCH,
) -> Iterator[Result]:
    """Like ``executor.map(run_batch, …)`` but lazy and in batches.

    Results come in the order of ``items``; at most two batches per worker are in
    flight, so memory stays bounded however many items there are.
    """
    pending: deque[Future[list[Result]]] = deque()
    iterator = iter(items)
    while chunk := list(islice(iterator, batch)):
        pending.append(executor.submit(run_batch, chunk))
        if len(pending) >= 2 * workers:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def process_context() -> multiprocessing.context.BaseContext:
    """fork starts workers in milliseconds with kisync already imported; elsewhere spawn."""
    return multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
