"""The whole extraction of one article (pipeline.extract), and its quality on the shared gold corpus."""
from __future__ import annotations

import json
import sys

import pytest
from rdflib import Literal
from rdflib.namespace import SKOS

from corpus_kit import SHARED
from nhskg.ingest.document import published_from_text
from nhskg.ingest.model import Article
from nhskg.ingest.pipeline import extract
from nhskg.ingest.rdf import to_graph


ARTICLE = """Northshire hospital trust told to improve
date 2019-04-02
Northshire Valley Hospitals NHS Trust has been rated inadequate by the Care Quality Commission (CQC).
Inspectors visited Castlebrook Hospital in January.
Dr Amy Fox, the CQC's deputy chief inspector of hospitals, said: "Patients waited far too long for care."
"We have told the trust what it must do," she added.
Chief executive Sam Lee said: "We accept the findings and we are sorry."
"""


def test_extract_gives_organisations_people_and_who_said_what():
    facts = extract(Article(source="test.txt", text=ARTICLE, title="Northshire hospital trust told to improve"))
    assert facts.article.published == "2019-04-02"
    kinds = {o.name: o.kind for o in facts.organisations}
    assert kinds == {"Northshire Valley Hospitals NHS Trust": "trust", "Castlebrook Hospital": "hospital",
                     "Care Quality Commission": "regulator"}
    by_key = {p.key: p for p in facts.people}
    assert {(p.name, p.kind, p.role) for p in facts.people} == {
        ("Amy Fox", "inspector", "deputy chief inspector of hospitals"), ("Sam Lee", "executive", "chief executive")}
    said = [(by_key[q.person_key].name, q.text) for q in facts.quotes]
    assert said == [("Amy Fox", "Patients waited far too long for care."),
                    ("Amy Fox", "We have told the trust what it must do,"),
                    ("Sam Lee", "We accept the findings and we are sorry.")]
    for q in facts.quotes:
        assert q.evidence.sentence == ARTICLE[q.evidence.start:q.evidence.end]


def test_extracted_facts_map_to_rdf_with_names_as_written():
    _, g = to_graph(extract(Article(source="test.txt", text=ARTICLE)))
    labels = {str(o) for o in g.objects(None, SKOS.prefLabel)}
    assert {"Northshire Valley Hospitals NHS Trust", "Castlebrook Hospital", "Amy Fox", "Sam Lee"} <= labels
    assert (None, None, Literal("We accept the findings and we are sorry.")) in g


@pytest.mark.parametrize("head, expected", [
    ("date 2018-03-21 Image copyright Google\nBody.", "2018-03-21"),
    ("Headline\n\n30 January 2015\n\nBody text.", "2015-01-30"),
    ("Headline\nPublished: 3rd Sept 2019\nBody.", "2019-09-03"),
    ("Headline\nThe trust was inspected on 22 March 2018 and told to improve.", None),
])
def test_publication_date_comes_from_page_noise_only(head, expected):
    assert published_from_text(head) == expected


def test_text_that_stops_mid_sentence_and_empty_text_do_not_break_extraction():
    assert extract(Article(source="empty", text="")).organisations == []
    cut = extract(Article(source="cut", text="Chief executive Sam Lee of Northshire Valley Hospitals NHS Tr"))
    assert [p.name for p in cut.people] == ["Sam Lee"]


@pytest.mark.skipif(not (SHARED / "corpus" / "gold").is_dir(), reason="shared gold corpus absent")
def test_entity_extraction_quality_on_the_gold_corpus():
    """Trusts, hospitals and people found, matched to the gold the way ../shared/eval/score.py matches them."""
    sys.path.insert(0, str(SHARED / "eval"))
    import score

    totals = {k: [0, 0, 0] for k in ("trusts", "hospitals", "people", "executive-links")}
    for gold_path in sorted((SHARED / "corpus" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text())
        text_path = SHARED / "corpus" / "articles" / f"{gold_path.stem}.txt"
        facts = extract(Article(source=str(text_path), text=text_path.read_text("utf-8")))
        names = {o.key: o.name for o in facts.organisations}
        ent = {score.norm(e["name"]): score.Entity(e["name"], e.get("aliases", []))
               for e in gold["trusts"] + gold["hospitals"]}
        people = {score.norm(p["name"]): score.Entity(p["name"], p.get("aliases", [])) for p in gold["people"]}
        same_ent = lambda g, p: (ent.get(score.norm(g)) or score.Entity(g)).matches(p)  # noqa: E731
        same_person = lambda g, p: (people.get(score.norm(g)) or score.Entity(g)).matches(p)  # noqa: E731
        runs = {
            "trusts": ([t["name"] for t in gold["trusts"]],
                       [o.name for o in facts.organisations if o.kind == "trust"], same_ent),
            "hospitals": ([h["name"] for h in gold["hospitals"]],
                          [o.name for o in facts.organisations if o.kind == "hospital"], same_ent),
            "people": ([p["name"] for p in gold["people"]], [p.name for p in facts.people], same_person),
            "executive-links": (
                [(p["name"], p["organisation"]) for p in gold["people"] if p["kind"] == "executive"],
                [(p.name, names.get(p.organisation_key, "")) for p in facts.people if p.kind == "executive"],
                lambda g, p: same_person(g[0], p[0]) and same_ent(g[1], p[1])),
        }
        for kind, (g, p, same) in runs.items():
            tp, fp, fn, _, _ = score.match_sets(g, p, same)
            totals[kind] = [a + b for a, b in zip(totals[kind], (tp, fp, fn))]
    f1 = {k: score.prf(*v)[2] for k, v in totals.items()}
    assert f1["trusts"] >= 0.9 and f1["hospitals"] >= 0.9 and f1["people"] >= 0.9, f1
    assert f1["executive-links"] >= 0.85, f1
