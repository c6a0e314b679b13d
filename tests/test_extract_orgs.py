"""Organisation extraction: trusts, hospitals and the regulator, their ODS links and every mention resolved.

Texts are written for the test. Invented trusts show what the name's pattern alone finds; real ones show
the gazetteer link (ODS codes are the reference data's, not the text's).
"""
from __future__ import annotations

from nhskg.ingest.document import analyse
from nhskg.ingest.model import Article

TRUST = "Northshire Valley Hospitals NHS Trust"


def doc_of(text: str):
    return analyse(Article(source="test", text=text))


def orgs(text: str) -> dict:
    doc = doc_of(text)
    names = {o.key: o.name for o in doc.organisations}
    return {o.name: (o.kind, sorted(o.aliases), o.ods_code, names.get(o.trust_key)) for o in doc.organisations}


def mention_texts(doc, name: str) -> list[str]:
    key = next(o.key for o in doc.organisations if o.name == name)
    return [doc.text[s:e] for s, e, k in doc.org_mentions if k == key]


def test_invented_trust_with_abbreviation_short_form_and_references():
    text = (f"{TRUST} (NVHT) has been rated inadequate. Inspectors said the trust had too few nurses. "
            "NVHT said it accepted the findings, and Northshire Valley would recruit. The Trust's board met.")
    doc = doc_of(text)
    assert orgs(text) == {TRUST: ("trust", ["NVHT", "Northshire Valley"], None, None)}
    assert mention_texts(doc, TRUST) == [TRUST, "NVHT", "the trust", "NVHT", "Northshire Valley", "The Trust"]
    assert doc.org_mentions == sorted(doc.org_mentions)


def test_real_trust_links_to_ods_with_official_name_and_its_hospital_to_the_site():
    text = ("Kettering General Hospital NHS Foundation Trust was told to improve after inspectors visited "
            "Kettering General Hospital in March. The Care Quality Commission (CQC) said the hospital was busy.")
    doc = doc_of(text)
    by_name = {o.name: o for o in doc.organisations}
    trust = by_name["Kettering General Hospital NHS Foundation Trust"]
    assert (trust.kind, trust.ods_code, trust.official_name) == \
        ("trust", "RNQ", "Kettering General Hospital NHS Foundation Trust")
    hospital = by_name["Kettering General Hospital"]
    assert (hospital.kind, hospital.ods_code, hospital.trust_key, hospital.town) == \
        ("hospital", "RNQ51", trust.key, "Kettering")
    cqc = by_name["Care Quality Commission"]
    assert (cqc.kind, cqc.key) == ("regulator", "regulator:cqc")
    assert mention_texts(doc, "Care Quality Commission") == ["Care Quality Commission", "CQC"]
    assert mention_texts(doc, "Kettering General Hospital")[-1] == "the hospital"


def test_short_names_of_a_trust_and_of_a_hospital_resolve_to_them():
    text = ("Worcestershire Acute Hospitals NHS Trust runs the Alexandra Hospital in Redditch. "
            "Worcestershire Acute Trust said the Alex had improved, and the Alex Hospital's A&E was calmer.")
    assert orgs(text) == {
        "Worcestershire Acute Hospitals NHS Trust": ("trust", ["Worcestershire Acute Trust"], "RWP", None),
        "Alexandra Hospital": ("hospital", ["Alex Hospital", "the Alex"], "RWP01",
                               "Worcestershire Acute Hospitals NHS Trust"),
    }


def test_news_leading_words_are_not_part_of_a_name():
    text = ("Neighbouring Kettering General Hospital NHS Foundation Trust was rated good.\n"
            "Advertisement\nRelated Topics At Royal Stoke University Hospital, waits fell.\n"
            "Redditch's Alexandra Hospital was busy.")
    assert sorted(orgs(text)) == ["Alexandra Hospital", "Kettering General Hospital NHS Foundation Trust",
                                  "Royal Stoke University Hospital"]


