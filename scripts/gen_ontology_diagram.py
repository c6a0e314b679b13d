"""Draw docs/ontology.png: the classes, the relations the shapes allow between them, and the concept schemes.

    python scripts/gen_ontology_diagram.py          # regenerate
    python scripts/gen_ontology_diagram.py --check  # exit 1 if docs/ontology.png is out of date

The facts read from an article sit in the middle, with the article and the concept schemes that
close their values on their left and the entities they are about on their right. The PNG carries a digest of
what it was drawn from (the model and this script), which is how --check knows it is stale without
comparing pixels.
"""
from __future__ import annotations

import argparse
import os
import hashlib
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
from PIL import Image  # noqa: E402
from rdflib import RDFS, Graph  # noqa: E402

from ontology_model import ROOT, classes, fields, label, load, qname, schemes, shapes_for  # noqa: E402

OUT = ROOT / "docs" / "ontology.png"
DIGEST_KEY = "nhskg-source-digest"
# Row of each box in its column, chosen so that related boxes face each other; a term not listed
# here (a class added later) goes below the others of its column.
ROW = {"Mention": 0, "Post": 1, "Statement": 2, "RegulatoryFact": 3, "Rating": 4, "SpecialMeasures": 5,
       "Inspection": 6, "EnforcementAction": 7,
       "post-kind": 0.0, "Article": 1.5, "rating-level": 3.4, "key-question": 4.2, "core-service": 5.0,
       "special-measures-status": 5.8, "enforcement-kind": 7.0,
       "Person": 0.5, "Regulator": 1.7, "Trust": 3.0, "FoundationTrust": 4.0, "Hospital": 5.2}
X = {"source": 0.0, "fact": 5.0, "entity": 10.5}  # articles and concept schemes | facts | entities
COLOURS = {"article": "#fde7c8", "scheme": "#eee3f5", "fact": "#dbe9f6", "entity": "#dff2df", "other": "#eeeeee"}
LEGEND = {"article": "article (one named graph each)", "fact": "fact read from an article, with provenance",
          "entity": "entity the facts are about", "scheme": "SKOS concept scheme closing a value set",
          "other": "class not written by extraction (no shape)"}


def model_graph(g: Graph) -> nx.MultiDiGraph:
    """Nodes: classes and schemes, with a kind; edges: relations (labelled by property) and subclass links."""
    m = nx.MultiDiGraph()
    cls = classes(g)
    fact_roots = {c for c in cls for f in fields(g, c) if f.path == "prov:wasDerivedFrom"}
    for c in cls:
        supers = set(g.transitive_objects(c, RDFS.subClassOf))
        checked = any(shapes_for(g, s) for s in supers)
        kind = ("other" if not checked else "article" if c.endswith("#Article") else
                "fact" if supers & fact_roots else "entity")
        m.add_node(qname(c), kind=kind, text=qname(c))
    for s in schemes(g):
        m.add_node(qname(s), kind="scheme", text=f"{qname(s)}\n{label(g, s)}")
    for c in cls:
        for f in fields(g, c):
            for t in f.targets:
                if not f.path.startswith("^") and qname(t) in m:
                    m.add_edge(qname(c), qname(t), label=f.path, kind="relation")
        for sup in g.objects(c, RDFS.subClassOf):
            if qname(sup) in m:
                m.add_edge(qname(c), qname(sup), label="", kind="subclass")
    return m


