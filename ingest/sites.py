"""Which trust runs each hospital, and its ODS site and town.

What the text says comes first ("TRUST, which runs A", "A, run by TRUST", "the four hospitals of A, B
and C", "A in Town"); then the gazetteer, which places a site under a trust (allowing for mergers);
then the story: a hospital named in a story about one trust, that the gazetteer places nowhere else,
is that trust's. Sites of the article's trusts named without "Hospital" ("Wexham Park") are found here too.
"""
from __future__ import annotations

import bisect
import re

from .gazetteer import core_key, gazetteer
from .model import Organisation
from .orgnames import _GENERIC_SITE_WORDS, STOP, Entity, occurrences, overlaps, town_key, towns
from .resolve import REF_RE

_TOWN_AFTER = re.compile(r",?[ \t]+in[ \t]+([A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2})")
_TOWN_BEFORE = re.compile(r"([A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2})['’]s[ \t]+(?:the[ \t]+)?$")


def stated_towns(text: str, entities: dict[str, Entity], mentions: list) -> None:
    """A hospital's town as the text gives it: "X Hospital in Town", "Town's X Hospital"."""
    for s, e, k in mentions:
        org = entities[k].org
        if org.kind != "hospital" or org.town:
            continue
        after, before = _TOWN_AFTER.match(text, e), _TOWN_BEFORE.search(text, max(0, s - 40), s)
        for m in (after, before):
            if m and town_key(m.group(1)) in towns():
                org.town = m.group(1)
                break


_RUNS = re.compile(r"\b(?:runs|ran|running|operates|operated|operating|manages|managing|(?:is|was)\s+responsible\s+for)\b")
_RUN_BY = re.compile(r"\b(?:run|operated|managed)\s+by\b")
# "A, part of TRUST", "A, which is part of TRUST", "A is now part of TRUST": what the hospital is, said right
# after its name; "inspected A as part of a probe into TRUST" says nothing of who runs A.
_PART_OF = re.compile(r",?\s+(?:(?:which|that)\s+)?(?:(?:is|was|now)\s+)*part\s+of\s+(?:the\s+)?")
_POSSESSIVE = re.compile(r"['’]s?[ \t]+$")  # "TRUST's A", "the Trusts' A"


def stated_operators(text: str, sentences, entities: dict[str, Entity], mentions: list) -> None:
    """What the text says runs a hospital: "TRUST, which runs A, B and C", "A, run by TRUST", "A, part of
    TRUST", "TRUST's A"."""
    starts = [s for s, _e, _k in mentions]
    kind = {k: e.org.kind for k, e in entities.items()}
    for ss, se in sentences:
        here = mentions[bisect.bisect_left(starts, ss):bisect.bisect_left(starts, se)]
        if not any(kind[k] == "hospital" for _s, _e, k in here):
            continue
        sentence = text[ss:se]
        for (_s, e, k), (s, _e, h) in zip(here, here[1:]):
            if kind[k] == "trust" and kind[h] == "hospital" and _POSSESSIVE.match(text, e, s):
                entities[h].org.trust_key = k
            elif kind[k] == "hospital" and kind[h] == "trust" and _PART_OF.fullmatch(text, e, s):
                entities[k].org.trust_key = h
        for m in _RUNS.finditer(sentence):
            at = ss + m.start()
            trust = next((k for s, _e, k in reversed(here) if s < at and kind[k] == "trust"), None)
            for s, _e, k in here:
                if trust and s > at and kind[k] == "hospital":
                    entities[k].org.trust_key = trust
        for m in _RUN_BY.finditer(sentence):
            at, after = ss + m.start(), ss + m.end()
            trust = next((k for s, _e, k in here if s >= after and kind[k] == "trust"), None)
            hospital = next((k for s, _e, k in reversed(here) if s < at and kind[k] == "hospital"), None)
            if trust and hospital and not re.search(r"[.;]", text[after:next(s for s, _e, k in here if k == trust)]):
                entities[hospital].org.trust_key = trust


# "taken to X", "flown by air ambulance to X", "transferred to the X": a patient's destination, which may be any
# trust's hospital, not a site of the trust the story is about.
_DESTINATION = re.compile(r"\b(?:moved|transferred|taken|flown|sent|admitted|rushed|airlifted|diverted|referred|"
                          r"driven|brought)\b(?:[ \t]+[\w’'-]+){0,4}?[ \t]+to[ \t]+(?:the[ \t]+)?$")


