"""nhskg network: one node per entity across articles, reports, paths, exports and pictures."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from careers_kit import article, build_store, cqc, org, person
from corpus_kit import CORPUS, ingested_corpus

from nhskg import network, resolution
from nhskg.cli import main
from nhskg.errors import UserError
from nhskg.ingest.model import Rating
from nhskg.store import open_store

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "careers"


def built(store_dir):
    store = open_store(store_dir, create=False)
    return network.build(store, resolution.resolve(store))


@pytest.fixture
def small(tmp_path):
    facts = [
        article("n1.txt", "2018-02-01", [org("a", "Alderley Vale NHS Trust"), cqc(),
                                         org("h", "Alderley General Hospital", "hospital", trust_key="a")],
                [person("j", "Jane Okafor", "chief executive", "a"),
                 person("r", "Ruth Hale", "deputy chief inspector", "cqc", kind="inspector")],
                quotes=["j", "r"], ratings=[Rating("h", "Inadequate")]),
        article("n2.txt", "2018-03-01", [org("b", "Brookmere NHS Trust"), cqc()],
                [person("r", "Ruth Hale", "deputy chief inspector", "cqc", kind="inspector"),
                 person("e", 'Eve <script>alert("x")</script> Smith', "chair", "b")],
                ratings=[Rating("b", "Good")]),
        article("n3.txt", None, [org("c", "Carrow NHS Trust")], []),
    ]
    build_store(tmp_path / "s", facts).flush()  # dropped here, so a command can open the folder later
    return tmp_path / "s"


def test_nodes_and_edges_carry_kinds_relations_and_articles(small):
    net = built(small)
    g = net.graph
    by_label = {d["label"]: n for n, d in g.nodes(data=True)}
    jane, trust, site = by_label["Jane Okafor"], by_label["Alderley Vale NHS Trust"], by_label["Alderley General Hospital"]
    assert g.nodes[jane]["kind"] == "executive" and g.nodes[site]["kind"] == "hospital"
    assert g.nodes[by_label["Ruth Hale"]]["kind"] == "inspector"
    assert set(g.edges[jane, trust]["relations"]) == {"holds a post at"}
    assert set(g.edges[trust, site]["relations"]) == {"runs"}
    cqc_node = by_label["Care Quality Commission"]
    assert g.edges[cqc_node, site]["relations"]["rated"]["details"] == {"Inadequate, overall"}
    quoted = [n for n in g[jane] if g.nodes[n]["kind"] == "article"]
    assert len(quoted) == 1 and "quoted in" in g.edges[jane, quoted[0]]["relations"]
    assert network.trust_articles(g, trust) == g.nodes[trust]["articles"] | g.nodes[site]["articles"]


def test_report_ranks_people_and_counts_components(small):
    text = network.report(built(small))
    assert text.splitlines()[0] == ("9 nodes (1 article, 2 executive, 1 hospital, 1 inspector, 1 regulator, "
                                    "3 trust), 8 edges, 2 connected components (largest: 8 nodes)")
    people = text.split("Most connected people")[1].splitlines()[1]
    assert people.split()[-2:] == ["Ruth", "Hale"]  # the inspector bridges the CQC and the quoting article
    assert "Executives linked to more than one trust: 0" in text


def test_path_names_each_step_with_its_articles(small):
    assert network.path(built(small), "ruth hale", "Brookmere NHS Trust") == [
        "Ruth Hale to Brookmere NHS Trust: 2 steps",
        "  Ruth Hale holds a post at (deputy chief inspector) Care Quality Commission  [n1.txt, n2.txt]",
        "  Care Quality Commission rated (Good, overall) Brookmere NHS Trust  [n2.txt]"]


@pytest.mark.parametrize("a, b, message", [
    ("Nobody Known", "Carrow NHS Trust", "no node named 'Nobody Known'"),
    # regression: the words every trust name shares made a close match ("Zzz" took Alderley Vale)
    ("Zzz NHS Trust", "Carrow NHS Trust", r"no node named 'Zzz NHS Trust'$"),
    ("NHS Foundation Trust", "Carrow NHS Trust", r"no node named 'NHS Foundation Trust'$"),
    ("Jane Okafor", "Carrow NHS Trust", "no path between Jane Okafor and Carrow NHS Trust"),
])
def test_path_errors_are_one_clear_line(small, a, b, message):
    with pytest.raises(UserError, match=message):
        network.path(built(small), a, b)


@pytest.mark.parametrize("typed, label", [
    ("Brookmer NHS Trust", "Brookmere NHS Trust"),  # a misspelling
    ("Alderley General", "Alderley General Hospital"),  # the name without its generic words
    ("ruth hail", "Ruth Hale"),
])
def test_a_close_name_finds_its_node(small, typed, label):
    g = built(small).graph
    assert g.nodes[network.find_node(g, typed)]["label"] == label


def test_exports_read_back(small, tmp_path, capsys):
    store_dir = small
    for fmt in ("graphml", "gexf", "json", "html", "png"):
        assert main(["network", "--store", str(store_dir), "--format", fmt, "-o", str(tmp_path / f"n.{fmt}")]) == 0
    g = nx.read_graphml(tmp_path / "n.graphml")
    assert {d["kind"] for _, d in g.nodes(data=True)} >= {"trust", "hospital", "regulator", "executive", "article"}
    assert nx.read_gexf(tmp_path / "n.gexf").number_of_edges() == g.number_of_edges()
    data = json.loads((tmp_path / "n.json").read_text())
    assert len(data["nodes"]) == g.number_of_nodes()
    page = (tmp_path / "n.html").read_text()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page  # a name cannot inject markup
    assert "src=" not in page and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert (tmp_path / "n.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["network", "--store", str(store_dir), "--format", "png"]) == 2
    assert "needs -o FILE" in capsys.readouterr().err


def test_career_fixtures_end_to_end(tmp_path, capsys):
    """Articles written for the tests, through the real extractor: the mover is one executive at two trusts."""
    store = tmp_path / "s"
    assert main(["ingest", str(FIXTURES), "--store", str(store), "--no-progress"]) == 0
    capsys.readouterr()
    assert main(["network", "--store", str(store)]) == 0
    out = capsys.readouterr().out
    movers = out.split("Executives linked to more than one trust: ")[1].split("\n\n")[0].splitlines()
    assert movers[0] == "1" and movers[1].strip() == "Jane Okafor"
    assert "chief executive, Royal Cornwall Hospitals NHS Trust (reported 2017-03-14" in movers[2]
    assert "chief executive, Northern Devon Healthcare NHS Trust (reported 2019-06-03 to 2019-09-10" in movers[3]
    assert out.count("Peter Smith") >= 2  # two namesakes, two nodes
    assert main(["network", "path", "Royal Cornwall Hospitals NHS Trust", "Northern Devon Healthcare NHS Trust",
                 "--store", str(store)]) == 0
    assert "Jane Okafor holds a post at (chief executive)" in capsys.readouterr().out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    store = ingested_corpus(tmp_path_factory.mktemp("corpus") / "s")
    res = resolution.load(store)
    return network.build(store, res), res


def _node(net, name, kind):
    hits = {n for n, d in net.graph.nodes(data=True) if d["kind"] in kind and name in d["label"]}
    assert len(hits) == 1, hits
    return hits.pop()


def _sources(net, articles):
    return {Path(net.sources[a]).stem for a in articles}


@pytest.mark.parametrize("trust_name, a, b, leader", [
    ("Worcestershire Acute", "seed-worcestershire-acute-2018a", "seed-worcestershire-acute-2018b", "Michelle McKay"),
    ("King's Lynn", "seed-bbc-qeh-kings-lynn-2020", "seed-qeh-kings-lynn-board-2020", "Steve Barnett"),
])
def test_corpus_stories_of_one_trust_meet_in_one_trust_and_one_leader(corpus, trust_name, a, b, leader):
    net, _ = corpus
    trust = _node(net, trust_name, {"trust"})
    assert {a, b} <= _sources(net, network.trust_articles(net.graph, trust))
    # a namesake at another trust of the corpus stays a node of its own; one node holds both stories
    people = [n for n, d in net.graph.nodes(data=True) if d["kind"] in network.PERSON_KINDS and leader in d["label"]]
    assert [p for p in people if {a, b} <= _sources(net, net.graph.nodes[p]["articles"])], people


def test_corpus_ted_baker_is_one_inspector_across_the_articles_naming_him(corpus):
    net, _ = corpus
    naming = {f.stem for f in CORPUS.glob("*.txt") if "Ted Baker" in f.read_text("utf-8")}
    baker = _node(net, "Ted Baker", set(network.PERSON_KINDS))
    assert net.graph.nodes[baker]["kind"] == "inspector"
    assert _sources(net, net.graph.nodes[baker]["articles"]) == naming
