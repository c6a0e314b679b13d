"""Care sites: named by their form when the gazetteer lacks them, run by the trust the text names, coded
only with a site of that trust.

Sentences are written for the test. Invented trusts and sites ("Northmoor Valley NHS Trust", "Alder
Lodge") show what the patterns alone find; real sites and trusts appear only where the gazetteer link
(a site filed under another trust, an ODS site code) is what is tested.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

from nhskg.ingest.document import analyse
from nhskg.ingest.gazetteer import Gazetteer
from nhskg.ingest.model import Article

TRUST = "Northmoor Valley NHS Trust"
OTHER = "Southfield Coast NHS Foundation Trust"


def orgs(text: str) -> dict:
    """name -> (kind, ODS code, name of the trust that runs it)"""
    doc = analyse(Article(source="test", text=text))
    names = {o.key: o.name for o in doc.organisations}
    return {o.name: (o.kind, o.ods_code, names.get(o.trust_key)) for o in doc.organisations
            if o.kind != "regulator"}


def sites(text: str) -> dict:
    return {n: v[1:] for n, v in orgs(text).items() if v[0] == "hospital"}


# --- care sites the gazetteer does not hold, recognised by their form and their sentence ---

def test_a_lodge_described_as_an_inpatient_unit_is_a_care_site_of_the_trust_that_runs_it():
    text = f"Inspectors visited Alder Lodge, a 20-bed inpatient unit run by {TRUST}."
    assert orgs(text) == {TRUST: ("trust", None, None), "Alder Lodge": ("hospital", None, TRUST)}


def test_a_house_where_patients_are_treated_is_a_care_site():
    text = f"{TRUST} was rated inadequate. Patients at Fernbeck House waited too long for treatment."
    assert sites(text) == {"Fernbeck House": (None, TRUST)}


def test_a_centre_for_a_kind_of_care_keeps_its_whole_name():
    text = f"{TRUST} was inspected. Inspectors visited the Hollin Centre for Mental Health and Fernbeck House."
    assert sites(text) == {"Hollin Centre for Mental Health": (None, TRUST), "Fernbeck House": (None, TRUST)}


def test_a_clinic_and_a_unit_named_in_an_inspection_are_care_sites():
    text = f"{TRUST} runs the Juniper Clinic. Inspectors rated the Larchfield Unit as good."
    assert sites(text) == {"Juniper Clinic": (None, TRUST), "Larchfield Unit": (None, TRUST)}


def test_a_unit_inside_a_hospital_is_a_ward_not_a_care_site():
    text = f"{TRUST} was inspected. Patients on the Willow Unit at Alder Park Hospital were moved."
    assert sites(text) == {"Alder Park Hospital": (None, TRUST)}


def test_departments_named_by_their_service_are_not_care_sites():
    text = (f"{TRUST} was inspected. Patients waited at the Urgent Care Centre, the Minor Injury Unit and the "
            "Emergency Assessment Unit.")
    assert sites(text) == {}


def test_a_headquarters_building_is_not_a_care_site():
    text = f"{TRUST} was rated good. The board met at its headquarters in Castle House to discuss the rating."
    assert sites(text) == {}


def test_a_centre_in_a_sentence_about_no_care_is_not_a_care_site():
    text = f"{TRUST} was inspected. The Rowan Centre opened a cafe and the Marlow Lodge was sold."
    assert sites(text) == {}


def test_a_care_site_named_only_by_its_form_has_no_code_and_a_lower_confidence():
    doc = analyse(Article(source="test", text=f"{TRUST} was inspected. Patients at Brackenmoor House were safe."))
    site = next(o for o in doc.organisations if o.name == "Brackenmoor House")
    assert (site.ods_code, site.evidence.method, site.evidence.confidence) == (None, "pattern", 0.7)


def test_a_care_site_the_gazetteer_holds_needs_no_care_words_and_gets_its_code():
    text = "Bradford District NHS Foundation Trust owns the Airedale Centre for Mental Health."
    assert sites(text) == {"Airedale Centre for Mental Health": ("TAD16", "Bradford District NHS Foundation Trust")}


def test_a_care_site_after_a_possessive_town_leaves_the_town_out():
    text = f"{TRUST} was inspected. Inspectors found Kettering's Brookvale Lodge short of nurses for patients."
    assert sites(text) == {"Brookvale Lodge": (None, TRUST)}


# --- the trust the text names runs the hospital, whatever trust the gazetteer files the site under ---

def test_a_site_stated_to_be_run_by_a_trust_is_that_trusts_and_not_coded_as_another_trusts():
    # the gazetteer files Sheppey Hospital under a mental health trust (RXY)
    text = f"Sheppey Hospital, run by {TRUST}, was rated good."
    assert sites(text) == {"Sheppey Hospital": (None, TRUST)}


def test_which_runs_places_a_gazetteer_site_under_the_trust_named():
    text = f"{TRUST}, which runs Bridlington Hospital and Alder Park Hospital, was inspected."
    assert sites(text) == {"Bridlington Hospital": (None, TRUST), "Alder Park Hospital": (None, TRUST)}


def test_in_a_one_trust_story_a_site_filed_under_an_unnamed_trust_is_the_story_trusts():
    text = f"{TRUST} was rated inadequate. Inspectors made an unannounced visit to Bridlington Hospital in June."
    assert sites(text) == {"Bridlington Hospital": (None, TRUST)}


def test_in_a_one_trust_story_a_patients_destination_filed_elsewhere_stays_with_its_own_trust_site():
    text = f"{TRUST} was fined. The patient was flown by air ambulance to Royal Stoke University Hospital."
    assert sites(text) == {"Royal Stoke University Hospital": ("RJE01", None)}


def test_the_hospital_as_a_destination_does_not_stop_a_named_site_being_the_story_trusts():
    text = (f"{TRUST} was fined after a patient fell at Bridlington Hospital. He had been transferred to the "
            "hospital a week before.")
    assert sites(text) == {"Bridlington Hospital": (None, TRUST)}


def test_in_a_two_trust_story_a_site_filed_under_neither_is_left_unlinked_with_its_code():
    text = f"{TRUST} and {OTHER} were inspected. Bridlington Hospital was busy."
    assert sites(text) == {"Bridlington Hospital": ("RWA46", None)}


def test_a_site_filed_under_one_of_the_articles_trusts_is_that_trusts():
    text = f"Hull University Teaching Hospitals NHS Trust and {TRUST} were inspected. Bridlington Hospital was busy."
    assert sites(text) == {"Bridlington Hospital": ("RWA46", "Hull University Teaching Hospitals NHS Trust")}


def test_the_stated_operator_wins_over_an_article_trust_the_gazetteer_names():
    text = (f"Hull University Teaching Hospitals NHS Trust was praised. Bridlington Hospital, run by {TRUST}, "
            "was not.")
    assert sites(text) == {"Bridlington Hospital": (None, TRUST)}


def test_a_site_of_a_merged_trust_keeps_the_trust_the_text_names_and_its_code():
    # Musgrove Park Hospital is filed under Taunton and Somerset (RBA), merged into Somerset FT (RH5) in 2020
    text = "Taunton and Somerset NHS Foundation Trust, which runs Musgrove Park Hospital, was inspected."
    assert sites(text) == {"Musgrove Park Hospital": ("RBA11", "Taunton and Somerset NHS Foundation Trust")}


def test_a_site_listed_as_one_of_its_sites_in_a_one_trust_story_is_the_trusts():
    text = f"{TRUST} was rated good. Its main sites are Sheppey Hospital, Alder Park Hospital and Brackenmoor Clinic."
    assert sites(text) == {"Sheppey Hospital": (None, TRUST), "Alder Park Hospital": (None, TRUST),
                           "Brackenmoor Clinic": (None, TRUST)}


# --- ODS site codes: a trust's own site, never another body's code for the place ---

def test_a_hospital_gets_its_trusts_own_site_code_not_another_bodys_code_at_the_place():
    text = "Sheffield Teaching Hospitals NHS Foundation Trust runs the Northern General Hospital."
    assert sites(text) == {"Northern General Hospital": ("RHQNG", "Sheffield Teaching Hospitals NHS Foundation Trust")}


def test_a_hospital_named_alone_gets_the_own_site_code():
    assert sites("Patients at the Northern General Hospital waited.") == {"Northern General Hospital": ("RHQNG", None)}


def test_a_site_whose_official_name_is_plural_matches_the_singular_news_uses():
    text = "Royal United Hospitals Bath NHS Foundation Trust said the Royal United Hospital Bath was busy."
    assert sites(text) == {"Royal United Hospital Bath": ("RD130", "Royal United Hospitals Bath NHS Foundation Trust")}


def test_a_district_general_hospital_written_dgh_gets_its_site_code():
    text = "East Sussex Healthcare NHS Trust said Eastbourne DGH was rated good."
    assert sites(text) == {"Eastbourne DGH": ("RXC02", "East Sussex Healthcare NHS Trust")}


def test_a_site_two_trusts_share_a_name_of_gets_the_code_of_the_article_trust():
    text = "Bradford District NHS Foundation Trust was inspected. Inspectors visited Lynfield Mount Hospital."
    assert sites(text) == {"Lynfield Mount Hospital": ("TAD17", "Bradford District NHS Foundation Trust")}


def test_a_site_stated_under_an_invented_trust_gets_no_code_of_the_gazetteers_trust():
    text = f"{TRUST}, which runs Northern General Hospital, was inspected."
    assert sites(text) == {"Northern General Hospital": (None, TRUST)}


def _build_script():
    path = Path(__file__).resolve().parents[1] / "scripts" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _row(code, name, parent, postcode, parent_name="", nhs=True):
    return {"code": code, "name": name, "parent": parent, "parent_name": parent_name, "town": "EASTBY",
            "postcode": postcode, "nhs": nhs}


def test_the_build_drops_another_bodys_code_at_a_place_with_a_trust_own_code():
    rows = [_row("A1B2C", "Alder Park Hospital", "RZZ", "AB1 2CD"),
            _row("RZZ01", "Alder Park Hospital", "RZZ", "AB1 2CD"),
            _row("Q9X8Y", "Alder Park Hospital Outreach", "RYY", "AB1 2CD")]
    assert _build_script().sites(rows, {"RZZ", "RYY"}) == {"RZZ01": ["Alder Park Hospital", "RZZ", "Eastby"]}


def test_the_build_keeps_a_new_style_code_where_no_trust_has_its_own_code_at_the_place():
    rows = [_row("A1B2C", "Beck Hospital", "RZZ", "AB1 2CD"), _row("RZZ01", "Alder Park Hospital", "RZZ", "XY9 8ZZ")]
    assert sorted(_build_script().sites(rows, {"RZZ"})) == ["A1B2C", "RZZ01"]


def test_the_build_takes_nhs_trusts_missing_from_the_trust_files_from_site_parents():
    rows = [_row("TZZ01", "Beck Lodge", "TZZ", "AB1 2CD", "Northmoor Care NHS Foundation Trust"),
            _row("AZZ01", "Beck Hospital", "AZZ", "AB1 2CE", "Beck Hospital Trust Ltd"),
            _row("RZZ01", "Alder Park Hospital", "RZZ", "AB1 2CF", "Known NHS Trust")]
    assert _build_script().parent_trusts(rows, {"RZZ": {}}) == {
        "TZZ": {"names": ["NORTHMOOR CARE NHS FOUNDATION TRUST"], "opened": "", "closed": ""}}


def test_the_gazetteer_lists_a_trusts_own_site_code_first():
    sites_ = {"A1B2C": ["Alder Park Hospital", "RZZ", ""], "RZZ01": ["Alder Park Hospital", "RZZ", ""]}
    gaz = Gazetteer({"trusts": {"RZZ": {"names": ["NORTHMOOR VALLEY NHS TRUST"]}}, "mergers": {}, "sites": sites_})
    assert [s.code for s in gaz.sites_named("Alder Park Hospital")] == ["RZZ01", "A1B2C"]


def test_a_campus_the_gazetteer_names_after_its_trust_is_found_by_its_own_name():
    text = "Patients at the Queen's Medical Centre, run by Nottingham University Hospitals NHS Trust, waited."
    assert sites(text) == {"Queen's Medical Centre": ("RX1RA", "Nottingham University Hospitals NHS Trust")}


def test_a_town_written_before_a_known_site_stays_in_its_name_and_the_site_is_linked():
    text = "Worcestershire Acute Hospitals NHS Trust said Redditch Alexandra Hospital was busy."
    assert sites(text) == {"Redditch Alexandra Hospital": ("RWP01", "Worcestershire Acute Hospitals NHS Trust")}


def test_a_trusts_possessive_places_the_hospital_under_it_in_a_two_trust_story():
    text = f"{TRUST}’s Bridlington Hospital was inspected, as was {OTHER}."
    assert sites(text) == {"Bridlington Hospital": (None, TRUST)}


def test_part_of_a_trust_places_the_hospital_under_it():
    text = f"{TRUST} and {OTHER} were inspected. Bridlington Hospital, part of {OTHER}, was busy."
    assert sites(text) == {"Bridlington Hospital": (None, OTHER)}


def test_a_care_site_right_after_its_trusts_possessive_is_found_and_placed_under_it():
    text = f"{TRUST}’s Brookvale Lodge, a mental health unit, was inspected along with {OTHER}."
    assert sites(text) == {"Brookvale Lodge": (None, TRUST)}


def test_people_whose_surname_is_a_site_word_are_not_care_sites():
    text = (f"{TRUST} was inspected. Chief nurse Amanda Lodge said patients were safe, Dr Peter House praised "
            "the wards, and Tom Lodge, who chairs the board, said patients at Fernbeck House were calmer.")
    assert sites(text) == {"Fernbeck House": (None, TRUST)}


def test_a_site_short_form_after_another_in_an_in_a_and_b_list_is_a_site():
    text = "Barts Health NHS Trust found staff shortages in Whipps Cross and Royal London."
    assert sites(text) == {"Whipps Cross": ("R1HKH", "Barts Health NHS Trust"),
                           "Royal London": ("R1H12", "Barts Health NHS Trust")}


def test_an_area_a_site_is_named_after_is_the_area_not_the_site():
    # the trust runs "Forest of Dean Community Hospital"; the Forest of Dean alone is the area
    text = "Patients across the Forest of Dean waited longer, Gloucestershire Hospitals NHS Foundation Trust said."
    assert sites(text) == {}


def test_an_area_a_site_is_named_after_with_hospital_after_it_is_the_site():
    text = "Gloucestershire Hospitals NHS Foundation Trust said the Forest of Dean hospital was busy."
    assert sites(text) == {"Forest of Dean": ("U4O3U", "Gloucestershire Hospitals NHS Foundation Trust")}


def test_a_site_short_form_found_after_a_place_list_keeps_its_own_mention():
    text = ("Frimley Health NHS Foundation Trust serves patients across Surrey and Berkshire. "
            "Staff at Frimley Park were proud.")
    doc = analyse(Article(source="test", text=text))
    site = next(o for o in doc.organisations if o.kind == "hospital")
    assert (site.name, site.ods_code) == ("Frimley Park", "RDU01")
    assert [s for s, _e, k in doc.org_mentions if k == site.key] == [text.rindex("Frimley Park")]


def test_a_town_on_a_river_written_short_after_a_hospital_is_part_of_its_name():
    # the gazetteer knows "Kingston upon Thames"; news writes the town "Kingston"
    assert sites(f"{TRUST} said patients at Alder Park Hospital Kingston waited.") == {
        "Alder Park Hospital Kingston": (None, TRUST)}


def test_a_site_named_before_its_kind_in_lower_case_is_named_without_it():
    text = f"{TRUST} runs Brackenmoor Park mental health hospital and the Castle Vale secure unit."
    assert sites(text) == {"Brackenmoor Park": (None, TRUST), "Castle Vale": (None, TRUST)}


def test_a_town_or_an_indefinite_before_a_kind_of_site_names_no_site():
    text = f"{TRUST} said the Kettering secure unit and a Northshire mental health hospital were full."
    assert sites(text) == {}


# --- the operator the text states: "A, part of TRUST" said of the hospital, not "as part of" anywhere ---

def test_inspecting_a_site_as_part_of_a_probe_into_another_trust_keeps_its_stated_operator():
    text = (f"{TRUST} runs Alder Park Hospital. The CQC inspected Alder Park Hospital as part of a wider "
            f"probe into {OTHER}.")
    assert sites(text) == {"Alder Park Hospital": (None, TRUST)}


def test_a_hospital_which_is_part_of_a_trust_is_that_trusts():
    text = f"{OTHER} was inspected. Alder Park Hospital, which is part of {TRUST}, was rated good."
    assert sites(text) == {"Alder Park Hospital": (None, TRUST)}


# --- a care site's form with words of care next to the name, not anywhere in the sentence ---

def test_a_police_unit_investigating_deaths_of_patients_is_not_a_care_site():
    text = (f"Detectives from the Major Crime Unit are investigating the deaths of three patients at "
            f"Alder Park Hospital, run by {TRUST}.")
    assert sites(text) == {"Alder Park Hospital": (None, TRUST)}


def test_an_office_where_officials_meet_about_patients_is_not_a_care_site():
    text = f"{TRUST} bosses met officials at Ashgrove House in Leeds to discuss patients."
    assert sites(text) == {}


def test_a_review_team_named_unit_is_not_a_care_site():
    assert sites(f"The Cold Case Unit reviewed the deaths of patients at {TRUST}.") == {}


def test_a_word_of_care_far_from_a_house_in_a_long_sentence_does_not_make_it_a_care_site():
    text = (f"{TRUST} leaders, who spoke at Ashgrove House on Monday morning after a long talk with the board "
            "about money, later said that patients had waited.")
    assert sites(text) == {}


def test_two_sites_of_the_gazetteer_a_middle_word_apart_stay_two():
    # "Southend Hospital" and "Southend Private Hospital" are two sites, not one name without its middle word
    text = ("Mid and South Essex NHS Foundation Trust said Southend Hospital was busy. "
            "Southend Private Hospital was not.")
    assert sites(text) == {"Southend Hospital": ("RAJ01", "Mid and South Essex NHS Foundation Trust"),
                           "Southend Private Hospital": ("RAJ45", "Mid and South Essex NHS Foundation Trust")}


def test_a_unit_that_cares_for_people_is_a_care_site_when_its_sentence_is_long():
    text = f"The Fernbeck Unit, which cares for adults with dementia, was rated inadequate by {TRUST}."
    assert sites(text) == {"Fernbeck Unit": (None, TRUST)}
