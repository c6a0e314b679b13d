#!/usr/bin/env python3
"""Fuzz the readers, the extractor and the RDF mapping with hostile input, at scale.

    python scripts/fuzz.py [--inputs 100000] [--jobs 2] [--seed 0] [--out docs/fuzz-result.json]
    python scripts/fuzz.py --only 4711      # make input 4711 again and show what happens to it

The inputs come from tests/fuzz_kit.py (the generators and checks tests/test_fuzz.py uses under
hypothesis): seven in ten are articles handed to the extractor, three in ten folders of files
(text with sidecars, HTML, JSON Lines, in several encodings, some binary or truncated) handed to
the readers. Input i is made from random.Random(f"{seed}:{i}") alone, so any failure can be made
again. Every input must pass the checks: no exception, every graph conforms to the shapes and
comes back unchanged through N-Triples, Turtle and the store, every bad file a one-line error.
An input taking longer than --hang seconds counts as a failure too (a runaway regular expression).
Figures go to standard output and to --out as JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
import traceback
from collections import Counter
from multiprocessing import Pool
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import fuzz_kit  # noqa: E402
from rdflib import RDF  # noqa: E402

from nhskg.ingest.iris import NHSKG  # noqa: E402

ARTICLE_SHARE = 7  # of every 10 inputs
FACT_CLASSES = ["Trust", "Hospital", "Person", "Post", "Rating", "SpecialMeasures", "Inspection",
                "EnforcementAction", "Statement"]


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def make(seed: int, i: int):
    rng = Random(f"{seed}:{i}")
    return ("article", fuzz_kit.article(rng)) if i % 10 < ARTICLE_SHARE else ("files", fuzz_kit.file_set(rng))


def run_one(seed: int, i: int, hang: int) -> dict:
    kind, value = make(seed, i)
    out = {"kind": kind, "graphs": 0, "triples": 0, "facts": Counter(), "read_errors": Counter(), "failure": None}
    signal.alarm(hang)
    try:
        if kind == "article":
            graphs, errors = [fuzz_kit.check_article(value)], []
        else:
            graphs, errors = fuzz_kit.check_files(value)
    except Hang:
        out["failure"] = f"Hang: more than {hang} s"
        return out
    except Exception as e:  # every exception is a finding, recorded rather than stopping the run
        where = traceback.extract_tb(e.__traceback__)[-1]
        out["failure"] = f"{type(e).__name__}: {str(e).splitlines()[0][:200] if str(e) else ''} " \
                         f"(at {Path(where.filename).name}:{where.lineno})"
        return out
    finally:
        signal.alarm(0)
    out["graphs"] = len(graphs)
    out["triples"] = sum(len(g) for g in graphs)
    for g in graphs:
        for c in FACT_CLASSES:
            out["facts"][c] += sum(1 for _ in g.subjects(RDF.type, NHSKG[c]))
    for e in errors:
        out["read_errors"][e.message.split(":")[0].split(" (")[0]] += 1
    return out


def run_range(task: tuple[int, int, int, int]) -> dict:
    seed, lo, hi, hang = task
    signal.signal(signal.SIGALRM, _alarm)
    total = {"inputs": Counter(), "graphs": 0, "triples": 0, "facts": Counter(), "read_errors": Counter(),
             "failures": Counter(), "first_failing_input": {}}
    for i in range(lo, hi):
        r = run_one(seed, i, hang)
        total["inputs"][r["kind"]] += 1
        total["graphs"] += r["graphs"]
        total["triples"] += r["triples"]
        total["facts"].update(r["facts"])
        total["read_errors"].update(r["read_errors"])
        if r["failure"]:
            total["failures"][r["failure"]] += 1
            total["first_failing_input"].setdefault(r["failure"], i)
    return total


def merge(parts: list[dict]) -> dict:
    total = {"inputs": Counter(), "graphs": 0, "triples": 0, "facts": Counter(), "read_errors": Counter(),
             "failures": Counter(), "first_failing_input": {}}
    for p in parts:
        for k in ("inputs", "facts", "read_errors", "failures"):
            total[k].update(p[k])
        total["graphs"] += p["graphs"]
        total["triples"] += p["triples"]
        for f, i in p["first_failing_input"].items():
            total["first_failing_input"][f] = min(i, total["first_failing_input"].get(f, i))
    return total


def show(seed: int, i: int, hang: int) -> int:
    kind, value = make(seed, i)
    print(f"input {i} ({kind}):\n{value!r}\n")
    r = run_one(seed, i, hang)
    print(r["failure"] or f"passed: {r['graphs']} graph(s), {r['triples']} triples, facts {dict(r['facts'])}")
    return 1 if r["failure"] else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--inputs", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--hang", type=int, default=60, help="seconds after which one input counts as hanging")
    ap.add_argument("--out", default=str(ROOT / "docs" / "fuzz-result.json"))
    ap.add_argument("--only", type=int, metavar="I", help="make input I again and show what happens to it")
    args = ap.parse_args()
    if args.only is not None:
        signal.signal(signal.SIGALRM, _alarm)
        return show(args.seed, args.only, args.hang)

    code_version = _code_version()  # before the run: the tree may change while it runs
    step = 500
    tasks = [(args.seed, lo, min(args.inputs, lo + step), args.hang) for lo in range(0, args.inputs, step)]
    started = time.monotonic()
    parts = []
    with Pool(args.jobs) as pool:
        for n, part in enumerate(pool.imap_unordered(run_range, tasks), 1):
            parts.append(part)
            done = sum(sum(p["inputs"].values()) for p in parts)
            fails = sum(sum(p["failures"].values()) for p in parts)
            print(f"\r{done:,}/{args.inputs:,} inputs, {fails} failures, {time.monotonic() - started:,.0f} s",
                  end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    total = merge(parts)
    seconds = time.monotonic() - started
    inputs = sum(total["inputs"].values())
    result = {
        "command": f"python scripts/fuzz.py --inputs {args.inputs} --jobs {args.jobs} --seed {args.seed}",
        **code_version, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "inputs": inputs, "inputs_by_kind": dict(total["inputs"]), "seconds": round(seconds, 1),
        "inputs_per_second": round(inputs / seconds, 1),
        "failures": sum(total["failures"].values()),
        "failure_kinds": [{"failure": f, "count": n, "first_input": total["first_failing_input"][f]}
                          for f, n in total["failures"].most_common()],
        "graphs_checked": total["graphs"], "triples_checked": total["triples"],
        "facts_in_checked_graphs": dict(sorted(total["facts"].items())),
        "read_errors_reported": dict(total["read_errors"].most_common()),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{inputs:,} inputs ({', '.join(f'{n:,} {k}' for k, n in total['inputs'].items())}) in {seconds:,.0f} s "
          f"({result['inputs_per_second']}/s): {result['failures']} failures")
    print(f"{total['graphs']:,} graphs with {total['triples']:,} triples checked; facts: "
          + ", ".join(f"{k} {v:,}" for k, v in sorted(total["facts"].items())))
    print("read errors reported: " + ", ".join(f"{k} {v:,}" for k, v in total["read_errors"].most_common()))
    for f in result["failure_kinds"]:
        print(f"  {f['count']:6,} x {f['failure']}  (first: --only {f['first_input']})")
    print(f"written to {args.out}")
    return 1 if result["failures"] else 0


def _code_version() -> dict:
    """The commit, and the files of the code under test that differ from it (uncommitted edits run too)."""
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout
        except OSError:
            return ""
    changed = git("status", "--porcelain", "--", "ingest", "src", "shapes", "ontology", "tests/fuzz_kit.py").splitlines()
    return {"commit": git("rev-parse", "--short", "HEAD").strip(), "uncommitted": [l[3:] for l in changed]}


if __name__ == "__main__":
    sys.exit(main())
