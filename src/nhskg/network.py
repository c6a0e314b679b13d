"""The network of people, trusts, hospitals, the CQC and articles, built with networkx.

Nodes are the canonical nodes of `nhskg.resolution`: one node per real-world entity across articles.
Edges: a person holds a post at an organisation, a trust runs a hospital, the CQC inspected or rated
a trust or hospital, a person is quoted in an article. Every edge keeps the articles behind it, so a
path between two nodes can be shown with its evidence.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

import networkx as nx
from rapidfuzz import fuzz, process

from . import kgread
from .careers import Tenure, careers
from .errors import UserError
from .resolution import Resolution, fold

CQC = "https://w3id.org/nhskg/id/org/cqc"
PERSON_KINDS = ("executive", "inspector", "person")
BETWEENNESS_EXACT_UP_TO = 1000  # nodes; past that, betweenness is estimated from seeded pivots
BETWEENNESS_PIVOTS = 150


@dataclass
class Network:
    graph: nx.Graph
    sources: dict[str, str]  # article IRI -> path or URL it was ingested from
    careers: dict[str, list[Tenure]]


def build(store, res: Resolution) -> Network:
    read = kgread.entity_records(store)
    arts, orgs, people, posts = read.articles, read.orgs, read.people, read.posts
    g = nx.Graph()

    def node(iri: str, kind: str, names=(), articles=(), codes=()):
        if iri not in g:
            g.add_node(iri, kind=kind, label=res.labels.get(iri) or next(iter(names), iri), names=set(),
                       articles=set(), codes=set())
        g.nodes[iri]["names"].update(names)
        g.nodes[iri]["articles"].update(articles)
        g.nodes[iri]["codes"].update(codes)

    def link(a: str, relation: str, b: str, article: str, detail: str | None = None):
        if not g.has_edge(a, b):
            g.add_edge(a, b, relations={})
        rel = g.edges[a, b]["relations"].setdefault(relation, {"from": a, "details": set(), "articles": set()})
        rel["articles"].add(article)
        if detail:
            rel["details"].add(detail)

    for iri, o in orgs.items():
        node(res.of(iri), o.kind, o.labels, o.articles, o.ods)
    person_kind = {}
    for p in posts:
        rank = PERSON_KINDS.index(p.kind) if p.kind in PERSON_KINDS else 2
        c = res.of(p.person)
        person_kind[c] = min(person_kind.get(c, 2), rank)
    for iri, p in people.items():
        node(res.of(iri), PERSON_KINDS[person_kind.get(res.of(iri), 2)], p.labels, p.articles)
    for p in posts:
        if p.organisation:
            detail = p.role if p.current else f"{p.role or 'post'} ({p.status})"
            link(res.of(p.person), "holds a post at", res.of(p.organisation), p.article, detail)
    for s in read.sites:
        link(res.of(s.trust), "runs", res.of(s.hospital), s.article)
    regulator = next((n for n, k in g.nodes(data="kind") if k == "regulator"), CQC)
    for e in kgread.events(store):
        if e.kind in ("rating", "inspection"):
            node(regulator, "regulator", ["Care Quality Commission"])
            link(regulator, "rated" if e.kind == "rating" else "inspected", res.of(e.subject), e.article,
                 e.detail if e.kind == "rating" else None)
    for s in kgread.statements(store):
        a = arts.get(s.article)
        node(s.article, "article", [a.title or _short(a.source)] if a else [], [s.article])
        link(res.of(s.person), "quoted in", s.article, s.article)
    for n, data in g.nodes(data=True):
        if data["kind"] == "article" and n in arts:
            data["label"] = arts[n].title or _short(arts[n].source)
    return Network(g, {a.iri: a.source for a in arts.values()}, careers(store, res))


def _short(source: str) -> str:
    return source.rstrip("/").rsplit("/", 1)[-1]


def trust_articles(g: nx.Graph, trust: str) -> set[str]:
    """Articles about a trust: those naming it or a hospital it runs."""
    out = set(g.nodes[trust]["articles"])
    for other in g[trust]:
        if "runs" in g.edges[trust, other]["relations"] and g.nodes[other]["kind"] == "hospital":
            out |= g.nodes[other]["articles"]
    return out


def trust_of(g: nx.Graph, org: str | None) -> str | None:
    """The trust an organisation is or belongs to (a hospital's running trust, if known and unique)."""
    if org is None or org not in g:
        return None
    if g.nodes[org]["kind"] == "trust":
        return org
    runners = [t for t in g[org] if g.nodes[t]["kind"] == "trust" and "runs" in g.edges[org, t]["relations"]]
    return runners[0] if len(runners) == 1 else None


def multi_trust_executives(net: Network) -> list[tuple[str, list[Tenure]]]:
    out = []
    for person, tenures in net.careers.items():
        execs = [t for t in tenures if t.kind == "executive" and trust_of(net.graph, t.organisation)]
        if len({trust_of(net.graph, t.organisation) for t in execs}) > 1:
            out.append((person, execs))
    return sorted(out, key=lambda pt: net.graph.nodes[pt[0]]["label"] if pt[0] in net.graph else pt[0])


def centrality(g: nx.Graph) -> tuple[dict[str, int], dict[str, float]]:
    k = BETWEENNESS_PIVOTS if len(g) > BETWEENNESS_EXACT_UP_TO else None
    return dict(g.degree()), nx.betweenness_centrality(g, k=k, seed=0 if k else None)


def report(net: Network, top: int = 10) -> str:
    g = net.graph
    kinds = Counter(k for _, k in g.nodes(data="kind"))
    comps = sorted(nx.connected_components(g), key=len, reverse=True)
    lines = [f"{len(g)} nodes ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}), {g.number_of_edges()} "
             f"edges, {len(comps)} connected components (largest: {len(comps[0]) if comps else 0} nodes)", ""]
    label = lambda n: g.nodes[n]["label"] if n in g else n  # noqa: E731
    movers = multi_trust_executives(net)
    lines.append(f"Executives linked to more than one trust: {len(movers)}")
    for person, tenures in movers:
        lines.append(f"  {label(person)}")
        for t in tenures:
            role = " ".join(sorted(t.qualifiers)) + " " + (t.role or "post") if t.qualifiers else t.role or "post"
            lines.append(f"    {role}, {label(t.organisation)} ({t.when()}; {_sources(net, t.articles)})")
    degree, between = centrality(g)
    for title, kinds_wanted in (("people", set(PERSON_KINDS)), ("trusts", {"trust"})):
        ranked = sorted((n for n in g if g.nodes[n]["kind"] in kinds_wanted),
                        key=lambda n: (-degree[n], -between[n], label(n)))[:top]
        lines += ["", f"Most connected {title} (degree, betweenness):"]
        lines += [f"  {degree[n]:3d}  {between[n]:.3f}  {label(n)}" for n in ranked]
    lines += ["", "Connected components (largest first):"]
    for i, comp in enumerate(comps[:top], 1):
        named = sorted((n for n in comp if g.nodes[n]["kind"] != "article"), key=lambda n: -degree[n])
        more = f" and {len(named) - 5} more" if len(named) > 5 else ""
        lines.append(f"  {i}. {len(comp)} nodes: {', '.join(label(n) for n in named[:5])}{more}")
    if len(comps) > top:
        lines.append(f"  ... and {len(comps) - top} smaller components")
    return "\n".join(lines)


def _sources(net: Network, articles) -> str:
    return ", ".join(sorted(_short(net.sources.get(a, a)) for a in articles))


# Words most trust and hospital names share: a close match on them ("Zzz NHS Trust" and "Alderley Vale NHS
# Trust") says nothing about which organisation a user means, so the close match looks past them.
_SHARED_WORDS = {"the", "of", "and", "nhs", "foundation", "trust", "ft", "nhsft", "hospital", "hospitals", "university"}


def _distinctive(name: str) -> str:
    return " ".join(w for w in fold(name).split() if w not in _SHARED_WORDS)


def find_node(g: nx.Graph, name: str) -> str:
    """The node a user means by a name: an exact (folded) name, alias or ODS code first, else a close one."""
    wanted = fold(name)
    if not wanted:
        raise UserError("give a non-empty name")
    exact = sorted({n for n, data in g.nodes(data=True) if data["kind"] != "article"
                    and wanted in {fold(x) for x in data["names"] | data["codes"] | {data["label"]}}})
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise UserError(f"{name!r} names {len(exact)} nodes: " + "; ".join(
            f"{g.nodes[n]['label']} ({g.nodes[n]['kind']})" for n in exact[:8]))
    distinctive = _distinctive(name)
    choices = {n: c for n, data in g.nodes(data=True) if data["kind"] != "article" and (c := _distinctive(data["label"]))}
    best = process.extract(distinctive, choices, scorer=fuzz.WRatio, limit=3, score_cutoff=85) if distinctive else []
    if best and (len(best) == 1 or best[0][1] > best[1][1]):
        return best[0][2]
    hint = "; did you mean " + " or ".join(repr(g.nodes[b[2]]["label"]) for b in best) if best else ""
    raise UserError(f"no node named {name!r}{hint}")


def path(net: Network, a: str, b: str) -> list[str]:
    """The shortest path between two named nodes, one line per edge with the articles behind it."""
    g = net.graph
    start, end = find_node(g, a), find_node(g, b)
    try:
        nodes = nx.shortest_path(g, start, end)
    except nx.NetworkXNoPath:
        raise UserError(f"no path between {g.nodes[start]['label']} and {g.nodes[end]['label']}: "
                        "they are in different components") from None
    lines = [f"{g.nodes[start]['label']} to {g.nodes[end]['label']}: {len(nodes) - 1} steps"]
    for x, y in zip(nodes, nodes[1:]):
        for relation, rel in sorted(g.edges[x, y]["relations"].items()):
            subj, obj = (x, y) if rel["from"] == x else (y, x)
            detail = f" ({'; '.join(sorted(rel['details']))})" if rel["details"] else ""
            lines.append(f"  {g.nodes[subj]['label']} {relation}{detail} {g.nodes[obj]['label']}"
                         f"  [{_sources(net, rel['articles'])}]")
    return lines


def flat(net: Network) -> nx.Graph:
    """The graph with every attribute a string or number, as GraphML and GEXF require."""
    g, out = net.graph, nx.Graph()
    for n, data in g.nodes(data=True):
        size = len(trust_articles(g, n)) if data["kind"] == "trust" else len(data["articles"])
        out.add_node(n, label=data["label"], kind=data["kind"], articles=size, ods=" ".join(sorted(data["codes"])),
                     sources="; ".join(sorted(net.sources.get(a, a) for a in data["articles"])))
    for x, y, data in g.edges(data=True):
        rels = data["relations"]
        articles = set().union(*(r["articles"] for r in rels.values()))
        out.add_edge(x, y, relations="; ".join(sorted(rels)), weight=len(articles),
                     details="; ".join(sorted(set().union(*(r["details"] for r in rels.values())))),
                     sources="; ".join(sorted(net.sources.get(a, a) for a in articles)))
    return out


def to_json(net: Network) -> str:
    g = net.graph
    nodes = [{"id": n, "label": d["label"], "kind": d["kind"], "names": sorted(d["names"]), "ods": sorted(d["codes"]),
              "articles": sorted(net.sources.get(a, a) for a in d["articles"])} for n, d in g.nodes(data=True)]
    edges = [{"source": x, "target": y, "relations": [
        {"relation": r, "from": rel["from"], "details": sorted(rel["details"]),
         "articles": sorted(net.sources.get(a, a) for a in rel["articles"])} for r, rel in sorted(d["relations"].items())]}
        for x, y, d in g.edges(data=True)]
    return json.dumps({"nodes": nodes, "edges": edges}, indent=1, ensure_ascii=False)

