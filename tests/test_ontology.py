"""The ontology and vocabularies: they parse everywhere, every term is documented, declared where it is used
and used where it is declared, the schemes hold what the CQC rates, and OWL-RL finds no inconsistency."""
from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path

import owlrl
from owlrl.Namespaces import ERRNS
import pyoxigraph
import pytest
import rdflib.term
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from nhskg.ingest.rdf import to_graph
from nhskg.ingest.vocab import label_key

from test_shapes import every_kind_of_fact

ROOT = Path(__file__).resolve().parents[1]
NHSKG = Namespace("https://w3id.org/nhskg/ontology#")
V = "https://w3id.org/nhskg/vocab/"
TURTLE = sorted((ROOT / "ontology").glob("*.ttl")) + sorted((ROOT / "shapes").glob("*.ttl"))
TERM_KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


def load(*names: str) -> Graph:
    g = Graph()
    for name in names:
        g.parse(ROOT / "ontology" / name)
    return g


ONT = load("nhskg.ttl")
VOCAB = load("vocabularies.ttl")


def declared_terms() -> set[URIRef]:
    return {s for kind in TERM_KINDS for s in ONT.subjects(RDF.type, kind) if str(s).startswith(str(NHSKG))}


@pytest.mark.parametrize("path", TURTLE, ids=lambda p: p.name)
def test_turtle_parses_alike_in_rdflib_and_pyoxigraph(path):
    data = path.read_bytes()
    in_rdflib = Graph().parse(data=data, format="turtle")
    in_oxigraph = list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(in_rdflib) == len(in_oxigraph) > 20


def test_every_nhskg_subject_is_a_declared_class_or_property():
    subjects = {s for s in ONT.subjects() if str(s).startswith(str(NHSKG))}
    assert subjects == declared_terms()


@pytest.mark.parametrize("term", sorted(declared_terms()), ids=lambda t: t.split("#")[1])
def test_every_term_has_an_english_label_and_definition(term):
    labels = [o for o in ONT.objects(term, RDFS.label) if isinstance(o, Literal) and o.language == "en"]
    definitions = [o for p in (SKOS.definition, RDFS.comment) for o in ONT.objects(term, p)
                   if isinstance(o, Literal) and o.language == "en" and len(o) > 20]
    assert len(labels) == 1 and definitions


def test_every_class_is_aligned_with_a_reused_vocabulary():
    reused = ("http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#", "https://schema.org/")
    for cls in ONT.subjects(RDF.type, OWL.Class):
        if not str(cls).startswith(str(NHSKG)):
            continue
        supers = set(ONT.transitive_objects(cls, RDFS.subClassOf))
        assert any(str(s).startswith(reused) for s in supers), cls


