"""nhskg validate: the whole store against the SHACL shapes."""
from __future__ import annotations

from ..cli import add_store_option
from ..store import article_graphs, open_store, to_rdflib
from ..validation import validate


def register(sub) -> None:
    p = sub.add_parser("validate", help="check the whole store against the shapes (exit 1 on violations)",
                       description="Validate every article graph in the store against the SHACL shapes and print "
                                   "a readable report. Exit status 1 when anything violates a shape.")
    add_store_option(p)
    p.set_defaults(run=run)


def run(args) -> int:
    store = open_store(args.store, read_only=True)
    graphs = article_graphs(store)
    failed = 0
    for g in graphs:
        report = validate(to_rdflib(store, g))
        if not report.conforms:
            failed += 1
            print(f"{g.value}:")
            for v in report.violations:
                print(f"  {v}")
    print(f"{len(graphs)} article graphs checked, {failed} with violations")
    return 1 if failed else 0
