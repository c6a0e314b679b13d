"""The SHACL shapes: each one accepts a good graph and reports exactly the expected problems in a bad one;
the RDF mapping and the real extractor produce graphs that conform."""
from __future__ import annotations


import pytest
from rdflib import RDF, RDFS, BNode, Graph, Namespace

from corpus_kit import SHARED
from nhskg.ingest.model import (Article, Enforcement, Evidence, Facts, Inspection, Organisation, Person, Quote,
                                Rating, SpecialMeasures)
from nhskg.ingest.rdf import to_graph
from nhskg import validation
from shapes_kit import FIXTURES, fixture_graph
from nhskg.validation import reference_graph, shapes_graph, validate, validate_each

EX = "http://example.org/test/"
SH = Namespace("http://www.w3.org/ns/shacl#")
NHSKG = Namespace("https://w3id.org/nhskg/ontology#")
SKOS_IN_SCHEME = Namespace("http://www.w3.org/2004/02/skos/core#").inScheme


def targeted_shapes() -> set[str]:
    return {str(s).rsplit("#", 1)[1] for s in shapes_graph().subjects(SH.targetClass, None)}


def expected(shape: str) -> set[tuple[str, str, str]]:
    rows = set()
    for line in (FIXTURES / shape / "bad.expected").read_text("utf-8").splitlines():
        focus, path, message = line.split("\t")
        rows.add((focus.replace("ex:", EX, 1), path, message))
    return rows


def test_every_targeted_shape_has_fixtures_and_every_fixture_a_shape():
    dirs = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    assert dirs == targeted_shapes()


@pytest.mark.parametrize("shape", sorted(targeted_shapes()))
def test_good_fixture_conforms(shape):
    report = validate(fixture_graph(shape, "good.ttl"))
    assert report.violations == [] and report.conforms, report.text()


@pytest.mark.parametrize("shape", sorted(targeted_shapes()))
def test_bad_fixture_reports_exactly_the_expected_violations(shape):
    report = validate(fixture_graph(shape, "bad.ttl"))
    assert not report.conforms
    assert {(v.focus, v.path, v.message) for v in report.violations} == expected(shape)
    assert {v.severity for v in report.violations} == {"Violation"}


@pytest.mark.parametrize("engine", ["compiled", "pyshacl"])
def test_one_run_over_many_graphs_reports_each_graph_as_if_checked_alone(monkeypatch, engine):
    """validate_each (what ingest uses) matches validate graph by graph. With pyshacl (used when the
    shapes do not compile) all graphs go through one run, although every fixture reuses the same node
    names: in a plain union they would merge and the counts would clash."""
    graphs = [fixture_graph(shape, name) for shape in sorted(targeted_shapes()) for name in ("good.ttl", "bad.ttl")]
    alone = [validation.validate_with_pyshacl(g) for g in graphs]
    runs = []
    real_run = validation._run
    monkeypatch.setattr(validation, "_run", lambda data: runs.append(data) or real_run(data))
    if engine == "pyshacl":
        monkeypatch.setattr(validation, "compiled_shapes", lambda: None)
    assert validate_each(graphs) == alone
    assert len(runs) == (1 if engine == "pyshacl" else 0)  # one pyshacl run for all, not one per graph
    assert [r.conforms for r in alone] == [True, False] * len(targeted_shapes())



def test_fixture_context_conforms_on_its_own():
    g = Graph().parse(FIXTURES / "common.ttl")
    assert validate(g).conforms


# What a shape may state without constraining anything; any other predicate is a constraint.
NOT_CONSTRAINTS = {RDF.type, SH.targetClass, SH.property, SH.message, SH.path}


def test_every_constraint_carries_a_message_for_the_user():
    """Named shapes and property shapes; the anonymous members of sh:or / sh:not lists report through
    the shape that holds them, with its message."""
    sg = shapes_graph()
    named = {s for s in sg.subjects(RDF.type, SH.NodeShape) if not isinstance(s, BNode)}
    shapes = named | set(sg.objects(None, SH.property))
    constraining = {s for s in shapes if set(sg.predicates(s)) - NOT_CONSTRAINTS}
    assert len(constraining) > 40
    assert [s for s in constraining if sg.value(s, SH.message) is None] == []
    for s in constraining:
        msg = str(sg.value(s, SH.message))
        assert msg[0].isupper() and msg.endswith("."), msg


