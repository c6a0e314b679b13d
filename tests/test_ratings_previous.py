"""Current and previous levels, and levels that are not ratings (invented trusts and hospitals)."""
from __future__ import annotations

import pytest

from ratings_kit import rated


def test_up_from_a_level_at_the_last_inspection():
    """Regression: 'up from inadequate at its last inspection' gave the current level as the previous one."""
    text = ("Northmoor Valley trust rated 'requires improvement'\n"
            "Northmoor Valley NHS Trust has been rated requires improvement overall by the CQC, up from inadequate "
            "at its last inspection.")
    assert rated(text) == {("trust:1", None, None, "Requires improvement", "Inadequate")}


@pytest.mark.parametrize("sentence, level, previous", [
    ("Alder Park Hospital was rated good, down from outstanding.", "Good", "Outstanding"),
    ("Alder Park Hospital has improved from inadequate to good.", "Good", "Inadequate"),
    ("Alder Park Hospital has dropped to requires improvement from good.", "Requires improvement", "Good"),
    ("Alder Park Hospital remains rated inadequate.", "Inadequate", "Inadequate"),
    ("Alder Park Hospital retained its good rating.", "Good", "Good"),
    ("Alder Park Hospital was again rated requires improvement.", "Requires improvement", "Requires improvement"),
    ("Alder Park Hospital, previously rated inadequate, is now rated good.", "Good", "Inadequate"),
    ("A year after being rated inadequate, Alder Park Hospital has now been rated good.", "Good", "Inadequate"),
    ("Alder Park Hospital has been rated good, two years after being rated inadequate.", "Good", "Inadequate"),
    ("Alder Park Hospital, which was told it required improvement, has been rated good.", "Good",
     "Requires improvement"),
    ("Alder Park Hospital moved to good from a previous requires improvement.", "Good", "Requires improvement"),
    ("Alder Park Hospital was rated good, up from its previous rating of inadequate.", "Good", "Inadequate"),
    ("Alder Park Hospital, which was previously rated inadequate, was upgraded to good.", "Good", "Inadequate"),
])
def test_current_and_previous_level_in_one_sentence(sentence, level, previous):
    assert rated(sentence) == {("hospital:2", None, None, level, previous)}


def test_the_earlier_level_in_the_next_sentence():
    text = ("Beckside General Hospital has been rated good. "
            "It had improved since it was rated as requires improvement in an inspection two years ago.")
    assert rated(text) == {("hospital:3", None, None, "Good", "Requires improvement")}


def test_an_earlier_inspection_of_the_same_service():
    text = ("Maternity at Beckside General Hospital has been rated good. "
            "Inspectors found maternity services had improved since a previous inspection, where it was rated as "
            "inadequate.")
    assert rated(text) == {("hospital:3", "maternity", None, "Good", "Inadequate")}


def test_improvement_since_the_last_inspection_says_nothing_of_the_earlier_level():
    text = "Alder Park Hospital was rated good, showing improvement since the last inspection."
    assert rated(text) == {("hospital:2", None, None, "Good", None)}


def test_retains_one_level_and_another_for_other_questions():
    text = "The trust retains its outstanding rating for caring and its good ratings for effective and responsive."
    assert rated(text) == {("trust:1", None, "caring", "Outstanding", "Outstanding"),
                           ("trust:1", None, "effective", "Good", "Good"),
                           ("trust:1", None, "responsive", "Good", "Good")}


def test_told_it_requires_improvement_gives_the_earlier_level():
    text = ("The CQC gave Northmoor Valley NHS Trust an overall rating of good. "
            "It was previously told it requires improvement.")
    assert rated(text) == {("trust:1", None, None, "Good", "Requires improvement")}


@pytest.mark.parametrize("sentence", [
    "Northmoor Valley NHS Trust aims to achieve a good rating by next year.",
    "The chief executive said the trust hopes to be rated outstanding at its next inspection.",
    "Staff are working towards a good rating, the trust said.",
    "If it does not improve, Alder Park Hospital could be rated inadequate, the CQC warned.",
    "Our ambition is to be rated outstanding, the chairman said.",
    "Nationally, 40% of acute trusts are rated requires improvement.",
    "Most NHS trusts are rated good by the CQC.",
])
def test_hoped_for_conditional_and_national_levels_are_not_ratings(sentence):
    assert rated(sentence) == set()


def test_a_named_neighbours_rating_is_its_own():
    text = "Alder Park Hospital was rated good, while Beckside General Hospital was rated outstanding."
    assert rated(text) == {("hospital:2", None, None, "Good", None), ("hospital:3", None, None, "Outstanding", None)}


def test_an_improvement_from_when_it_was_rated():
    text = "Overall, the trust has been rated requires improvement, an improvement from when it was rated inadequate."
    assert rated(text) == {("trust:1", None, None, "Requires improvement", "Inadequate")}


def test_from_the_lowest_possible_rating_to():
    text = "The CQC lifted Northmoor Valley NHS Trust from the lowest possible rating of 'inadequate' to 'good'."
    assert rated(text) == {("trust:1", None, None, "Good", "Inadequate")}


