"""Special measures as news words them: in, out, recommended, hedged, and whose they are.

Every sentence here is written for the test, about invented trusts and hospitals (events_kit).
"""
from __future__ import annotations

import pytest

from events_kit import ALDER, BECK, OTHER, TRUST, make_doc
from nhskg.ingest.resolve import REF_RE
from nhskg.ingest.special_measures import find_special_measures

ALL = (TRUST, ALDER, BECK, OTHER)


def measures(text, published=None, orgs=ALL):
    return {(s.trust_key, s.status, s.date) for s in find_special_measures(make_doc(text, published, orgs))}


def measures_linking_refs(text):
    """As the organisation finder links them, every lone "trust" or "the trust" not inside a name is the
    story's trust ("worked at a trust in special measures" holds a trust mention)."""
    doc = make_doc(text, None, ALL)
    named = [(s, e) for s, e, _k in doc.org_mentions]
    refs = [(m.start(), m.end(), TRUST.key) for m in REF_RE.finditer(text)
            if not any(s < m.end() and m.start() < e for s, e in named)]
    doc.org_mentions = sorted(doc.org_mentions + refs)
    return {(s.trust_key, s.status, s.date) for s in find_special_measures(doc)}


@pytest.mark.parametrize("text", [
    "Northmoor Valley NHS Trust has been taken out of special measures.",
    "The regulator took Northmoor Valley NHS Trust out of special measures on Tuesday.",
    "Northmoor Valley NHS Trust left special measures last year.",
    "Northmoor Valley NHS Trust is no longer in special measures.",
    "Special measures at Northmoor Valley NHS Trust have been lifted.",
    "Northmoor Valley NHS Trust became the first trust to exit special measures twice.",
    "Northmoor Valley NHS Trust is set to come out of special measures.",
    "Northmoor Valley NHS Trust's special measures status was removed.",
    "The trust has finally emerged from special measures.",
])
def test_ways_out_of_special_measures(text):
    assert measures(text) == {("trust:1", "out", None)}


@pytest.mark.parametrize("text,status", [
    ("Northmoor Valley NHS Trust went into special measures.", "placed"),
    ("Northmoor Valley NHS Trust has re-entered special measures.", "placed"),
    ("Northmoor Valley NHS Trust was put back into special measures last month.", "placed"),
    ('Northmoor Valley NHS Trust remains in "special measures".', "remains"),
    ("Northmoor Valley NHS Trust had been in special measures for three years.", "remains"),
    ("Northmoor Valley NHS Trust is still under special measures.", "remains"),
    ("Alder Park Hospital, in special measures for a year, has a new matron.", "remains"),
])
def test_ways_into_and_staying_in_special_measures(text, status):
    assert measures(text) == {("trust:1", status, None)}


@pytest.mark.parametrize("text", [
    "The chief inspector recommended Northmoor Valley NHS Trust for special measures.",
    "The chief inspector recommended that Northmoor Valley NHS Trust, which runs Alder Park Hospital, "
    "should be placed into special measures.",
    "The regulator is now recommending that Northmoor Valley NHS Trust should go into special measures.",
    "Inspectors made a recommendation of special measures for Northmoor Valley NHS Trust.",
    "Northmoor Valley NHS Trust, rated inadequate last week, has been recommended for special measures.",
])
def test_a_recommendation_to_go_into_special_measures(text):
    assert measures(text) == {("trust:1", "recommended", None)}


@pytest.mark.parametrize("text,status", [
    ("Inspectors have recommended that Northmoor Valley NHS Trust stays in special measures for now.", "remains"),
    ("Inspectors have recommended that the trust now comes out of special measures.", "out"),
    ("The regulator has recommended Northmoor Valley NHS Trust be taken out of special measures.", "out"),
])
def test_a_recommendation_about_a_trust_already_in_counts_as_where_it_is(text, status):
    assert measures(text) == {("trust:1", status, None)}


def test_placed_on_a_recommendation_is_both():
    assert measures("Northmoor Valley NHS Trust has been placed into special measures on the recommendation "
                    "of the chief inspector.") == {("trust:1", "placed", None), ("trust:1", "recommended", None)}


def test_the_decision_a_few_sentences_on_follows_a_recommendation():
    text = ("Northmoor Valley NHS Trust was placed into special measures. Inspectors found poor care on two wards. "
            "That step came after a recommendation by the regulator.")
    assert measures(text) == {("trust:1", "placed", None), ("trust:1", "recommended", None)}


