"""nhskg export: the store, or one article's graph, as an RDF file."""
from __future__ import annotations

import argparse
import sys

from ..cli import add_store_option, utf8_text
from ..errors import UserError
from ..export import FORMATS, write
from ..store import graph_of_source, open_store


def register(sub) -> None:
    p = sub.add_parser(
        "export", help="write the store (or one article's graph) as Turtle, N-Triples, N-Quads, TriG or JSON-LD",
        description="Write the knowledge graph to a file or standard output. N-Quads, TriG and JSON-LD keep one "
                    "named graph per article; Turtle and N-Triples hold the union of the article graphs. "
                    "A file is written under a temporary name and renamed when complete.",
        epilog="examples:\n"
               "  nhskg export --store nhskg-store --format trig -o kg.trig\n"
               "  nhskg export --store nhskg-store --format turtle --article news/riverside-2024.txt\n"
               "  nhskg export --store nhskg-store --format nquads --vocabularies | gzip > kg.nq.gz",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    add_store_option(p)
    p.add_argument("--format", choices=sorted(FORMATS), default="trig", help="RDF syntax (default: trig)")
    p.add_argument("--article", metavar="PATH", type=utf8_text, help="only the graph of the article ingested from PATH (or URL)")
    p.add_argument("--vocabularies", action="store_true",
                   help="include the SKOS vocabularies graph the store keeps for its queries")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.set_defaults(run=run)


def run(args) -> int:
    store = open_store(args.store, read_only=True)
    graph = None
    if args.article:
        graph = graph_of_source(store, args.article)
        if graph is None:
            raise UserError(f"no article ingested from {args.article} in {args.store}")
    count = write(store, args.format, args.output, article=graph, vocabularies=args.vocabularies,
                  stdout=sys.stdout.buffer)
    if args.output:
        print(f"wrote {count} {'quads' if FORMATS[args.format].supports_datasets else 'triples'} to {args.output}",
              file=sys.stderr)
    return 0
