"""NHS trusts and their hospitals, read at run time from the ODS reference files in ../shared.

The synthetic articles name real organisations so that the extractor's gazetteer is exercised
as it is on real news; the files are read where they are, never copied into the repository.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from nhskg.ingest.gazetteer import nice

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "reference"
# Trust files, oldest first, with the year each one's names describe: an article of year Y uses
# the name from the newest vintage not later than Y (or the oldest one), as news of that year did.
VINTAGES = [(2015, "etr_2015.csv"), (2020, "trust_list.csv"), (2025, "etr_2025.csv"), (2026, "etr.csv")]
_AWKWARD_SITE = re.compile(r"[(),\-/&]|\b(ltd|unit|centre|clinic|practice|ward)\b", re.I)


@dataclass(frozen=True)
class Hospital:
    code: str
    name: str
    town: str | None


@dataclass(frozen=True)
class Trust:
    code: str
    names: tuple[tuple[int, str], ...]  # (vintage year, name), oldest first
    opened: int  # year
    closed: int | None
    kind: str  # "acute" | "mental health" | "community" | "ambulance"
    hospitals: tuple[Hospital, ...]

    def name_in(self, year: int) -> str:
        chosen = self.names[0][1]
        for vintage, name in self.names:
            if vintage <= year:
                chosen = name
        return chosen

    def open_in(self, year: int) -> bool:
        return self.opened <= year and (self.closed is None or self.closed >= year)


def _kind(name: str) -> str:
    n = name.upper()
    if "AMBULANCE" in n:
        return "ambulance"
    if "COMMUNITY" in n:
        return "community"
    if any(w in n for w in ("MENTAL HEALTH", "PARTNERSHIP", "HEALTH AND CARE", "TAVISTOCK", "MERSEY CARE",
                            "PENNINE CARE")):
        return "mental health"
    return "acute"  # a guess from the name alone: enough to pick plausible services


def _year(yyyymmdd: str) -> int | None:
    return int(yyyymmdd[:4]) if yyyymmdd[:4].isdigit() else None


def _hospitals(ref: Path, codes: set[str]) -> dict[str, list[Hospital]]:
    out: dict[str, list[Hospital]] = {}
    with open(ref / "Hospital.csv", encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        header = ["index", *next(rows)]  # the data rows carry an unnamed index column first
        for row in rows:
            d = dict(zip(header, row))
            name, parent = d.get("OrganisationName", "").strip(), d.get("ParentODSCode", "").strip()
            if d.get("Sector") != "NHS Sector" or parent not in codes or _AWKWARD_SITE.search(name):
                continue
            if "hospital" not in name.lower() and "infirmary" not in name.lower():
                continue
            town = d.get("City", "").strip().title() or None
            sites = out.setdefault(parent, [])
            if all(s.name != name for s in sites):
                sites.append(Hospital(d["OrganisationCode"].strip(), name, town))
    return out


def load(ref: Path = DEFAULT_DIR) -> list[Trust]:
    """English NHS trusts with every name they had and the hospitals they run."""
    if not (ref / "etr.csv").exists():
        raise FileNotFoundError(f"no ODS reference data in {ref} (expected etr.csv there)")
    names: dict[str, list[tuple[int, str]]] = {}
    dates: dict[str, tuple[int, int | None]] = {}
    for vintage, file in VINTAGES:
        with open(ref / file, encoding="utf-8-sig", newline="") as f:
            for row in csv.reader(f):
                if len(row) < 24 or not row[0].strip() or row[23].strip() == "W":
                    continue  # Welsh bodies are not regulated by the CQC
                code, name = row[0].strip(), nice(row[1].strip())
                opened = _year(row[10].strip())
                if opened is None:
                    continue
                names.setdefault(code, []).append((vintage, name))
                dates[code] = (opened, _year(row[11].strip()))  # the newest file has the truest dates
    sites = _hospitals(ref, set(names))
    return [Trust(code, tuple(names[code]), *dates[code], _kind(names[code][-1][1]), tuple(sites.get(code, ())))
            for code in sorted(names)]
