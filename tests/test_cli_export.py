"""nhskg export: every format re-parses (pyoxigraph, and rapper where it reads the format) to the same count."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset

from cli_kit import SOURCE_2021, build_store, facts_2021, facts_2023, run
from nhskg.export import FORMATS
from nhskg.store import VOCAB_GRAPH, article_graphs, graph_of_source, open_store

RAPPER = {"turtle": "turtle", "ntriples": "ntriples", "nquads": "nquads", "trig": "trig"}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    location = str(tmp_path_factory.mktemp("kg") / "store")
    build_store(location, facts_2021(), facts_2023())
    return location


def expected(location: str, fmt: str, graphs=None) -> int:
    s = open_store(location, read_only=True)
    graphs = graphs if graphs is not None else article_graphs(s)
    found = [q for g in graphs for q in s.quads_for_pattern(None, None, None, g)]
    return len(found) if FORMATS[fmt].supports_datasets else len({q.triple for q in found})


def parsed(path: Path, fmt: str) -> int:
    return sum(1 for _ in pyoxigraph.parse(path=str(path), format=FORMATS[fmt]))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_whole_store_round_trips(store, capsys, tmp_path, fmt):
    out = tmp_path / f"kg.{fmt}"
    code, _, err = run(capsys, "export", "--store", store, "--format", fmt, "-o", str(out))
    assert code == 0, err
    n = expected(store, fmt)
    assert n > 100 and parsed(out, fmt) == n
    assert err.strip() == f"wrote {n} {'quads' if FORMATS[fmt].supports_datasets else 'triples'} to {out}"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left behind
    if fmt in RAPPER and shutil.which("rapper"):
        done = subprocess.run(["rapper", "-i", RAPPER[fmt], "-c", str(out)], capture_output=True, text=True)
        assert done.returncode == 0 and f"returned {n} triples" in done.stderr


def test_the_union_has_fewer_triples_than_the_graphs_have_quads(store):
    # the same trust is described in both articles: the union holds its shared triples once
    assert expected(store, "ntriples") < expected(store, "nquads")


def test_jsonld_keeps_the_named_graphs(store, capsys, tmp_path):
    out = tmp_path / "kg.jsonld"
    assert run(capsys, "export", "--store", store, "--format", "jsonld", "-o", str(out))[0] == 0
    ds = Dataset()
    ds.parse(out, format="json-ld")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert names == {g.value for g in article_graphs(open_store(store, read_only=True))}


def test_one_article_to_standard_output(store, capsys):
    code, out, _ = run(capsys, "export", "--store", store, "--format", "ntriples", "--article", SOURCE_2021)
    s = open_store(store, read_only=True)
    graph = graph_of_source(s, SOURCE_2021)
    assert code == 0 and len(out.splitlines()) == expected(store, "ntriples", [graph])


def test_vocabularies_only_when_asked(store, capsys, tmp_path):
    out = tmp_path / "with.nq"
    assert run(capsys, "export", "--store", store, "--format", "nquads", "--vocabularies", "-o", str(out))[0] == 0
    graphs = {q.graph_name.value for q in pyoxigraph.parse(path=str(out), format=pyoxigraph.RdfFormat.N_QUADS)}
    assert VOCAB_GRAPH in graphs
    code, text, _ = run(capsys, "export", "--store", store, "--format", "nquads")
    assert code == 0 and VOCAB_GRAPH not in text


def test_a_failed_export_leaves_the_old_file_alone(store, capsys, tmp_path):
    out = tmp_path / "kg.trig"
    out.write_text("previous export")
    code, _, err = run(capsys, "export", "--store", store, "--article", "no/such/article.txt", "-o", str(out))
    assert code == 2 and err.strip() == f"nhskg export: no article ingested from no/such/article.txt in {store}"
    assert out.read_text() == "previous export"
    code, _, err = run(capsys, "export", "--store", store, "-o", str(tmp_path / "missing" / "kg.trig"))
    assert code == 2 and err.startswith("nhskg export: cannot write to ") and "Traceback" not in err
