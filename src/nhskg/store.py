"""The embedded on-disk store: a pyoxigraph Store holding one named graph per article.

Replacing an article's graph is one SPARQL Update (DROP + INSERT DATA), which pyoxigraph runs as a
single transaction: a crash leaves either the old graph or the new one, never half of either.
"""
from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph
from rdflib import Graph

from .resources import ontology_files

GRAPHS = "https://w3id.org/nhskg/graph/"  # graphs nhskg keeps besides the articles' are named under this
VOCAB_GRAPH = GRAPHS + "vocabularies"
RESOLUTION_GRAPH = GRAPHS + "resolution"  # written by nhskg.resolution after every ingest
DEFAULT_STORE = "nhskg-store"
NHSKG_SOURCE = "https://w3id.org/nhskg/ontology#source"


class StoreError(Exception):
    """A store that cannot be opened or used; the message is meant for the user."""


def default_location() -> str:
    return os.environ.get("NHSKG_STORE") or DEFAULT_STORE


def open_store(location: str | os.PathLike, *, create: bool = True, read_only: bool = False) -> pyoxigraph.Store:
    """The store at `location`. Readers should ask for read_only: it takes no lock, so it works while an
    ingest or `nhskg serve` holds the store, and sees the store as it was when opened."""
    path = Path(location)
    if (read_only or not create) and not (path / "CURRENT").is_file():
        raise StoreError(f"no store at {path} (run `nhskg ingest PATH --store {path}` first)")
    try:
        if read_only:
            return pyoxigraph.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        store = pyoxigraph.Store(str(path))
    except OSError as e:
        raise StoreError(f"cannot open store {path}: {_reason(e)}") from None
    _ensure_vocabularies(store)
    return store


def _reason(e: OSError) -> str:
    msg = str(e).splitlines()[0] if str(e) else type(e).__name__
    if "lock" in msg.lower():
        return "it is in use by another nhskg or oxigraph process"
    return msg


def _ensure_vocabularies(store: pyoxigraph.Store) -> None:
    """Keep the SKOS vocabularies in their own graph, so queries can read labels and level ranks."""
    g = pyoxigraph.NamedNode(VOCAB_GRAPH)
    if store.contains_named_graph(g):
        return
    quads = []
    for f in ontology_files():
        if f.name == "vocabularies.ttl":
            quads = [pyoxigraph.Quad(t.subject, t.predicate, t.object, g)
                     for t in pyoxigraph.parse(f.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)]
    store.extend(quads)
    store.add_graph(g)


def replace_graph(store: pyoxigraph.Store, name: str, ntriples: str) -> None:
    """Put the N-Triples into the named graph `name`, replacing whatever it held, in one transaction."""
    store.update(f"DROP SILENT GRAPH <{name}> ; INSERT DATA {{ GRAPH <{name}> {{\n{ntriples}\n}} }}")


def article_graphs(store: pyoxigraph.Store) -> list[pyoxigraph.NamedNode]:
    return [g for g in store.named_graphs() if isinstance(g, pyoxigraph.NamedNode) and not g.value.startswith(GRAPHS)]


def graph_of_source(store: pyoxigraph.Store, source: str) -> pyoxigraph.NamedNode | None:
    """The graph of the article ingested from `source` (a path is compared in its absolute form too)."""
    candidates = [source] if "://" in source else [source, str(Path(source).resolve())]
    for s in candidates:
        for q in store.quads_for_pattern(None, pyoxigraph.NamedNode(NHSKG_SOURCE), pyoxigraph.Literal(s), None):
            if isinstance(q.graph_name, pyoxigraph.NamedNode):
                return q.graph_name
    return None


def to_rdflib(store: pyoxigraph.Store, graph: pyoxigraph.NamedNode | None = None) -> Graph:
    """Triples of one graph (or of all article graphs) as an rdflib Graph, for validation or export."""
    g = Graph()
    graphs = [graph] if graph is not None else article_graphs(store)
    for name in graphs:
        data = pyoxigraph.serialize(
            (q.triple for q in store.quads_for_pattern(None, None, None, name)), format=pyoxigraph.RdfFormat.N_TRIPLES)
        g.parse(data=data or b"", format="nt")
    return g
