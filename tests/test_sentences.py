"""Sentence spans: lines are sentences' outer bounds, except lines wrapped inside a sentence (print layouts,
copied PDFs). Every text is written for the test."""
from __future__ import annotations

import pytest

from nhskg.ingest.sentences import sentence_spans


def sentences(text: str) -> list[str]:
    return [" ".join(text[s:e].split()) for s, e in sentence_spans(text)]


@pytest.mark.parametrize("text, expected", [
    # the next line opens in lower case: the sentence goes on
    ("Maternity at Alder Park Hospital was rated requires\nimprovement for safe. The trust said it would act.",
     ["Maternity at Alder Park Hospital was rated requires improvement for safe.", "The trust said it would act."]),
    # the line ends on a word no sentence ends on
    ("Inspectors visited Northmoor Valley NHS Trust in\nMarch 2024. They found too few staff.",
     ["Inspectors visited Northmoor Valley NHS Trust in March 2024.", "They found too few staff."]),
    ("The services at Alder Park Hospital have been\nRated good by the CQC.",
     ["The services at Alder Park Hospital have been Rated good by the CQC."]),
    ("Staff at the hospital,\nInspectors said, were kind.", ["Staff at the hospital, Inspectors said, were kind."]),
    # three wrapped lines, then a new paragraph
    ("The trust, which runs Alder Park and\nBeckside hospitals, was\ninspected in May.\nThe report is out.",
     ["The trust, which runs Alder Park and Beckside hospitals, was inspected in May.", "The report is out."]),
])
def test_lines_wrapped_inside_a_sentence_are_one_sentence(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a headline above the body stays a sentence of its own
    ("Alder Park Hospital rated good\nThe Care Quality Commission has rated the hospital good.",
     ["Alder Park Hospital rated good", "The Care Quality Commission has rated the hospital good."]),
    # a line that ends a sentence
    ("The trust was rated good.\nIt had been inadequate.", ["The trust was rated good.", "It had been inadequate."]),
    # list items start afresh even after an open line
    ("Inspectors found that:\n- staff were kind and\n- wards were clean", ["Inspectors found that:",
                                                                         "- staff were kind and", "- wards were clean"]),
    # a blank line always ends a paragraph
    ("The hospital was rated\n\nrequires improvement.", ["The hospital was rated", "requires improvement."]),
    # a byline or caption line with a capitalised next line
    ("By Jo Bloggs\nNorthmoor Valley NHS Trust was rated good.", ["By Jo Bloggs", "Northmoor Valley NHS Trust was rated good."]),
])
def test_lines_that_end_a_sentence_or_a_paragraph_stay_apart(text, expected):
    assert sentences(text) == expected


def test_spans_point_into_the_original_text():
    text = "Alder Park Hospital was rated requires\nimprovement. Beckside was rated good."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Alder Park Hospital was rated requires\nimprovement.", "Beckside was rated good."]
