"""One article's facts as RDF, following ontology/nhskg.ttl.

The graph returned holds only this article's triples; the store keeps it in the named graph whose
name is the article IRI, so re-ingesting the article replaces exactly these triples.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Iterator

from rdflib import RDF as _RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS as _DCTERMS, PROV as _PROV, SKOS as _SKOS, Namespace
from rdflib.plugins.serializers.nt import _quoteLiteral

from .dates import date_literal
from .iris import (CQC_PROVIDER, NHSKG as _NHSKG, article_iri, fact_iri, hospital_iri, person_iri,
                   regulator_iri, trust_iri, valid_ods)
from .model import Evidence, Facts, Organisation
from .roles import board_post
from .text import clean_literal
from .trust_history import history
from .vocab import label_key, scheme


class _Terms:
    """A namespace whose terms are made once. rdflib's namespaces make and check a new URIRef at every
    attribute access: 60,000 of them for 300 articles, a fifth of the mapping's time (2.0 -> 1.6 ms an article)."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        setattr(self, name, term)  # found as a plain attribute from now on
        return term


RDF, DCTERMS, PROV, SKOS, NHSKG = map(_Terms, (_RDF, _DCTERMS, _PROV, _SKOS, _NHSKG))
ORG = _Terms(Namespace("http://www.w3.org/ns/org#"))
SCHEMA = _Terms(Namespace("https://schema.org/"))

SM_STATUS = {"placed": "placed in special measures", "remains": "remains in special measures",
             "out": "taken out of special measures", "recommended": "recommended for special measures"}


# Literals are immutable, and making one costs ~12 us (rdflib normalises and casts every value); a fact's
# sentence, method, offsets and confidence recur across the facts of a sentence and across articles.
@lru_cache(maxsize=1 << 16)
def text(value: str) -> Literal:
    return Literal(clean_literal(value))


