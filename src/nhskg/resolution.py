"""Cross-article entity resolution: which nodes of different articles are one trust, hospital or person.

Each article names things its own way; the article graphs use IRIs built from ODS codes when the
extractor linked one, else from name slugs, and person IRIs carry the organisation of the post
(`ingest.iris.person_iri`), so two namesakes at two trusts start as two nodes. This module merges
nodes that are one real-world entity and writes its decisions to ONE named graph, recomputed from
scratch every time (so re-ingesting undoes a merge the new data no longer supports):

    node nhskg:canonical C            for every entity node (C is itself when nothing merged into it)
    C rdfs:label "display name"
    D a nhskg:MergeDecision ; nhskg:mergedNode A, B ; nhskg:mergeReason "why" ; rdfs:label "A = B"

Rules, strongest first. A merge is refused when it would put conflicting context in one cluster.
Organisations (trusts first, then hospitals, whose context is the trusts that run them):
  1. same ODS code; for a trust, the same era of its code (`ingest.trust_history`: a 2015 trust and the
     successor that kept its code are two organisations, never merged; hospitals follow a trust through
     its renames and mergers);
  2. same name (case, punctuation, "the", "NHS", "Foundation", "Trust" and for sites "Hospital"
     ignored; aliases count as names): trusts merge unless their ODS codes differ; hospitals
     only with the same trust (or one merged into it, by the ODS mergers list), or the same town;
  3. names differ in one word by a slip (one letter; two in words of nine letters or more; words of
     five letters or more, no digits: "West"/"East" and "Trust 1"/"Trust 11" never merge), with the
     same context as 2;
  4. a hospital named without trust or town joins the one hospital of that name, if only one
     ("Queen's Hospital" in Romford and in Burton stay two, and a bare "Queen's Hospital" joins neither).
People (the organisation of a post at a hospital counts as the trust that runs it; every post an article
states counts, former, incoming or other as well as current, so a person named in a stated career,
"previously chief executive of X", is the X executive of that name):
  1. same first name and surname, same organisation;
  2. same organisation, same surname, first names compatible (an initial, or Steve/Steven);
  3. same organisation, same first name, surnames one slip apart as for organisations (McKay/MacKay;
     Hale/Hall are too short to tell); a surname alone ("Mrs MacKay") joins the one candidate there;
  Rules 2 and 3, and organisation rule 3, never merge two nodes one article names side by side.
  4. a career: same first name and surname, same role (qualifiers such as interim or deputy
     ignored) and every post at one organisation dated apart from every post at the other, by
     the articles' dates or dates in the text (current posts only: an article's date says nothing
     of when a former post was held);
  5. a person with no organisation joins the one person of that exact name, if only one.
Limits: two namesakes with the same role at two trusts in successive years merge (rule 4); a career
in undated articles does not show (rule 4 needs dates); nicknames beyond prefixes (Ted/Edward) and
surnames two edits apart are not matched.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

import pyoxigraph
from rapidfuzz.distance import Levenshtein

from . import daterange, kgread, trust_graph
from .ingest.gazetteer import gazetteer
from .ingest.iris import digest
from .ingest.trust_history import TRUST_PREFIX, history
from .store import RESOLUTION_GRAPH, derived_graph_complete, rewrite_derived_graph

NHSKG = kgread.NHSKG
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

_TRUST_DROP = {"the", "nhs", "foundation", "trust", "ft", "nhsft"}
_SITE_DROP = {"the", "nhs", "hospital", "hospitals"}
_HONORIFICS = {"dr", "prof", "professor", "mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady", "baroness",
               "rev", "cllr", "councillor"}
_SUFFIXES = {"obe", "mbe", "cbe", "jr", "sr", "frcp", "frcs"}
_ROLE_NOISE = {"interim", "acting", "deputy", "assistant", "associate", "joint", "new", "former", "the", "of"}


@dataclass(frozen=True)
class Decision:
    a: str
    b: str
    name_a: str
    name_b: str
    reason: str


@dataclass
class Resolution:
    canonical: dict[str, str]  # every entity node -> its canonical node
    labels: dict[str, str]  # canonical node -> display name
    decisions: list[Decision]
    name_keys: dict[str, set[str]] = field(default_factory=dict)  # trust node -> its names and codes, lower-cased

    def of(self, node: str | None) -> str | None:
        return self.canonical.get(node, node) if node is not None else None

    def members(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for node, c in self.canonical.items():
            out[c].add(node)
        return out


@lru_cache(maxsize=1 << 18)  # the same names, words and roles come back from every article that uses them
def fold(text: str) -> str:
    """Lower-case ASCII words: what two spellings of one name have in common."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    t = t.replace("&", " and ").replace("'", "").replace("\u2019", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", t).split())


