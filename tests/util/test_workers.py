"""kisync.util.workers.ordered_results: in order, in batches, never reading far ahead."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from kisync.util.workers import ordered_results


def slow_for_early_items(batch: list[int]) -> list[tuple[int, int]]:
    time.sleep(0.02 if batch[0] < 10 else 0)  # early batches finish last
    return [(item, len(batch)) for item in batch]


def test_results_keep_the_order_of_the_items_and_come_in_batches() -> None:
    with ThreadPoolExecutor(4) as executor:
        results = list(
            ordered_results(executor, slow_for_early_items, range(45), workers=2, batch=8)
        )
    assert [item for item, _ in results] == list(range(45))
    assert {size for _, size in results} == {8, 5}  # five full batches, then the rest


def test_items_are_read_lazily() -> None:
    taken: list[int] = []

    def items():
        for number in range(10_000):
            taken.append(number)
            yield number

    with ThreadPoolExecutor(2) as executor:
        results = ordered_results(executor, slow_for_early_items, items(), workers=2, batch=8)
        first = next(results)
        assert first == (0, 8)
        assert len(taken) <= 8 * (2 * 2 + 1)  # the batches in flight and the one being formed
        results.close()
