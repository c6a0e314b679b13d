"""Shared fixtures."""
from __future__ import annotations

import pytest

from servers import start_oxigraph, start_virtuoso


# --- Real triplestores (tests/servers.py): started once per session, emptied of nhskg graphs per test ---

@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    server = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


@pytest.fixture(params=["oxigraph", "virtuoso"])
def remote(request):
    """Each real triplestore in turn, with no nhskg graph in it."""
    server = request.getfixturevalue(f"{request.param}_server")
    server.reset()
    return server
