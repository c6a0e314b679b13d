"""Posts from leadership-change language: the post of the article's main event and every other post the text
states, each with how the article holds it (former, incoming, other), by phrasing family.

Every sentence is written for the test, about invented trusts that only the pattern of their names finds.
"""
from __future__ import annotations

import pytest

from nhskg.ingest.document import analyse
from nhskg.ingest.model import Article
from nhskg.ingest.posts import cue_in
from nhskg.ingest.roles import board_post

T = "Northshire Valley Hospitals NHS Trust"
U = "Alder Park Hospitals NHS Foundation Trust"
V = "Eastwick Fenby Hospitals NHS Trust"


def posts(text: str) -> dict:
    """name -> (main post as (qualifier, role, organisation, kind), [(status, role, organisation, kind) ...])"""
    doc = analyse(Article(source="test", text=text.format(T=T, U=U, V=V)))
    name = {o.key: o.name for o in doc.organisations}
    return {p.name: ((p.qualifier, p.role, name.get(p.organisation_key), p.kind),
                     [(o.status, o.role, name.get(o.organisation_key), o.kind) for o in p.other_posts])
            for p in doc.people}


def main_post(text: str, person: str = "Jane Doe"):
    return posts(text)[person][0]


CE_T = (None, "chief executive", T, "executive")


@pytest.mark.parametrize("text, expected", [
    ("Jane Doe has been appointed chief executive of {T}.", CE_T),
    ("{T} has appointed Jane Doe as its new chief executive.", CE_T),
    ("{T} has appointed Jane Doe as chief executive.", CE_T),
    ("The trust announced the appointment of Jane Doe as chief executive of {T}.", CE_T),
    ("Jane Doe will join {T} as chief executive in April.", CE_T),
    ("Jane Doe will become the new chief executive of {T} in September.", CE_T),
    ("Jane Doe has been named chief executive of {T}.", CE_T),
    ("Jane Doe takes up the post of chief executive at {T} in June.", CE_T),
    ("New chief executive Jane Doe started at {T} on Monday.", CE_T),
    ("Jane Doe is to become chief executive of {T} after a national search.", CE_T),
    ("Jane Doe has been appointed medical director at {T}.", (None, "medical director", T, "executive")),
    ("Jane Doe has been appointed chair of {T}.", (None, "chair", T, "executive")),
])
def test_appointments_give_the_new_post(text, expected):
    assert main_post(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Jane Doe has resigned as chief executive of {T}.", CE_T),
    ("Jane Doe, chief executive of {T}, is to step down at the end of March.", CE_T),
    ("{T} chief executive Jane Doe is to retire in the summer.", CE_T),
    ("The chief executive of {T}, Jane Doe, has resigned.", CE_T),
    ("Jane Doe has stepped down as chief executive of {T} with immediate effect.", CE_T),
    ("The resignation of Jane Doe as chief executive of {T} was announced on Monday.", CE_T),
    ("Outgoing chief executive Jane Doe leaves {T} in May.", CE_T),
    ("Jane Doe quit as chief executive of {T} last week.", CE_T),
    ("Jane Doe is leaving {T} after five years as chief executive.", CE_T),
    ("Dr Jane Doe has stepped down as medical director of {T}.", (None, "medical director", T, "executive")),
    ("Jane Doe announced her intention to step down as {T} chair.", (None, "chair", T, "executive")),
])
def test_departures_keep_the_post_being_left(text, expected):
    assert main_post(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Chief operating officer Jane Doe has been named interim chief executive of {T}.",
     ("interim", "chief executive", T, "executive")),
    ("Jane Doe moved up from chief operating officer to interim chief executive of {T} in May.",
     ("interim", "chief executive", T, "executive")),
    ("Jane Doe has been appointed acting chief executive of {T}.", ("acting", "chief executive", T, "executive")),
    ("Interim chief executive Jane Doe said {T} would improve.", ("interim", "chief executive", T, "executive")),
    ("Jane Doe, who has been interim chief executive of {T} since March, has been confirmed in the post.",
     ("interim", "chief executive", T, "executive")),
    ("Acting chair Jane Doe said {T} had accepted the findings.", ("acting", "chair", T, "executive")),
    ("{T} has named Jane Doe as its interim chief executive.", ("interim", "chief executive", T, "executive")),
    ("Jane Doe will be interim chief executive of {T} while a search takes place.",
     ("interim", "chief executive", T, "executive")),
    ("Jane Doe, the acting director of nursing at {T}, said staffing had improved.",
     ("acting", "director of nursing", T, "executive")),
    ("Jane Doe is to serve as interim chair of {T}.", ("interim", "chair", T, "executive")),
])
def test_interim_and_acting_posts_keep_their_qualifier(text, expected):
    assert main_post(text) == expected


