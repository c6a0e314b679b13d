"""People extraction: names apart from honorifics, roles as worded, organisations, kinds, in-article resolution.

Every text here is written for the test; the trusts are invented (so only the pattern of the name finds
them) unless a real one is needed to reach the gazetteer.
"""
from __future__ import annotations

import pytest

from nhskg.ingest.document import analyse
from nhskg.ingest.model import Article

TRUST = "Northshire Valley Hospitals NHS Trust"


def people(text: str) -> dict:
    doc = analyse(Article(source="test", text=text))
    orgs = {o.key: o.name for o in doc.organisations}
    return {p.name: (p.honorific, p.role, orgs.get(p.organisation_key), p.kind, p.qualifier) for p in doc.people}


@pytest.mark.parametrize("text", [
    f"{TRUST} was rated inadequate. Chief executive Jane Doe said staff had worked hard.",
    f"Jane Doe, chief executive of {TRUST}, said staff had worked hard.",
    f"{TRUST}'s chief executive, Jane Doe, said staff had worked hard.",
    f"{TRUST} was rated inadequate. Jane Doe, the trust's chief executive, said staff had worked hard.",
    f"{TRUST} was rated inadequate. Trust chief executive Jane Doe apologised to patients.",
    f"{TRUST} was rated inadequate. \"We accept the findings,\" said Jane Doe, the chief executive.",
    f"Chief Executive of {TRUST}, Jane Doe, said: \"We accept the findings.\"",
])
def test_role_before_or_after_the_name(text):
    assert people(text) == {"Jane Doe": (None, "chief executive", TRUST, "executive", None)}


def test_honorific_apart_and_role_in_a_later_sentence():
    text = (f"{TRUST} has been told to improve. \"We are disappointed,\" said Dr Jane Doe.\n"
            "Dr Doe, who is the trust's medical director, said a plan was in place.")
    assert people(text) == {"Jane Doe": ("Dr", "medical director", TRUST, "executive", None)}


def test_interim_and_acting_are_qualifiers_not_part_of_the_role():
    text = (f"{TRUST} was inspected in May. Interim chief executive Sam Lee said the report was fair. "
            "Acting director of nursing Priya Shah added that staffing had improved.")
    assert people(text) == {
        "Sam Lee": (None, "chief executive", TRUST, "executive", "interim"),
        "Priya Shah": (None, "director of nursing", TRUST, "executive", "acting"),
    }


def test_regulator_staff_are_inspectors_with_every_honorific_kept():
    text = ("Professor Sir John Roe, chief inspector of hospitals at the Care Quality Commission, said the "
            f"trust must improve. {TRUST} accepted the findings. Amy Fox, CQC deputy director of operations "
            "in the North, said: \"We will return.\"")
    assert people(text) == {
        "John Roe": ("Professor Sir", "chief inspector of hospitals", "Care Quality Commission", "inspector", None),
        "Amy Fox": (None, "deputy director of operations in the north", "Care Quality Commission", "inspector", None),
    }


def test_officials_of_bodies_outside_the_article_and_politicians_are_other():
    text = (f"{TRUST} entered special measures after a review led by NHS England medical director "
            "Sir Bruce Wane found failings. Labour MP Sarah Jones said patients deserved better. "
            "Tom Watt, NHS Improvement's national director of quality, agreed.")
    found = people(text)
    assert found["Tom Watt"] == (None, "national director of quality", None, "other", None)
    assert found["Bruce Wane"] == ("Sir", "medical director", None, "other", None)
    assert found["Sarah Jones"] == (None, "mp", None, "other", None)


def test_a_misspelt_surname_and_a_title_with_first_name_resolve_to_one_person():
    text = (f"Michelle Mackintosh, chief executive of {TRUST}, welcomed the report. "
            "Mrs MacIntosh said the trust had changed. Sir Tom Hale, the chairman, agreed. Sir Tom said so.")
    doc = analyse(Article(source="test", text=text))
    by_name = {p.name: p for p in doc.people}
    assert sorted(by_name) == ["Michelle Mackintosh", "Tom Hale"]
    assert by_name["Michelle Mackintosh"].aliases == ["Mrs MacIntosh"]
    assert by_name["Michelle Mackintosh"].honorific == "Mrs"
    assert by_name["Tom Hale"].aliases == ["Sir Tom"]
    assert by_name["Tom Hale"].role == "chairman"


def test_coordinated_roles_go_to_names_in_order():
    text = (f"The Chair and Chief Executive, Ann Bell and Sir Tom Hale, of {TRUST} will lead "
            "Southmoor Community NHS Trust from April.")
    assert people(text) == {
        "Ann Bell": (None, "chair", TRUST, "executive", None),
        "Tom Hale": ("Sir", "chief executive", TRUST, "executive", None),
    }


def test_a_full_name_without_a_cue_counts_once_a_later_mention_says_it_is_a_person():
    text = ("Peter Quill died after he left the ward. Mr Quill had dementia. "
            "Mr Rocket, prosecuting on behalf of the Care Quality Commission, said the death was avoidable. "
            "His daughter Gamora Quill said she was still grieving. His wife, Mantis Quill, was in court.")
    assert people(text) == {
        "Peter Quill": ("Mr", None, None, "other", None),
        "Rocket": ("Mr", "prosecutor", "Care Quality Commission", "other", None),
        "Gamora Quill": (None, None, None, "other", None),
        "Mantis Quill": (None, None, None, "other", None),
    }


