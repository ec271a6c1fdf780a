"""The data-flow graph: customer (controller) → vendor → sub-processors → countries.

Sub-processors that pass data on (onward transfers) hang below the recipient that engages
them, so a path can run customer → vendor → sub-processor → its sub-processor → country.
Each transfer edge carries the mechanisms that cover it, where they were read
(``mechanisms_from``: the recipient's own row or sentence, the terms binding all
sub-processors, or the document as a whole) and the evidence for it. Nodes are keyed
``party:<name>`` and ``country:<code>`` so that a sub-processor called "India Cloud" never
collides with the country India.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path

import networkx as nx
from networkx.readwrite import json_graph

from dpcheck.models import Evidence, Recipient, Transfer

CUSTOMER = "party:customer"
VENDOR = "party:vendor"
# "Sub-processors may transfer data onward to their own sub-processors": engaged by all of them.
ALL_SUBPROCESSORS = "sub-processors"


def _evidence(items: tuple[Evidence, ...]) -> list[dict[str, object]]:
    return [{"quote": e.quote, "start": e.start, "end": e.end, "page": e.page} for e in items]


def build_graph(transfers: tuple[Transfer, ...], recipients: tuple[Recipient, ...], *,
                flowdown: Collection[str] = (), eea: Collection[str] = ()) -> nx.DiGraph:
    """``flowdown``: the tools the document binds its sub-processors to, which cover a
    sub-processor's transfers that state no tool of their own."""
    graph = nx.DiGraph()
    graph.add_node(CUSTOMER, kind="party", role="controller", label="Customer (controller)")
    graph.add_node(VENDOR, kind="party", role="vendor", label="Vendor")
    graph.add_edge(CUSTOMER, VENDOR, kind="engages", mechanisms=[], evidence=[])
    by_name = {r.name.casefold(): f"party:{r.name}" for r in recipients if not r.engaged_by}
    for recipient in recipients:
        node = f"party:{recipient.name}"
        parent = _parent(graph, recipient, by_name)
        graph.add_node(node, kind="party", role=recipient.role, label=recipient.name, purpose=recipient.purpose)
        graph.add_edge(parent, node, kind="engages", mechanisms=[], evidence=_evidence(recipient.evidence))
        onward = parent != VENDOR
        for code in recipient.locations:
            transfer = next((t for t in transfers if t.destination == code), None)
            if recipient.mechanisms:
                mechanisms, source = list(recipient.mechanisms), "recipient"
            elif flowdown:
                mechanisms, source = sorted(flowdown), "sub-processor terms"
            elif transfer is not None and not onward:
                mechanisms, source = list(transfer.mechanisms), "document"
            else:
                mechanisms, source = [], ""
            _country(graph, code, eea, transfer)
            graph.add_edge(node, f"country:{code}", kind="transfer", mechanisms=mechanisms, mechanisms_from=source,
                           evidence=_evidence(recipient.evidence))
    for transfer in transfers:
        node = _country(graph, transfer.destination, eea, transfer)
        if graph.in_degree(node) == 0:
            graph.add_edge(VENDOR, node, kind="transfer", mechanisms=list(transfer.mechanisms),
                           mechanisms_from="document" if transfer.mechanisms else "",
                           evidence=_evidence(transfer.evidence))
    return graph


def _parent(graph: nx.DiGraph, recipient: Recipient, by_name: dict[str, str]) -> str:
    """Who passes data to ``recipient``: the recipient it names as engaging it, all
    sub-processors, or the vendor (also when the named one is not in the document)."""
    named = recipient.engaged_by.strip()
    if not named:
        return VENDOR
    if named == ALL_SUBPROCESSORS:
        node = f"party:{ALL_SUBPROCESSORS}"
        if node not in graph:
            graph.add_node(node, kind="party", role="subprocessor", label="Sub-processors (all)", purpose="")
            graph.add_edge(VENDOR, node, kind="engages", mechanisms=[], evidence=[])
        return node
    parent = by_name.get(named.casefold(), VENDOR)
    return VENDOR if parent == f"party:{recipient.name}" else parent


def _country(graph: nx.DiGraph, code: str, eea: Collection[str], transfer: Transfer | None) -> str:
    node = f"country:{code}"
    if node not in graph:
        graph.add_node(node, kind="country", label=code, eea=code in eea,
                       adequate=bool(transfer and transfer.adequate))
    return node


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
