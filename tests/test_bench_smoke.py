"""The benchmark kit, run once at a tiny size: the generator's gold follows GUIDE.md and run.py records every figure."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(BENCH))

import goldcheck  # noqa: E402
import measure  # noqa: E402
import report  # noqa: E402

pytestmark = pytest.mark.skipif(not (SHARED / "data" / "reference" / "etr.csv").exists(),
                                reason="../shared/data/reference is not here")


def generate(n: int, out: Path, seed: int, jobs: int = 1) -> None:
    subprocess.run([sys.executable, str(BENCH / "generate.py"), str(n), str(out), "--seed", str(seed),
                    "--jobs", str(jobs)], check=True, capture_output=True)


def run_bench(folder: Path, out: Path, *extra: str) -> None:
    """run.py at a tiny size, its work in `folder`; the Markdown goes to `out` with the suffix .md, so that a
    resumed run does not overwrite the first run's."""
    subprocess.run([sys.executable, str(BENCH / "run.py"), "--sizes", "12", "--extract-n", "12", "--plain-n", "12",
                    "--score-n", "12", "--profile-n", "3", "--repeats", "2", "--work", str(folder / "work"),
                    "--md", str(out.with_suffix(".md")), "--out", str(out), *extra],
                   check=True, capture_output=True, text=True)


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory) -> Path:
    """One tiny run, shared: the figures are checked by one test and resumed by another."""
    folder = tmp_path_factory.mktemp("bench")
    run_bench(folder, folder / "results.json")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    generate(60, out, seed=3)
    return out


def test_every_article_has_gold_that_follows_the_guide(corpus):
    articles = sorted(p.stem for p in (corpus / "articles").glob("*.txt"))
    golds = sorted(p.stem for p in (corpus / "gold").glob("*.json"))
    assert len(articles) == 60 and articles == golds
    for stem in golds:
        gold = json.loads((corpus / "gold" / f"{stem}.json").read_text())
        assert gold["id"] == stem
        assert goldcheck.problems(gold) == [], stem


def test_gold_names_are_in_the_text(corpus):
    """Every planted entity appears in its article under its gold name, and every alias too."""
    for g in (corpus / "gold").glob("*.json"):
        gold = json.loads(g.read_text())
        text = (corpus / "articles" / f"{g.stem}.txt").read_text()
        for section in ("trusts", "hospitals", "people"):
            for e in gold[section]:
                assert e["name"] in text, (g.stem, e["name"])
                for alias in e["aliases"]:
                    assert alias.lower() in text.lower(), (g.stem, alias)
        for r in gold["ratings"]:
            assert r["rating"].lower() in text.lower()


def test_corpus_covers_every_kind_of_fact(corpus):
    seen = {k: 0 for k in ("ratings", "special_measures", "inspections", "enforcement", "hospitals")}
    kinds, questions, services, previous = set(), set(), set(), 0
    for g in (corpus / "gold").glob("*.json"):
        gold = json.loads(g.read_text())
        for k in seen:
            seen[k] += len(gold[k])
        kinds |= {p["kind"] for p in gold["people"]}
        questions |= {r["key_question"] for r in gold["ratings"]}
        services |= {r["service"] for r in gold["ratings"]}
        previous += sum(r["previous"] is not None for r in gold["ratings"])
    assert all(seen.values()), seen
    assert kinds == {"executive", "inspector", "other"}
    assert {"safe", "well-led", None} <= questions and len(services) > 5 and previous


def test_same_seed_same_articles_whatever_the_jobs(corpus, tmp_path):
    generate(60, tmp_path / "again", seed=3, jobs=2)
    generate(5, tmp_path / "other", seed=4)
    a = (corpus / "articles" / "synth-000042.txt").read_text()
    assert (tmp_path / "again" / "articles" / "synth-000042.txt").read_text() == a
    assert (tmp_path / "again" / "gold" / "synth-000042.json").read_text() == \
        (corpus / "gold" / "synth-000042.json").read_text()
    assert (tmp_path / "other" / "articles" / "synth-000001.txt").read_text() != \
        (corpus / "articles" / "synth-000001.txt").read_text()


