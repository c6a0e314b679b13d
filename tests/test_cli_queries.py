"""Every canned query, run through the CLI on a store built from hand-made facts, gives the expected rows."""
from __future__ import annotations

import json
import re

import pytest

from cli_kit import (HOSTILE_VALUES, PARAMETERISED, SOURCE_2021, SOURCE_2023, build_store, facts_2021, facts_2023,
                     project, query_rows, run)
from nhskg.resources import query_files
from nhskg.sparql import describe, required_params
from nhskg.store import open_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    location = str(tmp_path_factory.mktemp("kg") / "store")
    build_store(location, facts_2021(), facts_2023())
    return location


def test_every_canned_query_opens_with_its_question_and_columns():
    for name, f in query_files().items():
        text = f.read_text("utf-8")
        assert describe(text).endswith("?"), name
        assert "# Columns:" in text, name


def test_trusts(store, capsys):
    rows = query_rows(capsys, store, "trusts")
    assert list(rows[0])[:1] == ["trust"] and "article" in rows[0]
    assert project(rows, "trust", "ods_code", "article") == {
        ("Kestrel Vale Hospitals NHS Trust", "RZZ9", SOURCE_2021),
        ("Kestrel Vale NHS Trust", "RZZ9", SOURCE_2023),  # the name as that article writes it
        ("Harrowfield NHS Foundation Trust", "", SOURCE_2023),
    }


def test_hospitals(store, capsys):
    rows = query_rows(capsys, store, "hospitals")
    assert project(rows, "hospital", "trust", "town", "article") == {
        ("Kestrel General Hospital", "Kestrel Vale Hospitals NHS Trust", "Kestrelford", SOURCE_2021),
        ("Harrowfield Infirmary", "", "", SOURCE_2023),
    }


def test_people(store, capsys):
    rows = query_rows(capsys, store, "people")
    assert project(rows, "person", "honorific", "kind", "role", "organisation", "article") == {
        ("Anna Morrow", "Dr", "executive", "chief executive", "Kestrel Vale Hospitals NHS Trust", SOURCE_2021),
        ("Tom Hale", "", "inspector", "deputy chief inspector of hospitals", "Care Quality Commission", SOURCE_2021),
        ("Anna Morrow", "", "executive", "chief executive", "Kestrel Vale NHS Trust", SOURCE_2023),
    }


def test_executives_first_and_last_seen_span_the_articles(store, capsys):
    rows = query_rows(capsys, store, "executives")
    assert project(rows, "person", "role", "trust", "first_seen", "last_seen", "articles") == {
        ("Anna Morrow", "chief executive", "Kestrel Vale Hospitals NHS Trust", "2021-06-10", "2023-02-01", "2"),
    }


def test_ratings(store, capsys):
    rows = query_rows(capsys, store, "ratings")
    assert project(rows, "subject", "subject_type", "service", "key_question", "rating", "previous_rating",
                   "article") == {
        ("Kestrel Vale Hospitals NHS Trust", "trust", "", "", "Inadequate", "Good", SOURCE_2021),
        ("Kestrel Vale Hospitals NHS Trust", "trust", "", "well-led", "Good", "", SOURCE_2021),
        ("Kestrel General Hospital", "hospital", "maternity", "", "Requires improvement", "", SOURCE_2021),
        ("Kestrel General Hospital", "hospital", "urgent and emergency care", "safe", "Inadequate",
         "Requires improvement", SOURCE_2021),
        ("Kestrel Vale NHS Trust", "trust", "", "", "Good", "Inadequate", SOURCE_2023),
    }
    assert {r["date"] for r in rows} == {"", "2021-05"}


def test_rating_changes_count_levels_on_the_ranked_scale(store, capsys):
    rows = query_rows(capsys, store, "rating-changes")
    assert [(r["subject"], r["service"], r["previous_rating"], r["rating"], r["change"], r["levels"]) for r in rows] == [
        ("Kestrel Vale Hospitals NHS Trust", "", "Good", "Inadequate", "declined", "2"),
        ("Kestrel Vale NHS Trust", "", "Inadequate", "Good", "improved", "2"),
        ("Kestrel General Hospital", "urgent and emergency care", "Requires improvement", "Inadequate", "declined", "1"),
    ]


def test_special_measures(store, capsys):
    rows = query_rows(capsys, store, "special-measures")
    assert project(rows, "trust", "status", "detail", "since", "article") == {
        ("Kestrel Vale Hospitals NHS Trust", "in", "placed in special measures", "2021-06", SOURCE_2021),
        ("Kestrel Vale NHS Trust", "out", "taken out of special measures", "", SOURCE_2023),
        ("Harrowfield NHS Foundation Trust", "recommended", "recommended for special measures", "", SOURCE_2023),
    }


def test_inspections(store, capsys):
    rows = query_rows(capsys, store, "inspections")
    assert project(rows, "subject", "start", "end", "article") == {
        ("Kestrel General Hospital", "2021-03", "", SOURCE_2021)}


def test_enforcement(store, capsys):
    rows = query_rows(capsys, store, "enforcement")
    assert project(rows, "trust", "action", "date", "article") == {
        ("Kestrel Vale Hospitals NHS Trust", "section 29A warning notice", "2021-04-02", SOURCE_2021)}


def test_inspector_statements(store, capsys):
    rows = query_rows(capsys, store, "inspector-statements")
    assert project(rows, "inspector", "role", "said", "article") == {
        ("Tom Hale", "deputy chief inspector of hospitals", "Patients deserve better than this.", SOURCE_2021)}


@pytest.mark.parametrize("trust", ["Kestrel Vale Hospitals NHS Trust", "kestrel vale nhs trust", "RZZ9", "rzz9",
                                   "KESTREL VALE HOSPITALS NHS TRUST"])
