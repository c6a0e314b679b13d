"""SHACL Core, for the constraints nhskg's shapes use, read once into Python checks over dict indexes.

pyshacl builds each constraint's objects again for every focus node and looks its parameters up in
the shapes graph each time: it was 78 % of ingest time (BENCHMARKS.md). Here every shape is read
once into a `Shape`, and a data graph into two dicts (subject -> predicate -> objects and back), so
a check is a few dict lookups. The results are what `validation` keeps from pyshacl's report: focus
node, path, the shape's sh:message and severity.

Only what the shapes use is supported (`COMPONENTS`, predicate and inverse paths, sh:targetClass and
the implicit class target of a shape that is also a class). Anything else, or a reported shape
without an sh:message (pyshacl would write one), makes `compile_shapes` raise `Unsupported`, and
`validation` uses pyshacl instead: a shape the subset read only in part would pass what it should
not. pyshacl stays the reference: the tests check both give the same reports on every fixture,
article and mutated graph, and that every W3C SHACL Core test is either answered as the suite
expects or refused (tests/test_w3c_shacl_core.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import AbstractSet as Set, Callable, Iterable

from pyshacl.rdfutil.compare import compare_literal
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

Term = URIRef | BNode | Literal


class Unsupported(ValueError):
    """The shapes use SHACL this module does not implement."""


class Index:
    """A graph as dicts, over a base index (the reference graph) that it extends without copying."""

    def __init__(self, triples: Iterable[tuple[Term, Term, Term]], base: "Index | None" = None):
        self.out: dict[Term, dict[Term, set[Term]]] = {}
        self.into: dict[Term, dict[Term, set[Term]]] = {}
        self.base = base
        for s, p, o in triples:
            self.out.setdefault(s, {}).setdefault(p, set()).add(o)
            self.into.setdefault(o, {}).setdefault(p, set()).add(s)
        self._supers: dict[Term, frozenset[Term]] = {}

    def objects(self, s: Term, p: Term) -> Set[Term]:
        return _union(_get(self.out, s, p), self.base.objects(s, p) if self.base else _EMPTY)

    def subjects(self, p: Term, o: Term) -> Set[Term]:
        return _union(_get(self.into, o, p), self.base.subjects(p, o) if self.base else _EMPTY)

    def superclasses(self, cls: Term) -> frozenset[Term]:
        """cls and every class it is an rdfs:subClassOf, transitively."""
        if (known := self._supers.get(cls)) is None:
            known = self._supers[cls] = frozenset(_closure(cls, lambda c: self.objects(c, SUBCLASS_OF)))
        return known

    def instances(self, cls: Term) -> set[Term]:
        subclasses = _closure(cls, lambda c: self.subjects(SUBCLASS_OF, c))
        return {s for c in subclasses for s in self.subjects(TYPE, c)}

    def is_instance(self, node: Term, cls: Term) -> bool:
        return any(cls in self.superclasses(t) for t in self.objects(node, TYPE))


_EMPTY: frozenset = frozenset()
# Looked up once: rdflib resolves a namespace attribute on every access, and these are in every check.
TYPE, SUBCLASS_OF = RDF.type, RDFS.subClassOf
ANY_LITERAL, ANY_DATATYPE, STRING, LANG_STRING = RDFS.Literal, RDFS.Datatype, XSD.string, RDF.langString


def _get(table: dict[Term, dict[Term, set[Term]]], node: Term, p: Term) -> Set[Term]:
    row = table.get(node)
    return row.get(p, _EMPTY) if row else _EMPTY


def _union(mine: Set[Term], theirs: Set[Term]) -> Set[Term]:
    return mine | theirs if mine and theirs else mine or theirs


def _closure(start: Term, step: Callable[[Term], Iterable[Term]]) -> set[Term]:
    seen, todo = {start}, [start]
    while todo:
        for nxt in step(todo.pop()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


# A component check: (index, focus node, value nodes) -> True when the constraint holds.
Check = Callable[[Index, Term, Set[Term]], bool]


@dataclass(eq=False)  # a shape is itself: results are collected in sets
class Shape:
    node: Term
    path: tuple[bool, URIRef] | None  # (inverse, predicate); None for a node shape
    checks: list[Check] = field(default_factory=list)
    properties: list["Shape"] = field(default_factory=list)
    message: str | None = None
    severity: str = "Violation"

    def values(self, index: Index, focus: Term) -> Set[Term]:
        if self.path is None:
            return {focus}
        inverse, predicate = self.path
        return index.subjects(predicate, focus) if inverse else index.objects(focus, predicate)

    def conforms(self, index: Index, focus: Term) -> bool:
        values = self.values(index, focus)
        for check in self.checks:
            if not check(index, focus, values):
                return False
        return all(p.conforms(index, v) for p in self.properties for v in values)

    def collect(self, index: Index, focus: Term, failed: set[tuple[Term, "Shape"]]) -> None:
        """Add (focus node, shape) for this shape's own failure and each of its property shapes'."""
        values = self.values(index, focus)
        for check in self.checks:
            if not check(index, focus, values):
                failed.add((focus, self))
                break
        for p in self.properties:
            for v in values:
                p.collect(index, v, failed)


def _each(test: Callable[[Term], bool]) -> Check:
    return lambda index, focus, values: all(test(v) for v in values)


_KINDS = {SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,), SH.BlankNodeOrIRI: (BNode, URIRef),
          SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal)}
# The Python value rdflib must have parsed a literal of these datatypes into (as pyshacl checks).
_VALUE_TYPES = {XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: (int,), XSD.float: (float,),
                XSD.decimal: (Decimal,), XSD.boolean: (bool,), XSD.date: (date,), XSD.time: (time,),
                XSD.dateTime: (datetime,)}


def _datatype_ok(v: Term, datatype: Term) -> bool:
    if not isinstance(v, Literal):
        return False
    if v.datatype == datatype:
        return v.ill_typed is not True and isinstance(v.value, _VALUE_TYPES.get(datatype, object))
    if datatype == ANY_LITERAL:
        return True
    if datatype == ANY_DATATYPE:
        return v.datatype is not None
    if datatype == STRING:
        return v.datatype is None and v.language is None and isinstance(v.value, (str, bytes))
    return datatype == LANG_STRING and bool(v.language) and isinstance(v.value, (str, bytes))


def _in_range(bound: Literal, accept: Callable[[int], bool]) -> Callable[[Term], bool]:
    """v compared with bound by pyshacl's rules: only literals, strings only with strings."""
    bound_is_string = isinstance(bound.value, str)

    def test(v: Term) -> bool:
        if not isinstance(v, Literal) or isinstance(v.value, str) != bound_is_string:
            return False
        try:
            return accept(compare_literal(v, bound))
        except (TypeError, NotImplementedError):
            return False
    return test


