"""Dates as precise as the text gives them, as typed literals."""
from __future__ import annotations

import re
from datetime import date

from rdflib import XSD, Literal

_FORMS = [
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}$"), XSD.gYear),
    (re.compile(r"^--\d{2}$"), XSD.gMonth),
]


def date_literal(value: str) -> Literal | None:
    """An xsd:date, gYearMonth, gYear or gMonth literal; None for anything else (never a bad literal)."""
    v = value.strip()
    for pattern, dt in _FORMS:
        if pattern.match(v):
            # Checked before the Literal is made: rdflib logs a traceback for an impossible date.
            if not _in_range(v) or (dt == XSD.date and not _real_day(v)):
                return None
            lit = Literal(v, datatype=dt)
            return lit if lit.ill_typed is not True else None
    return None


def _real_day(v: str) -> bool:
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _in_range(v: str) -> bool:
    parts = v.lstrip("-").split("-")
    if v.startswith("--"):
        return 1 <= int(parts[0]) <= 12
    if len(parts) >= 2 and not 1 <= int(parts[1]) <= 12:
        return False
    if len(parts) == 3 and not 1 <= int(parts[2]) <= 31:
        return False
    return True
