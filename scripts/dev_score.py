#!/usr/bin/env python3
"""Score the extractor alone (no store, no SHACL) with the matching of ../shared/eval/score.py.

    python scripts/dev_score.py [ARTICLES_DIR GOLD_DIR] [--show-errors]

It answers score.py's `nhskg ingest` / `nhskg query` calls from `pipeline.extract` directly, so the
figures isolate extraction from the RDF mapping, the queries and validation.
"""
from __future__ import annotations

import csv
import io
import sys
import time
from pathlib import Path

from nhskg.ingest.model import Article
from nhskg.ingest.pipeline import extract

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
COLUMNS = {"trusts": ["trust", "article"], "hospitals": ["hospital", "trust", "article"],
           "people": ["person", "kind", "role", "organisation", "article"],
           "ratings": ["subject", "service", "key_question", "rating", "previous_rating", "article"],
           "special-measures": ["trust", "status", "article"]}
SM_STATUS = {"placed": "in", "remains": "in", "out": "out", "recommended": "recommended"}


def rows_of(facts) -> dict[str, list[dict]]:
    src = facts.article.source
    names = {o.key: o.name for o in facts.organisations}
    out = {q: [] for q in COLUMNS}
    for o in facts.organisations:
        if o.kind == "trust":
            out["trusts"].append({"trust": o.name, "article": src})
        elif o.kind == "hospital":
            out["hospitals"].append({"hospital": o.name, "trust": names.get(o.trust_key, ""), "article": src})
    for p in facts.people:
        out["people"].append({"person": p.name, "kind": p.kind, "role": p.role or "",
                              "organisation": names.get(p.organisation_key, ""), "article": src})
    for r in facts.ratings:
        if r.subject_key in names:
            out["ratings"].append({"subject": names[r.subject_key], "service": r.service or "",
                                   "key_question": r.key_question or "", "rating": r.level,
                                   "previous_rating": r.previous or "", "article": src})
    for s in facts.special_measures:
        if s.trust_key in names:
            out["special-measures"].append({"trust": names[s.trust_key], "status": SM_STATUS.get(s.status, s.status),
                                            "article": src})
    return out


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(SHARED / "eval"))
    import score

    args = [a for a in argv if not a.startswith("--")]
    articles, gold = (args + [str(SHARED / "corpus/articles"), str(SHARED / "corpus/gold")][len(args):])[:2]
    table: dict[str, list[dict]] = {q: [] for q in COLUMNS}

    def run(cmd: list[str]) -> str:
        if cmd[1] == "ingest":
            paths = cmd[2:cmd.index("--store")]
            t0 = time.perf_counter()
            for p in paths:
                for q, rs in rows_of(extract(Article(source=p, text=Path(p).read_text("utf-8")))).items():
                    table[q].extend(rs)
            print(f"extracted {len(paths)} articles in {time.perf_counter() - t0:.2f} s", file=sys.stderr)
            return ""
        buf = io.StringIO()
        w = csv.DictWriter(buf, COLUMNS[cmd[2]])
        w.writeheader()
        w.writerows(table[cmd[2]])
        return buf.getvalue()

    score.run = run
    score.score(articles, gold, ["nhskg"], "--show-errors" in argv)


if __name__ == "__main__":
    main(sys.argv[1:])