def test_a_site_of_another_trust_is_not_given_to_the_story_trust():
    text = ("Kettering General Hospital NHS Foundation Trust was fined. The patient had been moved to "
            "Royal Stoke University Hospital, and earlier to Castlebrook Hospital.")
    found = orgs(text)
    assert found["Royal Stoke University Hospital"] == ("hospital", [], "RJE01", None)
    # a hospital the gazetteer does not place elsewhere, in a one-trust story, is that trust's
    assert found["Castlebrook Hospital"][3] == "Kettering General Hospital NHS Foundation Trust"


def test_listed_and_enumerated_hospitals_each_become_one():
    text = (f"{TRUST} runs the Abbey Field and Castle Brook hospitals. Southmoor Acute Hospitals NHS Trust "
            "includes the four hospitals of Upper Marsh, Lowfield (Eastby) and North Wold.")
    found = orgs(text)
    assert found["Abbey Field Hospital"][0] == "hospital"
    assert found["Castle Brook Hospital"][0] == "hospital"
    assert found["Upper Marsh"] == ("hospital", [], None, "Southmoor Acute Hospitals NHS Trust")
    assert found["Lowfield"] == ("hospital", [], None, "Southmoor Acute Hospitals NHS Trust")
    assert found["North Wold"] == ("hospital", [], None, "Southmoor Acute Hospitals NHS Trust")
    assert {o.name: o.town for o in doc_of(text).organisations}["Lowfield"] == "Eastby"


def test_compound_official_site_names_are_taken_whole():
    text = ("Inspectors visited Chelsea and Westminster Hospital and the Hospital of St Cross in Rugby, "
            "and Tunbridge Wells Hospital at Pembury. Chelsea and Westminster Hospital’s A&E was busy.")
    assert {n for n, v in orgs(text).items() if v[0] == "hospital"} == \
        {"Chelsea and Westminster Hospital", "Hospital of St Cross", "Tunbridge Wells Hospital at Pembury"}


def test_plural_hospitals_naming_the_trust_is_the_trust():
    text = ("East Kent Hospitals University NHS Foundation Trust was inspected. "
            "Susan Ashby, chief executive at East Kent Hospitals, said the report was fair.")
    doc = doc_of(text)
    assert [o.kind for o in doc.organisations] == ["trust"]
    assert doc.people[0].organisation_key == doc.organisations[0].key


def test_title_case_headlines_give_no_names_but_captions_do():
    text = ("Salford NHS Leaders To Support Other Local Hospitals\n"
            "Image caption Peterborough City Hospital is run by North West Anglia NHS Foundation Trust\n")
    assert orgs(text) == {
        "North West Anglia NHS Foundation Trust": ("trust", [], "RGN", None),
        "Peterborough City Hospital": ("hospital", [], "RGN80", "North West Anglia NHS Foundation Trust"),
    }


def test_every_organisation_has_evidence_of_its_first_mention():
    text = f"Page one.\nInspectors found {TRUST} had improved at Castlebrook Hospital."
    doc = doc_of(text)
    for o in doc.organisations:
        assert o.evidence.sentence == text[o.evidence.start:o.evidence.end]
        assert o.evidence.start == text.index("Inspectors")
    assert {o.evidence.method for o in doc.organisations} == {"pattern"}


def test_charities_and_offices_named_like_trusts_or_hospitals_are_neither():
    text = ("The Nuffield Trust said waiting lists were long and the Trussell Trust helps families. "
            "The Attorney General and the Secretary General spoke. Sheffield's Northern General was busy.")
    assert orgs(text) == {"Northern General": ("hospital", [], None, None)}