def _org_key(label: str, kind: str) -> str | None:
    drop = _SITE_DROP if kind == "hospital" else _TRUST_DROP
    words = [w for w in fold(label).split() if w not in drop]
    return " ".join(words) or None


class _Clusters:
    """Union-find whose clusters carry context sets; two clusters whose sets of one exclusive kind are
    both non-empty and disjoint (two ODS codes, two trust lineages, two towns) must not merge."""

    EXCLUSIVE = ("ods", "lineage", "town")

    def __init__(self, context: dict[str, dict[str, set]]):
        self.parent = {n: n for n in context}
        self.context = {n: {k: set(v) for k, v in c.items()} for n, c in context.items()}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def same(self, a: str, b: str) -> bool:
        return self.find(a) == self.find(b)

    def conflict(self, a: str, b: str) -> bool:
        ca, cb = self.context[self.find(a)], self.context[self.find(b)]
        return any(ca.get(k) and cb.get(k) and not ca[k] & cb[k] for k in self.EXCLUSIVE)

    def together(self, a: str, b: str) -> bool:
        """Named apart in one article: the extractor already told them apart there."""
        return bool(self.context[self.find(a)].get("articles", set()) & self.context[self.find(b)].get("articles", set()))

    def shares(self, a: str, b: str, kinds: tuple[str, ...]) -> bool:
        ca, cb = self.context[self.find(a)], self.context[self.find(b)]
        return any(ca.get(k, set()) & cb.get(k, set()) for k in kinds)

    def union(self, a: str, b: str) -> None:
        ra, rb = sorted((self.find(a), self.find(b)))
        self.parent[rb] = ra
        for k, v in self.context.pop(rb).items():
            self.context[ra].setdefault(k, set()).update(v)


class _Resolver:
    def __init__(self, names: dict[str, str]):
        self.names = names  # node -> the name shown in decisions
        self.decisions: list[Decision] = []

    def merge(self, uf: _Clusters, a: str, b: str, reason: str, needs: tuple[str, ...] = (), *,
              fuzzy: bool = False) -> bool:
        """Merge unless context conflicts, required shared context is missing, or (for a merge on
        similar rather than equal names) one article names both."""
        if uf.same(a, b) or uf.conflict(a, b) or (needs and not uf.shares(a, b, needs)) or (fuzzy and uf.together(a, b)):
            return False
        uf.union(a, b)
        a, b = sorted((a, b))
        self.decisions.append(Decision(a, b, self.names[a], self.names[b], reason))
        return True

    def unique_candidate(self, uf: _Clusters, node: str, candidates, reason: str, *, fuzzy: bool = False) -> None:
        roots = {uf.find(c) for c in candidates if not uf.same(node, c) and not uf.conflict(node, c)}
        if len(roots) == 1:
            self.merge(uf, node, next(c for c in candidates if uf.find(c) in roots), reason, fuzzy=fuzzy)


