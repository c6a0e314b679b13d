"""Trusts, hospitals and the regulator named in an article, with every mention resolved to one entity.

The steps: names as written (`orgnames`), one entity per organisation whatever form a name takes,
short forms and "the trust" / "the hospital" (`resolve`), and which trust runs each hospital (`sites`).
"""
from __future__ import annotations

import re

from .caresites import care_site_candidates
from .gazetteer import core_key, gazetteer
from .model import Organisation
from .orgnames import (HOSPITAL_LIST_RE, Entity, bare_trust_candidates, caption_breaks, compound_sites,
                       hospital_candidates, hospital_list_candidates, overlaps, title_case_lines, trust_candidates)
from .resolve import REF_RE, add_references, add_short_form_mentions, same_site_name
from .sites import (add_enumerated_hospitals, link_hospitals, site_short_forms, stated_operators, stated_towns,
                    trust_called)

CQC_RE = re.compile(r"\b(?:Care\s+Quality\s+Commission|CQC)\b")


class _Entities(dict):
    """The article's organisations by key; a name or code already seen gives the entity back."""

    def __init__(self):
        super().__init__()
        self._known: dict[str, set[str]] = {}  # entity key -> core keys of its names

    def get_or_add(self, kind: str, name: str, code: str | None = None) -> Entity:
        k = core_key(name)
        for e in self.values():
            if e.org.kind != kind:
                continue
            known = self._known[e.org.key]
            if (code and e.org.ods_code == code) or k in known or \
                    (kind == "hospital" and any(same_site_name(k, n) for n in known)):
                return e
        key = f"{kind}:{len(self) + 1}"
        official = gazetteer().official_trust_name(code) if code and kind == "trust" else None
        self[key] = Entity(Organisation(key=key, kind=kind, name=name, ods_code=code, official_name=official))
        return self[key]

    def named(self, kind: str, name: str, code: str | None = None) -> Entity:
        """The entity, with the fullest name the text gives it as its name and the others as aliases."""
        e = self.get_or_add(kind, name, code)
        if len(name) > len(e.org.name):
            e.names.add(e.org.name)
            e.org.name = name
        else:
            e.names.add(name)
        self._known[e.org.key].add(core_key(name))
        return e

    def __setitem__(self, key: str, e: Entity) -> None:
        super().__setitem__(key, e)
        self._known[key] = {core_key(e.org.name)} | {core_key(n) for n in e.names}


def find_organisations(text: str, sentences: list[tuple[int, int]]) -> tuple[list[Organisation],
                                                                          list[tuple[int, int, str]]]:
    """The article's organisations and every mention of them as (start, end, key), sorted."""
    gaz = gazetteer()
    entities = _Entities()
    mentions: list[tuple[int, int, str]] = []

    headline = title_case_lines(text)
    lines = caption_breaks(text)  # names are found in it, and their mentions are the text's at the same offsets
    named_spans = []
    for s, e, name in trust_candidates(lines):
        if not overlaps(s, e, headline):
            mentions.append((s, e, entities.named("trust", name, gaz.trust_code(name)).org.key))
            named_spans.append((s, e))

    for s, e, name, code, site in list(bare_trust_candidates(lines, named_spans + headline)):
        ent = entities.named("hospital" if site else "trust", name, None if site else code)
        if site:
            ent.org.ods_code = site.code
        mentions.append((s, e, ent.org.key))
        named_spans.append((s, e))  # no other pattern is to take these words

    compound = list(compound_sites(lines, named_spans + headline))
    for s, e, name in compound:
        mentions.append((s, e, entities.get_or_add("hospital", name).org.key))  # the site is chosen with the others
    taken = named_spans + headline + [(s, e) for s, e, _ in compound]
    lists = list(HOSPITAL_LIST_RE.finditer(lines)) if "ospitals" in lines else []
    listed = list(hospital_list_candidates(lists, taken))
    taken += [(s, e) for s, e, _ in listed] + [(m.start(), m.end()) for m in lists]
    for s, e, name in listed + list(hospital_candidates(lines, taken)):
        ent = trust_called(entities, name)
        if ent is None and name.endswith("Hospitals") and not gaz.sites_named(name):
            continue  # "X Hospitals", neither a trust of the article nor a site (singular or plural): a group, a brand
        ent = ent or entities.named("hospital", name)
        mentions.append((s, e, ent.org.key))

    taken = [(s, e) for s, e, _ in mentions] + headline
    for s, e, name in list(care_site_candidates(lines, sentences, taken)):
        mentions.append((s, e, entities.named("hospital", name).org.key))

    for s, e, name, site in site_short_forms(text, entities, [(s, e) for s, e, _ in mentions] + headline):
        ent = entities.get_or_add("hospital", name)
        ent.org.ods_code = site.code
        mentions.append((s, e, ent.org.key))

    cqc = list(CQC_RE.finditer(text))
    if cqc:
        entities["regulator:cqc"] = Entity(Organisation(key="regulator:cqc", kind="regulator",
                                                        name="Care Quality Commission"))
        mentions.extend((m.start(), m.end(), "regulator:cqc") for m in cqc)

    add_short_form_mentions(text, entities, mentions)
    mentions.sort()
    add_references(text, entities, mentions)
    add_enumerated_hospitals(text, entities, mentions)
    mentions.sort()
    stated_operators(text, sentences, entities, mentions)
    stated_towns(text, entities, mentions)
    link_hospitals(text, entities, mentions)

    first = {}
    for s, e, k in mentions:  # evidence is where a name is first given; "the hospital" before it only if none is
        if not REF_RE.fullmatch(text, s, e):
            first.setdefault(k, (s, e))
    for s, e, k in mentions:
        first.setdefault(k, (s, e))
    orgs = []
    for e in entities.values():
        e.org.aliases = sorted(n for n in e.names if n != e.org.name)
        e.org.evidence = first.get(e.org.key)  # a span for now; the document turns it into Evidence
        orgs.append(e.org)
    return orgs, mentions
