"""Pictures of the network: a PNG (matplotlib) and a self-contained interactive HTML page.

Both share one layout and one style: nodes coloured by kind, trusts sized by the number of
articles about them (or their hospitals), people and organisations labelled, articles drawn as
small grey squares whose titles show on hover in the HTML page. The HTML page loads nothing from
the network: its SVG and its few lines of JavaScript are inline.
"""
from __future__ import annotations

import html
import json
import math
import textwrap

import networkx as nx

from .network import Network, trust_articles

STYLE = {  # kind -> (colour, legend text)
    "trust": ("#1f5fa8", "NHS trust (size: articles)"),
    "hospital": ("#2bb3c0", "hospital"),
    "regulator": ("#d1342f", "CQC"),
    "executive": ("#f28e2b", "executive"),
    "inspector": ("#8e5fb5", "CQC inspector"),
    "person": ("#9c9c6e", "other person"),
    "article": ("#c4c4c4", "article (quoted in)"),
}


def sizes(net: Network) -> dict[str, float]:
    """Marker area in points^2."""
    g, out = net.graph, {}
    for n, data in g.nodes(data=True):
        k = data["kind"]
        if k == "trust":
            out[n] = 260 + 220 * len(trust_articles(g, n))
        elif k == "regulator":
            out[n] = 900
        elif k == "article":
            out[n] = 30
        else:
            out[n] = 120 + 30 * len(data["articles"])
    return out


def layout(g: nx.Graph) -> dict[str, tuple[float, float]]:
    """Components laid out one by one and packed in rows, biggest first, so none hides another.

    Every trust and hospital is one step from the CQC; drawn as equal steps that star crowds the
    middle, so edges to the regulator count as long ones and each trust keeps room for its own.
    """
    g = g.copy()
    for x, y in g.edges():
        hub = "regulator" in (g.nodes[x]["kind"], g.nodes[y]["kind"])
        g.edges[x, y]["length"] = 6.0 if hub else 1.6
    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    pos, x, y, row_h = {}, 0.0, 0.0, 0.0
    total = sum(math.sqrt(len(c)) for c in comps) or 1
    max_w = max(total * 0.9, 6)
    for comp in comps:
        sub = g.subgraph(comp)
        side = 2.6 * math.sqrt(len(comp)) if len(comp) > 1 else 1.6
        if len(comp) == 1:
            local = {comp[0]: (0.0, 0.0)}
        else:
            local = (nx.kamada_kawai_layout(sub, weight="length") if len(comp) <= 400
                     else nx.spring_layout(sub, weight=None, seed=7))
        xs, ys = [p[0] for p in local.values()], [p[1] for p in local.values()]
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1
        if x > 0 and x + side > max_w:
            x, y, row_h = 0.0, y - row_h - 1.0, 0.0
        for n, (px, py) in local.items():
            pos[n] = (x + side / 2 + (px - cx) / span * side, y - side / 2 + (py - cy) / span * side)
        x += side + 1.0
        row_h = max(row_h, side)
    return pos


def _wrap(label: str, width: int = 24) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def png(net: Network) -> bytes:
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    g = net.graph
    pos, size = layout(g), sizes(net)
    xs, ys = [p[0] for p in pos.values()] or [0], [p[1] for p in pos.values()] or [0]
    w, h = max(xs) - min(xs) + 2, max(ys) - min(ys) + 2
    scale = min(26 / w, 26 / h, 2.2)
    fig, ax = plt.subplots(figsize=(max(w * scale, 10), max(h * scale, 8)))
    nx.draw_networkx_edges(g, pos, ax=ax, edge_color="#b8b8b8", width=0.8, alpha=0.8)
    for kind, (colour, _) in STYLE.items():
        nodes = [n for n, k in g.nodes(data="kind") if k == kind]
        if nodes:
            nx.draw_networkx_nodes(g, pos, nodelist=nodes, node_color=colour, ax=ax, edgecolors="white",
                                   node_size=[size[n] for n in nodes], linewidths=1.0,
                                   node_shape="s" if kind == "article" else "o", alpha=0.95)
    for n, data in g.nodes(data=True):
        if data["kind"] == "article":
            continue
        big = data["kind"] in ("trust", "regulator")
        ax.annotate(_wrap(data["label"]), pos[n], xytext=(0, -(math.sqrt(size[n]) / 2 + 3)),
                    textcoords="offset points", ha="center", va="top", fontsize=9 if big else 7.5,
                    fontweight="bold" if big else "normal", color="#222222", zorder=5 if big else 4,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85 if big else 0.7})
    ax.legend(handles=[Line2D([], [], marker="s" if k == "article" else "o", ls="", color=c, markersize=10, label=t)
                       for k, (c, t) in STYLE.items()], loc="upper right", fontsize=10, framealpha=0.9)
    ax.set_title(f"People, trusts, hospitals and the CQC in {len(net.sources)} articles", fontsize=14)
    ax.axis("off")
    fig.tight_layout()
    out = io.BytesIO()  # rendered in memory: the PNG writer seeks, which a FIFO or a device cannot
    fig.savefig(out, dpi=110, format="png")
    plt.close(fig)
    return out.getvalue()


