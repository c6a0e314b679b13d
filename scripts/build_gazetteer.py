"""Build ingest/data/gazetteer.json from the ODS reference files in ../shared/data/reference.

    python scripts/build_gazetteer.py [REFERENCE_DIR]

Keeps only what linking needs: every name a trust has had (all vintages, newest first), mergers,
and NHS sites with their names, parent trust and town. The output is package data; its licence
(OGL v3.0) is in ingest/data/LICENCE.md.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "ingest" / "data" / "gazetteer.json"
TRUST_FILES = ["etr.csv", "etr_2025.csv", "trust_list.csv", "etr_2015.csv"]  # newest first


def trusts(ref: Path) -> dict:
    out: dict[str, dict] = {}
    for name in TRUST_FILES:
        with open(ref / name, encoding="utf-8-sig", newline="") as f:
            for row in csv.reader(f):
                if len(row) < 12 or not row[0].strip():
                    continue
                code, label = row[0].strip(), row[1].strip()
                if row[23:24] == ["W"]:
                    continue  # Welsh bodies are not regulated by the CQC
                entry = out.setdefault(code, {"names": [], "opened": row[10].strip(), "closed": row[11].strip()})
                if label not in entry["names"]:
                    entry["names"].append(label)
    return out


def mergers(ref: Path) -> dict:
    with open(ref / "trust_mergers.csv", encoding="utf-8-sig", newline="") as f:
        return {r["trust_code_old"]: [r["trust_code_new"], r["from_date"]] for r in csv.DictReader(f)}


def town_case(town: str) -> str:
    """"KING'S LYNN" -> "King's Lynn", "STOKE-ON-TRENT" -> "Stoke-on-Trent"."""
    small = {"on", "upon", "under", "in", "by", "the", "le", "de", "cum", "next", "super", "and"}

    def word(w: str, first: bool) -> str:
        parts = w.lower().split("-")
        return "-".join(p if (i or not first) and p in small else p[:1].upper() + p[1:]
                        for i, p in enumerate(parts))

    return " ".join(word(w, i == 0) for i, w in enumerate(town.strip().split()))


def sites(ref: Path, trust_codes: set[str]) -> dict:
    out: dict[str, list] = {}

    def add(code, name, parent, town):
        code, name, parent = code.strip(), name.strip(), parent.strip()
        if code and name and parent in trust_codes and code not in out:
            out[code] = [name, parent, town_case(town or "")]

    with open(ref / "Hospital.csv", encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        header = ["index", *next(rows)]
        for r in rows:
            d = dict(zip(header, r))
            if d.get("Sector") == "NHS Sector":
                add(d["OrganisationCode"], d["OrganisationName"], d["ParentODSCode"], d["City"])
    with open(ref / "Hospital_2020-01.csv", encoding="cp1252", newline="") as f:
        for d in csv.DictReader(f, delimiter="~"):
            if d.get("Sector") == "NHS Sector":
                add(d["OrganisationCode"], d["OrganisationName"], d["ParentODSCode"], d["City"])
    with open(ref / "nhs-hospitals-data.csv", encoding="utf-8", newline="") as f:
        for d in csv.DictReader(f):
            add(d["ods_site_code"], d["site_name"], d["parent_ods_code"], "")
    return out


def main() -> None:
    ref = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "reference"
    t = trusts(ref)
    data = {"trusts": t, "mergers": mergers(ref), "sites": sites(ref, set(t))}
    OUT.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    print(f"{OUT}: {len(data['trusts'])} trusts, {len(data['sites'])} sites, {len(data['mergers'])} mergers")


if __name__ == "__main__":
    main()
