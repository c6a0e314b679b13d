"""Levels that are not ratings of the story's trust or hospitals: other providers and raters, other trusts
unnamed, descriptions (invented trusts and hospitals). Each sentence follows one naming a hospital, so a level
wrongly read would be given to the hospital the text is about."""
from __future__ import annotations

from events_kit import ALDER, OTHER, TRUST
from ratings_kit import rated

_RATED = "Inspectors from the CQC visited Alder Park Hospital in May. "
_BASE: set = set()


def test_a_care_home_rated_by_the_cqc_is_not_the_hospital():
    assert rated(_RATED + "Elm Lodge care home in the village was rated good by the Care Quality Commission.") == _BASE


def test_a_gp_practice_run_by_the_trust_is_not_the_trust():
    assert rated(_RATED + "A GP practice run by the trust was rated outstanding by the CQC.") == _BASE


def test_a_gp_surgery_at_a_hospital_is_not_the_hospital():
    assert rated(_RATED + "A GP surgery at Alder Park Hospital was rated good by the CQC.") == _BASE


def test_a_hospice_in_another_clause_keeps_the_hospitals_own_rating():
    text = "Alder Park Hospital's maternity unit was rated good, while the hospice next door was rated outstanding."
    assert rated(text) == {("hospital:2", "maternity", None, "Good", None)}


def test_a_trust_running_gp_practices_is_still_rated():
    text = "Northmoor Valley NHS Trust, which also runs 12 GP practices, was rated good by the CQC."
    assert rated(text) == {("trust:1", None, None, "Good", None)}


def test_a_rating_given_by_patients_is_not_a_cqc_rating():
    assert rated(_RATED + "The hospital received a good rating from patients in a survey by the local paper.") == _BASE


def test_a_food_hygiene_rating_is_not_a_cqc_rating():
    assert rated(_RATED + "The trust's food hygiene rating was good, according to the council.") == _BASE


def test_good_improvement_is_not_a_level():
    assert rated(_RATED + "The CQC said there had been good improvement in the emergency department.") == _BASE


def test_good_to_see_is_not_a_level():
    assert rated(_RATED + "The trust said it was good to see the CQC recognise the work of staff.") == _BASE


def test_required_improvement_to_be_effective_is_still_a_rating():
    text = "Inspectors found that the trust required improvement to be effective."
    assert rated(text) == {("trust:1", None, "effective", "Requires improvement", None)}


def test_a_quoted_phrase_is_not_a_quoted_level():
    assert rated(_RATED + "Call handlers were praised for their 'outstanding professionalism'.") == _BASE


def test_a_plain_predicate_is_not_a_rating():
    assert rated(_RATED + "Patients told inspectors that the food was good and the staff were caring.") == _BASE


def test_a_hospital_rated_outstanding_elsewhere_is_not_the_story_hospital():
    text = _RATED + "The trust's chief executive, who led a hospital rated outstanding in Yorkshire, started in May."
    assert rated(text) == _BASE


def test_a_hospital_said_to_be_a_hospital_rated_good_is_rated():
    assert rated("Alder Park Hospital is a hospital rated good by the CQC.") == {("hospital:2", None, None, "Good", None)}


def test_a_key_question_in_a_reported_clause_is_not_the_later_levels():
    text = "Inspectors found staff were caring and kind, and the CQC said Alder Park Hospital was rated good."
    assert rated(text) == {("hospital:2", None, None, "Good", None)}


def test_a_service_before_a_though_clause_is_not_rated_by_it():
    text = "Unions said the control room was understaffed, though the CQC rated Northmoor Valley NHS Trust good."
    assert rated(text) == {("trust:1", None, None, "Good", None)}


def test_the_ambulance_service_is_the_trust_not_a_core_service():
    text = "Northmoor Valley NHS Trust was inspected in May. The ambulance service was rated good for caring."
    assert rated(text) == {("trust:1", None, "caring", "Good", None)}


def test_whether_it_was_safe_still_names_the_key_question():
    text = "Northmoor Valley NHS Trust was rated requires improvement regarding whether it was safe."
    assert rated(text) == {("trust:1", None, "safe", "Requires improvement", None)}


def test_a_level_worked_towards_is_not_given():
    text = 'Alder Park Hospital was inspected in May. A spokesperson said: "We are working hard to be rated good."'
    assert rated(text) == _BASE


def test_the_first_hospital_to_be_rated_outstanding_is_rated():
    text = "Alder Park Hospital is the first in the county to be rated outstanding by the CQC."
    assert rated(text) == {("hospital:2", None, None, "Outstanding", None)}


def test_continues_to_be_rated_is_a_rating():
    text = "Inspectors visited the trust, which continues to be rated as requires improvement."
    assert rated(text) == {("trust:1", None, None, "Requires improvement", "Requires improvement")}


def test_a_hospital_named_in_a_relative_clause_is_not_the_subject():
    text = ("The CQC rated Northmoor Valley NHS Trust good. Beckside General Hospital, which takes patients from "
            "Alder Park Hospital, was rated inadequate.")
    assert rated(text) == {("trust:1", None, None, "Good", None), ("hospital:3", None, None, "Inadequate", None)}


def test_a_level_given_by_another_body_is_not_a_cqc_rating():
    assert rated(_RATED + "The trust has been rated requires improvement by NHS England for its finances.") == _BASE


def test_a_level_given_by_a_team_of_inspectors_is_a_rating():
    text = "Alder Park Hospital was rated good by a team of inspectors."
    assert rated(text) == {("hospital:2", None, None, "Good", None)}


def test_a_person_rated_by_colleagues_is_not_the_hospital():
    assert rated(_RATED + "Mr Smith, who was rated outstanding as a surgeon, retired last year.") == _BASE


def test_a_service_after_but_is_not_rated_by_the_level_before():
    text = "Alder Park Hospital is rated good by the CQC, but its A&E is under pressure."
    assert rated(text) == {("hospital:2", None, None, "Good", None)}


def test_a_title_case_headline_is_not_a_capitalised_rating():
    assert rated("Alder Park Hospital Celebrates Good Friday Service\n\nThe chaplaincy held a service.") == _BASE


def test_a_capitalised_level_before_a_noun_is_an_adjective():
    text = "Northmoor Valley NHS Trust said its staff had shown Outstanding commitment during the winter."
    assert rated(text) == _BASE


def test_a_capitalised_level_in_a_rating_is_kept():
    text = "Northmoor Valley NHS Trust is now rated Good overall."
    assert rated(text) == {("trust:1", None, None, "Good", None)}


def test_as_good_as_any_is_a_comparison():
    assert rated(_RATED + "Inspectors found the emergency department was as good as any in the country.") == _BASE


def test_a_level_for_something_else_than_a_key_question_is_not_a_rating():
    assert rated(_RATED + "The CQC rated the ward as good for cleanliness.") == _BASE


def test_a_level_for_providing_services_is_a_rating():
    text = "Northmoor Valley NHS Trust has been rated good for providing services that are caring."
    assert rated(text) == {("trust:1", None, "caring", "Good", None)}


def test_services_run_by_a_named_trust_are_that_trusts():
    text = ("Northmoor Valley NHS Trust runs Alder Park Hospital. Mental health wards in the area, run by "
            "Southfield Coast NHS Foundation Trust, were rated inadequate.")
    assert rated(text, orgs=(TRUST, ALDER, OTHER)) == {("trust:4", "mental health wards", None, "Inadequate", None)}