def test_shapes_reference_only_schemes_that_exist():
    sg, ref = shapes_graph(), reference_graph()
    schemes = {o for s, o in sg.subject_objects(SH.hasValue) if (s, SH.path, SKOS_IN_SCHEME) in sg}
    assert len(schemes) == 7
    for scheme in schemes:
        assert any(ref.subjects(SKOS_IN_SCHEME, scheme)), scheme


def test_validation_leaves_the_data_graph_untouched():
    g = fixture_graph("RatingShape", "bad.ttl")
    before = len(g)
    validate(g)
    assert len(g) == before


def test_report_text_names_node_property_and_problem():
    text = validate(fixture_graph("StatementShape", "bad.ttl")).text()
    assert text.startswith("2 problem(s):")
    assert f"<{EX}bad-statement> schema:text: A reported statement must carry the words said" in text
    assert validate(fixture_graph("StatementShape", "good.ttl")).text() == "conforms: no violations"


def every_kind_of_fact() -> Facts:
    """One of everything the extractor can report, as the RDF mapping receives it."""
    ev = Evidence("Inspectors rated Northgate General Hospital good.", 120, 170, "pattern", 0.85)
    return Facts(
        Article("examples/articles/northgate.txt", "text", title="Northgate rated good", publisher="Test Gazette",
                published="2023-05-04", url="https://news.example.org/northgate"),
        organisations=[
            Organisation("t", "trust", "Northgate Hospitals NHS Foundation Trust", aliases=["the trust"],
                         ods_code="RZZ", evidence=ev),
            Organisation("h", "hospital", "Northgate General Hospital", aliases=["the General"], trust_key="t",
                         ods_code="RZZ01", town="Northgate", evidence=ev),
            Organisation("c", "regulator", "Care Quality Commission", aliases=["CQC"], evidence=ev),
        ],
        people=[
            Person("p", "Jane Doe", honorific="Dr", role="chief executive", kind="executive", organisation_key="t",
                   qualifier="interim", start_date="2022-09", evidence=ev),
            Person("i", "Sam Roe", role="chief inspector of hospitals", kind="inspector", organisation_key="c",
                   evidence=ev),
        ],
        ratings=[Rating("h", "Good", service="maternity", key_question="safe", previous="Inadequate",
                        date="2023-04", evidence=ev),
                 Rating("t", "requires improvement", evidence=ev)],
        special_measures=[SpecialMeasures("t", "out", date="2023", evidence=ev)],
        inspections=[Inspection("h", start="2023-01-10", end="2023-01-12", evidence=ev)],
        enforcement=[Enforcement("t", "section 29A warning notice", date="2022-11", evidence=ev)],
        quotes=[Quote("i", "Staff were caring and kind.", evidence=ev)],
    )


def test_the_rdf_mapping_of_every_kind_of_fact_conforms():
    _, g = to_graph(every_kind_of_fact())
    report = validate(g)
    assert report.conforms, report.text()


def test_every_class_the_mapping_writes_is_checked_by_a_shape():
    _, g = to_graph(every_kind_of_fact())
    written = set(g.objects(None, RDF.type))
    sg, ref = shapes_graph(), reference_graph()
    targets = set(sg.objects(None, SH.targetClass))
    for cls in written:
        supers = set(ref.transitive_objects(cls, RDFS.subClassOf))
        assert supers & targets, f"no shape checks {cls}"
    assert {str(c).rsplit("#", 1)[1] for c in written} == {  # every class the extraction writes, not a subset
        "Article", "Trust", "FoundationTrust", "Hospital", "Regulator", "Person", "Mention", "Post", "Rating",
        "SpecialMeasures", "Inspection", "EnforcementAction", "Statement"}


def test_a_mapping_with_a_broken_fact_is_rejected():
    _, g = to_graph(every_kind_of_fact())
    rating = next(g.subjects(RDF.type, NHSKG.Rating))
    g.remove((rating, NHSKG.confidence, None))
    report = validate(g)
    assert [(v.focus, v.path) for v in report.violations] == [(str(rating), "nhskg:confidence")]


@pytest.mark.skipif(not (SHARED / "corpus" / "articles").is_dir(), reason="shared corpus not present")
def test_the_extractor_output_for_the_real_corpus_conforms():
    from nhskg.ingest.pipeline import extract
    from nhskg.ingest.readers import ReadError, read_paths

    paths = sorted(str(p) for p in (SHARED / "corpus" / "articles").glob("*.txt"))
    failures = {}
    for article in read_paths(paths):
        assert not isinstance(article, ReadError), article
        report = validate(to_graph(extract(article))[1])
        if not report.conforms:
            failures[article.source] = report.text()
    assert len(paths) >= 20 and not failures, failures