def test_areas_that_required_improvement_are_no_rating():
    assert rated("At Alder Park Hospital there remained areas that required improvement in surgery.") == set()


def test_inspected_but_not_rated_therefore_remains():
    text = ("Alder Park Hospital was rated inadequate. Safe has again been rated as inadequate, and caring was "
            "inspected but not rated, therefore remains rated as good.")
    assert rated(text) == {("hospital:2", None, None, "Inadequate", None),
                           ("hospital:2", None, "safe", "Inadequate", "Inadequate"),
                           ("hospital:2", None, "caring", "Good", "Good")}


def test_the_same_as_at_the_last_inspection():
    text = ("Alder Park Hospital and Beckside General Hospital were both rated requires improvement overall, the same "
            "as at the last inspection.")
    assert rated(text) == {("hospital:2", None, None, "Requires improvement", "Requires improvement"),
                           ("hospital:3", None, None, "Requires improvement", "Requires improvement")}


@pytest.mark.parametrize("text, published", [
    ("Alder Park Hospital was placed into special measures in 2019 after being rated inadequate. "
     "It has now been rated good.", None),
    ("Alder Park Hospital was rated inadequate in 2019. The CQC has now rated it good.", None),
    ("Alder Park Hospital was rated inadequate in 2019. The CQC has rated it good.", "2022-05-01"),
    ("When it was last inspected in 2020, Alder Park Hospital was rated inadequate. It is now rated good.", None),
    ("Alder Park Hospital has been rated good. It had been rated inadequate in 2019.", None),
])
def test_background_before_the_new_rating(text, published):
    """Regression: a rating told as background came first and kept its level over the new one."""
    assert rated(text, published) == {("hospital:2", None, None, "Good", "Inadequate")}


def test_a_rating_in_the_year_of_publication_is_the_current_one():
    assert rated("Alder Park Hospital was rated good in 2022.", "2022-05-01") == {
        ("hospital:2", None, None, "Good", None)}


def test_earlier_levels_for_the_whole_and_a_question():
    text = ("Maternity at Alder Park Hospital is now rated good. The hospital had improved since the last inspection, "
            "when it was rated as requires improvement overall, and inadequate for safety.")
    assert rated(text) == {("hospital:2", "maternity", None, "Good", None)}


def test_previously_rated_but_now():
    text = ("Northmoor Valley NHS Trust was previously rated as good following an inspection in 2016, but inspectors "
            "found improvements resulting in an outstanding rating.")
    assert rated(text) == {("trust:1", None, None, "Outstanding", "Good")}


@pytest.mark.parametrize("sentence", [
    "Alder Park Hospital has held on to its good rating.",
    "Alder Park Hospital was rated good by inspectors, the same rating it received in 2019.",
    "Alder Park Hospital has maintained its good rating.",
])
def test_a_level_said_to_be_kept(sentence):
    assert rated(sentence) == {("hospital:2", None, None, "Good", "Good")}


@pytest.mark.parametrize("published", ["¹²³⁴-05", "soon", ""])
def test_a_publication_date_that_is_no_year_is_ignored(published):
    """Regression: a published value of superscript digits passed str.isdigit and broke int()."""
    assert rated("Alder Park Hospital was rated good in 2019.", published) == {
        ("hospital:2", None, None, "Good", None)}


def test_a_relative_clause_with_a_second_level_is_not_an_earlier_one():
    """Regression: "which was graded overall as 'Good', with 'Outstanding' for caring" read good as the earlier
    level of outstanding."""
    text = "Alder Park Hospital, which was graded overall as 'Good', with 'Outstanding' for caring, has a new chief."
    assert rated(text) == {("hospital:2", None, None, "Good", None), ("hospital:2", None, "caring", "Outstanding", None)}


def test_a_fronted_time_two_years_before_publication_gives_earlier_levels():
    text = "In 2016, Alder Park Hospital was rated inadequate. This year it was rated good by the CQC."
    assert rated(text, published="2019-06-01") == {("hospital:2", None, None, "Good", "Inadequate")}


def test_an_inspection_the_year_before_publication_is_the_reported_one():
    text = "Following an inspection in November 2018, Alder Park Hospital was rated good."
    assert rated(text, published="2019-01-10") == {("hospital:2", None, None, "Good", None)}


@pytest.mark.parametrize("sentence, expected", [
    ("Alder Park Hospital has been rated good again for caring.",
     {("hospital:2", None, "caring", "Good", "Good")}),
    ("Maternity at Alder Park Hospital has been rated requires improvement again for responsive.",
     {("hospital:2", "maternity", "responsive", "Requires improvement", "Requires improvement")}),
    ("Alder Park Hospital was rated inadequate once again.",
     {("hospital:2", None, None, "Inadequate", "Inadequate")}),
    # "again" belongs to a later clause, not to the level: no earlier level is stated
    ("Alder Park Hospital was rated good, and the trust said it would again invest in staff.",
     {("hospital:2", None, None, "Good", None)}),
])
def test_again_right_after_the_level_means_the_level_held_before(sentence, expected):
    assert rated(sentence) == expected
