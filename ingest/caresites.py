"""Care sites named by their form that the gazetteer may not hold: "the X Centre", "X Lodge", "Y House",
"the W Unit", "Z Clinic", "the X Centre for Mental Health".

Such words also name offices, shops, courts and departments ("Wellington House", the "Urgent Care Centre"),
so a name counts as a care site only when it has a word of its own (not a kind of service), is not a
part of a hospital ("the W Unit at X Hospital" is a ward) nor a person ("Dr Jane House", "Tom Lodge
said") nor a team ("the Major Crime Unit"), and words of care stand next to it: patients, wards, beds, an
inspection, a rating. A name the gazetteer holds needs no such words. GUIDE: care sites are standalone places; a ward, a
headquarters or a team is not one.
"""
from __future__ import annotations

import bisect
import re

from .gazetteer import gazetteer
from .orgnames import _SITE_RUN, _WS, _EndingAt, _clean_run, free_run, town_key, towns  # the grammar of site names

_FORMS = r"Centre|Unit|Lodge|House|Clinic"
CARE_SITE_RE = _EndingAt(rf"(?<![\w’'])({_SITE_RUN}){_WS}({_FORMS})(?![\w’'-])", rf"\b(?:{_FORMS})\b")
# "X mental health hospital", "Y secure unit": the kind of site in lower case after its name, which is the name
_DESCRIPTOR = r"(?:mental[ \t]+health|psychiatric|secure|specialist|rehabilitation|learning[ \t]+disability)"
DESCRIBED_SITE_RE = _EndingAt(
    rf"(?<![\w’'])({_SITE_RUN}){_WS}({_DESCRIPTOR}[ \t]+(?:hospital|unit|centre|clinic))(?![\w’'-])",
    r"\b(?:hospital|unit|centre|clinic)\b")
_INDEFINITE = re.compile(r"\b(?:an?|one|another)[ \t]+$", re.IGNORECASE)  # "a Northshire mental health unit"
_FOR = re.compile(r"[ \t]+for[ \t]+((?:[A-Z][\w’'-]+)(?:[ \t]+[A-Z][\w’'-]+){0,3})")  # "and" begins another name
_IN_HOSPITAL = re.compile(r",?[ \t]+(?:at|in|within|of|on)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w’'-]+[ \t]+){1,4}"
                          r"(?:Hospital|Infirmary)\b")
# Words that say what a department or a service is, not which place: "Urgent Care Centre", "Minor Injury Unit".
_SERVICE_WORDS = {
    "emergency", "urgent", "care", "assessment", "admissions", "admission", "minor", "injury", "injuries",
    "intensive", "critical", "coronary", "high", "dependency", "day", "surgery", "surgical", "treatment",
    "medical", "maternity", "midwife", "midwifery", "led", "birth", "birthing", "cancer", "eye", "heart", "stroke",
    "renal", "dialysis", "diagnostic", "diagnostics", "imaging", "community", "health", "mental", "older",
    "people", "people's", "children's", "women's", "young", "acute", "rehabilitation", "rehab", "psychiatric",
    "secure", "medium", "low", "forensic", "learning", "disability", "disabilities", "eating", "disorders",
    "mother", "baby", "neonatal", "special", "walk-in", "operations", "control", "call", "contact", "clinical",
    "decision", "ambulatory", "short", "stay", "observation", "trauma", "major", "regional", "national",
    "specialist", "outpatient", "outpatients", "inpatient", "discharge", "frailty", "therapy", "support",
    "leisure", "conference", "shopping", "business", "job", "visitor", "visitors", "training", "education",
    "research", "vaccination", "vaccine", "testing", "test", "new", "main", "central", "the", "and", "of",
}
# Words of care said of the name itself, within a few words of it ("patients at X House", "X Lodge, a 20-bed
# unit", "inspected the X Centre", "at Y Hospital; the X Centre in Town", "TRUST runs the X Clinic"): a word
# of care elsewhere in a long sentence says nothing of an office or a police unit named in it.
_CARE_CUE = re.compile(r"\b(?:in-?patients?|patients?|wards?|beds?|-bed(?:ded)?|bedded|mental[ \t]+health|"
                       r"psychiatric|nursing|inspect(?:ed|ion|ions|ors?)|visited|rated|rating|unit|care[ \t]+home|"
                       r"residents?|admitted|discharged|detained|treated|treatment|clinic|hospital|infirmary|cares|"
                       r"caring|dementia|runs|ran|run[ \t]+by|operates|operated[ \t]+by|trust['’]s)\b", re.IGNORECASE)