@pytest.mark.parametrize("text,expected", [
    ("Northmoor Valley NHS Trust was placed in special measures in 2016 and came out in 2018.",
     {("trust:1", "placed", "2016"), ("trust:1", "out", "2018")}),
    ("Northmoor Valley NHS Trust was rated inadequate and put into special measures in October 2013, before being "
     "taken out in 2015.", {("trust:1", "placed", "2013-10"), ("trust:1", "out", "2015")}),
    ("Northmoor Valley NHS Trust was in special measures until May 2017.",
     {("trust:1", "placed", None), ("trust:1", "out", None)}),
    ("Northmoor Valley NHS Trust exited special measures in March 2018.", {("trust:1", "out", "2018-03")}),
    ("Northmoor Valley NHS Trust has been in special measures since 2016, the report said.",
     {("trust:1", "remains", "2016")}),
])
def test_a_spell_in_special_measures_gives_each_end_with_its_date(text, expected):
    assert measures(text) == expected


@pytest.mark.parametrize("text", [
    "Northmoor Valley NHS Trust could face special measures.",
    "Northmoor Valley NHS Trust narrowly avoided special measures.",
    "Northmoor Valley NHS Trust avoided being placed in special measures.",
    "Northmoor Valley NHS Trust is at risk of being placed in special measures.",
    "Northmoor Valley NHS Trust was never in special measures.",
    "Northmoor Valley NHS Trust has not been placed in special measures.",
    "The trust hopes to exit special measures next year.",
    "Managers are working with the trust to help staff improve care and exit special measures quickly.",
    "The CQC said it did not recommend special measures for Northmoor Valley NHS Trust.",
    "Inspectors stopped short of recommending special measures for Northmoor Valley NHS Trust.",
    "The regulator decided against placing Northmoor Valley NHS Trust in special measures.",
    "The regulator ruled out placing Northmoor Valley NHS Trust in special measures.",
])
def test_hedged_or_negated_statements_say_nothing(text):
    assert measures(text) == set()


@pytest.mark.parametrize("text", [
    "Northmoor Valley NHS Trust and Southfield Coast NHS Foundation Trust were placed in special measures.",
    "The CQC placed Northmoor Valley NHS Trust and Southfield Coast NHS Foundation Trust into special measures.",
    "The following were placed in special measures: Northmoor Valley NHS Trust and Southfield Coast NHS "
    "Foundation Trust.",
    "Southfield Coast NHS Foundation Trust, Alder Park Hospital and Beckside General Hospital were placed in "
    "special measures.",
    "Northmoor Valley NHS Trust, like Southfield Coast NHS Foundation Trust, was placed in special measures.",
])
def test_a_list_of_trusts_gives_one_fact_each(text):
    assert measures(text) == {("trust:1", "placed", None), ("trust:4", "placed", None)}


def test_bulleted_list_after_a_colon():
    text = ("Those placed in special measures are:\n\n  • Northmoor Valley NHS Trust\n  • A trust nobody named\n"
            "  • Southfield Coast NHS Foundation Trust\n\nThe CQC said more work was needed.")
    assert measures(text) == {("trust:1", "placed", None), ("trust:4", "placed", None)}


@pytest.mark.parametrize("text,expected", [
    ("Unlike Southfield Coast NHS Foundation Trust, which remains in special measures, Northmoor Valley NHS Trust "
     "is rated good.", {("trust:4", "remains", None)}),
    ("Unlike Southfield Coast NHS Foundation Trust, Northmoor Valley NHS Trust was placed into special measures.",
     {("trust:1", "placed", None)}),
    ("Northmoor Valley NHS Trust has been placed in special measures; Southfield Coast NHS Foundation Trust has "
     "come out of special measures.", {("trust:1", "placed", None), ("trust:4", "out", None)}),
])
def test_a_trust_given_for_comparison_keeps_its_own_status(text, expected):
    assert measures(text) == expected


def test_the_trust_is_the_story_trust_not_the_partner_named_just_before():
    text = ("Northmoor Valley NHS Trust was rated good. Northmoor Valley NHS Trust thanked its partner, Southfield "
            "Coast NHS Foundation Trust. The trust has come out of special measures.")
    doc = make_doc(text, None, ALL)
    partner = text.index("Southfield")
    # as the organisation finder links it: "the trust" after a trust is named is that trust
    doc.org_mentions = sorted([m for m in doc.org_mentions if m[0] != text.index("The trust")]
                              + [(text.index("The trust"), text.index("The trust") + 9, "trust:4")])
    assert partner < text.index("The trust")
    assert {(s.trust_key, s.status) for s in find_special_measures(doc)} == {("trust:1", "out")}


