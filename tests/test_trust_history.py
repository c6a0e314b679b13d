"""Trusts as they were: an article's trust is the organisation of its date, named as the ODS files of
that time name it, and renames and mergers are ORG change events a query can follow.

The trusts are real reference-data entries (the test is of the link to them): RDE was Colchester Hospital
University NHS FT in the 2015 vintage and East Suffolk and North Essex NHS FT from the ~2020 one; RW6
merged into RM3 on 2021-10-01 (trust_mergers.csv), and RM3 was renamed between the ~2020 and 2025 vintages.
The articles and people are invented.
"""
from __future__ import annotations

import csv
import importlib
import io
import json
import sys
from pathlib import Path

import pytest

from nhskg.cli import main
from nhskg.ingest.iris import ID
from nhskg.ingest.trust_history import history, name_key

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "data" / "reference"
COLCHESTER = "Colchester Hospital University NHS Foundation Trust"
ESNEFT = "East Suffolk and North Essex NHS Foundation Trust"
SALFORD, NCA, PENNINE = ("Salford Royal NHS Foundation Trust", "Northern Care Alliance NHS Foundation Trust",
                         "Pennine Acute Hospitals NHS Trust")


def era(code, names=(), published=None):
    return history().era_for(code, list(names), published).name


# ---------- which era an article means ----------

def test_a_2015_article_means_the_2015_trust():
    assert era("RDE", [COLCHESTER], "2015-06-10") == COLCHESTER


def test_an_article_after_the_rename_means_the_successor_whatever_name_it_uses():
    assert era("RDE", [ESNEFT], "2021-03-02") == ESNEFT
    assert era("RDE", ["the trust"], "2021-03-02") == ESNEFT


def test_before_the_oldest_vintage_the_oldest_name():
    assert era("RDE", [], "2013-11") == COLCHESTER


def test_a_year_alone_is_its_first_day():
    assert era("RDE", [], "2015") == COLCHESTER


@pytest.mark.parametrize("names, expected", [
    ([COLCHESTER], COLCHESTER),
    (["Colchester Hospital Trust"], COLCHESTER),  # a short form of one era's name, in order
    ([ESNEFT], ESNEFT),
    (["the trust"], COLCHESTER),  # no name decides: the name last attested before the date
])
def test_between_two_vintages_the_name_decides(names, expected):
    assert era("RDE", names, "2018-09-01") == expected


def test_undated_the_name_decides_else_the_newest():
    assert era("RDE", [COLCHESTER], None) == COLCHESTER
    assert era("RDE", ["the trust"], None) == ESNEFT


def test_a_code_with_one_name_and_an_unknown_code():
    assert era("RWP", [], "2015-01-01") == "Worcestershire Acute Hospitals NHS Trust"
    assert history().era_for("ZZZ", ["X NHS Trust"], "2015") is None
    assert history().era_for(None, ["X NHS Trust"], "2015") is None


def test_one_name_respelt_is_one_era():
    """"National Health Service" and "NHS" are one name: no rename, one node."""
    assert name_key("Portsmouth Hospitals University National Health Service Trust") == \
        name_key("Portsmouth Hospitals University NHS Trust")
    assert [e.name for e in history().eras["RHU"]] == [
        "Portsmouth Hospitals NHS Trust", "Portsmouth Hospitals University NHS Trust"]


def test_era_iris_the_newest_is_the_code():
    old, new = history().eras["RDE"]
    assert new.iri == str(ID) + "trust/RDE"
    assert old.iri == str(ID) + "trust/RDE/colchester-hospital-university-nhs-foundation-trust"
    assert history().era_of(old.iri) == old


def test_changes_rename_and_dated_merger():
    changes = {(c.kind, c.original.name, c.resulting.name): (c.date, c.not_before, c.not_after)
               for c in history().changes}
    assert changes[("rename", COLCHESTER, ESNEFT)] == (None, "2015-09-30", "2020-10-01")
    # the merger's date falls before the rename is attested: the successor of the time is the old name
    assert changes[("merger", PENNINE, SALFORD)] == ("2021-10-01", None, None)
    assert changes[("rename", SALFORD, NCA)] == (None, "2020-10-01", "2024-12-31")


def test_predecessors_through_renames_and_mergers():
    nca = history().eras["RM3"][-1]
    assert [e.name for e in history().predecessors(nca)] == [SALFORD, PENNINE]
    assert history().predecessors(history().eras["RW6"][-1]) == []


