#!/usr/bin/env python3
"""Run every benchmark of nhskg on synthetic articles and write bench/results.json and BENCHMARKS.md.

    python bench/run.py [--sizes 1000,10000,100000] [--work DIR] [--out bench/results.json] [--md BENCHMARKS.md]

For each size: generate the articles (bench/generate.py), ingest them through the real `nhskg
ingest` with one process and with all cores (time and peak memory). On the largest store: canned
query latencies, `nhskg push` into a local Oxigraph server, `nhskg validate`. Also: extraction
alone, the plain rdflib + pyshacl way on the same articles, precision and recall of the synthetic
gold through ../shared/eval/score.py, the CPU of each step of the ingest path and a profile of it.
A figure that cannot be measured (a missing command, a failing run) is recorded as
{"available": false, "reason": ...}.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402
import measure  # noqa: E402
import ours  # noqa: E402
import report  # noqa: E402
from profile_ingest import parent_cpu, step_cpu, top_functions  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SCORE = ROOT.parent / "shared" / "eval" / "score.py"


def subset(corpus: Path, n: int, into: Path) -> Path:
    """The first n generated articles as their own folder (hard links, so nothing is copied)."""
    for part in ("articles", "gold"):
        (into / part).mkdir(parents=True, exist_ok=True)
    for i in range(n):
        aid = generate.article_id(i)
        for part, ext in (("articles", ".txt"), ("gold", ".json")):
            dst = into / part / (aid + ext)
            if not dst.exists():
                os.link(corpus / part / (aid + ext), dst)
    return into


def accuracy(sample: Path) -> dict:
    if not SCORE.exists():
        return ours.unavailable(f"no scorer at {SCORE}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "score.json"
        r = measure.run([sys.executable, str(SCORE), str(sample / "articles"), str(sample / "gold"),
                         "--cli", ours.NHSKG[0], "--json", str(out)])
        if r.returncode != 0 or not out.exists():
            return ours.unavailable(f"score.py exited {r.returncode}: {r.stderr.strip()[-300:]}")
        return {"available": True, "articles": len(list((sample / "gold").glob("*.json"))),
                "figures": json.loads(out.read_text())}


def plain(articles: Path, n: int, repeats: int, params: dict, work: Path) -> dict:
    out = work / "plain.json"
    r = measure.run([sys.executable, str(Path(__file__).with_name("plain.py")), str(articles), "--json", str(out),
                     "--repeats", str(repeats), *[f"--param={k}={v}" for k, v in params.items()]])
    if r.returncode != 0:
        return ours.unavailable(f"plain.py exited {r.returncode}: {r.stderr.strip()[-300:]}")
    data = json.loads(out.read_text())
    seconds = data["build_seconds"] + data["validate_seconds"]
    return {"available": True, **data, "seconds": round(seconds, 2), "articles_per_s": round(n / seconds, 1),
            "peak_rss_mb": round(r.peak_rss_mb), "process_seconds": round(r.seconds, 2)}


def timeline_param(corpus: Path) -> dict:
    """trust-timeline needs a trust: the first article's trust, by name."""
    gold = json.loads((corpus / "gold" / f"{generate.article_id(0)}.json").read_text())
    return {"trust": gold["trusts"][0]["name"]}


def machine() -> dict:
    return {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
            "started": time.strftime("%Y-%m-%d %H:%M:%S")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="comma-separated article counts")
    ap.add_argument("--single-max", type=int, default=None,
                    help="largest size also ingested with one process (default: every size)")
    ap.add_argument("--extract-n", type=int, default=5000,
                    help="articles for extraction alone and for each ingest step timed alone (default 5000)")
    ap.add_argument("--plain-n", type=int, default=10000,
                    help="articles for the plain rdflib way (default: 10000, or the largest size if smaller)")
    ap.add_argument("--parent-n", type=int, default=10000,
                    help="articles whose graphs the parent's steps are timed on alone (default 10000)")
    ap.add_argument("--score-n", type=int, default=1000, help="articles scored with score.py (default 1000)")
    ap.add_argument("--profile-n", type=int, default=200, help="articles profiled (default 200)")
    ap.add_argument("--repeats", type=int, default=20, help="timed runs per query (default 20)")
    ap.add_argument("--validate-n", type=int, default=None,
                    help="the size whose store `nhskg validate` checks whole (default: the largest)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one, removed)")
    ap.add_argument("--resume", type=Path, default=None,
                    help="a results.json to complete: figures it has are kept, missing or failed ones measured")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    ap.add_argument("--md", type=Path, default=ROOT / "BENCHMARKS.md")
    a = ap.parse_args(argv)
    try:
        sizes = sorted({int(s) for s in a.sizes.split(",") if s.strip()})
    except ValueError:
        ap.error("--sizes takes comma-separated whole numbers, e.g. 1000,10000")
    if not sizes or sizes[0] < 1:
        ap.error("--sizes needs at least one size of 1 or more")

    if a.resume and not a.work:
        ap.error("--resume needs --work: the folder of the run being resumed")
    results = json.loads(a.resume.read_text()) if a.resume else {}
    work = a.work or Path(tempfile.mkdtemp(prefix="nhskg-bench-"))
    try:
        results = bench(a, sizes, work, results, save=lambda r: save(a.out, r))
    finally:
        if a.work is None:
            shutil.rmtree(work, ignore_errors=True)
    save(a.out, results)
    a.md.write_text(report.markdown(results))
    print(report.summary(results))
    return 0


