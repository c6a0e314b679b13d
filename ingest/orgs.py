"""Trusts, hospitals and the regulator named in an article, with every mention resolved to one entity.

Names are found by their shape (a capitalised run ending in "NHS Trust", "Hospital", ...), by the
official names of the gazetteer, and then by the short forms news derives from a name it has used:
"Pennine Acute" for Pennine Acute Hospitals NHS Trust, "the Alex" for the Alexandra Hospital,
initialisms such as "QEH", and "the trust" / "the hospital" for the last one named.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .gazetteer import SITE_TOKEN, core_key, gazetteer, token_key
from .model import Organisation

_TOKEN = r"(?:[A-Z][\w’'\-]*|\d+[a-z][\w’'\-]*|&)"  # "2gether NHS Foundation Trust"
_JOIN = r"(?:,?\s+(?:(?:of|and|&|the|upon|on|for)\s+)*)"
_RUN = rf"{_TOKEN}(?:{_JOIN}{_TOKEN})*"
# A hospital's name holds no other site word and no list punctuation: "X Hospital and Y Hospital" is two.
_SITE_TOKEN = r"(?:(?!(?:Hospitals?|Infirmary|Centre|Unit)\b)[A-Z][\w’'\-]*)"
_SITE_RUN = rf"{_SITE_TOKEN}(?:\s+(?:(?:of|the|upon|on)\s+)*{_SITE_TOKEN})*"
TRUST_RE = re.compile(rf"(?<![\w’'])({_RUN}),?\s+((?:NHS\s+)?(?:Foundation\s+)?Trust|NHS\s+FT|FT|NHSFT)(?![\w])")
HOSPITAL_RE = re.compile(
    rf"(?<![\w’'])({_SITE_RUN})\s+(Hospitals?|Infirmary|(?:Medical|Cancer|Treatment|Health|Birth|Eye|Heart)\s+Centre|"
    rf"Maternity\s+Unit|Hospice|General)(?![\w])")
HOSPITAL_LIST_RE = re.compile(
    rf"(?<![\w’'])((?:{_SITE_RUN},\s+)*{_SITE_RUN}\s+(?:and|&)\s+{_SITE_RUN})\s+[Hh]ospitals(?![\w])")
CQC_RE = re.compile(r"\b(?:Care\s+Quality\s+Commission|CQC)\b")
REF_RE = re.compile(r"\b(?:[Tt]he\s+)?(trust|Trust|hospital|Hospital)\b(?![\w-]|['’][a-rt-z]| NHS| Foundation| Trust)")
_PAREN_ABBR = re.compile(r"[ \t]*\(([A-Z][A-Za-z&]{1,9})\)")

_HEALTH_WORD = re.compile(r"\b(?:Hospitals?|Health|Healthcare|Care|Ambulance|Mental|Community|Partnership|Acute|"
                          r"Teaching|University|Services|Medical|Infirmary|Clinical|Children's|Women's)\b")
# Capitalised words that start a run without being part of a name: sentence openers, roles, titles.
_STOP = {
    "the", "a", "an", "in", "at", "on", "by", "for", "from", "with", "within", "under", "after", "before", "since",
    "but", "and", "however", "both", "while", "when", "yesterday", "today", "last", "this", "that", "its", "his",
    "her", "their", "as", "if", "although", "chief", "executive", "director", "chair", "chairman", "chairwoman",
    "medical", "nurse", "inspector", "inspectors", "deputy", "interim", "acting", "new", "former", "said", "says",
    "mr", "mrs", "ms", "dr", "professor", "prof", "sir", "dame", "cqc", "regulator", "watchdog", "report", "of",
    "meanwhile", "now", "then", "also", "where", "which", "whose", "one", "two", "three", "all", "every", "each",
    "image", "caption", "copyright", "getty", "pa", "bbc", "health", "secretary", "minister", "mp", "england's",
    "inspection", "inspections", "staff", "patients", "following", "during", "despite", "unlike", "like", "other",
    "nhs", "trust", "trusts", "hospital", "hospitals", "ambulance", "leaders", "bosses", "managers", "officials",
    "published", "updated", "posted", "by", "read", "more", "see", "ed", "a&e", "unit", "ward",
}
_SMALL = {"and", "of", "the", "for", "in", "on", "upon", "at", "&"}
# Words that end a hospital's short form: "Royal Stoke University Hospital" is also "Royal Stoke".
_GENERIC_TAIL = {"hospital", "hospitals", "nhs", "foundation", "trust", "ft"}


@dataclass
class Entity:
    org: Organisation
    names: set[str] = field(default_factory=set)


def _strip_left(tokens: list[str]) -> list[str]:
    i = 0
    while i < len(tokens) - 1 and (tokens[i].lower().strip(",") in _STOP or tokens[i] in _SMALL
                                   or _possessive_place(tokens[i])):
        i += 1
    return tokens[i:] if tokens[i:] and tokens[i].lower() not in _STOP else []


def _possessive_place(token: str) -> bool:
    """"Redditch's Alexandra Hospital": the town is not part of the name."""
    m = re.match(r"^(\w+)['’]s$", token)
    return bool(m) and _town_key(m.group(1)) in _towns()


def _clean_run(run: str, site_word: str | None = None) -> str:
    """A run without the words news puts before a name; a site's name the gazetteer knows keeps them
    ("New QEII Hospital")."""
    tokens = run.split()
    if site_word:
        for i in range(len(tokens)):
            if gazetteer().sites_named(" ".join([*tokens[i:], site_word])):
                return " ".join(tokens[i:])
    return " ".join(_strip_left(tokens))


@lru_cache(maxsize=1)
def _towns() -> frozenset[str]:
    return frozenset(_town_key(s.town) for s in gazetteer().sites.values() if s.town)


def _town_key(town: str) -> str:
    return town.lower().replace("’", "'")


_TOWN_AFTER = re.compile(r",?[ \t]+in[ \t]+([A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2})")
_TOWN_BEFORE = re.compile(r"([A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2})['’]s[ \t]+(?:the[ \t]+)?$")


def _stated_towns(text: str, entities: dict[str, Entity], mentions: list) -> None:
    """A hospital's town as the text gives it: "X Hospital in Town", "Town's X Hospital"."""
    for s, e, k in mentions:
        org = entities[k].org
        if org.kind != "hospital" or org.town:
            continue
        after, before = _TOWN_AFTER.match(text, e), _TOWN_BEFORE.search(text, max(0, s - 40), s)
        for m in (after, before):
            if m and _town_key(m.group(1)) in _towns():
                org.town = m.group(1)
                break


