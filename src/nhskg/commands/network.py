"""nhskg network: the graph of people, trusts, hospitals and the CQC: reports, exports, pictures, paths."""
from __future__ import annotations

import argparse
from pathlib import Path

from .. import netdraw, network, resolution
from ..cli import add_store_option
from ..errors import UserError
from ..outfile import write_output
from ..store import open_store

FORMATS = ["text", "graphml", "gexf", "json", "png", "html"]


def register(sub) -> None:
    p = sub.add_parser(
        "network", help="the network of people, trusts, hospitals and the CQC",
        description="Build the network of people, trusts, hospitals, the CQC and the articles quoting people (one "
                    "node per real-world entity after cross-article resolution) and report executives linked to "
                    "more than one trust, the most connected people and trusts, and the connected components; or "
                    "write it as GraphML, GEXF, JSON, a PNG picture or an interactive HTML page; or show the "
                    "shortest path between two named nodes with the articles behind each step.",
        epilog="examples:\n  nhskg network --store nhskg-store\n"
               "  nhskg network --store nhskg-store --format png -o network.png\n"
               "  nhskg network --store nhskg-store -o network.html\n"
               '  nhskg network path "Ted Baker" "Worcestershire Acute Hospitals NHS Trust" --store nhskg-store',
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("action", nargs="*", metavar="path A B", help="show the shortest path between nodes A and B")
    add_store_option(p)
    p.add_argument("--format", choices=FORMATS, help="report (text, the default) or export format; "
                                                    "guessed from the -o suffix when not given")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (needed for png)")
    p.add_argument("--top", type=int, default=10, metavar="N", help="how many nodes per ranking (default 10)")
    p.set_defaults(run=run)


def run(args) -> int:
    if args.action and (args.action[0] != "path" or len(args.action) != 3):
        raise UserError('the only action is `path A B` (two node names, quoted if they have spaces)')
    fmt = args.format or _guess(args.output)
    if fmt == "png" and not args.output and not args.action:
        raise UserError("--format png needs -o FILE")
    store = open_store(args.store, create=False)
    net = network.build(store, resolution.load(store))
    if args.action:
        print("\n".join(network.path(net, args.action[1], args.action[2])))
        return 0
    if fmt == "png":
        write_output(args.output, netdraw.png(net))
        return 0
    text = {"text": lambda: network.report(net, args.top), "json": lambda: network.to_json(net),
            "html": lambda: netdraw.page(net), "graphml": lambda: _nx_text(net, "graphml"),
            "gexf": lambda: _nx_text(net, "gexf")}[fmt]()
    if args.output:
        write_output(args.output, (text + "\n").encode("utf-8"))
    else:
        print(text)
    return 0


def _guess(output: str | None) -> str:
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    return {"htm": "html", "txt": "text"}.get(suffix, suffix) if suffix in FORMATS + ["htm", "txt"] else "text"


def _nx_text(net, fmt: str) -> str:
    import networkx as nx

    g = network.flat(net)
    lines = nx.generate_graphml(g) if fmt == "graphml" else nx.generate_gexf(g)
    return "\n".join(lines)
