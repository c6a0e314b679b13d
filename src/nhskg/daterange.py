"""The span of days a date literal covers, so dates of different precision can be ordered and compared.

"2019" covers the whole year, "2019-03" the month, "2019-03-05" the day; a month without a year
("--09") cannot be placed in time and covers nothing.
"""
from __future__ import annotations

import calendar
import re
from datetime import date

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

Span = tuple[date, date]


def span(value: str | None) -> Span | None:
    m = _DATE.match((value or "").strip())
    if not m:
        return None
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    try:
        if day:
            d = date(year, month, day)
            return d, d
        if month:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def overlap(a: Span, b: Span) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def cover(spans) -> Span | None:
    """The smallest span holding all the given ones (None when none is given)."""
    spans = [s for s in spans if s is not None]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)