def _trust_candidates(text: str):
    for m in TRUST_RE.finditer(text):
        run, suffix = m.group(1), m.group(2)
        pieces = [run] + [run[c.end():] for c in re.finditer(r",\s*", run)]
        best = _known_trust_tail(pieces, suffix)
        if best is None:
            last = _clean_run(pieces[-1])
            best = _clean_run(run) if len(pieces) > 1 and " and " in pieces[-1] else last
        if not best or best.lower() in _STOP:
            continue
        full = f"{best} {suffix}".replace(" ,", ",")
        if suffix == "Trust" and not _HEALTH_WORD.search(best) and not gazetteer().trust_code(full):
            continue  # "Nuffield Trust", "Trussell Trust": charities and think tanks, not NHS trusts
        start = m.start(1) + m.group(1).rfind(best.split()[0]) if best.split()[0] in m.group(1) else m.start(1)
        yield start, m.end(), full


def _known_trust_tail(pieces: list[str], suffix: str) -> str | None:
    """The longest tail of the run that names a trust of the gazetteer: exactly at any word, else closely
    once the usual leading words are cut ("Neighbouring X NHS Trust", "Advertisement X NHS Trust")."""
    gaz = gazetteer()
    for piece in pieces:
        tokens = piece.split()
        for i in range(len(tokens)):
            if tokens[i] not in _SMALL and gaz.exact_trust_code(f"{' '.join(tokens[i:])} {suffix}"):
                return " ".join(tokens[i:])
    for piece in pieces:
        name = _clean_run(piece)
        if name and gaz.trust_code(f"{name} {suffix}"):
            return name
    return None