@pytest.mark.parametrize("text, other", [
    ("Jane Doe, who was previously chief executive of {U}, has been appointed chief executive of {T}.",
     [("former", "chief executive", U, "executive")]),
    ("Jane Doe, formerly chief executive of {U}, has been appointed chief executive of {T}.",
     [("former", "chief executive", U, "executive")]),
    ("Jane Doe, the former chief executive of {U}, has been appointed chief executive of {T}.",
     [("former", "chief executive", U, "executive")]),
    ("Jane Doe has been appointed chief executive of {T}. She was previously chief executive of {U}.",
     [("former", "chief executive", U, "executive")]),
    ("{T} has appointed Jane Doe as its new chief executive. She joins from {U} where she was director of nursing.",
     [("former", "director of nursing", U, "executive")]),
    ("Jane Doe will join {T} as chief executive in April from {U}.", [("former", None, U, "executive")]),
    ("Jane Doe, who previously worked at {U} and {V}, has been appointed chief executive of {T}.",
     [("former", None, U, "executive"), ("former", None, V, "executive")]),
    ("Jane Doe has been appointed chief executive of {T}. Before that, she was chief nurse at {U}.",
     [("former", "chief nurse", U, "executive")]),
    ("Jane Doe, director of finance at {U}, has been appointed chief executive of {T}.",
     [("former", "director of finance", U, "executive")]),
    ("{T} has named Jane Doe as its new chief executive. Ms Doe, currently chief operating officer at {U}, "
     "takes up the post in June.", [("former", "chief operating officer", U, "executive")]),
    ("{T} was rated good last year. Jane Doe is to leave {U} to become chief executive of {T}.",
     [("former", None, U, "executive")]),
])
def test_former_posts_are_kept_apart_from_the_new_one(text, other):
    assert posts(text)["Jane Doe"] == (CE_T, other)


@pytest.mark.parametrize("text, other", [
    ("Jane Doe, {T} chief executive, also chairs {U}.", [("other", "chair", U, "executive")]),
    ("Jane Doe, chief executive of {T} and {U}, said the trusts would work together.",
     [("other", "chief executive", U, "executive")]),
    ("Chief executive Jane Doe said {T} was improving. Jane Doe is also chief executive of {U}.",
     [("other", "chief executive", U, "executive")]),
    ("Jane Doe, chief executive of {T}, is also chief executive of {U}.",
     [("other", "chief executive", U, "executive")]),
    ("Jane Doe, chief executive of {T}, also leads {U}.", [("other", None, U, "executive")]),
    ("Jane Doe, chief executive of {T} as well as {U}, said the trusts would work together.",
     [("other", "chief executive", U, "executive")]),
    ("Jane Doe, chief executive of {T}, will also lead {U} under a new group model.",
     [("other", None, U, "executive")]),
    ("Jane Doe, chief executive of {T}, is also a non-executive director of {U}.",
     [("other", "non-executive director", U, "executive")]),
    ("Jane Doe, chief executive of {T}, also chaired {U} until last year.", [("other", "chair", U, "executive")]),
    ("Jane Doe, chief executive of {T}, jointly leads {U}.", [("other", None, U, "executive")]),
    ("Jane Doe, chief executive of {T}, will lead {U} from April.", [("incoming", None, U, "executive")]),
])
def test_posts_held_besides_the_main_one(text, other):
    assert posts(text)["Jane Doe"] == (CE_T, other)


