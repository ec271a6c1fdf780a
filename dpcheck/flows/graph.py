"""The data flow exported, never changed: to a networkx graph, node-link JSON and GraphML.

Nodes are keyed ``party:<name>`` and ``country:<code>``; each transfer edge carries the
mechanisms that cover it, where they were read (``mechanisms_from``), the evidence for it and,
into a third country, whether it is ``covered`` and its ``basis`` (or why not).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
from networkx.readwrite import json_graph

from dpcheck.flows.hops import CUSTOMER
from dpcheck.models import Country, DataFlow, Evidence, Hop, Party


def to_networkx(flow: DataFlow) -> nx.DiGraph:
    """The flow as a directed graph: nodes as they enter the flow, edges in the order they were found."""
    nodes: dict[str, dict[str, Any]] = {p.key: _party(p) for p in flow.parties}
    nodes.update((c.key, _country(c)) for c in flow.countries)
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_node(CUSTOMER, **nodes[CUSTOMER])
    for hop in flow.hops:
        if hop.target not in graph:
            graph.add_node(hop.target, **nodes[hop.target])
        graph.add_edge(hop.source, hop.target, **_hop(hop))
    return graph


def _party(party: Party) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": "party", "role": party.role, "label": party.label}
    if party.purpose is not None:
        data["purpose"] = party.purpose
    return data


def _country(country: Country) -> dict[str, Any]:
    return {"kind": "country", "label": country.code, "eea": country.eea, "adequate": country.adequate}


def _hop(hop: Hop) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": hop.kind, "mechanisms": list(hop.mechanisms)}
    if hop.kind == "transfer":
        data["mechanisms_from"] = hop.mechanisms_from
    data["evidence"] = [_quote(e) for e in hop.evidence]
    if hop.judgement is not None:
        data["covered"] = hop.judgement.covered
        data["basis"] = hop.judgement.basis or hop.judgement.reason
    return data


def _quote(e: Evidence) -> dict[str, object]:
    return {"quote": e.quote, "start": e.start, "end": e.end, "page": e.page}


def to_node_link(flow: DataFlow) -> dict[str, object]:
    return json_graph.node_link_data(to_networkx(flow), edges="edges")


def write_graphml(flow: DataFlow, path: Path) -> None:
    """GraphML has no list attributes, so lists are stored as JSON strings."""
    flat: nx.DiGraph[str] = nx.DiGraph()
    graph = to_networkx(flow)
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _flat(v) for k, v in data.items()})
    for u, v, data in graph.edges(data=True):
        flat.add_edge(u, v, **{k: _flat(val) for k, val in data.items()})
    nx.write_graphml(flat, path)


def _flat(value: object) -> object:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
