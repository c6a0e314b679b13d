"""nhskg ingest / validate / stats through the CLI, on articles written for the tests and on the shared corpus."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyoxigraph
import pytest

from cli_kit import facts_2021, run
from corpus_kit import SHARED
from nhskg.ingest.model import Article, Facts
from nhskg import ingesting
from nhskg.ingesting import ingest_paths
from nhskg.store import article_graphs, graph_ntriples, graph_of_source, open_store, replace_graph

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def quads(location) -> int:
    store = open_store(location, read_only=True)
    return sum(1 for _ in store.quads_for_pattern(None, None, None, None))


def test_ingest_stores_one_graph_per_article_and_reports_a_summary(capsys, tmp_path):
    store = str(tmp_path / "kg")
    code, out, err = run(capsys, "ingest", str(FIXTURES), "--store", store)
    assert code == 0, err
    assert err.splitlines()[-1].startswith("4 articles stored (") and "0 rejected, 0 unreadable" in err
    assert "it/s" not in err and "article/s" not in err  # no progress bar when stderr is not a terminal
    assert len(article_graphs(open_store(store))) == 4


def test_reingesting_replaces_an_articles_facts_without_duplicates(capsys, tmp_path):
    store = str(tmp_path / "kg")
    assert run(capsys, "ingest", str(FIXTURES), "--store", store)[0] == 0
    before = quads(store)
    assert run(capsys, "ingest", str(FIXTURES), str(FIXTURES / "fenwick-2022.txt"), "--store", store)[0] == 0
    assert quads(store) == before and before > 0
    assert len(article_graphs(open_store(store))) == 4


def test_an_edited_article_loses_its_old_facts(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Trust news\n\nSomething happened.")
    store = str(tmp_path / "kg")
    first = lambda a: replace(facts_2021(), article=a)
    ingest_paths([str(article)], store, extractor=first)
    second = lambda a: Facts(a)  # the same article now yields no facts at all
    summary = ingest_paths([str(article)], store, extractor=second)
    assert (summary.articles, summary.rejected) == (1, 0)
    s = open_store(store)
    [g] = article_graphs(s)
    rdf_type = pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    assert {q.object.value for q in s.quads_for_pattern(None, rdf_type, None, g)} == {
        "https://w3id.org/nhskg/ontology#Article"}


def broken_offsets(article: Article) -> Facts:
    """An extractor with a bug: evidence that ends before it starts."""
    facts = replace(facts_2021(), article=article)
    bad = replace(facts.organisations[0].evidence, start=40, end=3)
    facts.organisations[0] = replace(facts.organisations[0], evidence=bad)
    return facts


def test_an_article_failing_the_shapes_is_reported_and_not_committed(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Good story\n\nText.")
    bad.write_text("Bad story\n\nText.")
    store = str(tmp_path / "kg")
    extractor = lambda a: broken_offsets(a) if a.source.endswith("bad.txt") else replace(facts_2021(), article=a)
    summary = ingest_paths([str(good), str(bad)], store, extractor=extractor)
    assert (summary.articles, summary.rejected) == (1, 1)
    [problem] = summary.problems
    assert problem.startswith(f"rejected: {bad.resolve()}: ") and "before where it ends" in problem
    s = open_store(store)
    assert graph_of_source(s, str(bad)) is None and graph_of_source(s, str(good)) is not None


def test_a_rejected_article_whose_name_holds_a_newline_is_reported_on_one_line(tmp_path):
    """Regression: the 'rejected:' line printed the path as it was, so a newline in it split the line."""
    bad = tmp_path / "bad\n\x1b[2Jstory.txt"
    bad.write_text("Bad story\n\nText.")
    summary = ingest_paths([str(bad)], str(tmp_path / "kg"), extractor=broken_offsets)
    [problem] = summary.problems
    assert "\n" not in problem and "\x1b" not in problem and "bad\\n\\x1b[2Jstory.txt: " in problem


def test_ingest_flushes_the_store_as_it_replaces_graphs(monkeypatch, tmp_path):
    """Regression: RocksDB held every commit in memory until the one flush at the end (1.7 GB of
    memory at 10,000 articles); a flush every FLUSH_EVERY transactions keeps it flat. New graphs are
    bulk-loaded, which bypasses that memory, so re-ingesting (every graph replaced) is what shows it."""
    replaced, flushes = [], []

    class Counting:
        def __init__(self, store):
            self.store = store

        def update(self, text):
            replaced.append(text)
            self.store.update(text)

        def flush(self):
            flushes.append(len(replaced))
            self.store.flush()

        def __getattr__(self, name):
            return getattr(self.store, name)

    (tmp_path / "in").mkdir()
    for i in range(5):
        (tmp_path / "in" / f"a{i}.txt").write_text(f"Story {i}\n\nText.")
    extractor = lambda a: replace(facts_2021(), article=a)  # noqa: E731
    assert ingest_paths([str(tmp_path / "in")], str(tmp_path / "kg"), extractor=extractor).articles == 5
    real_open = ingesting.open_store
    monkeypatch.setattr(ingesting, "open_store", lambda location: Counting(real_open(location)))
    monkeypatch.setattr(ingesting, "FLUSH_EVERY", 2)
    summary = ingest_paths([str(tmp_path / "in")], str(tmp_path / "kg"), extractor=extractor)
    assert summary.articles == 5 and flushes == [2, 4, 5]  # every two transactions, and once at the end


def test_unreadable_input_makes_the_exit_status_non_zero_and_the_rest_goes_on(capsys, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "lines.jsonl").write_text('{"text": "A short note about nothing."}\n{broken\n')
    store = str(tmp_path / "kg")
    code, _, err = run(capsys, "ingest", str(tmp_path / "in"), str(tmp_path / "missing.txt"), "--store", store)
    assert code == 1
    assert f"unreadable: {tmp_path / 'in' / 'lines.jsonl'}#L2: not valid JSON" in err
    assert f"unreadable: {tmp_path / 'missing.txt'}: no such file or directory" in err
    assert "1 articles stored" in err and "2 unreadable" in err and "Traceback" not in err


def test_validate_and_stats_on_an_ingested_store(capsys, tmp_path):
    store = str(tmp_path / "kg")
    assert run(capsys, "ingest", str(FIXTURES), "--store", store)[0] == 0
    code, out, _ = run(capsys, "validate", "--store", store)
    assert code == 0 and out.splitlines()[-1] == "4 article graphs checked, 0 with violations"
    code, out, _ = run(capsys, "stats", "--store", store)
    lines = dict(l.split(None, 1) for l in out.splitlines())
    assert code == 0 and lines["articles"] == "4" and int(lines["triples"]) > 0
    assert lines["published"] == "2022-04-20 .. 2024-01-09"
    assert int(lines["Article"]) == 4


def test_validate_finds_a_graph_written_around_the_gate(capsys, tmp_path):
    store = str(tmp_path / "kg")
    s = open_store(store)
    g = pyoxigraph.NamedNode("https://w3id.org/nhskg/id/article/handmade")
    s.add(pyoxigraph.Quad(g, pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                          pyoxigraph.NamedNode("https://w3id.org/nhskg/ontology#Article"), g))
    s.flush()
    del s
    code, out, _ = run(capsys, "validate", "--store", store)
    assert code == 1 and "record the one path or URL it was ingested from" in out
    assert out.splitlines()[-1] == "1 article graphs checked, 1 with violations"


def test_validate_checks_a_large_store_in_workers_and_names_each_bad_graph(capsys, tmp_path):
    """Past PARALLEL_FROM graphs validate runs batches in worker processes: every graph is counted
    once and the bad ones are named, wherever they fall in a batch."""
    store = str(tmp_path / "kg")
    assert run(capsys, "ingest", str(FIXTURES / "fenwick-2022.txt"), "--store", store)[0] == 0
    s = open_store(store)
    good = graph_ntriples(s, article_graphs(s)[0]).decode()
    bad = {30, 31, 99}
    for i in range(100):
        replace_graph(s, f"https://w3id.org/nhskg/id/article/copy{i:03d}",
                      good if i not in bad else "<https://w3id.org/nhskg/id/article/x> "
                      "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/nhskg/ontology#Article> .")
    s.flush()
    del s
    code, out, _ = run(capsys, "validate", "--store", store, "--jobs", "2")
    named = [line.rstrip(":") for line in out.splitlines() if not line.startswith(" ")][:-1]
    assert code == 1 and sorted(named) == [f"https://w3id.org/nhskg/id/article/copy{i:03d}" for i in sorted(bad)]
    assert out.splitlines()[-1] == "101 article graphs checked, 3 with violations"


def test_commands_on_a_missing_store_say_so(capsys, tmp_path):
    for command in ("validate", "stats", "export"):
        code, _, err = run(capsys, command, "--store", str(tmp_path / "nothing"))
        assert code == 2 and err.startswith(f"nhskg {command}: no store at"), command


@pytest.mark.skipif(not (SHARED / "corpus" / "articles").is_dir(), reason="../shared corpus not present")
def test_the_shared_corpus_ingests_and_validates(capsys, tmp_path):
    store = str(tmp_path / "kg")
    code, _, err = run(capsys, "ingest", str(SHARED / "corpus" / "articles"), "--store", store)
    assert code == 0, err
    code, out, _ = run(capsys, "validate", "--store", store)
    assert code == 0, out
