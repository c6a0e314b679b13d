"""A query's final ORDER BY done in Python (nhskg.ordering) gives the rows in the order pyoxigraph's
own sort gives them: checked on random terms of every kind, and on every canned query over the real
corpus."""
from __future__ import annotations

from collections import Counter
from datetime import date

import pyoxigraph
import pytest
from corpus_kit import ingested_corpus
from hypothesis import given, settings, strategies as st

from nhskg.ordering import SortKey, Unorderable, sort_rows, split_order
from nhskg.resources import query_files
from nhskg.sparql import run_local, with_values

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize("query, unordered, keys", [
    ("SELECT ?a WHERE { ?a ?b ?c } ORDER BY ?a", "SELECT ?a WHERE { ?a ?b ?c } ", [SortKey("a")]),
    ("SELECT * WHERE { ?a ?b ?c }\norder by desc(?b) ASC( ?a ) $c\n", "SELECT * WHERE { ?a ?b ?c }\n",
     [SortKey("b", True), SortKey("a"), SortKey("c")]),
    ("SELECT ?a WHERE { ?a <urn:x#y> '#' } ORDER BY ?a # comment", "SELECT ?a WHERE { ?a <urn:x#y> '#' } ",
     [SortKey("a")]),
    ("SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?b ?c } GROUP BY ?a ORDER BY ?n",
     "SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?b ?c } GROUP BY ?a ", [SortKey("n")]),
])
def test_a_trailing_order_by_of_variables_is_split_off(query, unordered, keys):
    assert split_order(query) == (unordered, keys)


@pytest.mark.parametrize("query", [
    "SELECT ?a WHERE { ?a ?b ?c }",
    "SELECT ?a WHERE { ?a ?b ?c } ORDER BY ?a LIMIT 10",  # the limit must apply to sorted rows
    "SELECT ?a WHERE { ?a ?b ?c } ORDER BY ?a OFFSET 1",
    "SELECT ?a WHERE { ?a ?b ?c } ORDER BY STR(?a)",  # an expression
    "SELECT ?a WHERE { { SELECT ?a WHERE { ?a ?b ?c } ORDER BY ?a } }",  # a subquery's
    "SELECT ?a WHERE { ?a ?b ?c }\n# ORDER BY ?a",  # in a comment
    "SELECT ?a WHERE { ?a ?b ?c } # then ORDER BY ?a",
    "SELECT ?a WHERE { ?a ?b ?c } ORDER BY ?a VALUES ?a { <urn:x> }",
])
def test_anything_else_is_left_to_the_engine(query):
    assert split_order(query) == (query, [])


IRIS = st.sampled_from(["urn:a", "urn:b", "urn:ab", "http://x/é", "http://x/Z"]).map(pyoxigraph.NamedNode)
STRINGS = st.text(alphabet=st.sampled_from("aAbz é😀0129 -"), max_size=4).map(pyoxigraph.Literal)
NUMBERS = st.one_of(
    st.integers(-20, 20).map(lambda n: pyoxigraph.Literal(str(n), datatype=pyoxigraph.NamedNode(XSD + "integer"))),
    st.decimals(-20, 20, places=2).map(lambda d: pyoxigraph.Literal(str(d), datatype=pyoxigraph.NamedNode(XSD + "decimal"))),
    st.sampled_from(["1.0E0", "-2.5E1", "INF", "-INF", "1E-2", "NaN"]).map(
        lambda v: pyoxigraph.Literal(v, datatype=pyoxigraph.NamedNode(XSD + "double"))),
)
# A date with a time zone is not ordered by its text ("2020-01-02+14:00" comes before "2020-01-01-12:00");
# the dates are a few days apart so that such pairs come up.
DATES = st.builds(
    lambda d, kind, zone: pyoxigraph.Literal(
        {"date": d.isoformat(), "gYearMonth": d.isoformat()[:7], "gYear": d.isoformat()[:4],
         "gMonth": "--" + d.isoformat()[5:7]}[kind] + zone, datatype=pyoxigraph.NamedNode(XSD + kind)),
    st.dates(date(2019, 12, 30), date(2020, 1, 3)), st.sampled_from(["date", "date", "gYearMonth", "gYear", "gMonth"]),
    st.sampled_from(["", "", "Z", "+14:00", "-12:00"]))
OTHERS = st.one_of(  # what Python does not order itself: the engine must sort these
    st.just(pyoxigraph.Literal("x", language="en")),
    st.just(pyoxigraph.Literal("true", datatype=pyoxigraph.NamedNode(XSD + "boolean"))),
    st.just(pyoxigraph.Literal("abc", datatype=pyoxigraph.NamedNode(XSD + "integer"))),
)
def column(literals):
    return st.one_of(st.none(), IRIS, literals)  # VALUES cannot hold a blank node: see the test below


