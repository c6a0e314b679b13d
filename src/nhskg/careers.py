"""Careers: each person's posts across articles, one per organisation and role, dated.

A post at a hospital counts as one at the trust running it, when that is known. A post is dated by the articles that report it (first seen, last seen: the articles' dates) and by
any start or end date the text gives. Nodes are the canonical ones of `nhskg.resolution`, so a
person reported at two trusts has one career with two posts.
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

    @property
    def sort_key(self) -> str:
        return self.start or self.first_seen or "9999"

    def when(self) -> str:
        """The post's dates in words: explicit ones first, then when articles reported it."""
        parts = []
        if self.start or self.end:
            parts.append(f"{self.start or '?'} to {self.end or 'at least ' + (self.last_seen or '?')}")
        if self.first_seen:
            seen = self.first_seen if self.first_seen == self.last_seen else f"{self.first_seen} to {self.last_seen}"
            parts.append(f"reported {seen}")
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
            t.first_seen = min(filter(None, (t.first_seen, d)))
            t.last_seen = max(filter(None, (t.last_seen, d)))
        t.start = min(filter(None, (t.start, p.start)), default=None)
        t.end = max(filter(None, (t.end, p.end)), default=None)
    out: dict[str, list[Tenure]] = defaultdict(list)
    for t in tenures.values():
        out[t.person].append(t)
    for posts in out.values():
        posts.sort(key=lambda t: (t.sort_key, t.organisation or ""))
    return dict(out)
