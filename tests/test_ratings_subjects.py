"""Several subjects in one passage: what each rating is about (invented trusts and hospitals)."""
from __future__ import annotations

from events_kit import ALDER, TRUST, UNIT
from ratings_kit import rated


def test_a_paragraph_moving_from_the_trust_to_each_hospital():
    text = ("Northmoor Valley NHS Trust was rated requires improvement overall. "
            "Alder Park Hospital was rated good. Beckside General Hospital was rated inadequate.")
    assert rated(text) == {("trust:1", None, None, "Requires improvement", None),
                           ("hospital:2", None, None, "Good", None), ("hospital:3", None, None, "Inadequate", None)}


def test_a_service_rating_goes_to_the_hospital_the_sentence_is_about():
    text = ("Northmoor Valley NHS Trust was rated good. At Beckside General Hospital, inspectors found problems. "
            "Surgery there was rated requires improvement.")
    assert rated(text) == {("trust:1", None, None, "Good", None),
                           ("hospital:3", "surgery", None, "Requires improvement", None)}


def test_both_hospitals_means_each_of_the_trusts_sites():
    text = "Maternity services at both hospitals were rated inadequate."
    assert rated(text) == {("hospital:2", "maternity", None, "Inadequate", None),
                           ("hospital:3", "maternity", None, "Inadequate", None)}


def test_a_table_of_ratings_written_as_prose():
    text = ("Alder Park Hospital: urgent and emergency care was rated good, medical care was rated requires "
            "improvement and surgery was rated inadequate.")
    assert rated(text) == {("hospital:2", "urgent and emergency care", None, "Good", None),
                           ("hospital:2", "medical care", None, "Requires improvement", None),
                           ("hospital:2", "surgery", None, "Inadequate", None)}


def test_the_trusts_community_services_listed_with_a_hospital():
    text = "Alder Park Hospital and the trust's community services were rated good."
    assert rated(text) == {("hospital:2", None, None, "Good", None),
                           ("trust:1", "community services", None, "Good", None)}


def test_community_services_at_the_end_of_a_list_of_hospitals():
    text = "Alder Park Hospital, Beckside General Hospital and the community services were rated as outstanding."
    assert rated(text) == {("hospital:2", None, None, "Outstanding", None),
                           ("hospital:3", None, None, "Outstanding", None),
                           ("trust:1", "community services", None, "Outstanding", None)}


def test_the_trust_in_charge_of_a_hospital_is_what_is_rated():
    text = "The trust in charge of Alder Park Hospital has had its maternity services rated inadequate."
    assert rated(text) == {("trust:1", "maternity", None, "Inadequate", None)}


def test_the_trust_responsible_for_a_hospital_is_what_is_rated():
    text = "Northmoor Valley NHS Trust, which is responsible for Alder Park Hospital, was rated outstanding for caring."
    assert rated(text) == {("trust:1", None, "caring", "Outstanding", None)}


def test_a_mental_health_service_at_a_hospital_is_rated_at_the_trust():
    """The CQC rates mental-health and community core services at the provider, not at each site."""
    text = "Psychiatric intensive care units at Alder Park Hospital were rated inadequate."
    assert rated(text) == {("trust:1", "psychiatric intensive care units", None, "Inadequate", None)}


def test_a_site_with_a_service_word_in_its_name_is_the_subject():
    text = "Hollin Vale Maternity Unit was rated good, while Alder Park Hospital was rated requires improvement."
    assert rated(text, orgs=(TRUST, ALDER, UNIT)) == {("hospital:5", None, None, "Good", None),
                                                     ("hospital:2", None, None, "Requires improvement", None)}


def test_the_subject_of_a_later_sentence_is_the_last_one_rated():
    text = ("Beckside General Hospital was rated inadequate. "
            "It was rated inadequate for being safe and requires improvement for being caring.")
    assert rated(text) == {("hospital:3", None, None, "Inadequate", None),
                           ("hospital:3", None, "safe", "Inadequate", None),
                           ("hospital:3", None, "caring", "Requires improvement", None)}


def test_a_group_of_services_describing_a_trust_is_no_rating_of_them():
    text = "The trust, which runs community services across the county, was rated good."
    assert rated(text) == {("trust:1", None, None, "Good", None)}


def test_with_ratings_for_questions_goes_on_about_the_service():
    text = ("Maternity services at Alder Park Hospital are now rated as 'good' overall, with individual 'good' "
            "ratings for leadership and safety.")
    assert rated(text) == {("hospital:2", "maternity", None, "Good", None),
                           ("hospital:2", "maternity", "well-led", "Good", None),
                           ("hospital:2", "maternity", "safe", "Good", None)}


def test_a_service_at_a_named_site_in_a_sentence_about_the_hospitals():
    text = ("Medical care at Alder Park Hospital improved from inadequate to good, while maternity services at "
            "the hospitals were rated requires improvement.")
    assert rated(text) == {("hospital:2", "medical care", None, "Good", "Inadequate"),
                           ("hospital:2", "maternity", None, "Requires improvement", None),
                           ("hospital:3", "maternity", None, "Requires improvement", None)}


def test_a_service_at_two_named_sites():
    text = "Urgent and emergency services at Alder Park Hospital and Beckside General Hospital have been rated good."
    assert rated(text) == {("hospital:2", "urgent and emergency care", None, "Good", None),
                           ("hospital:3", "urgent and emergency care", None, "Good", None)}


def test_both_hospitals_in_an_aside_about_the_trust():
    text = ("Alder Park Hospital was rated good. Northmoor Valley NHS Trust - the managing body for both hospitals - "
            "was awarded an overall rating of 'requires improvement'.")
    assert rated(text) == {("hospital:2", None, None, "Good", None),
                           ("trust:1", None, None, "Requires improvement", None)}


def test_a_headline_service_rating_is_the_one_the_text_places_at_a_site():
    text = ("Maternity services rated inadequate by watchdog\n"
            "Maternity services at Alder Park Hospital have been rated inadequate by the CQC.")
    assert rated(text) == {("hospital:2", "maternity", None, "Inadequate", None)}
