"""A canned query through `nhskg query --endpoint` gives the same rows as on the local store, once the
store is pushed into a real triplestore (an Oxigraph server, Virtuoso 7)."""
from __future__ import annotations

import pytest

from cli_kit import build_store, ev, facts_2021, facts_2023, query_rows, run
from nhskg.ingest.model import Article, Facts, Organisation
from nhskg.resources import query_files

pytestmark = pytest.mark.triplestore

def real_trust_facts() -> Facts:
    """A story about a trust the ODS files name (RDE, renamed between two vintages), so that the store has
    a trust-history graph for trust-changes to read."""
    name = "Colchester Hospital University NHS Foundation Trust"
    return Facts(Article("news/rde-2015.txt", f"{name} was rated.", published="2015-06-01"),
                 organisations=[Organisation("t", "trust", name, ods_code="RDE", evidence=ev(f"{name} was rated."))])


PARAMS = {"trust-timeline": ("--param", "trust=RZZ9"), "trust-changes": ("--param", "trust=RDE")}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    location = tmp_path_factory.mktemp("endpoint-query") / "store"
    build_store(str(location), facts_2021(), facts_2023(), real_trust_facts())
    return str(location)


@pytest.fixture
def pushed(capsys, remote, store, monkeypatch):
    """The remote holding exactly what the store holds; returns its SPARQL query endpoint."""
    monkeypatch.setenv("NHSKG_TEST_PUSH_PASSWORD", remote.password or "")
    auth = ("--user", remote.user, "--password-env", "NHSKG_TEST_PUSH_PASSWORD") if remote.user else ()
    code, _, err = run(capsys, "push", "--store", store, "--endpoint", remote.query_url, *auth)
    assert code == 0, err
    return remote.query_url


@pytest.mark.parametrize("name", sorted(query_files()))
def test_a_canned_query_gives_the_same_rows_remotely(capsys, pushed, store, name):
    extra = PARAMS.get(name, ())
    local = query_rows(capsys, store, name, *extra)
    remote = query_rows(capsys, store, name, "--endpoint", pushed, *extra)
    assert local, f"{name}: the test store should give rows"
    # Rows the query leaves unordered may come in another order; the rows themselves must match.
    assert sorted(map(sorted_items, remote)) == sorted(map(sorted_items, local))


def sorted_items(row: dict) -> list:
    return sorted(row.items())
