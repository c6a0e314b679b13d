"""Enforcement (warning notices, conditions, requirement notices, prosecutions): the trust acted against.

Sentences written for the test, about invented trusts and hospitals (events_kit).
"""
from __future__ import annotations

import pytest

from events_kit import ALDER, BECK, OTHER, TRUST, make_doc
from nhskg.ingest.regulation import find_enforcement

ALL = (TRUST, ALDER, BECK, OTHER)


def actions(text, orgs=ALL):
    return {(e.trust_key, e.kind) for e in find_enforcement(make_doc(text, None, orgs))}


def test_each_trust_of_a_list_is_acted_against():
    assert actions("The CQC issued Northmoor Valley NHS Trust and Southfield Coast NHS Foundation Trust with "
                   "warning notices.") == {("trust:1", "section 29A warning notice"),
                                           ("trust:4", "section 29A warning notice")}


def test_the_recipient_after_to_beats_a_name_earlier_in_the_sentence():
    assert actions("Southfield Coast NHS Foundation Trust's chief executive said the CQC had served a warning notice "
                   "to Northmoor Valley NHS Trust.") == {("trust:1", "section 29A warning notice")}


@pytest.mark.parametrize("text,kind", [
    ("Inspectors at Alder Park Hospital issued a section 29A warning notice.", "section 29A warning notice"),
    ("The CQC imposed conditions on the registration of Beckside General Hospital.", "section 31 conditions"),
    ("Requirement notices were issued to Alder Park Hospital over staffing.", "requirement notice"),
])
def test_a_hospital_stands_for_its_trust(text, kind):
    assert actions(text) == {("trust:1", kind)}


def test_conditions_on_another_trusts_registration():
    assert actions("Northmoor Valley NHS Trust was rated good, and the CQC imposed conditions on the registration "
                   "of Southfield Coast NHS Foundation Trust.") == {("trust:4", "section 31 conditions")}


@pytest.mark.parametrize("text", [
    "Northmoor Valley NHS Trust could face prosecution if it fails to improve.",
    "Northmoor Valley NHS Trust has not been issued with a warning notice.",
])
def test_hedged_or_negated_enforcement_is_no_action(text):
    assert actions(text) == set()


@pytest.mark.parametrize("text,kind", [
    ("After the visit the CQC issued a warning to Northmoor Valley NHS Trust over its wards.",
     "section 29A warning notice"),
    ("Urgent conditions have been placed on the trust's registration.", "section 31 conditions"),
    ("Northmoor Valley NHS Trust has been fined a record £90,000 after a fall.", "prosecution"),
])
def test_enforcement_wordings_without_the_statutory_name(text, kind):
    assert actions(text) == {("trust:1", kind)}


def test_trusts_listed_after_include_are_each_acted_against():
    assert actions("Trusts prosecuted by the regulator include Northmoor Valley NHS Trust and Southfield Coast NHS "
                   "Foundation Trust.") == {("trust:1", "prosecution"), ("trust:4", "prosecution")}


def test_conditions_the_trust_is_asked_to_review_are_still_its_conditions():
    assert actions("The CQC has asked the trust to review its section 31 conditions.") == {
        ("trust:1", "section 31 conditions")}


def test_enforcement_against_unnamed_trusts_is_not_the_story_trusts():
    assert actions("Northmoor Valley NHS Trust was rated good. The CQC has brought prosecutions against several "
                   "trusts in recent years.") == set()


def test_an_unnamed_plural_earlier_in_the_sentence_does_not_hide_the_story_trust():
    assert actions("Northmoor Valley NHS Trust was rated good. After inspecting its hospitals, the CQC issued a "
                   "warning notice.") == {("trust:1", "section 29A warning notice")}


@pytest.mark.parametrize("text", [
    "Northmoor Valley NHS Trust has issued a warning to patients to stay away from A&E unless it is an emergency.",
    "After a CQC inspection, the trust issued a warning to patients about long waits.",
    "Alder Park Hospital has given a warning to visitors about parking.",
    "The CQC has issued a warning to the public about fake inspectors.",
])
def test_a_warning_the_regulator_does_not_give_is_no_notice(text):
    assert actions(text) == set()


@pytest.mark.parametrize("text", [
    "The CQC has today issued Northmoor Valley NHS Trust with a formal warning.",
    "Inspectors served a warning on Northmoor Valley NHS Trust over staffing.",
    "Northmoor Valley NHS Trust was given a formal warning by the Care Quality Commission.",
    "The watchdog issued a warning notice to Northmoor Valley NHS Trust.",
])
def test_a_warning_the_regulator_gives_is_the_notice(text):
    assert actions(text) == {("trust:1", "section 29A warning notice")}


@pytest.mark.parametrize("text", [
    "Northmoor Valley NHS Trust was fined a whopping £1.2m after a patient died.",
    "Northmoor Valley NHS Trust was fined an unprecedented £1.2m after a patient died.",
    "Northmoor Valley NHS Trust has been fined £400,000 over a death on a ward.",
    "Northmoor Valley NHS Trust was fined half a million pounds after the death.",
    "Northmoor Valley NHS Trust was ordered to pay £150,000 after being sentenced at crown court.",
])
def test_a_fine_or_a_criminal_courts_order_to_pay_is_a_prosecution(text):
    assert actions(text) == {("trust:1", "prosecution")}


@pytest.mark.parametrize("text", [
    "Northmoor Valley NHS Trust was fined £2m by commissioners for missing waiting time targets.",
    "Northmoor Valley NHS Trust was ordered to pay £20,000 to a nurse by an employment tribunal.",
    "Northmoor Valley NHS Trust was fined for the second time this year.",
])
def test_a_contract_fine_or_a_tribunal_award_is_no_prosecution(text):
    assert actions(text) == set()


def test_trusts_listed_after_a_plural_recipient_are_acted_against():
    assert actions("The CQC has brought prosecutions against several trusts, including Southfield Coast NHS "
                   "Foundation Trust.") == {("trust:4", "prosecution")}
