"""nhskg query --endpoint on real triplestores: parameters arrive as escaped terms; failures are one line.

(That every canned query answers remotely as it does locally is tests/test_endpoint_query.py.)
"""
from __future__ import annotations

import socket

import pytest

from cli_kit import HOSTILE_VALUES, PARAMETERISED, build_store, facts_2021, facts_2023, query_rows, run
from servers import remote_quads

pytestmark = pytest.mark.triplestore


@pytest.fixture
def pushed(remote, tmp_path, capsys):
    store = str(tmp_path / "kg")
    build_store(store, facts_2021(), facts_2023())
    auth = ["--user", remote.user, "--password-env", "NHSKG_TEST_PW"] if remote.user else []
    with pytest.MonkeyPatch.context() as env:
        if remote.user:
            env.setenv("NHSKG_TEST_PW", remote.password)
        code, _, err = run(capsys, "push", "--store", store, "--endpoint", remote.base if remote.name == "oxigraph"
                           else remote.query_url, *auth)
    assert code == 0, err
    return store, remote


@pytest.mark.parametrize("query, param", PARAMETERISED)
def test_remote_parameters_are_bound_as_terms(pushed, capsys, query, param):
    store, remote = pushed
    before = remote_quads(remote)
    for value in HOSTILE_VALUES + ['a\\" ) } #']:
        rows = query_rows(capsys, store, query, "--param", f"{param}={value}", "--endpoint", remote.query_url)
        assert rows == [], value
    assert remote_quads(remote) == before


def test_an_unreachable_endpoint_is_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "query", "trusts", "--endpoint", "http://127.0.0.1:9/sparql")
    assert code == 2 and err.startswith("nhskg query: cannot reach http://127.0.0.1:9/sparql") and "Traceback" not in err


def test_an_endpoint_that_never_answers_times_out_in_one_line(capsys):
    with socket.create_server(("127.0.0.1", 0)) as silent:  # the kernel accepts; nothing ever replies
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/sparql"
        code, _, err = run(capsys, "query", "trusts", "--endpoint", url, "--timeout", "1")
    assert code == 2 and err == f"nhskg query: {url} did not answer within 1 s (raise --timeout to wait longer)\n"


def test_remote_limit(pushed, capsys):
    store, remote = pushed
    every = query_rows(capsys, store, "trusts", "--endpoint", remote.query_url)
    assert len(every) > 1
    assert query_rows(capsys, store, "trusts", "--endpoint", remote.query_url, "--limit", "1") == every[:1]
