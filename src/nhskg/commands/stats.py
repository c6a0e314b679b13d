"""nhskg stats: what the store holds."""
from __future__ import annotations

from ..cli import add_store_option
from ..store import VOCAB_GRAPH, article_graphs, open_store
from ..trust_graph import TRUST_HISTORY_GRAPH

CLASS_COUNTS = """
PREFIX nhskg: <https://w3id.org/nhskg/ontology#>
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
  GRAPH ?g { ?s a ?class } FILTER(?g NOT IN (<%s>, <%s>))
} GROUP BY ?class ORDER BY ?class
""" % (VOCAB_GRAPH, TRUST_HISTORY_GRAPH)  # reference data, not what the articles hold

DATE_RANGE = """
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT (MIN(STR(?d)) AS ?first) (MAX(STR(?d)) AS ?last) WHERE { GRAPH ?g { ?a dcterms:issued ?d } }
"""


def register(sub) -> None:
    p = sub.add_parser("stats", help="count what the store holds",
                       description="Triples, articles, publication date range and instances per class.")
    add_store_option(p)
    p.set_defaults(run=run)


def run(args) -> int:
    store = open_store(args.store, read_only=True)
    graphs = article_graphs(store)
    triples = sum(1 for g in graphs for _ in store.quads_for_pattern(None, None, None, g))
    print(f"articles  {len(graphs)}")
    print(f"triples   {triples}")
    row = next(iter(store.query(DATE_RANGE)), None)
    first, last = (row["first"], row["last"]) if row else (None, None)
    print(f"published {first.value if first else '-'} .. {last.value if last else '-'}")
    for r in store.query(CLASS_COUNTS):
        print(f"  {r['class'].value.rsplit('#', 1)[-1]:20} {r['n'].value}")
    return 0
