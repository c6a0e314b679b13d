"""Mental-health, community and ambulance core services: the text's words, rated at the trust (invented names)."""
from __future__ import annotations

import pytest

from events_kit import make_doc
from nhskg.ingest.iris import NHSKG
from nhskg.ingest.model import Facts
from nhskg.ingest.ratings import find_ratings
from nhskg.ingest.rdf import to_graph
from nhskg.ingest.vocab import scheme
from ratings_kit import rated


@pytest.mark.parametrize("words", [
    "acute wards for adults of working age and psychiatric intensive care units",
    "acute wards and psychiatric intensive care units",
    "wards for people with a learning disability or autism",
    "community-based mental health services for adults of working age",
    "mental health crisis services and health-based places of safety",
    "community health inpatient services",
    "community services for children and young people",
    "emergency and urgent care",
    "emergency operations centre",
    "patient transport services",
    "nhs 111",
])
def test_a_non_acute_core_service_keeps_the_texts_words(words):
    text = f"Northmoor Valley NHS Trust's {words} were rated requires improvement by the CQC."
    assert rated(text) == {("trust:1", words, None, "Requires improvement", None)}


@pytest.mark.parametrize("words", ["community services", "mental health services", "ambulance services",
                                   "community health services"])
def test_a_group_of_services_rated_as_a_subject(words):
    text = f"Overall, the trust was rated inadequate. Its {words} were rated requires improvement."
    assert rated(text) == {("trust:1", None, None, "Inadequate", None),
                           ("trust:1", words, None, "Requires improvement", None)}


def test_an_acute_service_keeps_the_cqc_name():
    assert rated("A&E at Alder Park Hospital was rated inadequate.") == {
        ("hospital:2", "urgent and emergency care", None, "Inadequate", None)}


def test_the_fullest_wording_names_the_service_throughout():
    text = ("The CQC inspected acute wards for adults of working age and psychiatric intensive care units at "
            "Northmoor Valley NHS Trust. The overall rating for acute wards for adults of working age and PICUs "
            "has dropped from good to inadequate.")
    assert rated(text) == {("trust:1", "acute wards for adults of working age and psychiatric intensive care units",
                            None, "Inadequate", "Good")}


def test_the_service_stands_for_the_service_named_before():
    text = ("Inspectors visited the trust's mental health crisis services in March. "
            "The service's overall rating moved from inadequate to requires improvement, as did its rating for safe.")
    words = "mental health crisis services"
    assert rated(text) == {("trust:1", words, None, "Requires improvement", "Inadequate"),
                           ("trust:1", words, "safe", "Requires improvement", "Inadequate")}


def test_a_mental_health_trust_is_not_a_rating_of_mental_health_services():
    assert rated("Northmoor Valley, a mental health trust, has been rated good by the CQC.") == {
        ("trust:1", None, None, "Good", None)}


def test_services_after_the_level_describe_the_trust():
    text = "The trust was rated inadequate on mental health services being safe."
    assert rated(text) == {("trust:1", None, "safe", "Inadequate", None)}


def _graph(text: str):
    doc = make_doc(text)
    facts = Facts(doc.article, organisations=doc.organisations, ratings=find_ratings(doc))
    return to_graph(facts)[1]


def test_rdf_keeps_the_words_and_links_the_concept():
    g = _graph("Northmoor Valley NHS Trust's acute wards and psychiatric intensive care units were rated good.")
    node = next(g.subjects(NHSKG.ratingLevel, None))
    assert str(g.value(node, NHSKG.serviceInText)) == "acute wards and psychiatric intensive care units"
    assert g.value(node, NHSKG.coreService) == scheme("core-service").iri(
        "acute wards for adults of working age and psychiatric intensive care units")


def test_rdf_keeps_a_group_of_services_without_a_concept():
    g = _graph("Overall, the trust was rated inadequate. Its ambulance services were rated requires improvement.")
    words = {str(o) for o in g.objects(None, NHSKG.serviceInText)}
    assert words == {"ambulance services"}
    assert len(list(g.objects(None, NHSKG.coreService))) == 0


def test_rdf_gives_an_acute_service_its_concept_only():
    g = _graph("Maternity services at Alder Park Hospital were rated good.")
    assert list(g.objects(None, NHSKG.serviceInText)) == []
    assert list(g.objects(None, NHSKG.coreService)) == [scheme("core-service").iri("maternity")]


def test_these_services_stand_for_the_services_named_before():
    text = ("At Northmoor Valley NHS Trust there were concerns about forensic inpatient wards and crisis services. "
            "These services kept their previous rating of inadequate.")
    assert rated(text) == {("trust:1", "forensic inpatient wards", None, "Inadequate", "Inadequate"),
                           ("trust:1", "crisis services", None, "Inadequate", "Inadequate")}


def test_a_service_named_in_passing_is_no_topic():
    """Regression: 'the worst A&E waits' made the next sentence's hospital rating an A&E rating."""
    text = ("Alder Park Hospital has some of the worst A&E waiting times in the country. "
            "Alder Park Hospital has moved from an inadequate rating to requires improvement.")
    assert rated(text) == {("hospital:2", None, None, "Requires improvement", "Inadequate")}


def test_an_apostrophe_in_a_service_name():
    assert rated("Children's services at Alder Park Hospital are still rated as requiring improvement.") == {
        ("hospital:2", "services for children and young people", None, "Requires improvement",
         "Requires improvement")}


@pytest.mark.parametrize("words", ["psychiatric intensive care unit", "end of life care services in the community",
                                   "older people's mental health inpatient wards"])
def test_a_mental_health_or_community_wording_inside_an_acute_one_is_not_the_acute_service(words):
    """'intensive care' and 'end of life care' are acute services, but not inside these wordings."""
    text = f"Northmoor Valley NHS Trust's {words} was rated inadequate."
    assert rated(text) == {("trust:1", words, None, "Inadequate", None)}


def test_the_care_given_names_the_caring_question():
    text = ("Northmoor Valley NHS Trust was awarded an overall rating of 'good' with an 'outstanding' level of "
            "patient care.")
    assert rated(text) == {("trust:1", None, None, "Good", None), ("trust:1", None, "caring", "Outstanding", None)}


def test_the_care_provided_by_staff_is_the_caring_question():
    text = "Northmoor Valley NHS Trust was inspected in May. The care provided by staff was rated as good by the regulator."
    assert rated(text) == {("trust:1", None, "caring", "Good", None)}


def test_patient_care_alone_is_not_a_key_question():
    text = "Alder Park Hospital was rated inadequate after inspectors raised concerns about patient care."
    assert rated(text) == {("hospital:2", None, None, "Inadequate", None)}
