"""Endpoints that answer badly: a one-line refusal, never an internal error (issue 22, point 7).

A small HTTP server on 127.0.0.1 answers every request with what the test sets, and records the
requests it was sent.
"""
from __future__ import annotations

import base64
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cli_kit import build_store, facts_2021, run


class Canned(BaseHTTPRequestHandler):
    status, body, headers, seen = 200, b"", {}, []

    def _answer(self) -> None:
        type(self).seen.append((self.command, self.path, self.headers.get("Authorization")))
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.send_response(self.status)
        for k, v in self.headers_out().items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(self.body)

    def headers_out(self) -> dict:
        return dict(type(self).headers)

    do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = _answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Canned)
    Canned.status, Canned.body, Canned.headers, Canned.seen = 200, b"", {}, []
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("body", [b'{"head": 5}', b"[]", b"not json", b'{"head": {"vars": "x"}}', b'"text"',
                                  b'{"head": {"vars": ["a"]}, "results": {"bindings": [5]}}',
                                  b'{"head": {"vars": ["a"]}, "results": 7}'])
def test_answers_not_shaped_as_sparql_results_are_refused_in_one_line(capsys, server, body):
    Canned.body, Canned.headers = body, {"Content-Type": "application/sparql-results+json"}
    endpoint = f"http://127.0.0.1:{server.server_port}/query"
    code, _, err = run(capsys, "query", "ratings", "--endpoint", endpoint, "--timeout", "5")
    assert code == 2 and err.strip() == f"nhskg query: {endpoint} did not answer with SPARQL JSON results", err


def test_bindings_without_a_column_give_empty_cells(capsys, server):
    Canned.body = b'{"head": {"vars": ["a", "b"]}, "results": {"bindings": [{"a": {"type": "literal", "value": "x"}}]}}'
    Canned.headers = {"Content-Type": "application/sparql-results+json"}
    code, out, err = run(capsys, "query", "ratings", "--endpoint", f"http://127.0.0.1:{server.server_port}/query",
                         "--format", "csv")
    assert code == 0, err
    assert out.splitlines() == ["a,b", "x,"]


def test_basic_auth_carries_a_password_beyond_latin_1_as_utf8(capsys, server, tmp_path, monkeypatch):
    store = str(tmp_path / "store")
    build_store(store, facts_2021())
    Canned.status, Canned.headers = 401, {"WWW-Authenticate": 'Basic realm="x"'}
    monkeypatch.setenv("NHSKG_TEST_PASSWORD", "pässwörd€")
    code, _, err = run(capsys, "push", "--store", store, "--endpoint", f"http://127.0.0.1:{server.server_port}",
                       "--user", "ünïcode", "--password-env", "NHSKG_TEST_PASSWORD", "--retries", "0")
    assert "internal error" not in err and "pässwörd€" not in err
    assert code == 2 and "refused user 'ünïcode': HTTP 401" in err, err
    sent = [a for _, _, a in Canned.seen if a]
    assert sent and base64.b64decode(sent[0].split()[1]).decode("utf-8") == "ünïcode:pässwörd€"
