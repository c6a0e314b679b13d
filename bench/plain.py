#!/usr/bin/env python3
"""The plain way, for comparison: the same extractor into an in-memory rdflib Dataset, rdflib SPARQL, pyshacl once.

    python bench/plain.py ARTICLES_DIR --json OUT [--repeats R] [--param NAME=VALUE ...]

This is what a user without nhskg's store would write: one named graph per article in an rdflib
Dataset, the canned queries run by rdflib, and the SHACL shapes checked by pyshacl over the whole
graph at once. Run as its own process so that its time and memory are measured alone. The trusts'
name keys that nhskg's resolution writes are added too (`add_name_keys`), so that trust-timeline asks
both engines the same question.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rdflib import RDF, SKOS, Dataset, Graph, Literal, Namespace, URIRef

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import row_latency  # noqa: E402
from nhskg.ingest.pipeline import extract  # noqa: E402
from nhskg.ingest.rdf import to_graph  # noqa: E402
from nhskg.ingest.readers import ReadError, read_paths  # noqa: E402
from nhskg.resolution import name_key  # noqa: E402
from nhskg.resources import ontology_files, query_files  # noqa: E402
from nhskg.sparql import required_params  # noqa: E402
from nhskg.store import RESOLUTION_GRAPH, VOCAB_GRAPH  # noqa: E402
from nhskg.validation import validate_with_pyshacl  # noqa: E402

NHSKG = Namespace("https://w3id.org/nhskg/ontology#")


def build(articles_dir: str) -> tuple[Dataset, int]:
    ds = Dataset()
    vocab = ds.graph(URIRef(VOCAB_GRAPH))
    for f in ontology_files():
        if f.name == "vocabularies.ttl":
            vocab.parse(data=f.read_text("utf-8"), format="turtle")
    n = 0
    for article in read_paths([articles_dir]):
        if isinstance(article, ReadError):
            continue
        name, graph = to_graph(extract(article))
        target = ds.graph(URIRef(str(name)))
        for t in graph:
            target.add(t)
        n += 1
    add_name_keys(ds)
    return ds, n


def add_name_keys(ds: Dataset) -> None:
    """The lower-cased names of each trust, as nhskg's entity resolution writes them after an ingest:
    trust-timeline finds its trust by them, on either side of the comparison."""
    keys = ds.graph(URIRef(RESOLUTION_GRAPH))
    for g in list(ds.graphs()):
        for trust in set(g.subjects(RDF.type, NHSKG.Trust)):
            names = set(g.objects(trust, SKOS.prefLabel)) | set(g.objects(trust, NHSKG.odsCode))
            for mention in g.subjects(NHSKG.refersTo, trust):
                names |= set(g.objects(mention, NHSKG.nameInText)) | set(g.objects(mention, NHSKG.aliasInText))
            for name in names:
                keys.add((trust, NHSKG.nameKey, Literal(name_key(str(name)))))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("articles")
    ap.add_argument("--json", required=True)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--slow-s", type=float, default=20, help="a query slower than this once is timed once only")
    ap.add_argument("--param", action="append", default=[], help="NAME=VALUE bound as a string literal")
    a = ap.parse_args()
    params = dict(p.split("=", 1) for p in a.param)

    t = time.monotonic()
    ds, n = build(a.articles)
    build_s = time.monotonic() - t

    t = time.monotonic()
    whole = Graph()
    for g in ds.graphs():
        if str(g.identifier) not in (VOCAB_GRAPH, RESOLUTION_GRAPH):
            whole += g
    report = validate_with_pyshacl(whole)
    validate_s = time.monotonic() - t

    queries = {}
    for name, f in sorted(query_files().items()):
        text = f.read_text("utf-8")
        bindings = {k: Literal(v) for k, v in params.items() if k in required_params(text)}
        try:
            queries[name] = row_latency(lambda: list(ds.query(text, initBindings=bindings)), a.repeats, a.slow_s)
        except Exception as e:  # rdflib cannot run every query nhskg's store runs; that is part of the comparison
            queries[name] = {"error": f"{type(e).__name__}: {str(e)[:200]}"}

    Path(a.json).write_text(json.dumps({
        "articles": n, "triples": len(whole), "build_seconds": round(build_s, 2),
        "validate_seconds": round(validate_s, 2), "conforms": report.conforms, "queries": queries}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