@lru_cache(maxsize=1 << 14)
def _integer(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


@lru_cache(maxsize=1 << 10)
def _confidence(c: float) -> Literal:
    return Literal(Decimal(str(round(c, 3))), datatype=XSD.decimal)


def org_node(o: Organisation, published: str | None) -> tuple[URIRef, str]:
    """An organisation's node and name. A trust linked to an ODS code is the trust of the article's time
    (`trust_history`): a 2015 article about a trust that later merged or was renamed keeps its 2015 name."""
    if o.kind == "regulator":
        return regulator_iri(), o.name
    if o.kind == "hospital":
        return hospital_iri(o.official_name or o.name, o.ods_code), o.official_name or o.name
    if (era := history().era_for(valid_ods(o.ods_code), [o.name, *o.aliases], published)) is not None:
        return URIRef(era.iri), era.name
    return trust_iri(o.official_name or o.name, o.ods_code), o.official_name or o.name


Triple = tuple[URIRef, URIRef, URIRef | Literal]


class Triples:
    """An article's triples, each once, in the order written: what ingest needs of a graph (iterate,
    count, N-Triples) without an rdflib Graph, whose add cost ~10 us a triple (a fifth of ingest time)."""

    def __init__(self) -> None:
        self._triples: dict[Triple, None] = {}
        self._subject_predicates: set[tuple[URIRef, URIRef]] = set()

    def add(self, triple: Triple) -> None:
        self._triples[triple] = None
        self._subject_predicates.add(triple[:2])

    def has(self, subject: URIRef, predicate: URIRef) -> bool:
        return (subject, predicate) in self._subject_predicates

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def ntriples(self) -> str:
        """N-Triples exactly as rdflib's serializer writes them (the same escaping of literals)."""
        return "".join([f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in self._triples])


@lru_cache(maxsize=1 << 16)
def _nt(term: URIRef | Literal) -> str:
    """A term as rdflib's N-Triples row writer writes it; made once, since URIRef.n3 checks the IRI at
    every call and most terms (classes, properties, entities, sentences) recur."""
    return _quoteLiteral(term) if isinstance(term, Literal) else term.n3()


def to_graph(facts: Facts) -> tuple[URIRef, Graph]:
    name, triples = to_triples(facts)
    g = Graph()
    g.bind("nhskg", _NHSKG)
    for t in triples:
        g.add(t)
    return name, g


def to_triples(facts: Facts) -> tuple[URIRef, Triples]:
    a = facts.article
    art = article_iri(a.source)
    g = Triples()
    g.add((art, RDF.type, NHSKG.Article))
    g.add((art, NHSKG.source, text(a.source)))
    if a.title:
        g.add((art, DCTERMS.title, text(a.title)))
    if a.publisher:
        g.add((art, DCTERMS.publisher, text(a.publisher)))
    if a.published and (d := date_literal(a.published)) is not None:
        g.add((art, DCTERMS.issued, d))
    if a.url:
        g.add((art, SCHEMA.url, Literal(clean_literal(a.url), datatype=XSD.anyURI)))

    counter = iter(range(1, 1 << 30))

    def fact(kind: str, cls: URIRef, ev: Evidence | None) -> URIRef:
        node = fact_iri(art, kind, next(counter))
        g.add((node, RDF.type, cls))
        g.add((node, PROV.wasDerivedFrom, art))
        if ev is not None:
            g.add((node, NHSKG.sentence, text(ev.sentence)))
            g.add((node, NHSKG.startOffset, _integer(ev.start)))
            g.add((node, NHSKG.endOffset, _integer(ev.end)))
            g.add((node, NHSKG.extractionMethod, text(ev.method)))
            g.add((node, NHSKG.confidence, _confidence(ev.confidence)))
        return node

    def mention(entity: URIRef, name: str, aliases: list[str], ev: Evidence | None) -> None:
        m = fact("mention", NHSKG.Mention, ev)
        g.add((m, NHSKG.refersTo, entity))
        g.add((m, NHSKG.nameInText, text(name)))
        for al in aliases:
            g.add((m, NHSKG.aliasInText, text(al)))

    def once(entity: URIRef, prop: URIRef, value: Literal) -> None:
        """Names that slug alike ("St. Mary's Hospital", "St Mary's Hospital") are one node: it keeps the
        first name (and town, code, honorific); the others stay in the mentions as the text wrote them."""
        if not g.has(entity, prop):
            g.add((entity, prop, value))

    iri_of = {}
    for o in facts.organisations:
        e, label = org_node(o, a.published)
        iri_of[o.key] = e
        if o.kind == "regulator":
            g.add((e, RDF.type, NHSKG.Regulator))
        elif o.kind == "hospital":
            g.add((e, RDF.type, NHSKG.Hospital))
            if o.town:
                once(e, SCHEMA.addressLocality, text(o.town))
        else:
            g.add((e, RDF.type, NHSKG.Trust))  # stated for foundation trusts too: shapes run without inference
            if "foundation trust" in label.lower():
                g.add((e, RDF.type, NHSKG.FoundationTrust))
            if code := valid_ods(o.ods_code):
                g.add((e, NHSKG.cqcProviderPage, URIRef(CQC_PROVIDER + code)))
        once(e, SKOS.prefLabel, text(label))
        if code := valid_ods(o.ods_code):
            once(e, NHSKG.odsCode, Literal(code))
        mention(e, o.name, o.aliases, o.evidence)
    for o in facts.organisations:
        if o.kind == "hospital" and o.trust_key in iri_of:
            g.add((iri_of[o.trust_key], ORG.hasSite, iri_of[o.key]))

    for p in facts.people:
        e = person_iri(p.name, iri_of.get(p.organisation_key))
        iri_of[p.key] = e
        g.add((e, RDF.type, NHSKG.Person))
        once(e, SKOS.prefLabel, text(p.name))
        if p.honorific:
            once(e, SCHEMA.honorificPrefix, text(p.honorific))
        mention(e, p.name, p.aliases, p.evidence)
        if p.role or p.organisation_key:
            post = _post(g, fact("post", NHSKG.Post, p.evidence), e, p.role, p.organisation_key, p.kind, p.qualifier,
                         "current", iri_of)
            for prop, value in ((SCHEMA.startDate, p.start_date), (SCHEMA.endDate, p.end_date)):
                if value and (d := date_literal(value)) is not None:
                    g.add((post, prop, d))
        for o in p.other_posts:
            _post(g, fact("post", NHSKG.Post, o.evidence or p.evidence), e, o.role, o.organisation_key, o.kind, o.qualifier,
                  o.status, iri_of)

    levels, services, questions = scheme("rating-level"), scheme("core-service"), scheme("key-question")
    for r in facts.ratings:
        service = services.iri(r.service) if r.service else None
        if r.subject_key not in iri_of or levels.iri(r.level) is None:
            continue
        node = fact("rating", NHSKG.Rating, r.evidence)
        g.add((node, NHSKG.about, iri_of[r.subject_key]))
        g.add((node, NHSKG.ratingLevel, levels.iri(r.level)))
        if r.previous and levels.iri(r.previous) is not None:
            g.add((node, NHSKG.previousLevel, levels.iri(r.previous)))
        if service is not None:
            g.add((node, NHSKG.coreService, service))
        if r.service and (service is None or label_key(services.label(service)) != label_key(r.service)):
            g.add((node, NHSKG.serviceInText, text(r.service)))  # the words of a service the CQC name does not give
        if r.key_question and (q := questions.iri(r.key_question)) is not None:
            g.add((node, NHSKG.keyQuestion, q))
        if r.date and (d := date_literal(r.date)) is not None:
            g.add((node, DCTERMS.date, d))

    statuses = scheme("special-measures-status")
    for s in facts.special_measures:
        if s.trust_key not in iri_of or s.status not in SM_STATUS:
            continue
        node = fact("special-measures", NHSKG.SpecialMeasures, s.evidence)
        g.add((node, NHSKG.about, iri_of[s.trust_key]))
        g.add((node, NHSKG.specialMeasuresStatus, statuses.iri(SM_STATUS[s.status])))
        if s.date and (d := date_literal(s.date)) is not None:
            g.add((node, SCHEMA.startDate, d))

    for i in facts.inspections:
        if i.subject_key not in iri_of:
            continue
        node = fact("inspection", NHSKG.Inspection, i.evidence)
        g.add((node, NHSKG.about, iri_of[i.subject_key]))
        for prop, value in ((SCHEMA.startDate, i.start), (SCHEMA.endDate, i.end)):
            if value and (d := date_literal(value)) is not None:
                g.add((node, prop, d))

    enforcement = scheme("enforcement-kind")
    for e in facts.enforcement:
        if e.trust_key not in iri_of or enforcement.iri(e.kind) is None:
            continue
        node = fact("enforcement", NHSKG.EnforcementAction, e.evidence)
        g.add((node, NHSKG.about, iri_of[e.trust_key]))
        g.add((node, NHSKG.enforcementKind, enforcement.iri(e.kind)))
        if e.date and (d := date_literal(e.date)) is not None:
            g.add((node, DCTERMS.date, d))

    for q in facts.quotes:
        if q.person_key not in iri_of:
            continue
        node = fact("statement", NHSKG.Statement, q.evidence)
        g.add((node, PROV.wasAttributedTo, iri_of[q.person_key]))
        g.add((node, SCHEMA.text, text(q.text)))
    return art, g


def _post(g: Graph, post: URIRef, person: URIRef, role: str | None, organisation: str | None, kind: str,
          qualifier: str | None, status: str, iri_of: dict) -> URIRef:
    """One post of a person: its title as worded and the board post it names, its organisation, its kind and
    how the article holds it (current: the article's main event; former, incoming or other)."""
    g.add((post, ORG.member, person))
    kinds = scheme("post-kind")
    g.add((post, NHSKG.postKind, kinds.iri(kind) or kinds.iri("other")))
    g.add((post, NHSKG.postStatus, text(status)))
    if role:
        g.add((post, NHSKG.roleTitle, text(role)))
        if (board := board_post(role)) is not None:
            g.add((post, NHSKG.boardPost, scheme("board-post").iri(board)))
    if organisation in iri_of:
        g.add((post, ORG.organization, iri_of[organisation]))
    if qualifier:
        g.add((post, NHSKG.postQualifier, text(qualifier)))
    return post