def link_hospitals(text: str, entities: dict[str, Entity], mentions: list) -> None:
    """Give each hospital the trust of the article that runs it and its ODS site, a site of that trust only
    (a code the gazetteer files under another body is that body's); with no trust known, the site of its
    name when the gazetteer places it under one trust only.

    The trust the text states runs it comes first, whatever trust the gazetteer files it under (the
    gazetteer is of one date; trusts merge and take over sites). Then a site the gazetteer places under
    one of the article's trusts is that trust's; a hospital that shares its distinctive name with a trust
    of the article is that trust's (news calls a one-site trust by its hospital). Otherwise, in a story
    about one trust, a hospital is that trust's, unless it is where a patient was taken to and the
    gazetteer places it elsewhere.
    """
    gaz = gazetteer()
    trusts = [e.org for e in entities.values() if e.org.kind == "trust"]
    destinations = {k for s, e, k in mentions  # a hospital named there ("taken to the hospital" says nothing)
                    if _DESTINATION.search(text, max(0, s - 60), s) and not REF_RE.fullmatch(text, s, e)}
    for e in entities.values():
        h = e.org
        if h.kind != "hospital":
            continue
        sites = [gaz.sites[h.ods_code]] if h.ods_code else _named_sites(h.name, e.names)
        in_article = [s for s in sites if any(gaz.same_trust(s.trust, t.ods_code) for t in trusts)]
        if not h.trust_key and in_article:
            runs = [t for t in trusts if gaz.same_trust(in_article[0].trust, t.ods_code)]
            # a site goes with its trust into a merger: the successor named in the article runs it now
            h.trust_key = next((t.key for t in runs if t.ods_code == gaz.successor.get(in_article[0].trust)),
                               runs[0].key)
        elif not h.trust_key:
            namesake = [t for t in trusts if _distinctive(h.name) and _distinctive(h.name) <= _distinctive(t.name)]
            if len(namesake) == 1:
                h.trust_key = namesake[0].key
            elif len(trusts) == 1 and not (sites and h.key in destinations):
                h.trust_key = trusts[0].key
        site = _site_of(h, sites, entities[h.trust_key].org.ods_code) if h.trust_key else \
            (sites[0] if len({s.trust for s in sites}) == 1 else None)
        h.ods_code = site.code if site else None
        if site is not None:
            h.town = h.town or site.town or None


def _named_sites(name: str, names: set[str]) -> list:
    """Sites the gazetteer holds under the hospital's name, another name the text gives it, or the name
    without a leading place ("Town X Hospital" for the gazetteer's "X Hospital") when words of its own remain."""
    gaz = gazetteer()
    found = gaz.sites_named(name) or [s for n in sorted(names) for s in gaz.sites_named(n)]
    words = name.split()
    for i in range(1, len(words) - 1):
        if found or all(w.lower() in _GENERIC_SITE_WORDS for w in words[i:-1]):
            break
        found = gaz.sites_named(" ".join(words[i:]))
    return found


def _site_of(h: Organisation, sites: list, trust: str | None):
    """The hospital's site under the trust that runs it (none for a trust the gazetteer lacks): one of that
    name, else the trust's own site whose name starts with the hospital's ("X Hospital, Town")."""
    gaz = gazetteer()
    if not trust:
        return None
    own = [s for s in gaz.sites_of(trust) if s.trust == trust and
           (core_key(s.name) + " ").startswith(core_key(h.name) + " ")]
    return next((s for s in sites if gaz.same_trust(s.trust, trust)), None) or next(iter(own), None)


def trust_called(entities: dict[str, Entity], name: str) -> Entity | None:
    """The article's trust that "X Hospitals" stands for: news drops "NHS Trust" from a trust's name."""
    if not name.endswith("Hospitals"):
        return None
    code = gazetteer().trust_code(name)
    words = _distinctive(name) - {"university", "teaching"}
    for e in entities.values():
        if e.org.kind == "trust" and ((code and e.org.ods_code == code)
                                      or (words and words == _distinctive(e.org.name) - {"university", "teaching"})):
            return e
    return None


