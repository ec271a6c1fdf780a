"""A vendor report as JSON (``dpcheck vendor --format json``; schema: ``dpcheck schema --of vendor``).

Versioned by ``vendor_format`` (semver, fields only added in a minor version). Each document's own
report is embedded in the document report's format (``report_format``), and so is each agreement's
joined reading, whose every quote carries the ``document`` it is in, with offsets and page of that
document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from dpcheck.models import Evidence
from dpcheck.report.diff_json import comparison_to_dict
from dpcheck.report.json import document_to_dict
from dpcheck.report.questions import rating_label
from dpcheck.vendor.model import Agreement, Quote, Side, VendorDocument, VendorReport
from dpcheck.version import REPORT_FORMAT

_EVIDENCE_KEYS = {"quote", "start", "end", "page", "section", "reason"}


def evidence_to_dict(e: Evidence) -> dict[str, Any]:
    return {
        "quote": e.quote,
        "page": e.page,
        "start": e.start,
        "end": e.end,
        "section": list(e.section),
        "reason": e.reason,
    }


def quote_to_dict(q: Quote) -> dict[str, Any]:
    return {"document": q.document, **evidence_to_dict(q.evidence)}


def _quotes(quotes: Iterable[Quote]) -> list[dict[str, Any]]:
    return [quote_to_dict(q) for q in quotes]


def _side(s: Side) -> dict[str, Any]:
    return {
        "document": s.document,
        "role": s.role,
        "says": s.says,
        "quotes": [{"document": s.document, **evidence_to_dict(e)} for e in s.quotes],
    }


def _document(d: VendorDocument, *, graph: bool) -> dict[str, Any]:
    return {
        "path": d.path,
        "role": d.role,
        "date": d.date.isoformat() if d.date else None,
        "url": d.url,
        "sha256": d.sha256,
        "current": d.current,
        "joined_to": d.joined_to,
        "reason": d.reason,
        "rating": rating_label(d.report),
        "report": document_to_dict(d.report, graph=graph),
    }


def _agreement(a: Agreement, *, graph: bool) -> dict[str, Any]:
    report = document_to_dict(a.report, graph=graph)
    _place(report, a)
    return {
        "name": a.name,
        "dpa": a.dpa,
        "annexes": list(a.annexes),
        "rating": rating_label(a.report),
        "report": report,
    }


def _place(data: Any, agreement: Agreement) -> None:
    """Every quote of an agreement's joined reading, placed in the document it comes from."""
    if isinstance(data, list):
        for item in data:
            _place(item, agreement)
    elif isinstance(data, dict):
        if _EVIDENCE_KEYS <= data.keys():
            quote = agreement.quote(
                Evidence(
                    data["quote"], data["start"], data["end"], data["page"], tuple(data["section"]), data["reason"]
                )
            )
            data.update(quote_to_dict(quote))
            return
        for value in data.values():
            _place(value, agreement)


def vendor_to_dict(report: VendorReport, *, graph: bool = False) -> dict[str, Any]:
    """``graph``: with each document's data-flow graph (node-link)."""
    return {
        "tool": "dpcheck",
        "tool_version": report.tool_version,
        "vendor_format": report.vendor_format,
        "report_format": REPORT_FORMAT,
        "ruleset_version": report.ruleset_version,
        "law_as_of": report.law_as_of,
        "facts_as_of": report.facts_as_of,
        "vendor": {"name": report.name, "source": report.source, "folder": report.folder},
        "rating": report.rating,
        "rating_reasons": list(report.rating_reasons),
        "destinations": [
            {
                "country": d.country,
                "adequate": d.adequate,
                "mechanisms": list(d.mechanisms),
                "recipients": list(d.recipients),
                "documents": list(d.documents),
                "quotes": _quotes(d.quotes),
            }
            for d in report.destinations
        ],
        "subprocessors": [
            {
                "name": s.name,
                "roles": list(s.roles),
                "countries": list(s.countries),
                "purposes": list(s.purposes),
                "mechanisms": list(s.mechanisms),
                "documents": list(s.documents),
                "quotes": _quotes(s.quotes),
            }
            for s in report.subprocessors
        ],
        "onward": [
            {
                "parties": list(h.parties),
                "country": h.country,
                "covered": h.covered,
                "basis": h.basis,
                "document": h.document,
                "quotes": _quotes(h.quotes),
            }
            for h in report.onward
        ],
        "findings": [
            {
                "rule_id": f.rule_id,
                "title": f.title,
                "article": f.article,
                "severity": f.severity,
                "message": f.message,
                "question": f.question,
                "sides": [_side(s) for s in f.sides],
            }
            for f in report.findings
        ],
        "questions": [
            {"number": q.number, "text": q.text, "rules": list(q.rules), "documents": list(q.documents)}
            for q in report.questions
        ],
        "changes": [comparison_to_dict(c) for c in report.changes],
        "agreements": [_agreement(a, graph=graph) for a in report.agreements],
        "documents": [_document(d, graph=graph) for d in report.documents],
    }


def render_vendor_json(reports: Iterable[VendorReport], *, graph: bool = False) -> str:
    """One vendor: its report object; several: ``{"vendors": [...]}``."""
    data = [vendor_to_dict(r, graph=graph) for r in reports]
    return json.dumps(data[0] if len(data) == 1 else {"vendors": data}, ensure_ascii=False, indent=2) + "\n"
