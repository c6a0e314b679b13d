"""Writing the store, or one article's graph, as an RDF file.

Quad formats keep one named graph per article; triple formats get the union of the article graphs
(the SKOS vocabularies are left out unless asked for: they are ontology/vocabularies.ttl already).
A file is written as `outfile.write_output` says: a regular file under a temporary name renamed when
complete (so a crash or a full disk never leaves half an export under the real name), a device or FIFO
in place, a symlink through to its target.
"""
from __future__ import annotations

from typing import BinaryIO, Iterable, Iterator

import pyoxigraph
from pyoxigraph import RdfFormat

from .outfile import write_output
from .store import VOCAB_GRAPH, article_graphs

FORMATS = {
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "jsonld": RdfFormat.JSON_LD,
}
PREFIXES = {
    "nhskg": "https://w3id.org/nhskg/ontology#",
    "v": "https://w3id.org/nhskg/vocab/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def graphs_to_export(store: pyoxigraph.Store, article: pyoxigraph.NamedNode | None,
                     vocabularies: bool) -> list[pyoxigraph.NamedNode]:
    if article is not None:
        return [article]
    graphs = article_graphs(store)
    if vocabularies:
        graphs.append(pyoxigraph.NamedNode(VOCAB_GRAPH))
    return graphs


def statements(store: pyoxigraph.Store, graphs: list[pyoxigraph.NamedNode],
               fmt: RdfFormat) -> Iterator[pyoxigraph.Quad] | Iterator[pyoxigraph.Triple]:
    """Quads of the graphs, or (for a triple format) their union with each triple once."""
    if fmt.supports_datasets:
        for g in graphs:
            yield from store.quads_for_pattern(None, None, None, g)
        return
    if len(graphs) == 1:
        yield from (q.triple for q in store.quads_for_pattern(None, None, None, graphs[0]))
        return
    seen: set[pyoxigraph.Triple] = set()
    for g in graphs:
        for q in store.quads_for_pattern(None, None, None, g):
            if q.triple not in seen:
                seen.add(q.triple)
                yield q.triple


class _Counting:
    """Counts what passes through, so the command can say how much it wrote."""

    def __init__(self, items: Iterable):
        self.items, self.count = items, 0

    def __iter__(self):
        for item in self.items:
            self.count += 1
            yield item


def write(store: pyoxigraph.Store, fmt_name: str, output: str | None, *,
          article: pyoxigraph.NamedNode | None = None, vocabularies: bool = False,
          stdout: BinaryIO | None = None) -> int:
    """Serialise to `output` (atomically) or to `stdout`; returns the number of triples or quads written."""
    fmt = FORMATS[fmt_name]
    items = _Counting(statements(store, graphs_to_export(store, article, vocabularies), fmt))
    prefixes = PREFIXES if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
    if output is None:
        pyoxigraph.serialize(items, stdout, fmt, prefixes=prefixes)
        stdout.flush()
        return items.count

    write_output(output, lambda f: pyoxigraph.serialize(items, f, fmt, prefixes=prefixes))
    return items.count