@settings(max_examples=400, deadline=None)
@given(data=st.data(), width=st.integers(1, 3))
def test_python_order_is_the_engine_order(data, width):
    kinds = [data.draw(st.sampled_from([STRINGS, NUMBERS, DATES, st.one_of(STRINGS, NUMBERS), st.one_of(STRINGS, DATES), OTHERS]))
             for _ in range(width)]
    rows = data.draw(st.lists(st.tuples(*(column(k) for k in kinds)), max_size=25))
    directions = data.draw(st.lists(st.sampled_from(["", "DESC"]), min_size=width, max_size=width))
    names = [f"v{i}" for i in range(width)]
    variables = " ".join(f"?{n}" for n in ["i", *names])
    order = " ".join(f"{d}(?{n})" if d else f"?{n}" for d, n in zip(directions, names))
    # the row number ?i keeps equal rows apart, as the rows of a real query differ in other columns
    values = " ".join(f"({i} " + " ".join("UNDEF" if t is None else str(t) for t in row) + ")"
                      for i, row in enumerate(rows))
    query = f"SELECT {variables} WHERE {{ VALUES ({variables}) {{ {values} }} }} ORDER BY {order}"
    store = pyoxigraph.Store()
    expected = [[_text(s[n]) for n in ["i", *names]] for s in store.query(query)]
    got = run_local(store, query, {}).rows
    assert [r[1:] for r in got] == [r[1:] for r in expected]
    assert Counter(map(tuple, got)) == Counter(map(tuple, expected))


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(column(st.one_of(DATES, STRINGS, DATES.map(lambda d: pyoxigraph.Literal(d.value)))),
                     min_size=5, max_size=25), descending=st.booleans())
def test_dates_months_years_and_strings_in_one_column(rows, descending):
    """Where Python's order for dates must differ from their text (time zones), it must hand over."""
    values = " ".join(f"({i} {'UNDEF' if t is None else t})" for i, t in enumerate(rows))
    query = f"SELECT ?i ?v WHERE {{ VALUES (?i ?v) {{ {values} }} }} ORDER BY {'DESC(?v)' if descending else '?v'}"
    store = pyoxigraph.Store()
    assert [r[1] for r in run_local(store, query, {}).rows] == [_text(s["v"]) for s in store.query(query)]
    try:  # equal text, other datatype ("2020" the year, "2020" the string) must come in the engine's order too
        python = sort_rows(([s["v"]] for s in store.query(split_order(query)[0])), ["v"], split_order(query)[1])
    except Unorderable:
        return
    assert [str(row[0]) for row in python] == [str(s["v"]) for s in store.query(query)]


def _text(term):
    return "" if term is None else term.value


def test_blank_nodes_sort_between_unbound_and_iris():
    query = ("SELECT ?i ?v WHERE { VALUES (?i ?x) { (0 'a') (1 <urn:a>) (2 UNDEF) (3 '_:') (4 'b') } "
             "BIND(IF(?x = '_:', BNODE(), ?x) AS ?v) } ORDER BY DESC(?v)")
    store = pyoxigraph.Store()
    assert [r[0] for r in run_local(store, query, {}).rows] == [s["i"].value for s in store.query(query)] \
        == ["4", "0", "1", "3", "2"]


def test_mixed_kinds_of_literal_are_refused():
    one = pyoxigraph.Literal("1", datatype=pyoxigraph.NamedNode(XSD + "integer"))
    with pytest.raises(Unorderable):
        sort_rows([[one], [pyoxigraph.Literal("a")]], ["v"], [SortKey("v")])


def test_an_unprojected_key_is_refused_before_any_row_is_read():
    def rows():
        raise AssertionError("a row was read")
        yield
    with pytest.raises(Unorderable):
        sort_rows(rows(), ["a"], [SortKey("b")])


PARAMS = {"trust-timeline": "Worcestershire Acute Hospitals NHS Trust", "trust-changes": "RDE"}


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    return ingested_corpus(tmp_path_factory.mktemp("ordering") / "store")  # resolved: trust-timeline needs it


@pytest.mark.parametrize("name", sorted(query_files()))
def test_every_canned_query_comes_in_the_engine_order(corpus_store, name):
    text = query_files()[name].read_text("utf-8")
    assert split_order(text)[1], f"{name} should end in an ORDER BY Python can take over"
    params = {"trust": pyoxigraph.Literal(PARAMS[name])} if name in PARAMS else {}
    got = run_local(corpus_store, text, params)
    expected = [[_text(s[c]) for c in got.columns] for s in corpus_store.query(with_values(text, params))]
    assert got.rows, f"{name} should give rows on the corpus"
    # Regression: inspections' ?start holds dates, months and years, once refused, so the query ran twice.
    unordered, order = split_order(text)
    solutions = corpus_store.query(with_values(unordered, params))
    sort_rows(([s[c] for c in got.columns] for s in solutions), got.columns, order)  # must not raise Unorderable
    keys = [got.columns.index(k.variable) for k in order]
    assert [[r[i] for i in keys] for r in got.rows] == [[r[i] for i in keys] for r in expected]
    assert Counter(map(tuple, got.rows)) == Counter(map(tuple, expected))
