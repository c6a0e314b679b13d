"""store.replace_graph: a new graph is loaded, an existing one replaced; either way in one transaction."""
from __future__ import annotations

import pyoxigraph
import pytest

from nhskg.store import replace_graph

NAME = "https://w3id.org/nhskg/id/article/test"
A = '<http://example.org/a> <http://example.org/p> "one" .\n'
B = '<http://example.org/b> <http://example.org/p> "two" .\n'
BROKEN = '<http://example.org/c> <http://example.org/p> "unterminated .\n'


def triples(store: pyoxigraph.Store) -> set[str]:
    return {str(q.subject) for q in store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(NAME))}


def test_a_new_graph_holds_exactly_its_triples():
    store = pyoxigraph.Store()
    replace_graph(store, NAME, A + B)
    assert triples(store) == {"<http://example.org/a>", "<http://example.org/b>"} and len(store) == 2


def test_an_existing_graph_is_replaced_not_merged():
    store = pyoxigraph.Store()
    replace_graph(store, NAME, A + B)
    replace_graph(store, NAME, B)
    assert triples(store) == {"<http://example.org/b>"} and len(store) == 1


@pytest.mark.parametrize("existing", [False, True])
def test_broken_n_triples_write_nothing(existing):
    """The valid first line of a broken graph is not half-written, new graph or not."""
    store = pyoxigraph.Store()
    if existing:
        replace_graph(store, NAME, B)
    with pytest.raises(SyntaxError):
        replace_graph(store, NAME, A + BROKEN)
    assert triples(store) == ({"<http://example.org/b>"} if existing else set())