@pytest.mark.parametrize("text, expected", [
    ("Jane Doe, chair in common of {T} and {U}, said the trusts would share a board.",
     ((None, "chair in common", T, "executive"), [("other", "chair in common", U, "executive")])),
    ("{T} CEO Jane Doe said the trust was improving.", ((None, "ceo", T, "executive"), [])),
    ("{T} boss Jane Doe said the trust was improving.", ((None, "boss", T, "executive"), [])),
    # "Group" ends the name of a trust that the gazetteer knows by it (a real one, to reach the gazetteer)
    ("The Dudley Group NHS Foundation Trust was rated good. Dudley Group chief executive Jane Doe said the trust "
     "was improving.", ((None, "chief executive", "The Dudley Group NHS Foundation Trust", "executive"), [])),
])
def test_titles_as_news_words_them(text, expected):
    assert posts(text)["Jane Doe"] == expected


@pytest.mark.parametrize("role, post", [
    ("chief executive", "chief executive"), ("group chief executive", "chief executive"), ("ceo", "chief executive"),
    ("boss", "chief executive"), ("chief executive officer", "chief executive"), ("chairman", "chair"),
    ("chair in common", "chair"), ("director of nursing", "chief nurse"), ("executive director of nursing", "chief nurse"),
    ("chief nursing officer", "chief nurse"), ("director of operations", "chief operating officer"),
    ("director of finance", "finance director"), ("chief financial officer", "finance director"),
    ("chief medical officer", "medical director"), ("non-executive director", "non-executive director"),
    ("improvement director", "improvement director"), ("deputy chief executive", "deputy chief executive"),
    ("director of quality improvement", None), ("spokesman", None),
])
def test_titles_map_to_the_board_post_they_name(role, post):
    assert board_post(role) == post


@pytest.mark.parametrize("text, jane, john", [
    ("Jane Doe will succeed John Roe as chief executive of {T} in April.", CE_T, CE_T),
    ("Jane Doe succeeds John Roe as chief executive of {T}.", CE_T, CE_T),
    ("Jane Doe is to be replaced by John Roe as chair of {T}.", (None, "chair", T, "executive"),
     (None, "chair", T, "executive")),
    ("Jane Doe takes over as chief executive of {T} from John Roe.", CE_T, CE_T),
    ("Jane Doe, who replaces John Roe, has been appointed chief executive of {T}.", CE_T, CE_T),
])
def test_succession_gives_the_post_to_both_names(text, jane, john):
    found = posts(text)
    assert found["Jane Doe"][0] == jane and found["John Roe"][0] == john


def test_the_status_of_each_name_in_a_succession():
    doc = analyse(Article(source="test", text=f"Jane Doe will succeed John Roe as chief executive of {T}."))
    # both are the article's main event: the appointee's post to come and the leaver's post being left
    assert [(p.name, p.other_posts) for p in doc.people] == [("Jane Doe", []), ("John Roe", [])]


def test_a_title_after_a_verb_of_saying_is_not_the_speakers():
    assert posts("Jane Doe said the chief executive of {U} had agreed to help.")["Jane Doe"] == \
        ((None, None, None, "other"), [])


@pytest.mark.parametrize("text", [
    "Jane Doe, chief executive of {T}, said patients at {U} would be moved.",  # a place named in what she said
    "Jane Doe, chief executive of {T}, which runs sites for {U}, said the trust was improving.",
    "Jane Doe, chief executive of {T}, thanked Dr John Roe, medical director of {U}.",  # another name's title
    "Jane Doe, chief executive of {T}, said: \"We will work with {U}.\"",
])
def test_organisations_outside_the_names_clause_are_no_posts(text):
    assert posts(text)["Jane Doe"] == (CE_T, [])