@pytest.mark.parametrize("text", [
    "Trusts in special measures receive extra support from the regulator.",
    "The regulator placed two other trusts into special measures.",
])
def test_unnamed_trusts_are_not_the_story_trust(text):
    assert measures("Northmoor Valley NHS Trust was rated good. " + text) == set()


def test_recovery_support_programme_counts_only_where_it_replaced_special_measures():
    alone = "Northmoor Valley NHS Trust was put into the Recovery Support Programme in 2022."
    assert measures(alone) == set()
    said = "The Recovery Support Programme replaced special measures in 2021. " + alone
    assert measures(said) == {("trust:1", "placed", "2022")}


@pytest.mark.parametrize("text,expected", [
    ("Northmoor Valley NHS Trust came out of special measures in 2016 but was put back in 2018.",
     {("trust:1", "out", "2016"), ("trust:1", "placed", "2018")}),
    ("Northmoor Valley NHS Trust was in special measures from 2014 to 2017.",
     {("trust:1", "placed", "2014"), ("trust:1", "out", None)}),
    ("Northmoor Valley NHS Trust remained in special measures for four years before exiting in 2019.",
     {("trust:1", "remains", None), ("trust:1", "out", "2019")}),
])
def test_elliptic_second_end_of_a_spell(text, expected):
    assert measures(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Will Northmoor Valley NHS Trust come out of special measures?", set()),
    ("Northmoor Valley NHS Trust's chief executive said the trust was on the road out of special measures.", set()),
    ("Northmoor Valley NHS Trust's chief executive said she was delighted to have come out of special measures.",
     {("trust:1", "out", None)}),
    ("Northmoor Valley NHS Trust has been recommended to exit special measures.", {("trust:1", "out", None)}),
    ("The chief inspector recommends special measures for Northmoor Valley NHS Trust.",
     {("trust:1", "recommended", None)}),
    ("Northmoor Valley NHS Trust was placed in quality special measures.", {("trust:1", "placed", None)}),
    ("Northmoor Valley NHS Trust was placed in financial special measures.", set()),
    ("Northmoor Valley NHS Trust is one of 12 in special measures.", {("trust:1", "remains", None)}),
])
def test_questions_goals_and_the_other_regime(text, expected):
    assert measures(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Northmoor Valley NHS Trust, which took over Southfield Coast NHS Foundation Trust in 2017, remains in special "
     "measures.", {("trust:1", "remains", None)}),
    ("Northmoor Valley NHS Trust (once part of Southfield Coast NHS Foundation Trust) was placed in special measures.",
     {("trust:1", "placed", None)}),
    ("Northmoor Valley NHS Trust was rated good. It is the second trust to exit special measures after Southfield "
     "Coast NHS Foundation Trust.", {("trust:1", "out", None)}),
    ("Placed in special measures in 2016, Southfield Coast NHS Foundation Trust has improved.",
     {("trust:4", "placed", "2016")}),
])
def test_the_subject_past_a_relative_clause_a_pronoun_or_a_fronted_participle(text, expected):
    assert measures(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Northmoor Valley NHS Trust had special measures lifted in 2018.", {("trust:1", "out", None)}),
    ("The CQC has today recommended that Northmoor Valley NHS Trust is placed into special measures.",
     {("trust:1", "recommended", None)}),
    ("Northmoor Valley NHS Trust has spent three years in special measures.", {("trust:1", "remains", None)}),
    ("Following the recommendation, Northmoor Valley NHS Trust was placed into special measures.",
     {("trust:1", "placed", None), ("trust:1", "recommended", None)}),
    ("The CQC made several recommendations last year, and Northmoor Valley NHS Trust was placed into special "
     "measures.", {("trust:1", "placed", None)}),
    ("A recommendation to take Northmoor Valley NHS Trust out of special measures was made by the chief inspector.",
     {("trust:1", "out", None)}),
])
def test_more_wordings_of_lifting_staying_and_recommending(text, expected):
    assert measures(text) == expected


@pytest.mark.parametrize("text", [
    "Nine trusts were placed in special measures in 2014.",
    "Like schools placed in special measures by their inspectors, it gets support.",
    "Other trusts remain in special measures.",
])
def test_an_unnamed_plural_subject_is_not_the_story_trust(text):
    assert measures("Northmoor Valley NHS Trust was rated good. " + text) == set()