def _compound_sites(text: str, taken: list[tuple[int, int]]):
    """Official site names the "X Hospital" pattern cannot take whole, as written in the text
    ("X and Y Hospital", "Hospital of X", "X Hospital at Y")."""
    index = gazetteer().compound_sites
    tokens = [(m.start(), m.end(), token_key(m.group())) for m in SITE_TOKEN.finditer(text)]
    i = 0
    while i < len(tokens):
        s, _, first = tokens[i]
        entries = index.get(first) if text[s].isupper() else None
        hit = next(((words, site) for words, site in entries or ()
                    if tuple(t[2] for t in tokens[i:i + len(words)]) == words), None)
        if hit is None:
            i += 1
            continue
        words = hit[0]
        end = tokens[i + len(words) - 1][1]
        if not _overlaps(s, end, taken) and not re.match(r",?\s+(?:NHS|Foundation|Trust)\b", text[end:end + 20]):
            yield s, end, text[s:end]
        i += len(words)


def _hospital_list_candidates(lists: list[re.Match], taken: list[tuple[int, int]]):
    """"the Alexandra and Kidderminster hospitals": one hospital per name of the list."""
    for m in lists:
        if _overlaps(m.start(), m.end(), taken):
            continue
        for part in re.finditer(_SITE_RUN, m.group(1)):
            name = _clean_run(part.group(), "Hospital")
            # "Worcester and Redditch hospitals" names towns, not sites: a one-word part must be a known site
            if name and (len(name.split()) > 1 or gazetteer().sites_named(f"{name} Hospital")):
                start = m.start(1) + part.start() + part.group().find(name.split()[0])
                yield start, start + len(name), f"{name} Hospital"


def _hospital_candidates(text: str, taken: list[tuple[int, int]]):
    for m in HOSPITAL_RE.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        nxt = text[m.end():m.end() + 40]
        if re.match(r",?\s+(?:NHS|Foundation|Trust|University\s+NHS|Teaching\s+NHS|FT\b)", nxt):
            continue  # part of a trust's name the trust pattern did not take
        name = _clean_run(m.group(1), m.group(2))
        if not name or (m.group(2) == "General" and not gazetteer().sites_named(f"{name} General Hospital")):
            continue  # "Northern General" is a hospital; "Attorney General" is not
        name = f"{name} {m.group(2)}"
        end = m.end()
        town = re.match(r"[ \t]+([A-Z][\w’']+(?:[ \t]+[A-Z][\w’']+)?)", nxt)  # "X Hospital Bath"; ", Bath" is apart
        if town and _town_key(town.group(1)) in _towns() and not re.match(r"\s*(?:NHS|Trust|Foundation)", text[m.end() + town.end():]):
            name, end = f"{name} {town.group(1)}", m.end() + town.end()
        start = m.start(1) + m.group(1).find(name.split()[0])
        yield start, end, name


_TITLE_LOWER = {"with", "from", "into", "over", "upon", "than", "that", "after", "amid"}  # some styles keep these small


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines In Title Case (headlines): capitals there do not mark names, so no name is found there."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().rstrip()
        words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if len(w) > 3 and w.lower() not in _TITLE_LOWER]
        # a caption or a sentence has lower-case words of some length; a headline In Title Case has none
        if not line.endswith((".", '"', "”")) and len(words) >= 4 and all(w[0].isupper() for w in words):
            spans.append((m.start(), m.end()))
    return spans


def _clipped(a: str, b: str) -> bool:
    """One name with its first word cut short: "alex hospital" for "alexandra hospital"."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2 or wa[1:] != wb[1:] or wa[0] == wb[0]:
        return False
    short, long_ = sorted((wa[0], wb[0]), key=len)
    return len(short) >= 4 and long_.startswith(short)


def _contains(outer: str, inner: str) -> bool:
    return bool(inner) and len(inner.split()) >= 2 and f" {inner} " in f" {outer} "


def _overlaps(s: int, e: int, spans) -> bool:
    return any(s < b and a < e for a, b in spans)


def _short_forms(name: str, kind: str) -> set[str]:
    """Forms of a name news uses once it has given the full one."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    forms = set()
    tail = list(words)
    while tail and (tail[-1].lower() in _GENERIC_TAIL or tail[-1] in _SMALL):
        tail.pop()
    if len(tail) >= 2 and tail != words:
        forms.add(" ".join(tail))
    if kind == "hospital" and len(words) >= 2 and words[-1].lower() in ("hospital", "hospitals"):
        forms.add(" ".join(words[:-1]))
    content = [w for w in words if w not in _SMALL and w != "NHS"]
    for ws in (words, content, [w for w in content if w.lower() not in ("foundation", "university", "hospitals")],
               [w for w in tail if w not in _SMALL]):
        letters = "".join(w[0] for w in ws if w[0].isalpha() and w[0].isupper())
        if len(letters) >= 2:
            forms.add(letters)
            if kind == "trust" and not letters.endswith("T"):
                forms.add(letters + "T")
    return {f for f in forms if f.lower() not in _STOP}