def _comparable(node: Term) -> tuple[bool, object]:
    if isinstance(node, URIRef):
        return True, str(node)
    if isinstance(node, Literal) and isinstance(node.value, str):
        return True, node.value
    return False, node


def _less_than(predicate: Term) -> Check:
    def check(index: Index, focus: Term, values: Set[Term]) -> bool:
        others = index.objects(focus, predicate)
        for v in values:
            v_is_string, left = _comparable(v)
            for o in others:
                o_is_string, right = _comparable(o)
                if BNode in (type(v), type(o)) or v_is_string != o_is_string:
                    return False
                try:
                    if not left < right:
                        return False
                except TypeError:
                    return False
        return True
    return check


class _Reader:
    """Reads shapes from a shapes graph, each once."""

    def __init__(self, shapes: Graph):
        self.g = shapes
        self.made: dict[Term, Shape] = {}

    def one(self, node: Term, p: URIRef) -> Term | None:
        found = set(self.g.objects(node, p))
        if len(found) > 1:
            raise Unsupported(f"{node} has {len(found)} values of {p}")
        return next(iter(found), None)

    def shapes(self, node: Term, p: URIRef) -> list[Shape]:
        return [self.shape(s) for s in self.g.objects(node, p)]

    def members(self, node: Term, p: URIRef) -> list[Term]:
        return [m for lst in self.g.objects(node, p) for m in Collection(self.g, lst)]

    def shape(self, node: Term) -> Shape:
        if (made := self.made.get(node)) is not None:
            return made
        unknown = {p for p in self.g.predicates(node, None) if p not in KNOWN}
        if unknown:
            raise Unsupported(f"shape {node} uses {', '.join(sorted(unknown))}")
        shape = self.made[node] = Shape(node, self.path(node))
        if (message := self.one(node, SH.message)) is not None:
            shape.message = str(message)
        if (severity := self.one(node, SH.severity)) is not None:
            shape.severity = str(severity).rsplit("#", 1)[-1]
        for p, make in COMPONENTS.items():
            for parameter in self.g.objects(node, p):
                shape.checks.append(make(self, node, parameter))
        shape.properties = self.shapes(node, SH.property)
        return shape

    def path(self, node: Term) -> tuple[bool, URIRef] | None:
        path = self.one(node, SH.path)
        if path is None or isinstance(path, URIRef):
            return None if path is None else (False, path)
        inverse = self.one(path, SH.inversePath)
        if isinstance(inverse, URIRef) and set(self.g.predicates(path, None)) == {SH.inversePath}:
            return True, inverse
        raise Unsupported(f"path of {node}: only a predicate or the inverse of one")


def _pattern(reader: _Reader, node: Term, pattern: Term) -> Check:
    flags = str(reader.one(node, SH.flags) or "").lower()
    if set(flags) - {"i", "m"}:
        raise Unsupported(f"sh:flags {flags!r}")
    regex = re.compile(str(pattern), (re.I if "i" in flags else 0) | (re.M if "m" in flags else 0))
    return _each(lambda v: not isinstance(v, BNode) and regex.search(str(v)) is not None)


def _or(reader: _Reader, node: Term, lst: Term) -> Check:
    options = [reader.shape(m) for m in Collection(reader.g, lst)]
    return lambda index, focus, values: all(any(s.conforms(index, v) for s in options) for v in values)


