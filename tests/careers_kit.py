"""Building small stores from facts written by hand, for the resolution, network and timeline tests.

The organisations and people here are invented; each article is one Facts object, mapped to RDF by
the real `ingest.rdf` and stored by the real store code, so the tests see what an ingest would write.
"""
from __future__ import annotations

from nhskg.ingest.model import Article, Evidence, Facts, Organisation, Person, Quote
from nhskg.ingest.rdf import to_graph
from nhskg.store import open_store, replace_graph

EV = Evidence("A sentence written for the test.", 0, 32)


def org(key: str, name: str, kind: str = "trust", **kw) -> Organisation:
    return Organisation(key, kind, name, evidence=EV, **kw)


def cqc() -> Organisation:
    return org("cqc", "Care Quality Commission", "regulator")


def person(key: str, name: str, role: str | None, org_key: str | None, kind: str = "executive", **kw) -> Person:
    return Person(key, name, role=role, organisation_key=org_key, kind=kind, evidence=EV, **kw)


def article(source: str, published: str | None, orgs, people, quotes=(), **kw) -> Facts:
    f = Facts(Article(source, "text", title=source, published=published), list(orgs), list(people), **kw)
    f.quotes = [Quote(k, "Words written for the test.", EV) for k in quotes]
    return f


def build_store(path, facts_list):
    store = open_store(path)
    for facts in facts_list:
        name, g = to_graph(facts)
        replace_graph(store, str(name), g.serialize(format="nt"))
    return store
