"""Map a function over a stream of work items in worker processes, in order, holding little at once.

`ProcessPoolExecutor.map` submits the whole input at once, so a stream of 100,000 articles would sit
in memory before the first result; here only a few items per worker are queued.
"""
from __future__ import annotations

from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT = 4  # items queued per worker: enough to keep every worker busy, few enough to hold little


def ordered_map(fn: Callable[[T], R], items: Iterable[T], jobs: int) -> Iterator[R]:
    """fn over items, results in the order of items; in this process when jobs <= 1."""
    if jobs <= 1:
        yield from map(fn, items)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque = deque()
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= jobs * IN_FLIGHT:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := [x for _, x in zip(range(size), it)]:
        yield batch