@pytest.mark.parametrize("text,expected", [
    ("Northmoor Valley NHS Trust to remain in special measures", {("trust:1", "remains", None)}),
    ("Northmoor Valley NHS Trust set to exit special measures", {("trust:1", "out", None)}),
    ("Alder Park Hospital to be placed in special measures", {("trust:1", "placed", None)}),
    ("Northmoor Valley NHS Trust is due to come out of special measures in the spring.", {("trust:1", "out", None)}),
    ("NHS Improvement is working with Northmoor Valley NHS Trust to exit special measures.", set()),
    ("Managers want Northmoor Valley NHS Trust to exit special measures.", set()),
])
def test_a_headline_infinitive_announces_a_decision_a_goal_does_not(text, expected):
    assert measures(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The new board steered one of the largest trusts in the region out of special measures.",
     {("trust:1", "out", None)}),
    ("She has taken the trust out of special measures.", {("trust:1", "out", None)}),
    ("She has taken it out of special measures.", {("trust:1", "out", None)}),
    ("The regulator placed two other trusts into special measures.", set()),
    ("The regulator placed another trust into special measures.", set()),
])
def test_an_object_describing_the_story_trust_or_other_trusts(text, expected):
    assert measures("Northmoor Valley NHS Trust was rated good. " + text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The chief inspector recommended that Northmoor Valley NHS Trust be placed in special measures. NHS Improvement "
     "has agreed to the recommendation to place it in special measures.",
     {("trust:1", "recommended", None), ("trust:1", "placed", None)}),
    ("The chief inspector recommended that Northmoor Valley NHS Trust be placed in special measures. The health "
     "secretary has accepted the recommendation to place the trust in special measures.",
     {("trust:1", "recommended", None), ("trust:1", "placed", None)}),
    ("The chief inspector recommended that Northmoor Valley NHS Trust be placed in special measures. The "
     "recommendation to place the trust in special measures was accepted by NHS England.",
     {("trust:1", "recommended", None), ("trust:1", "placed", None)}),
    ("The chief inspector recommended that Northmoor Valley NHS Trust be placed in special measures. The trust board "
     "has agreed to act on every recommendation in the report.", {("trust:1", "recommended", None)}),
    ("The chief inspector recommended that Northmoor Valley NHS Trust be placed in special measures. NHS Improvement "
     "has agreed to act on every recommendation about staffing.", {("trust:1", "recommended", None)}),
    ("The chief inspector recommended that Northmoor Valley NHS Trust be placed in special measures. The board has "
     "yet to decide whether to accept the recommendation.", {("trust:1", "recommended", None)}),
])
def test_an_accepted_recommendation_places_the_trust(text, expected):
    assert measures(text) == expected


@pytest.mark.parametrize("text", [
    "Northmoor Valley NHS Trust was placed in special measures in 2016 and it later emerged that managers had "
    "hidden waiting lists.",
    "Northmoor Valley NHS Trust was placed in special measures in 2016 and its chief executive left in 2017.",
    "Northmoor Valley NHS Trust was placed in special measures in 2016 and the chief executive was removed.",
    "Northmoor Valley NHS Trust was placed in special measures in 2016 and the damning report came out in June.",
    "Northmoor Valley NHS Trust was placed in special measures in 2016 and Dr Ann Hale was removed as chair.",
    "Northmoor Valley NHS Trust was placed in special measures in 2016 and then removed from the league tables.",
])
def test_after_a_placing_an_exit_with_a_subject_of_its_own_is_someone_elses(text):
    assert measures(text) == {("trust:1", "placed", "2016")}


@pytest.mark.parametrize("text,out", [
    ("Northmoor Valley NHS Trust was placed in special measures in 2016 and a year later was taken out.", None),
    ("Northmoor Valley NHS Trust was placed in special measures in 2016 and it came out of them in 2019.", "2019"),
    ("Northmoor Valley NHS Trust was placed in special measures in 2016 and emerged from them in 2019.", "2019"),
    ("Northmoor Valley NHS Trust was placed in special measures in 2016 and left in 2019.", "2019"),
])
def test_after_a_placing_the_elliptic_exit_of_the_same_trust(text, out):
    assert measures(text) == {("trust:1", "placed", "2016"), ("trust:1", "out", out)}


@pytest.mark.parametrize("text", [
    "Ms Smith previously worked at a trust in special measures in Kent.",
    "Ms Smith joined us from another trust in special measures.",
])
def test_a_lone_trust_just_before_in_special_measures_is_not_the_story_trust(text):
    assert measures_linking_refs("Northmoor Valley NHS Trust was rated good. " + text) == set()


@pytest.mark.parametrize("text,expected", [
    ("The trust, in special measures since 2019, has a new chair.", {("trust:1", "remains", "2019")}),
    ("Beckside General Hospital, under special measures, has a new matron.", {("trust:1", "remains", None)}),
])
def test_a_name_or_the_trust_opening_its_clause_is_the_one_in_special_measures(text, expected):
    assert measures_linking_refs("Northmoor Valley NHS Trust was rated good. " + text) == expected