def test_a_person_who_is_not_an_executive_gets_no_place_posts():
    assert posts("Jane Doe, a patient who was treated at {T} and {U}, said the care was poor.")["Jane Doe"] == \
        ((None, "patient", None, "other"), [])


@pytest.mark.parametrize("text, name", [
    ("By Jane Doe, health reporter\n{T} was rated good.", "Jane Doe"),
    ("(c) Jane Doe/Pixabay\n{T} was rated good.", "Jane Doe"),
    ("{T} was rated good.\nImage source, Jane Doe/Agency", "Jane Doe"),
    ("Professor Helen Ward, the chief inspector of hospitals, said {T} had improved.", "Helen Ward"),
    ("Jane May said {T} had improved.", "Jane May"),
])
def test_bylines_credits_and_surnames_that_are_also_words(text, name):
    assert name in posts(text)


def test_a_ward_is_not_a_person():
    assert posts("Patients on Alder Ward at {T} were moved in May.") == {}


def test_the_story_trust_decides_between_the_post_left_and_the_post_taken_up():
    leaving = posts("{U} was rated good last year. Jane Doe is to leave {U} to become chief executive of {T}.")
    assert leaving["Jane Doe"] == ((None, None, U, "executive"), [("incoming", "chief executive", T, "executive")])


@pytest.mark.parametrize("text, expected", [
    ("Jane Doe, who has led {T} since 2016, has resigned.", (None, None, T, "executive")),
    ("Jane Doe, who ran {T} for a decade, said it was time to go.", (None, None, T, "executive")),
    ("Dr Jane Doe will join {T} in September.", (None, None, T, "executive")),
    ("Dr Jane Doe is to leave {T} at the end of the year.", (None, None, T, "executive")),
    ("Jane Doe, who heads {T}, said the report was fair.", (None, None, T, "executive")),
])
def test_a_leader_named_without_a_title_is_an_executive_of_the_trust(text, expected):
    assert main_post(text) == expected


def test_a_place_named_without_a_verb_of_leading_does_not_make_an_executive():
    assert main_post("Jane Doe, who was born at {T}, said the care was poor.") == (None, None, None, "other")


@pytest.mark.parametrize("text, jane, john", [
    ("{T} has appointed Jane Doe as chief executive. She replaces John Roe, who retired in March.", CE_T, CE_T),
    ("{T} has appointed Jane Doe as chief executive. She succeeds John Roe.", CE_T, CE_T),
    ("Jane Doe will step down as chief executive of {T} in May. She will be replaced by John Roe.", CE_T, CE_T),
])
def test_a_pronoun_opening_a_succession_hands_the_post_on(text, jane, john):
    found = posts(text)
    assert found["Jane Doe"][0] == jane and found["John Roe"][0] == john


def test_a_title_after_an_organisations_possessive_and_current():
    text = "{U} and {T} will share a chief executive. {T}'s current boss, Dr Jane Doe, will step down."
    assert main_post(text) == (None, "boss", T, "executive")


def test_a_leadership_story_told_over_several_sentences():
    text = ("{T} has appointed a new chief executive. Dr Jane Doe will join the trust in September from {U}, where "
            "she has been chief operating officer since 2019. Before that she was director of operations at {V}. "
            "She replaces John Roe, who retired in March. Interim chief executive Sam Lee said the board was delighted.")
    assert posts(text) == {
        "Jane Doe": ((None, None, T, "executive"), [("former", "chief operating officer", U, "executive"),
                                                    ("former", "director of operations", V, "executive")]),
        "John Roe": ((None, None, T, "executive"), []),
        "Sam Lee": (("interim", "chief executive", T, "executive"), []),
    }


@pytest.mark.parametrize("text", [
    "A new chief executive, Jane Doe, took over {T} last year, on the departure of Sir John Roe after 20 years.",
    "Jane Doe was appointed chief executive of {T} following the retirement of John Roe.",
    "Jane Doe became chief executive of {T} after the resignation of Dr John Roe.",
    "Jane Doe has been appointed chief executive of {T}. Her predecessor, John Roe, retired in March.",
    "Jane Doe has been appointed chief executive of {T}. Her predecessor John Roe retired in March.",
    "Jane Doe is to step down as chief executive of {T}. Her successor, John Roe, starts in May.",
])
def test_a_predecessor_or_successor_named_holds_the_same_post(text):
    found = posts(text)
    assert found["Jane Doe"][0] == CE_T and found["John Roe"][0] == CE_T


