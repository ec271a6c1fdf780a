"""A saved JSON report (``dpcheck scan --format json``) read back, to render it in another format
(``dpcheck render``) without scanning again.

The JSON report keeps everything the human formats show: findings with their evidence, the
Art. 28 checklist, transfers, recipients, transfer paths and (unless written with ``--no-graph``)
the data-flow graph. What it leaves out (working notes of extraction) no format shows either.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dpcheck.assemble import fail_closed
from dpcheck.models import (
    AMENDS,
    VENDOR,
    Acceptance,
    ChecklistItem,
    Country,
    DataFlow,
    DocumentReport,
    Evidence,
    Finding,
    Hop,
    Judgement,
    Mention,
    Party,
    PolicyRef,
    Recipient,
    Report,
    ScanError,
    Skipped,
    Transfer,
    TransferPath,
)


class ReportFormatError(ValueError):
    """The data is no JSON report of a ``report_format`` this version reads."""


def _evidence(e: Mapping[str, Any]) -> Evidence:
    return Evidence(e["quote"], e["start"], e["end"], e.get("page"), tuple(e.get("section", ())), e.get("reason", ""))


def _all(items: list[Mapping[str, Any]] | None) -> tuple[Evidence, ...]:
    return tuple(_evidence(e) for e in items or ())


def _policy(data: Mapping[str, Any] | None) -> PolicyRef | None:
    return None if data is None else PolicyRef(data["name"], data["path"], data["sha256"])


def _finding(f: Mapping[str, Any]) -> Finding:
    a = f.get("acceptance")
    acceptance = (
        None
        if a is None
        else Acceptance(
            a["justification"], a["expires"], a.get("expired", False), a.get("approved_by") or "", a.get("ticket") or ""
        )
    )
    return Finding(
        f["rule_id"],
        f["article"],
        f["severity"],
        f["title"],
        f["message"],
        f["question"],
        _all(f.get("evidence")),
        f.get("core", False),
        f.get("origin", "ruleset"),
        f.get("original_severity"),
        acceptance,
    )


def _flow(doc: Mapping[str, Any]) -> DataFlow:
    """The document's data flow: transfers, recipients and paths from their lists, parties,
    countries and hops from the node-link graph (empty when the report was written without it)."""
    graph = doc.get("graph") or {"nodes": [], "edges": []}
    parties, countries = [], []
    for node in graph["nodes"]:
        if node.get("kind") == "country":
            countries.append(Country(node["label"], node.get("eea", False), node.get("adequate", False)))
        else:
            parties.append(Party(node["id"], node["label"], node["role"], node.get("purpose")))
    hops = tuple(
        Hop(
            edge["source"],
            edge["target"],
            edge["kind"],
            tuple(edge.get("mechanisms", ())),
            edge.get("mechanisms_from", ""),
            _all([{**q, "section": (), "reason": ""} for q in edge.get("evidence", ())]),
            Judgement(edge["covered"], edge.get("basis", ""), "") if "covered" in edge else None,
        )
        for edge in _in_flow_order([n["id"] for n in graph["nodes"]], graph["edges"])
    )
    transfers = tuple(
        Transfer(
            t["destination"],
            tuple(t["mechanisms"]),
            tuple(t.get("recipients", ())),
            t.get("adequate", False),
            _all(t.get("evidence")),
        )
        for t in doc.get("transfers", ())
    )
    recipients = tuple(
        Recipient(
            r["name"],
            r["role"],
            r.get("purpose") or "",
            tuple(r.get("locations", ())),
            _all(r.get("evidence")),
            r.get("engaged_by") or "",
            tuple(r.get("mechanisms", ())),
        )
        for r in doc.get("recipients", ())
    )
    paths = tuple(
        TransferPath(
            tuple(p["parties"]),
            p["country"],
            p["covered"],
            p.get("basis", ""),
            p.get("reason", ""),
            p.get("onward", False),
            tuple(p.get("mechanisms", ())),
            _all(p.get("evidence")),
        )
        for p in doc.get("transfer_paths", ())
    )
    return DataFlow(tuple(parties), tuple(countries), hops, paths, transfers, recipients)


def _in_flow_order(nodes: list[str], edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The edges in an order that enters the nodes in ``nodes``' order: the graph lists edges by
    their source, and the flow's hops enter each node by the first edge to it."""
    queues: dict[str, list[dict[str, Any]]] = {}
    for edge in edges:
        queues.setdefault(edge["source"], []).append(edge)
    present = set(nodes[:1])
    expected = iter(nodes[1:])
    ordered: list[dict[str, Any]] = []
    upcoming = next(expected, None)
    while any(queues.values()):
        heads = [q for source, q in queues.items() if q and source in present]
        safe = next((q for q in heads if q[0]["target"] in present), None)
        chosen = safe or next((q for q in heads if q[0]["target"] == upcoming), None)
        if chosen is None:  # not a graph dpcheck wrote: keep the order as it is
            return [*ordered, *(e for q in queues.values() for e in q)]
        edge = chosen.pop(0)
        ordered.append(edge)
        if edge["target"] not in present:
            present.add(edge["target"])
            upcoming = next(expected, None)
    return ordered