def page(net: Network) -> str:
    """A self-contained HTML page: an SVG of the network; hover for names and articles, click to
    highlight a node's neighbours and list its links, drag to pan, wheel to zoom."""
    g = net.graph
    pos, size = layout(g), sizes(net)
    unit = 60.0  # px per layout unit
    pts = {n: (x * unit, -y * unit) for n, (x, y) in pos.items()}
    xs, ys = [p[0] for p in pts.values()] or [0], [p[1] for p in pts.values()] or [0]
    box = (min(xs) - 80, min(ys) - 80, max(xs) - min(xs) + 160, max(ys) - min(ys) + 160)
    ids = {n: f"n{i}" for i, n in enumerate(g)}
    esc = lambda s: html.escape(str(s), quote=True)  # noqa: E731
    parts = []
    for x, y, data in g.edges(data=True):
        rels = "; ".join(f"{r}: {', '.join(sorted(net.sources.get(a, a).rsplit('/', 1)[-1] for a in rel['articles']))}"
                         for r, rel in sorted(data["relations"].items()))
        (x1, y1), (x2, y2) = pts[x], pts[y]
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" data-a="{ids[x]}" '
                     f'data-b="{ids[y]}"><title>{esc(g.nodes[x]["label"])} – {esc(g.nodes[y]["label"])}\n'
                     f'{esc(rels)}</title></line>')
    for n, data in g.nodes(data=True):
        (x, y), r = pts[n], math.sqrt(size[n]) / 2
        colour = STYLE[data["kind"]][0]
        articles = sorted(net.sources.get(a, a).rsplit("/", 1)[-1] for a in data["articles"])
        tip = f"{data['label']} ({STYLE[data['kind']][1]})\n" + "\n".join(articles[:20])
        shape = (f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}"/>'
                 if data["kind"] == "article" else f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>')
        label = "" if data["kind"] == "article" else "".join(
            f'<tspan x="{x:.1f}" dy="{1.1 if i else 0}em">{esc(line)}</tspan>'
            for i, line in enumerate(textwrap.wrap(data["label"], 24)))
        parts.append(f'<g class="node {data["kind"]}" id="{ids[n]}" fill="{colour}"><title>{esc(tip)}</title>'
                     f'{shape}<text x="{x:.1f}" y="{y + r + 12:.1f}">{label}</text></g>')
    links = {ids[n]: [ids[m] for m in g[n]] for n in g}
    legend = "".join(f'<span><i style="background:{c}"></i>{esc(t)}</span>' for c, t in STYLE.values())
    data_json = json.dumps(links).replace("</", "<\\/")
    return _PAGE.format(title=esc(f"nhskg network: {len(g)} nodes, {len(net.sources)} articles"), legend=legend,
                        box=" ".join(f"{v:.0f}" for v in box), svg="\n".join(parts), links=data_json)


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ margin: 0; font: 13px sans-serif; }}
header {{ padding: 6px 10px; background: #f4f4f4; border-bottom: 1px solid #ddd; }}
header span {{ margin-right: 14px; white-space: nowrap; }}
header i {{ display: inline-block; width: 11px; height: 11px; border-radius: 6px; margin-right: 4px; }}
svg {{ width: 100vw; height: calc(100vh - 34px); cursor: grab; }}
line {{ stroke: #bbb; stroke-width: 1.2; }}
.node text {{ fill: #222; font-size: 11px; text-anchor: middle; paint-order: stroke; stroke: #fff; stroke-width: 3px; }}
.node.trust text, .node.regulator text {{ font-weight: bold; font-size: 12px; }}
.node circle, .node rect {{ stroke: #fff; stroke-width: 1.5; cursor: pointer; }}
.dim {{ opacity: 0.12; }}
</style></head><body>
<header><b>{title}</b> &nbsp; {legend} — hover for names and articles, click a node to highlight its links</header>
<svg id="net" viewBox="{box}" xmlns="http://www.w3.org/2000/svg">
{svg}
</svg>
<script id="links" type="application/json">{links}</script>
<script>
const svg = document.getElementById("net"), links = JSON.parse(document.getElementById("links").textContent);
let vb = svg.getAttribute("viewBox").split(" ").map(Number), drag = null, picked = null;
const show = () => svg.setAttribute("viewBox", vb.join(" "));
svg.addEventListener("wheel", e => {{ e.preventDefault(); const f = e.deltaY > 0 ? 1.15 : 1 / 1.15;
  const r = svg.getBoundingClientRect(), px = vb[0] + vb[2] * (e.clientX - r.left) / r.width,
        py = vb[1] + vb[3] * (e.clientY - r.top) / r.height;
  vb = [px - (px - vb[0]) * f, py - (py - vb[1]) * f, vb[2] * f, vb[3] * f]; show(); }});
svg.addEventListener("mousedown", e => {{ drag = [e.clientX, e.clientY]; }});
window.addEventListener("mouseup", () => {{ drag = null; }});
svg.addEventListener("mousemove", e => {{ if (!drag) return; const r = svg.getBoundingClientRect();
  vb[0] -= (e.clientX - drag[0]) * vb[2] / r.width; vb[1] -= (e.clientY - drag[1]) * vb[3] / r.height;
  drag = [e.clientX, e.clientY]; show(); }});
svg.addEventListener("click", e => {{ const g = e.target.closest(".node"); picked = g && g.id !== picked ? g.id : null;
  const keep = picked ? new Set([picked, ...links[picked]]) : null;
  document.querySelectorAll(".node").forEach(n => n.classList.toggle("dim", !!keep && !keep.has(n.id)));
  document.querySelectorAll("line").forEach(l => l.classList.toggle("dim",
    !!keep && l.dataset.a !== picked && l.dataset.b !== picked)); }});
</script></body></html>
"""
