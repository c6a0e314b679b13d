"""Faults: an ingest killed with SIGKILL during a bulk load, a triplestore stopped and restarted or not answering during a push,
and credentials that must not show anywhere on the way.

The push tests go through a small TCP proxy in front of a real Oxigraph server, which can pass
traffic, swallow answers (the request is applied, the answer never comes) or hang (nothing is
forwarded, nothing answered), and which counts requests so faults strike mid-push.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pyoxigraph
import pytest

from cli_kit import build_store, facts_2021, run
from servers import Server, free_port, remote_quads, require, store_counts, store_quads, wait_until_up
from nhskg.bulk import BATCH, JOURNAL
from nhskg.store import NHSKG_SOURCE, article_graphs

pytestmark = pytest.mark.triplestore

SECRET = "s3cret-Pa55word-for-fault-tests"
PASSWORD_ENV = "NHSKG_FAULT_TEST_PW"


def nhskg(*args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, PASSWORD_ENV: SECRET}
    return subprocess.Popen([sys.executable, "-m", "nhskg.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, start_new_session=True, **kw)


def wait_for(condition, what: str, limit_s: float = 120) -> None:
    deadline = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.02)


# --- kill -9 during ingest ---

A = "Kestrel Harrow Cold Ash Fen Upper Wold Brook Marsh Vale Thorn Elder".split()
B = "field ton ford ley bury wick ham stead".split()


def write_articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        place = f"{A[i % len(A)]}{B[i // len(A) % len(B)]} {A[i // 96 % len(A)]}"
        (folder / f"story-{i:04d}.txt").write_text(
            f"{place} trust rated inadequate\n\n"
            f"{place} NHS Trust has been rated inadequate overall by the Care Quality Commission.\n\n"
            f"Inspectors visited {place} General Hospital in March 2023 and found that maternity was inadequate.\n\n"
            f"The trust was placed in special measures in June 2023.\n")


def per_source(location) -> dict[str, int]:
    """Triples per article, keyed by the path it was ingested from; a source held twice fails the test."""
    store = pyoxigraph.Store.read_only(str(location))
    counts: dict[str, int] = {}
    for g in article_graphs(store):
        [source] = [q.object.value for q in store.quads_for_pattern(None, pyoxigraph.NamedNode(NHSKG_SOURCE), None, g)]
        assert source not in counts, f"{source} is held twice"
        counts[source] = sum(1 for _ in store.quads_for_pattern(None, None, None, g))
    return counts


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] not in "ZX"
    except OSError:
        return False


def test_workers_exit_when_only_the_main_ingest_process_is_killed(tmp_path):
    """kill -9 of the parent alone left its worker processes running (issue 22, point 10)."""
    write_articles(tmp_path / "in", 600)
    kill_alone_and_see_children_exit(["ingest", str(tmp_path / "in"), "--store", str(tmp_path / "store"), "--jobs", "2"],
                                     "workers", 2)


def test_the_html_reader_exits_when_the_ingest_is_killed_in_the_middle_of_a_page(tmp_path):
    """Pages are read in a child process, to be stopped when one costs too much (issue 22.2): it must not
    run on, busy with a page, when the ingest is killed."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "slow.html").write_text("<html><body>" + "<div><p>Trust rated good.</p></div>" * 24_000)
    kill_alone_and_see_children_exit(["ingest", str(tmp_path / "in"), "--store", str(tmp_path / "store")],
                                     "HTML reader", 1, busy_s=1.5)  # into the page, which takes seconds


def kill_alone_and_see_children_exit(args: list[str], what: str, n: int, busy_s: float = 0) -> None:
    """Run nhskg ARGS until it has N children, kill -9 it alone (not its process group), and wait for them
    to exit."""
    process = nhskg(*args)
    try:
        wait_for(lambda: len(_children(process.pid)) >= n or process.poll() is not None, f"the {what} to start")
        children = _children(process.pid)
        assert len(children) >= n, f"the ingest ended before its {what} could be seen"
        time.sleep(busy_s)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()  # not communicate(): orphaned children would hold its pipes open
        wait_for(lambda: not any(_running(c) for c in children), f"the {what} to exit", limit_s=30)
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # whatever the test leaves, it leaves nothing running
        except ProcessLookupError:
            pass
        process.stdout.close()
        process.stderr.close()


