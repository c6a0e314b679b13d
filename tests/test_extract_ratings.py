"""Ratings as news words them: one test per phrasing, on invented trusts and hospitals."""
from __future__ import annotations

import pytest

from events_kit import ALDER, TRUST, UNIT, make_doc
from nhskg.ingest.ratings import find_ratings
from ratings_kit import rated


def test_overall_rating_of_a_trust():
    assert rated("Northmoor Valley NHS Trust was rated good overall by the Care Quality Commission.") == {
        ("trust:1", None, None, "Good", None)}


def test_from_to_over_several_services_gives_one_rating_each_with_previous():
    got = rated("After the visit, inspectors found medical care, urgent and emergency care and end-of-life care "
                "at Alder Park Hospital had progressed from an \"inadequate\" rating to \"requires improvement\".")
    assert got == {("hospital:2", s, None, "Requires improvement", "Inadequate")
                   for s in ("medical care", "urgent and emergency care", "end of life care")}


def test_key_question_after_for_whether():
    assert rated("The trust was rated as requires improvement for whether services are safe.") == {
        ("trust:1", None, "safe", "Requires improvement", None)}


def test_being_well_led():
    assert rated("Northmoor Valley was judged requires improvement for being well-led.") == {
        ("trust:1", None, "well-led", "Requires improvement", None)}


def test_downgraded_to_and_upgraded_from():
    assert rated("Alder Park Hospital has been downgraded from good to inadequate by the CQC.") == {
        ("hospital:2", None, None, "Inadequate", "Good")}
    assert rated("Surgery at Beckside was rated 'good', up from 'requires improvement'.") == {
        ("hospital:3", "surgery", None, "Good", "Requires improvement")}


def test_still_and_remains_keep_the_level_as_previous():
    assert rated("Maternity services at Alder Park Hospital remain rated as \"requires improvement\".") == {
        ("hospital:2", "maternity", None, "Requires improvement", "Requires improvement")}
    assert rated("The CQC has not changed its overall inadequate rating of the trust.") == {
        ("trust:1", None, None, "Inadequate", "Inadequate")}


def test_stated_previous_outranks_one_read_from_still():
    text = ("Alder Park Hospital still 'requires improvement' says watchdog\n"
            "Alder Park Hospital has moved from an \"inadequate\" rating to \"requires improvement\" by the CQC.")
    assert rated(text) == {("hospital:2", None, None, "Requires improvement", "Inadequate")}


def test_its_rating_of():
    assert rated("This does not change the trust's overall rating of inadequate, the regulator said.") == {
        ("trust:1", None, None, "Inadequate", None)}


def test_both_hospitals_expand_to_each_site():
    got = rated("Urgent and emergency care services at both hospitals are now rated as Requires Improvement "
                "for whether services are safe.")
    assert got == {(h, "urgent and emergency care", "safe", "Requires improvement", None)
                   for h in ("hospital:2", "hospital:3")}


def test_several_levels_in_one_sentence_each_with_its_questions():
    got = rated("The trust is rated as Inadequate for whether its services are safe and well-led, Requires "
                "Improvement for whether its services are effective and responsive and Good for whether its "
                "services are caring.")
    assert got == {("trust:1", None, "safe", "Inadequate", None), ("trust:1", None, "well-led", "Inadequate", None),
                   ("trust:1", None, "effective", "Requires improvement", None),
                   ("trust:1", None, "responsive", "Requires improvement", None),
                   ("trust:1", None, "caring", "Good", None)}


def test_all_services_means_the_services_rated_so_far():
    text = ("Inspectors found surgery and maternity at Alder Park Hospital had improved from \"inadequate\" to "
            "\"requires improvement\". All six services have been rated as good for whether they are caring.")
    got = rated(text)
    assert ("hospital:2", "surgery", "caring", "Good", None) in got
    assert ("hospital:2", "maternity", "caring", "Good", None) in got


def test_bulleted_service_summary_carries_the_service_to_the_next_sentences():
    text = ("The inspection found:\n"
            "- Critical care at Beckside – the overall rating has dropped from good to requires improvement, "
            "which is the same for safe. Caring and responsive were again rated good.\n")
    assert rated(text) == {
        ("hospital:3", "critical care", None, "Requires improvement", "Good"),
        ("hospital:3", "critical care", "safe", "Requires improvement", "Good"),
        ("hospital:3", "critical care", "caring", "Good", "Good"),
        ("hospital:3", "critical care", "responsive", "Good", "Good")}