@pytest.mark.parametrize("text, expected", [
    ("{T} was inspected in May. Jane Doe, who joined {T} as chief nurse in 2015, was promoted to chief executive in "
     "2019.", (CE_T, [("former", "chief nurse", T, "executive")])),
    ("{T} was inspected in May. Jane Doe is currently chief executive of {U} and will start at {T} in July.",
     ((None, None, T, "executive"), [("former", "chief executive", U, "executive")])),
    ("{T} was inspected in May. The board has appointed Jane Doe, currently deputy chief executive at {U}, as its "
     "new chief executive.", (CE_T, [("former", "deputy chief executive", U, "executive")])),
    ("{T} was inspected in May. Former {U} chief executive Jane Doe has been appointed chief executive of {T}.",
     (CE_T, [("former", "chief executive", U, "executive")])),
])
def test_promotions_and_starts_are_the_new_post(text, expected):
    assert posts(text)["Jane Doe"] == expected


def test_the_post_written_by_the_name_is_the_one_left_when_the_clause_says_so():
    text = ("{T} was rated good. Jane Doe, chief executive of {T}, is to step down. She will become chief executive of "
            "{U} and {T} will appoint an interim.")
    assert posts(text)["Jane Doe"] == (CE_T, [("incoming", "chief executive", U, "executive")])


@pytest.mark.parametrize("text", [
    "Jane Doe, chief executive of {U} until 2019, is now chief executive of {T}.",
    "Jane Doe, who was chief executive of {U} from 2012 to 2018, is now chief executive of {T}.",
    "Jane Doe is now chief executive of {T}, having been chief executive of {U} until early 2020.",
])
def test_a_post_that_ended_at_a_stated_year_is_former(text):
    assert posts(text)["Jane Doe"] == (CE_T, [("former", "chief executive", U, "executive")])


@pytest.mark.parametrize("text", [
    "Jane Doe, chief executive of {T}, spoke at {U} last week.",
    "Jane Doe, chief executive of {T}, met colleagues from {U} on Monday.",
])
def test_a_place_after_a_bare_preposition_with_no_cue_is_no_post(text):
    assert posts(text)["Jane Doe"] == (CE_T, [])


@pytest.mark.parametrize("text, expected", [
    ("{T} was rated good. Jane Doe, chief executive of {U}, announced her retirement on Friday.",
     ((None, "chief executive", U, "executive"), [])),
    ("{T} was rated good. Jane Doe, who chairs {U}, has been appointed chair of {T}.",
     ((None, "chair", T, "executive"), [("former", "chair", U, "executive")])),
    ("{T} was rated good. Jane Doe, who spent ten years as medical director at {U}, takes over at {T} next month.",
     ((None, None, T, "executive"), [("former", "medical director", U, "executive")])),
    ("{T} was rated good. Jane Doe was appointed as chief executive of {T} in 2018, having previously led {U}.",
     (CE_T, [("former", None, U, "executive")])),
    ("{T} was rated good. {U} chief executive Jane Doe would join {T} as its chief executive, the board said.",
     (CE_T, [("former", "chief executive", U, "executive")])),
])
def test_more_wordings_of_a_move(text, expected):
    assert posts(text)["Jane Doe"] == expected


def test_a_stated_post_keeps_the_sentence_that_states_it():
    doc = analyse(Article(source="test", text=f"Jane Doe has been appointed chief executive of {T}. "
                                               f"She was previously chief executive of {U}."))
    (jane,) = doc.people
    assert jane.evidence.sentence.startswith("Jane Doe has been appointed")
    assert [o.evidence.sentence for o in jane.other_posts] == [f"She was previously chief executive of {U}."]