def test_page_noise_and_sentence_openers_are_not_people_but_a_byline_is():
    text = ("Hospital Bosses Welcome Report From Watchdog\n"
            "By Jo Bloggs\nBBC News\nImage copyright Getty Images\nImage caption Staff at the hospital\n"
            f"Related Topics\nPut simply, {TRUST} must improve. Both Monday and Tuesday were busy. "
            "Though Overall Feedback was good, Baker said nothing.")
    assert people(text) == {"Jo Bloggs": (None, None, None, "other", None)}  # a byline: a person of kind other


def test_role_words_and_titles_before_the_name_stay_out_of_it():
    text = (f"{TRUST} was rated good. Campaigner Andrew Stone said it was overdue. "
            "Chairman Dr James Brennan said: \"We are pleased.\"")
    assert people(text) == {
        "Andrew Stone": (None, "campaigner", None, "other", None),
        "James Brennan": ("Dr", "chairman", TRUST, "executive", None),
    }


def test_person_evidence_is_the_sentence_of_the_first_mention():
    text = f"{TRUST} was rated good.\nJane Doe, chief executive, said: \"Thank you.\""
    doc = analyse(Article(source="test", text=text))
    ev = doc.people[0].evidence
    assert ev.sentence == text[ev.start:ev.end] == "Jane Doe, chief executive, said: \"Thank you.\""
    assert ev.method == "pattern"


def test_titles_of_public_office_before_a_name_are_roles_not_names():
    text = ("Prime Minister Ann Carter said the NHS was under pressure. Health and Social Care Secretary "
            "Bob Smith said so too. Labour's Cat Jones said no.")
    assert people(text) == {
        "Ann Carter": (None, "prime minister", None, "other", None),
        "Bob Smith": (None, "health and social care secretary", None, "other", None),
        "Cat Jones": (None, None, None, "other", None),
    }


@pytest.mark.parametrize("text, role", [
    (f"{TRUST} was rated good. John O'Brien – chief executive – said the trust would improve.", "chief executive"),
    (f"{TRUST} was rated good. Zoë McDonald (director of finance) said the books balanced.", "director of finance"),
    (f"{TRUST} was rated good. Ann-Marie MacLeod, who became chief nurse in 2019, said staff were tired.",
     "chief nurse"),
])
def test_roles_in_dashes_brackets_and_relative_clauses(text, role):
    [(name, found)] = people(text).items()
    assert found == (None, role, TRUST, "executive", None)
    assert name in ("John O'Brien", "Zoë McDonald", "Ann-Marie MacLeod")


def test_places_after_for_in_from_are_not_people_and_titles_stop_at_an_organisation():
    text = ("Ann Lee, the MP for Newcastle Upon Tyne, said: \"Not good enough.\" Patient Tom Ray, 47, from "
            "Potters Bar, said he waited. Kettering General Hospital NHS Foundation Trust was inspected. "
            "Jo Fry, medical director of Kettering General Hospital NHS Foundation Trust, said sorry.")
    assert people(text) == {
        "Ann Lee": (None, "mp", None, "other", None),
        "Tom Ray": (None, "patient", None, "other", None),
        "Jo Fry": (None, "medical director", "Kettering General Hospital NHS Foundation Trust", "executive", None),
    }


def test_a_title_with_two_ofs_and_a_body_outside_the_article():
    text = (f"{TRUST} was rated good. Professor Jane Doe, director of delivery of development at the National "
            "Health Development Authority, said it was excellent news.")
    assert people(text) == {"Jane Doe": ("Professor", "director of delivery of development", None, "other", None)}


def test_a_reporter_named_for_a_report_is_a_person():
    assert people(f"Watch Jane Doe's report on {TRUST}.") == {"Jane Doe": (None, None, None, "other", None)}


@pytest.mark.parametrize("text, expected", [
    ("Jane Doe, health correspondent, reports on the findings.", (None, "correspondent", None, "other", None)),
    (f"Jane Doe, a governor at {TRUST}, welcomed the report.", (None, "governor", TRUST, "other", None)),
    ("Jane Doe, founder of a patients' group, welcomed the report.", (None, "founder", None, "other", None)),
    (f"Jane Doe, a volunteer at {TRUST}, welcomed the report.", (None, "volunteer", TRUST, "other", None)),
    ("Jane Doe, editor of the local paper, welcomed the report.", (None, "editor", None, "other", None)),
    (f"Jane Doe, a manager at {TRUST}, welcomed the report.", (None, "manager", TRUST, "other", None)),
    ("Jane Doe, a carer, welcomed the report.", (None, "carer", None, "other", None)),
    ("Jane Doe, health reporter, welcomed the report.", (None, "reporter", None, "other", None)),
])
def test_titles_that_are_no_board_post_make_people_of_kind_other(text, expected):
    assert people(text) == {"Jane Doe": expected}


@pytest.mark.parametrize("text, expected", [
    (f"Mr John Roe, prosecuting, told the court {TRUST} had failed patients.", ("Mr", "prosecutor", None, "other", None)),
    (f"John Roe, prosecuting, said {TRUST} had failed patients.", (None, "prosecutor", None, "other", None)),
    (f"John Roe, prosecuting for the Health and Safety Executive, said {TRUST} had failed patients.",
     (None, "prosecutor", None, "other", None)),
])
def test_prosecuting_in_apposition_is_a_prosecutor_with_or_without_the_body(text, expected):
    assert people(text)["John Roe"] == expected
