"""Official NHS names and codes (package data built from ODS files) and name matching against them."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from rapidfuzz import fuzz, process

# Words that say what kind of body a name is; dropped when comparing names, because news writes
# "Worcestershire Acute Hospitals Trust" for "... NHS Trust" and "Frimley Health FT" for "... NHS Foundation Trust".
_KIND_WORDS = {"nhs", "foundation", "trust", "ft", "nhsft", "the"}
_SMALL = {"and", "of", "the", "for", "in", "on", "upon", "at", "nhs"}


# The short forms of county names that news and trusts use ("West Herts", "Notts Healthcare").
_COUNTIES = {"beds": "bedfordshire", "berks": "berkshire", "bucks": "buckinghamshire", "cambs": "cambridgeshire",
             "derbys": "derbyshire", "glos": "gloucestershire", "hants": "hampshire", "herts": "hertfordshire",
             "lancs": "lancashire", "leics": "leicestershire", "lincs": "lincolnshire", "northants":
             "northamptonshire", "notts": "nottinghamshire", "oxon": "oxfordshire", "staffs": "staffordshire",
             "warks": "warwickshire", "wilts": "wiltshire", "worcs": "worcestershire", "yorks": "yorkshire"}
_COUNTY_RE = re.compile(rf"\b(?:{'|'.join(_COUNTIES)})\b")


def key(name: str) -> str:
    t = name.lower().replace("&", " and ").replace("’", "'").replace("'s", "s").replace("'", "")
    t = _COUNTY_RE.sub(lambda m: _COUNTIES[m.group()], re.sub(r"\bst\b\.?", "saint", t))
    return re.sub(r"[^a-z0-9]+", " ", t).strip()


@lru_cache(maxsize=1 << 16)
def core_key(name: str) -> str:
    return " ".join(w for w in key(name).split() if w not in _KIND_WORDS)


def nice(name: str) -> str:
    """ODS names are upper case: give them the case news uses."""
    words = []
    for i, w in enumerate(name.lower().split()):
        if w == "nhs":
            words.append("NHS")
        elif w in _SMALL and i:
            words.append(w)
        else:
            words.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
    out = " ".join(words)
    return re.sub(r"(['’])S\b", r"\1s", out)


@dataclass(frozen=True)
class Site:
    code: str
    name: str
    trust: str
    town: str


class Gazetteer:
    def __init__(self, data: dict):
        self.trust_names = {code: [nice(n) for n in t["names"]] for code, t in data["trusts"].items()}
        self.successor = {old: new for old, (new, _date) in data["mergers"].items()}
        self.sites = {code: Site(code, name, parent, town) for code, (name, parent, town) in data["sites"].items()}
        self._trust_core: dict[str, str] = {}
        for code, names in self.trust_names.items():
            for n in names:
                self._trust_core.setdefault(core_key(n), code)
        self._site_key: dict[str, list[Site]] = {}
        self._site_bag: dict[str, list[Site]] = {}
        self._trust_sites: dict[str, list[Site]] = {}
        for s in sorted(self.sites.values(), key=lambda s: (not s.code.startswith(s.trust), s.code)):
            # a trust's own site code ("RHQNG") before a code another body uses at the place ("A4Y3Q")
            for k in {_site_key(n) for n in _site_names(s.name)}:
                self._site_key.setdefault(k, []).append(s)
                self._site_bag.setdefault(_bag(k), []).append(s)
            self._trust_sites.setdefault(s.trust, []).append(s)
        self.compound_sites = _compound_site_index(self.sites.values())
        self.compound_firsts = frozenset(first for first, _ in self.compound_sites)
        self._trust_choices = list(self._trust_core)
        self._code_cache: dict[str, str | None] = {}  # news names repeat across articles

    def exact_trust_code(self, name: str) -> str | None:
        """The code of a trust whose official name (kind words apart) is exactly this one."""
        return self._trust_core.get(core_key(name))

    def trust_code(self, name: str) -> str | None:
        """The ODS code of the trust a news name refers to, or None when no name is close enough."""
        k = core_key(name)
        if k not in self._code_cache:
            if len(self._code_cache) > 100_000:
                self._code_cache.clear()
            self._code_cache[k] = self._trust_code(k)
        return self._code_cache[k]

    def _trust_code(self, k: str) -> str | None:
        if not k:
            return None
        if k in self._trust_core:
            return self._trust_core[k]
        best = process.extractOne(k, self._trust_choices, scorer=fuzz.token_sort_ratio, score_cutoff=88)
        if best:
            return self._trust_core[best[0]]
        # a short form: every word of the news name, in order, inside one official name
        # a short form ("Worcestershire Acute Trust") or a longer one ("Salford Royal Hospital FT"):
        # one name's words, in order, inside the other's, naming one trust only
        words = k.split()
        if len(words) >= 2:
            hits = {c for ck, c in self._trust_core.items()
                    if _in_order(words, ck.split()) or (len(ck.split()) >= 2 and _in_order(ck.split(), words)
                                                        and len(words) - len(ck.split()) <= 1)}
            if len(hits) == 1:
                return hits.pop()
        return None

    def official_trust_name(self, code: str) -> str:
        return self.trust_names[code][0]

    def same_trust(self, a: str | None, b: str | None) -> bool:
        """Codes of one trust, allowing for a merger in between."""
        if not a or not b:
            return False
        return a == b or self.successor.get(a) == b or self.successor.get(b) == a

    def sites_named(self, name: str) -> list[Site]:
        """Sites of that name, then those of the same words in another order ("X County Hospital", "County Hospital X")."""
        k = _site_key(name)
        exact = self._site_key.get(k, [])
        return exact + [s for s in self._site_bag.get(_bag(k), []) if s not in exact]

    def sites_of(self, trust: str | None) -> list[Site]:
        """The sites of a trust and of the trusts merged into it or it into."""
        if not trust:
            return []
        related = [trust, *sorted(old for old, new in self.successor.items() if new == trust), self.successor.get(trust)]
        return [s for code in related if code for s in self._trust_sites.get(code, [])]  # its own sites first


def _site_names(name: str) -> set[str]:
    """The names a site's ODS name gives news: whole, before a qualifier ("X Hospital (Maternity)", "X, Town"),
    and after the name of the trust it is a campus of ("Y NHS Trust - X Campus")."""
    campus = re.match(r".*\bTrust\s[-–]\s+(.+?)(?:\s+(?:Site|Campus))?$", name, re.IGNORECASE)
    return {name, re.sub(r"\s*[&(,-].*$", "", name), *(campus.groups() if campus else ())}


def _site_key(name: str) -> str:
    # "X DGH" is X District General Hospital; "Royal X Hospitals, Town" is the site news calls "Royal X Hospital"
    k = _HOSPITALS.sub("hospital", _DGH.sub("district general hospital", key(name)))
    return k[4:] if k.startswith("the ") else k


_DGH = re.compile(r"\bdgh\b")
_HOSPITALS = re.compile(r"\bhospitals\b")


SITE_TOKEN = re.compile(r"[\w’'&]+")
_SITE_WORDS = {"hospital", "hospitals", "infirmary", "centre", "hospice"}
_JOINS = {"and", "of", "at", "for", "&", "on", "upon"}


@lru_cache(maxsize=65536)  # called on every capitalised word of every article; words repeat
def token_key(token: str) -> str:
    """A word compared without case or a possessive ending: "Hospitals’" is "hospitals"."""
    t = token.lower().replace("’", "'")
    return t[:-2] if t.endswith("'s") else t.rstrip("'")


def _compound_site_index(sites) -> dict[tuple[str, str], list[tuple[tuple[str, ...], Site]]]:
    """First two words -> (words, site) of the site names the "X Hospital" pattern cannot take whole:
    "X and Y Hospital", "Hospital of X", "X Hospital at Y"."""
    index: dict[tuple[str, str], list[tuple[tuple[str, ...], Site]]] = {}
    for s in sites:
        name = re.sub(r"\s*\(.*$|\s+-\s+.*$", "", s.name)
        words = tuple(token_key(w) for w in SITE_TOKEN.findall(name))
        if len(words) < 3 or not _SITE_WORDS & set(words) or words[0] in _JOINS:
            continue
        if words[-1] in _SITE_WORDS and not _JOINS & set(words):
            continue
        index.setdefault(words[:2], []).append((words, s))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))  # longest name first
    return index


def _bag(key: str) -> str:
    return " ".join(sorted(key.split()))


def _in_order(words: list[str], target: list[str]) -> bool:
    it = iter(target)
    return all(w in it for w in words)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer(json.loads(files("nhskg.ingest.data").joinpath("gazetteer.json").read_text("utf-8")))
