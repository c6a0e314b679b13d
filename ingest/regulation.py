"""Inspections and enforcement actions stated in an article (special measures: `special_measures`)."""
from __future__ import annotations

import re

from .hedges import asserted
from .model import Enforcement, Inspection
from .reg_subjects import recipient_trusts, sentences_with, subject_trusts
from .when import find_dates, join_range

_SM = re.compile(r"special\s+measures", re.IGNORECASE)
_INSPECTION = re.compile(r"\b(?:inspect(?:ed|ion|ions|ors?)|visit(?:ed|s)?|(?:announced|unannounced)\s+(?:inspection|visit))\b",
                         re.IGNORECASE)
# "the CQC issued the trust with a (formal) warning", "a warning was given by the regulator": a warning is
# the notice only when the regulator gives it; "the trust has issued a warning to patients" is advice
_GAVE_WARNING = re.compile(r"\b(?:issued|served|gave|given|sent)\s+(?:\w+\s+){0,6}?(?:with\s+)?an?\s+(?:formal\s+)?"
                           r"warning\b(?!\s+(?:to|for)\s+(?:the\s+)?(?:patients|public|people|parents|visitors))",
                           re.IGNORECASE)
_REGULATOR = r"\b(?:CQC|Care\s+Quality\s+Commission|regulator|inspectors?|watchdog)\b"
_REGULATOR_AGENT = re.compile(_REGULATOR + r"\s+(?:\w+\s+){0,3}$", re.IGNORECASE)  # "the CQC has today issued"
_BY_REGULATOR = re.compile(r"^[^.;]{0,60}?\bby\s+(?:the\s+)?" + _REGULATOR, re.IGNORECASE)


def _regulator_warning(sentence: str):
    for m in _GAVE_WARNING.finditer(sentence):
        if _REGULATOR_AGENT.search(sentence, 0, m.start()) or _BY_REGULATOR.match(sentence[m.end():]):
            return m
    return None


# "fined £1.2m", "fined a record / a whopping / an unprecedented £1.2m", "fined 1.5 million pounds": a court's
# penalty; a commissioner's contract fine for a missed target is none
_PROSECUTED = re.compile(r"\bprosecut(?:ed|ion|ions|ing)\b|\bpleaded\s+guilty\b"
                         r"|\bfined\s+(?:[\w-]+\s+){0,3}?(?:£|\d[\d,.]*\s*(?:million|m)\b|(?:half\s+)?an?\s+million\b)"
                         r"(?![^.;]{0,80}\b(?:commissioners|CCGs?|clinical\s+commissioning|targets?)\b)", re.IGNORECASE)
# "was ordered to pay £200,000": a penalty only where the sentence is about a criminal case
_ORDERED_TO_PAY = re.compile(r"\bordered\s+to\s+pay\s+(?:[\w-]+\s+){0,3}?£", re.IGNORECASE)
_CRIMINAL_CASE = re.compile(r"\b(?:sentenc\w*|convict\w*|magistrates|crown\s+court|criminal|offences?)\b", re.IGNORECASE)


def _prosecution(sentence: str):
    m = _PROSECUTED.search(sentence)
    if m:
        return m
    m = _ORDERED_TO_PAY.search(sentence)
    return m if m and _CRIMINAL_CASE.search(sentence) else None


# (kind, finder): the first words in a sentence that state the action
_ENFORCEMENT = [
    ("section 29A warning notice", re.compile(r"\bwarning\s+notices?\b|\bsection\s+29A\b", re.IGNORECASE).search),
    ("section 29A warning notice", _regulator_warning),
    # "section 31", "(urgent) conditions (were imposed) on the trust's registration", "imposed conditions"
    ("section 31 conditions", re.compile(r"\bsection\s+31\b|\bconditions?\b[^.;]{0,40}?\b(?:on|to)\s+(?:the\s+|its\s+|"
                                         r"their\s+)?(?:[\w-]+['’]s?\s+)?registration\b|\bimpos\w*\s+(?:\w+\s+)?"
                                         r"conditions?\b", re.IGNORECASE).search),
    ("requirement notice", re.compile(r"\brequirement\s+notices?\b", re.IGNORECASE).search),
    ("prosecution", _prosecution),
]
# words every enforcement statement holds, for a fast scan of the lower-cased text
_ENFORCEMENT_WORDS = re.compile(r"warning|section\s+29a|section\s+31|condition|requirement\s+notice|prosecut|guilty"
                                r"|fined|ordered\s+to\s+pay")


def find_inspections(doc) -> list[Inspection]:
    out: dict[tuple, Inspection] = {}
    kinds = {o.key: o.kind for o in doc.organisations}
    for ss, se in doc.sentences:
        sentence = doc.text[ss:se]
        cues = [m.start() for m in _INSPECTION.finditer(sentence)]
        if not cues:
            continue
        dates = [d for d in _spans(sentence, find_dates(sentence, doc.article.published))
                 if _near_inspection(sentence, d, cues)]
        if not dates:
            continue
        here = [k for _s, _e, k in doc.mentions_in(ss, se) if kinds.get(k) in ("trust", "hospital")]
        subject = here[0] if here else (doc.main("trust") or doc.main("hospital"))
        if subject is None:
            continue
        for _s, _e, start, end in dates:
            key = (subject, start)
            if key not in out:
                out[key] = Inspection(subject, start, end, doc.evidence(ss, se, "pattern", 0.6))
    return list(out.values())


_RANGE_GAP = re.compile(r"\s*(?:and|to|until|till|-|–)\s*", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)


def _spans(sentence: str, dates: list) -> list:
    """'between February and June' is one visit from February to June, not two visits."""
    out = []
    for d in dates:
        prev = out[-1] if out else None
        if prev and prev[3] is None and _RANGE_GAP.fullmatch(sentence[prev[1]:d[0]]) \
                and _RANGE_OPEN.search(sentence[:prev[0]][-15:]):
            out[-1] = (prev[0], d[1], *join_range(prev[2], d[3] or d[2]))
        else:
            out.append(d)
    return out


def _near_inspection(sentence: str, date, cues: list[int]) -> bool:
    """A date tells when a visit was when it stands close to the word for it, with no special measures between."""
    for c in cues:
        lo, hi = sorted((c, date[0]))
        if hi - lo <= 90 and not _SM.search(sentence[lo:hi]) and not re.search(r"[;]", sentence[lo:hi]):
            return True
    return False


def find_enforcement(doc) -> list[Enforcement]:
    """Every notice, condition or prosecution a sentence reports, once per trust it names as the one
    acted against ("A and B were issued with warning notices": two facts)."""
    out: dict[tuple, Enforcement] = {}
    for i in sentences_with(doc, _ENFORCEMENT_WORDS):
        ss, se = doc.sentences[i]
        sentence = doc.text[ss:se]
        for kind, find in _ENFORCEMENT:
            m = find(sentence)
            if not m or not asserted(sentence, m.start(), infinitive_is_goal=False):
                continue
            at = (ss + m.start(), ss + m.start())
            dates = find_dates(sentence, doc.article.published)
            for trust in recipient_trusts(doc, ss + m.end(), se) or subject_trusts(doc, i, at, (at[0], ss + m.end())):
                key = (trust, kind)
                if key not in out:
                    out[key] = Enforcement(trust, kind, dates[0][2] if dates else None,
                                           doc.evidence(ss, se, "pattern", 0.7))
    return list(out.values())
