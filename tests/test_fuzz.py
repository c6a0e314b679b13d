"""Fuzzing under hypothesis: hostile articles, text and files never raise, and every graph conforms to the
shapes and survives N-Triples, Turtle and the store unchanged (checks in tests/fuzz_kit.py).

The news-shaped inputs come from fuzz_kit's generators driven by hypothesis's random (so a failure
shrinks to a short one); the arbitrary ones straight from hypothesis. scripts/fuzz.py runs the same
generators and checks over 100,000 inputs; the regressions at the end are what it and these found.
"""
from __future__ import annotations

import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzz_kit
from nhskg.ingest.dates import date_literal
from nhskg.ingest.iris import NHSKG
from nhskg.ingest.model import Article, Evidence, Facts, Organisation, Person
from nhskg.ingest.pipeline import extract
from nhskg.ingest.rdf import to_graph
from nhskg.validation import validate



def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
rngs = st.randoms(use_true_random=False)
NAME_IN_TEXT = NHSKG.nameInText


@fuzz(500)
@given(rngs)
def test_news_articles_full_of_junk(rng):
    fuzz_kit.check_article(fuzz_kit.article(rng))


@fuzz(400)
@given(st.text(max_size=400), st.one_of(st.none(), st.text(max_size=40)))
def test_arbitrary_text(text, title):
    fuzz_kit.check_article(Article("/news/arbitrary.txt", text, title=title, publisher=title, published=title,
                                   url=None if title is None else "https://example.org/" + title))


@fuzz(200)
@given(rngs)
def test_folders_of_text_sidecars_html_and_json_lines(rng):
    fuzz_kit.check_files(fuzz_kit.file_set(rng))


@fuzz(400)
@given(st.binary(max_size=600), st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.bin"]),
       st.one_of(st.none(), st.binary(max_size=100)))
def test_arbitrary_bytes_under_any_name(data, name, sidecar):
    files = {name: data}
    if sidecar is not None:
        files["a.meta.json"] = sidecar
    fuzz_kit.check_files(files)


# --- Regressions: one per bug the fuzzing found ---

def test_an_impossible_date_is_no_literal_and_no_logged_traceback(caplog):
    with caplog.at_level(logging.WARNING):
        assert date_literal("2024-02-30") is None and date_literal("2023-02-29") is None
        assert date_literal("2024-02-29") is not None
    assert caplog.records == []


@pytest.mark.parametrize("names", [("St. Mary's Hospital", "St Mary's Hospital"),
                                   ("Lßlanfair Royal Infirmary", "Llanfair Royal Infirmary")])
def test_names_that_slug_alike_are_one_node_with_one_name(names):
    e = Evidence(" and ".join(names), 0, 10)
    orgs = [Organisation(f"h{i}", "hospital", n, town=f"Town {i}", evidence=e) for i, n in enumerate(names)]
    people = [Person(f"p{i}", n, honorific=h, evidence=e) for i, (n, h) in enumerate([("Jane O'Neil", "Dr"),
                                                                                      ("Jane O Neil", "Mrs")])]
    _, g = to_graph(Facts(Article("/news/x.txt", "text"), organisations=orgs, people=people))
    assert validate(g).conforms
    assert {str(n) for n in g.objects(None, NAME_IN_TEXT)} >= set(names)  # each spelling kept in its mention


@pytest.mark.parametrize("said, honorific", [("Mx Sam Patel", "Mx"), ("Revd Sam Patel", "Revd"),
                                             ("Sir Mr Sam Patel", "Mr"), ("Cllr Dr Sam Patel", "Cllr Dr")])
def test_every_honorific_the_extractor_reads_is_one_the_shapes_take(said, honorific):
    facts = extract(Article("/news/x.txt", f'{said}, chair of Kestrel Vale NHS Trust, said: "We will improve."'))
    assert [p.honorific for p in facts.people if p.name == "Sam Patel"] == [honorific]
    assert validate(to_graph(facts)[1]).conforms


def test_a_url_with_a_lone_surrogate_is_cleaned_in_the_mapping():
    fuzz_kit.check_article(Article("/news/x.txt", "Some text.", url="https://example.org/\ud800x"))