def _pairs_by_key(keys: dict[str, set[str]]):
    """(a, b, key) for every two nodes that share a key."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for node in sorted(keys):
        for k in keys[node]:
            by_key[k].append(node)
    for k in sorted(by_key):
        nodes = by_key[k]
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                yield a, b, k


def _misspelt_pairs(keys: dict[str, set[str]]):
    """(a, b, "x/y") for nodes whose names differ in one word only, by one letter (two in long words)."""
    by_mask: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for node in sorted(keys):
        for k in keys[node]:
            words = k.split()
            for i in range(len(words)):
                by_mask[(*words[:i], None, *words[i + 1:])].append((words[i], node))
    seen = set()
    for mask, entries in by_mask.items():
        for x, (wa, a) in enumerate(entries):
            for wb, b in entries[x + 1:]:
                if a != b and (a, b) not in seen and misspelt(wa, wb):
                    seen.add((a, b))
                    yield a, b, f"{wa}/{wb}"


def misspelt(a: str, b: str) -> bool:
    """Two words one slip apart: letters only, five or more, one edit (two from nine letters up)."""
    if a == b or not (a.isalpha() and b.isalpha()) or min(len(a), len(b)) < 5:
        return False
    return Levenshtein.distance(a, b) <= (2 if min(len(a), len(b)) >= 9 else 1)


def _lineage(trust: str) -> str:
    """The last successor of a trust through renames and the ODS mergers: a hospital keeps its identity
    when the trust running it is renamed or merges into another."""
    era = history().era_of(trust)
    if era is None:
        return trust
    code, seen = era.code, set()
    while code in gazetteer().successor and code not in seen:
        seen.add(code)
        code = gazetteer().successor[code]
    return TRUST_PREFIX + code


def _identity(node: str, o: kgread.OrgNode) -> set[str]:
    """What no two entities share: the ODS code, or for a trust the era of its code (a 2015 trust and the
    successor that kept its code are two organisations, `trust_history`)."""
    return {node} if o.kind == "trust" and history().era_of(node) is not None else o.ods


def _resolve_orgs(orgs: dict[str, kgread.OrgNode], sites: list[kgread.Site], r: _Resolver) -> _Clusters:
    uf = _Clusters({i: {"ods": _identity(i, o), "articles": o.articles} for i, o in orgs.items()})
    for kind in ("trust", "hospital"):
        nodes = {i: o for i, o in orgs.items() if o.kind == kind}
        if kind == "hospital":
            for s in sites:
                if s.hospital in uf.context and s.trust in orgs:
                    context = uf.context[uf.find(s.hospital)]
                    context.setdefault("trust", set()).add(uf.find(s.trust))
                    context.setdefault("lineage", set()).add(_lineage(uf.find(s.trust)))
            for i, o in nodes.items():
                uf.context[uf.find(i)].setdefault("town", set()).update(fold(t) for t in o.towns)
        needs = ("lineage", "town") if kind == "hospital" else ()
        for a, b, code in _pairs_by_key({i: _identity(i, o) for i, o in nodes.items()}):
            r.merge(uf, a, b, f"same ODS code {code}")
        keys = {i: {k for l in o.labels if (k := _org_key(l, kind))} for i, o in nodes.items()}
        context_words = " and same trust or town" if needs else ""
        for a, b, _ in _pairs_by_key(keys):
            r.merge(uf, a, b, "same name" + context_words, needs)
        for a, b, words in _misspelt_pairs(keys):
            r.merge(uf, a, b, f"names one misspelt word apart ({words})" + context_words, needs, fuzzy=True)
        if kind == "hospital":
            neighbours = defaultdict(set)
            for a, b, _ in _pairs_by_key(keys):
                neighbours[a].add(b)
                neighbours[b].add(a)
            for node in sorted(neighbours):
                if not any(uf.context[uf.find(node)].get(k) for k in needs):  # a site with no trust or town
                    r.unique_candidate(uf, node, sorted(neighbours[node]),
                                       "same name, no trust or town given, only one candidate")
    return uf


@dataclass
class _Name:
    first: str | None
    surname: str
    first_raw: str | None
    surname_raw: str

    @property
    def full(self) -> str | None:
        return f"{self.first} {self.surname}" if self.first else None


def parse_name(name: str) -> _Name | None:
    words = name.split()
    kept = [w for w in words if fold(w) and fold(w).replace(" ", "") not in _HONORIFICS | _SUFFIXES]
    if not kept:
        return None
    first = fold(kept[0]).replace(" ", "") if len(kept) > 1 else None
    return _Name(first, fold(kept[-1]).replace(" ", ""), kept[0] if len(kept) > 1 else None, kept[-1])


def _sharing_a_name(nodes: list[str], names: dict[str, _Name]) -> list[tuple[int, int]]:
    """The index pairs, in order, of people sharing a surname or a first name: the only ones that can be one
    person. Every pair of the thousands quoted at the CQC is millions at 100,000 articles."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for k, i in enumerate(nodes):
        groups["surname", names[i].surname].append(k)
        groups["first", names[i].first].append(k)
    return sorted({(x, y) for members in groups.values() for n, x in enumerate(members) for y in members[n + 1:]})


