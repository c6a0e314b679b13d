"""SHACL validation of article graphs against shapes/ (pyshacl, no inference).

The shapes graph is parsed once per process and reused: parsing it is most of the cost of
validating one small article graph. Closed value sets are sh:in lists, so data graphs need not
carry the vocabularies to be checked.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pyshacl import validate as shacl_validate
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

from .resources import shapes_files

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    severity: str

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}"


@dataclass(frozen=True)
class Report:
    conforms: bool
    violations: tuple[Violation, ...]

    def text(self) -> str:
        if self.conforms:
            return "conforms: no violations"
        return "\n".join(str(v) for v in self.violations)


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    g = Graph()
    for f in shapes_files():
        g.parse(data=f.read_text("utf-8"), format="turtle")
    return g


def validate(data: Graph) -> Report:
    conforms, results, _ = shacl_validate(
        data, shacl_graph=shapes_graph(), inference="none",
        advanced=True, allow_warnings=True)
    violations = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        violations.append(Violation(
            focus=str(results.value(r, SH.focusNode)),
            path=_short(results.value(r, SH.resultPath)),
            message=str(results.value(r, SH.resultMessage) or "constraint not met"),
            severity=_short(results.value(r, SH.resultSeverity)),
        ))
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return Report(bool(conforms), tuple(violations))


def _short(term) -> str:
    if term is None:
        return ""
    s = str(term)
    return s.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if s.startswith("http") else s
