"""nhskg serve: the real Oxigraph server over the store, read-only, on 127.0.0.1."""
from __future__ import annotations

import signal
import socket
import subprocess
import sys

import pyoxigraph
import pytest
import requests

from cli_kit import build_store, facts_2021, facts_2023, query_rows
from servers import free_port, store_counts

pytestmark = pytest.mark.triplestore

COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def nhskg_serve(store, port: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "nhskg.cli", "serve", "--store", str(store), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def store(tmp_path):
    location = tmp_path / "store"
    build_store(str(location), facts_2021(), facts_2023())
    return location


@pytest.fixture
def served(store):
    """`nhskg serve` running over the store: yields the query page's URL once the server answers."""
    process = nhskg_serve(store, free_port())
    banner = [process.stdout.readline() for _ in range(4)]
    if not banner[-1].startswith("press Ctrl-C"):
        process.kill()
        pytest.fail(f"nhskg serve did not start: {''.join(banner)} {process.stderr.read()}")
    yield banner[1].split()[-1]
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0, process.stderr.read()


def select(url: str, query: str) -> list[dict]:
    r = requests.post(url + "query", data={"query": query}, headers={"Accept": "application/sparql-results+json"},
                      timeout=30)
    r.raise_for_status()
    return [{k: v["value"] for k, v in b.items()} for b in r.json()["results"]["bindings"]]


def test_serve_answers_sparql_on_loopback(served, store):
    assert served.startswith("http://127.0.0.1:")
    assert {r["g"]: int(r["n"]) for r in select(served, COUNTS)} == store_counts(store)


def test_serve_shows_the_query_page(served):
    r = requests.get(served, headers={"Accept": "text/html"}, timeout=30)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    assert "yasgui" in r.text.lower()


def test_the_served_store_refuses_updates(served, store):
    before = store_counts(store)
    r = requests.post(served + "update", data=b"DROP ALL", headers={"Content-Type": "application/sparql-update"},
                      timeout=30)
    assert r.status_code == 403
    assert {r["g"]: int(r["n"]) for r in select(served, COUNTS)} == before


def test_an_ingest_can_run_while_serving_and_the_server_keeps_its_snapshot(served, store, capsys):
    before = store_counts(store)
    another = facts_2021()
    another.article.source = "news/another.txt"
    build_store(str(store), another)  # takes the store's write lock: nothing of the server's holds it
    assert len(store_counts(store)) == len(before) + 1
    assert {r["g"]: int(r["n"]) for r in select(served, COUNTS)} == before
    assert query_rows(capsys, str(store), "ratings")


def test_a_store_in_use_is_one_clear_line(store):
    writer = pyoxigraph.Store(str(store))
    process = nhskg_serve(store, free_port())
    out, err = process.communicate(timeout=60)
    del writer
    assert process.returncode == 2 and out == ""
    assert err == f"nhskg serve: cannot open store {store}: it is in use by another nhskg or oxigraph process\n"


def test_a_busy_port_is_one_clear_line(store):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        process = nhskg_serve(store, port)
        out, err = process.communicate(timeout=60)
    assert process.returncode == 2 and err.count("\n") == 1
    assert f"could not start on 127.0.0.1:{port}" in err and "in use" in err


def test_stopping_serve_leaves_nothing_behind(store):
    beside = set(store.parent.iterdir())
    process = nhskg_serve(store, free_port())
    assert process.stdout.readline().startswith("serving")
    assert len(set(store.parent.iterdir()) - beside) == 1  # the snapshot being served
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert set(store.parent.iterdir()) == beside


def test_a_port_where_another_server_answers_is_refused_before_serving(store):
    """An HTTP server already on the port answered the start-up check, and "serving" was printed (issue 22.9)."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    import threading

    class Yes(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    other = ThreadingHTTPServer(("127.0.0.1", 0), Yes)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    try:
        process = nhskg_serve(store, other.server_port)
        out, err = process.communicate(timeout=60)
    finally:
        other.shutdown()
        other.server_close()
    assert process.returncode == 2 and out == ""
    assert err == (f"nhskg serve: the Oxigraph server could not start on 127.0.0.1:{other.server_port}: "
                   "the port is already in use (choose another with --port)\n")


def test_a_snapshot_left_by_a_killed_serve_is_removed_at_the_next_start_and_a_live_one_kept(store):
    beside = set(store.parent.iterdir())
    killed = nhskg_serve(store, free_port())
    assert killed.stdout.readline().startswith("serving")
    killed.kill()  # SIGKILL: no chance to clean up
    killed.wait(timeout=30)
    left = set(store.parent.iterdir()) - beside
    assert len(left) == 1
    running = nhskg_serve(store, free_port())
    assert running.stdout.readline().startswith("serving")
    mine = set(store.parent.iterdir()) - beside
    assert len(mine) == 1 and mine != left  # the stale one gone, this serve's own in its place
    second = nhskg_serve(store, free_port())
    assert second.stdout.readline().startswith("serving")
    assert mine < set(store.parent.iterdir())  # a second serve leaves the first one's snapshot alone
    for p in (running, second):
        p.send_signal(signal.SIGTERM)
        assert p.wait(timeout=30) == 0
    assert set(store.parent.iterdir()) == beside
