"""The per-shape fixture graphs of tests/fixtures/shapes, shared by the shape and validator tests."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

FIXTURES = Path(__file__).parent / "fixtures" / "shapes"
SHAPE_DIRS = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


def fixture_graph(shape: str, name: str) -> Graph:
    """A shape's good.ttl or bad.ttl, with the context every fixture is validated with."""
    g = Graph()
    g.parse(FIXTURES / "common.ttl")
    g.parse(FIXTURES / shape / name)
    return g