def test_trust_timeline_by_name_alias_or_ods_code_in_date_order(store, capsys, trust):
    rows = query_rows(capsys, store, "trust-timeline", "--param", f"trust={trust}")
    assert [(r["date"], r["event"], r["detail"], r["subject"]) for r in rows] == [
        ("2021-03", "inspection", "", "Kestrel General Hospital"),
        ("2021-04-02", "enforcement", "section 29A warning notice", "Kestrel Vale Hospitals NHS Trust"),
        ("2021-05", "rating", "Inadequate, urgent and emergency care, safe", "Kestrel General Hospital"),
        ("2021-06", "special measures", "placed in special measures", "Kestrel Vale Hospitals NHS Trust"),
        ("2021-06-10", "post", "chief executive: Anna Morrow", "Kestrel Vale Hospitals NHS Trust"),
        ("2021-06-10", "rating", "Good, well-led", "Kestrel Vale Hospitals NHS Trust"),
        ("2021-06-10", "rating", "Inadequate", "Kestrel Vale Hospitals NHS Trust"),
        ("2021-06-10", "rating", "Requires improvement, maternity", "Kestrel General Hospital"),
        ("2023-02-01", "post", "chief executive: Anna Morrow", "Kestrel Vale Hospitals NHS Trust"),
        ("2023-02-01", "rating", "Good", "Kestrel Vale Hospitals NHS Trust"),
        ("2023-02-01", "special measures", "taken out of special measures", "Kestrel Vale Hospitals NHS Trust"),
    ]


def test_trust_timeline_needs_its_parameter(store, capsys):
    code, _, err = run(capsys, "query", "trust-timeline", "--store", store)
    assert code == 2 and err.strip() == "nhskg query: this query needs --param trust=VALUE"


def all_quads(store: str) -> set:
    return set(open_store(store, read_only=True))


@pytest.mark.parametrize("query, param", PARAMETERISED)
@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_parameters_are_bound_as_terms_never_spliced(store, capsys, query, param, value):
    before = all_quads(store)
    assert query_rows(capsys, store, query, "--param", f"{param}={value}") == []
    assert all_quads(store) == before  # nothing was dropped, cleared or added


@pytest.mark.parametrize("name", sorted(query_files()))
def test_any_variable_of_any_query_takes_a_hostile_value_as_a_term(store, capsys, name):
    """Undeclared parameters go the other way (a VALUES block where pyoxigraph cannot substitute): as safe."""
    text = query_files()[name].read_text("utf-8")
    computed = set(re.findall(r"\bAS\s+\?(\w+)", text, flags=re.IGNORECASE))  # BIND's own: cannot be bound first
    variable = next(v for v in re.findall(r"\?(\w+)", text) if v not in computed)
    declared = [f"--param={p}=x" for p in required_params(text)]
    before = all_quads(store)
    for value in HOSTILE_VALUES[::2]:
        code, _, err = run(capsys, "query", name, "--store", store, "--format", "csv", "--param",
                           f"{variable}={value}", *declared)
        assert code == 0 and err == "", (value, err)
    assert all_quads(store) == before


def test_iri_parameter_and_a_query_file(store, capsys, tmp_path):
    rq = tmp_path / "names.rq"
    rq.write_text("PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                  "SELECT ?name WHERE { GRAPH ?g { ?t skos:prefLabel ?name } }")
    rows = query_rows(capsys, store, str(rq), "--param", "t=<https://w3id.org/nhskg/id/trust/RZZ9>")
    assert {r["name"] for r in rows} == {"Kestrel Vale Hospitals NHS Trust"}


def test_json_and_table_output(store, capsys):
    code, out, _ = run(capsys, "query", "enforcement", "--store", store, "--format", "json")
    assert code == 0 and json.loads(out)[0]["action"] == "section 29A warning notice"
    code, out, _ = run(capsys, "query", "enforcement", "--store", store)
    assert code == 0 and out.splitlines()[0].split()[:2] == ["trust", "action"] and out.endswith("(1 rows)\n")


def test_limit_keeps_the_first_rows_and_says_more_were_left(store, capsys):
    every = query_rows(capsys, store, "trusts")
    code, out, err = run(capsys, "query", "trusts", "--store", store, "--format", "csv", "--limit", "2")
    assert code == 0 and out.splitlines()[1:] == [",".join(r.values()) for r in every[:2]]
    assert "the first 2 rows; more with a larger --limit" in err
    code, out, _ = run(capsys, "query", "trusts", "--store", store, "--limit", "1")
    assert out.endswith("(1 rows; more with a larger --limit)\n")
    code, out, err = run(capsys, "query", "trusts", "--store", store, "--limit", str(len(every)))
    assert out.endswith(f"({len(every)} rows)\n") and err == ""


@pytest.mark.parametrize("args, message", [
    (["query", "no-such-query"], "no canned query named 'no-such-query'"),
    (["query", "trusts", "--param", "1bad=x"], "--param takes NAME=VALUE"),
    (["query", "trusts", "--param", "t=<a b>"], "is not a valid IRI"),
])
def test_bad_input_is_one_line_without_traceback(store, capsys, args, message):
    code, out, err = run(capsys, *args, "--store", store)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_query_file_that_is_not_sparql(store, capsys, tmp_path):
    rq = tmp_path / "broken.rq"
    rq.write_text("SELECT ?x WHERE { ?x")
    code, _, err = run(capsys, "query", str(rq), "--store", store)
    assert code == 2 and err.startswith("nhskg query: the query is not valid SPARQL")


def test_query_on_a_missing_store(capsys, tmp_path):
    code, _, err = run(capsys, "query", "trusts", "--store", str(tmp_path / "none"))
    assert code == 2 and "no store at" in err
