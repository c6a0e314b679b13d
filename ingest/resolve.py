"""In-article resolution: which name forms in one article are one organisation or one person.

News gives a full name once and then a short form: "Pennine Acute" and "PAHT" for Pennine Acute
Hospitals NHS Trust, "the Alex" for the Alexandra Hospital, "the trust" for the last trust named;
"Mrs Doe", "Professor Doe", "Sir John" for a person, now and then with the surname misspelt ("Mrs MacDoe"
for Jane McDoe). Within one article that is safe to resolve; across articles it is not, so nothing here
looks beyond the article.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from .gazetteer import gazetteer
from .orgnames import _GENERIC_SITE_WORDS, SMALL, STOP, Entity, occurrences, overlaps

REF_RE = re.compile(r"\b(?:[Tt]he\s+)?(trust|Trust|hospital|Hospital)\b(?![\w-]|['’][a-rt-z]| NHS| Foundation| Trust)")
_PAREN_ABBR = re.compile(r"[ \t]*\(([A-Z][A-Za-z&]{1,9})\)")
# Words that end a hospital's short form: "Royal Stoke University Hospital" is also "Royal Stoke".
_GENERIC_TAIL = {"hospital", "hospitals", "nhs", "foundation", "trust", "ft"}


def _short_forms(name: str, kind: str) -> set[str]:
    """Forms of a name news uses once it has given the full one."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    forms = set()
    tail = list(words)
    while tail and (tail[-1].lower() in _GENERIC_TAIL or tail[-1] in SMALL):
        tail.pop()
    if len(tail) >= 2 and tail != words:
        forms.add(" ".join(tail))
    elif len(tail) == 1 and tail != words and re.fullmatch(r"[A-Z]{2,}", tail[0]):
        forms.add(tail[0])  # "ABC NHS Trust" is then "ABC"
    if kind == "hospital" and len(words) >= 2 and words[-1].lower() in ("hospital", "hospitals"):
        forms.add(" ".join(words[:-1]))
    content = [w for w in words if w not in SMALL and w != "NHS"]
    for ws in (words, content, [w for w in content if w.lower() not in ("foundation", "university", "hospitals")],
               [w for w in tail if w not in SMALL]):
        letters = "".join(w[0] for w in ws if w[0].isalpha() and w[0].isupper())
        if len(letters) >= 2:
            forms.add(letters)
            if kind == "trust" and not letters.endswith("T"):
                forms.add(letters + "T")
    return {f for f in forms if f.lower() not in STOP}


def add_short_form_mentions(text: str, entities: dict[str, Entity], mentions: list) -> None:
    taken = [(s, e) for s, e, _ in mentions]
    forms: dict[str, set[str]] = {}
    for e in entities.values():
        if e.org.kind == "regulator":
            continue
        for n in {e.org.name, *e.names}:
            for f in _short_forms(n, e.org.kind):
                forms.setdefault(f, set()).add(e.org.key)
        if e.org.kind == "hospital":
            first = e.org.name.split()[0] if e.org.name.split()[0].lower() != "the" else e.org.name.split()[1]
            if len(first) >= 6:
                forms.setdefault("the " + first[:4], set()).add(e.org.key)  # "the Alex", "the Lister"
                forms.setdefault("the " + first, set()).add(e.org.key)
    for s, e, k in list(mentions):
        abbr = _PAREN_ABBR.match(text, e)  # "London Ambulance Service NHS Trust (LAS)"
        if abbr and entities[k].org.kind != "regulator":
            forms.setdefault(abbr.group(1), set()).add(k)
    for form, keys in sorted(forms.items(), key=lambda fk: -len(fk[0])):  # "the Alex" before "Alex"
        if len(keys) != 1 or form.removeprefix("the ") not in text:
            continue  # a form two entities share says nothing
        k = next(iter(keys))
        variants = (form, "T" + form[1:]) if form.startswith("the ") else (form,)
        for s, e in sorted(span for v in variants for span in occurrences(text, v)):
            if re.match(r"['’][a-rt-z]", text[e:e + 2]) or overlaps(s, e, taken):
                continue  # "Alex's" is a mention, "Alex'd" is not
            mentions.append((s, e, k))
            taken.append((s, e))
            entities[k].names.add(text[s:e])


