"""Careers: each person's posts across articles, one per organisation and role, dated.

A post at a hospital counts as one at the trust running it, when that is known. A post is dated by the
articles that report it as held (first seen, last seen: the articles' dates), by any start or end date
the text gives, and, when an article states it as a former one ("previously chief executive of X"),
as held before that article's date; one stated as to come ("will join X") as held from it. Nodes are
the canonical ones of `nhskg.resolution`, so a person reported at two trusts has one career with two posts.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from . import kgread
from .resolution import Resolution, role_head


@dataclass
class Tenure:
    person: str
    organisation: str | None
    role: str | None  # the fullest wording seen
    kind: str
    qualifiers: set[str] = field(default_factory=set)
    first_seen: str | None = None  # earliest date of an article reporting the post
    last_seen: str | None = None
    start: str | None = None  # explicit dates from the text
    end: str | None = None
    articles: set[str] = field(default_factory=set)  # article IRIs
    former_by: str | None = None  # earliest date of an article stating the post as a former one
    incoming_from: str | None = None  # earliest date of an article stating the post as one to come

    @property
    def sort_key(self) -> tuple[str, int]:
        """Date order: a post held before a date comes before one reported held on that date, and one to come after."""
        if self.start or self.first_seen:
            return self.start or self.first_seen, 1
        if self.former_by:
            return self.former_by, 0
        return self.incoming_from or "9999", 2

    def when(self) -> str:
        """The post's dates in words: explicit ones first, then when articles reported it."""
        parts = []
        if self.start or self.end:
            parts.append(f"{self.start or '?'} to {self.end or 'at least ' + (self.last_seen or '?')}")
        if self.first_seen:
            seen = self.first_seen if self.first_seen == self.last_seen else f"{self.first_seen} to {self.last_seen}"
            parts.append(f"reported {seen}")
        if self.former_by:
            parts.append(f"former by {self.former_by}")
        if self.incoming_from and not self.first_seen:
            parts.append(f"to come, reported {self.incoming_from}")
        return "; ".join(parts) or "undated"


def careers(store, res: Resolution) -> dict[str, list[Tenure]]:
    """Canonical person -> their posts, earliest first."""
    issued = {a.iri: a.issued for a in kgread.articles(store).values()}
    runners: dict[str, set[str]] = defaultdict(set)
    for s in kgread.sites(store):
        runners[res.of(s.hospital)].add(res.of(s.trust))
    tenures: dict[tuple, Tenure] = {}
    for p in kgread.posts(store):
        person, org = res.of(p.person), res.of(p.organisation)
        if len(runners.get(org, ())) == 1:  # a post at a hospital is a post of the trust running it
            org = next(iter(runners[org]))
        t = tenures.setdefault((person, org, role_head(p.role)), Tenure(person, org, p.role, p.kind))
        if p.role and len(p.role) > len(t.role or ""):
            t.role = p.role
        if p.qualifier:
            t.qualifiers.add(p.qualifier)
        t.articles.add(p.article)
        if d := issued.get(p.article):
            if p.status == "former":
                t.former_by = min(filter(None, (t.former_by, d)))
            elif p.status == "incoming":
                t.incoming_from = min(filter(None, (t.incoming_from, d)))
            else:
                t.first_seen = min(filter(None, (t.first_seen, d)))
                t.last_seen = max(filter(None, (t.last_seen, d)))
        t.start = min(filter(None, (t.start, p.start)), default=None)
        t.end = max(filter(None, (t.end, p.end)), default=None)
    out: dict[str, list[Tenure]] = defaultdict(list)
    for t in tenures.values():
        out[t.person].append(t)
    for posts in out.values():
        posts.sort(key=lambda t: (*t.sort_key, t.organisation or ""))
    return dict(out)
