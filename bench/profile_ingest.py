"""Where ingest time goes: cProfile of the workers' whole path (extract, RDF, SHACL, serialise) over a sample."""
from __future__ import annotations

import cProfile
import io
import pstats
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def top_functions(articles: Path, n: int, limit: int = 15) -> dict:
    from nhskg.ingest.readers import ReadError, read_file
    from nhskg.ingesting import BATCH, process

    docs = [a for f in sorted(articles.glob("*.txt"))[:n] for a in read_file(f) if not isinstance(a, ReadError)]
    process(docs[:1])  # first-call costs (parsing the shapes, loading the gazetteer) are not per article
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
