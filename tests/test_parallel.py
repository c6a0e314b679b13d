"""ordered_map: results in input order, and a long input is not read ahead of the workers.
read_ahead: the same items in order, a bounded number made ahead, errors and early stops handled."""
from __future__ import annotations

import threading
import time

import pytest

from nhskg.parallel import IN_FLIGHT, batches, ordered_map, read_ahead


def square(x: int) -> int:
    return x * x


def test_results_come_in_input_order_with_and_without_workers():
    assert list(ordered_map(square, range(50), jobs=2)) == [x * x for x in range(50)]
    assert list(ordered_map(square, range(50), jobs=1)) == [x * x for x in range(50)]


def recorded(n: int, pulled: list):
    """range(n), noting in `pulled` each item taken from it."""
    for i in range(n):
        pulled.append(i)
        yield i


def test_a_stream_is_read_only_a_few_items_per_worker_ahead():
    pulled = []
    results = ordered_map(square, recorded(10_000, pulled), jobs=2)
    assert next(results) == 0
    assert len(pulled) <= 2 * IN_FLIGHT + 1  # Executor.map would have taken all 10,000
    assert sum(1 for _ in results) == 9_999


def test_batches_cut_a_stream_into_lists_of_at_most_n():
    assert list(batches(iter(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batches(iter([]), 3)) == []


def test_read_ahead_gives_every_item_in_order():
    assert list(read_ahead(iter(range(1000)))) == list(range(1000))
    assert list(read_ahead(iter([]))) == []


def test_read_ahead_makes_only_depth_items_ahead_of_the_consumer():
    made = []
    items = read_ahead(recorded(100, made), depth=2)
    assert next(items) == 0
    time.sleep(0.3)  # room for the thread to run ahead as far as it may
    assert len(made) <= 1 + 2 + 1  # the one consumed, two queued, one waiting to be queued
    assert list(items) == list(range(1, 100))


def test_an_error_while_making_items_reaches_the_consumer_after_the_items_before_it():
    def stream():
        yield 1
        yield 2
        raise OSError("disk gone")

    got = []
    with pytest.raises(OSError, match="disk gone"):
        for item in read_ahead(stream()):
            got.append(item)
    assert got == [1, 2]


def test_a_consumer_that_stops_early_stops_the_thread():
    before = threading.active_count()
    for item in read_ahead(iter(range(10_000)), depth=1):
        if item == 3:
            break
    assert threading.active_count() == before
