"""nhskg query: a canned query or a .rq file, on the local store or a remote SPARQL endpoint."""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys

from ..cli import add_store_option, utf8_text, whole_number
from ..errors import UserError
from ..resources import query_files
from ..sparql import Table, check_params, describe, load_query, parse_params, run_local, run_remote
from ..store import open_store


def register(sub) -> None:
    p = sub.add_parser(
        "query", help="run a canned query or a SPARQL file",
        description="Run a canned query (by name) or any SPARQL SELECT file against the store, or against a remote "
                    "SPARQL endpoint. Parameters are bound as RDF terms, never pasted into the query text.",
        epilog="examples:\n  nhskg query --list\n  nhskg query ratings --format csv\n"
               "  nhskg query trust-timeline --param trust=RWP\n  nhskg query ratings --limit 20\n"
               "  nhskg query my-question.rq --endpoint http://127.0.0.1:7878/query",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("query", nargs="?", metavar="NAME|FILE.rq", help="a canned query name or a .rq file")
    add_store_option(p)
    p.add_argument("--endpoint", metavar="URL", help="query this SPARQL endpoint instead of the local store")
    p.add_argument("--user", help="user name for the endpoint")
    p.add_argument("--password-env", metavar="VAR", help="environment variable holding the endpoint's password")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format (default: table)")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", type=utf8_text,
                   help="bind ?NAME to VALUE (a string; <IRI> for an IRI); repeatable")
    p.add_argument("--limit", type=whole_number(1), metavar="N",
                   help="show at most N rows (the store stops after N+1 where the query lets it)")
    p.add_argument("--timeout", type=whole_number(1), default=60, metavar="SECONDS",
                   help="give up on --endpoint after this long (default: 60)")
    p.add_argument("--list", action="store_true", help="list the canned queries and the question each answers")
    p.set_defaults(run=run)


def run(args) -> int:
    if args.list or not args.query:
        for name, f in sorted(query_files().items()):
            print(f"{name:22} {describe(f.read_text('utf-8'))}")
        return 0
    text = load_query(args.query)
    params = parse_params(args.param)
    check_params(text, params)
    if args.endpoint:
        password = None
        if args.password_env:
            password = os.environ.get(args.password_env)
            if password is None:
                raise UserError(f"environment variable {args.password_env} is not set")
        table = run_remote(args.endpoint, text, params, user=args.user, password=password, timeout=args.timeout,
                           limit=args.limit)
    else:
        table = run_local(open_store(args.store, read_only=True), text, params, limit=args.limit)
    write(table, args.format, sys.stdout)
    if table.cut and args.format != "table":
        print(f"nhskg query: the first {args.limit} rows; more with a larger --limit", file=sys.stderr)
    return 0


def write(table: Table, fmt: str, out) -> None:
    if fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(table.columns)
        w.writerows(table.rows)
    elif fmt == "json":
        json.dump([dict(zip(table.columns, r)) for r in table.rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        widths = [min(60, max([len(c)] + [len(r[i]) for r in table.rows])) for i, c in enumerate(table.columns)]
        line = lambda cells: "  ".join(_fit(c, w) for c, w in zip(cells, widths)).rstrip()
        out.write(line(table.columns) + "\n" + line(["-" * w for w in widths]) + "\n")
        for r in table.rows:
            out.write(line(r) + "\n")
        out.write(f"({len(table.rows)} rows{'; more with a larger --limit' if table.cut else ''})\n")


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())  # a newline inside a value must not break the table
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"
