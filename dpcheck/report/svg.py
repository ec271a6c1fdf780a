"""The data flow drawn as inline SVG: layered left to right, customer → vendor →
sub-processors → countries, edges labelled with the mechanisms that cover them.

Drawn by our own code so the HTML report needs no script and no network; every label is
escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dpcheck.flows.graph import to_networkx
from dpcheck.flows.hops import CUSTOMER
from dpcheck.models import UNSPECIFIED, DataFlow
from dpcheck.report.safe import html_text as escape

if TYPE_CHECKING:
    import networkx as nx

NODE_WIDTH = 200
NODE_HEIGHT = 34
COLUMN_GAP = 110
ROW_GAP = 22
MARGIN = 16
MAX_LABEL = 26
# The gap before the country column holds the mechanism labels, so it is wider.
LABEL_GAP = 200


@dataclass(frozen=True, slots=True)
class _Box:
    x: int
    y: int
    label: str
    title: str
    css: str


def _layers(graph: nx.DiGraph) -> list[list[str]]:
    """Parties by distance from the customer; countries in one last column."""
    import networkx as nx

    distance = nx.single_source_shortest_path_length(graph, CUSTOMER) if CUSTOMER in graph else {}
    parties = [n for n, d in graph.nodes(data=True) if d.get("kind") != "country"]
    countries = [n for n, d in graph.nodes(data=True) if d.get("kind") == "country"]
    depth = {n: distance.get(n, 1) for n in parties}
    columns = max(depth.values(), default=-1) + 1
    layers: list[list[str]] = [[] for _ in range(columns)]
    for node in parties:
        layers[depth[node]].append(node)
    if countries:
        layers.append(countries)
    return [sorted(layer, key=lambda n: str(graph.nodes[n].get("label", n)).lower()) for layer in layers if layer]


def _css(data: dict[str, object], adequate: dict[str, bool]) -> str:
    if data.get("kind") != "country":
        return "party " + str(data.get("role", ""))
    code = str(data.get("label"))
    if code == UNSPECIFIED:
        return "country open"
    if data.get("eea") or code not in adequate:
        return "country eea"
    return "country adequate" if adequate[code] else "country third"


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def render_graph_svg(flow: DataFlow, *, title: str = "Data-flow graph", ident: str = "graph") -> str:
    """An ``<svg>`` element (no XML declaration) for embedding in HTML.

    A country of the flow that is no transfer destination lies inside the EEA. ``ident`` keeps
    element ids unique among several graphs on one page.
    """
    graph = to_networkx(flow)
    adequate = {t.destination: t.adequate for t in flow.transfers}
    layers = _layers(graph)
    rows = max((len(layer) for layer in layers), default=1)
    has_countries = any(graph.nodes[n].get("kind") == "country" for n in layers[-1]) if layers else False
    gaps = [COLUMN_GAP] * max(0, len(layers) - 1)
    if gaps and has_countries:
        gaps[-1] = LABEL_GAP
    lefts = [MARGIN + i * NODE_WIDTH + sum(gaps[:i]) for i in range(len(layers))]
    width = MARGIN * 2 + len(layers) * NODE_WIDTH + sum(gaps)
    height = MARGIN * 2 + rows * NODE_HEIGHT + max(0, rows - 1) * ROW_GAP
    boxes: dict[str, _Box] = {}
    for column, layer in enumerate(layers):
        offset = (rows - len(layer)) * (NODE_HEIGHT + ROW_GAP) // 2
        for row, node in enumerate(layer):
            data = graph.nodes[node]
            label = str(data.get("label", node))
            shown = "open-ended (unspecified)" if label == UNSPECIFIED else label
            boxes[node] = _Box(
                lefts[column],
                MARGIN + offset + row * (NODE_HEIGHT + ROW_GAP),
                _short(shown),
                shown,
                _css(data, adequate),
            )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="graph" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<defs><marker id="{ident}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>',
    ]
    # Every transfer edge into a country carries that destination's mechanisms, so one label
    # beside the country reads better than one per edge (those cross where edges converge).
    labels: dict[str, set[str]] = {}
    for source, target, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])):
        a, b = boxes[source], boxes[target]
        x1, y1 = a.x + NODE_WIDTH, a.y + NODE_HEIGHT // 2
        x2, y2 = b.x, b.y + NODE_HEIGHT // 2
        bend = (x2 - x1) // 2 if x2 > x1 else COLUMN_GAP // 2
        css = "edge transfer" if data.get("kind") == "transfer" else "edge"
        parts.append(
            f'<path class="{css}" d="M{x1},{y1} C{x1 + bend},{y1} {x2 - bend},{y2} {x2},{y2}" '
            f'marker-end="url(#{ident}-arrow)"/>'
        )
        if data.get("kind") == "transfer" and str(graph.nodes[target].get("label")) in adequate:
            labels.setdefault(target, set()).add(", ".join(str(m) for m in data.get("mechanisms") or []))
    for target, texts in sorted(labels.items()):
        box = boxes[target]
        text = " / ".join(sorted(t or "no mechanism" for t in texts))
        css = "edge-label none" if "" in texts else "edge-label"
        parts.append(f'<text class="{css}" x="{box.x - 8}" y="{box.y - 3}" text-anchor="end">{escape(text)}</text>')
    for box in boxes.values():
        parts.append(
            f'<g class="node {box.css}"><title>{escape(box.title)}</title>'
            f'<rect x="{box.x}" y="{box.y}" width="{NODE_WIDTH}" height="{NODE_HEIGHT}" rx="6"/>'
            f'<text x="{box.x + NODE_WIDTH // 2}" y="{box.y + NODE_HEIGHT // 2 + 5}" '
            f'text-anchor="middle">{escape(box.label)}</text></g>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
