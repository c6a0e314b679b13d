"""nhskg validate: the whole store against the SHACL shapes."""
from __future__ import annotations

import os
import sys

from tqdm import tqdm

from ..cli import add_store_option
from ..store import article_graphs, open_store
from ..store_validation import check_store


def register(sub) -> None:
    p = sub.add_parser("validate", help="check the whole store against the shapes (exit 1 on violations)",
                       description="Validate every article graph in the store against the SHACL shapes and print "
                                   "a readable report. Exit status 1 when anything violates a shape.",
                       epilog="example: nhskg validate --store nhskg-store --jobs 2")
    add_store_option(p)
    p.add_argument("--jobs", type=int, default=0, metavar="N",
                   help="worker processes (default: all cores for large stores)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    p.set_defaults(run=run)


def run(args) -> int:
    store = open_store(args.store, read_only=True)
    total = len(article_graphs(store))
    failed = 0
    bar = tqdm(total=total, unit="graph", leave=False, disable=args.no_progress or not sys.stderr.isatty())
    try:
        for name, report in check_store(store, args.jobs or os.cpu_count() or 1, on_graph=bar.update):
            if not report.conforms:
                failed += 1
                bar.write(f"{name}:", file=sys.stdout)
                for v in report.violations:
                    bar.write(f"  {v}", file=sys.stdout)
    finally:
        bar.close()
    print(f"{total} article graphs checked, {failed} with violations")
    return 1 if failed else 0