def test_a_board_post_at_a_hospital_is_one_at_the_trust_running_it_and_other_posts_stay_at_the_hospital():
    found = posts("{T}, which runs Kestrel General Hospital, was rated good. Jane Doe, chief executive of Kestrel "
                  "General Hospital, said staff were proud. Dr John Roe, a surgeon at Kestrel General Hospital, said "
                  "it was deserved.")
    assert found == {"Jane Doe": (CE_T, []), "John Roe": ((None, "surgeon", "Kestrel General Hospital", "other"), [])}


@pytest.mark.parametrize("text", [
    "Jane Doe moved up from chief operating officer to interim chief executive of {T} in May.",
    "Jane Doe has been promoted from chief operating officer to chief executive of {T}.",
    "Jane Doe, who rose from chief operating officer to the post of chief executive at {T}, said she was proud.",
])
def test_a_promotion_from_one_title_to_another_keeps_both_at_the_trust(text):
    jane = posts(text)["Jane Doe"]
    assert jane[0][1:] == ("chief executive", T, "executive")
    assert jane[1] == [("former", "chief operating officer", T, "executive")]


def test_a_title_that_ends_the_clause_stays_the_names():
    assert main_post("{T} was rated good. Jane Doe was appointed chief executive; she starts in May.") == CE_T


@pytest.mark.parametrize("text", [
    "{T} said its chief operating officer, Jane Doe, would act as interim chief executive.",
    "{T} said its chief operating officer, Jane Doe, will serve as interim chief executive.",
    "Chief operating officer Jane Doe steps in as interim chief executive of {T}.",
])
def test_standing_in_is_the_new_post(text):
    assert posts(text)["Jane Doe"] == (("interim", "chief executive", T, "executive"), [])


def test_a_pronoun_passes_over_a_name_whose_title_says_otherwise():
    text = ("Jane Doe has been appointed chief executive of {T}, the chair Mr John Roe said. She was previously chief "
            "executive of {U}.")
    found = posts(text)
    assert found["Jane Doe"] == (CE_T, [("former", "chief executive", U, "executive")])
    assert found["John Roe"] == ((None, "chair", T, "executive"), [])


@pytest.mark.parametrize("verb", ["welcomed", "praised", "criticised", "thanked"])
def test_a_reaction_to_another_post_is_not_the_speakers(verb):
    """A verb of reacting ends the speaker's posts, as a verb of saying does: the appointment is someone else's."""
    text = f"Karen Wells, chief executive of Northmoor County Council, {verb} the appointment at {{T}}."
    assert posts(text)["Karen Wells"] == ((None, "chief executive", None, "other"), [])


@pytest.mark.parametrize("text", [
    "Jane Doe, who is on secondment from {U}, will be interim chief executive of {T}.",
    "Jane Doe, seconded from {U}, will be interim chief executive of {T}.",
])
def test_a_secondment_keeps_the_home_post_and_will_be_is_the_new_one(text):
    assert posts(text)["Jane Doe"] == (("interim", "chief executive", T, "executive"), [("other", None, U, "executive")])


@pytest.mark.parametrize("gap, cue", [
    (", who will be ", "appoint"),
    (" is to be ", "appoint"),
    (", who will be leaving ", "leave"),
    (" will be stepping down as ", "leave"),
    (" will be replaced by ", None),
    (", on secondment from ", "other"),
])
def test_will_be_is_an_appointment_unless_a_departure_follows(gap, cue):
    assert cue_in(gap) == cue


@pytest.mark.parametrize("verb", ["was treated", "was born", "was admitted", "was seen"])
def test_a_verb_that_is_no_work_before_at_is_no_post(verb):
    """"was treated at X": "was" is a cue, but the verb between it and "at" says X is no workplace."""
    text = f"Jane Doe, chief executive of {{T}}, {verb} at Alder Park Hospital after a fall."
    assert posts(text)["Jane Doe"] == (CE_T, [])