def test_no_succession_is_made_up_for_a_trust_that_closed_without_a_merger_row():
    """Ipswich Hospital NHS Trust (RGQ) closed; the data does not say into what."""
    assert not [c for c in history().changes if c.original.code == "RGQ"]


# ---------- through ingest, queries and the timeline ----------

ARTICLES = {
    "colchester-2015": ("2015-06-10", "Trust chief executive steps down\n\n"
                        f"Jane Marlow, chief executive of {COLCHESTER}, said she would step down in the summer.\n"),
    "esneft-2021": ("2021-03-02", "Trust names new leader\n\n"
                    f"Tom Harlow, chief executive of {ESNEFT}, said the hospitals were improving.\n"),
    "pennine-2016": ("2016-02-01", "Trust leader speaks\n\n"
                     f"Amir Patel, chief executive of {PENNINE}, said staff had worked hard.\n"),
    "nca-2025": ("2025-05-01", "Trust leader speaks\n\n"
                 f"Ruth Ellery, chief executive of {NCA}, said services were safer.\n"),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("history")
    for name, (published, text) in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, "utf-8")
        (folder / f"{name}.meta.json").write_text(json.dumps({"published": published}), "utf-8")
    store = str(folder / "store")
    assert main(["ingest", str(folder), "--store", store]) == 0
    return store


