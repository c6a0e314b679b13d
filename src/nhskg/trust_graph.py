"""The trust-history graph: the trusts the store's articles name, one node per era, every trust linked to
them by W3C ORG change events (renames, mergers) and those events, so that a query can follow a trust to
what it became and back to what it came from.

It is reference data, not news: written beside the article graphs at every ingest (`resolution.resolve`),
from the package data `ingest.trust_history` reads. Its nodes are the IRIs the article graphs use for
the trusts of their time.
"""
from __future__ import annotations

from typing import Iterable, Iterator

import pyoxigraph

from .ingest.iris import ID, NHSKG
from .ingest.trust_history import Change, Era, history
from .store import GRAPHS, rewrite_derived_graph

TRUST_HISTORY_GRAPH = GRAPHS + "trust-history"

_N, _L = pyoxigraph.NamedNode, pyoxigraph.Literal
_ORG = "http://www.w3.org/ns/org#"
_TYPE = _N("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_LABEL = _N("http://www.w3.org/2004/02/skos/core#prefLabel")
_DATE = _N("http://purl.org/dc/terms/date")
_XSD_DATE = _N("http://www.w3.org/2001/XMLSchema#date")


def change_iri(c: Change) -> str:
    return str(ID) + f"trust-change/{c.original.code}-{c.original.index}-{c.resulting.code}-{c.resulting.index}"


def connected(trusts: Iterable[str]) -> tuple[list[Era], list[Change]]:
    """The eras of these trust nodes and every era and change linked to them by changes, either way."""
    h = history()
    links: dict[Era, list[Change]] = {}
    for c in h.changes:
        links.setdefault(c.original, []).append(c)
        links.setdefault(c.resulting, []).append(c)
    todo = [e for t in trusts if (e := h.era_of(t)) is not None]
    eras, changes = dict.fromkeys(todo), {}
    while todo:
        for c in links.get(todo.pop(), []):
            changes[c] = None
            for e in (c.original, c.resulting):
                if e not in eras:
                    eras[e] = None
                    todo.append(e)
    return sorted(eras, key=lambda e: (e.code, e.index)), [c for c in h.changes if c in changes]


def triples(trusts: Iterable[str] | None = None) -> Iterator[pyoxigraph.Triple]:
    """The eras and changes linked to the given trust nodes (the store's), or all of them."""
    h = history()
    eras, changes = (connected(trusts) if trusts is not None else
                     ([e for es in h.eras.values() for e in es], h.changes))
    for e in eras:
        node = _N(e.iri)
        yield pyoxigraph.Triple(node, _TYPE, _N(_ORG + "FormalOrganization"))
        yield pyoxigraph.Triple(node, _LABEL, _L(e.name))
        yield pyoxigraph.Triple(node, _N(NHSKG.odsCode), _L(e.code))
    for c in changes:
        event, old, new = _N(change_iri(c)), _N(c.original.iri), _N(c.resulting.iri)
        yield pyoxigraph.Triple(event, _TYPE, _N(_ORG + "ChangeEvent"))
        yield pyoxigraph.Triple(event, _N(NHSKG.changeKind), _L(c.kind))
        yield pyoxigraph.Triple(event, _N(_ORG + "originalOrganization"), old)
        yield pyoxigraph.Triple(event, _N(_ORG + "resultingOrganization"), new)
        yield pyoxigraph.Triple(old, _N(_ORG + "changedBy"), event)
        yield pyoxigraph.Triple(new, _N(_ORG + "resultedFrom"), event)
        for prop, value in ((_DATE, c.date), (_N(NHSKG.notBefore), c.not_before), (_N(NHSKG.notAfter), c.not_after)):
            if value:
                yield pyoxigraph.Triple(event, prop, _L(value, datatype=_XSD_DATE))


def write(store: pyoxigraph.Store, trusts: Iterable[str]) -> None:
    """Replace the trust-history graph by the one for these trust nodes; none when it would be empty (a store
    of trusts the ODS files do not name)."""
    rows = list(triples(trusts))
    if rows:
        rewrite_derived_graph(store, TRUST_HISTORY_GRAPH, rows)
    else:
        store.update(f"DROP SILENT GRAPH <{TRUST_HISTORY_GRAPH}>")
