"""The trust-history graph: every trust the ODS vintages name, one node per era, and the W3C ORG change
events (renames, mergers) between them, so that a query can follow a trust to what it became.

It is reference data, not news: written beside the article graphs at every ingest (`resolution.resolve`),
from the package data `ingest.trust_history` reads. Its nodes are the IRIs the article graphs use for
the trusts of their time.
"""
from __future__ import annotations

from typing import Iterator

import pyoxigraph

from .ingest.iris import ID, NHSKG
from .ingest.trust_history import Change, history
from .store import GRAPHS

TRUST_HISTORY_GRAPH = GRAPHS + "trust-history"

_N, _L = pyoxigraph.NamedNode, pyoxigraph.Literal
_ORG = "http://www.w3.org/ns/org#"
_TYPE = _N("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_LABEL = _N("http://www.w3.org/2004/02/skos/core#prefLabel")
_DATE = _N("http://purl.org/dc/terms/date")
_XSD_DATE = _N("http://www.w3.org/2001/XMLSchema#date")


def change_iri(c: Change) -> str:
    return str(ID) + f"trust-change/{c.original.code}-{c.original.index}-{c.resulting.code}-{c.resulting.index}"


def triples() -> Iterator[pyoxigraph.Triple]:
    h = history()
    for eras in h.eras.values():
        for e in eras:
            node = _N(e.iri)
            yield pyoxigraph.Triple(node, _TYPE, _N(_ORG + "FormalOrganization"))
            yield pyoxigraph.Triple(node, _LABEL, _L(e.name))
            yield pyoxigraph.Triple(node, _N(NHSKG.odsCode), _L(e.code))
    for c in h.changes:
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