def find_organisations(text: str, sentences: list[tuple[int, int]]) -> tuple[list[Organisation],
                                                                          list[tuple[int, int, str]]]:
    """The article's organisations and every mention of them as (start, end, key), sorted."""
    gaz = gazetteer()
    entities: dict[str, Entity] = {}
    mentions: list[tuple[int, int, str]] = []

    def entity_for(kind: str, name: str, code: str | None) -> Entity:
        for e in entities.values():
            if e.org.kind != kind:
                continue
            if code and e.org.ods_code == code:
                return e
            known = {core_key(e.org.name)} | {core_key(n) for n in e.names}
            if core_key(name) in known:
                return e
            if kind == "hospital" and any(_contains(core_key(name), k) or _contains(k, core_key(name))
                                          or _clipped(core_key(name), k) for k in known):
                return e  # "King's Lynn Queen Elizabeth Hospital", "Queen Elizabeth Hospital"; "Alex Hospital"
        k = f"{kind}:{len(entities) + 1}"
        e = Entity(Organisation(key=k, kind=kind, name=name, ods_code=code,
                                official_name=gaz.official_trust_name(code) if code and kind == "trust" else None))
        entities[k] = e
        return e

    headline = _title_case_lines(text)
    trust_spans = []
    for s, e, name in _trust_candidates(text):
        if _overlaps(s, e, headline):
            continue
        ent = entity_for("trust", name, gaz.trust_code(name))
        if len(name) > len(ent.org.name):
            ent.names.add(ent.org.name)
            ent.org.name = name
        else:
            ent.names.add(name)
        mentions.append((s, e, ent.org.key))
        trust_spans.append((s, e))

    compound = list(_compound_sites(text, trust_spans + headline))
    for s, e, name in compound:
        mentions.append((s, e, entity_for("hospital", name, None).org.key))  # the site is chosen with the others
    taken = trust_spans + headline + [(s, e) for s, e, _ in compound]
    lists = list(HOSPITAL_LIST_RE.finditer(text)) if "ospitals" in text else []
    listed = list(_hospital_list_candidates(lists, taken))
    listed_spans = [(s, e) for s, e, _ in listed] + [(m.start(), m.end()) for m in lists]
    for s, e, name in listed + list(_hospital_candidates(text, taken + listed_spans)):
        ent = _trust_called(entities, name) or entity_for("hospital", name, None)
        if len(name) > len(ent.org.name):
            ent.names.add(ent.org.name)
            ent.org.name = name
        else:
            ent.names.add(name)
        mentions.append((s, e, ent.org.key))

    for s, e, name, site in _site_short_forms(text, entities, [(s, e) for s, e, _ in mentions] + headline):
        ent = entity_for("hospital", name, None)
        ent.org.ods_code = site.code
        mentions.append((s, e, ent.org.key))

    cqc = [m for m in CQC_RE.finditer(text)]
    if cqc:
        ent = Entity(Organisation(key="regulator:cqc", kind="regulator", name="Care Quality Commission"))
        entities[ent.org.key] = ent
        mentions.extend((m.start(), m.end(), ent.org.key) for m in cqc)

    _add_short_form_mentions(text, entities, mentions)
    mentions.sort()
    _add_references(text, entities, mentions)
    _add_enumerated_hospitals(text, entities, mentions)
    mentions.sort()
    _stated_operators(text, sentences, entities, mentions)
    _stated_towns(text, entities, mentions)
    _link_hospitals(entities)
    orgs = [e.org for e in entities.values()]
    for e in entities.values():
        e.org.aliases = sorted(n for n in e.names if n != e.org.name)
    first = {}
    for s, e, k in mentions:  # evidence is where a name is first given; "the hospital" before it only if none is
        if not REF_RE.fullmatch(text, s, e):
            first.setdefault(k, (s, e))
    for s, e, k in mentions:
        first.setdefault(k, (s, e))
    for o in orgs:
        o.evidence = first.get(o.key)  # a span for now; the document turns it into Evidence
    return orgs, mentions


