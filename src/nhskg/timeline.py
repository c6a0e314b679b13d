"""A trust's history in date order: ratings, special measures, inspections, enforcement and leaders,
each with the article it was read from.

The trust is the canonical node of `nhskg.resolution`, so every article's facts about it (and about the
hospitals it runs) come together whatever name the article used. A trust is the organisation of its time
(`ingest.trust_history`): the facts of the trusts it came from, by a rename or a merger, are added on
request. An event is dated by the date the text gives it; failing that, by the date of the article
reporting it, marked as such.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import daterange, kgread
from .errors import UserError
from .network import Network, find_node, trust_of
from .ingest.trust_history import history
from .resolution import Resolution


@dataclass(frozen=True)
class Entry:
    date: str | None
    dated_by: str  # "text", "article" or "" when undated
    kind: str  # "rating" | "special measures" | "inspection" | "enforcement" | "leader"
    subject: str  # the trust, one of its hospitals, or the leader's organisation
    detail: str
    articles: tuple[str, ...]  # sources

    def sort_key(self):
        s = daterange.span(self.date)
        return (s is None, s or (), _ORDER.index(self.kind), self.subject, self.detail)


_ORDER = ["leader", "inspection", "rating", "special measures", "enforcement"]


def trust_node(net: Network, res: Resolution, name: str) -> str:
    """The trust a name means: a trust's name, alias or ODS code, or a hospital it runs. A code that
    several trusts have had (`trust_history`) means its newest holder the store knows."""
    for era in reversed(history().eras.get(name.strip().upper(), [])):
        if (node := res.of(era.iri)) in net.graph:
            return node
    node = find_node(net.graph, name)
    trust = trust_of(net.graph, node)
    if trust is None:
        kind = net.graph.nodes[node]["kind"]
        raise UserError(f"{net.graph.nodes[node]['label']} ({kind}) is not a trust"
                        + (" (and the trust running it is not known)" if kind == "hospital" else ""))
    return trust


def predecessors(net: Network, res: Resolution, trust: str) -> list[str]:
    """The trusts in the store this one came from, through renames and mergers (`trust_history`)."""
    eras = [e for node in sorted(res.members().get(trust, {trust})) if (e := history().era_of(node))]
    nodes = (res.of(p.iri) for e in eras for p in history().predecessors(e))
    return list(dict.fromkeys(n for n in nodes if n in net.graph and n != trust))


def timeline(store, net: Network, res: Resolution, trust: str, with_predecessors: bool = False) -> list[Entry]:
    g = net.graph
    trusts = [trust, *(predecessors(net, res, trust) if with_predecessors else [])]
    places = {p for t in trusts for p in [t, *(h for h in g[t] if "runs" in g.edges[t, h]["relations"]
                                                and g.nodes[h]["kind"] == "hospital")]}
    arts = kgread.articles(store)
    merged: dict[tuple, set[str]] = {}
    for e in kgread.events(store):
        subject = res.of(e.subject)
        if subject not in places:
            continue
        date, dated_by = (e.date, "text") if daterange.span(e.date) else (_issued(arts, e.article), "article")
        detail = e.detail if e.kind != "inspection" or not e.end else f"inspection to {e.end}"
        key = (date if dated_by == "text" else None, dated_by if dated_by == "text" else "", e.kind,
               g.nodes[subject]["label"], detail)
        merged.setdefault(key, set()).add(e.article)
    entries = []
    for (date, dated_by, kind, subject, detail), articles in merged.items():
        if not dated_by:  # the same fact undated in the text: dated by its earliest report
            date = min(filter(None, (_issued(arts, a) for a in articles)), default=None)
            dated_by = "article" if date else ""
        entries.append(Entry(date, dated_by, kind, subject, detail, _sources(net, articles)))
    for person, tenures in net.careers.items():
        for t in tenures:
            if t.organisation in places and t.kind == "executive":
                role = " ".join([*sorted(t.qualifiers), t.role or "post"])
                date, dated_by = (t.start, "text") if t.start else (t.first_seen, "article" if t.first_seen else "")
                until = f" (until {t.end})" if t.end else ""
                if not date and t.former_by:  # known only as a former post: shown when first reported as such
                    date, dated_by, until = t.former_by, "article", " (former)"
                entries.append(Entry(date, dated_by, "leader", g.nodes[t.organisation]["label"],
                                     f"{role}: {g.nodes[person]['label']}{until}", _sources(net, t.articles)))
    return sorted(entries, key=Entry.sort_key)


def _issued(arts: dict, article: str) -> str | None:
    a = arts.get(article)
    return a.issued if a else None


def _sources(net: Network, articles) -> tuple[str, ...]:
    return tuple(sorted(net.sources.get(a, a) for a in articles))


def render(net: Network, trust: str, entries: list[Entry]) -> str:
    g = net.graph
    n_articles = len({a for e in entries for a in e.articles})
    lines = [f"{g.nodes[trust]['label']}: {len(entries)} entries from {n_articles} articles"]
    for e in entries:
        when = (e.date or "undated") + ("*" if e.dated_by == "article" else "")
        sources = ", ".join(s.rstrip("/").rsplit("/", 1)[-1] for s in e.articles)
        subject = "" if e.subject == g.nodes[trust]["label"] else f" ({e.subject})"
        lines.append(f"  {when:12} {e.kind:17} {e.detail}{subject}  [{sources}]")
    if any(e.dated_by == "article" for e in entries):
        lines.append("  * dated by the article reporting it")
    return "\n".join(lines)
