"""Sentence spans of an article, robust to page noise and text that stops mid-sentence."""
from __future__ import annotations

import re

# A sentence ends at . ! ? (perhaps followed by closing quotes or brackets) before white space and
# an opening capital, digit or quote; abbreviations such as "Dr." and "St." do not end one.
_END = re.compile(r"""[.!?]["'”’)\]]*(?=\s+["'“‘(]?[A-Z0-9£])""")
_ABBREV = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|St|Sr|Jr|No|Co|Ltd|Rev|Gen|Sgt|Capt|vs|etc|Cllr)|\b[A-Z])\.$")


# A line that stops mid-sentence: print layouts and copied PDFs wrap lines inside a sentence. It goes on
# into the next line when that line opens in lower case ("rated requires / improvement"), or when it ends
# on a word that cannot end a sentence ("in / July 2025", "has been / rated"). A headline ("X rated
# good") above a body line that opens with a capital stays a sentence of its own.
_OPEN_END = re.compile(r"(?:,|\b(?:and|or|but|of|the|a|an|in|on|at|to|for|from|with|by|as|was|were|is|are|has|"
                       r"have|had|been|be|which|that|who|its|their|than|into|after|before|under|over|between|"
                       r"says|said|rated|told|not|also|being))[ \t]*$")
_GOES_ON = re.compile(r"[ \t]*[a-z]")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-•*–·▪]|\d+[.)])\s")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of text that sentences do not cross: a line, or lines wrapped inside one sentence."""
    out: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        if out and text[out[-1][1]:line.start()] == "\n" and not _LIST_ITEM.match(line.group()) \
                and (_GOES_ON.match(line.group()) or _OPEN_END.search(text, out[-1][0], out[-1][1])):
            out[-1] = (out[-1][0], line.end())
        else:
            out.append(line.span())
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for pstart, pend in paragraphs(text):
        start = pstart
        for m in _END.finditer(text, pstart, pend):
            end = m.end()
            if _ABBREV.search(text[max(start, end - 6):end]):
                continue
            _add(spans, text, start, end)
            start = end
        _add(spans, text, start, pend)
    return spans


def _add(spans: list, text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