def _csv(capsys, *args):
    capsys.readouterr()
    assert main([*args, "--format", "csv"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_executives_stay_at_the_trust_of_their_time(store, capsys):
    got = {(r["person"], r["trust"]) for r in _csv(capsys, "query", "executives", "--store", store)}
    assert got == {("Jane Marlow", COLCHESTER), ("Tom Harlow", ESNEFT), ("Amir Patel", PENNINE),
                   ("Ruth Ellery", NCA)}


def test_trusts_query_gives_each_article_its_trust(store, capsys):
    got = {(r["article"].rsplit("/", 1)[-1], r["trust"], r["ods_code"])
           for r in _csv(capsys, "query", "trusts", "--store", store)}
    assert ("colchester-2015.txt", COLCHESTER, "RDE") in got
    assert ("esneft-2021.txt", ESNEFT, "RDE") in got
    assert not {t for a, t, _ in got if a == "colchester-2015.txt"} & {ESNEFT}


def test_the_two_eras_of_one_code_are_not_merged_by_resolution(store, capsys):
    lines = _csv(capsys, "timeline", COLCHESTER, "--store", store)
    assert [r["detail"] for r in lines] == ["chief executive: Jane Marlow"]


def test_a_code_means_its_newest_holder_and_predecessors_on_request(store, capsys):
    assert [r["detail"] for r in _csv(capsys, "timeline", "RDE", "--store", store)] == ["chief executive: Tom Harlow"]
    got = [(r["detail"], r["subject"])
           for r in _csv(capsys, "timeline", "RDE", "--with-predecessors", "--store", store)]
    assert got == [("chief executive: Jane Marlow", COLCHESTER), ("chief executive: Tom Harlow", ESNEFT)]


def test_predecessors_follow_a_merger_and_a_rename(store, capsys):
    got = [r["subject"] for r in _csv(capsys, "timeline", NCA, "--with-predecessors", "--store", store)]
    assert got == [PENNINE, NCA]  # Salford Royal, between them, has no article here


def test_the_change_event_links_them(store, capsys):
    got = [(r["from"], r["to"], r["kind"], r["date"], r["not_before"], r["not_after"])
           for r in _csv(capsys, "query", "trust-changes", "--param", "trust=rde", "--store", store)]
    assert got == [(COLCHESTER, ESNEFT, "rename", "", "2015-09-30", "2020-10-01")]
    got = [(r["from"], r["to"], r["kind"], r["date"])
           for r in _csv(capsys, "query", "trust-changes", "--param", f"trust={PENNINE}", "--store", store)]
    assert got == [(PENNINE, SALFORD, "merger", "2021-10-01"), (SALFORD, NCA, "rename", "")]


def test_the_docs_example_follows_a_2015_trust_to_its_successor(store):
    import pyoxigraph
    text = (ROOT / "docs" / "trust-changes.md").read_text("utf-8")
    query = text.split("```sparql\n", 1)[1].split("```", 1)[0]
    s = pyoxigraph.Store.read_only(store)
    got = {(r["from"].value, r["to"].value, r["kind"].value) for r in s.query(query)}
    assert got == {(COLCHESTER, ESNEFT, "rename")}


# ---------- the package data and the docs table are current ----------

def _builder():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        return importlib.import_module("build_trust_history")
    finally:
        sys.path.remove(str(ROOT / "scripts"))


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="reference data not present")
def test_package_data_and_docs_table_are_built_from_the_reference_data():
    b = _builder()
    data = b.build(REFERENCE)
    assert json.loads(b.OUT.read_text("utf-8")) == json.loads(json.dumps(data))
    assert b.DOC.read_text("utf-8") == b.render(data)


def test_the_docs_table_lists_renames_mergers_and_kept_codes():
    text = (ROOT / "docs" / "trust-changes.md").read_text("utf-8")
    assert f"| RDE | {COLCHESTER} | {ESNEFT} | 2015-09-30 | 2020-10-01 |" in text
    assert f"| 2021-10-01 | {PENNINE} | RW6 | {SALFORD} | RM3 | kept (older than the merger) |" in text
    assert ("| 2020-10-01 | Poole Hospital NHS Foundation Trust | RD3 | University Hospitals Dorset NHS Foundation "
            "Trust | R0D | new |") in text
    assert "| 2018-06-30 | RGQ | Ipswich Hospital NHS Trust |" in text  # ended, successor not stated


def test_the_store_gets_the_trusts_linked_to_its_own_by_changes_either_way():
    from nhskg.trust_graph import connected
    pennine = history().eras["RW6"][0]
    eras, changes = connected([pennine.iri, str(ID) + "trust/not-linked"])
    assert [e.name for e in eras] == [SALFORD, NCA, PENNINE]  # by code, then era
    assert [(c.kind, c.original.name) for c in changes] == [("rename", SALFORD), ("merger", PENNINE)]
    assert connected([str(ID) + "trust/RWP"]) == (history().eras["RWP"], [])


def test_the_trust_history_graph_conforms_to_the_shapes():
    import pyoxigraph
    from rdflib import RDF, Graph, URIRef

    from nhskg.trust_graph import triples
    from nhskg.validation import validate
    g = Graph().parse(data=pyoxigraph.serialize(list(triples()), format=pyoxigraph.RdfFormat.N_TRIPLES).decode(),
                      format="nt")
    report = validate(g)
    assert report.conforms, report.text()
    assert len(set(g.subjects(RDF.type, URIRef("http://www.w3.org/ns/org#ChangeEvent")))) == len(history().changes)


def _trust_labels(text, published=None):
    from nhskg.ingest.model import Article
    from nhskg.ingest.pipeline import extract
    from nhskg.ingest.rdf import SKOS, to_triples
    _, g = to_triples(extract(Article("mem://a.txt", text, published=published)))
    return {(str(s), str(o)) for s, p, o in g if p == SKOS.prefLabel and "/trust/" in str(s)}


def test_without_metadata_the_date_in_the_text_decides():
    text = ("Trust news\nPublished: 4 March 2015\n\n"
            "Ravi Shaw, chief executive of East Suffolk and North Essex trust, spoke to staff.\n")
    # the name is the successor's, but in March 2015 the code was Colchester's
    assert _trust_labels(text) == {(str(ID) + "trust/RDE/colchester-hospital-university-nhs-foundation-trust",
                                    COLCHESTER)}


def test_with_no_date_at_all_the_name_decides():
    assert _trust_labels(f"Ravi Shaw, chief executive of {COLCHESTER}, spoke.\n") == {
        (str(ID) + "trust/RDE/colchester-hospital-university-nhs-foundation-trust", COLCHESTER)}
    assert _trust_labels(f"Ravi Shaw, chief executive of {ESNEFT}, spoke.\n") == {(str(ID) + "trust/RDE", ESNEFT)}


def test_a_store_of_trusts_the_ods_files_do_not_name_gets_no_trust_history_graph(tmp_path):
    import pyoxigraph
    from nhskg.trust_graph import TRUST_HISTORY_GRAPH, write
    s = pyoxigraph.Store(str(tmp_path / "s"))
    write(s, [str(ID) + "trust/RDE"])
    assert pyoxigraph.NamedNode(TRUST_HISTORY_GRAPH) in set(s.named_graphs())
    write(s, [str(ID) + "trust/northmoor-valley-nhs-trust"])
    assert pyoxigraph.NamedNode(TRUST_HISTORY_GRAPH) not in set(s.named_graphs())
