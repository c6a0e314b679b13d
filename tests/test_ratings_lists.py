"""One rating spread over a list: of key questions, of services, of sites (invented trusts and hospitals)."""
from __future__ import annotations

import pytest

from ratings_kit import rated

FIVE = ("safe", "effective", "caring", "responsive", "well-led")


@pytest.mark.parametrize("sentence", [
    "Northmoor Valley NHS Trust was rated outstanding for being safe, effective, caring, responsive and well-led.",
    "Northmoor Valley NHS Trust was rated outstanding in all five areas.",
    "Northmoor Valley NHS Trust was rated outstanding in all five key questions.",
    "Northmoor Valley NHS Trust was rated outstanding across each of the five domains.",
    "Inspectors rated Northmoor Valley NHS Trust outstanding in every category.",
])
def test_a_level_over_the_five_key_questions(sentence):
    assert rated(sentence) == {("trust:1", None, q, "Outstanding", None) for q in FIVE}


def test_all_five_areas_with_an_overall_rating():
    got = rated("Alder Park Hospital was rated good overall and good in all five areas.")
    assert got == {("hospital:2", None, None, "Good", None)} | {("hospital:2", None, q, "Good", None) for q in FIVE}


def test_a_level_over_a_list_of_services():
    got = rated("Alder Park Hospital was rated good for urgent and emergency care, surgery and end of life care.")
    assert got == {("hospital:2", s, None, "Good", None)
                   for s in ("urgent and emergency care", "surgery", "end of life care")}


def test_a_list_of_services_before_the_level():
    got = rated("At Beckside, maternity, critical care and outpatients were all rated requires improvement.")
    assert got == {("hospital:3", s, None, "Requires improvement", None)
                   for s in ("maternity", "critical care", "outpatients")}


def test_two_hospitals_both_rated():
    got = rated("Alder Park Hospital and Beckside General Hospital were both rated good.")
    assert got == {("hospital:2", None, None, "Good", None), ("hospital:3", None, None, "Good", None)}


def test_a_list_of_sites_with_their_towns():
    got = rated("Alder Park Hospital, Millhaven, and Beckside General Hospital, Carrow Bridge, have been rated "
                "requires improvement.")
    assert got == {("hospital:2", None, None, "Requires improvement", None),
                   ("hospital:3", None, None, "Requires improvement", None)}


def test_one_of_three_hospitals_nationally_is_not_a_list_of_the_trusts_sites():
    got = rated("The CQC rated Alder Park Hospital outstanding, making it one of just three hospitals of its kind "
                "to be rated at that level.")
    assert got == {("hospital:2", None, None, "Outstanding", None)}


def test_a_list_of_questions_shared_by_two_levels():
    got = rated("The trust was rated requires improvement for safe and well-led, and good for effective, caring "
                "and responsive.")
    assert got == {("trust:1", None, "safe", "Requires improvement", None),
                   ("trust:1", None, "well-led", "Requires improvement", None),
                   ("trust:1", None, "effective", "Good", None), ("trust:1", None, "caring", "Good", None),
                   ("trust:1", None, "responsive", "Good", None)}


def test_every_area_alone_is_not_the_five_questions():
    """'every area' of a hospital is not a key question: only the named five (or 'all five ...') expand."""
    assert rated("Alder Park Hospital was rated good, with improvements seen in every area.") == {
        ("hospital:2", None, None, "Good", None)}


def test_key_questions_of_another_clause_are_not_the_levels():
    text = ("Inspectors found that services at Alder Park Hospital were safe, caring and well led but that the "
            "hospital required improvement to be effective.")
    assert rated(text) == {("hospital:2", None, "effective", "Requires improvement", None)}


def test_a_bulleted_list_of_services_before_all_are_rated():
    text = ("Inspectors looked at these services at Northmoor Valley NHS Trust:\n"
            "- acute wards and psychiatric intensive care units\n"
            "- community services for children and young people\n"
            "All are now rated as good.")
    assert rated(text) == {("trust:1", "acute wards and psychiatric intensive care units", None, "Good", None),
                           ("trust:1", "community services for children and young people", None, "Good", None)}


def test_a_table_of_key_questions_written_as_prose():
    text = ("Ratings for Northmoor Valley NHS Trust: Safe - requires improvement (unchanged); Effective - good; "
            "Caring - outstanding; Responsive - good; Well-led - requires improvement.")
    assert rated(text) == {("trust:1", None, "safe", "Requires improvement", "Requires improvement"),
                           ("trust:1", None, "effective", "Good", None), ("trust:1", None, "caring", "Outstanding", None),
                           ("trust:1", None, "responsive", "Good", None),
                           ("trust:1", None, "well-led", "Requires improvement", None)}


def test_a_table_of_services_written_as_prose():
    text = "Alder Park Hospital ratings: surgery: good; maternity: inadequate; critical care: requires improvement."
    assert rated(text) == {("hospital:2", "surgery", None, "Good", None),
                           ("hospital:2", "maternity", None, "Inadequate", None),
                           ("hospital:2", "critical care", None, "Requires improvement", None)}


def test_with_outstanding_ratings_for_a_list_of_questions():
    text = "Alder Park Hospital was given an overall rating of good, with outstanding ratings for caring and responsive."
    assert rated(text) == {("hospital:2", None, None, "Good", None),
                           ("hospital:2", None, "caring", "Outstanding", None),
                           ("hospital:2", None, "responsive", "Outstanding", None)}


def test_two_sites_and_two_levels_respectively():
    text = "Alder Park Hospital and Beckside General Hospital were rated good and requires improvement respectively."
    assert rated(text) == {("hospital:2", None, None, "Good", None),
                           ("hospital:3", None, None, "Requires improvement", None)}


def test_two_services_and_two_levels_respectively():
    text = "At Alder Park Hospital, surgery and maternity were rated good and inadequate, respectively."
    assert rated(text) == {("hospital:2", "surgery", None, "Good", None),
                           ("hospital:2", "maternity", None, "Inadequate", None)}


def test_a_level_coordinated_with_a_rating_is_a_rating():
    text = "Alder Park Hospital was rated good for caring and inadequate for safe."
    assert rated(text) == {("hospital:2", None, "caring", "Good", None), ("hospital:2", None, "safe", "Inadequate", None)}


def test_a_level_with_its_own_key_questions_takes_none_from_far_before():
    text = ("Patients can expect services that are safe and of high quality, with Northmoor Valley NHS Trust rated "
            "good for effective, caring and well-led.")
    assert rated(text) == {("trust:1", None, q, "Good", None) for q in ("effective", "caring", "well-led")}


def test_a_service_before_a_level_with_key_questions_is_still_its_own():
    text = "Maternity services at Alder Park Hospital were rated good for caring and effective."
    assert rated(text) == {("hospital:2", "maternity", q, "Good", None) for q in ("caring", "effective")}
