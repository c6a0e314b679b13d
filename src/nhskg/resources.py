"""Where the packaged Turtle and SPARQL files are, in a checkout or an installed wheel."""
from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def ontology_files() -> list[Traversable]:
    return sorted((f for f in files("nhskg.ontology").iterdir() if f.name.endswith(".ttl")), key=lambda f: f.name)


def shapes_files() -> list[Traversable]:
    return sorted((f for f in files("nhskg.shapes").iterdir() if f.name.endswith(".ttl")), key=lambda f: f.name)


def query_files() -> dict[str, Traversable]:
    return {f.name[:-3]: f for f in files("nhskg.queries").iterdir() if f.name.endswith(".rq")}