def _first_names_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) == 1 and long.startswith(short) or len(short) >= 3 and long.startswith(short)


def role_head(role: str | None) -> str | None:
    """A role without its qualifiers, to see that two posts are the same job."""
    if not role:
        return None
    words = [("chair" if w.startswith("chair") else w) for w in fold(role).split() if w not in _ROLE_NOISE]
    return " ".join(words) or None


def _post_span(p: kgread.PostRec, issued: str | None):
    return daterange.cover([daterange.span(p.start), daterange.span(p.end), daterange.span(issued)])


def _resolve_people(people: dict[str, kgread.PersonNode], posts: list[kgread.PostRec], org_of, articles,
                    r: _Resolver) -> _Clusters:
    names = {i: parse_name(max(p.pref or p.labels or {""}, key=len)) for i, p in people.items()}
    orgs_of: dict[str, set[str]] = defaultdict(set)
    stated: dict[str, set[str]] = defaultdict(set)  # organisations of the posts an article states besides its main one
    posts_of: dict[str, list[kgread.PostRec]] = defaultdict(list)
    for p in posts:
        if p.person in people:
            posts_of[p.person].append(p)
            if p.organisation:
                orgs_of[p.person].add(org_of(p.organisation))
                if not p.current:
                    stated[p.person].add(org_of(p.organisation))
    uf = _Clusters({i: {"articles": p.articles} for i, p in people.items()})

    at_org: dict[str, list[str]] = defaultdict(list)
    for i in sorted(people):
        for o in orgs_of[i]:
            at_org[o].append(i)
    for o, nodes in sorted(at_org.items()):
        full = [i for i in nodes if names[i] and names[i].first]
        for x, y in _sharing_a_name(full, names):
            a, b = full[x], full[y]
            na, nb = names[a], names[b]
            if na.full == nb.full:
                career = " (a post one article states besides its main one)" if o in stated[a] | stated[b] else ""
                r.merge(uf, a, b, "same name, same organisation" + career)
            elif na.surname == nb.surname and _first_names_compatible(na.first, nb.first):
                r.merge(uf, a, b, f"same surname, first names {na.first_raw}/{nb.first_raw} compatible, "
                                  "same organisation", fuzzy=True)
            elif na.first == nb.first and misspelt(na.surname, nb.surname):
                r.merge(uf, a, b, f"surnames {na.surname_raw}/{nb.surname_raw} one slip apart, same first "
                                  "name, same organisation", fuzzy=True)
        for a in nodes:
            if names[a] and not names[a].first:
                same = [b for b in full if names[b].surname == names[a].surname
                        or misspelt(names[b].surname, names[a].surname)]
                r.unique_candidate(uf, a, same, "surname only, same organisation, only one candidate")

    _careers(uf, people, names, posts_of, org_of, articles, r)

    by_full: dict[str, list[str]] = defaultdict(list)
    for i in sorted(people):
        if names[i] and names[i].full:
            by_full[names[i].full].append(i)
    for i in sorted(people):
        if not orgs_of[i] and names[i] and names[i].full:
            r.unique_candidate(uf, i, by_full[names[i].full], "same name, no organisation given, only one candidate")
    return uf