def test_an_ingest_killed_during_a_bulk_load_leaves_a_store_that_opens_validates_and_completes(capsys, tmp_path):
    # New articles are loaded in batches of bulk.BATCH without a transaction; the kill lands while the
    # second batch is loading (its journal is there), so the store holds the first batch, part of the
    # second, and a journal naming the second's graphs, which the next open must drop.
    n = 2 * BATCH + 200
    write_articles(tmp_path / "in", n)
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    assert run(capsys, "ingest", str(tmp_path / "in"), "--store", str(clean))[0] == 0

    journal = killed / JOURNAL
    seen = []  # the journal's states, present or not, each time it changed

    def second_batch_loading() -> bool:
        if not seen or seen[-1] != journal.exists():
            seen.append(journal.exists())
        return seen.count(True) == 2 or process.poll() is not None

    process = nhskg("ingest", str(tmp_path / "in"), "--store", str(killed))
    try:
        wait_for(second_batch_loading, "the second bulk load to start")
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the ingest and its worker processes
        process.communicate()
    assert process.returncode == -signal.SIGKILL and journal.exists()

    code, out, _ = run(capsys, "validate", "--store", str(killed))  # the first open for writing undoes the batch
    assert not journal.exists()
    partial = per_source(killed)
    assert len(partial) == BATCH  # the first batch whole, nothing of the second
    assert all(partial[s] == c for s, c in per_source(clean).items() if s in partial)  # no article half-written
    assert code == 0 and out.splitlines()[-1] == f"{BATCH} article graphs checked, 0 with violations"

    code, _, err = run(capsys, "ingest", str(tmp_path / "in"), "--store", str(killed))
    assert code == 0, err
    assert per_source(killed) == per_source(clean) and len(per_source(clean)) == n
    assert store_counts(killed) == store_counts(clean)  # the vocabularies and resolution graphs too
    assert not list(killed.glob("bulk-*"))  # the killed load's unfinished files were cleared away


# --- push through faults ---

class Proxy:
    """TCP between the client and the server; `mode` is "pass", "swallow" or "hang"."""

    def __init__(self, upstream_port: int):
        self.upstream_port = upstream_port
        self.mode = "pass"
        self.requests = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # no 40 ms stall per small request
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream = None
        try:
            while data := client.recv(65536):
                self.requests += data.count(b" HTTP/1.1\r\n")
                if self.mode == "hang":
                    continue
                if upstream is None:
                    upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
                    upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    threading.Thread(target=self._answers, args=(upstream, client), daemon=True).start()
                upstream.sendall(data)
        except OSError:
            pass  # the server is down: the client sees its connection closed
        finally:
            for s in (client, upstream):
                if s is not None:
                    s.close()

    def _answers(self, upstream: socket.socket, client: socket.socket) -> None:
        try:
            while data := upstream.recv(65536):
                if self.mode == "pass":
                    client.sendall(data)
        except OSError:
            pass
        finally:
            try:  # shutdown, not just close: it wakes the reader of the same socket and tells the client
                client.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            client.close()

    def close(self) -> None:
        self.listener.close()


class Oxigraph:
    """An Oxigraph server on a fixed port and folder, so it can be stopped and started again as the same server."""

    def __init__(self, folder: Path):
        self.binary, self.folder, self.port = require("oxigraph"), folder, free_port()
        base = f"http://127.0.0.1:{self.port}"
        self.server = Server("oxigraph", base, f"{base}/query", f"{base}/update", f"{base}/store")
        self.start()

    def start(self) -> None:
        log = self.folder / "oxigraph.log"
        self.server.process = subprocess.Popen(
            [self.binary, "serve", "--location", str(self.folder / "data"), "--bind", f"127.0.0.1:{self.port}"],
            stdout=log.open("a"), stderr=subprocess.STDOUT)
        wait_until_up(self.server.query_url, self.server.process, log)

    def stop(self) -> None:
        self.server.stop()


@pytest.fixture
def oxigraph(tmp_path):
    server = Oxigraph(tmp_path)
    yield server
    server.stop()


@pytest.fixture
def proxy(oxigraph):
    p = Proxy(oxigraph.port)
    yield p
    p.close()


def many_graphs(location: Path, n: int) -> Path:
    base = facts_2021()
    build_store(str(location), *(replace(base, article=replace(base.article, source=f"news/story-{i}.txt"))
                                 for i in range(n)))
    return location