def test_declared_alignments():
    assert (NHSKG.Post, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Membership")) in ONT
    assert (NHSKG.Hospital, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Site")) in ONT
    assert (NHSKG.Article, RDFS.subClassOf, URIRef("https://schema.org/NewsArticle")) in ONT
    assert (NHSKG.about, RDFS.subPropertyOf, URIRef("http://purl.org/dc/terms/subject")) in ONT
    assert (NHSKG.odsCode, RDFS.subPropertyOf, URIRef("http://purl.org/dc/terms/identifier")) in ONT


# ---------- the concept schemes ----------

def concepts(scheme: str) -> set[URIRef]:
    return set(VOCAB.subjects(SKOS.inScheme, URIRef(V + scheme)))


def pref(c: URIRef) -> str:
    return str(VOCAB.value(c, SKOS.prefLabel))


def test_every_concept_has_one_english_preferred_label_and_one_scheme():
    for c in VOCAB.subjects(RDF.type, SKOS.Concept):
        assert [o.language for o in VOCAB.objects(c, SKOS.prefLabel)] == ["en"], c
        assert len(list(VOCAB.objects(c, SKOS.inScheme))) == 1, c
    for s in VOCAB.subjects(RDF.type, SKOS.ConceptScheme):
        assert VOCAB.value(s, SKOS.prefLabel) and VOCAB.value(s, SKOS.definition), s


def test_no_wording_means_two_concepts_of_one_scheme():
    """The extractor reads the labels as its lexicon: a wording shared by two concepts would be a coin toss."""
    for scheme in VOCAB.subjects(RDF.type, SKOS.ConceptScheme):
        seen = {}
        for c in VOCAB.subjects(SKOS.inScheme, scheme):
            for label in (*VOCAB.objects(c, SKOS.prefLabel), *VOCAB.objects(c, SKOS.altLabel)):
                assert seen.setdefault(label_key(label), c) == c, (label, c, seen[label_key(label)])


def test_rating_levels_are_ordered_outstanding_to_inadequate():
    ranked = sorted(concepts("rating-level"), key=lambda c: -int(VOCAB.value(c, NHSKG.levelRank)))
    assert [pref(c) for c in ranked] == ["Outstanding", "Good", "Requires improvement", "Inadequate"]
    assert [int(VOCAB.value(c, NHSKG.levelRank)) for c in ranked] == [4, 3, 2, 1]


def test_the_five_key_questions():
    assert {pref(c) for c in concepts("key-question")} == {"safe", "effective", "caring", "responsive", "well-led"}


def test_core_services_of_each_kind_of_trust():
    groups = {pref(g): g for g in VOCAB.subjects(SKOS.topConceptOf, URIRef(V + "core-service"))}
    assert set(groups) == {"acute hospital services", "mental health services", "community health services",
                           "ambulance services"}
    for name, group in groups.items():
        services = {pref(c) for c in VOCAB.subjects(SKOS.broader, group)}
        assert len(services) >= 5, name
    acute = {pref(c) for c in VOCAB.subjects(SKOS.broader, groups["acute hospital services"])}
    assert {"urgent and emergency care", "medical care", "surgery", "critical care", "maternity",
            "services for children and young people", "end of life care", "outpatients"} <= acute
    for c in concepts("core-service") - set(groups.values()):
        assert VOCAB.value(c, SKOS.broader) in groups.values(), c
    ae = URIRef(V + "core-service-urgent-and-emergency-care")
    assert {"A&E", "accident and emergency"} <= {str(a) for a in VOCAB.objects(ae, SKOS.altLabel)}


def test_special_measures_statuses_and_enforcement_kinds():
    notations = {pref(c): str(VOCAB.value(c, SKOS.notation)) for c in concepts("special-measures-status")}
    assert notations == {"placed in special measures": "in", "remains in special measures": "in",
                         "taken out of special measures": "out", "recommended for special measures": "recommended"}
    assert {pref(c) for c in concepts("enforcement-kind")} == {
        "section 29A warning notice", "section 31 conditions", "requirement notice", "prosecution"}
    assert {pref(c) for c in concepts("post-kind")} == {"executive", "inspector", "other"}


# ---------- declared where used, used where declared ----------

IRI_FORMS = [
    (re.compile(r"\bnhskg:([A-Za-z][A-Za-z0-9]*)"), str(NHSKG)),
    (re.compile(r"\bNHSKG\.([A-Za-z][A-Za-z0-9]*)"), str(NHSKG)),
    (re.compile(r"\bNHSKG\[\"([A-Za-z][A-Za-z0-9]*)\"\]"), str(NHSKG)),
    (re.compile(r"https://w3id\.org/nhskg/ontology#([A-Za-z][A-Za-z0-9]*)"), str(NHSKG)),
    (re.compile(r"\bv:([a-z0-9][a-z0-9-]*[a-z0-9])"), V),
    (re.compile(r"https://w3id\.org/nhskg/vocab/([a-z0-9][a-z0-9-]*[a-z0-9])"), V),
    (re.compile(r"\bscheme\(\"([a-z0-9-]+)\"\)"), V),  # the extractor reads a scheme by name
]


def used_in(paths) -> dict[URIRef, set[str]]:
    used = {}
    for path in paths:
        text = path.read_text("utf-8")
        for pattern, ns in IRI_FORMS:
            for name in pattern.findall(text):
                used.setdefault(URIRef(ns + name), set()).add(str(path.relative_to(ROOT)))
    return used


def usage() -> dict[URIRef, set[str]]:
    paths = [*(ROOT / "shapes").glob("*.ttl"), *(ROOT / "queries").glob("*.rq"), *(ROOT / "ingest").glob("*.py"),
             *(ROOT / "src" / "nhskg").rglob("*.py")]
    assert len(paths) > 20
    return used_in(paths)


def test_every_term_used_by_shapes_queries_and_code_is_declared():
    declared = declared_terms() | {s for s in VOCAB.subjects() if str(s).startswith(V)}
    undeclared = {str(t): sorted(where) for t, where in usage().items() if t not in declared}
    assert not undeclared


def test_every_ontology_term_and_scheme_is_used():
    used = usage()
    unused = [str(t) for t in declared_terms() if t not in used]
    assert not unused
    schemes = set(VOCAB.subjects(RDF.type, SKOS.ConceptScheme))
    assert schemes <= set(used), schemes - set(used)


def test_the_usage_scan_sees_all_three_kinds_of_user():
    """Guards the scan above against finding nothing and passing vacuously."""
    used = usage()
    assert "shapes/nhskg-shapes.ttl" in used[NHSKG.RegulatoryFact]
    assert "queries/rating-changes.rq" in used[NHSKG.levelRank]
    assert "ingest/rdf.py" in used[NHSKG.cqcProviderPage]


# ---------- OWL-RL consistency ----------

def closure(data: Graph) -> Graph:
    g = Graph()
    for part in (ONT, VOCAB, data):
        g += part
    # owlrl swaps rdflib's process-wide literal converters and restores them only in part (xsd:gMonth
    # stays broken), which would make later validations in this process reject valid month literals.
    converters = dict(rdflib.term._toPythonMapping)
    try:
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    finally:
        rdflib.term._toPythonMapping.clear()
        rdflib.term._toPythonMapping.update(converters)
    return g


def inconsistencies(g: Graph) -> list[str]:
    problems = [str(m) for e in g.subjects(RDF.type, ERRNS.ErrorMessage) for m in g.objects(e, ERRNS.error)]
    problems += [f"{s} is owl:Nothing" for s in g.subjects(RDF.type, OWL.Nothing)]
    problems += [f"{s} sameAs and differentFrom {o}" for s, o in g.subject_objects(OWL.sameAs)
                 if s != o and ((s, OWL.differentFrom, o) in g or (o, OWL.differentFrom, s) in g)]
    return problems


def test_owl_rl_closure_of_ontology_and_sample_data_is_consistent():
    _, data = to_graph(every_kind_of_fact())
    g = closure(data)
    assert inconsistencies(g) == []
    # the closure really ran: facts and entities fall under the reused classes
    ORG = Namespace("http://www.w3.org/ns/org#")
    PROV = Namespace("http://www.w3.org/ns/prov#")
    trust = next(data.subjects(RDF.type, NHSKG.FoundationTrust))
    assert (trust, RDF.type, ORG.FormalOrganization) in g
    assert all((r, RDF.type, PROV.Entity) in g for r in data.subjects(RDF.type, NHSKG.Rating))
    assert all((p, RDF.type, ORG.Membership) in g for p in data.subjects(RDF.type, NHSKG.Post))


def test_owl_rl_closure_flags_a_node_that_is_two_disjoint_kinds():
    """The check above can fail: one IRI used for a trust and a hospital is reported."""
    _, data = to_graph(every_kind_of_fact())
    trust = next(data.subjects(RDF.type, NHSKG.Trust))
    data.add((trust, RDF.type, NHSKG.Hospital))
    assert any("Disjoint classes" in p and str(trust) in p for p in inconsistencies(closure(data)))


# ---------- generated documentation ----------

def script(name: str):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(ROOT / "scripts"))


@pytest.mark.parametrize("name", ["gen_ontology_docs", "gen_ontology_diagram"])
def test_generated_docs_are_up_to_date_with_the_turtle(name):
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / f"{name}.py"), "--check"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_the_staleness_checks_can_fail(tmp_path, monkeypatch):
    docs, diagram = script("gen_ontology_docs"), script("gen_ontology_diagram")
    edited = tmp_path / "ontology.md"
    edited.write_text(docs.OUT.read_text("utf-8").replace("rank 4", "rank 5"), "utf-8")
    monkeypatch.setattr(docs, "OUT", edited)
    assert docs.main(["--check"]) == 1
    undigested = tmp_path / "ontology.png"
    diagram.plt.figure().savefig(undigested, format="png")
    monkeypatch.setattr(diagram, "OUT", undigested)
    assert diagram.main(["--check"]) == 1


def test_the_reference_documents_every_term_and_concept():
    text = (ROOT / "docs" / "ontology.md").read_text("utf-8")
    for term in declared_terms():
        assert f"`nhskg:{term.split('#')[1]}`" in text, term
    for c in VOCAB.subjects(RDF.type, SKOS.Concept):
        assert f"`v:{c[len(V):]}`" in text, c
    assert "A rating must have one level: Outstanding, Good, Requires improvement or Inadequate." in text


def test_labels_the_rdf_mapping_looks_up_are_in_the_vocabularies():
    """ingest/rdf.py finds some concepts by label; renaming one in the Turtle must not go unnoticed."""
    from nhskg.ingest.rdf import SM_STATUS
    from nhskg.ingest.vocab import scheme

    assert all(scheme("special-measures-status").iri(label) for label in SM_STATUS.values())
    assert all(scheme("post-kind").iri(kind) for kind in ("executive", "inspector", "other"))