def _careers(uf, people, names, posts_of, org_of, articles, r: _Resolver) -> None:
    """Merge clusters of one name whose posts continue one role at organisations one after another."""
    members: dict[str, set[str]] = defaultdict(set)
    for i in people:
        members[uf.find(i)].add(i)

    profiles: dict = {}  # by root; a common name has hundreds of clusters, each compared with every other

    def profile(root):
        if root not in profiles:
            profiles[root] = build(root)
        return profiles[root]

    def build(root):
        spans, roles, dated = defaultdict(list), set(), True
        for i in members[root]:
            for p in posts_of[i]:
                if p.organisation and p.kind in ("executive", "inspector") and p.current:
                    s = _post_span(p, articles[p.article].issued if p.article in articles else None)
                    dated &= s is not None
                    spans[org_of(p.organisation)].append(s)
                    roles.add((p.kind, role_head(p.role)))
        return {o: daterange.cover(s) for o, s in spans.items()} if dated else {}, roles

    by_full: dict[str, list[str]] = defaultdict(list)
    for root in sorted(members):
        if names[root] and names[root].full:
            by_full[names[root].full].append(root)
    for roots in by_full.values():
        for x, a in enumerate(roots):
            for b in roots[x + 1:]:
                ra, rb = uf.find(a), uf.find(b)
                if ra == rb:
                    continue
                (sa, roles_a), (sb, roles_b) = profile(ra), profile(rb)
                shared = sorted(role for kind, role in roles_a & roles_b if role)
                if not (shared and sa and sb) or sa.keys() & sb.keys() or any(
                        daterange.overlap(x, y) for x in sa.values() for y in sb.values()):
                    continue
                steps = sorted((span, org) for org, span in (sa | sb).items())
                path = ", then ".join(f"{r.names.get(org, org)} {_show(span)}" for span, org in steps)
                if r.merge(uf, ra, rb, f"same name and role ({shared[0]}), successive posts: {path}"):
                    keep = uf.find(ra)
                    members[keep] |= members.pop(rb if keep == ra else ra)
                    profiles.pop(ra), profiles.pop(rb)


def _show(span: daterange.Span) -> str:
    lo, hi = (d.isoformat() for d in span)
    return lo if lo == hi else f"{lo} to {hi}"


def compute(store: pyoxigraph.Store) -> Resolution:
    """Decide which nodes are one entity (reads the article graphs; writes nothing)."""
    read = kgread.entity_records(store)
    articles, orgs, people = read.articles, read.orgs, read.people
    names = {i: _display(n.pref or n.labels) for i, n in (orgs | people).items()}
    r = _Resolver(names)
    org_uf = _resolve_orgs(orgs, read.sites, r)

    def org_of(node: str) -> str:
        """An organisation's canonical cluster; a hospital's is its trust's when the trust is known."""
        if node not in org_uf.parent:
            return node
        root = org_uf.find(node)
        trusts = org_uf.context[root].get("trust", set())
        return min(trusts) if len(trusts) == 1 else root

    person_uf = _resolve_people(people, read.posts, org_of, articles, r)
    canonical, labels = {}, {}
    for uf, nodes in ((org_uf, orgs), (person_uf, people)):
        clusters: dict[str, list[str]] = defaultdict(list)
        for i in nodes:
            clusters[uf.find(i)].append(i)
        for members in clusters.values():
            head = min(members, key=lambda i: (-len(nodes[i].articles), len(i), i))
            for i in members:
                canonical[i] = head
            counts = Counter()
            for i in members:
                for label in nodes[i].pref or nodes[i].labels:
                    counts[label] += len(nodes[i].articles)
            labels[head] = _display(counts) if counts else head.rsplit("/", 1)[-1]
    name_keys = {i: {name_key(n) for n in o.pref | o.labels | o.ods} for i, o in orgs.items() if o.kind == "trust"}
    return Resolution(canonical, labels, r.decisions, name_keys)


