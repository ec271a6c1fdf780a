"""The data-flow graph: customer (controller) → vendor → sub-processors → countries.

Each edge carries the mechanisms that cover it and the evidence for it. Nodes are
keyed ``party:<name>`` and ``country:<code>`` so that a sub-processor called "India
Cloud" never collides with the country India.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
from networkx.readwrite import json_graph

from dpcheck.models import Evidence, Recipient, Transfer

CUSTOMER = "party:customer"
VENDOR = "party:vendor"


def _evidence(items: tuple[Evidence, ...]) -> list[dict[str, object]]:
    return [{"quote": e.quote, "start": e.start, "end": e.end, "page": e.page} for e in items]


def build_graph(transfers: tuple[Transfer, ...], recipients: tuple[Recipient, ...]) -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_node(CUSTOMER, kind="party", role="controller", label="Customer (controller)")
    graph.add_node(VENDOR, kind="party", role="vendor", label="Vendor")
    graph.add_edge(CUSTOMER, VENDOR, kind="engages", mechanisms=[], evidence=[])
    for recipient in recipients:
        node = f"party:{recipient.name}"
        graph.add_node(node, kind="party", role=recipient.role, label=recipient.name, purpose=recipient.purpose)
        graph.add_edge(VENDOR, node, kind="engages", mechanisms=[], evidence=_evidence(recipient.evidence))
        for code in recipient.locations:
            transfer = next((t for t in transfers if t.destination == code), None)
            graph.add_node(f"country:{code}", kind="country", label=code)
            graph.add_edge(node, f"country:{code}", kind="transfer",
                           mechanisms=list(transfer.mechanisms) if transfer else [],
                           evidence=_evidence(recipient.evidence))
    for transfer in transfers:
        node = f"country:{transfer.destination}"
        graph.add_node(node, kind="country", label=transfer.destination, adequate=transfer.adequate)
        if graph.in_degree(node) == 0:
            graph.add_edge(VENDOR, node, kind="transfer", mechanisms=list(transfer.mechanisms),
                           evidence=_evidence(transfer.evidence))
    return graph


def to_node_link(graph: nx.DiGraph) -> dict[str, object]:
    return json_graph.node_link_data(graph, edges="edges")


def write_graphml(graph: nx.DiGraph, path: Path) -> None:
    """GraphML has no list attributes, so lists are stored as JSON strings."""
    flat = nx.DiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _flat(v) for k, v in data.items()})
    for u, v, data in graph.edges(data=True):
        flat.add_edge(u, v, **{k: _flat(val) for k, val in data.items()})
    nx.write_graphml(flat, path)


def _flat(value: object) -> object:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
