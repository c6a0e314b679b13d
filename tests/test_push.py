"""nhskg push into real triplestores (an Oxigraph server and Virtuoso 7), by both protocols."""
from __future__ import annotations

import pyoxigraph
import pytest

from cli_kit import build_store, ev, facts_2021, facts_2023, run
from nhskg.ingest.model import Article, Facts, Organisation, Person, Quote, Rating
from nhskg.errors import UserError
from nhskg.push import Endpoints, endpoints
from servers import remote_quads, store_counts, store_quads

pytestmark = pytest.mark.triplestore

PASSWORD_ENV = "NHSKG_TEST_PUSH_PASSWORD"
HOSTILE = ['Evil" } ; DROP ALL ; INSERT DATA { <x:a> <x:b> "', "back\\slash \\u0022 \\n", "Line\nbreak\ttab",
           "> <http://evil/> .", "Zero\u200bwidth \u202eRTL Ωmega 名前 😀"]


def hostile_facts() -> Facts:
    """An article whose every name tries to break out of its literal."""
    name = " | ".join(HOSTILE)
    e = ev(name)
    return Facts(Article("news/hostile.txt", name, title=name, publisher=name),
                 organisations=[Organisation("t", "trust", name, aliases=HOSTILE, evidence=e)],
                 people=[Person("p", name, honorific=HOSTILE[0], role=HOSTILE[1], organisation_key="t", evidence=e)],
                 ratings=[Rating("t", "Good", evidence=e)],
                 quotes=[Quote("p", name, evidence=e)])


@pytest.fixture
def store(tmp_path):
    location = tmp_path / "store"
    build_store(str(location), facts_2021(), facts_2023(), hostile_facts())
    return location


def push(capsys, server, store, *extra: str, endpoint: str | None = None):
    auth = ("--user", server.user, "--password-env", PASSWORD_ENV) if server.user else ()
    return run(capsys, "push", "--store", str(store), "--endpoint", endpoint or server.query_url, *auth, *extra)


@pytest.fixture(autouse=True)
def password(monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "dba")


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_every_graph_arrives_whole(capsys, remote, store, protocol):
    code, out, err = push(capsys, remote, store, "--protocol", protocol)
    assert code == 0, err
    assert remote.graph_counts() == store_counts(store)
    assert remote_quads(remote) == store_quads(store)
    # three articles, the vocabularies and the resolution
    assert f"pushed 5 of 5 graphs, {sum(store_counts(store).values()):,} triples" in out


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_a_second_push_changes_nothing(capsys, remote, store, protocol):
    assert push(capsys, remote, store, "--protocol", protocol)[0] == 0
    first = remote_quads(remote)
    assert push(capsys, remote, store, "--protocol", protocol)[0] == 0
    assert remote_quads(remote) == first
    assert remote.graph_counts() == store_counts(store)


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_a_graph_that_shrank_is_replaced_not_merged(capsys, remote, store, protocol):
    assert push(capsys, remote, store, "--protocol", protocol)[0] == 0
    smaller = facts_2021()
    smaller.ratings, smaller.quotes = smaller.ratings[:1], []
    build_store(str(store), smaller)
    assert push(capsys, remote, store, "--protocol", protocol)[0] == 0
    assert remote_quads(remote) == store_quads(store)


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_small_batches_split_graphs_and_still_copy_them_whole(capsys, remote, store, protocol):
    code, _, err = push(capsys, remote, store, "--protocol", protocol, "--batch-size", "7")
    assert code == 0, err
    assert remote_quads(remote) == store_quads(store)


def test_auto_picks_the_graph_store_protocol_where_there_is_one(capsys, remote, store):
    code, out, err = push(capsys, remote, store)
    assert code == 0, err
    assert f"to {remote.gsp_url} by Graph Store Protocol" in out
    assert remote.graph_counts() == store_counts(store)


def test_oxigraph_takes_its_base_url_and_each_endpoint_url(capsys, oxigraph_server, store):
    for url in (oxigraph_server.base, oxigraph_server.base + "/", oxigraph_server.update_url, oxigraph_server.gsp_url):
        oxigraph_server.reset()
        code, _, err = push(capsys, oxigraph_server, store, endpoint=url)
        assert code == 0, err
        assert oxigraph_server.graph_counts() == store_counts(store)


