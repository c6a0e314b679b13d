"""SHACL validation of article graphs against shapes/ (no inference).

The shapes check closed value sets against the concept schemes (skos:inScheme) and reach facts
through the ontology's class hierarchy (sh:targetClass nhskg:RegulatoryFact), so each data graph is
validated together with a small reference graph: the ontology's subclass axioms and the schemes'
membership triples. Article graphs therefore need not carry the vocabularies. Both graphs are
parsed once per process and reused: parsing is most of the cost of validating one small graph.

The shapes are read once into Python checks (`shacl_subset`), about fifteen times faster than
pyshacl on an article graph (1.3 against 20.6 ms on the real corpus). pyshacl is the reference, and the engine whenever the shapes use SHACL
that `shacl_subset` does not implement; its cost is mostly per shape and per call (it rebuilds each
shape's constraints every run), so there many graphs are checked in one run over their disjoint
union (`validate_each`) and the results handed back to the graph each came from.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, NamedTuple, Sequence

from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Namespace
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node, URIRef

from .resources import ontology_files, shapes_files
from .shacl_subset import CompiledShapes, Index, Unsupported, compile_shapes

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


def _parse(files, store: str = "default") -> Graph:
    g = Graph(store=store)
    for f in files:
        g.parse(data=f.read_text("utf-8"), format="turtle")
    return g


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes of shapes/*.ttl."""
    # pyshacl reads the shapes graph far more often than the data; the context-free store answers
    # those reads about a third faster than the default one.
    return _parse(shapes_files(), store="SimpleMemory")


@lru_cache(maxsize=1)
def reference_graph() -> Graph:
    """Ontology subclass axioms and concept-scheme membership, mixed into every data graph."""
    full = _parse(ontology_files())
    g = Graph()
    for p in REFERENCE_PREDICATES:
        for t in full.triples((None, p, None)):
            g.add(t)
    return g


@lru_cache(maxsize=1)
def compiled_shapes() -> CompiledShapes | None:
    """The shapes as Python checks, or None when they use SHACL only pyshacl implements."""
    try:
        return compile_shapes(shapes_graph())
    except Unsupported:
        return None


@lru_cache(maxsize=1)
def _reference_index() -> Index:
    return Index(reference_graph())


Triples = Iterable[tuple[Node, Node, Node]]


def validate(data: Graph | Triples) -> Report:
    """Check one graph (an article's, or any union of them, or its triples); `data` is not modified."""
    if (shapes := compiled_shapes()) is None:
        return validate_with_pyshacl(data)
    found = {Violation(focus, _path_text(shape.path), shape.message or "", shape.severity)
             for focus, shape in shapes.results(Index(data, base=_reference_index()))}
    return Report(not any(v.severity == "Violation" for v in found), sorted(found))


def validate_with_pyshacl(data: Graph | Triples) -> Report:
    """`validate` by pyshacl, the reference implementation."""
    # pyshacl's own ont_graph mixing copies only class and property axioms, not scheme membership,
    # so the union is built here; it also leaves the caller's graph untouched.
    mixed = Graph()
    mixed += data
    mixed += reference_graph()
    conforms, violations = _run(mixed)
    return Report(conforms, sorted(violations))


def validate_each(graphs: Sequence[Graph | Triples]) -> list[Report]:
    """Each graph's own report, as `validate` gives it, from one pyshacl run over all of them.

    Every node a graph says something about is renamed apart for that graph, so no two graphs share
    a node but the vocabulary (classes and concepts, which the reference graph describes): each
    graph sees only its own triples, as when it is checked alone. A result whose focus node does not
    belong to one graph sends the batch back to one run per graph.
    """
    if compiled_shapes() is not None:
        return [validate(g) for g in graphs]
    if len(graphs) < 2:
        return [validate_with_pyshacl(g) for g in graphs]
    union, owner = _disjoint_union([g if isinstance(g, Graph) else _graph(g) for g in graphs])
    conforms, violations = _run(union)
    per_graph: list[set[Violation]] = [set() for _ in graphs]
    if not conforms:
        for v in violations:
            if (hit := owner.get(v.focus)) is None:
                return [validate_with_pyshacl(g) for g in graphs]
            index, original = hit
            per_graph[index].add(v._replace(focus=original))
    return [Report(not any(v.severity == "Violation" for v in found), sorted(found)) for found in per_graph]


def _graph(triples: Triples) -> Graph:
    g = Graph()
    g += triples
    return g


def _disjoint_union(graphs: Sequence[Graph]) -> tuple[Graph, dict[str, tuple[int, str]]]:
    shared = _vocabulary_nodes()
    union = Graph()
    union += reference_graph()
    owner: dict[str, tuple[int, str]] = {}
    for index, g in enumerate(graphs):
        renamed: dict[Node, Node] = {}
        for s in g.subjects(unique=True):
            if s not in shared:
                renamed[s] = new = URIRef(f"urn:batch-node:{index}:{len(renamed)}") if isinstance(s, URIRef) \
                    else BNode(f"batch{index}n{len(renamed)}")
                owner[str(new)] = (index, str(s))
        union.addN((renamed.get(s, s), p, renamed.get(o, o), union) for s, p, o in g)
    return union, owner


@lru_cache(maxsize=1)
def _vocabulary_nodes() -> frozenset[Node]:
    """Classes and concepts: nodes every graph may point at and none may rename."""
    ref, shapes = reference_graph(), shapes_graph()
    return frozenset(n for g in (ref, shapes) for t in g for n in t if isinstance(n, URIRef))


def _run(data: Graph) -> tuple[bool, set[Violation]]:
    conforms, results, _ = shacl_validate(data, shacl_graph=shapes_graph(), inference="none",
                                          allow_warnings=True, inplace=True)
    report = results.value(predicate=RDF.type, object=SH.ValidationReport, any=False)
    # Only top-level results: nested ones (sh:detail of an sh:node check) repeat the same problem.
    return bool(conforms), {
        Violation(focus=str(results.value(r, SH.focusNode)),
                  path=_path(results, results.value(r, SH.resultPath)),
                  message=str(results.value(r, SH.resultMessage) or "constraint not met"),
                  severity=_local(results.value(r, SH.resultSeverity)))
        for r in results.objects(report, SH.result)}


def _path(results: Graph, path: Node | None) -> str:
    if path is None:
        return ""
    if isinstance(path, BNode) and (inverse := results.value(path, SH.inversePath)) is not None:
        return "^" + _path(results, inverse)
    return _qname(str(path))


def _path_text(path: tuple[bool, URIRef] | None) -> str:
    if path is None:
        return ""
    inverse, predicate = path
    return ("^" if inverse else "") + _qname(str(predicate))


def _qname(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and iri != ns:
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _local(term: Node | None) -> str:
    return str(term).rsplit("#", 1)[-1] if term is not None else ""
