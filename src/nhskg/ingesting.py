"""The ingest job: articles in, one validated named graph per article out.

Extraction and validation run in worker processes when there is enough input to pay for starting
them; only the parent writes to the store, so the store never sees two writers.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Callable, Iterable, Iterator

from tqdm import tqdm

from .ingest.model import Article, Facts
from .ingest.pipeline import extract
from .ingest.rdf import to_graph
from .ingest.readers import ReadError, read_paths
from .store import open_store, replace_graph
from .validation import validate

PARALLEL_FROM = 64  # below this many articles, starting workers costs more than it saves


@dataclass
class Outcome:
    source: str
    graph_name: str
    ntriples: str
    triples: int
    problems: tuple[str, ...]  # shape messages; empty when the graph conforms


@dataclass
class Summary:
    articles: int = 0
    triples: int = 0
    rejected: int = 0
    unreadable: int = 0
    problems: list[str] = field(default_factory=list)


Extractor = Callable[[Article], Facts]


def process(article: Article, extractor: Extractor = extract) -> Outcome:
    """Extract and validate one article; runs in a worker, so it returns plain data."""
    try:
        name, graph = to_graph(extractor(article))
    except Exception as e:  # an extractor bug must cost one article, not the run
        return Outcome(article.source, "", "", 0, (f"extraction failed: {type(e).__name__}: {e}",))
    report = validate(graph)
    problems = tuple(v.message for v in report.violations if v.severity == "Violation")
    return Outcome(article.source, str(name), graph.serialize(format="nt"), len(graph), problems)


def _outcomes(articles: list[Article], jobs: int, extractor: Extractor) -> Iterator[Outcome]:
    work = partial(process, extractor=extractor)
    if jobs <= 1 or len(articles) < PARALLEL_FROM:
        yield from map(work, articles)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(work, articles, chunksize=16)


def ingest_paths(paths: Iterable[str], store_dir: str, *, jobs: int | None = None, progress: bool = False,
                 extractor: Extractor = extract) -> Summary:
    """Read, extract, validate and store; `extractor` is the pipeline's unless a caller brings its own."""
    summary = Summary()
    articles: list[Article] = []
    for item in read_paths(list(paths)):
        if isinstance(item, ReadError):
            summary.unreadable += 1
            summary.problems.append(f"unreadable: {item}")
        else:
            articles.append(item)
    store = open_store(store_dir)
    bar = tqdm(total=len(articles), unit="article", disable=not progress, leave=False)
    try:
        for out in _outcomes(articles, jobs or os.cpu_count() or 1, extractor):
            bar.update()
            if out.problems:
                summary.rejected += 1
                summary.problems.append(f"rejected: {out.source}: " + "; ".join(dict.fromkeys(out.problems)))
                continue
            replace_graph(store, out.graph_name, out.ntriples)
            summary.articles += 1
            summary.triples += out.triples
    finally:
        bar.close()
        store.flush()
    return summary
