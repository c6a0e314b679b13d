"""The facts of every article graph in the store, read back as plain records.

Nodes are the IRIs the articles use; `nhskg.resolution` says which of them are one real-world entity.
Only graphs that describe themselves as an nhskg:Article are read, so the vocabulary and resolution
graphs never count as articles.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from sys import intern

import pyoxigraph

from .store import VOCAB_GRAPH

PREFIXES = """PREFIX nhskg: <https://w3id.org/nhskg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
NHSKG = "https://w3id.org/nhskg/ontology#"
POST_KIND = "https://w3id.org/nhskg/vocab/post-kind-"


@dataclass
class ArticleInfo:
    iri: str
    source: str
    title: str | None
    issued: str | None  # lexical form of dcterms:issued


@dataclass
class OrgNode:
    iri: str
    kind: str  # "trust" | "hospital" | "regulator"
    labels: set[str] = field(default_factory=set)  # preferred labels, names and aliases in the text
    pref: set[str] = field(default_factory=set)
    ods: set[str] = field(default_factory=set)
    towns: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)


@dataclass
class PersonNode:
    iri: str
    labels: set[str] = field(default_factory=set)
    pref: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class PostRec:
    article: str
    person: str
    organisation: str | None
    kind: str  # "executive" | "inspector" | "other"
    role: str | None
    qualifier: str | None
    start: str | None
    end: str | None
    status: str = "current"  # how the article holds it: "current", "former", "incoming" or "other"

    @property
    def current(self) -> bool:
        return self.status == "current"


@dataclass(frozen=True)
class Site:
    article: str
    trust: str
    hospital: str


@dataclass(frozen=True)
class EventRec:
    """A rating, special-measures status, inspection or enforcement action about one subject."""

    article: str
    node: str
    kind: str  # "rating" | "special measures" | "inspection" | "enforcement"
    subject: str
    date: str | None
    end: str | None
    detail: str  # a short human description ("Inadequate overall", "section 31 conditions")
    sentence: str | None


@dataclass(frozen=True)
class StatementRec:
    article: str
    person: str
    text: str


def rows(store: pyoxigraph.Store, query: str) -> Iterator[dict]:
    """A SELECT's solutions, one at a time, as dicts of lexical values (None for unbound).

    Values are interned: the same article and entity IRIs come back in hundreds of thousands of rows, and
    the sets of articles per entity would otherwise hold a copy each (the whole-store reads of a
    100,000-article store peaked at 2.7 GB)."""
    result = store.query(PREFIXES + query)
    names = [v.value for v in result.variables]
    for sol in result:
        yield {n: (intern(t.value) if t is not None else None) for n, t in zip(names, sol)}


def articles(store) -> dict[str, ArticleInfo]:
    out = {}
    for r in rows(store, """SELECT ?g ?src ?title ?issued WHERE { GRAPH ?g { ?g a nhskg:Article .
        OPTIONAL { ?g nhskg:source ?src } OPTIONAL { ?g dcterms:title ?title } OPTIONAL { ?g dcterms:issued ?issued } } }"""):
        out[r["g"]] = ArticleInfo(r["g"], r["src"] or r["g"], r["title"], r["issued"])
    return out


_ORG_KIND = {NHSKG + "Trust": "trust", NHSKG + "FoundationTrust": "trust", NHSKG + "Hospital": "hospital",
             NHSKG + "Regulator": "regulator"}


@dataclass
class EntityRecords:
    """The articles, the nodes they name and how those are linked: what entity resolution and the
    network read. Organisations and people carry every name the articles' mentions give them."""

    articles: dict[str, ArticleInfo]
    orgs: dict[str, OrgNode]
    people: dict[str, PersonNode]
    sites: list[Site]
    posts: list[PostRec]


def entity_records(store) -> EntityRecords:
    """Read two queries at a time: pyoxigraph lets go of the GIL while it evaluates, so the second
    core, idle once an ingest's workers stop, does half the work (at 10,000 articles 6.4 s one after
    another, 4.0 s two at a time). The three long reads (organisations, names, posts) first, so
    that the two threads end close together."""
    reads = (_organisations, _names, posts, _people, articles, sites)
    with ThreadPoolExecutor(2) as pool:
        pending = [pool.submit(read, store) for read in reads]
    orgs, names, post_list, people, article_list, site_list = (p.result() for p in pending)
    for e, found in names.items():
        node = orgs.get(e) or people.get(e)
        if node is not None:
            node.labels |= found
    return EntityRecords(article_list, orgs, people, site_list, post_list)


_ORG_TYPES = "VALUES ?type { nhskg:Trust nhskg:FoundationTrust nhskg:Hospital nhskg:Regulator }"


def _organisations(store) -> dict[str, OrgNode]:
    # Two reads, not one with the attributes beside every (article, node) row: the same label, code and
    # town come back from every article that names the node, and the engine dedups them far faster than
    # Python builds their rows (at 100,000 articles 42 s against 67 s).
    out: dict[str, OrgNode] = {}
    for r in rows(store, f"SELECT ?g ?e ?type WHERE {{ GRAPH ?g {{ ?g a nhskg:Article . ?e a ?type . {_ORG_TYPES} }} }}"):
        out.setdefault(r["e"], OrgNode(r["e"], _ORG_KIND[r["type"]])).articles.add(r["g"])  # the IRI fixes the kind
    for r in rows(store, f"""SELECT DISTINCT ?e ?label ?ods ?town WHERE {{ GRAPH ?g {{ ?g a nhskg:Article .
        ?e a ?type . {_ORG_TYPES} OPTIONAL {{ ?e skos:prefLabel ?label }} OPTIONAL {{ ?e nhskg:odsCode ?ods }}
        OPTIONAL {{ ?e schema:addressLocality ?town }} }} }}"""):
        node = out[r["e"]]
        for attr, key in (("pref", "label"), ("labels", "label"), ("ods", "ods"), ("towns", "town")):
            if r[key]:
                getattr(node, attr).add(r[key])
    return out