def name_key(name: str) -> str:
    """The key under which a query finds a trust named `name` in any case: LCASE(STR(?trust)).

    Python's lower() and SPARQL's LCASE both apply Unicode's lower-case mapping to each character."""
    return name.lower()


def _display(labels: Counter | set[str]) -> str:
    """The most used label, then the longest: the name to show for a node or cluster."""
    if isinstance(labels, Counter):
        return max(labels, key=lambda l: (labels[l], len(l), l))
    return max(labels, key=lambda l: (len(l), l)) if labels else ""


def resolve(store: pyoxigraph.Store) -> Resolution:
    """Recompute the resolution graph from the article graphs, replacing the previous one."""
    res = compute(store)
    rewrite_derived_graph(store, RESOLUTION_GRAPH, _triples(res))
    trust_graph.write(store, res.name_keys)
    return res


def _triples(res: Resolution) -> Iterator[pyoxigraph.Triple]:
    """The resolution graph, made as it is written (it holds ~6 triples an article)."""
    N, L = pyoxigraph.NamedNode, pyoxigraph.Literal
    canonical, label = N(NHSKG + "canonical"), N(RDFS_LABEL)
    for n, c in sorted(res.canonical.items()):
        yield pyoxigraph.Triple(N(n), canonical, N(c))
    for c, name in sorted(res.labels.items()):
        yield pyoxigraph.Triple(N(c), label, L(name))
    name_key = N(NHSKG + "nameKey")
    for node, keys in sorted(res.name_keys.items()):
        for key in sorted(keys):
            yield pyoxigraph.Triple(N(node), name_key, L(key))
    for d in res.decisions:
        node = N(f"{RESOLUTION_GRAPH}/decision/{digest(d.a + ' ' + d.b)[:20]}")
        yield pyoxigraph.Triple(node, N(RDF_TYPE), N(NHSKG + "MergeDecision"))
        yield pyoxigraph.Triple(node, N(NHSKG + "mergedNode"), N(d.a))
        yield pyoxigraph.Triple(node, N(NHSKG + "mergedNode"), N(d.b))
        yield pyoxigraph.Triple(node, N(NHSKG + "mergeReason"), L(d.reason))
        yield pyoxigraph.Triple(node, label, L(f"{d.name_a} = {d.name_b}"))


def load(store: pyoxigraph.Store) -> Resolution:
    """The resolution stored by the last ingest; computed afresh (not stored) when there is none, or
    when its writing was cut short."""
    graph = pyoxigraph.NamedNode(RESOLUTION_GRAPH)
    if not derived_graph_complete(store, RESOLUTION_GRAPH):
        return compute(store)
    canonical, labels = {}, {}
    for q in store.quads_for_pattern(None, pyoxigraph.NamedNode(NHSKG + "canonical"), None, graph):
        canonical[q.subject.value] = q.object.value
    for q in store.quads_for_pattern(None, pyoxigraph.NamedNode(RDFS_LABEL), None, graph):
        if q.subject.value in canonical:
            labels[q.subject.value] = q.object.value
    decisions = [Decision(r["a"], r["b"], *(r["l"] or " = ").split(" = ", 1), r["why"]) for r in kgread.rows(store, f"""
        SELECT ?a ?b ?l ?why WHERE {{ GRAPH <{RESOLUTION_GRAPH}> {{ ?d a nhskg:MergeDecision ;
            nhskg:mergedNode ?a, ?b ; nhskg:mergeReason ?why . OPTIONAL {{ ?d rdfs:label ?l }}
            FILTER(STR(?a) < STR(?b)) }} }} ORDER BY ?a ?b""")]
    return Resolution(canonical, labels, decisions)