def test_the_same_rating_repeats_the_last_level():
    text = ("The overall rating for Northmoor Valley NHS Trust has gone down from good to requires improvement. "
            "The same rating was given to how safe the trust is.")
    assert ("trust:1", None, "safe", "Requires improvement", None) in rated(text)


def test_earlier_inspection_gives_the_previous_level():
    text = ("Maternity services at Alder Park Hospital are now rated as 'good' overall. "
            "At the last inspection maternity services at the hospital were rated as 'inadequate'.")
    assert rated(text) == {("hospital:2", "maternity", None, "Good", "Inadequate")}


def test_a_list_of_sites_rated_together():
    got = rated("Alder Park Hospital and Beckside General Hospital were rated as Good.")
    assert got == {("hospital:2", None, None, "Good", None), ("hospital:3", None, None, "Good", None)}


def test_the_trust_that_runs_a_hospital_is_what_is_rated():
    assert rated("The trust that runs Alder Park Hospital has received a Good rating.") == {
        ("trust:1", None, None, "Good", None)}


@pytest.mark.parametrize("text", [
    "Inspectors noted some \"outstanding practice\" in children's services at Alder Park Hospital.",
    "Staff at the trust have made good progress since the CQC visit.",
    "The CQC said there was good leadership at Beckside and good care in some wards.",
    "It was a good day for Northmoor Valley NHS Trust, the chairman said.",
    "The trust needs to make improvements in the way it handles complaints, the CQC said.",
])
def test_good_and_outstanding_as_ordinary_words_are_not_ratings(text):
    assert rated(text) == set()


def test_evidence_points_at_the_sentence():
    text = "Some background. Beckside was rated inadequate overall by the CQC."
    r = find_ratings(make_doc(text))[0]
    assert text[r.evidence.start:r.evidence.end] == "Beckside was rated inadequate overall by the CQC."
    assert r.evidence.method and 0 < r.evidence.confidence <= 1


def test_a_service_word_inside_a_sites_name_does_not_narrow_its_rating():
    """Regression: "Stroud Maternity Unit ... maintains its good rating" was read as a maternity rating."""
    doc = make_doc("Hollin Vale Maternity Unit had been rated good in a previous inspection and maintains that "
                   "status, while maternity at Alder Park Hospital was rated inadequate.", orgs=(TRUST, ALDER, UNIT))
    got = {(r.subject_key, r.service, r.key_question, r.level) for r in find_ratings(doc)}
    assert got == {("hospital:5", None, None, "Good"), ("hospital:2", "maternity", None, "Inadequate")}


@pytest.mark.parametrize("sentence", [
    "Alder Park Hospital has been re-rated inadequate by the CQC.",
    "Alder Park Hospital was rated inadequate in two successive CQC reports.",
    "Alder Park Hospital was rated inadequate for the second time.",
    "Alder Park Hospital was rated inadequate in three consecutive inspections.",
])
def test_a_level_said_to_hold_again_is_also_the_previous_level(sentence):
    assert rated(sentence) == {("hospital:2", None, None, "Inadequate", "Inadequate")}


def test_a_first_rating_has_no_previous_level():
    assert rated("Alder Park Hospital was rated inadequate in its first inspection since it opened.") == {
        ("hospital:2", None, None, "Inadequate", None)}


@pytest.mark.parametrize("sentence", [
    'A patient\'s family blamed "inadequate levels of training" at Alder Park Hospital.',
    "Inspectors saw outstanding examples of care at Alder Park Hospital, which was not rated.",
    "Alder Park Hospital showed good standards of hygiene.",
])
def test_a_level_word_describing_a_noun_of_something_is_no_rating(sentence):
    assert rated(sentence) == set()


def test_a_level_rating_of_a_subject_is_still_a_rating():
    assert rated("The CQC gave an inadequate rating of Alder Park Hospital.") == {
        ("hospital:2", None, None, "Inadequate", None)}
