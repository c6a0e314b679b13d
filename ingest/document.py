"""One article analysed: its sentences, organisations and people, with every mention placed."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .model import Article, Evidence, Organisation, Person
from .sentences import sentence_spans


@dataclass
class Document:
    article: Article
    text: str
    sentences: list[tuple[int, int]]
    organisations: list[Organisation] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    org_mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, key), sorted
    person_mentions: list[tuple[int, int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [s for s, _ in self.sentences]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.sentences[max(i, 0)] if self.sentences else (0, len(self.text))

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        i = bisect.bisect_left(self.org_mentions, (start, -1, ""))
        out = []
        while i < len(self.org_mentions) and self.org_mentions[i][0] < end:
            out.append(self.org_mentions[i])
            i += 1
        return out

    def org(self, key: str) -> Organisation:
        return self._orgs[key]

    @property
    def _orgs(self) -> dict[str, Organisation]:
        return {o.key: o for o in self.organisations}

    def main(self, kind: str) -> str | None:
        """The trust (or hospital) the story is most about: the most mentioned, the first on a tie."""
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        kinds = {o.key: o.kind for o in self.organisations}
        for s, _, k in self.org_mentions:
            if kinds.get(k) == kind:
                counts[k] = counts.get(k, 0) + 1
                first.setdefault(k, s)
        return min(counts, key=lambda k: (-counts[k], first[k])) if counts else None

    def evidence(self, start: int, end: int, method: str, confidence: float) -> Evidence:
        s, e = self.sentence_at(start)
        e = max(e, min(end, len(self.text)))
        return Evidence(sentence=self.text[s:e], start=s, end=e, method=method, confidence=confidence)


_ISO_DATE = re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b")
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+"
                  r"((?:19|20)\d\d)\b")
_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                       "dec"], 1)}


def published_from_text(text: str) -> str | None:
    """A publication date from the page noise at the top of an article: an ISO date ("date 2018-03-21"),
    or a date on a line of its own ("22 March 2018", "Published: 22 Mar 2018"); a date inside a
    sentence is an event's, not the page's."""
    head = text[:400]
    m = _ISO_DATE.search(head)
    if m:
        return m.group(0)
    for line in head.splitlines():
        m = _DMY.search(line)
        if m and len((line[:m.start()] + line[m.end():]).split()) <= 4:
            month = _MONTHS[m.group(2).lower()[:3]]
            return f"{m.group(3)}-{month:02d}-{int(m.group(1)):02d}"
    return None


def analyse(article: Article) -> Document:
    from .orgs import find_organisations
    from .people import find_people

    text = article.text
    doc = Document(article, text, sentence_spans(text))
    orgs, mentions = find_organisations(text, doc.sentences)
    doc.organisations, doc.org_mentions = orgs, mentions
    for o in orgs:
        span = o.evidence
        o.evidence = doc.evidence(span[0], span[1], "gazetteer" if o.ods_code else "pattern",
                                  0.9 if o.ods_code else 0.7) if span else None
    doc.people, doc.person_mentions = find_people(doc)
    return doc
