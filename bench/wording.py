"""Word lists for synthetic articles: invented people, the ways news words each CQC term, filler and page noise.

Everything here is written for this project. Names are common British first names and surnames
combined at random, so the people are invented.
"""
from __future__ import annotations

FEMALE = ("Jane Sarah Helen Claire Rachel Emma Louise Karen Fiona Alison Joanne Nicola Gillian Julie Lucy Amanda "
          "Priya Aisha Mei Ngozi Siobhan Hannah Deborah Bernadette Farah Agnieszka Lorraine").split()
MALE = ("John David Mark Paul Simon James Andrew Peter Richard Stephen Michael Robert Neil Ian Martin Gareth "
        "Ravi Omar Tomasz Kwame Declan Graham Colin Angus Imran Chidi Tariq").split()
LAST = ("Ashworth Bramley Carver Dalton Ellery Fairbairn Gilchrist Holloway Ingram Jessop Kershaw Lomax "
        "Marlow Norwood Oakley Pennington Quayle Rowntree Sutcliffe Thornton Underwood Varley Whitfield "
        "Yardley Ainsworth Blackburn Cartwright Dunmore Eastwood Fenwick Garside Hartley Illingworth Kaur "
        "Lindqvist Mahmood Nwosu Okafor Patel Rahman Singh Chaudhry Kowalski Mensah O'Donnell McAllister "
        "Fitzgerald-Hughes Brennan Whitlock Stanhope").split()

HONORIFIC_WEIGHTS = ((None, 6), ("Dr", 2), ("Professor", 1), ("Sir", 0.3), ("Dame", 0.3))
# Second mentions: "Mr Lomax" (men first). Knights and dames keep the first name ("Sir John").
COURTESY = ("Mr", "Mrs", "Ms")

EXECUTIVE_ROLES = ("chief executive", "chief executive", "chief executive", "chair", "chairman", "medical director",
                   "chief nurse", "director of nursing", "chief operating officer", "director of midwifery")
INSPECTOR_ROLES = ("chief inspector of hospitals", "chief inspector of hospitals", "deputy chief inspector of hospitals",
                   "head of hospital inspection", "chief executive")
CQC = "Care Quality Commission"

LEVELS = ("Outstanding", "Good", "Requires improvement", "Inadequate")
RANK = {level: i for i, level in enumerate(LEVELS)}  # lower is better

# canonical service (GUIDE.md) -> how news words it
ACUTE_SERVICES = {
    "urgent and emergency care": ("urgent and emergency care", "A&E", "accident and emergency",
                                  "the emergency department", "emergency care", "urgent and emergency services"),
    "medical care": ("medical care", "medicine", "medical services", "medical care including older people's care"),
    "surgery": ("surgery", "surgical services", "surgical care"),
    "critical care": ("critical care", "intensive care"),
    "maternity": ("maternity", "maternity services", "maternity and gynaecology", "maternity care"),
    "services for children and young people": ("services for children and young people", "children's services",
                                               "paediatrics", "services for children"),
    "end of life care": ("end of life care", "end-of-life care", "end of life services"),
    "outpatients": ("outpatients", "outpatient services", "outpatients and diagnostic imaging"),
    "diagnostic imaging": ("diagnostic imaging", "diagnostics"),
}
# Other kinds of trust: GUIDE.md keeps the text's own words, so the wording is the gold value.
OTHER_SERVICES = {
    "mental health": ("acute wards for adults of working age and psychiatric intensive care units",
                      "long stay or rehabilitation mental health wards for working age adults",
                      "forensic inpatient or secure wards", "child and adolescent mental health wards",
                      "wards for older people with mental health problems",
                      "community-based mental health services for adults of working age",
                      "mental health crisis services and health-based places of safety",
                      "specialist community mental health services for children and young people"),
    "community": ("community health services for adults", "community health inpatient services",
                  "community end of life care", "urgent care services", "community dental services",
                  "sexual health services"),
    "ambulance": ("emergency and urgent care", "patient transport services", "emergency operations centre"),
}

