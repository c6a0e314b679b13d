"""Check gold files against the shapes ../shared/eval/GUIDE.md fixes: fields, their types and allowed values."""
from __future__ import annotations

import re

LEVELS = {"Outstanding", "Good", "Requires improvement", "Inadequate"}
QUESTIONS = {"safe", "effective", "caring", "responsive", "well-led"}
KINDS = {"executive", "inspector", "other"}
STATUSES = {"in", "out", "recommended"}
DATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?)$")
FIELDS = {
    "trusts": {"name": str, "aliases": list},
    "hospitals": {"name": str, "aliases": list, "town": (str, type(None)), "trust": (str, type(None))},
    "people": {"name": str, "aliases": list, "title": (str, type(None)), "role": (str, type(None)),
               "organisation": (str, type(None)), "kind": str},
    "ratings": {"subject": str, "subject_type": str, "service": (str, type(None)),
                "key_question": (str, type(None)), "rating": str, "previous": (str, type(None))},
    "special_measures": {"trust": str, "status": str, "since": (str, type(None))},
    "inspections": {"subject": str, "when": str},
    "enforcement": {"trust": (str, type(None)), "kind": str},
}


def problems(gold: dict) -> list[str]:
    """Everything wrong with one gold record; empty when it follows GUIDE.md."""
    out = []
    for key in ("id", "url", "publisher", "published"):
        if key not in gold:
            out.append(f"missing {key}")
    if gold.get("published") is not None and not DATE.match(gold["published"]):
        out.append(f"published {gold['published']!r} is not YYYY-MM-DD or YYYY-MM")
    for section, fields in FIELDS.items():
        items = gold.get(section)
        if not isinstance(items, list):
            out.append(f"{section} is not a list")
            continue
        for i, item in enumerate(items):
            where = f"{section}[{i}]"
            if set(item) != set(fields):
                out.append(f"{where} has fields {sorted(item)}, expected {sorted(fields)}")
                continue
            out += [f"{where}.{k} has type {type(item[k]).__name__}" for k, t in fields.items()
                    if not isinstance(item[k], t)]
            out += _values(where, section, item)
    return out


def _values(where: str, section: str, item: dict) -> list[str]:
    bad = []
    check = lambda ok, field: ok or bad.append(f"{where}.{field} = {item[field]!r} is not allowed")  # noqa: E731
    if section == "people":
        check(item["kind"] in KINDS, "kind")
        check(item["role"] is None or item["role"] == item["role"].lower(), "role")
    elif section == "ratings":
        check(item["subject_type"] in ("trust", "hospital"), "subject_type")
        check(item["rating"] in LEVELS, "rating")
        check(item["previous"] is None or item["previous"] in LEVELS, "previous")
        check(item["key_question"] is None or item["key_question"] in QUESTIONS, "key_question")
        check(item["service"] is None or item["service"] == item["service"].lower(), "service")
    elif section == "special_measures":
        check(item["status"] in STATUSES, "status")
        check(item["since"] is None or bool(DATE.match(item["since"])), "since")
    elif section == "inspections":
        check(bool(DATE.match(item["when"])), "when")
    return bad
