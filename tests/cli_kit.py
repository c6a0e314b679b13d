"""Running the real `nhskg` command in-process, and a store built from facts written by hand.

The hand-made facts go through the real RDF mapping and the real store code, so the query tests
see exactly what an ingest writes, whatever the extractor's quality is on any given day.
"""
from __future__ import annotations

import csv
import io

from nhskg.cli import main
from nhskg.ingest.model import (Article, Enforcement, Evidence, Facts, Inspection, Organisation, Person, Quote,
                                Rating, SpecialMeasures)
from nhskg.ingest.rdf import to_graph
from nhskg.resources import query_files
from nhskg.sparql import required_params
from nhskg.resolution import resolve
from nhskg.store import open_store, replace_graph


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Run `nhskg ARGS...`; returns exit status, standard output and standard error."""
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def query_rows(capsys, store: str, name: str, *extra: str) -> list[dict]:
    code, out, err = run(capsys, "query", name, "--store", store, "--format", "csv", *extra)
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def project(rows: list[dict], *columns: str) -> set[tuple]:
    return {tuple(r[c] for c in columns) for r in rows}


# Parameter values that try to end their literal and run SPARQL of their own.
HOSTILE_VALUES = ['Kestrel Vale NHS Trust" } ; DROP ALL ; SELECT * { ?s ?p ?o',
                  'x") } UNION { ?t ?p ?name } #', "RZZ9'", "} ; DROP ALL", '\\"', "<not an iri",
                  'RZZ9"@en } } UNION { GRAPH ?g { ?s ?p ?o } } #', "RZZ9\\u0022 . ?x ?y ?z #", "RZZ9\n} CLEAR ALL ; {",
                  "'''RZZ9''' ; LOAD <http://127.0.0.1:9/x>", "?trust", "$trust", "Kestrel\u0000Vale\u202e"]
# Every query that declares a parameter (`# Parameter: NAME`), with each parameter it declares.
PARAMETERISED = [(name, p) for name, f in sorted(query_files().items()) for p in required_params(f.read_text("utf-8"))]


def ev(sentence: str) -> Evidence:
    return Evidence(sentence, 0, len(sentence))


# Two invented stories about invented trusts, two years apart.
SOURCE_2021 = "news/kestrel-2021.txt"
SOURCE_2023 = "news/kestrel-2023.txt"


def facts_2021() -> Facts:
    e = ev("Kestrel Vale Hospitals NHS Trust has been rated inadequate.")
    return Facts(
        Article(SOURCE_2021, "text", title="Kestrel Vale rated inadequate", published="2021-06-10",
                publisher="Example News"),
        organisations=[
            Organisation("t1", "trust", "Kestrel Vale Hospitals NHS Trust", aliases=["the trust"], ods_code="RZZ9",
                         official_name="Kestrel Vale Hospitals NHS Trust", evidence=e),
            Organisation("h1", "hospital", "Kestrel General Hospital", trust_key="t1", town="Kestrelford", evidence=e),
            Organisation("cqc", "regulator", "Care Quality Commission", evidence=e),
        ],
        people=[
            Person("p1", "Anna Morrow", honorific="Dr", role="chief executive", kind="executive",
                   organisation_key="t1", evidence=e),
            Person("p2", "Tom Hale", role="deputy chief inspector of hospitals", kind="inspector",
                   organisation_key="cqc", evidence=e),
        ],
        ratings=[
            Rating("t1", "Inadequate", previous="Good", evidence=e),
            Rating("t1", "Good", key_question="well-led", evidence=e),
            Rating("h1", "Requires improvement", service="maternity", evidence=e),
            Rating("h1", "Inadequate", service="urgent and emergency care", key_question="safe",
                   previous="Requires improvement", date="2021-05", evidence=e),
        ],
        special_measures=[SpecialMeasures("t1", "placed", date="2021-06", evidence=e)],
        inspections=[Inspection("h1", start="2021-03", evidence=e)],
        enforcement=[Enforcement("t1", "section 29A warning notice", date="2021-04-02", evidence=e)],
        quotes=[Quote("p2", "Patients deserve better than this.", evidence=e)],
    )


def facts_2023() -> Facts:
    e = ev("Kestrel Vale NHS Trust is now rated good.")
    return Facts(
        Article(SOURCE_2023, "text", title="Kestrel Vale out of special measures", published="2023-02-01"),
        organisations=[
            Organisation("t1", "trust", "Kestrel Vale NHS Trust", ods_code="RZZ9",
                         official_name="Kestrel Vale Hospitals NHS Trust", evidence=e),
            Organisation("t2", "trust", "Harrowfield NHS Foundation Trust", evidence=e),
            Organisation("h2", "hospital", "Harrowfield Infirmary", evidence=e),
        ],
        people=[Person("p1", "Anna Morrow", role="chief executive", kind="executive", organisation_key="t1",
                       evidence=e)],
        ratings=[Rating("t1", "Good", previous="Inadequate", evidence=e)],
        special_measures=[SpecialMeasures("t1", "out", evidence=e), SpecialMeasures("t2", "recommended", evidence=e)],
    )


def build_store(location: str, *facts: Facts) -> None:
    """A store as `nhskg ingest` leaves it: the article graphs, then the resolution graph."""
    store = open_store(location)
    for f in facts:
        name, graph = to_graph(f)
        replace_graph(store, str(name), graph.serialize(format="nt"))
    resolve(store)
    store.flush()
