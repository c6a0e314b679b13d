"""nhskg push: copy the store into a remote triplestore."""
from __future__ import annotations

import argparse
import os
import sys

from tqdm import tqdm

from ..cli import add_store_option, whole_number
from ..errors import UserError
from ..push import Client, connect, push, store_graphs
from ..store import open_store


def register(sub) -> None:
    p = sub.add_parser(
        "push", help="copy the store into a remote triplestore (Oxigraph, Virtuoso, any SPARQL 1.1 store)",
        description="Copy every named graph of the store into a remote triplestore, replacing each graph there "
                    "whole, through the SPARQL 1.1 Graph Store Protocol or SPARQL Update (auto: whichever the "
                    "server takes). Pushing the same store again leaves the remote with the same triples; graphs "
                    "the store does not hold are left alone. Failed requests are retried with backoff; graphs "
                    "that still did not arrive are listed and the exit status is 1.",
        epilog="examples:\n"
               "  nhskg push --store nhskg-store --endpoint http://127.0.0.1:7878\n"
               "  NHSKG_PW=... nhskg push --endpoint http://127.0.0.1:8890/sparql --user dba --password-env NHSKG_PW",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    add_store_option(p)
    p.add_argument("--endpoint", required=True, metavar="URL",
                   help="Oxigraph: its base URL (or /query, /update, /store); Virtuoso: .../sparql; "
                        "else an endpoint taking Graph Store requests or updates")
    p.add_argument("--user", help="user name, sent by HTTP Digest if the server asks for it, else Basic")
    p.add_argument("--password-env", metavar="VAR", help="environment variable holding the password")
    p.add_argument("--protocol", choices=["auto", "gsp", "update"], default="auto",
                   help="Graph Store Protocol, SPARQL Update, or auto: probe, Graph Store first (default: auto)")
    p.add_argument("--batch-size", type=whole_number(1), default=10000, metavar="N",
                   help="at most N triples per request; a larger graph goes in several (default: 10000)")
    p.add_argument("--retries", type=whole_number(0), default=4, metavar="N",
                   help="retries of a failed request, with exponential backoff (default: 4)")
    p.add_argument("--timeout", type=whole_number(1), default=120, metavar="SECONDS",
                   help="wait this long for each answer (default: 120)")
    p.set_defaults(run=run)


def password(args) -> str | None:
    if args.password_env and not args.user:
        raise UserError("--password-env needs --user")
    if args.user and not args.password_env:
        raise UserError("--user needs --password-env VAR, naming the environment variable that holds the password")
    if args.password_env is None:
        return None
    value = os.environ.get(args.password_env)
    if value is None:
        raise UserError(f"environment variable {args.password_env} is not set")
    return value


def run(args) -> int:
    client = Client(args.user, password(args), retries=args.retries, timeout=args.timeout)
    store = open_store(args.store, read_only=True)
    target = connect(args.endpoint, args.protocol, client, args.batch_size)
    names = store_graphs(store)
    with tqdm(total=len(names), unit="graph", desc="push", disable=not sys.stderr.isatty(), file=sys.stderr) as bar:
        report = push(store, target, names, progress=bar.update)
    rate = report.triples / report.seconds if report.seconds else 0
    print(f"pushed {report.graphs - len(report.failed)} of {report.graphs} graphs, {report.triples:,} triples, "
          f"to {target.url} by {target.label} in {report.seconds:.1f} s ({rate:,.0f} triples/s)")
    if report.failed:
        print(f"nhskg push: {len(report.failed)} graph(s) did not arrive:", file=sys.stderr)
        for name, reason in report.failed.items():
            print(f"  {name}: {reason}", file=sys.stderr)
        return 1
    return 0
