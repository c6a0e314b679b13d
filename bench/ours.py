"""nhskg's own figures: ingest through the real CLI, extraction alone, canned queries, push, validation."""
from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import measure

NHSKG = [shutil.which("nhskg") or "nhskg"]  # the installed CLI, as users run it


SLOW_S = 20  # a query slower than this once is timed once


def unavailable(reason: str) -> dict:
    return {"available": False, "reason": reason}


def has_command(name: str) -> bool:
    return subprocess.run([*NHSKG, name, "--help"], capture_output=True).returncode == 0


def _failed(what: str, r: measure.Run) -> dict:
    last = (r.stderr.strip().splitlines() or ["(no message)"])[-1]
    return unavailable(f"{what} exited {r.returncode}: {last[:300]}")


def ingest(articles: Path, store: Path, jobs: int, n: int) -> dict:
    r = measure.run([*NHSKG, "ingest", str(articles), "--store", str(store), "--jobs", str(jobs), "--no-progress"])
    m = re.search(r"(\d+) articles stored \((\d+) triples\), (\d+) rejected", r.stderr)
    if not m:
        return _failed("nhskg ingest", r)
    return {"available": True, "articles": n, "jobs": jobs, "seconds": round(r.seconds, 2),
            "articles_per_s": round(n / r.seconds, 1), "stored": int(m[1]), "triples": int(m[2]),
            "rejected": int(m[3]), "peak_rss_mb": round(r.peak_rss_mb), "peak_tree_mb": round(r.peak_tree_mb),
            "cpu_s": round(r.cpu_s, 1), "cpu_parent_s": round(r.cpu_root_s, 1)}


def extraction(articles: Path, n: int) -> dict:
    """pipeline.extract alone, one process, on the first n articles (read beforehand, not timed)."""
    from nhskg.ingest.pipeline import extract
    from nhskg.ingest.readers import ReadError, read_file

    files = sorted(articles.glob("*.txt"))[:n]
    docs = [a for f in files for a in read_file(f) if not isinstance(a, ReadError)]
    started = time.process_time()
    wall = time.monotonic()
    for a in docs:
        extract(a)
    cpu = time.process_time() - started
    return {"available": True, "articles": len(docs), "cpu_seconds": round(cpu, 2),
            "wall_seconds": round(time.monotonic() - wall, 2),
            "articles_per_s_per_core": round(len(docs) / cpu, 1) if cpu else None}


def queries(store: Path, repeats: int, params: dict[str, str]) -> dict:
    import pyoxigraph
    from nhskg.resources import query_files
    from nhskg.sparql import required_params, run_local
    from nhskg.store import open_store

    db = open_store(store, read_only=True)
    out = {}
    for name, f in sorted(query_files().items()):
        text = f.read_text("utf-8")
        bound = {k: pyoxigraph.Literal(v) for k, v in params.items() if k in required_params(text)}
        out[name] = measure.row_latency(lambda: run_local(db, text, bound).rows, repeats, SLOW_S)
    return out


def validate(store: Path) -> dict:
    r = measure.run([*NHSKG, "validate", "--store", str(store)])
    m = re.search(r"(\d+) article graphs checked, (\d+) with violations", r.stdout)
    if not m:
        return _failed("nhskg validate", r)
    return {"available": True, "seconds": round(r.seconds, 2), "graphs": int(m[1]), "with_violations": int(m[2]),
            "graphs_per_s": round(int(m[1]) / r.seconds, 1), "peak_tree_mb": round(r.peak_tree_mb)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _count(base: str) -> int:
    q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    req = urllib.request.Request(f"{base}/query", data=q.encode(), method="POST",
                                 headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    with urllib.request.urlopen(req, timeout=600) as resp:
        return int(resp.read().decode().split()[1])


def push(store: Path, work: Path) -> dict:
    if not has_command("push"):
        return unavailable("nhskg push is not there yet")
    oxigraph = subprocess.run(["which", "oxigraph"], capture_output=True, text=True).stdout.strip()
    if not oxigraph:
        return unavailable("no oxigraph binary (pip install oxigraph)")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([oxigraph, "serve", "--location", str(work / "oxigraph"), "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        r = measure.run([*NHSKG, "push", "--store", str(store), "--endpoint", base])
        if r.returncode != 0:
            return _failed("nhskg push", r)
        triples = _count(base)
        return {"available": True, "seconds": round(r.seconds, 2), "triples": triples,
                "triples_per_s": round(triples / r.seconds)}
    finally:
        server.terminate()
        server.wait(timeout=30)