def test_what_the_text_says_runs_a_hospital_comes_before_the_gazetteer():
    text = ("Northshire Valley Hospitals NHS Trust, which runs Abbey Field Hospital and Castle Brook Hospital, "
            "was inspected. Upper Marsh Hospital, run by Southmoor Community NHS Trust, was not.")
    found = orgs(text)
    assert found["Abbey Field Hospital"][3] == found["Castle Brook Hospital"][3] == TRUST
    assert found["Upper Marsh Hospital"][3] == "Southmoor Community NHS Trust"


def test_a_hospital_town_is_the_one_the_text_gives():
    text = "Patients at Castlebrook Hospital in Kettering waited. Redditch's Abbey Field Hospital was calmer."
    towns = {o.name: o.town for o in doc_of(text).organisations}
    assert towns == {"Castlebrook Hospital": "Kettering", "Abbey Field Hospital": "Redditch"}


def test_a_site_name_several_trusts_share_links_to_the_site_of_the_article_trust():
    text = ("The Countess of Chester Hospital NHS Foundation Trust was inspected at the Countess of Chester "
            "Hospital.")
    hospital = next(o for o in doc_of(text).organisations if o.kind == "hospital")
    assert (hospital.name, hospital.ods_code, hospital.town) == ("Countess of Chester Hospital", "RJR05", "Chester")


def test_lower_case_trust_styles_count_only_when_the_gazetteer_knows_the_name():
    text = ("Staff at University Hospitals of Morecambe Bay NHS foundation trust were praised, unlike the "
            "Kettering General hospital trust. The Labour trust and the Nuffield Trust disagreed.")
    assert {n: v[2] for n, v in orgs(text).items()} == {
        "University Hospitals of Morecambe Bay NHS foundation trust": "RTX",
        "Kettering General hospital trust": "RNQ",
    }


def test_sites_of_the_article_trust_named_without_hospital_are_hospitals():
    text = ("Cambridge University Hospitals NHS Foundation Trust was rated good. Staff at Addenbrooke’s were "
            "proud. Frimley Health NHS Foundation Trust said Frimley Park had improved.")
    found = orgs(text)
    assert found["Addenbrooke’s"] == ("hospital", [], "RGT01", "Cambridge University Hospitals NHS Foundation Trust")
    assert found["Frimley Park"] == ("hospital", [], "RDU01", "Frimley Health NHS Foundation Trust")


def test_a_named_site_keeps_its_place_word_before_a_generic_kind_of_site():
    # regression: the gazetteer has sites called just "Community Hospital", which took the name's tail
    found = orgs(f"Maternity services at Ashcombe Community Hospital, run by {TRUST}, were rated inadequate. "
                 "Patients at Fernleigh County Hospital waited longer.")
    assert found["Ashcombe Community Hospital"][0] == "hospital"
    assert found["Fernleigh County Hospital"][0] == "hospital"
    assert "Community Hospital" not in found and "County Hospital" not in found


# --- trust names in the forms news writes them ---

def test_an_invented_foundation_trust_without_a_health_word_is_a_trust():
    # regression: the run took "NHS Foundation" and left a bare "Trust", which is how charities are named
    text = "Northgate and Eastfield NHS Foundation Trust was rated good. Eastfield Partnership NHS Trust was not."
    assert orgs(text) == {"Northgate and Eastfield NHS Foundation Trust": ("trust", [], None, None),
                          "Eastfield Partnership NHS Trust": ("trust", [], None, None)}


def test_an_abbreviation_with_nhs_trust_is_a_trust():
    assert orgs("The NVHT NHS Trust board met, and the NVFT Foundation Trust agreed.") == {
        "NVHT NHS Trust": ("trust", [], None, None), "NVFT Foundation Trust": ("trust", [], None, None)}


def test_a_bulleted_list_of_trusts_is_not_a_headline():
    text = ("The trusts placed in special measures are:\n  • Northmoor Valley Hospitals Trust\n"
            "  • Southfield Coast Hospitals Foundation Trust\n  - Eastby Teaching Hospitals Trust\n")
    assert sorted(orgs(text)) == ["Eastby Teaching Hospitals Trust", "Northmoor Valley Hospitals Trust",
                                  "Southfield Coast Hospitals Foundation Trust"]


