"""Where ingest time goes: the CPU of each step of a worker's path (extract, RDF, SHACL, serialise) and of the
parent's (store writes, entity resolution) timed alone, and a cProfile of the worker's whole path, over a sample."""
from __future__ import annotations

import cProfile
import io
import os
import pstats
import shutil
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _read(articles: Path, n: int) -> list:
    from nhskg.ingest.readers import ReadError, read_file

    return [a for f in sorted(articles.glob("*.txt"))[:n] for a in read_file(f) if not isinstance(a, ReadError)]


def _sample(articles: Path, n: int) -> list:
    """The first n articles, with this process warmed up to take them in."""
    from nhskg.ingesting import process

    docs = _read(articles, n)
    process(docs[:1])  # first-call costs (parsing the shapes, loading the gazetteer) are not per article
    return docs


def step_cpu(articles: Path, n: int) -> dict:
    """CPU ms an article of each step `ingesting.process` takes, in its batches, without a profiler's overhead."""
    from nhskg.ingest.pipeline import extract
    from nhskg.ingest.rdf import to_triples
    from nhskg.ingesting import BATCH
    from nhskg.validation import validate_each

    docs = _sample(articles, n)
    spent = dict.fromkeys(("extract", "map to RDF", "validate (SHACL)", "serialise"), 0.0)
    for start in range(0, len(docs), BATCH):
        facts = _timed(spent, "extract", lambda: [extract(a) for a in docs[start:start + BATCH]])
        graphs = _timed(spent, "map to RDF", lambda: [to_triples(f)[1] for f in facts])
        _timed(spent, "validate (SHACL)", lambda: validate_each(graphs))
        _timed(spent, "serialise", lambda: [g.ntriples() for g in graphs])
    return _per_article(spent, len(docs))


def parent_cpu(articles: Path, n: int, store: Path) -> dict:
    """CPU ms an article of the parent's two big steps, on the graphs of n articles made beforehand: writing them
    into a new store at `store` (an empty folder) as the ingest does (bulk loads), then the entity resolution
    over it.
    Process CPU time counts every thread of this process, so RocksDB's flushes and compactions are in."""
    from nhskg.bulk import BulkLoader
    from nhskg.ingesting import BATCH, process
    from nhskg.parallel import batches, ordered_map
    from nhskg.resolution import resolve
    from nhskg.store import open_store

    # made by workers, as in the ingest, so this process need not be warmed up
    outcomes = [o for batch in ordered_map(process, batches(_read(articles, n), BATCH), os.cpu_count() or 1)
                for o in batch if not o.problems]
    db = open_store(store)

    def write() -> None:
        loader = BulkLoader(db, store)
        for o in outcomes:
            loader.add(o.graph_name, o.ntriples)
        loader.commit()
        db.flush()

    spent = dict.fromkeys(("store writes", "entity resolution"), 0.0)
    _timed(spent, "store writes", write)
    _timed(spent, "entity resolution", lambda: resolve(db))
    del db
    shutil.rmtree(store)  # made only to be timed; at 10,000 articles it is 0.7 GB
    return _per_article(spent, len(outcomes))


def _timed(spent: dict[str, float], step: str, fn):
    """fn(), its CPU seconds (every thread of this process) added to spent[step]."""
    started = time.process_time()
    out = fn()
    spent[step] += time.process_time() - started
    return out


def _per_article(spent: dict[str, float], articles: int) -> dict:
    return {"articles": articles, "ms_per_article": {k: round(v * 1000 / articles, 2) for k, v in spent.items()}}


def top_functions(articles: Path, n: int, limit: int = 15) -> dict:
    from nhskg.ingesting import BATCH, process

    docs = _sample(articles, n)
    prof = cProfile.Profile()
    prof.enable()
    for start in range(0, len(docs), BATCH):  # in batches, as the ingest workers take them
        process(docs[start:start + BATCH])
    prof.disable()
    stats = pstats.Stats(prof, stream=io.StringIO())
    total = stats.total_tt
    rows = []
    for (file, line, func), (_cc, calls, tottime, cumtime, _callers) in stats.stats.items():
        rows.append({"function": f"{_short(file)}:{line}({func})", "calls": calls,
                     "self_s": round(tottime, 3), "cumulative_s": round(cumtime, 3),
                     "cumulative_share": round(cumtime / total, 3) if total else None})
    by_cum = sorted(rows, key=lambda r: -r["cumulative_s"])[:limit]
    by_self = sorted(rows, key=lambda r: -r["self_s"])[:limit]
    return {"articles": len(docs), "seconds": round(total, 2), "by_cumulative": by_cum, "by_self": by_self}


def _short(file: str) -> str:
    for marker in ("site-packages/", str(ROOT) + "/"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file