QUESTIONS = ("safe", "effective", "caring", "responsive", "well-led")
# key question -> (adjective as news words it, noun)
QUESTION_WORDS = {
    "safe": (("safe",), ("safety",)),
    "effective": (("effective",), ("effectiveness",)),
    "caring": (("caring",), ("caring",)),
    "responsive": (("responsive",), ("responsiveness",)),
    "well-led": (("well-led", "well led"), ("leadership", "being well-led")),
}

ENFORCEMENT = ("section 29A warning notice", "section 31 conditions", "requirement notice", "prosecution")

MONTHS = ("January February March April May June July August September October November December").split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

PUBLISHERS = ("Gazette", "Echo", "Evening Post", "Herald", "Advertiser", "Chronicle", "Star", "Mercury")

EXEC_QUOTES = (
    "We accept the findings in full and we are sorry that we have let patients down",
    "Our staff have worked incredibly hard and I want to thank every one of them",
    "There is still more to do, but this shows we are moving in the right direction",
    "We have already made changes and we will continue to make improvements",
    "Patient safety is our highest priority and we are taking this report very seriously",
    "I am proud of our teams, who have shown great resilience under pressure",
    "We recognise the concerns raised and have put a plan in place to address them",
    "The report reflects a lot of hard work across the organisation",
)
INSPECTOR_QUOTES = (
    "We found some improvements since our last inspection, but the pace of change has been too slow",
    "Patients deserve better, and we will return to check that the trust makes the changes needed",
    "It is clear that the leadership team has worked hard to turn things around",
    "Staff were kind and caring, but they were working in a system under severe strain",
    "We were concerned about staffing levels and the safety of patients waiting to be seen",
    "The trust must now make sure these improvements are sustained",
    "I was encouraged by the commitment of staff to making things better for patients",
)
OTHER_QUOTES = (
    "Local people deserve a hospital they can rely on",
    "The staff were wonderful, but you could see they were stretched",
    "This report confirms what staff have been telling us for months",
    "I will be seeking urgent assurances from the trust's leadership",
)
OTHER_ROLES = (("MP", None), ("patient", None), ("regional organiser", "Unison"), ("campaigner", None),
               ("regional director", "NHS England"), ("councillor", None))

FILLER = (
    "The report highlighted long waits for patients arriving by ambulance.",
    "Bed occupancy had been consistently above 95% during the winter.",
    "Inspectors found that staff did not always have time to complete mandatory training.",
    "The trust employs around {n},000 staff and serves a population of about {m}00,000 people.",
    "Some patients told inspectors they had waited more than 12 hours for a bed.",
    "Medicines were not always stored securely, the report said.",
    "The CQC looks at whether services are safe, effective, caring, responsive and well-led.",
    "Ratings range from outstanding and good to requires improvement and inadequate.",
    "The full report is available on the regulator's website.",
    "Staff vacancies remain a challenge, particularly among nurses and midwives.",
    "The trust said it had recruited more than {n}0 new nurses over the past year.",
    "Infection control procedures were found to be in line with national guidance.",
    "Inspectors praised a new discharge lounge which had freed up beds on the wards.",
    "Record keeping was described as inconsistent across several wards.",
    "A new electronic patient record system is due to go live next year.",
    "Complaints were not always responded to within the trust's own target times.",
    "The building has been earmarked for replacement under the national hospital programme.",
    "Some equipment had not been checked or serviced on time.",
    "Patients were generally positive about the care they received.",
    "The trust has faced financial pressures, with a deficit of £{n}{m} million last year.",
    "Health leaders said demand on emergency services had reached record levels.",
    "Managers were described as visible and approachable by frontline staff.",
    "Local health campaigners have called for more investment in community services.",
    "Waiting lists for planned operations have grown sharply since the pandemic.",
    "The trust is one of the largest employers in the county.",
)
CAPTIONS = (
    "Image caption, The report was published on {weekday}", "Image source, Getty Images", "Image source, PA Media",
    "Related Topics", "More on this story", "Share this article", "Share", "Advertisement",
    "Sign up to our daily newsletter", "Comments ({n})", "Follow us on social media for the latest news",
    "Get in touch with our newsdesk", "Read more", "Skip to content", "Top stories",
)
BYLINES = ("By Health Correspondent", "By Staff Reporter", "By our Health Reporter", "Health Editor", "Newsdesk")