def test_a_trust_name_wrapped_over_two_lines_is_one_name():
    text = "Inspectors visited services run by Northmoor North\nWest Valley Healthcare NHS Trust in\nJuly."
    assert orgs(text) == {"Northmoor North West Valley Healthcare NHS Trust": ("trust", [], None, None)}


def test_a_photo_id_before_a_trust_name_is_not_part_of_it():
    text = "Alder Park Hospital buildings PNL-1611-0125\n\nNorthmoor Valley Hospitals Trust was rated good."
    assert orgs(text)["Northmoor Valley Hospitals Trust"] == ("trust", [], None, None)
    assert not any("PNL" in n for n in orgs(text))


def test_a_trust_named_without_nhs_trust_links_when_the_reference_data_has_the_name():
    text = "East Midlands Ambulance Service was rated good, and Oxford Health said its wards had improved."
    assert {n: v[2] for n, v in orgs(text).items()} == {"East Midlands Ambulance Service": "RX9",
                                                       "Oxford Health": "RNU"}


def test_a_group_and_a_university_hospitals_named_bare_are_trusts():
    text = "Trusts fined include Nottingham University Hospitals and the Dudley Group."
    assert {n: v[:1] + v[2:3] for n, v in orgs(text).items()} == {
        "Nottingham University Hospitals": ("trust", "RX1"), "Dudley Group": ("trust", "RNA")}


def test_a_merged_trusts_two_place_name_is_the_trust_but_a_site_name_stays_a_hospital():
    text = "Shrewsbury and Telford Hospital was fined. Patients at Kettering General Hospital waited."
    assert {n: v[0] for n, v in orgs(text).items()} == {"Shrewsbury and Telford Hospital": "trust",
                                                       "Kettering General Hospital": "hospital"}


def test_bare_names_the_reference_data_lacks_or_places_are_not_trusts():
    text = "Northmoor Health said Solent was busy. The Wellcome Trust and Eastby Ambulance Service agreed."
    assert orgs(text) == {}


def test_a_trust_the_trust_files_lack_is_known_from_its_sites_parent_name():
    text = "Bradford District NHS Foundation Trust was rated good."
    assert orgs(text) == {"Bradford District NHS Foundation Trust": ("trust", [], "TAD", None)}


def test_a_bare_trust_name_after_its_full_name_is_its_alias():
    text = "Barts Health NHS Trust was rated good. Barts Health said staff were proud."
    assert orgs(text) == {"Barts Health NHS Trust": ("trust", ["Barts Health"], "R1H", None)}


def test_a_hospital_name_before_lower_case_trust_names_the_trust_not_a_hospital():
    assert orgs("The Northmoor DGH trust said no board member would stand down.") == {}


# --- hospital names as news varies them within one article ---

def test_a_misspelt_or_shortened_hospital_name_is_the_same_hospital():
    text = (f"{TRUST} runs Alder Castlebrook Hospital. Alder Castelbrook Hospital was rated good, "
            "and Alder Hospital staff were proud.")
    assert orgs(text) == {TRUST: ("trust", [], None, None), "Alder Castlebrook Hospital": (
        "hospital", ["Alder Castelbrook Hospital", "Alder Hospital"], None, TRUST)}


def test_hospitals_a_letter_apart_at_the_start_are_not_one():
    found = orgs(f"{TRUST} runs Westfield Hospital and Eastfield Hospital.")
    assert sorted(n for n, v in found.items() if v[0] == "hospital") == ["Eastfield Hospital", "Westfield Hospital"]


def test_plural_hospitals_that_are_neither_a_trust_nor_a_site_are_no_hospital():
    text = "More on Eastby Online\nHospitals in Northmoor were busy. Royal Shrewsbury Hospitals was inspected."
    assert {n: v[0] for n, v in orgs(text).items()} == {"Royal Shrewsbury Hospitals": "hospital"}


