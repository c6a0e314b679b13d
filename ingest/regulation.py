"""Special measures, inspections and enforcement actions stated in an article."""
from __future__ import annotations

import re

from .model import Enforcement, Inspection, SpecialMeasures
from .when import find_dates, join_range

_SM = re.compile(r"special\s+measures", re.IGNORECASE)
_SM_STATUS = [
    ("recommended", re.compile(r"\brecommend\w*\b[^.]{0,200}?special\s+measures|special\s+measures[^.]{0,40}?"
                               r"\brecommend", re.IGNORECASE)),
    ("out", re.compile(r"\b(?:taken|come|came|coming|emerged?|emerging|exit(?:ed|s|ing)?|removed|released|lifted|"
                       r"moved|brought|got|get|getting|leave|left|leaving)\b[^.]{0,30}?\bout\s+of\s+special\s+measures"
                       r"|\b(?:emerged?|emerging|exit(?:ed|s|ing)?|removed|released|lifted|left)\s+(?:from\s+)?"
                       r"special\s+measures|special\s+measures\s+(?:has|have|had|was|were)\s+(?:been\s+)?lifted",
                       re.IGNORECASE)),
    ("remains", re.compile(r"\b(?:remains?|remained|still|continues?\s+to\s+be|stay(?:s|ed)?|kept)\b[^.]{0,30}?"
                           r"\bin\s+special\s+measures", re.IGNORECASE)),
    ("placed", re.compile(r"\b(?:placed|put|plunged|entered|went|go|going|placing|putting)\b[^.]{0,40}?"
                          r"\b(?:in|into)\s+special\s+measures|\bin\s+special\s+measures\s+since|"
                          r"\b(?:is|was|are|were|been|being)\s+in\s+special\s+measures", re.IGNORECASE)),
]
_HYPOTHETICAL = re.compile(r"\b(?:could|might|may|would|should|if|avoid|risk|threat|facing|faces|prospect|"
                           r"want|wants|hope|hopes|aim|aims|bid|plans?|ambition|seeking|anticipated?|"
                           r"expects?|expected|likely|to\s+get|order\s+to)\b", re.IGNORECASE)
# "recommended that the trust be removed from special measures" is a way out, not in
_OUT_WORDS = re.compile(r"\b(?:removed|taken\s+out|come\s+out|exit|leave|lifted|released)\b", re.IGNORECASE)

_INSPECTION = re.compile(r"\b(?:inspect(?:ed|ion|ions|ors?)|visit(?:ed|s)?|(?:announced|unannounced)\s+(?:inspection|visit))\b",
                         re.IGNORECASE)
_ENFORCEMENT = [
    ("section 29A warning notice", re.compile(r"\bwarning\s+notices?\b|\bsection\s+29A\b", re.IGNORECASE)),
    ("section 31 conditions", re.compile(r"\bsection\s+31\b|\bconditions?\s+(?:on|to)\s+(?:the\s+|its\s+|their\s+)?"
                                         r"(?:[\w-]+['’]s?\s+)?registration\b|\bimpos\w*\s+(?:\w+\s+)?conditions?\b",
                                         re.IGNORECASE)),
    ("requirement notice", re.compile(r"\brequirement\s+notices?\b", re.IGNORECASE)),
    ("prosecution", re.compile(r"\bprosecut(?:ed|ion|ing)\b|\bpleaded\s+guilty\b|\bfined\s+£", re.IGNORECASE)),
]


def _trust_for(doc, ss: int, se: int, pos: int) -> str | None:
    """The trust a sentence is about: a trust named before pos, a hospital's trust, else the story's trust."""
    kinds = {o.key: o for o in doc.organisations}
    here = [(s, k) for s, _e, k in doc.mentions_in(ss, se) if kinds[k].kind in ("trust", "hospital")]
    ordered = [k for s, k in here if s < pos] [::-1] + [k for s, k in here if s >= pos]
    for k in ordered:
        o = kinds[k]
        if o.kind == "trust":
            return k
        if o.trust_key:
            return o.trust_key
    return doc.main("trust") or (ordered[0] if ordered else doc.main("hospital"))


def find_special_measures(doc) -> list[SpecialMeasures]:
    out: dict[tuple[str, str], SpecialMeasures] = {}
    for ss, se in doc.sentences:
        sentence = doc.text[ss:se]
        if not _SM.search(sentence):
            continue
        for status, pattern in _SM_STATUS:
            m = pattern.search(sentence)
            if not m or _HYPOTHETICAL.search(sentence[:m.start()][-60:]):
                continue
            if status == "recommended" and _OUT_WORDS.search(m.group()):
                status = "out"
            trust = _trust_for(doc, ss, se, m.start() + ss)
            if trust is None or doc.org(trust).kind not in ("trust", "hospital"):
                continue
            date = None
            if status in ("placed", "remains"):
                dates = [d for d in find_dates(sentence[m.start():], doc.article.published)]
                date = dates[0][2] if dates else None
            key = (trust, status)
            if key not in out:
                out[key] = SpecialMeasures(trust, status, date, doc.evidence(ss, se, "pattern", 0.8))
            elif date and not out[key].date:
                out[key].date = date
            break
    return list(out.values())


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
    out: dict[tuple, Enforcement] = {}
    for ss, se in doc.sentences:
        sentence = doc.text[ss:se]
        for kind, pattern in _ENFORCEMENT:
            m = pattern.search(sentence)
            if not m:
                continue
            trust = _trust_for(doc, ss, se, ss + m.start())
            if trust is None:
                continue
            dates = find_dates(sentence, doc.article.published)
            key = (trust, kind)
            if key not in out:
                out[key] = Enforcement(trust, kind, dates[0][2] if dates else None,
                                       doc.evidence(ss, se, "pattern", 0.7))
    return list(out.values())
