"""The ontology, vocabularies and shapes read once, for the documentation and diagram generators.

Both generators describe the same model, so what a class's properties are (read from its shapes) is
worked out here and only here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import OWL, RDF, RDFS, BNode, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SKOS

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "ontology" / "nhskg.ttl", ROOT / "ontology" / "vocabularies.ttl", ROOT / "shapes" / "nhskg-shapes.ttl"]
NHSKG = Namespace("https://w3id.org/nhskg/ontology#")
SH = Namespace("http://www.w3.org/ns/shacl#")
PREFIXES = {
    "nhskg": str(NHSKG), "v": "https://w3id.org/nhskg/vocab/", "shape": "https://w3id.org/nhskg/shapes#",
    "org": "http://www.w3.org/ns/org#", "prov": "http://www.w3.org/ns/prov#", "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/", "skos": str(SKOS), "owl": str(OWL), "rdfs": str(RDFS),
    "rdf": str(RDF), "xsd": "http://www.w3.org/2001/XMLSchema#", "time": "http://www.w3.org/2006/time#",
}


def qname(term) -> str:
    s = str(term)
    for prefix, ns in PREFIXES.items():
        if s.startswith(ns) and s != ns:
            return f"{prefix}:{s[len(ns):]}"
    return f"<{s}>"


@dataclass
class Field:
    """One property a class's shapes allow, with what its values must be."""

    path: str
    cardinality: str
    values: str
    targets: list[URIRef] = field(default_factory=list)  # classes or concept schemes the values belong to
    message: str = ""


def load() -> Graph:
    g = Graph()
    for path in SOURCES:
        g.parse(path)
    return g


def classes(g: Graph) -> list[URIRef]:
    return sorted(s for s in g.subjects(RDF.type, OWL.Class) if str(s).startswith(str(NHSKG)))


def properties(g: Graph) -> list[URIRef]:
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty)
    return sorted({s for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(str(NHSKG))})


def schemes(g: Graph) -> list[URIRef]:
    return sorted(g.subjects(RDF.type, SKOS.ConceptScheme))


def label(g: Graph, term) -> str:
    return str(g.value(term, RDFS.label) or g.value(term, SKOS.prefLabel) or qname(term))


def definition(g: Graph, term) -> str:
    return str(g.value(term, SKOS.definition) or g.value(term, RDFS.comment) or "")


def shapes_for(g: Graph, cls: URIRef) -> list[URIRef]:
    return sorted(g.subjects(SH.targetClass, cls), key=str)


def fields(g: Graph, cls: URIRef) -> list[Field]:
    out = []
    for shape in shapes_for(g, cls):
        for ps in sorted(g.objects(shape, SH.property), key=lambda p: _path(g, g.value(p, SH.path))):
            out.append(_field(g, ps))
    return out


def _path(g: Graph, path) -> str:
    if isinstance(path, BNode) and (inv := g.value(path, SH.inversePath)) is not None:
        return "^" + qname(inv)
    return qname(path)


def _field(g: Graph, ps) -> Field:
    lo, hi = g.value(ps, SH.minCount), g.value(ps, SH.maxCount)
    card = f"{lo or 0}..{hi if hi is not None else '*'}"
    values, targets = [], []
    if (dt := g.value(ps, SH.datatype)) is not None:
        values.append(qname(dt))
    if (cls := g.value(ps, SH["class"])) is not None:
        values.append(qname(cls))
        targets.append(cls)
    if (alts := g.value(ps, SH["or"])) is not None:
        for member in Collection(g, alts):
            for key in (SH["class"], SH.datatype):
                if (t := g.value(member, key)) is not None:
                    values.append(qname(t))
                    if key == SH["class"]:
                        targets.append(t)
        values = [" or ".join(values)]
    if (node := g.value(ps, SH.node)) is not None:
        scheme = next((o for p in g.objects(node, SH.property) for o in g.objects(p, SH.hasValue)), None)
        if scheme is not None:
            values.append(f"a concept of {qname(scheme)}")
            targets.append(scheme)
        else:
            values.append(_node_values(g, node))
    if (members := g.value(ps, SH["in"])) is not None:
        values.append("one of " + ", ".join(f'"{m}"' for m in Collection(g, members)))
    if (value := g.value(ps, SH.hasValue)) is not None:
        values.append(f"includes {qname(value)}")
    if (pattern := g.value(ps, SH.pattern)) is not None:
        values.append(f"matching `{pattern}`")
    if (negated := g.value(ps, SH["not"])) is not None and (pattern := g.value(negated, SH.pattern)) is not None:
        values.append(f"not matching `{pattern}`")
    return Field(_path(g, g.value(ps, SH.path)), card, "; ".join(values) or "any", targets,
                 str(g.value(ps, SH.message) or ""))


def _node_values(g: Graph, node) -> str:
    alts = g.value(node, SH["or"])
    if alts is None:
        return qname(node)
    return " or ".join(qname(g.value(m, SH.datatype)) for m in Collection(g, alts))
