"""nhskg timeline: one trust's ratings, special measures, inspections, enforcement and leaders in date order."""
from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import asdict

from .. import network, resolution, timeline
from ..cli import add_store_option
from ..store import open_store


def register(sub) -> None:
    p = sub.add_parser(
        "timeline", help="a trust's regulatory history and leaders in date order",
        description="List a trust's ratings, special-measures statuses, inspections, enforcement actions and "
                    "leaders (with those of the hospitals it runs) in date order, each with the articles it was "
                    "read from. The trust is named by its name, an alias, its ODS code or one of its hospitals.",
        epilog='examples:\n  nhskg timeline "Worcestershire Acute Hospitals NHS Trust" --store nhskg-store\n'
               "  nhskg timeline RWP --format csv\n  nhskg timeline RDE --with-predecessors",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("trust", metavar="TRUST", help="trust name, alias, ODS code or one of its hospitals")
    add_store_option(p)
    p.add_argument("--with-predecessors", action="store_true",
                   help="add the facts of the trusts it came from (renamed or merged into it)")
    p.add_argument("--format", choices=["text", "csv", "json"], default="text", help="output format (default: text)")
    p.set_defaults(run=run)


def run(args) -> int:
    store = open_store(args.store, create=False)
    res = resolution.load(store)
    net = network.build(store, res)
    trust = timeline.trust_node(net, res, args.trust)
    entries = timeline.timeline(store, net, res, trust, args.with_predecessors)
    if args.format == "text":
        print(timeline.render(net, trust, entries))
    elif args.format == "json":
        print(json.dumps({"trust": net.graph.nodes[trust]["label"], "iri": trust,
                          "entries": [asdict(e) for e in entries]}, indent=1, ensure_ascii=False))
    else:
        out = csv.writer(sys.stdout)
        out.writerow(["date", "dated_by", "kind", "subject", "detail", "articles"])
        for e in entries:
            out.writerow([e.date or "", e.dated_by, e.kind, e.subject, e.detail, " ".join(e.articles)])
    return 0