def _not(reader: _Reader, node: Term, other: Term) -> Check:
    shape = reader.shape(other)
    return lambda index, focus, values: not any(shape.conforms(index, v) for v in values)


def _node(reader: _Reader, node: Term, other: Term) -> Check:
    shape = reader.shape(other)
    return lambda index, focus, values: all(shape.conforms(index, v) for v in values)


def _class(reader: _Reader, node: Term, cls: Term) -> Check:
    return lambda index, focus, values: all(not isinstance(v, Literal) and index.is_instance(v, cls) for v in values)


def _in(reader: _Reader, node: Term, lst: Term) -> Check:
    allowed = set(Collection(reader.g, lst))
    return _each(lambda v: v in allowed)


def _node_kind(kind: Term) -> Check:
    if kind not in _KINDS:
        raise Unsupported(f"sh:nodeKind {kind}")
    kinds = _KINDS[kind]
    return _each(lambda v: isinstance(v, kinds))


def _count(minimum: bool) -> Callable[[_Reader, Term, Term], Check]:
    def make(reader: _Reader, node: Term, n: Term) -> Check:
        limit = int(n)
        return (lambda index, focus, values: len(values) >= limit) if minimum else \
            (lambda index, focus, values: len(values) <= limit)
    return make


COMPONENTS: dict[URIRef, Callable[[_Reader, Term, Term], Check]] = {
    SH["class"]: _class,
    SH.datatype: lambda r, n, dt: _each(lambda v: _datatype_ok(v, dt)),
    SH.nodeKind: lambda r, n, kind: _node_kind(kind),
    SH.minCount: _count(minimum=True),
    SH.maxCount: _count(minimum=False),
    SH.minLength: lambda r, n, k: _each(lambda v: not isinstance(v, BNode) and len(str(v)) >= int(k)),
    SH.minInclusive: lambda r, n, b: _each(_in_range(b, lambda c: c >= 0)),
    SH.maxInclusive: lambda r, n, b: _each(_in_range(b, lambda c: c <= 0)),
    SH.pattern: _pattern,
    SH.hasValue: lambda r, n, value: lambda index, focus, values: value in values,
    SH["in"]: _in,
    SH["or"]: _or,
    SH["not"]: _not,
    SH.node: _node,
    SH.lessThan: lambda r, n, p: _less_than(p),
}
# Predicates a shape may carry besides its components. rdfs:subClassOf is there for shapes that are
# classes: it places the class, it constrains nothing.
KNOWN = set(COMPONENTS) | {RDF.type, SH.path, SH.property, SH.message, SH.severity, SH.flags, SH.targetClass,
                           RDFS.label, RDFS.comment, SUBCLASS_OF}


@dataclass
class CompiledShapes:
    targets: list[tuple[Term, Shape]]  # (class, shape) for each sh:targetClass and implicit class target

    def results(self, index: Index) -> set[tuple[str, "Shape"]]:
        """(focus IRI or blank node id, failing shape) for every result pyshacl would report."""
        failed: set[tuple[Term, Shape]] = set()
        for cls, shape in self.targets:
            for focus in index.instances(cls):
                shape.collect(index, focus, failed)
        return {(str(focus), shape) for focus, shape in failed}


_SHAPE_TYPES, _CLASS_TYPES = frozenset({SH.NodeShape, SH.PropertyShape}), frozenset({RDFS.Class, OWL.Class})


def _implicit_class_targets(shapes: Graph) -> list[Term]:
    """Shapes that are also classes: each targets the instances of itself (SHACL 2.1.3.1)."""
    # "SHACL instance" follows rdfs:subClassOf in the shapes graph, and this reads rdf:type only. That
    # owl:Class is a subclass of rdfs:Class changes nothing here (pyshacl adds it to the shapes graph).
    known = _SHAPE_TYPES | _CLASS_TYPES
    for cls in known:
        if subclasses := set(shapes.subjects(SUBCLASS_OF, cls)) - known:
            raise Unsupported(f"{', '.join(sorted(subclasses))}: a subclass of {cls}")
    targets = []
    for node in set(shapes.subjects(TYPE, None)):
        types = set(shapes.objects(node, TYPE))
        if types & _SHAPE_TYPES and types & _CLASS_TYPES:
            targets.append(node)
    return targets


def compile_shapes(shapes: Graph) -> CompiledShapes:
    reader = _Reader(shapes)
    if any(True for _ in shapes.triples((None, SH.deactivated, None))):
        raise Unsupported("sh:deactivated")
    for p in (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
        if any(True for _ in shapes.triples((None, p, None))):
            raise Unsupported(str(p))
    targets = [(cls, reader.shape(node)) for node, cls in shapes.subject_objects(SH.targetClass)]
    targets += [(node, reader.shape(node)) for node in _implicit_class_targets(shapes)]
    reported = [s for _, s in targets]
    while reported:
        shape = reported.pop()
        if shape.checks and shape.message is None:
            raise Unsupported(f"shape {shape.node} has constraints but no sh:message")
        reported.extend(shape.properties)
    return CompiledShapes(targets)
