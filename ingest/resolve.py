"""Whether two name forms in one article are one person.

News gives a full name once and then a short form: "Mrs Doe", "Professor Doe", "Sir John"; now and
then it misspells the surname ("Mrs MacDoe" for Jane McDoe). Within one article that is safe to
resolve; across articles it is not, so nothing here looks beyond the article.
"""
from __future__ import annotations

from rapidfuzz import fuzz

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