def _trust_called(entities: dict[str, Entity], name: str) -> Entity | None:
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


def _link_hospitals(entities: dict[str, Entity]) -> None:
    """Give each hospital its ODS site and the trust of the article that runs it.

    A site the gazetteer places under one of the article's trusts is that trust's. A hospital that
    shares its distinctive name with a trust of the article is that trust's (news calls a one-site
    trust by its hospital). Otherwise, in a story about one trust, a hospital the gazetteer does not
    place elsewhere is taken to be the story's trust's.
    """
    gaz = gazetteer()
    trusts = [e.org for e in entities.values() if e.org.kind == "trust"]
    for e in entities.values():
        h = e.org
        if h.kind != "hospital":
            continue
        sites = [gaz.sites[h.ods_code]] if h.ods_code else \
            gaz.sites_named(h.name) or [s for n in sorted(e.names) for s in gaz.sites_named(n)]
        in_article = [s for s in sites if any(gaz.same_trust(s.trust, t.ods_code) for t in trusts)]
        if h.trust_key:  # the text said which trust runs it
            stated = entities[h.trust_key].org.ods_code
            site = next((s for s in sites if gaz.same_trust(s.trust, stated)), None) or \
                (sites[0] if len({s.trust for s in sites}) == 1 else None)
        elif in_article:
            site = in_article[0]
            runs = [t for t in trusts if gaz.same_trust(site.trust, t.ods_code)]
            # a site goes with its trust into a merger: the successor named in the article runs it now
            h.trust_key = next((t.key for t in runs if t.ods_code == gaz.successor.get(site.trust)), runs[0].key)
        else:
            site = sites[0] if len({s.trust for s in sites}) == 1 else None
            namesake = [t for t in trusts if _distinctive(h.name) and _distinctive(h.name) <= _distinctive(t.name)]
            if len(namesake) == 1:
                h.trust_key = namesake[0].key
            elif len(trusts) == 1 and site is None:
                h.trust_key = trusts[0].key
        if site is not None:
            h.ods_code = site.code
            h.town = h.town or site.town or None


_RUNS = re.compile(r"\b(?:runs|ran|running|operates|operated|operating|manages|managing|(?:is|was)\s+responsible\s+for)\b")
_RUN_BY = re.compile(r"\b(?:run|operated|managed)\s+by\b")


def _stated_operators(text: str, sentences, entities: dict[str, Entity], mentions: list) -> None:
    """What the text says runs a hospital: "TRUST, which runs A, B and C", "A, run by TRUST"."""
    starts = [s for s, _e, _k in mentions]
    kind = {k: e.org.kind for k, e in entities.items()}
    for ss, se in sentences:
        here = mentions[bisect.bisect_left(starts, ss):bisect.bisect_left(starts, se)]
        if not any(kind[k] == "hospital" for _s, _e, k in here):
            continue
        sentence = text[ss:se]
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


def _distinctive(name: str) -> frozenset[str]:
    words = frozenset(w for w in core_key(name).split() if w not in ("hospital", "hospitals"))
    return words if len(words) >= 2 else frozenset()


def _add_short_form_mentions(text: str, entities: dict[str, Entity], mentions: list) -> None:
    taken = [(s, e) for s, e, _ in mentions]
    forms: dict[str, set[str]] = {}
    for e in entities.values():
        if e.org.kind == "regulator":
            continue
        for n in {e.org.name, *e.names}:
            for f in _short_forms(n, e.org.kind):
                forms.setdefault(f, set()).add(e.org.key)
        if e.org.kind == "hospital":
            first = e.org.name.split()[0] if e.org.name.split()[0].lower() != "the" else e.org.name.split()[1]
            if len(first) >= 6:
                forms.setdefault("the " + first[:4], set()).add(e.org.key)  # "the Alex", "the Lister"
                forms.setdefault("the " + first, set()).add(e.org.key)
    for s, e, k in list(mentions):
        abbr = _PAREN_ABBR.match(text, e)  # "London Ambulance Service NHS Trust (LAS)"
        if abbr and entities[k].org.kind != "regulator":
            forms.setdefault(abbr.group(1), set()).add(k)
    for form, keys in sorted(forms.items(), key=lambda fk: -len(fk[0])):  # "the Alex" before "Alex"
        if len(keys) != 1 or form.removeprefix("the ") not in text:
            continue  # a form two entities share says nothing
        k = next(iter(keys))
        pattern = re.escape(form).replace("the\\ ", "[Tt]he\\ ", 1) if form.startswith("the ") else re.escape(form)
        for m in re.finditer(rf"(?<![\w’']){pattern}(?![\w-]|['’][a-rt-z])", text):
            if not _overlaps(m.start(), m.end(), taken):
                mentions.append((m.start(), m.end(), k))
                taken.append((m.start(), m.end()))
                entities[k].names.add(m.group())


