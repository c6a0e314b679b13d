"""The shared corpus beside the checkout (../shared, as in CI), and a store ingested from it.

The article texts are third-party and never copied into the project: tests read them from here.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from nhskg.cli import main
from nhskg.store import open_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "articles"


def ingested_corpus(location: Path) -> pyoxigraph.Store:
    """The corpus through `nhskg ingest` (so resolved, as ingest leaves a store), opened."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    # exit 1 only says some article was rejected, which the tests using the store look at themselves
    assert main(["ingest", str(CORPUS), "--store", str(location), "--no-progress"]) in (0, 1)
    return open_store(location, create=False)
