"""ordered_map: results in input order, and a long input is not read ahead of the workers."""
from __future__ import annotations

from nhskg.parallel import IN_FLIGHT, batches, ordered_map


def square(x: int) -> int:
    return x * x


def test_results_come_in_input_order_with_and_without_workers():
    assert list(ordered_map(square, range(50), jobs=2)) == [x * x for x in range(50)]
    assert list(ordered_map(square, range(50), jobs=1)) == [x * x for x in range(50)]


def test_a_stream_is_read_only_a_few_items_per_worker_ahead():
    pulled = []

    def stream():
        for i in range(10_000):
            pulled.append(i)
            yield i

    results = ordered_map(square, stream(), jobs=2)
    assert next(results) == 0
    assert len(pulled) <= 2 * IN_FLIGHT + 1  # Executor.map would have taken all 10,000
    assert sum(1 for _ in results) == 9_999


def test_batches_cut_a_stream_into_lists_of_at_most_n():
    assert list(batches(iter(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batches(iter([]), 3)) == []