_NEAR = 6  # words either side of the name
_WORD = re.compile(r"[\w’'-]+")
# A unit of police, investigators or officials is a team, not a place of care: "the Major Crime Unit", "the
# Cold Case Unit", "detectives from the X Unit", "officials at X House".
_TEAM_WORDS = re.compile(r"\b(?:police|policing|crime|crimes|fraud|investigations?|investigators?|case|cases|office|"
                         r"intelligence|security|enforcement|detectives?|officers?|officials?|civil[ \t]+servants?)\b",
                         re.IGNORECASE)
_TEAM_BEFORE = re.compile(r"\b(?:police|detectives?|officers?|officials?|investigators?|civil[ \t]+servants?|"
                          r"ministers?)[ \t]+(?:from|at|of|in|with)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
# "House" and "Lodge" are surnames too: "Dr Jane House", "said Tom Lodge", "Amy Lodge said".
_PERSON_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Cllr|said|says|by|nurse|"
                            r"executive|director|chair|chairman|chairwoman|manager|officer|inspector|secretary|"
                            r"minister|MP)\.?[ \t]+$", re.IGNORECASE)
_PERSON_AFTER = re.compile(r",?[ \t]+(?:said|says|told|added|explained|who)\b")
_NOT_CARE = re.compile(r"\b(?:headquarters|head[ \t]+office|offices|HQ|court|magistrates|council|parliament|"
                       r"shopping|conference|leisure|meeting)\b", re.IGNORECASE)


def care_site_candidates(text: str, sentences: list[tuple[int, int]], taken: list[tuple[int, int]]):
    """(start, end, name) of each care site the text names by its form or by a kind of site after it."""
    found = list(_formed_sites(text, sentences, taken))
    yield from found
    yield from _described_sites(text, taken + [(s, e) for s, e, _n in found])


def _described_sites(text: str, taken: list[tuple[int, int]]):
    """"X mental health hospital": X, unless it is a town ("the Northshire mental health unit") or follows "a"."""
    for m in DESCRIBED_SITE_RE.finditer(text):
        free = free_run(text, m, taken)
        run = _clean_run(free[1]) if free else ""
        if not run or town_key(run) in towns() or all(w.lower() in _SERVICE_WORDS for w in run.split()):
            continue
        start = free[0] + text[free[0]:m.end(1)].find(run.split()[0])
        if not _INDEFINITE.search(text, max(0, start - 12), start):
            yield start, start + len(run), run


def _formed_sites(text: str, sentences: list[tuple[int, int]], taken: list[tuple[int, int]]):
    starts = [s for s, _e in sentences]
    gaz = gazetteer()
    for m in CARE_SITE_RE.finditer(text):
        free = free_run(text, m, taken)
        if free is None:
            continue
        run_start, run = free
        run = _clean_run(run)
        if not run or all(w.lower() in _SERVICE_WORDS for w in run.split()):
            continue
        name, end = f"{run} {m.group(2)}", m.end()
        extra = _FOR.match(text, end)  # "the X Centre for Mental Health"
        if extra:
            name, end = f"{name} for {' '.join(extra.group(1).split())}", extra.end()
        if _IN_HOSPITAL.match(text, end):
            continue  # a unit of a hospital, not a place of its own
        start = run_start + text[run_start:m.end(1)].find(run.split()[0])
        i = bisect.bisect_right(starts, m.start()) - 1
        ss, se = sentences[i] if i >= 0 else (0, len(text))
        if not gaz.sites_named(name) and not _cared_for(text, start, end, ss, se):
            continue
        if _PERSON_BEFORE.search(text, max(0, start - 20), start) or _PERSON_AFTER.match(text, end):
            continue
        yield start, end, name


def _cared_for(text: str, start: int, end: int, ss: int, se: int) -> bool:
    """A name of a care site's form is one when a word of care stands within a few words of it, in a sentence
    that names no office, court or meeting, and neither it nor the words just before it make it a team."""
    if _NOT_CARE.search(text, ss, se) or _TEAM_WORDS.search(text, start, end) or \
            _TEAM_BEFORE.search(text, max(ss, start - 40), start):
        return False
    before = _WORD.findall(text, max(ss, start - 120), start)[-_NEAR:]
    after = _WORD.findall(text, end, min(se, end + 120))[:_NEAR]
    return bool(_CARE_CUE.search(" ".join(before)) or _CARE_CUE.search(" ".join(after)))