def _people(store) -> dict[str, PersonNode]:
    out: dict[str, PersonNode] = {}
    for r in rows(store, """SELECT ?g ?e ?label WHERE { GRAPH ?g { ?g a nhskg:Article . ?e a nhskg:Person .
        OPTIONAL { ?e skos:prefLabel ?label } } }"""):
        node = out.setdefault(r["e"], PersonNode(r["e"]))
        node.articles.add(r["g"])
        if r["label"]:
            node.pref.add(r["label"])
            node.labels.add(r["label"])
    return out


def _names(store) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    # DISTINCT for the reason _organisations gives: at 100,000 articles 29 s against 67 s
    for r in rows(store, """SELECT DISTINCT ?e ?name WHERE { GRAPH ?g { ?g a nhskg:Article . ?m nhskg:refersTo ?e .
        { ?m nhskg:nameInText ?name } UNION { ?m nhskg:aliasInText ?name } } }"""):
        out[r["e"]].add(r["name"])
    return out


def posts(store) -> list[PostRec]:
    return [PostRec(r["g"], r["e"], r["o"], (r["k"] or POST_KIND + "other").removeprefix(POST_KIND),
                    r["role"], r["q"], r["start"], r["end"], r["status"] or "current")
            for r in rows(store, """SELECT ?g ?e ?o ?k ?role ?q ?start ?end ?status WHERE { GRAPH ?g { ?g a nhskg:Article .
                ?p a nhskg:Post ; org:member ?e . OPTIONAL { ?p org:organization ?o } OPTIONAL { ?p nhskg:postKind ?k }
                OPTIONAL { ?p nhskg:roleTitle ?role } OPTIONAL { ?p nhskg:postQualifier ?q }
                OPTIONAL { ?p schema:startDate ?start } OPTIONAL { ?p schema:endDate ?end }
                OPTIONAL { ?p nhskg:postStatus ?status } } }""")]


def sites(store) -> list[Site]:
    return [Site(r["g"], r["t"], r["h"]) for r in rows(
        store, "SELECT ?g ?t ?h WHERE { GRAPH ?g { ?g a nhskg:Article . ?t org:hasSite ?h } }")]


def events(store) -> list[EventRec]:
    """Ratings, special measures, inspections and enforcement, with a label for what each says."""
    out = []
    labelled = "".join(f"OPTIONAL {{ ?n nhskg:{prop} ?{v} . GRAPH <{VOCAB_GRAPH}> {{ ?{v} skos:prefLabel ?{name} }} }}\n"
                       for prop, v, name in (("ratingLevel", "l", "level"), ("previousLevel", "p", "prev"),
                                             ("coreService", "c", "service"), ("keyQuestion", "k", "question"),
                                             ("specialMeasuresStatus", "st", "status"),
                                             ("enforcementKind", "ek", "ekind")))
    for r in rows(store, f"""SELECT ?g ?n ?type ?s ?date ?start ?end ?level ?prev ?service ?question ?status ?ekind
        ?sentence WHERE {{ GRAPH ?g {{ ?g a nhskg:Article . ?n a ?type ; nhskg:about ?s .
          VALUES ?type {{ nhskg:Rating nhskg:SpecialMeasures nhskg:Inspection nhskg:EnforcementAction }}
          OPTIONAL {{ ?n dcterms:date ?date }} OPTIONAL {{ ?n schema:startDate ?start }}
          OPTIONAL {{ ?n schema:endDate ?end }} OPTIONAL {{ ?n nhskg:sentence ?sentence }}
          {labelled} }} }}"""):
        kind = _EVENT_KIND[r["type"]]
        out.append(EventRec(r["g"], r["n"], kind, r["s"], r["date"] or r["start"], r["end"], _detail(kind, r),
                            r["sentence"]))
    return out


_EVENT_KIND = {NHSKG + "Rating": "rating", NHSKG + "SpecialMeasures": "special measures",
               NHSKG + "Inspection": "inspection", NHSKG + "EnforcementAction": "enforcement"}


def _detail(kind: str, r: dict) -> str:
    if kind == "rating":
        scope = " ".join(x for x in (r["service"], r["question"]) if x) or "overall"
        moved = f" (was {r['prev']})" if r["prev"] else ""
        return f"{r['level']}, {scope}{moved}"
    if kind == "special measures":
        return r["status"] or "special measures"
    if kind == "enforcement":
        return r["ekind"] or "enforcement action"
    return "inspection"


def statements(store) -> list[StatementRec]:
    return [StatementRec(r["g"], r["p"], r["t"] or "") for r in rows(
        store, """SELECT ?g ?p ?t WHERE { GRAPH ?g { ?g a nhskg:Article .
            ?s a nhskg:Statement ; prov:wasAttributedTo ?p . OPTIONAL { ?s schema:text ?t } } }""")]
