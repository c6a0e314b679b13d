"""Real triplestores for the tests: an Oxigraph server and Virtuoso 7, each on 127.0.0.1, on a free
port, with its files in a temporary folder.

A missing server binary fails the tests that need it (naming the script that installs it) rather
than skipping them: a suite that silently skips its triplestore tests proves nothing about push.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
import pytest
import requests

INSTALL_HINT = "run tests/install-deps.sh (it installs the Oxigraph server and Virtuoso)"
STARTUP_TIMEOUT_S = 90
NHSKG_GRAPHS = "https://w3id.org/nhskg/"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass
class Server:
    name: str
    base: str  # http://127.0.0.1:PORT
    query_url: str  # SPARQL 1.1 Protocol endpoint for queries
    update_url: str  # SPARQL Update, anonymous
    gsp_url: str  # Graph Store HTTP Protocol
    user: str | None = None
    password: str | None = None
    process: subprocess.Popen | None = field(default=None, repr=False)
    stop_command: list[str] | None = field(default=None, repr=False)

    def select(self, query: str) -> list[dict]:
        r = requests.post(self.query_url, data={"query": query},
                          headers={"Accept": "application/sparql-results+json"}, timeout=60)
        r.raise_for_status()
        return [{k: v["value"] for k, v in b.items()} for b in r.json()["results"]["bindings"]]

    def update(self, update: str) -> None:
        r = requests.post(self.update_url, data=update.encode("utf-8"),
                          headers={"Content-Type": "application/sparql-update; charset=utf-8"}, timeout=60)
        r.raise_for_status()

    def graph_counts(self) -> dict[str, int]:
        """Triples per named graph that nhskg writes (Virtuoso's own system graphs left out)."""
        rows = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                           f'FILTER(STRSTARTS(STR(?g), "{NHSKG_GRAPHS}")) }} GROUP BY ?g')
        return {r["g"]: int(r["n"]) for r in rows}

    def reset(self) -> None:
        """Drop every nhskg graph, so each test starts from an empty remote."""
        for g in self.graph_counts():
            self.update(f"DROP SILENT GRAPH <{g}>")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        if self.stop_command:  # Virtuoso: a clean shutdown, checkpoint included
            subprocess.run(self.stop_command, capture_output=True, timeout=60)
        else:
            self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)


def require(binary: str) -> str:
    path = shutil.which(binary)
    if path is None:
        pytest.fail(f"`{binary}` is not installed: {INSTALL_HINT}", pytrace=False)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{process.args[0]} exited with {process.returncode}: {_tail(log)}", pytrace=False)
        try:
            if requests.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    process.terminate()
    pytest.fail(f"{process.args[0]} did not answer {url} within {STARTUP_TIMEOUT_S} s: {_tail(log)}", pytrace=False)


def _tail(log: Path) -> str:
    return " | ".join(log.read_text(errors="replace").splitlines()[-5:]) if log.exists() else "(no log)"


def start_oxigraph(folder: Path) -> Server:
    binary = require("oxigraph")
    port = free_port()
    log = folder / "oxigraph.log"
    process = subprocess.Popen([binary, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"],
                               stdout=log.open("w"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    server = Server("oxigraph", base, f"{base}/query", f"{base}/update", f"{base}/store", process=process)
    wait_until_up(server.query_url, process, log)
    return server


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DirsAllowed = ., {d}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
[SPARQL]
ResultSetMaxRows = 100000
"""


def start_virtuoso(folder: Path) -> Server:
    binary = require("virtuoso-t")
    isql = require("isql-vt")
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=folder, sql_port=sql_port, http_port=http_port))
    log = folder / "virtuoso.out"
    # In the foreground, so the fixture owns the process and can always end it.
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=folder,
                               stdout=log.open("w"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http_port}"
    isql_at = [isql, f"127.0.0.1:{sql_port}", "dba", "dba"]
    server = Server("virtuoso", base, f"{base}/sparql", f"{base}/sparql", f"{base}/sparql-graph-crud-auth",
                    user="dba", password="dba", process=process, stop_command=isql_at + ["exec=shutdown;"])
    wait_until_up(server.query_url, process, log)
    granted = subprocess.run(isql_at + ['exec=GRANT SPARQL_UPDATE TO "SPARQL";'], capture_output=True, text=True,
                             timeout=60)
    if granted.returncode != 0:
        server.stop()
        pytest.fail(f"could not grant SPARQL_UPDATE in Virtuoso: {granted.stdout[-300:]}", pytrace=False)
    return server


# --- The other side of every comparison: what the local store holds ---

def store_counts(location) -> dict[str, int]:
    """Triples per named graph in a store folder (opened read-only: it may be served meanwhile)."""
    store = pyoxigraph.Store.read_only(str(location))
    counts: dict[str, int] = {}
    for q in store:
        counts[q.graph_name.value] = counts.get(q.graph_name.value, 0) + 1
    return counts


def store_quads(location) -> set[tuple]:
    store = pyoxigraph.Store.read_only(str(location))
    return {(q.graph_name.value, _key(q.subject), _key(q.predicate), _key(q.object)) for q in store}


def _key(term) -> tuple:
    if isinstance(term, pyoxigraph.Literal):
        datatype = None if term.language or term.datatype.value == XSD_STRING else term.datatype.value
        return ("literal", term.value, datatype, term.language)
    return ("uri" if isinstance(term, pyoxigraph.NamedNode) else "bnode", term.value, None, None)


def remote_quads(server: Server) -> set[tuple]:
    """Every nhskg quad on the server, keyed like store_quads."""
    r = requests.post(server.query_url, timeout=60, headers={"Accept": "application/sparql-results+json"}, data={
        "query": f'SELECT * WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{NHSKG_GRAPHS}")) }}'})
    r.raise_for_status()
    return {(b["g"]["value"], _json_key(b["s"]), _json_key(b["p"]), _json_key(b["o"]))
            for b in r.json()["results"]["bindings"]}


def _json_key(term: dict) -> tuple:
    if term["type"] in ("literal", "typed-literal"):  # Virtuoso still says typed-literal, as SPARQL 1.0 did
        datatype = term.get("datatype")
        return ("literal", term["value"], None if datatype == XSD_STRING else datatype, term.get("xml:lang"))
    return (term["type"], term["value"], None, None)