@pytest.mark.parametrize("protocol,endpoint", [("gsp", "/sparql-graph-crud"), ("update", "/sparql")])
def test_virtuoso_takes_anonymous_writes_where_granted(capsys, virtuoso_server, store, protocol, endpoint):
    virtuoso_server.reset()
    code, out, err = run(capsys, "push", "--store", str(store), "--endpoint", virtuoso_server.query_url,
                         "--protocol", protocol)
    assert code == 0, err
    assert f"to {virtuoso_server.base}{endpoint} by" in out
    assert remote_quads(virtuoso_server) == store_quads(store)


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_a_wrong_password_fails_in_one_line_without_the_password(capsys, virtuoso_server, store, monkeypatch,
                                                                  protocol):
    secret = "not-the-password-7f3a"
    monkeypatch.setenv(PASSWORD_ENV, secret)
    virtuoso_server.reset()
    code, out, err = push(capsys, virtuoso_server, store, "--protocol", protocol)
    assert code == 2
    assert err.count("\n") == 1 and "refused user 'dba'" in err and "401" in err
    assert secret not in out + err
    assert virtuoso_server.graph_counts() == {}


def test_the_password_never_comes_from_the_command_line(capsys, store):
    code, _, err = run(capsys, "push", "--store", str(store), "--endpoint", "http://127.0.0.1:9/", "--user", "dba")
    assert code == 2 and "--password-env" in err


def bad_graph(store, name: str, obj: pyoxigraph.Literal) -> str:
    """A graph the store takes but Virtuoso refuses."""
    s = pyoxigraph.Store(str(store))
    s.add(pyoxigraph.Quad(pyoxigraph.NamedNode(name), pyoxigraph.NamedNode(name + "#p"), obj,
                          pyoxigraph.NamedNode(name)))
    s.flush()
    return name


@pytest.mark.parametrize("protocol,obj", [
    # Virtuoso's SPARQL Update rejects an ill-typed integer (HTTP 400, final) ...
    ("update", pyoxigraph.Literal("abc", datatype=pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
    # ... and its Graph Store a 200,000-character literal (HTTP 500, retried, then given up).
    ("gsp", pyoxigraph.Literal("x" * 200_000)),
])
def test_graphs_that_do_not_arrive_are_named_and_the_rest_arrive(capsys, virtuoso_server, store, protocol, obj):
    virtuoso_server.reset()
    good = store_counts(store)
    bad = bad_graph(store, "https://w3id.org/nhskg/id/article/refused", obj)
    code, out, err = push(capsys, virtuoso_server, store, "--protocol", protocol, "--retries", "1")
    assert code == 1
    assert "1 graph(s) did not arrive" in err
    failed = [line.split(": ", 1)[0].strip() for line in err.splitlines()[1:]]
    assert failed == [bad]
    assert virtuoso_server.graph_counts() == good
    assert "pushed 5 of 6 graphs" in out


def test_an_unreachable_endpoint_is_one_line(capsys, store):
    code, _, err = run(capsys, "push", "--store", str(store), "--endpoint", "http://127.0.0.1:9", "--retries", "0")
    assert code == 2 and err.strip() == "nhskg push: cannot reach http://127.0.0.1:9/store: Connection refused"


@pytest.mark.parametrize("url,authenticated,gsp,update", [
    ("http://h:7878", False, "http://h:7878/store", "http://h:7878/update"),
    ("http://h:7878/query", False, "http://h:7878/store", "http://h:7878/update"),
    ("http://h/oxi/store/", False, "http://h/oxi/store", "http://h/oxi/update"),
    ("http://h:8890/sparql", False, "http://h:8890/sparql-graph-crud", "http://h:8890/sparql"),
    ("http://h:8890/sparql", True, "http://h:8890/sparql-graph-crud-auth", "http://h:8890/sparql-auth"),
    ("http://h:3030/ds", False, "http://h:3030/ds", "http://h:3030/ds"),
])
def test_endpoint_urls_as_users_know_them(url, authenticated, gsp, update):
    assert endpoints(url, authenticated) == Endpoints(gsp=gsp, update=update)


@pytest.mark.parametrize("url", ["ftp://h/x", "127.0.0.1:7878", "http://dba:dba@h:8890/sparql"])
def test_endpoint_urls_that_are_refused(url):
    with pytest.raises(UserError):
        endpoints(url, False)
