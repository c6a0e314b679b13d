#!/usr/bin/env python3
"""Write N synthetic CQC news articles and the gold facts each one plants.

    python bench/generate.py N OUTDIR [--seed S] [--jobs J] [--reference DIR]

Writes OUTDIR/articles/<id>.txt and OUTDIR/gold/<id>.json (the format of ../shared/eval/GUIDE.md,
so ../shared/eval/score.py can score an extractor on them). Trusts and hospitals are the real
ones in the ODS reference files, read from ../shared/data/reference at run time; people are
invented. Each article's randomness is seeded from (seed, index) alone, so the output is the same
whatever the number of jobs.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reference  # noqa: E402
import synth  # noqa: E402

_TRUSTS: list[reference.Trust] = []


def _init(ref_dir: str) -> None:
    _TRUSTS[:] = reference.load(Path(ref_dir))


def article_id(i: int) -> str:
    return f"synth-{i:06d}"


def _write(task: tuple[str, int, int, int]) -> int:
    out, seed, lo, hi = task
    articles, gold = os.path.join(out, "articles"), os.path.join(out, "gold")
    for i in range(lo, hi):
        aid = article_id(i)
        text, facts = synth.article(aid, _TRUSTS, random.Random(f"{seed}:{i}"))
        with open(os.path.join(articles, aid + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
        with open(os.path.join(gold, aid + ".json"), "w", encoding="utf-8") as f:
            json.dump(facts, f, ensure_ascii=False, indent=1)
    return hi - lo


def generate(n: int, out: Path, seed: int = 0, jobs: int = 0, ref_dir: Path = reference.DEFAULT_DIR) -> None:
    (out / "articles").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    step = max(1, min(2000, n // 16 or 1))
    tasks = [(str(out), seed, lo, min(n, lo + step)) for lo in range(0, n, step)]
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(tasks) == 1:
        _init(str(ref_dir))
        for t in tasks:
            _write(t)
        return
    with Pool(jobs, initializer=_init, initargs=(str(ref_dir),)) as pool:
        for _ in pool.imap_unordered(_write, tasks):
            pass


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, help="how many articles")
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (default: all cores)")
    ap.add_argument("--reference", type=Path, default=reference.DEFAULT_DIR,
                    help="folder of the ODS reference files (default: ../shared/data/reference)")
    a = ap.parse_args(argv)
    if a.n < 0:
        ap.error("N must be 0 or more")
    started = time.monotonic()
    try:
        generate(a.n, a.outdir, a.seed, a.jobs, a.reference)
    except (FileNotFoundError, OSError) as e:
        print(f"generate: {e}", file=sys.stderr)
        return 2
    print(f"{a.n} articles in {a.outdir} in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
