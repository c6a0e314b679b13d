"""SHACL validation of article graphs against shapes/ (pyshacl, no inference).

The shapes check closed value sets against the concept schemes (skos:inScheme) and reach facts
through the ontology's class hierarchy (sh:targetClass nhskg:RegulatoryFact), so each data graph is
validated together with a small reference graph: the ontology's subclass axioms and the schemes'
membership triples. Article graphs therefore need not carry the vocabularies. Both graphs are
parsed once per process and reused: parsing is most of the cost of validating one small graph.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Namespace
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from .resources import ontology_files, shapes_files

SH = Namespace("http://www.w3.org/ns/shacl#")
PREFIXES = {
    "nhskg": "https://w3id.org/nhskg/ontology#", "v": "https://w3id.org/nhskg/vocab/",
    "org": "http://www.w3.org/ns/org#", "prov": "http://www.w3.org/ns/prov#", "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/", "skos": str(SKOS), "rdf": str(RDF), "rdfs": str(RDFS),
}
# The only reference triples the shapes look at; the labels, definitions and the rest stay out,
# which keeps the per-graph copy pyshacl makes small.
REFERENCE_PREDICATES = (RDFS.subClassOf, SKOS.inScheme, SKOS.topConceptOf)


class Violation(NamedTuple):
    focus: str  # the node that fails, as an IRI string
    path: str  # the property, as prefix:name ("" when the node itself fails)
    message: str  # the shape's sh:message, in a user's words
    severity: str  # "Violation" | "Warning" | "Info"

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.severity}: <{self.focus}>{where}: {self.message}"


class Report(NamedTuple):
    conforms: bool
    violations: list[Violation]

    def text(self) -> str:
        if self.conforms:
            return "conforms: no violations"
        return f"{len(self.violations)} problem(s):\n" + "\n".join(f"  {v}" for v in self.violations)


def _parse(files) -> Graph:
    g = Graph()
    for f in files:
        g.parse(data=f.read_text("utf-8"), format="turtle")
    return g


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes of shapes/*.ttl."""
    return _parse(shapes_files())


@lru_cache(maxsize=1)
def reference_graph() -> Graph:
    """Ontology subclass axioms and concept-scheme membership, mixed into every data graph."""
    full = _parse(ontology_files())
    g = Graph()
    for p in REFERENCE_PREDICATES:
        for t in full.triples((None, p, None)):
            g.add(t)
    return g


def validate(data: Graph) -> Report:
    """Check one graph (an article's, or any union of them); `data` is not modified."""
    # pyshacl's own ont_graph mixing copies only class and property axioms, not scheme membership,
    # so the union is built here; it also leaves the caller's graph untouched.
    mixed = Graph()
    mixed += data
    mixed += reference_graph()
    conforms, results, _ = shacl_validate(mixed, shacl_graph=shapes_graph(), inference="none", allow_warnings=True)
    report = results.value(predicate=RDF.type, object=SH.ValidationReport, any=False)
    # Only top-level results: nested ones (sh:detail of an sh:node check) repeat the same problem.
    violations = sorted({
        Violation(focus=str(results.value(r, SH.focusNode)),
                  path=_path(results, results.value(r, SH.resultPath)),
                  message=str(results.value(r, SH.resultMessage) or "constraint not met"),
                  severity=_local(results.value(r, SH.resultSeverity)))
        for r in results.objects(report, SH.result)})
    return Report(bool(conforms), violations)


def _path(results: Graph, path: Node | None) -> str:
    if path is None:
        return ""
    if isinstance(path, BNode) and (inverse := results.value(path, SH.inversePath)) is not None:
        return "^" + _path(results, inverse)
    return _qname(str(path))


def _qname(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and iri != ns:
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _local(term: Node | None) -> str:
    return str(term).rsplit("#", 1)[-1] if term is not None else ""