def add_references(text: str, entities: dict[str, Entity], mentions: list) -> None:
    """'the trust' and 'the hospital' refer to the last trust or hospital named (else the main one)."""
    taken = [(s, e) for s, e, _ in mentions]
    by_kind = {"trust": [], "hospital": []}
    for s, e, k in mentions:
        kind = entities[k].org.kind
        if kind in by_kind:
            by_kind[kind].append((s, k))
    counts: dict[str, int] = {}
    for _, _, k in mentions:
        counts[k] = counts.get(k, 0) + 1
    main = {kind: max((k for _, k in lst), key=lambda k: counts[k], default=None) for kind, lst in by_kind.items()}
    for m in REF_RE.finditer(text):
        if overlaps(m.start(), m.end(), taken):
            continue
        kind = m.group(1).lower()
        before = [k for s, k in by_kind[kind] if s < m.start()]
        k = before[-1] if before else main[kind]
        if k is None and kind == "hospital":
            before = [k for s, k in by_kind["trust"] if s < m.start()]
            k = before[-1] if before else main["trust"]
        if k is not None:
            mentions.append((m.start(), m.end(), k))


def _clipped(a: str, b: str) -> bool:
    """One name with its first word cut short: "alex hospital" for "alexandra hospital"."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2 or wa[1:] != wb[1:] or wa[0] == wb[0]:
        return False
    short, long_ = sorted((wa[0], wb[0]), key=len)
    return len(short) >= 4 and long_.startswith(short)


def _contains(outer: str, inner: str) -> bool:
    return bool(inner) and len(inner.split()) >= 2 and f" {inner} " in f" {outer} "


# First words that many sites share: "Royal Hospital" is not a short form of "Royal X Hospital".
_SHARED_FIRST = {"royal", "saint", "queen", "queens", "king", "kings", "princess", "prince", "new", "north", "south",
                 "east", "west", "city", "county", "general", "district", "university", "community", "the"}


def _misspelt(a: str, b: str) -> bool:
    """One word of a name misspelt, as news does within one article ("Hempstead", "Hemsptead")."""
    wa, wb = a.split(), b.split()
    diff = [(x, y) for x, y in zip(wa, wb) if x != y]
    return len(wa) == len(wb) >= 2 and len(diff) == 1 and min(map(len, diff[0])) >= 5 \
        and diff[0][0][0] == diff[0][1][0] and fuzz.ratio(*diff[0]) >= 85  # "Westfield" is not "Eastfield"


def _middle_dropped(a: str, b: str) -> bool:
    """A name without its middle words, first and last kept ("Hemel Hospital" for "Hemel Hempstead Hospital")."""
    short, long_ = sorted((a.split(), b.split()), key=len)
    if len(short) < 2 or len(long_) <= len(short) or short[0] in _SHARED_FIRST:
        return False
    it = iter(long_[1:-1])
    return short[0] == long_[0] and short[-1] == long_[-1] and all(w in it for w in short[1:-1])


def same_site_name(a: str, b: str) -> bool:
    """Two keys of one hospital's name: one inside the other ("King's Lynn Queen Elizabeth Hospital",
    "Queen Elizabeth Hospital"), the first word cut short ("Alex Hospital"), a word misspelt or the
    middle words left out; never two names the gazetteer gives two different sites ("X Hospital" and
    "X Private Hospital", "Y Hospital" and "Y Community Hospital")."""
    alike = _contains(a, b) or _contains(b, a) or _clipped(a, b) or _misspelt(a, b) or _middle_dropped(a, b)
    return alike and not _two_sites(a, b)


def _two_sites(a: str, b: str) -> bool:
    """Both names are sites' of their own; a name of generic words ("University Hospital") is a site of
    some gazetteer entry but names none in news."""
    if any(set(k.split()) <= _GENERIC_SITE_WORDS | _GENERIC_TAIL for k in (a, b)):
        return False
    gaz = gazetteer()
    sites_a, sites_b = gaz.sites_named(a), gaz.sites_named(b)
    return bool(sites_a and sites_b and not set(sites_a) & set(sites_b))


_FIRST_NAME_HONORIFICS = {"Sir", "Dame", "Lord", "Lady"}  # titles used with the first name alone


def same_person(a: str, hon_a: str | None, b: str, hon_b: str | None) -> bool:
    wa, wb = a.split(), b.split()
    if wa == wb:
        return True
    if len(wa) > 1 and len(wb) > 1:
        # two full names: one first name (or its short form), one surname spelt alike
        return _same_surname(wa[-1], wb[-1]) and (wa[0].startswith(wb[0]) or wb[0].startswith(wa[0]))
    short, full, hon = (wa, wb, hon_a) if len(wa) == 1 else (wb, wa, hon_b)
    if len(full) == 1:
        return False
    if hon and hon.split()[-1] in _FIRST_NAME_HONORIFICS and short[0] == full[0]:
        return True  # "Sir John" for "Sir John Roe"
    return _same_surname(short[0], full[-1])


def _same_surname(a: str, b: str) -> bool:
    if a == b:
        return True
    return len(a) > 3 and len(b) > 3 and a[0] == b[0] and fuzz.ratio(a.lower(), b.lower()) >= 80
