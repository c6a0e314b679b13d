"""The whole store against the shapes: article graphs read from the store, checked in batches in
worker processes (`validation.validate_each`), each graph's report in the order of the store."""
from __future__ import annotations

from typing import Iterator

import pyoxigraph
from rdflib import Graph

from .ingesting import BATCH, PARALLEL_FROM
from .parallel import batches, ordered_map
from .store import article_graphs, graph_ntriples
from .validation import Report, validate_each


def check_store(store: pyoxigraph.Store, jobs: int, on_graph=lambda: None) -> Iterator[tuple[str, Report]]:
    """(graph name, report) for every article graph; `on_graph` is called once per graph checked."""
    names = article_graphs(store)
    if len(names) < PARALLEL_FROM:
        jobs = 1
    items = ((n.value, graph_ntriples(store, n)) for n in names)
    for reports in ordered_map(_check, batches(items, BATCH), jobs):
        for item in reports:
            on_graph()
            yield item


def _check(batch: list[tuple[str, bytes]]) -> list[tuple[str, Report]]:
    graphs = []
    for _, data in batch:
        g = Graph()
        g.parse(data=data, format="nt")
        graphs.append(g)
    return list(zip((name for name, _ in batch), validate_each(graphs)))
