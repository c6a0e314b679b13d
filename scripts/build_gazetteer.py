"""Build ingest/data/gazetteer.json from the ODS reference files in ../shared/data/reference.

    python scripts/build_gazetteer.py [REFERENCE_DIR]

Keeps only what linking needs: every name a trust has had (all vintages, newest first; trusts the etr
files lack, such as care trusts, from the hospital files' parent names), mergers, and NHS sites with
their names, parent trust and town (a trust's own site codes only where a place has one). The output
is package data; its licence (OGL v3.0) is in ingest/data/LICENCE.md.
"""
from __future__ import annotations

import csv
import json
import re
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


_NHS_TRUST_NAME = re.compile(r"\bNHS\s+(?:Foundation\s+)?Trust$", re.IGNORECASE)


def parent_trusts(rows: list[dict], known: dict) -> dict:
    """NHS trusts the etr files leave out (care trusts, "T" codes) named as the parents of hospital sites."""
    out: dict[str, dict] = {}
    for r in rows:
        code, name = r["parent"], r["parent_name"]
        if code and code not in known and _NHS_TRUST_NAME.search(name):
            entry = out.setdefault(code, {"names": [], "opened": "", "closed": ""})
            if name.upper() not in entry["names"]:
                entry["names"].append(name.upper())
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


def hospital_rows(ref: Path) -> list[dict]:
    """Every site row of the hospital files, newest first: code, name, parent code and name, town, postcode."""
    out = []

    def add(d: dict, nhs: bool) -> None:
        out.append({"code": d["OrganisationCode"].strip(), "name": d["OrganisationName"].strip(),
                    "parent": d["ParentODSCode"].strip(), "parent_name": d["ParentName"].strip(),
                    "town": d["City"], "postcode": d["Postcode"].strip(), "nhs": nhs})

    with open(ref / "Hospital.csv", encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        header = ["index", *next(rows)]
        for r in rows:
            d = dict(zip(header, r))
            add(d, d.get("Sector") == "NHS Sector")
    with open(ref / "Hospital_2020-01.csv", encoding="cp1252", newline="") as f:
        for d in csv.DictReader(f, delimiter="~"):
            add(d, d.get("Sector") == "NHS Sector")
    with open(ref / "nhs-hospitals-data.csv", encoding="utf-8", newline="") as f:
        for d in csv.DictReader(f):
            out.append({"code": d["ods_site_code"].strip(), "name": d["site_name"].strip(),
                        "parent": d["parent_ods_code"].strip(), "parent_name": "", "town": "",
                        "postcode": d["postcode"].strip(), "nhs": True})
    return out


def own_code(site: dict) -> bool:
    """A trust's own site code starts with the trust's ("RHQNG" of RHQ); another organisation's code for a
    service it runs at that place does not ("A4Y3Q")."""
    return site["code"].startswith(site["parent"])


def sites(rows: list[dict], trust_codes: set[str]) -> dict:
    """NHS sites: code -> [name, parent trust code, town]. A place that has a trust's own site code keeps
    that one only: the other codes at its postcode are other organisations' services there."""
    owned = {r["postcode"] for r in rows if r["nhs"] and r["postcode"] and own_code(r)}
    out: dict[str, list] = {}
    for r in rows:
        if not (r["nhs"] and r["code"] and r["name"] and r["parent"] in trust_codes) or r["code"] in out:
            continue
        if not own_code(r) and r["postcode"] in owned:
            continue
        out[r["code"]] = [r["name"], r["parent"], town_case(r["town"] or "")]
    return out


def main() -> None:
    ref = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "reference"
    t = trusts(ref)
    rows = hospital_rows(ref)
    t.update(parent_trusts(rows, t))
    data = {"trusts": t, "mergers": mergers(ref), "sites": sites(rows, set(t))}
    OUT.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    print(f"{OUT}: {len(data['trusts'])} trusts, {len(data['sites'])} sites, {len(data['mergers'])} mergers")


if __name__ == "__main__":
    main()