def positions(m: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    column = {"article": "source", "scheme": "source", "fact": "fact", "entity": "entity", "other": "entity"}
    pos, below = {}, {}
    for n, d in sorted(m.nodes(data=True)):
        col = column[d["kind"]]
        local = n.split(":", 1)[1]
        if local in ROW:
            row = ROW[local]
        else:
            below[col] = below.get(col, 8) + 1
            row = below[col] - 0.5
        pos[n] = (X[col], -row)
    return pos


def digest(m: nx.MultiDiGraph) -> str:
    payload = {"nodes": sorted((n, d["kind"], d["text"]) for n, d in m.nodes(data=True)),
               "edges": sorted((u, v, d["label"], d["kind"]) for u, v, d in m.edges(data=True)),
               "script": Path(__file__).read_text("utf-8"),
               "model": (Path(__file__).parent / "ontology_model.py").read_text("utf-8")}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def draw(m: nx.MultiDiGraph, out: Path) -> None:
    pos = positions(m)
    lowest = min(y for _, y in pos.values())
    fig, ax = plt.subplots(figsize=(20, 12), dpi=100)
    ax.set_xlim(-1.8, X["entity"] + 1.8)
    ax.set_ylim(lowest - 1.2, 0.9)
    ax.axis("off")
    boxes = {}
    for n, d in m.nodes(data=True):
        boxes[n] = ax.text(*pos[n], d["text"], ha="center", va="center", fontsize=13, zorder=3,
                           bbox=dict(boxstyle="round,pad=0.45", fc=COLOURS[d["kind"]], ec="#555555", lw=1.2))
    labelled = {}
    for u, v, d in m.edges(data=True):
        labelled.setdefault((u, v, d["kind"]), []).append(d["label"])
    fan = {}  # edges leaving one box get their labels at staggered distances, so they do not pile up
    for (u, v, kind), names in sorted(labelled.items(), key=lambda item: (item[0][0], -pos[item[0][1]][1])):
        fan[u] = fan.get(u, -1) + 1
        _arrow(ax, boxes[u], boxes[v], pos[u], pos[v], kind, ", ".join(sorted(set(names))), fan[u])
    handles = [plt.Rectangle((0, 0), 1, 1, fc=COLOURS[k], ec="#555555") for k in LEGEND]
    handles += [plt.Line2D([], [], color="#1f4e79", lw=1.2), plt.Line2D([], [], color="#666666", lw=1.2, ls="--")]
    ax.legend(handles, [*LEGEND.values(), "property allowed by the SHACL shapes (literal-valued ones: docs/ontology.md)",
                        "subclass of"], loc="lower center", ncol=3, fontsize=11, frameon=False)
    fig.tight_layout()
    fig.savefig(out, metadata={DIGEST_KEY: digest(m), "Software": None})
    plt.close(fig)


def _arrow(ax, src, dst, p, q, kind: str, text: str, nth: int) -> None:
    colour = "#666666" if kind == "subclass" else "#1f4e79"
    if abs(p[0] - q[0]) < 1e-9 and kind == "subclass" and abs(p[1] - q[1]) > 1.01:
        # a subclass further down the same column: a bracket on the right, clear of the boxes between
        start, end, style = (1.0, 0.5), (1.0, 0.5), "arc,angleA=0,angleB=0,armA=25,armB=25,rad=8"
    elif abs(p[0] - q[0]) < 1e-9:
        down = q[1] < p[1]
        start, end = ((0.5, 0.0), (0.5, 1.0)) if down else ((0.5, 1.0), (0.5, 0.0))
        style = "arc3,rad=0.0" if kind == "subclass" else "arc3,rad=-1.2"
    else:
        right = q[0] > p[0]
        start, end = ((1.0, 0.5), (0.0, 0.5)) if right else ((0.0, 0.5), (1.0, 0.5))
        style = "arc3,rad=0.0"
    ax.annotate("", xy=end, xycoords=dst, xytext=start, textcoords=src, zorder=2,
                arrowprops=dict(arrowstyle="-|>", color=colour, lw=1.2, linestyle="--" if kind == "subclass" else "-",
                                connectionstyle=style, mutation_scale=15))
    if text:
        t = 0.5 if abs(p[0] - q[0]) < 1e-9 else 0.22 + 0.13 * (nth % 4)
        x = p[0] + (q[0] - p[0]) * t + (1.35 if abs(p[0] - q[0]) < 1e-9 else 0)
        y = p[1] + (q[1] - p[1]) * t
        ax.text(x, y, text, fontsize=10, ha="center", va="center", color=colour, zorder=4,
                bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.9))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the PNG is up to date")
    args = parser.parse_args(argv)
    m = model_graph(load())
    if args.check:
        current = Image.open(OUT).text.get(DIGEST_KEY) if OUT.exists() else None
        if current != digest(m):
            print(f"{os.path.relpath(OUT, ROOT)} is out of date: run python scripts/gen_ontology_diagram.py", file=sys.stderr)
            return 1
        return 0
    OUT.parent.mkdir(exist_ok=True)
    draw(m, OUT)
    print(f"wrote {os.path.relpath(OUT, ROOT)} ({m.number_of_nodes()} boxes, {m.number_of_edges()} arrows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
