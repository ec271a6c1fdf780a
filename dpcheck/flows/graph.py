"""The data flow exported, never changed: to a networkx graph, node-link JSON and GraphML.

Nodes are keyed ``party:<name>`` and ``country:<code>``; each transfer edge carries the
mechanisms that cover it, where they were read (``mechanisms_from``), the evidence for it and,
into a third country, whether it is ``covered`` and its ``basis`` (or why not).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dpcheck.flows.hops import CUSTOMER
from dpcheck.models import Country, DataFlow, Evidence, Hop, Party

if TYPE_CHECKING:
    import networkx as nx


def to_networkx(flow: DataFlow) -> nx.DiGraph:
    """The flow as a directed graph: nodes as they enter the flow, edges in the order they were found."""
    # networkx is imported where a graph object is wanted: it is a tenth of a second of every start-up.
    import networkx as nx

    nodes, successors = _adjacency(flow)
    graph: nx.DiGraph[str] = nx.DiGraph()
    for node, data in nodes.items():
        graph.add_node(node, **data)
    for source, targets in successors.items():
        for target, data in targets.items():
            graph.add_edge(source, target, **data)
    return graph


def _adjacency(flow: DataFlow) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, dict[str, Any]]]]:
    """The nodes and each node's successors as networkx's ``DiGraph`` holds them after adding the
    customer and then each hop, its target before it: a node in the order it joined (a hop's source
    not yet seen joins without attributes), a repeated edge's attributes updated in its first place."""
    known: dict[str, dict[str, Any]] = {p.key: _party(p) for p in flow.parties}
    known.update((c.key, _country(c)) for c in flow.countries)
    nodes = {CUSTOMER: known[CUSTOMER]}
    successors: dict[str, dict[str, dict[str, Any]]] = {CUSTOMER: {}}
    for hop in flow.hops:
        for node, data in ((hop.target, known.get(hop.target)), (hop.source, {})):
            if node not in nodes:
                if data is None:
                    raise KeyError(hop.target)
                nodes[node] = data
                successors[node] = {}
        successors[hop.source].setdefault(hop.target, {}).update(_hop(hop))
    return nodes, successors


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
    """networkx's ``node_link_data(to_networkx(flow), edges="edges")``, made without networkx: a
    report from the cache writes its graph without importing it."""
    nodes, successors = _adjacency(flow)
    return {
        "directed": True,
        "multigraph": False,
        "graph": {},
        "nodes": [{**data, "id": node} for node, data in nodes.items()],
        "edges": [
            {**data, "source": source, "target": target}
            for source, targets in successors.items()
            for target, data in targets.items()
        ],
    }


def write_graphml(flow: DataFlow, path: Path) -> None:
    """GraphML has no list attributes, so lists are stored as JSON strings."""
    import networkx as nx

    flat: nx.DiGraph[str] = nx.DiGraph()
    graph = to_networkx(flow)
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _flat(v) for k, v in data.items()})
    for u, v, data in graph.edges(data=True):
        flat.add_edge(u, v, **{k: _flat(val) for k, val in data.items()})
    nx.write_graphml(flat, path)


def _flat(value: object) -> object:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