def test_an_abbreviation_named_with_nhs_trust_is_then_the_trust_alone():
    text = "The NVHT NHS Trust was rated good. NVHT said staff were proud."
    assert orgs(text) == {"NVHT NHS Trust": ("trust", ["NVHT"], None, None)}


def test_a_comma_list_of_trusts_in_one_sentence_gives_each_trust():
    text = ("The eleven trusts are: Northmoor Valley Hospitals Trust, Southfield Coast Foundation Trust, "
            "Eastby Healthcare Trust and the Westby Hospitals NHS Trust.")
    assert sorted(orgs(text)) == ["Eastby Healthcare Trust", "Northmoor Valley Hospitals Trust",
                                  "Southfield Coast Foundation Trust", "Westby Hospitals NHS Trust"]


def test_a_county_written_short_in_a_trust_name_links_to_the_trust():
    text = "Notts Healthcare NHS Foundation Trust and Bucks Healthcare Trust were inspected."
    assert {n: v[2] for n, v in orgs(text).items()} == {"Notts Healthcare NHS Foundation Trust": "RHA",
                                                       "Bucks Healthcare Trust": "RXQ"}


def test_a_known_site_written_with_a_lower_case_hospital_is_that_site_and_a_county_hospital_is_none():
    text = ("Worcestershire Acute Hospitals NHS Trust said the Alexandra hospital in Redditch was busy, "
            "unlike a Northshire hospital.")
    assert orgs(text)["Alexandra hospital"] == ("hospital", [], "RWP01", "Worcestershire Acute Hospitals NHS Trust")
    assert [v[0] for v in orgs(text).values()] == ["trust", "hospital"]


def test_dgh_after_a_word_that_is_no_sites_name_is_no_hospital():
    # "X DGH" is "X District General Hospital" written short; "Rural DGH" names no site
    assert orgs(f"{TRUST} said Rural DGH units like Northshire face pressure.") == {
        TRUST: ("trust", [], None, None)}


def test_dgh_after_the_place_of_a_district_general_hospital_is_that_site():
    text = "East Sussex Healthcare NHS Trust said Eastbourne DGH was rated good."
    assert orgs(text)["Eastbourne DGH"] == ("hospital", [], "RXC02", "East Sussex Healthcare NHS Trust")


def test_a_two_place_site_name_with_a_generic_word_stays_the_hospital_its_successor_runs():
    # the successor trust kept the old trust's code; "X and Y University Hospital" is the site "X and Y Hospital"
    text = ("Patients at Luton and Dunstable University Hospital waited 12 hours, "
            "Bedfordshire Hospitals NHS Foundation Trust said.")
    assert orgs(text) == {
        "Bedfordshire Hospitals NHS Foundation Trust": ("trust", [], "RC9", None),
        "Luton and Dunstable University Hospital": ("hospital", [], "RC971",
                                                    "Bedfordshire Hospitals NHS Foundation Trust")}


def test_a_two_place_site_name_in_a_list_of_trusts_is_the_trust():
    text = f"Trusts fined include {TRUST} and Luton and Dunstable University Hospital."
    assert {n: v[0] for n, v in orgs(text).items()} == {TRUST: "trust",
                                                       "Luton and Dunstable University Hospital": "trust"}


def test_a_caption_line_does_not_run_into_the_name_on_the_next_line():
    text = "Staff were praised.\nPicture: Google\nNorthmoor Valley NHS Trust was rated good by inspectors in May."
    assert orgs(text) == {"Northmoor Valley NHS Trust": ("trust", [], None, None)}


def test_a_short_byline_without_a_full_stop_does_not_run_into_the_next_line():
    text = "Staff were praised.\nReporting Jane Roe\nNorthmoor Valley NHS Trust was rated good by inspectors."
    assert orgs(text) == {"Northmoor Valley NHS Trust": ("trust", [], None, None)}
