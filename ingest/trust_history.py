"""Trusts as they were: the organisation an ODS code stood for at an article's date.

An ODS code can outlive a name (a rename, or a merger whose successor kept the code), so each name a code
has had in the ODS vintages is one organisation, an era, with its own node; renames and the mergers of
trust_mergers.csv link the eras (package data built by scripts/build_trust_history.py, which documents
what the data states and what it does not). docs/trust-changes.md lists them.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from .gazetteer import core_key
from .iris import ID, slug

TRUST_PREFIX = str(ID) + "trust/"


def name_key(name: str) -> str:
    """A trust name without its kind words: one name however spelt ("National Health Service" is "NHS")."""
    return core_key(re.sub(r"(?i)\bnational health service\b", "NHS", name))


@dataclass(frozen=True)
class Era:
    code: str
    index: int  # 0 for the oldest name the vintages show
    name: str
    first: str  # dates of the first and last vintages naming it so (YYYY-MM-DD)
    last: str
    newest: bool

    @property
    def iri(self) -> str:
        """The newest era is the code's node; an older one is told apart by its name."""
        return TRUST_PREFIX + self.code if self.newest else f"{TRUST_PREFIX}{self.code}/{slug(self.name)}"


@dataclass(frozen=True)
class Change:
    kind: str  # "rename" | "merger"
    original: Era
    resulting: Era
    date: str | None  # a merger's date
    not_before: str | None  # a rename's: between the two vintages around it
    not_after: str | None


class TrustHistory:
    def __init__(self, data: dict):
        self.eras: dict[str, list[Era]] = {}
        for code, t in data["trusts"].items():
            n = len(t["eras"])
            self.eras[code] = [Era(code, i, e["name"], e["first"], e["last"], i == n - 1)
                               for i, e in enumerate(t["eras"])]
        self.changes = [Change(c["kind"], self.eras[c["from"][0]][c["from"][1]], self.eras[c["to"][0]][c["to"][1]],
                               c.get("date"), c.get("after"), c.get("by")) for c in data["changes"]]
        self._by_iri = {e.iri: e for eras in self.eras.values() for e in eras}
        self._from: dict[Era, list[Change]] = {}
        for c in self.changes:
            self._from.setdefault(c.resulting, []).append(c)

    def era_of(self, iri: str) -> Era | None:
        return self._by_iri.get(iri)

    def era_for(self, code: str | None, names: list[str], published: str | None) -> Era | None:
        """The era an article means by a trust it links to `code`, by the article's date and names.

        The date decides when it falls inside an era's attested span, before the oldest vintage or after
        the newest era began. Between two vintages (a rename's date is unknown) or undated, a name the
        article uses that is one era's only decides; failing that, the era last attested before the date,
        or the newest one when the article has no date."""
        eras = self.eras.get(code or "")
        if not eras:
            return None
        if len(eras) == 1:
            return eras[0]
        day = _first_day(published)
        if day is not None:
            if day < eras[0].first:
                return eras[0]
            for e in eras:
                if e.first <= day <= e.last or (e.newest and e.first <= day):
                    return e
        by_name = {e for e in eras for n in names if _names_era(n, e)}
        if len(by_name) == 1:
            return by_name.pop()
        if day is None:
            return eras[-1]
        return max((e for e in eras if e.first <= day), key=lambda e: e.index)

    def predecessors(self, era: Era) -> list[Era]:
        """Every era this one came from, through renames and mergers, nearest first."""
        out: list[Era] = []
        todo = [era]
        while todo:
            for c in self._from.get(todo.pop(0), []):
                if c.original not in out and c.original != era:
                    out.append(c.original)
                    todo.append(c.original)
        return out


def _names_era(name: str, era: Era) -> bool:
    """A name in the text is the era's: the same words, kind words apart, or a short form of them in order."""
    k, ek = name_key(name).split(), name_key(era.name).split()
    if not k:
        return False
    it = iter(ek)
    return k == ek or (len(k) >= 2 and all(w in it for w in k))


def _first_day(published: str | None) -> str | None:
    """The first day of an article's date as YYYY-MM-DD (a year alone is its 1 January)."""
    m = re.match(r"^(\d{4})(?:-(\d\d))?(?:-(\d\d))?", published or "")
    return f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}" if m else None


@lru_cache(maxsize=1)
def history() -> TrustHistory:
    return TrustHistory(json.loads(files("nhskg.ingest.data").joinpath("trust_history.json").read_text("utf-8")))
