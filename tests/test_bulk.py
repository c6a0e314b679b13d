"""bulk: new article graphs loaded in batches, each batch whole or (after a crash, once the store is next
opened) not at all."""
from __future__ import annotations

import pyoxigraph
import pytest

from nhskg.bulk import JOURNAL, BulkLoader
from nhskg.store import open_store, replace_graph

G = "https://w3id.org/nhskg/id/article/"
P = "<http://example.org/p>"


def nt(tag: str, n: int = 2) -> str:
    return "".join(f'<http://example.org/{tag}{i}> {P} "{tag} .\\n {i}" .\n' for i in range(n))


def graph(store: pyoxigraph.Store, name: str) -> set[str]:
    return {f"{q.subject} {q.object}" for q in store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(name))}


def test_each_graph_of_a_batch_holds_its_own_triples_as_a_transactional_load_would(tmp_path):
    bulk, one_by_one = open_store(tmp_path / "bulk"), open_store(tmp_path / "plain")
    loader = BulkLoader(bulk, tmp_path / "bulk", batch=3)
    for i in range(7):  # two full batches and a last one at commit
        assert loader.takes(G + str(i), nt(f"t{i}", i))
        loader.add(G + str(i), nt(f"t{i}", i))
        replace_graph(one_by_one, G + str(i), nt(f"t{i}", i))
    assert len(bulk) < len(one_by_one)  # the last batch waits for commit
    loader.commit()
    for i in range(7):
        assert graph(bulk, G + str(i)) == graph(one_by_one, G + str(i))
    assert len(bulk) == len(one_by_one) and not (tmp_path / "bulk" / JOURNAL).exists()


@pytest.mark.parametrize("batch", [1, 500])  # the graph loading in the thread, or still pending
def test_a_graph_already_stored_or_already_in_a_batch_is_not_taken(tmp_path, batch):
    store = open_store(tmp_path)
    loader = BulkLoader(store, tmp_path, batch=batch)
    replace_graph(store, G + "old", nt("a"))
    loader.add(G + "new", nt("b"))
    assert not loader.takes(G + "old", nt("c"))  # replacing must stay one transaction
    assert not loader.takes(G + "new", nt("c"))  # two loads of one graph would merge
    assert not loader.takes(G + "other", "_:b0 <http://example.org/p> _:b1 .\n")  # labels would merge across articles
    assert loader.takes(G + "other", nt("d"))


@pytest.mark.parametrize("batch", [2, 500])  # started by add, in the thread; or by commit
def test_a_batch_that_fails_to_load_leaves_none_of_its_graphs_and_its_error_reaches_the_caller(tmp_path, batch):
    store = open_store(tmp_path)
    loader = BulkLoader(store, tmp_path, batch=batch)
    replace_graph(store, G + "kept", nt("k"))
    loader.add(G + "a", nt("a"))
    loader.add(G + "b", nt("b") + '<http://example.org/x> <http://example.org/p> "unterminated .\n')
    with pytest.raises(SyntaxError):
        loader.commit()
    assert graph(store, G + "a") == set() and graph(store, G + "b") == set()
    assert len(graph(store, G + "kept")) == 2 and not (tmp_path / JOURNAL).exists()
    loader.add(G + "c", nt("c"))  # the loader goes on after a failed batch
    loader.commit()
    assert len(graph(store, G + "c")) == 2


def test_a_batch_cut_short_is_dropped_with_its_leftover_files_when_the_store_is_next_opened(tmp_path):
    store = open_store(tmp_path)
    replace_graph(store, G + "kept", nt("k"))
    for name in ("a", "b"):  # as far as a killed load got: part of its graphs in
        replace_graph(store, G + name, nt(name))
    del store
    (tmp_path / JOURNAL).write_text(f"{G}a\n{G}b\n{G}c\n")
    (tmp_path / "bulk-1234.sst").write_bytes(b"half a sorted file")
    store = open_store(tmp_path, read_only=True)  # a reader that can take the lock repairs too
    assert {g.value for g in store.named_graphs()} >= {G + "kept"}
    assert graph(store, G + "a") == graph(store, G + "b") == set() and len(graph(store, G + "kept")) == 2
    assert not (tmp_path / JOURNAL).exists() and not (tmp_path / "bulk-1234.sst").exists()
