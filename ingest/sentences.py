"""Sentence spans of an article, robust to page noise and text that stops mid-sentence."""
from __future__ import annotations

import re

# A sentence ends at . ! ? (perhaps followed by closing quotes or brackets) before white space and
# an opening capital, digit or quote; abbreviations such as "Dr." and "St." do not end one.
_END = re.compile(r"""[.!?]["'”’)\]]*(?=\s+["'“‘(]?[A-Z0-9£])""")
_ABBREV = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|St|Sr|Jr|No|Co|Ltd|Rev|Gen|Sgt|Capt|vs|etc|Cllr)|\b[A-Z])\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for m in _END.finditer(para.group()):
            end = para.start() + m.end()
            if _ABBREV.search(text[max(start, end - 6):end]):
                continue
            _add(spans, text, start, end)
            start = end
        _add(spans, text, start, para.end())
    return spans


def _add(spans: list, text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
