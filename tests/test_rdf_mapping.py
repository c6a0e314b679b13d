"""The mapping from facts to RDF: hostile names stay inside their literals, IRIs stay valid."""
from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import RDF, Graph, Literal

from nhskg.ingest.dates import date_literal
from nhskg.ingest.iris import NHSKG, hospital_iri, person_iri, slug, trust_iri
from nhskg.ingest.model import Article, Evidence, Facts, Organisation, Person, Quote, Rating
from nhskg.ingest.rdf import to_graph, to_triples
from nhskg.ingest.text import clean_literal
from nhskg.store import replace_graph

HOSTILE = [
    'Evil" ; DROP ALL ; "',
    "<script>alert(1)</script>",
    "Line\nbreak\r\nand\ttab",
    "back\\slash \\u0022 \\n",
    "brace } { ?s ?p ?o } INSERT DATA {",
    "NUL\x00 and \x1b escape and \ud800 surrogate",
    "Zero\u200bwidth \u202eRTL \ufeffBOM Ωmega 名前",
    "@prefix x: <http://evil/> . x:a x:b x:c .",
    "",
]


def facts_named(name: str) -> Facts:
    ev = Evidence(sentence=name, start=0, end=len(name))
    return Facts(
        Article(source=name or "empty", text=name, title=name, publisher=name),
        organisations=[Organisation("t", "trust", name, aliases=[name], evidence=ev, ods_code=name),
                       Organisation("h", "hospital", name, trust_key="t", evidence=ev)],
        people=[Person("p", name, honorific=name, role=name, kind="executive", organisation_key="t", evidence=ev)],
        ratings=[Rating("h", "Good", service="maternity", key_question="safe", evidence=ev)],
    )


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_round_trip_through_every_syntax(name):
    _, g = to_graph(facts_named(name))
    for fmt, ox in (("nt", pyoxigraph.RdfFormat.N_TRIPLES), ("turtle", pyoxigraph.RdfFormat.TURTLE)):
        data = g.serialize(format=fmt)
        assert len(list(pyoxigraph.parse(data.encode(), format=ox))) == len(g)
        assert len(Graph().parse(data=data, format=fmt)) == len(g)


@pytest.mark.parametrize("name", HOSTILE)
def test_iris_carry_no_raw_name(name):
    for iri in (trust_iri(name, name), hospital_iri(name, None), person_iri(name)):
        tail = str(iri).rsplit("/", 1)[1]
        assert tail and all(c.isalnum() or c == "-" for c in tail), iri
        pyoxigraph.NamedNode(str(iri))  # raises on an invalid IRI


def test_names_without_ascii_letters_get_distinct_hash_slugs():
    assert slug("名前") != slug("Ωmega")
    assert slug("名前") == slug("名前")


def test_invalid_ods_code_is_not_used():
    assert str(trust_iri("X Trust", "RWP")).endswith("/trust/RWP")
    assert str(trust_iri("X Trust", "rwp; drop")).endswith("/trust/x-trust")


@pytest.mark.parametrize("value,datatype", [("2017-11-05", "date"), ("2017-11", "gYearMonth"),
                                            ("2017", "gYear"), ("--11", "gMonth")])
def test_dates_are_typed_as_precisely_as_given(value, datatype):
    lit = date_literal(value)
    assert lit == Literal(value, datatype=lit.datatype) and str(lit.datatype).endswith(datatype)


@pytest.mark.parametrize("value", ["2017-13", "2017-02-30", "2017-02-30x", "--13", "yesterday", "2017-00-10", ""])
def test_impossible_dates_give_no_literal(value):
    assert date_literal(value) is None


def test_unknown_service_keeps_its_words_and_does_not_become_an_overall_rating():
    ev = Evidence("s", 0, 1)
    f = Facts(Article("a.txt", "s"), organisations=[Organisation("t", "trust", "A NHS Trust", evidence=ev)],
              ratings=[Rating("t", "Good", service="underwater basket weaving", evidence=ev)])
    _, g = to_graph(f)
    [node] = g.subjects(RDF.type, NHSKG.Rating)
    assert str(g.value(node, NHSKG.serviceInText)) == "underwater basket weaving"
    assert g.value(node, NHSKG.coreService) is None


