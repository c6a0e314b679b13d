"""The embedded on-disk store: a pyoxigraph Store holding one named graph per article.

Replacing an article's graph is one transaction (a load when the graph is new, else one SPARQL Update
DROP + INSERT DATA): a crash leaves either the old graph or the new one, never half of either. New
article graphs from an ingest are loaded in bulk instead, journalled so that a batch a crash cut short is
dropped at the next open (`bulk`). Graphs derived from the whole store are too large for one transaction
and are written in chunks, marked complete last (`rewrite_derived_graph`).
"""
from __future__ import annotations

import os
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import Iterable

import pyoxigraph
from rdflib import Graph

from .bulk import undo_interrupted
from .resources import ontology_files

GRAPHS = "https://w3id.org/nhskg/graph/"  # graphs nhskg keeps besides the articles' are named under this
VOCAB_GRAPH = GRAPHS + "vocabularies"
RESOLUTION_GRAPH = GRAPHS + "resolution"  # written by nhskg.resolution after every ingest
DEFAULT_STORE = "nhskg-store"
NHSKG_SOURCE = "https://w3id.org/nhskg/ontology#source"
GENERATED_AT = pyoxigraph.NamedNode("http://www.w3.org/ns/prov#generatedAtTime")
# Triples per transaction of a derived graph. Measured on 590,000 triples (a 100,000-article
# resolution): loaded at once +1,073 MB; in chunks of 50,000 without a flush +611 MB (RocksDB keeps
# every commit in memory until one), with a flush after each +111 MB. Removing them at once +681 MB.
DERIVED_CHUNK = 50_000


class StoreError(Exception):
    """A store that cannot be opened or used; the message is meant for the user."""


def default_location() -> str:
    return os.environ.get("NHSKG_STORE") or DEFAULT_STORE


def open_store(location: str | os.PathLike, *, create: bool = True, read_only: bool = False) -> pyoxigraph.Store:
    """The store at `location`, created if need be unless `create` is False or the caller only reads.

    A reader (read_only=True) opens the store normally, which takes RocksDB's lock; only when another
    process holds the lock (an ingest, or `nhskg serve`) does it fall back to a read-only snapshot.
    pyoxigraph calls reading beside a writer undefined, so the normal open is always tried first.
    """
    path = Path(location)
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store folder")
    if (read_only or not create) and not (path / "CURRENT").is_file():
        raise StoreError(f"no store at {path} (run `nhskg ingest PATH --store {path}` first)")
    try:
        path.mkdir(parents=True, exist_ok=True)
        store = pyoxigraph.Store(str(path))
    except RuntimeError as e:  # RocksDB: damaged or foreign files in the folder
        raise StoreError(f"cannot open store {path}: {str(e).splitlines()[0][:200]}") from None
    except OSError as e:
        if not (read_only and _locked(e)):
            raise StoreError(f"cannot open store {path}: {_reason(e)}") from None
        try:
            return pyoxigraph.Store.read_only(str(path))
        except (OSError, RuntimeError) as e2:  # RocksDB reports a writer's moving files as corruption
            raise StoreError(f"cannot open store {path} while another process writes it: "
                             f"{str(e2).splitlines()[0][:200]}") from None
    undo_interrupted(store, path)
    _ensure_vocabularies(store)
    return store


def _locked(e: OSError) -> bool:
    return "lock" in str(e).lower()


def _reason(e: OSError) -> str:
    msg = str(e).splitlines()[0] if str(e) else type(e).__name__
    if _locked(e):
        return "it is in use by another nhskg or oxigraph process"
    return msg


def _ensure_vocabularies(store: pyoxigraph.Store) -> None:
    """Keep the SKOS vocabularies in their own graph, so queries can read labels and level ranks;
    a store made before the vocabularies changed gets the new ones on its next read-write open."""
    wanted = {q.triple for f in ontology_files() if f.name == "vocabularies.ttl"
              for q in pyoxigraph.parse(f.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)}
    g = pyoxigraph.NamedNode(VOCAB_GRAPH)
    if {q.triple for q in store.quads_for_pattern(None, None, None, g)} != wanted:
        replace_graph(store, VOCAB_GRAPH, pyoxigraph.serialize(wanted, format=pyoxigraph.RdfFormat.N_TRIPLES).decode())


def replace_graph(store: pyoxigraph.Store, name: str, ntriples: str) -> None:
    """Put the N-Triples into the named graph `name`, replacing whatever it held, in one transaction."""
    graph = pyoxigraph.NamedNode(name)
    if ntriples and not store.contains_named_graph(graph):
        # A load is one transaction too, and a fifth cheaper than the update (3.8 against 4.7 ms for an
        # article's 220 triples): the parent's commit is what bounds a parallel ingest.
        store.load(ntriples.encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES, to_graph=graph)
    else:
        store.update(f"DROP SILENT GRAPH <{name}> ; INSERT DATA {{ GRAPH <{name}> {{\n{ntriples}\n}} }}")


def rewrite_derived_graph(store: pyoxigraph.Store, name: str, triples: Iterable[pyoxigraph.Triple]) -> None:
    """Replace a large graph nhskg derives from the articles, in chunks of DERIVED_CHUNK triples.

    The old graph is first unmarked, then removed, the new one loaded, and last marked complete with
    its prov:generatedAtTime; each step is a transaction of its own. A kill between them leaves a graph
    without the mark, which `derived_graph_complete` reports, so its reader recomputes instead of
    trusting half a graph, and the next ingest writes it again.
    """
    graph = pyoxigraph.NamedNode(name)
    for q in list(store.quads_for_pattern(graph, GENERATED_AT, None, graph)):
        store.remove(q)
    while chunk := list(islice(store.quads_for_pattern(None, None, None, graph), DERIVED_CHUNK)):
        for q in chunk:
            store.remove(q)
        store.flush()
    it = iter(triples)
    while chunk := list(islice(it, DERIVED_CHUNK)):
        store.load(pyoxigraph.serialize(chunk, format=pyoxigraph.RdfFormat.N_TRIPLES), to_graph=graph,
                   format=pyoxigraph.RdfFormat.N_TRIPLES)
        store.flush()
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    store.add(pyoxigraph.Quad(graph, GENERATED_AT, pyoxigraph.Literal(
        now, datatype=pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")), graph))


def derived_graph_complete(store: pyoxigraph.Store, name: str) -> bool:
    """Whether the derived graph `name` was written to the end (see `rewrite_derived_graph`)."""
    graph = pyoxigraph.NamedNode(name)
    return any(True for _ in store.quads_for_pattern(graph, GENERATED_AT, None, graph))


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
        g.parse(data=graph_ntriples(store, name), format="nt")
    return g


def graph_ntriples(store: pyoxigraph.Store, graph: pyoxigraph.NamedNode) -> bytes:
    """One named graph's triples as N-Triples: plain data, to hand to another process."""
    return pyoxigraph.serialize(
        (q.triple for q in store.quads_for_pattern(None, None, None, graph)), format=pyoxigraph.RdfFormat.N_TRIPLES) or b""