def test_a_work_verb_before_at_is_still_a_former_post():
    text = "Jane Doe, chief executive of {T}, previously worked at {U}."
    assert posts(text)["Jane Doe"] == (CE_T, [("former", None, U, "executive")])


def test_stepping_down_to_join_another_trust_is_an_incoming_post():
    text = "Jane Doe, chief executive of {T}, is to step down and join {U}."
    assert posts(text)["Jane Doe"] == (CE_T, [("incoming", None, U, "executive")])


def test_a_clause_about_the_trust_gives_no_cue_to_the_person():
    """"when it was placed in special measures": the verb is the trust's; "now chairs Y" is a post held now."""
    text = "Jane Doe, who was chief executive of {U} when it was placed in special measures, now chairs {T}."
    assert posts(text)["Jane Doe"] == ((None, "chair", T, "executive"), [("former", "chief executive", U, "executive")])


@pytest.mark.parametrize("noun", ["leading the review of", "chairing the inquiry into the failings of",
                                  "overseeing the merger of"])
def test_of_after_a_noun_is_no_post(noun):
    """"is leading the review of X": "of" belongs to the noun before it; X is what she reviews, not where she works."""
    text = f"Jane Doe, a former chief executive of {{U}}, is {noun} {{T}}."
    assert posts(text)["Jane Doe"] == ((None, "chief executive", U, "executive"), [])


def test_formerly_of_is_a_former_post():
    text = "Jane Doe, chief executive of {T}, formerly of {U}, said the report was fair."
    assert posts(text)["Jane Doe"] == (CE_T, [("former", None, U, "executive")])


@pytest.mark.parametrize("text", [
    "Jane Doe, who used to work at {U}, is chief nurse at {T}.",
    "Jane Doe, who used to work with {U}, is chief nurse at {T}.",
])
def test_used_to_is_a_former_post(text):
    assert posts(text)["Jane Doe"] == ((None, "chief nurse", T, "executive"), [("former", None, U, "executive")])


def test_to_be_at_a_place_is_no_post():
    """"is expected to be at X on Monday": a visit, not an appointment ("to be" is a cue only before a title)."""
    assert posts("Jane Doe, chief executive of {T}, is expected to be at {U} on Monday.")["Jane Doe"] == (CE_T, [])


@pytest.mark.parametrize("rest", [
    "was speaking at {U}", "is working with {U} on the plan", "is to meet leaders from {U}",
    "is to lead a review at {U}", "will chair a new committee with {U}", "is to oversee improvements at {U}",
])
def test_a_preposition_after_a_word_that_is_no_cue_makes_no_post(rest):
    """"was speaking at X", "will chair a committee with X": the preposition belongs to the word before it."""
    assert posts("Jane Doe, chief executive of {T}, " + rest + ".")["Jane Doe"] == (CE_T, [])


@pytest.mark.parametrize("rest", [
    "who has spent 20 years at {U}", "who has been at {U} since 2010", "who joined from {U} in 2019",
    "who was previously at {U}",
])
def test_a_preposition_after_time_spent_or_a_cue_is_a_post(rest):
    text = "Jane Doe, " + rest + ", was appointed chief executive of {T}."
    assert posts(text)["Jane Doe"] == (CE_T, [("former", None, U, "executive")])


def test_on_loan_from_keeps_the_home_post():
    text = "Jane Doe, the interim chief executive at {T}, is on loan from {U}."
    assert posts(text)["Jane Doe"] == (("interim", "chief executive", T, "executive"), [("other", None, U, "executive")])


def test_a_predecessor_of_someone_without_a_post_gets_none():
    assert posts("Jane Doe was praised by patients. Her predecessor, John Roe, retired in March.")["John Roe"] == \
        ((None, None, None, "other"), [])


def test_a_post_noun_before_at_after_a_cue_is_a_post():
    text = "Jane Doe will also become chair of {U}, alongside her role at {T}."
    assert posts(text)["Jane Doe"] == ((None, "chair", U, "executive"), [("other", None, T, "executive")])
