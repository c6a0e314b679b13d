"""Streams of work, overlapped, holding little at once.

`ordered_map` maps a function over work items in worker processes, in order. `ProcessPoolExecutor.map`
submits the whole input at once, so a stream of 100,000 articles would sit in memory before the first
result; here only a few items per worker are queued. `read_ahead` produces a stream's next items in a
thread while the consumer works on the current one (waiting on a socket, say).
"""
from __future__ import annotations

import os
import queue
import threading
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, TypeVar

from .lifetime import die_with_parent

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT = 4  # items queued per worker: enough to keep every worker busy, few enough to hold little


def ordered_map(fn: Callable[[T], R], items: Iterable[T], jobs: int) -> Iterator[R]:
    """fn over items, results in the order of items; in this process when jobs <= 1."""
    if jobs <= 1:
        yield from map(fn, items)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
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


_END = object()


def read_ahead(items: Iterable[T], depth: int = 2) -> Iterator[T]:
    """The items, made in a background thread up to `depth` ahead of the consumer.

    An exception in making them is raised to the consumer where the item would have come; a consumer
    that stops early (an error, a break) stops the thread at its next item.
    """
    ready: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(entry: tuple) -> bool:
        while not stop.is_set():
            try:
                ready.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put((item, None)):
                    return
            put((_END, None))
        except BaseException as e:  # handed to the consumer, which re-raises it
            put((_END, e))

    thread = threading.Thread(target=produce, name="read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            item, error = ready.get()
            if error is not None:
                raise error
            if item is _END:
                return
            yield item
    finally:
        stop.set()
        thread.join()
