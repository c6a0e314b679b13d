"""Special measures, inspections and enforcement as news words them, on invented trusts."""
from __future__ import annotations

import pytest

from events_kit import OTHER, TRUST, ALDER, BECK, make_doc
from nhskg.ingest.events import extract_events


def events(text, published=None, orgs=(TRUST, ALDER, BECK)):
    return extract_events(make_doc(text, published, orgs))


def measures(text, published=None, orgs=(TRUST, ALDER, BECK)):
    return {(s.trust_key, s.status, s.date) for s in events(text, published, orgs)[1]}


@pytest.mark.parametrize("text,status", [
    ("Northmoor Valley NHS Trust was placed into special measures.", "placed"),
    ("The trust was put into special measures by the regulator.", "placed"),
    ("The trust remains in special measures, the CQC said.", "remains"),
    ("Northmoor Valley is still in special measures.", "remains"),
    ("The trust has been taken out of special measures.", "out"),
    ("Northmoor Valley NHS Trust has exited special measures after three years.", "out"),
    ("The trust emerged from special measures last week.", "out"),
    ("The chief inspector has recommended that the trust be placed in special measures.", "recommended"),
    ("The chief inspector recommended the trust be removed from special measures.", "out"),
])
def test_special_measures_status(text, status):
    assert measures(text) == {("trust:1", status, None)}


def test_placed_date_and_hospital_resolved_to_its_trust():
    assert measures("Alder Park Hospital was placed into special measures in December 2015.") == {
        ("trust:1", "placed", "2015-12")}


def test_subject_named_in_the_sentence_beats_the_main_trust():
    text = ("Northmoor Valley NHS Trust was rated good. Northmoor Valley NHS Trust has a new chair. "
            "Southfield Coast NHS Foundation Trust remains in special measures.")
    assert measures(text, orgs=(TRUST, OTHER)) == {("trust:4", "remains", None)}


@pytest.mark.parametrize("text", [
    "The trust faces being placed into special measures if it does not improve.",
    "Bosses want to get out of special measures as soon as possible.",
    "The trust could be put into special measures.",
])
def test_hypothetical_special_measures_are_not_a_status(text):
    assert measures(text) == set()


def test_inspection_month_resolved_against_the_article_date():
    ins = events("In November, a team of CQC inspectors visited Alder Park Hospital.", "2018-03-02")[2]
    assert [(i.subject_key, i.start, i.end) for i in ins] == [("hospital:2", "2017-11", None)]


def test_inspection_day_range_and_unknown_year():
    ins = events("Following the inspection on 5 to 7 December, the trust was told to improve.")[2]
    assert [(i.subject_key, i.start, i.end) for i in ins] == [("trust:1", "--12", None)]
    ins = events("Following the inspection on 5 to 7 December, the trust was told to improve.", "2018-03-02")[2]
    assert [(i.start, i.end) for i in ins] == [("2017-12-05", "2017-12-07")]


def test_inspection_between_two_months_is_one_visit():
    ins = events("The inspection of the trust took place between February and June 2023.")[2]
    assert [(i.start, i.end) for i in ins] == [("2023-02", "2023-06")]


def test_a_special_measures_date_is_not_an_inspection():
    ins = events("After an inspection, the trust was placed into special measures in December 2015.")[2]
    assert ins == []


@pytest.mark.parametrize("text,kind", [
    ("The CQC issued the trust with a section 29A warning notice.", "section 29A warning notice"),
    ("Bosses at the trust were issued with a warning notice calling for urgent improvements.",
     "section 29A warning notice"),
    ("The CQC has placed conditions on the trust's registration.", "section 31 conditions"),
    ("Inspectors imposed urgent conditions under section 31 on Alder Park Hospital.", "section 31 conditions"),
    ("The trust was given requirement notices for staffing.", "requirement notice"),
    ("Northmoor Valley NHS Trust was fined £200,000 after it pleaded guilty in a CQC prosecution.", "prosecution"),
])
def test_enforcement_kind_and_trust(text, kind):
    got = events(text)[3]
    assert [(e.trust_key, e.kind) for e in got] == [("trust:1", kind)]
    assert got[0].evidence.sentence == text


def test_every_fact_carries_evidence():
    text = ("Alder Park Hospital was rated inadequate overall. The trust was placed into special measures in "
            "May 2016 after an inspection in March 2016. The CQC issued a warning notice.")
    ratings, sm, ins, enf = events(text)
    for fact in [*ratings, *sm, *ins, *enf]:
        ev = fact.evidence
        assert text[ev.start:ev.end] == ev.sentence and ev.method and 0 < ev.confidence <= 1
