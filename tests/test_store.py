"""store: an article graph is loaded when new, replaced when not, either way in one transaction; a derived
graph is rewritten in chunks and marked complete last."""
from __future__ import annotations

import pyoxigraph
import pytest

from nhskg import store as store_module
from nhskg.store import derived_graph_complete, replace_graph, rewrite_derived_graph

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


DERIVED = "https://w3id.org/nhskg/graph/derived-test"


def derived(store: pyoxigraph.Store) -> set[tuple[str, str]]:
    return {(q.subject.value, q.object.value) for q in store.quads_for_pattern(
        None, pyoxigraph.NamedNode("http://example.org/p"), None, pyoxigraph.NamedNode(DERIVED))}


def made(n: int, tag: str):
    return [pyoxigraph.Triple(pyoxigraph.NamedNode(f"http://example.org/{tag}{i}"),
                              pyoxigraph.NamedNode("http://example.org/p"), pyoxigraph.Literal(f"{tag}{i}"))
            for i in range(n)]


def test_a_derived_graph_is_rewritten_whole_across_chunks_and_marked_complete(monkeypatch):
    monkeypatch.setattr(store_module, "DERIVED_CHUNK", 3)
    store = pyoxigraph.Store()
    replace_graph(store, NAME, A)
    rewrite_derived_graph(store, DERIVED, made(10, "old"))
    rewrite_derived_graph(store, DERIVED, made(7, "new"))
    assert derived(store) == {(f"http://example.org/new{i}", f"new{i}") for i in range(7)}
    assert derived_graph_complete(store, DERIVED)
    assert triples(store) == {"<http://example.org/a>"}  # other graphs untouched


def test_a_derived_graph_cut_short_is_not_marked_complete(monkeypatch):
    monkeypatch.setattr(store_module, "DERIVED_CHUNK", 3)
    store = pyoxigraph.Store()
    rewrite_derived_graph(store, DERIVED, made(10, "old"))

    def killed():
        yield from made(5, "new")
        raise KeyboardInterrupt  # as when the user stops an ingest during the write

    with pytest.raises(KeyboardInterrupt):
        rewrite_derived_graph(store, DERIVED, killed())
    assert not derived_graph_complete(store, DERIVED)
    assert not any(s.startswith("http://example.org/old") for s, _ in derived(store))
    rewrite_derived_graph(store, DERIVED, made(7, "new"))
    assert derived_graph_complete(store, DERIVED) and len(derived(store)) == 7