def save(path: Path, results: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1) + "\n")


def bench(a, sizes: list[int], work: Path, results: dict, save=lambda results: None) -> dict:
    """Every figure; one already in `results` (from --resume) and available is kept, not measured again."""
    largest = sizes[-1]
    needed = max(largest, a.extract_n, a.plain_n if a.plain_n <= largest else 0, a.score_n)
    cores = os.cpu_count() or 1
    if "machine" in results:  # resumed: the header must not pass the kept figures off as this run's
        results["machine"].setdefault("resumed", []).append(time.strftime("%Y-%m-%d %H:%M:%S"))
    else:
        results["machine"] = machine()
    results.update(sizes=sizes, seed=a.seed)

    def step(holder: dict, key: str, measure_it) -> dict:
        if not report.available(holder.get(key)):
            holder[key] = measure_it()
            log(f"{key}: {json.dumps(holder[key])[:400]}")
            save(results)  # a run stopped later keeps this figure: --resume goes on from it
        return holder[key]

    corpus = work / "corpus"

    def make_corpus() -> dict:
        t = time.monotonic()
        generate.generate(needed, corpus, seed=a.seed)
        return {"articles": needed, "seconds": round(time.monotonic() - t, 2)}

    if len(list((corpus / "gold").glob("*.json"))) < needed:
        results.pop("generate", None)
    step(results, "generate", make_corpus)
    params = timeline_param(corpus)

    ingest = results.setdefault("ingest", {})
    single_max = a.single_max if a.single_max is not None else largest

    def ingest_size(n: int) -> None:
        folder = subset(corpus, n, work / f"n{n}") / "articles"
        row = ingest.setdefault(str(n), {})
        step(row, "one_process", lambda: ours.ingest(folder, fresh(work / f"store-{n}-1"), 1, n) if n <= single_max
             else ours.unavailable(f"skipped: above --single-max {single_max}"))
        step(row, "all_cores", lambda: ours.ingest(folder, fresh(work / f"store-{n}-all"), cores, n))

    # The quick figures first, so that a run stopped during the hours of the largest size still has them.
    for n in sizes[:-1]:
        ingest_size(n)
    step(results, "extraction", lambda: ours.extraction(corpus / "articles", a.extract_n))
    step(results, "steps", lambda: step_cpu(corpus / "articles", a.extract_n))
    step(results, "parent_steps", lambda: parent_cpu(corpus / "articles", min(a.parent_n, needed),
                                                     fresh(work / "store-parent-steps")))
    plain_n = min(a.plain_n, largest)
    plain_dir = subset(corpus, plain_n, work / f"n{plain_n}")
    ours_store = work / f"store-{plain_n}-all"
    step(ingest.setdefault(str(plain_n), {}), "all_cores",
         lambda: ours.ingest(plain_dir / "articles", fresh(ours_store), cores, plain_n))
    step(results, "plain", lambda: {"articles": plain_n, **plain(plain_dir / "articles", plain_n, min(a.repeats, 5),
                                                                 params, work)})
    if report.available(results["plain"]):
        step(results["plain"], "ours_queries", lambda: ours.queries(ours_store, a.repeats, params))
    score_n = min(a.score_n, needed)
    step(results, "accuracy", lambda: accuracy(subset(corpus, score_n, work / f"n{score_n}")))
    step(results, "profile", lambda: top_functions(corpus / "articles", min(a.profile_n, needed)))

    ingest_size(largest)
    big_store = work / f"store-{largest}-all"
    have_store = report.available(ingest[str(largest)]["all_cores"])
    step(results, "queries", lambda: {"articles": largest, "params": params,
                                      "per_query": ours.queries(big_store, a.repeats, params)}
         if have_store else ours.unavailable("no store: ingest failed"))
    step(results, "push", lambda: ours.push(big_store, work) if have_store else ours.unavailable("no store"))
    validate_n = a.validate_n if a.validate_n in sizes else largest
    step(results, "validate", lambda: {"articles": validate_n, **ours.validate(work / f"store-{validate_n}-all")})
    results["ratios"] = report.ratios(results)
    results["targets"] = report.targets(results)
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return results


def fresh(store: Path) -> Path:
    """A store folder emptied first, so that a resumed run measures a first ingest, not a re-ingest."""
    shutil.rmtree(store, ignore_errors=True)
    return store


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
