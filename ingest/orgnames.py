"""Names of trusts and hospitals as a text writes them, found by their shape and by the gazetteer.

A trust's name is a capitalised run ending in "NHS Trust", "Foundation Trust", "FT"...; a hospital's,
one ending in "Hospital", "Infirmary", "... Centre"... News puts words before a name that are not part
of it ("Neighbouring", "Advertisement", "Redditch's"): the longest tail the gazetteer knows wins, else
the usual leading words are cut. Headlines In Title Case give no names: every word is capitalised there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from .gazetteer import SITE_TOKEN, gazetteer, token_key
from .model import Organisation

# A name's word: "2gether" is one, a photo id ("PNL-1611-01") is not.
_TOKEN = r"(?:[A-Z](?![\w’'\-]*\d)[\w’'\-]*|\d+[a-z][\w’'\-]*|&)"
# Space within a name: a line break of a hard-wrapped paragraph, never a blank line (a name does not run
# from a caption or a byline into the next paragraph).
_WS = r"(?:[ \t]*\n[ \t]*|[ \t]+)"
_JOIN = rf"(?:,?{_WS}(?:(?:of|and|&|the|upon|on|for){_WS})*)"
# A caption or a byline is a line of its own: "Picture: X", "Credit: Y", or a short line that no punctuation
# closes ("By Jane Roe"). A name crosses the break of a hard-wrapped line, not the break after such a line.
_CAPTION_LINE = re.compile(r"^[ \t]*(?:(?:Pictures?|Photos?|Photograph|Images?|Credit|Source)[ \t]*:[^\n]*|"
                           r"[^\n]{0,29}\w)[ \t]*\n", re.MULTILINE)


def caption_breaks(text: str) -> str:
    """The text to find names in: the break after each caption or byline line made one `_WS` does not cross.
    Same length, so that offsets hold."""
    return _CAPTION_LINE.sub(lambda m: m.group()[:-1] + "\r", text)
_RUN = rf"{_TOKEN}(?:{_JOIN}{_TOKEN})*"
# A hospital's name holds no other site word and no list punctuation: "X Hospital and Y Hospital" is two.
_SITE_TOKEN = r"(?:(?!(?:Hospitals?|Infirmary|Centre|Unit)\b)[A-Z](?![\w’'\-]*\d)[\w’'\-]*)"
_SITE_RUN = rf"{_SITE_TOKEN}(?:{_WS}(?:(?:of|the|upon|on){_WS})*{_SITE_TOKEN})*"


class _EndingAt:
    """A name pattern tried only just before the words that end such names, so that the time it takes
    grows with the text, not with its square: a long run of capitalised words with no "Trust" after it
    (a title-case page, hostile input) costs nothing."""

    def __init__(self, pattern: str, last_words: str, reach: int = 200):
        self._name = re.compile(pattern + r"\Z")
        self._last = re.compile(last_words)
        self._reach = reach

    def finditer(self, text: str):
        done = 0
        for w in self._last.finditer(text):
            if w.end() <= done:
                continue
            m = self._leftmost(text, max(done, w.start() - self._reach), w.end())
            if m:
                done = m.end()
                yield m

    def _leftmost(self, text: str, start: int, end: int) -> re.Match | None:
        """`self._name.search(text, start, end)`, tried only where a name can begin (every name pattern opens
        with a capital, a digit or "&" after no word character): a few places instead of every one."""
        for s in _NAME_START.finditer(text, start, end):
            m = self._name.match(text, s.start(), end)
            if m:
                return m
        return None


_NAME_START = re.compile(r"(?<![\w’'])[A-Z0-9&]")


# Some styles write "X NHS foundation trust" or "the X hospitals trust": a lower-case "trust" is taken, with care.
TRUST_RE = _EndingAt(
    rf"(?<![\w’'])({_RUN}),?{_WS}"
    rf"((?:hospitals?\s+)?(?:NHS\s+)?(?:[Ff]oundation\s+)?[Tt]rust|NHS\s+FT|FT|NHSFT)(?![\w])",
    r"\b(?:[Tt]rust|FT|NHSFT)\b")
HOSPITAL_RE = _EndingAt(
    rf"(?<![\w’'])({_SITE_RUN}){_WS}"
    rf"(Hospitals?|Infirmary|hospital|infirmary|(?:Medical|Cancer|Treatment|Health|Birth|Eye|Heart)\s+Centre|"
    rf"Maternity\s+Unit|Hospice|General|DGH)(?![\w])",
    r"\b(?:[Hh]ospitals?|[Ii]nfirmary|Centre|Unit|Hospice|DGH|General(?!\s+(?:[Hh]ospitals?|[Ii]nfirmary)\b))\b")
HOSPITAL_LIST_RE = _EndingAt(
    rf"(?<![\w’'])((?:{_SITE_RUN},\s+)*{_SITE_RUN}\s+(?:and|&)\s+{_SITE_RUN})\s+[Hh]ospitals(?![\w])",
    r"\b[Hh]ospitals\b", reach=300)
_HEALTH_WORD = re.compile(r"\b(?:Hospitals?|Health|Healthcare|Care|Ambulance|Mental|Community|Partnership|Acute|"
                          r"Teaching|University|Services|Medical|Infirmary|Clinical|Children's|Women's)\b")
# Capitalised words that start a run without being part of a name: sentence openers, roles, titles.
STOP = {
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
SMALL = {"and", "of", "the", "for", "in", "on", "upon", "at", "&"}
# Words that name a kind of site, not a site: a few official sites are called just "County Hospital".
_GENERIC_SITE_WORDS = {"community", "county", "city", "general", "district", "university", "memorial", "royal",
                       "war", "cottage", "children's", "women's", "teaching", "main"}


def _strip_left(tokens: list[str]) -> list[str]:
    i = 0
    while i < len(tokens) - 1 and (tokens[i].lower().strip(",") in STOP or tokens[i] in SMALL
                                   or _possessive_place(tokens[i])):
        i += 1
    return tokens[i:] if tokens[i:] and tokens[i].lower() not in STOP else []


def _possessive_place(token: str) -> bool:
    """"Redditch's Alexandra Hospital": the town is not part of the name."""
    m = re.match(r"^(\w+)['’]s$", token)
    return bool(m) and town_key(m.group(1)) in towns()


def _clean_run(run: str, site_word: str | None = None) -> str:
    """A run without the words news puts before a name; a site's name the gazetteer knows keeps them
    ("New QEII Hospital"), and the town written just before it."""
    tokens = run.split()
    if site_word:
        for i in range(len(tokens)):
            if i and all(t.lower() in _GENERIC_SITE_WORDS for t in tokens[i:]):
                break  # "Millbrook Community Hospital" is not the site the gazetteer calls "Community Hospital"
            if gazetteer().sites_named(" ".join([*tokens[i:], site_word])):
                town = i and tokens[i - 1].lower() not in STOP and town_key(tokens[i - 1]) in towns()
                return " ".join(tokens[i - 1 if town else i:])  # "Town X Hospital" is the fullest name
    return " ".join(_strip_left(tokens))


# "X Hospital, Bath": a place's name after the comma, not a department ("X, Cottage Hospital", "X, 1 Y Road")
_QUALIFIER = re.compile(r",[ \t]*((?!.*\b(?:[Hh]ospitals?|Health|Centre|Road|Street|Unit|Ward|Clinic)\b)"
                        r"[A-Z][a-z’']+(?:[ -](?:[A-Z][a-z’']+|upon|on|under|le))*)$")


@lru_cache(maxsize=1)
def towns() -> frozenset[str]:
    """Towns of the gazetteer's sites and of their names ("X Hospital, Town"), with the name news gives a
    town on a river ("Burton upon Trent" is also "Burton")."""
    full = {town_key(t) for s in gazetteer().sites.values() for t in (s.town, *_QUALIFIER.findall(s.name)) if t}
    return frozenset(full | {re.split(r"[- ](?:on|upon)[- ]", t)[0] for t in full})


def town_key(town: str) -> str:
    return town.lower().replace("’", "'")


_KIND_TAIL = re.compile(r"(?:\s+(?:NHS|Foundation))+$")


def trust_candidates(text: str):
    for m in TRUST_RE.finditer(text):
        run, suffix = m.group(1), " ".join(m.group(2).split())
        kind = _KIND_TAIL.search(run)
        if kind:  # "X NHS Foundation Trust": the run took the kind words the suffix has room for
            run, suffix = run[:kind.start()], f"{' '.join(kind.group().split())} {suffix}"
        pieces = [run] + [run[c.end():] for c in re.finditer(r",\s*", run)]
        best = _known_trust_tail(pieces, suffix)
        if best is None:
            last = _clean_run(pieces[-1])
            best = _clean_run(run) if len(pieces) > 1 and " and " in pieces[-1] else last
        if not best or best.lower() in STOP:
            continue
        full = f"{best} {suffix}".replace(" ,", ",")
        if suffix.split()[-1] in ("Trust", "trust") and not gazetteer().trust_code(full) and \
                (suffix.islower() or suffix == "Trust" and not _HEALTH_WORD.search(best)):
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
            if tokens[i] not in SMALL and gaz.exact_trust_code(f"{' '.join(tokens[i:])} {suffix}"):
                return " ".join(tokens[i:])
    for piece in pieces:
        name = _clean_run(piece)
        if name and gaz.trust_code(f"{name} {suffix}"):
            return name
    return None


# Trusts news names without "NHS Trust": "Y Health", "X Ambulance Service", "Z University Hospitals", "the W Group".
BARE_TRUST_RE = _EndingAt(rf"(?<![\w’'])({_RUN})",
                          r"\b(?:Health|Healthcare|Care|Service|Services|Hospitals?|Group|Partnership)\b"
                          r"(?![ \t]+(?:[A-Z]|&))")


def bare_trust_candidates(text: str, taken: list[tuple[int, int]]):
    """A run of capitalised words that, with "NHS Trust" or "NHS Foundation Trust", is exactly a trust's
    official name (any vintage) and ends in a word that names an organisation, not a place: "Solent" alone
    is a place, "Y Health" a trust. Its longest such tail is the name: (start, end, name, code, site). A name
    ending in "Hospital" is the trust's only when it joins two places and either no site is called so, even
    without its generic words (a merged trust's name), or the text treats it as a trust ("X and Y Hospital
    trust", a list of trusts); otherwise it is that site (`site` is given), which the hospital pattern cannot
    take whole."""
    gaz = gazetteer()
    found = list(taken)
    for m in BARE_TRUST_RE.finditer(text):
        words = list(re.finditer(r"\S+", m.group(1)))  # the run may hold other names before this one
        for w in words[:-1]:
            start = m.start(1) + w.start()
            if w.group() in SMALL or overlaps(start, m.end(), taken):
                continue
            name = m.group(1)[w.start():]
            code = gaz.exact_trust_code(name)
            if not code:
                continue
            if name.endswith("Hospital") and " and " not in name:
                break  # "X Hospital" is the hospital, found as one
            site = _site_like(name, code) if name.endswith("Hospital") else None
            if site and _said_of_a_trust(text, start, m.end(), found):
                site = None
            if not site:
                found.append((start, m.end()))
            yield start, m.end(), " ".join(name.split()), code, site
            break


def _site_like(name: str, code: str):
    """The trust's site of that name, whole or without the generic words news adds ("X and Y University
    Hospital" for the site "X and Y Hospital")."""
    gaz = gazetteer()
    words = name.split()
    bare = " ".join(w for i, w in enumerate(words) if not i or w.lower() not in _GENERIC_SITE_WORDS)
    sites = gaz.sites_named(name) or gaz.sites_named(bare)
    return next((s for s in sites if gaz.same_trust(s.trust, code)), next(iter(sites), None))


# Between two items of a list: ", ", " and ", ", and the "
_LIST_JOIN = re.compile(r"(?:,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+)(?:the\s+)?")
_TRUST_AFTER = re.compile(r"['’]?\s+trust\b", re.IGNORECASE)


def _said_of_a_trust(text: str, s: int, e: int, trusts: list[tuple[int, int]]) -> bool:
    """A bare name the text treats as a trust's: "trust" after it, or a neighbour in a list of trusts."""
    return bool(_TRUST_AFTER.match(text, e)) or any(
        (b <= s and _LIST_JOIN.fullmatch(text, b, s)) or (a >= e and _LIST_JOIN.fullmatch(text, e, a))
        for a, b in trusts)


def compound_sites(text: str, taken: list[tuple[int, int]]):
    """Official site names the "X Hospital" pattern cannot take whole, as written in the text
    ("X and Y Hospital", "Hospital of X", "X Hospital at Y")."""
    index, firsts = gazetteer().compound_sites, gazetteer().compound_firsts
    done = 0
    for w in _CAPITALISED.finditer(text):
        if w.start() < done or token_key(w.group()) not in firsts:
            continue
        found = SITE_TOKEN.finditer(text, w.start())
        tokens = [(t.start(), t.end(), token_key(t.group())) for t in islice(found, 2)]
        # Most capitalised words start no compound name: the first two words rule them out before more are read.
        if len(tokens) < 2 or not (entries := index.get((tokens[0][2], tokens[1][2]))):
            continue
        tokens += [(t.start(), t.end(), token_key(t.group())) for t in islice(found, 10)]
        words = next((ws for ws, _site in entries if tuple(t[2] for t in tokens[:len(ws)]) == ws), None)
        if words is None:
            continue
        s, end = w.start(), tokens[len(words) - 1][1]
        done = end
        end -= len(re.search(r"(?:['’]s?)?$", text[s:end]).group())  # "X Hospital's": the name without its 's
        if not overlaps(s, end, taken) and not re.match(r",?\s+(?:NHS|Foundation|Trust)\b", text[end:end + 20]):
            yield s, end, text[s:end]


_CAPITALISED = re.compile(r"(?<![\w’'])[A-Z][\w’'&]*")


def hospital_list_candidates(lists: list[re.Match], taken: list[tuple[int, int]]):
    """"the Alexandra and Kidderminster hospitals": one hospital per name of the list."""
    for m in lists:
        if overlaps(m.start(), m.end(), taken):
            continue
        for part in re.finditer(_SITE_RUN, m.group(1)):
            name = _clean_run(part.group(), "Hospital")
            # "Worcester and Redditch hospitals" names towns, not sites: a one-word part must be a known site
            if name and (len(name.split()) > 1 or gazetteer().sites_named(f"{name} Hospital")):
                start = m.start(1) + part.start() + part.group().find(name.split()[0])
                yield start, start + len(name), f"{name} Hospital"


# Short site words news uses for a named hospital, with the full names they stand for: the second ones only
# after a place's name ("Townsville DGH" for "Townsville General Hospital").
_SHORT_FOR = {"General": (("General Hospital",), ()),
              "DGH": (("District General Hospital",), ("General Hospital", "Hospital"))}


def _short_site_known(name: str, word: str) -> bool:
    """Whether "X General" / "X DGH" is a site of the gazetteer written short: the words alone name none."""
    full, at_place = _SHORT_FOR[word]
    gaz = gazetteer()
    return any(gaz.sites_named(f"{name} {f}") for f in full) or \
        (town_key(name) in towns() and any(gaz.sites_named(f"{name} {f}") for f in at_place))


def hospital_candidates(text: str, taken: list[tuple[int, int]]):
    for m in HOSPITAL_RE.finditer(text):
        free = free_run(text, m, taken)
        if free is None:
            continue
        run_start, run = free
        nxt = text[m.end():m.end() + 40]
        if re.match(r",?\s+(?:NHS|Foundation|[Tt]rust\b|University\s+NHS|Teaching\s+NHS|FT\b)", nxt):
            continue  # part of a trust's name the trust pattern did not take ("the X DGH trust")
        name = _clean_run(run, m.group(2))
        if not name or (m.group(2) in _SHORT_FOR and not _short_site_known(name, m.group(2))):
            continue  # "Northern General", "Eastbourne DGH" are hospitals; "Attorney General", "Rural DGH" are not
        if m.group(2).islower() and not gazetteer().sites_named(f"{name} {m.group(2)}"):
            continue  # "the Wycombe hospital" is a site; "an Essex hospital" is not
        name = f"{name} {m.group(2)}"
        end = m.end()
        town = re.match(r"[ \t]+([A-Z][\w’']+(?:[ \t]+[A-Z][\w’']+)?)", nxt)  # "X Hospital Bath"; ", Bath" is apart
        if town and town_key(town.group(1)) in towns() and not re.match(r"\s*(?:NHS|Trust|Foundation)", text[m.end() + town.end():]):
            name, end = f"{name} {town.group(1)}", m.end() + town.end()
        start = run_start + run.find(name.split()[0])
        yield start, end, name


_SITE_RUN_RE = re.compile(rf"(?<![\w’'])(?:{_SITE_RUN})")


def free_run(text: str, m: re.Match, taken: list[tuple[int, int]]) -> tuple[int, str] | None:
    """(start, words) of a site name's run (group 1, before its site word) outside the names found already:
    in "TRUST's X Hospital" the run begins inside the trust's name, and the site is what follows it."""
    if overlaps(m.end(1), m.end(), taken):
        return None
    if not overlaps(m.start(1), m.end(1), taken):
        return m.start(1), m.group(1)
    cut = max(b for a, b in taken if a < m.end(1) and b > m.start(1))
    rest = _SITE_RUN_RE.search(text, cut, m.end(1))
    return (rest.start(), rest.group()) if rest and rest.end() == m.end(1) else None

_TITLE_LOWER = {"with", "from", "into", "over", "upon", "than", "that", "after", "amid"}  # some styles keep these small


_LIST_ITEM = re.compile(r"\s*(?:[•*·▪–-]|\d+[.)])\s")
_LOWER_LAST = re.compile(r"\b[a-z]+\W*$")


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines In Title Case (headlines): capitals there do not mark names, so no name is found there."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().rstrip()
        words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if len(w) > 3 and w.lower() not in _TITLE_LOWER]
        # a caption or a sentence has lower-case words of some length; a headline In Title Case has none
        # nor has a list item ("• X Hospitals NHS Trust") or a hard-wrapped line ending mid-sentence ("... Trust in")
        if not line.endswith((".", '"', "”")) and len(words) >= 4 and all(w[0].isupper() for w in words) \
                and not _LIST_ITEM.match(line) and not _LOWER_LAST.search(line):
            spans.append((m.start(), m.end()))
    return spans


def occurrences(text: str, form: str, haystack: str | None = None):
    """(start, end) of each place `form` stands in the text as whole words; pass the lower-cased text
    as `haystack` (and a lower-case form) to ignore case. Plain string search: no regex per form."""
    hay = text if haystack is None else haystack
    i = hay.find(form)
    while i >= 0:
        j = i + len(form)
        if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "’'_")) and \
                (j == len(text) or not (text[j].isalnum() or text[j] in "-_")):
            yield i, j
        i = hay.find(form, i + 1)


def overlaps(s: int, e: int, spans) -> bool:
    return any(s < b and a < e for a, b in spans)


@dataclass
class Entity:
    """An organisation of the article with every name the text gives it."""

    org: Organisation
    names: set[str] = field(default_factory=set)
