"""What a rating can be of, as the text names it: core services and key questions.

The SKOS labels of ontology/vocabularies.ttl are the lexicon. An acute core service is reported by
its CQC name; a mental-health, community or ambulance service (or a whole group of them, "community
services") keeps the text's own words, as the gold guide asks, and the RDF writer maps those words
back to the concept. A list that means all five key questions ("in all five areas") is one item
that expands to the five.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .vocab import label_key, scheme

ACUTE = "acute hospital services"
KEY_QUESTIONS = ("safe", "effective", "caring", "responsive", "well-led")

# key-question wordings that are phrases rather than labels ("rated inadequate for being safe")
_KQ_EXTRA = {"being safe": "safe", "being well-led": "well-led", "being well led": "well-led",
             "being effective": "effective", "being caring": "caring", "being responsive": "responsive",
             "how well led": "well-led", "how well-led": "well-led", "how safe": "safe",
             "in relation to safety": "safe",
             # the care given, as news names the caring question: "the care it provides was rated outstanding",
             # "an 'outstanding' level of patient care"; not "patient care" alone, which is what any rating is about
             "the care provided": "caring", "the care it provides": "caring", "the care that it provides": "caring",
             "the care they provide": "caring", "the care that they provide": "caring",
             "care provided by staff": "caring", "the care provided by staff": "caring", "level of care": "caring",
             "level of patient care": "caring"}
# the five key questions named as one: "good in all five areas", "across every domain"
_ALL_QUESTIONS = re.compile(r"\b(?:all|each|every)\s+(?:of\s+(?:the|its)\s+)?(?:(?:five|5)\s+(?:key\s+)?"
                            r"(?:questions|areas|domains|categories|ratings|inspection\s+areas|key\s+lines\s+of\s+enquiry)"
                            r"|key\s+questions?|domains?|categories|category)\b", re.IGNORECASE)
_ALL_SERVICES = re.compile(r"\b(?:all|each|every|both)\s+(?:of\s+the\s+|of\s+its\s+|the\s+)?(?:\w+\s+)?"
                           r"(?:core\s+)?services\b", re.IGNORECASE)
_AND = r"(?:\W+and\W+|\W*&\W*)"  # "A&E", "maternity & gynaecology"
_CARING_FOR = re.compile(r"\s+for\b")
_PROVIDES = re.compile(r"\b(?:runs?|running|provides?|providing|offers?|delivers?|delivering|responsible\s+for|"
                       r"in\s+charge\s+of)\b[^,.;:()\u2013\u2014]{0,40}$", re.IGNORECASE)
_KIND_OF_TRUST = re.compile(r"\W+(?:nhs\s+)?(?:foundation\s+)?(?:trusts?|providers?|organisations?)\b", re.IGNORECASE)


@dataclass
class Item:
    start: int
    end: int
    kind: str  # "service" | "question" | "all-services" | "all-questions"
    label: str | None  # None for "overall"
    concept: str | None = None  # services: which concept the words name, to find its fullest wording
    generic: bool = False  # a whole group of services ("community services"), not one core service


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern, dict[str, tuple[str, str | None, str | None]], frozenset[str]]:
    """Every wording -> (kind, label, concept); label None for a service means "keep the text's words";
    with the pattern of every wording and the set of their first words."""
    entries: dict[str, tuple[str, str | None, str | None]] = {}
    services = scheme("core-service")
    for key, iri in services.by_label.items():
        acute = services.group.get(iri) == ACUTE
        entries[key] = ("service", services.pref[iri] if acute else None, str(iri))
    for key, group in services.group_labels.items():
        if group != ACUTE:
            entries.setdefault(key, ("service", None, None))
    for key, pref in scheme("key-question").labels().items():
        entries[key] = ("question", pref, None)
    for wording, pref in _KQ_EXTRA.items():
        entries[label_key(wording)] = ("question", pref, None)
    entries["overall"] = ("question", None, None)
    # label keys are lower case words joined by single spaces; let the text use any punctuation between them.
    # Wordings are grouped by their first word (longest rest first), so the scan tries one group per word.
    groups: dict[str, list[str]] = {}
    for k in sorted(entries, key=len, reverse=True):
        first, _, rest = k.partition(" ")
        groups.setdefault(first, []).append(_words(" " + rest) if rest else "")
    alternatives = [_word(first) + "(?:" + "|".join(rests) + ")" for first, rests in groups.items()]
    pattern = re.compile(r"(?<![\w-])(" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)
    return pattern, entries, frozenset(groups)


def _words(rest: str) -> str:
    """' and young people' -> a pattern for the words after a first one, with any punctuation between."""
    return "".join(_AND if w == "and" else r"\W+" + _word(w) for w in rest.split()).replace(_AND + r"\W+", _AND)


def _word(w: str) -> str:
    """One word of a label key, which lost its apostrophe: "childrens" matches "children's"."""
    return re.escape(w[:-1]) + "['’]?s" if len(w) > 3 and w.endswith("s") else re.escape(w)


def text_words(words: str) -> str:
    """A service as the text words it: lower case, one space between words."""
    return re.sub(r"\s+", " ", words).strip().lower()


# A word of the text as the first word of a label key: lower case, apostrophes dropped ("children's").
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’]*")


def _matches(sentence: str) -> Iterator[re.Match]:
    """The wordings in a sentence, as `pattern.finditer` finds them, but tried only where a word that can
    open a wording stands: one scan of the words instead of every alternative at every position."""
    pattern, _entries, firsts = _lexicon()
    end = 0
    for w in _TOKEN.finditer(sentence):
        if w.start() < end or w.group().lower().replace("'", "").replace("’", "") not in firsts:
            continue
        m = pattern.match(sentence, w.start())
        if m:
            end = m.end()
            yield m


def find_items(sentence: str) -> list[Item]:
    _pattern, entries, _firsts = _lexicon()
    out = []
    for m in _matches(sentence):
        k = label_key(m.group(1))
        if k not in entries:
            continue
        kind, label, concept = entries[k]
        if kind == "question" and k == "caring" and _CARING_FOR.match(sentence, m.end()):
            continue  # "caring for patients"
        generic = kind == "service" and label is None and concept is None
        if generic and (_PROVIDES.search(sentence, 0, m.start()) or _KIND_OF_TRUST.match(sentence, m.end())):
            continue  # "the trust, which runs community services", "a mental health trust": what a trust does
        if kind == "service" and label is None:
            label = text_words(m.group(1))
        out.append(Item(m.start(), m.end(), kind, label, concept, generic))
    for rx, kind in ((_ALL_SERVICES, "all-services"), (_ALL_QUESTIONS, "all-questions")):
        for m in rx.finditer(sentence):
            if not any(it.start <= m.start() < it.end or m.start() <= it.start < m.end() for it in out):
                out.append(Item(m.start(), m.end(), kind, None))
    return sorted(out, key=lambda it: it.start)


@lru_cache(maxsize=1024)
def is_acute(service: str) -> bool:
    """Whether a rated service is one of the acute core services, which the CQC rates at each hospital."""
    services = scheme("core-service")
    iri = services.iri(service)
    return iri is not None and services.group.get(iri) == ACUTE
