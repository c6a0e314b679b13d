"""The controlled vocabularies (ontology/vocabularies.ttl) as look-up tables.

The SKOS labels are the one lexicon: the extractor finds services, levels and statuses by them and
the RDF writer maps labels back to concept IRIs, so a new wording is added to the Turtle only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

VOCAB_NS = "https://w3id.org/nhskg/vocab/"


def label_key(text: str) -> str:
    """Compare labels loosely: case, apostrophes, hyphens and '&' do not matter."""
    t = text.lower().replace("&", " and ").replace("’", "'").replace("'", "")
    return re.sub(r"[^a-z0-9]+", " ", t).strip()


@dataclass(frozen=True)
class Scheme:
    name: str
    pref: dict  # concept IRI -> preferred label
    by_label: dict  # label_key(any label) -> concept IRI
    group: dict = field(default_factory=dict)  # concept IRI -> preferred label of the group it is narrower than
    group_labels: dict = field(default_factory=dict)  # label_key(any label of a group) -> the group's preferred label

    def iri(self, label: str) -> URIRef | None:
        return self.by_label.get(label_key(label))

    def label(self, iri: URIRef) -> str:
        return self.pref[iri]

    def labels(self) -> dict:
        """Every wording (preferred and alternative) -> preferred label."""
        out = {}
        for key, iri in self.by_label.items():
            out[key] = self.pref[iri]
        return out


@lru_cache(maxsize=1)
def _graph() -> Graph:
    g = Graph()
    g.parse(data=files("nhskg.ontology").joinpath("vocabularies.ttl").read_text("utf-8"), format="turtle")
    return g


@lru_cache(maxsize=None)
def scheme(name: str) -> Scheme:
    """One concept scheme by its local name, e.g. 'rating-level', 'core-service'."""
    g = _graph()
    s = URIRef(VOCAB_NS + name)
    pref, by_label, group, group_labels = {}, {}, {}, {}
    for c in g.subjects(SKOS.inScheme, s):
        p = str(g.value(c, SKOS.prefLabel))
        labels = [p, *map(str, g.objects(c, SKOS.altLabel))]
        if (c, SKOS.topConceptOf, s) in g:  # groups of services are not services, but news rates them too
            group_labels.update((label_key(lab), p) for lab in labels)
            continue
        pref[c] = p
        if (b := g.value(c, SKOS.broader)) is not None:
            group[c] = str(g.value(b, SKOS.prefLabel))
        for lab in labels:
            by_label.setdefault(label_key(lab), c)
    return Scheme(name, pref, by_label, group, group_labels)