def _distinctive(name: str) -> frozenset[str]:
    words = frozenset(w for w in core_key(name).split() if w not in ("hospital", "hospitals"))
    return words if len(words) >= 2 else frozenset()


_SITE_SUFFIX = re.compile(r"\s+(?:(?:General|District|Community|University|Memorial|County)\s+)?(?:Hospital|Infirmary)$",
                          re.IGNORECASE)


_CAPITAL_BEFORE = re.compile(r"[A-Z][\w’']*\s$")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")
# Names of areas ("Isle of X", "Vale of Y", "Forest of Z"): a site called after one is named "X Hospital",
# and the area alone is the area.
_AREA = re.compile(r"(?:Isles?|Islands?|Vale|Valley|Forest)\s+of\s+\S", re.IGNORECASE)
_HOSPITAL_AFTER = re.compile(r"\s+hospital\b")


def site_short_forms(text: str, entities: dict[str, Entity], taken: list[tuple[int, int]]):
    """A site of one of the article's trusts named without its "Hospital": "Wexham Park" for Wexham Park
    Hospital, "Addenbrooke's" for Addenbrooke's Hospital (one word only when it is a possessive)."""
    gaz = gazetteer()
    seen = set()
    lowered = text.lower().replace("’", "'")
    named = {core_key(e.org.name) for e in entities.values() if e.org.kind == "hospital"}
    for ent in list(entities.values()):
        for site in gaz.sites_of(ent.org.ods_code) if ent.org.kind == "trust" else []:
            short = _SITE_SUFFIX.sub("", re.sub(r"^The\s+", "", site.name, flags=re.IGNORECASE))
            form = short.lower().replace("’", "'")
            possessive = bool(re.fullmatch(r"\w{4,}'s", form))
            if form in seen or core_key(site.name) in named or not (
                    possessive or (short != site.name and len(short.split()) > 1)):
                continue  # a site named in full has its short forms resolved with it
            seen.add(form)
            # a place is a place, unless "hospital" follows it ("the Forest of X hospital")
            place = (town_key(short) in towns() or _AREA.match(short)) and not gaz.sites_named(short)
            for s, e in occurrences(text, form, lowered):
                # a name of its own, not part of a longer capitalised one
                if text[s].isupper() and not _CAPITAL_BEFORE.search(text, max(0, s - 40), s) \
                        and not _CAPITAL_AFTER.match(text, e) and not overlaps(s, e, taken) \
                        and not (place and not _HOSPITAL_AFTER.match(text, e)):
                    taken.append((s, e))
                    yield s, e, text[s:e], site


_PLACE = r"[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,3}(?:[ \t]*\([A-Z][\w ]+\))?"
ENUM_RE = re.compile(rf"\bhospitals[ \t]*(?:of|:|–|-)[ \t]+((?:{_PLACE},[ \t]+)*{_PLACE},?[ \t]+(?:and|&)[ \t]+{_PLACE})")


def add_enumerated_hospitals(text: str, entities: dict[str, Entity], mentions: list) -> None:
    """"the four hospitals of A, B (Town) and C": each named part is a hospital of the trust the sentence is about."""
    gaz = gazetteer()
    for m in ENUM_RE.finditer(text):
        sentence_start = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        trust = next((k for s, _e, k in reversed(mentions)
                      if sentence_start <= s < m.start() and entities[k].org.kind == "trust"), None)
        for part in re.finditer(_PLACE, m.group(1)):
            s = m.start(1) + part.start()
            name, _, town = part.group().partition("(")
            name = name.strip()
            e = s + len(name)
            known = next((k for a, b, k in mentions if (a, b) == (s, e) and entities[k].org.kind == "hospital"), None)
            if known and trust:
                entities[known].org.trust_key = trust  # found already by its name; the sentence says whose it is
            if known or overlaps(s, e, [(a, b) for a, b, _ in mentions]) or name.lower() in STOP:
                continue
            k = f"hospital:{len(entities) + 1}"
            org = Organisation(key=k, kind="hospital", name=name, trust_key=trust, town=town.strip(" )") or None)
            code = entities[trust].org.ods_code if trust else None
            site = next((x for x in gaz.sites_of(code) if core_key(x.name).startswith(core_key(name) + " ")), None)
            if site is not None:
                org.ods_code, org.town = site.code, org.town or site.town or None
            entities[k] = Entity(org, {name})
            mentions.append((s, e, k))
