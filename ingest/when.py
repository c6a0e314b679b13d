"""Dates in running text, as precise as the text gives them.

"5 to 7 December" in an article of March 2018 is 2017-12-05 .. 2017-12-07; "in November" with no
article date known is "--11"; "June 2016" is 2016-06.
"""
from __future__ import annotations

import re

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
DATE_RE = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*(\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?)?"
    rf"{_MONTH}(?:\s*,?\s+((?:19|20)\d\d))?\b"
    rf"|\b(?:in|during|since|from|by)\s+((?:19|20)\d\d)\b")


def month_number(name: str) -> int:
    n = name.lower().rstrip(".")
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(n[:3]))


def _year_for(month: int, published: str | None) -> int | None:
    if not published or not re.match(r"^\d{4}", published):
        return None
    year = int(published[:4])
    pub_month = int(published[5:7]) if re.match(r"^\d{4}-\d\d", published) else 12
    return year if month <= pub_month else year - 1


def find_dates(text: str, published: str | None = None) -> list[tuple[int, int, str, str | None]]:
    """(start, end, first date, last date or None) of every date expression, in text order."""
    out = []
    for m in DATE_RE.finditer(text):
        if m.group(5):
            out.append((m.start(5), m.end(5), m.group(5), None))
            continue
        day1, day2, month_name, year = m.group(1), m.group(2), m.group(3), m.group(4)
        if month_name.lower().rstrip(".") == "may" and not (day1 or year):
            continue  # "may" the verb
        month = month_number(month_name)
        y = int(year) if year else _year_for(month, published)
        prefix = f"{y:04d}-{month:02d}" if y else f"--{month:02d}"

        def day(d):
            return f"{prefix}-{int(d):02d}" if d and y and 1 <= int(d) <= 31 else prefix
        first, last = day(day1), day(day2) if day2 else None
        out.append((m.start(), m.end(), first, last if last != first else None))
    return out


def join_range(first: str, last: str) -> tuple[str, str]:
    """'February' .. '2023-06': the open end takes its year from the other end."""
    if first.startswith("--") and re.match(r"^\d{4}-\d\d", last):
        year = int(last[:4]) - (1 if first[2:4] > last[5:7] else 0)
        first = f"{year:04d}-{first[2:]}"
    return first, last