INJECTION = ('Evil" . <http://evil/s> <http://evil/p> "o" . <x:a> <x:b> """long""" ; \'\'\'q\'\'\' @en ^^<http://evil/t> '
             "} } ; DROP ALL ; INSERT DATA { GRAPH <http://evil/g> { <x:a> <x:b> <x:c> } } \\ \\u0022 \n\r\t \x00 \ud800")


def every_literal_facts(value: str) -> Facts:
    """Facts whose every string the mapping writes into a literal is `value` (tagged by field)."""
    v = lambda field: f"{field}: {value}"
    ev = Evidence(v("sentence"), 0, 5, method=v("method"))
    return Facts(
        Article(source=v("source"), text=v("text"), title=v("title"), publisher=v("publisher"),
                url="https://example.org/" + v("url")),
        organisations=[Organisation("t", "trust", v("trust"), aliases=[v("trust alias")], evidence=ev),
                       Organisation("h", "hospital", v("hospital"), trust_key="t", town=v("town"), evidence=ev)],
        people=[Person("p", v("person"), honorific="Dr", aliases=[v("person alias")], role=v("role"),
                       organisation_key="t", qualifier=v("qualifier"), evidence=ev)],
        ratings=[Rating("h", "Good", evidence=ev)], quotes=[Quote("p", v("quote"), evidence=ev)])


def test_a_turtle_injection_through_every_literal_stays_in_its_literal():
    hostile_name, hostile = to_graph(every_literal_facts(INJECTION))
    _, plain = to_graph(every_literal_facts("plain"))
    shape = lambda g: sorted((type(s).__name__, str(p), type(o).__name__) for s, p, o in g)
    assert shape(hostile) == shape(plain)  # no triple more, none less, nothing turned from literal into IRI
    fields = {str(o).split(": ", 1)[0] for o in plain.objects() if isinstance(o, Literal) and "plain" in str(o)}
    assert fields == {"source", "title", "publisher", "https://example.org/url", "sentence", "method", "trust",
                      "trust alias", "hospital", "town", "person", "person alias", "role", "qualifier", "quote"}
    written = {str(o) for o in hostile.objects() if isinstance(o, Literal) and "Evil" in str(o)}
    assert {w.split(": ", 1)[1] for w in written} == {clean_literal(INJECTION)}
    iris = {str(t) for triple in hostile for t in triple if not isinstance(t, Literal)}
    assert not any("://evil" in i or i.startswith("x:") for i in iris)  # slugs of the names only
    nt = hostile.serialize(format="nt")
    ttl = pyoxigraph.serialize(pyoxigraph.parse(nt.encode(), format=pyoxigraph.RdfFormat.N_TRIPLES),
                               format=pyoxigraph.RdfFormat.TURTLE)
    for data, fmt in ((nt.encode(), pyoxigraph.RdfFormat.N_TRIPLES), (ttl, pyoxigraph.RdfFormat.TURTLE)):
        assert len({q.triple for q in pyoxigraph.parse(data, format=fmt)}) == len(hostile)
    store = pyoxigraph.Store()
    replace_graph(store, str(hostile_name), nt)
    assert [g.value for g in store.named_graphs()] == [str(hostile_name)] and len(store) == len(hostile)


@pytest.mark.parametrize("name", HOSTILE + [INJECTION])
def test_ingest_writes_the_triples_and_n_triples_of_the_graph(name):
    """Ingest maps to `Triples`, not to an rdflib Graph: the same triples and the same N-Triples lines."""
    for facts in (facts_named(name), every_literal_facts(name)):
        (graph_name, g), (triples_name, triples) = to_graph(facts), to_triples(facts)
        assert graph_name == triples_name and set(triples) == set(g) and len(triples) == len(g)
        assert sorted(triples.ntriples().splitlines()) == sorted(g.serialize(format="nt").splitlines())