@pytest.mark.parametrize("text", [
    "She left a trust in special measures to join Beckside General Hospital.",
    "Ms Smith moved from a trust in special measures in Kent.",
    "Ms Smith was at the trust in special measures before this one.",
    "Ms Smith is now at a trust in special measures.",
    "He left his post as finance director at a small trust in special measures.",
])
def test_a_career_at_a_trust_in_special_measures_is_no_status(text):
    assert measures_linking_refs("Northmoor Valley NHS Trust was rated good. " + text) == set()


@pytest.mark.parametrize("text,expected", [
    ("The regulator kept the trust in special measures.", {("trust:1", "remains", None)}),
    ("The regulator has left it in special measures.", {("trust:1", "remains", None)}),
    ("Inspectors put Alder Park Hospital back into special measures.", {("trust:1", "placed", None)}),
    ("The regulator moved the trust's maternity unit into special measures.", {("trust:1", "placed", None)}),
])
def test_the_trust_kept_left_or_put_in_special_measures(text, expected):
    assert measures_linking_refs("Northmoor Valley NHS Trust was rated good. " + text) == expected


@pytest.mark.parametrize("text", [
    "Jane Smith, who led a neighbouring trust out of special measures, starts in May.",
    "She has taken a struggling trust out of special measures.",
    "As chief executive she steered an acute trust in Kent out of special measures.",
    "The regulator placed a trust in Kent into special measures.",
])
def test_an_indefinite_object_is_not_the_story_trust(text):
    assert measures_linking_refs("Northmoor Valley NHS Trust was rated good. " + text) == set()


def test_a_named_object_of_a_career_is_still_that_trusts_fact():
    assert measures_linking_refs("Northmoor Valley NHS Trust was rated good. Jane Smith, who took Southfield Coast "
                                 "NHS Foundation Trust out of special measures, starts in May.") == {
        ("trust:4", "out", None)}


@pytest.mark.parametrize("text,expected", [
    ("On 12 May Northmoor Valley NHS Trust was placed into special measures.", {("trust:1", "placed", None)}),
    ("Last May, Northmoor Valley NHS Trust was placed into special measures.", {("trust:1", "placed", None)}),
    ("Since May Northmoor Valley NHS Trust has been in special measures.", {("trust:1", "remains", None)}),
    ("Northmoor Valley NHS Trust may be placed in special measures.", set()),
    ("Britain may see Northmoor Valley NHS Trust placed in special measures.", set()),
    ("The trust may soon exit special measures.", set()),
])
def test_the_month_may_is_no_hedge_the_modal_is(text, expected):
    assert measures(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Placed in special measures in 2014 with partners including Southfield Coast NHS Foundation Trust, it has "
     "improved.", {("trust:1", "placed", "2014")}),
    ("Put into special measures last year alongside neighbours such as Southfield Coast NHS Foundation Trust, it is "
     "recovering.", {("trust:1", "placed", None)}),
    ("Several trusts were placed in special measures, including Southfield Coast NHS Foundation Trust and Northmoor "
     "Valley NHS Trust.", {("trust:1", "placed", None), ("trust:4", "placed", None)}),
    ("The hospitals placed in special measures in 2015 included Southfield Coast NHS Foundation Trust.",
     {("trust:4", "placed", "2015")}),
])
def test_examples_after_such_as_or_including_are_the_subject_only_after_a_plural_for_trusts(text, expected):
    assert measures("Northmoor Valley NHS Trust was rated good. " + text) == expected


@pytest.mark.parametrize("second,expected", [
    ("The decision to close the ward follows a recommendation by the coroner.", {("trust:1", "placed", None)}),
    ("The move to cut beds came after a recommendation from auditors.", {("trust:1", "placed", None)}),
    ("The decision follows a recommendation from the Chief Inspector of Hospitals.",
     {("trust:1", "placed", None), ("trust:1", "recommended", None)}),
    ("That step came after a CQC recommendation.", {("trust:1", "placed", None), ("trust:1", "recommended", None)}),
    ("It follows a recommendation from the Care Quality Commission.",
     {("trust:1", "placed", None), ("trust:1", "recommended", None)}),
    ("It follows a recommendation from the trust's own board.", {("trust:1", "placed", None)}),
])
def test_a_later_decision_follows_the_regulators_recommendation_only(second, expected):
    assert measures("Northmoor Valley NHS Trust was placed into special measures. " + second) == expected