def _named(kind: str, data: Mapping[str, Any] | None) -> Mention | None:
    """The vendor or the amended agreement of a report (null, or absent before report_format 1.5: none)."""
    if data is None:
        return None
    return Mention(kind, data["name"], _evidence(data["evidence"]), detail="dpa" if data.get("dpa") else "")


def document_from_dict(doc: Mapping[str, Any]) -> DocumentReport:
    error = doc.get("error")
    if doc["status"] == "error":
        assert error is not None
        return DocumentReport.failed(doc["path"], error["code"], error["message"])
    # A report written before report_format 1.8 may call a sub-processor list green: it is rendered as
    # one written now (never green), not as it was saved.
    return fail_closed(_read_document(doc))


def _read_document(doc: Mapping[str, Any]) -> DocumentReport:
    error = doc.get("error")
    return DocumentReport(
        path=doc["path"],
        status=doc["status"],
        doc_type=doc.get("doc_type"),
        language=doc.get("language"),
        format=doc.get("format"),
        mechanisms=tuple(doc.get("mechanisms", ())),
        mentions=tuple(
            Mention(
                m["kind"],
                m["value"],
                _evidence(m["evidence"]),
                m.get("relied_upon", True),
                m.get("detail", ""),
                m.get("role", ""),
            )
            for m in doc.get("mentions", ())
        ),
        findings=tuple(_finding(f) for f in doc.get("findings", ())),
        rating=doc["rating"],
        error=None if error is None else ScanError(error["code"], error["message"]),
        pages=doc.get("pages"),
        characters=doc.get("characters", 0),
        policy=_policy(doc.get("policy")),
        ruleset_rating=doc.get("ruleset_rating"),
        checklist=tuple(
            ChecklistItem(i["element"], i["article"], i["status"], _all(i.get("evidence")), i.get("note", ""))
            for i in doc.get("art28_checklist", ())
        ),
        partial=doc.get("partial", False),
        warnings=tuple(doc.get("warnings", ())),
        flow=_flow(doc),
        vendor=_named(VENDOR, doc.get("vendor")),
        amends=_named(AMENDS, doc.get("amends")),
    )


def report_from_dict(data: Mapping[str, Any], *, major: str) -> Report:
    """The report of JSON data; ``major``: the report format's major version this code writes (a report
    of another major version is refused: its fields may mean something else)."""
    if not isinstance(data, Mapping) or data.get("tool") != "dpcheck":
        raise ReportFormatError("this is no dpcheck JSON report (dpcheck scan --format json)")
    version = str(data.get("report_format", ""))
    if version.split(".")[0] != major:
        raise ReportFormatError(f"report_format {version or '?'} cannot be read by this version (it reads {major}.x)")
    try:
        documents = tuple(document_from_dict(d) for d in data["documents"])
    except (KeyError, TypeError, AssertionError) as exc:
        raise ReportFormatError(f"a document of the report lacks {exc}") from exc
    skipped = tuple(Skipped(s["path"], s["reason"], s.get("detail", "")) for s in data.get("skipped", ()))
    return Report(
        documents,
        data["tool_version"],
        data["ruleset_version"],
        data["law_as_of"],
        version,
        data.get("facts_as_of", ""),
        _policy(data.get("policy")),
        skipped,
    )