def test_goldcheck_rejects_what_the_guide_forbids():
    bad = {"id": "x", "url": None, "publisher": None, "published": "March 2019", "trusts": [],
           "hospitals": [], "people": [{"name": "A B", "aliases": [], "title": None, "role": "Chief Executive",
                                        "organisation": None, "kind": "boss"}],
           "ratings": [{"subject": "T", "subject_type": "ward", "service": None, "key_question": "safety",
                        "rating": "Poor", "previous": None}],
           "special_measures": [{"trust": "T", "status": "placed", "since": None}],
           "inspections": [{"subject": "T", "when": "last March"}], "enforcement": []}
    found = " ".join(goldcheck.problems(bad))
    for needle in ("published", "kind", "role", "subject_type", "key_question", "rating", "status", "when"):
        assert needle in found, needle


def test_run_writes_every_figure(tiny_run):
    md = tiny_run / "results.md"
    r = json.loads((tiny_run / "results.json").read_text())
    assert "resumed" not in r["machine"] and "resumed with --resume" not in md.read_text()
    for key in ("machine", "generate", "ingest", "extraction", "steps", "parent_steps", "queries", "push", "validate", "plain",
                "accuracy", "profile", "ratios", "targets"):
        assert key in r, key
    row = r["ingest"]["12"]
    for mode in ("one_process", "all_cores"):
        assert row[mode]["available"] and row[mode]["stored"] == 12, row[mode]
        assert row[mode]["peak_rss_mb"] > 0 and row[mode]["triples"] > 0
        assert row[mode]["cpu_s"] >= row[mode]["cpu_parent_s"] > 0
    assert set(r["steps"]["ms_per_article"]) == {"extract", "map to RDF", "validate (SHACL)", "serialise"}
    assert all(v > 0 for v in r["steps"]["ms_per_article"].values())
    assert r["parent_steps"]["articles"] == 12
    assert set(r["parent_steps"]["ms_per_article"]) == {"store writes", "entity resolution"}
    assert all(v > 0 for v in r["parent_steps"]["ms_per_article"].values())
    assert not (tiny_run / "work" / "store-parent-steps").exists()  # made only to be timed, then removed
    assert r["extraction"]["articles"] == 12 and r["extraction"]["articles_per_s_per_core"] > 0
    queries = {p.stem for p in (ROOT / "queries").glob("*.rq")}
    assert set(r["queries"]["per_query"]) == queries
    assert all(q["p95_ms"] >= q["median_ms"] > 0 for q in r["queries"]["per_query"].values())
    assert set(r["plain"]["queries"]) == queries and r["plain"]["articles"] == 12
    # both ways answer the same question on the same articles: the same rows, where rdflib runs the query
    # (regression: the timeline's trust was bound to every query with a ?trust column, not only to the
    # one that declares it, and nhskg's side returned one trust's rows)
    for name, q in r["plain"]["ours_queries"].items():
        if "rows" in r["plain"]["queries"][name]:
            assert q["rows"] == r["plain"]["queries"][name]["rows"], name
    assert r["validate"]["graphs"] == 12
    for optional in ("push", "accuracy"):  # may be missing pieces, but then they say why
        assert r[optional].get("available") is True or r[optional].get("reason")
    assert {"ingest_articles_per_s_all_cores", "query_p95_ms_max", "peak_memory_mb", "query_speedup_min",
            "ingest_speedup"} <= set(r["targets"])
    text = md.read_text()
    assert "## Targets" in text and "trust-timeline" in text
    assert "## CPU an article, and the ceiling it sets" in text and f"{report.cpu_budget_ms(r['machine']['cores'], 300)} ms an article" in text


def test_cpu_is_counted_for_the_whole_tree_and_for_its_first_process_alone():
    """An idle parent whose child burns the CPU: the tree's figure holds the child's time, the parent's does not."""
    burn = "import time\nt = time.process_time()\nwhile time.process_time() - t < 1.0: pass"
    r = measure.run([sys.executable, "-c", f"import subprocess, sys; subprocess.run([sys.executable, '-c', {burn!r}])"])
    assert r.returncode == 0
    assert r.cpu_s >= 1.0 and r.cpu_root_s < 0.6, (r.cpu_s, r.cpu_root_s)


def test_a_resumed_run_keeps_the_figures_and_says_it_was_resumed(tiny_run):
    first = json.loads((tiny_run / "results.json").read_text())
    again = tiny_run / "again.json"
    run_bench(tiny_run, again, "--resume", str(tiny_run / "results.json"))
    second = json.loads(again.read_text())
    assert second["ingest"] == first["ingest"] and second["queries"] == first["queries"]
    assert second["machine"]["started"] == first["machine"]["started"] and len(second["machine"]["resumed"]) == 1
    assert f"resumed with --resume on {second['machine']['resumed'][0]}" in again.with_suffix(".md").read_text()
