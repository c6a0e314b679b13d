"""The ingest job: articles in, one validated named graph per article out.

Extraction and validation run in worker processes when there is enough input to pay for starting
them; only the parent writes to the store, so the store never sees two writers. Articles stream
through in batches (one SHACL run checks a whole batch, see `validation.validate_each`) with a
bounded number of batches in flight, so memory stays flat however many articles come in.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, islice
from typing import Callable, Iterable, Iterator

from tqdm import tqdm

from .bulk import BulkLoader
from .ingest.model import Article, Facts
from .ingest.pipeline import extract
from .ingest.rdf import to_triples
from .ingest.readers import ReadError, printable, read_paths
from .parallel import batches, ordered_map
from .store import open_store, replace_graph
from .validation import validate_each

# RocksDB keeps each transaction's writes in memory until a flush: measured, 0.2 MB an article without
# one (1.7 GB at 10,000 articles), flat at under 200 MB with a flush every 500. (Bulk loads bypass it.)
FLUSH_EVERY = 500
PARALLEL_FROM = 64  # below this many articles, starting workers costs more than it saves
BATCH = 32  # articles per SHACL run: past a few dozen, a bigger batch saves little and delays progress


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


def process(articles: list[Article], extractor: Extractor = extract) -> list[Outcome]:
    """Extract and validate a batch of articles; runs in a worker, so it returns plain data."""
    outcomes: list[Outcome | None] = []
    built = []
    for article in articles:
        try:
            built.append((len(outcomes), article, *to_triples(extractor(article))))
            outcomes.append(None)
        except Exception as e:  # an extractor bug must cost one article, not the run
            outcomes.append(Outcome(article.source, "", "", 0, (f"extraction failed: {type(e).__name__}: {e}",)))
    reports = validate_each([graph for *_, graph in built])
    for (i, article, name, graph), report in zip(built, reports):
        problems = tuple(v.message for v in report.violations if v.severity == "Violation")
        outcomes[i] = Outcome(article.source, str(name), graph.ntriples(), len(graph), problems)
    return outcomes


def _outcomes(articles: Iterable[Article], jobs: int, extractor: Extractor) -> Iterator[Outcome]:
    it = iter(articles)
    head = list(islice(it, PARALLEL_FROM))
    if len(head) < PARALLEL_FROM:
        jobs = 1
    for outcomes in ordered_map(partial(process, extractor=extractor), batches(chain(head, it), BATCH), jobs):
        yield from outcomes


def ingest_paths(paths: Iterable[str], store_dir: str, *, jobs: int | None = None, progress: bool = False,
                 extractor: Extractor = extract, duplicates: str = "keep") -> Summary:
    """Read, extract, validate and store; `extractor` is the pipeline's unless a caller brings its own.

    Two articles of one run with one identity (JSON Lines lines sharing a `url`) would be one graph, the
    last replacing the others unseen: each repeat is reported, and with `duplicates="keep"` stored apart
    as `IDENTITY#2`, `#3`... in reading order (so a re-run replaces the same graphs), with "replace" the
    last one read is kept."""
    summary = Summary()
    seen: dict[str, int] = {}

    def readable() -> Iterator[Article]:
        for item in read_paths(list(paths)):
            if isinstance(item, ReadError):
                summary.unreadable += 1
                summary.problems.append(f"unreadable: {item}")
                continue
            n = seen[item.source] = seen.get(item.source, 0) + 1
            if n > 1:
                shown = printable(item.source)
                if duplicates == "keep":
                    item.source = f"{item.source}#{n}"
                    summary.problems.append(f"duplicate: article {n} from {shown} stored apart as {printable(item.source)}")
                else:
                    summary.problems.append(f"duplicate: article {n} from {shown} replaces the one read before it")
            yield item

    store = open_store(store_dir)
    loader = BulkLoader(store, store_dir)
    replaced = 0
    # Articles stream in, so the total is not known ahead: the bar counts and shows the rate.
    bar = tqdm(unit="article", disable=not progress, leave=False)
    try:
        for out in _outcomes(readable(), jobs or os.cpu_count() or 1, extractor):
            bar.update()
            if out.problems:
                summary.rejected += 1
                summary.problems.append(f"rejected: {printable(out.source)}: " + "; ".join(dict.fromkeys(out.problems)))
                continue
            if loader.takes(out.graph_name, out.ntriples):
                loader.add(out.graph_name, out.ntriples)
            else:
                loader.commit()  # a replaced graph may be one the batch holds
                replace_graph(store, out.graph_name, out.ntriples)
                replaced += 1
                if replaced % FLUSH_EVERY == 0:
                    store.flush()
            summary.articles += 1
            summary.triples += out.triples
    finally:
        bar.close()
        # What was extracted before an interruption (Ctrl-C) is kept, as it was with one commit an article.
        loader.commit()
        store.flush()
    return summary
