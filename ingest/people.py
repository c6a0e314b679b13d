"""People named in an article: name apart from honorific, role, organisation and kind.

A capitalised pair is taken for a person only with a cue that news uses for people: an honorific,
a role next to the name, or a verb of saying. Later short forms ("Mrs MacKay", "Sir Mike",
"Professor Barnett") resolve to the person first named in full, a misspelt surname included.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .model import Person

HONORIFIC = r"(?:Professor|Prof\.?|Dr\.?|Sir|Dame|Mr\.?|Mrs\.?|Ms\.?|Miss|Lord|Baroness|Lady|Cllr\.?|Councillor|Rev\.?)"
_HON_RE = re.compile(rf"^(?:{HONORIFIC}\s+)+", re.IGNORECASE)
_NAME_TOKEN = r"(?:[A-Z][a-z]*(?:[A-Z][a-z]+)?(?:['’\-][A-Z][a-z]+)?)"
_NAME = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}}"
PERSON_RE = re.compile(rf"(?<![\w’'])((?:{HONORIFIC}\s+)*)({_NAME})(?![\w’'])", re.IGNORECASE)

_EXEC_ROLES = (r"chief\s+executive(?:\s+officer)?|(?:deputy\s+|vice[- ])?chair(?:man|woman|person)?|"
               r"medical\s+director|chief\s+nurse|chief\s+medical\s+officer|chief\s+operating\s+officer|"
               r"chief\s+financial\s+officer|finance\s+director|nursing\s+director|managing\s+director|"
               r"(?:deputy\s+|associate\s+|executive\s+|regional\s+|operational\s+)?director(?:\s+of\s+[a-z&' ]+?)?|"
               r"head\s+of\s+midwifery|chief\s+midwife|director\s+of\s+midwifery")
_CQC_ROLES = (r"(?:deputy\s+)?chief\s+inspector\s+of\s+(?:hospitals|primary\s+medical\s+services|adult\s+social\s+care|"
              r"healthcare|mental\s+health)|head\s+of\s+(?:hospital\s+)?inspection|inspection\s+manager|"
              r"(?:lead\s+)?inspector")
_OTHER_ROLES = (r"prosecutor|barrister|solicitor|lawyer|spokes(?:man|woman|person)|mp|health\s+secretary|"
                r"secretary\s+of\s+state(?:\s+for\s+health(?:\s+and\s+social\s+care)?)?|(?:health\s+)?minister|"
                r"councillor|coroner|patient|midwife|consultant|nurse|matron|surgeon|doctor|campaigner|"
                r"regional\s+secretary|union\s+official|leader")
_QUAL = r"(?:(?:interim|acting|new|former|then|joint|outgoing|incoming)\s+)*"
ROLE_RE = re.compile(rf"\b({_QUAL})({_CQC_ROLES}|{_EXEC_ROLES}|{_OTHER_ROLES})\b"
                     r"((?:\s+(?:for|in)\s+(?:the\s+)?(?:north|south|east|west|midlands|london)[a-z ]*)?)", re.IGNORECASE)
SAY_RE = re.compile(r"\b(?:said|says|added|told|explained|commented|admitted|warned|stated|praised|welcomed|"
                    r"thanked|insisted|acknowledged|wrote)\b")

# Words that make a capitalised run something other than a person.
_NOT_NAME = {
    "hospital", "hospitals", "trust", "nhs", "care", "quality", "commission", "royal", "university", "foundation",
    "health", "service", "services", "england", "chief", "executive", "inspector", "inspectors", "director",
    "council", "court", "crown", "queen", "king", "princess", "prince", "saint", "st", "park", "street", "road",
    "general", "centre", "unit", "ward", "department", "image", "copyright", "caption", "getty", "images", "pa",
    "the", "a", "an", "in", "it", "its", "this", "that", "there", "their", "they", "we", "our", "he", "she",
    "his", "her", "but", "and", "however", "inspection", "report", "cqc", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "chair", "chairman", "medical", "nurse", "deputy",
    "interim", "acting", "ambulance", "maternity", "emergency", "urgent", "surgery", "staff", "patients", "news",
    "bbc", "itv", "mp", "mps", "minister", "secretary", "government", "improvement", "outstanding", "good",
    "inadequate", "requires", "special", "measures", "when", "while", "after", "before", "since", "following",
    "read", "more", "related", "published", "updated", "source", "share", "page", "labour", "conservative",
    "liberal", "democrats", "party", "national", "institute", "college", "association", "union", "society",
    "healthwatch", "monitor", "both", "all", "some", "many", "one", "two", "three", "professor", "dr", "sir",
    "dame", "mr", "mrs", "ms", "miss", "lord", "lady", "visit", "visits", "ofsted", "police", "facebook",
    "twitter", "instagram", "statement", "said", "says", "team", "board", "committee", "group", "group's",
    "integrated", "system", "icb", "ccg", "partnership", "county", "city", "district", "west", "east", "north",
    "south", "midlands", "london", "infirmary", "clinic", "surgery's", "centres", "wards", "a&e", "ed",
}


@dataclass
class _Found:
    person: Person
    mentions: list[tuple[int, int]] = field(default_factory=list)


def _split_honorific(raw_hon: str, name: str) -> tuple[str | None, str]:
    hon = " ".join(w.rstrip(".") for w in raw_hon.split()) or None
    if hon:
        hon = " ".join(w if w.lower() not in ("prof",) else "Prof" for w in hon.split())
        hon = " ".join(w[:1].upper() + w[1:] for w in hon.split())
    return hon, name


def _is_name(name: str) -> bool:
    words = name.split()
    return bool(words) and not any(w.lower().strip("’'") in _NOT_NAME for w in words) and all(
        len(w) > 1 for w in words)


def _role_org(doc, role_end: int, sent_end: int, role_start: int, sent_start: int) -> str | None:
    """The organisation of a role: "of/at ORG" after it, "ORG's" or "ORG" right before it."""
    after = doc.text[role_end:sent_end]
    m = re.match(r"\s*(?:of|at|for)\s+(?:the\s+)?", after)
    if m:
        for s, e, k in doc.mentions_in(role_end, role_end + m.end() + 1):
            if s <= role_end + m.end():
                return k
        run = re.match(r"[A-Z][\w’'&]*(?:\s+(?:of|and|for|&)?\s*[A-Z][\w’'&]*)*", after[m.end():])
        if run and run.group():
            return f"other:{run.group()}"
    before = doc.text[max(sent_start, role_start - 80):role_start]
    for s, e, k in reversed(doc.mentions_in(max(sent_start, role_start - 80), role_start)):
        gap = doc.text[e:role_start]
        if re.fullmatch(r"(?:['’]s)?\s*(?:[a-z]+\s+)?", gap):
            return k
    m = re.search(r"([A-Z][\w&]*(?:\s+[A-Z][\w&]*)*)['’]s\s*$", before)
    if m:
        return f"other:{m.group(1)}"
    return None


def _kind(role: str | None, org_kind: str | None) -> str:
    r = (role or "").lower()
    if org_kind == "regulator" or re.search(_CQC_ROLES, r):
        return "other" if re.fullmatch(_OTHER_ROLES, r) else "inspector"
    if org_kind in ("trust", "hospital") and re.fullmatch(_EXEC_ROLES, r):
        return "executive"
    return "other"


def find_people(doc) -> tuple[list[Person], list[tuple[int, int, str]]]:
    text = doc.text
    kinds = {o.key: o.kind for o in doc.organisations}
    regulator = next((o.key for o in doc.organisations if o.kind == "regulator"), None)
    found: list[_Found] = []
    org_spans = [(s, e) for s, e, _ in doc.org_mentions]

    def covered(s, e):
        return any(a <= s and e <= b for a, b in org_spans)

    for ss, se in doc.sentences:
        sentence = text[ss:se]
        roles = [(ss + m.start(), ss + m.end(), m) for m in ROLE_RE.finditer(sentence)]
        for m in PERSON_RE.finditer(sentence):
            raw_hon, name = m.group(1), m.group(2)
            start, end = ss + m.start(2), ss + m.end(2)
            if not name[0].isupper() or covered(start, end):
                continue
            words = name.split()
            # drop capitalised words a pattern swallowed at the ends ("Chief Executive Jane Doe")
            while words and words[0].lower().strip("’'") in _NOT_NAME:
                start += len(words[0]) + 1
                words = words[1:]
            name = " ".join(words)
            hon, name = _split_honorific(raw_hon, name)
            if not name or not _is_name(name):
                continue
            if len(words) == 1 and not hon:
                continue  # a lone capitalised word is a person only with a title
            role_m = _adjacent_role(sentence, ss, start, end, roles)
            said = SAY_RE.search(text[max(ss, start - 12):min(se, end + 14)])
            if not (hon or role_m or said or _apposition_age(text, end)):
                continue
            role = org = None
            qualifier = None
            if role_m:
                rs, re_, rm = role_m
                role = re.sub(r"\s+", " ", (rm.group(2) + rm.group(3)).lower()).strip()
                qual = rm.group(1).lower().split()
                qualifier = next((q for q in qual if q in ("interim", "acting")), None)
                org = _role_org(doc, re_, se, rs, ss)
            org_kind = kinds.get(org) if org and not org.startswith("other:") else ("other" if org else None)
            if org is None and role:
                if re.search(_CQC_ROLES, role) and regulator:
                    org, org_kind = regulator, "regulator"
                elif re.fullmatch(_EXEC_ROLES, role):
                    org = doc.main("trust") or doc.main("hospital")
                    org_kind = kinds.get(org)
            kind = _kind(role, org_kind)
            person = Person(key="", name=name, honorific=hon, role=role, kind=kind,
                            organisation_key=org if org and not org.startswith("other:") else None,
                            qualifier=qualifier, evidence=doc.evidence(start, end, "pattern", 0.8 if role else 0.6))
            _merge(found, person, (start, end))

    people, mentions = [], []
    for i, f in enumerate(found, 1):
        f.person.key = f"person:{i}"
        people.append(f.person)
        mentions.extend((s, e, f.person.key) for s, e in f.mentions)
    return people, sorted(mentions)


def _adjacent_role(sentence: str, ss: int, start: int, end: int, roles):
    """A role right before the name ("chief executive Jane Doe") or right after it ("Jane Doe, chair of")."""
    best = None
    for rs, re_, m in roles:
        if re_ <= start:
            gap = sentence[re_ - ss:start - ss]
            if re.fullmatch(r"[\s,]*(?:(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:" + HONORIFIC + r")\s*)*", gap, re.IGNORECASE) \
                    and len(gap) < 30:
                best = (rs, re_, m)
        elif rs >= end:
            gap = sentence[end - ss:rs - ss]
            if re.fullmatch(r"\s*(?:,|\(|\bwho\s+is|\bis|\bwas|\bthe\s+)?\s*(?:the\s+|a\s+|its\s+|their\s+)?"
                            r"(?:(?:[A-Z][\w’'&]*\s+)*[\w’'&]*['’]s\s+)?", gap):
                return rs, re_, m
            break
    return best


def _apposition_age(text: str, end: int) -> bool:
    return bool(re.match(r",\s+(?:aged\s+)?\d{1,3},", text[end:end + 12]))


def _merge(found: list[_Found], p: Person, span: tuple[int, int]) -> None:
    """Fold a new sighting into a person already found when the names agree."""
    for f in found:
        q = f.person
        if _same(q, p):
            f.mentions.append(span)
            if len(p.name.split()) > len(q.name.split()):
                q.aliases.append(q.name)
                q.name = p.name
            elif p.name != q.name and p.name not in q.aliases:
                q.aliases.append(p.name)
            q.honorific = q.honorific or p.honorific
            if p.role and (not q.role or (q.kind == "other" and p.kind != "other")):
                q.role, q.kind, q.organisation_key, q.qualifier = p.role, p.kind, p.organisation_key, p.qualifier
                q.evidence = p.evidence
            return
    found.append(_Found(p, [span]))


def _same(a: Person, b: Person) -> bool:
    wa, wb = a.name.split(), b.name.split()
    if wa == wb:
        return True
    la, lb = wa[-1], wb[-1]
    surname_ok = la == lb or (len(la) > 3 and len(lb) > 3 and la[0] == lb[0] and fuzz.ratio(la, lb) >= 80)
    if surname_ok:
        if len(wa) == 1 or len(wb) == 1:
            return True  # "Mrs MacKay" after "Michelle McKay"
        return wa[0] == wb[0] or wa[0].startswith(wb[0]) or wb[0].startswith(wa[0])
    # "Sir Mike" after "Sir Mike Richards": a title and the first name
    if (len(wa) == 1 and a.honorific and len(wb) > 1 and wb[0] == wa[0]) or \
            (len(wb) == 1 and b.honorific and len(wa) > 1 and wa[0] == wb[0]):
        return bool(a.honorific and b.honorific and a.honorific.split()[-1] == b.honorific.split()[-1])
    return False
