"""nhskg ingest: read, extract, validate and commit articles, one named graph each."""
from __future__ import annotations

import argparse
import sys
import time

from ..cli import add_store_option
from ..ingesting import ingest_paths
from ..resolution import resolve
from ..store import open_store


def register(sub) -> None:
    p = sub.add_parser(
        "ingest", help="read articles, extract their facts, validate and store them",
        description="Read articles (.txt with optional NAME.meta.json, .html, .jsonl, or folders of them), extract "
                    "their facts, validate each article's graph with the SHACL shapes and commit it to the store as "
                    "one named graph. Re-ingesting an article replaces its facts. An article that fails validation "
                    "is reported and not stored; the others go on.",
        epilog="example: nhskg ingest news/ extra.html --store nhskg-store --jobs 2",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    add_store_option(p)
    p.add_argument("--jobs", type=int, default=0, metavar="N",
                   help="worker processes for extraction and validation (default: all cores for large inputs)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    p.add_argument("--duplicates", choices=["keep", "replace"], default="keep",
                   help="two articles of one run with one identity (JSON Lines lines sharing a url): keep both, "
                        "the repeat stored as IDENTITY#2 (default), or keep only the last; either way each is reported")
    p.add_argument("--no-resolve", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(run=run)


def run(args) -> int:
    started = time.monotonic()
    summary = ingest_paths(args.paths, args.store, jobs=args.jobs or None,
                           progress=not args.no_progress and sys.stderr.isatty(), duplicates=args.duplicates)
    for problem in summary.problems:
        print(problem, file=sys.stderr)
    if not args.no_resolve:
        res = resolve(open_store(args.store))
        print(f"resolution: {len(res.canonical)} entity nodes are {len(res.labels)} entities "
              f"({len(res.decisions)} merges)", file=sys.stderr)
    print(f"{summary.articles} articles stored ({summary.triples} triples), {summary.rejected} rejected, "
          f"{summary.unreadable} unreadable, in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return 1 if summary.rejected or summary.unreadable else 0