def push(store: Path, proxy: Proxy, *extra: str) -> subprocess.Popen:
    return nhskg("push", "--store", str(store), "--endpoint", f"http://127.0.0.1:{proxy.port}", "--user", "nhskg",
                 "--password-env", PASSWORD_ENV, *extra)


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=300)
    assert SECRET not in out + err
    assert "Traceback" not in err
    return process.returncode, out, err


def assert_same(oxigraph: Oxigraph, store: Path) -> None:
    """The remote holds what the store holds: every graph, each triple once, nothing else."""
    assert oxigraph.server.graph_counts() == store_counts(store)
    assert remote_quads(oxigraph.server) == store_quads(store)


def push_under_way(tmp_path: Path, proxy: Proxy, requests: int, *extra: str) -> tuple[Path, subprocess.Popen]:
    """A push of 60 article graphs (and the vocabularies) that has sent `requests` requests and goes on."""
    store = many_graphs(tmp_path / "kg", 60)
    process = push(store, proxy, *extra)
    wait_for(lambda: proxy.requests >= requests or process.poll() is not None, "the push to get going")
    assert process.poll() is None, "the push ended before the fault"
    return store, process


def test_a_server_stopped_and_restarted_mid_push(oxigraph, proxy, tmp_path):
    store, process = push_under_way(tmp_path, proxy, 100, "--protocol", "gsp", "--batch-size", "10", "--retries", "6")
    oxigraph.stop()
    time.sleep(1.0)
    oxigraph.start()
    code, out, err = finish(process)
    assert code == 0, err
    assert "pushed 62 of 62 graphs" in out
    assert_same(oxigraph, store)


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_answers_lost_and_a_server_that_hangs_mid_push(oxigraph, proxy, tmp_path, protocol):
    """Requests applied whose answers never come are sent again: replacing a graph twice doubles nothing."""
    store, process = push_under_way(tmp_path, proxy, 60, "--protocol", protocol, "--batch-size", "5", "--retries", "6",
                                    "--timeout", "1")
    for mode in ("swallow", "hang", "pass"):
        proxy.mode = mode
        time.sleep(1.5 if mode != "pass" else 0)
    code, out, err = finish(process)
    assert code == 0, err
    assert_same(oxigraph, store)


def test_a_server_gone_for_good_mid_push_names_every_graph_that_did_not_arrive(oxigraph, proxy, tmp_path):
    store, process = push_under_way(tmp_path, proxy, 150, "--protocol", "gsp", "--batch-size", "5", "--retries", "0")
    oxigraph.stop()
    code, out, err = finish(process)
    oxigraph.start()
    assert code == 1
    reported = {line.split(": ", 1)[0].strip() for line in err.splitlines()[1:]}
    remote, local = remote_quads(oxigraph.server), store_quads(store)
    incomplete = {g for g in store_counts(store) if {q for q in local if q[0] == g} != {q for q in remote if q[0] == g}}
    assert reported == incomplete and 0 < len(reported) < 61
    assert f"{len(reported)} graph(s) did not arrive" in err
    assert f"pushed {62 - len(reported)} of 62 graphs" in out


# --- credentials ---

def test_the_password_shows_nowhere(oxigraph, proxy, tmp_path, capsys, monkeypatch):
    """Not on a successful push, a failed one or a debug traceback; not in the store, an export or the remote."""
    store = many_graphs(tmp_path / "kg", 3)
    code, _, _ = finish(push(store, proxy))
    assert code == 0
    proxy.mode = "hang"
    assert finish(push(store, proxy, "--timeout", "1", "--retries", "1"))[0] == 2
    proxy.mode = "pass"
    monkeypatch.setenv("NHSKG_DEBUG", "1")
    for endpoint in ("http://127.0.0.1:9/", f"http://127.0.0.1:{proxy.port}/nowhere/sparql"):
        assert finish(nhskg("push", "--store", str(store), "--endpoint", endpoint, "--user", "u",
                            "--password-env", PASSWORD_ENV, "--retries", "0"))[0] != 0
        assert finish(nhskg("query", "trusts", "--endpoint", endpoint, "--user", "u",
                            "--password-env", PASSWORD_ENV))[0] != 0
    code, out, _ = run(capsys, "export", "--store", str(store), "--format", "nquads", "--vocabularies")
    assert code == 0 and SECRET not in out
    assert not any(SECRET.encode() in f.read_bytes() for f in store.rglob("*") if f.is_file())
    assert not any(SECRET in str(term) for q in remote_quads(oxigraph.server) for term in q)