def _add_references(text: str, entities: dict[str, Entity], mentions: list) -> None:
    """'the trust' and 'the hospital' refer to the last trust or hospital named (else the main one)."""
    taken = [(s, e) for s, e, _ in mentions]
    by_kind = {"trust": [], "hospital": []}
    for s, e, k in mentions:
        kind = entities[k].org.kind
        if kind in by_kind:
            by_kind[kind].append((s, k))
    counts: dict[str, int] = {}
    for _, _, k in mentions:
        counts[k] = counts.get(k, 0) + 1
    main = {kind: max((k for _, k in lst), key=lambda k: counts[k], default=None) for kind, lst in by_kind.items()}
    for m in REF_RE.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        kind = m.group(1).lower()
        before = [k for s, k in by_kind[kind] if s < m.start()]
        k = before[-1] if before else main[kind]
        if k is None and kind == "hospital":
            before = [k for s, k in by_kind["trust"] if s < m.start()]
            k = before[-1] if before else main["trust"]
        if k is not None:
            mentions.append((m.start(), m.end(), k))




_SITE_SUFFIX = re.compile(r"\s+(?:(?:General|District|Community|University|Memorial|County)\s+)?(?:Hospital|Infirmary)$",
                          re.IGNORECASE)


def _site_short_forms(text: str, entities: dict[str, Entity], taken: list[tuple[int, int]]):
    """A site of one of the article's trusts named without its "Hospital": "Wexham Park" for Wexham Park Hospital."""
    gaz = gazetteer()
    seen = set()
    lowered = text.lower()
    for e in list(entities.values()):
        for site in gaz.sites_of(e.org.ods_code) if e.org.kind == "trust" else []:
            short = _SITE_SUFFIX.sub("", re.sub(r"^The\s+", "", site.name, flags=re.IGNORECASE))
            if short == site.name or len(short.split()) < 2 or short.lower() in seen:
                continue
            seen.add(short.lower())
            if short.lower() not in lowered:
                continue
            pattern = rf"(?<![\w’'])(?<![A-Z][\w’']\s){re.escape(short)}(?![\w-]|\s+[A-Z])"
            for m in re.finditer(pattern, text, re.IGNORECASE):
                if m.group()[0].isupper() and not _overlaps(m.start(), m.end(), taken):
                    taken.append((m.start(), m.end()))
                    yield m.start(), m.end(), m.group(), site


_PLACE = r"[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,3}(?:[ \t]*\([A-Z][\w ]+\))?"
ENUM_RE = re.compile(rf"\bhospitals[ \t]*(?:of|:|–|-)[ \t]+((?:{_PLACE},[ \t]+)*{_PLACE},?[ \t]+(?:and|&)[ \t]+{_PLACE})")


def _add_enumerated_hospitals(text: str, entities: dict[str, Entity], mentions: list) -> None:
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
            if _overlaps(s, e, [(a, b) for a, b, _ in mentions]) or name.lower() in _STOP:
                continue
            k = f"hospital:{len(entities) + 1}"
            org = Organisation(key=k, kind="hospital", name=name, trust_key=trust, town=town.strip(" )") or None)
            code = entities[trust].org.ods_code if trust else None
            site = next((x for x in gaz.sites_of(code) if core_key(x.name).startswith(core_key(name) + " ")), None)
            if site is not None:
                org.ods_code, org.town = site.code, org.town or site.town or None
            entities[k] = Entity(org, {name})
            mentions.append((s, e, k))
