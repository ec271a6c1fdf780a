"""The JSON report: the fields of shared/eval/CONTRACT.md and everything behind them.

The shape is versioned by ``report_format`` (semver): fields are only ever added in a
minor version; renaming or removing one is a major version.
"""

from __future__ import annotations

from typing import Any

import pycountry

from dpcheck.flows.graph import to_node_link
from dpcheck.models import DocumentReport, Evidence, Finding, Mention, PolicyRef, Report, tally
from dpcheck.report.questions import vendor_questions

# The mention kinds a report shows (sub-processor notice, with its period in days as detail, and
# objection since 1.2; the breach notification limit, in hours, since 1.6: a vendor's documents and two
# versions are compared on them); the others are working notes that only the internal format
# (dpcheck.serialize) carries.
REPORTED_MENTIONS = ("mechanism", "destination", "subprocessor_notice", "subprocessor_objection", "breach_limit")


def breach_limit(doc: DocumentReport) -> Mention | None:
    """The shortest time limit the document gives to report a personal data breach (Art. 33(2) GDPR), with its
    sentence; None where it states none."""
    limits = [m for m in doc.mentions if m.kind == "breach_limit" and m.detail.isdigit()]
    return min(limits, key=lambda m: int(m.detail), default=None)


def _evidence(e: Evidence) -> dict[str, Any]:
    return {
        "quote": e.quote,
        "page": e.page,
        "start": e.start,
        "end": e.end,
        "section": list(e.section),
        "reason": e.reason,
    }


def _country_name(code: str) -> str | None:
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or getattr(country, "name", None)


def _policy(ref: PolicyRef) -> dict[str, str]:
    return {"name": ref.name, "path": ref.path, "sha256": ref.sha256}


def _finding(f: Finding, *, policy: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "rule_id": f.rule_id,
        "title": f.title,
        "article": f.article,
        "severity": f.severity,
        "core": f.core,
        "message": f.message,
        "question": f.question,
        "evidence": [_evidence(e) for e in f.evidence],
    }
    # Without a policy the report keeps the shape it had before policies existed.
    if policy:
        out["origin"] = f.origin
        out["original_severity"] = f.original_severity
        out["accepted"] = f.accepted
        out["acceptance"] = (
            None
            if f.acceptance is None
            else {
                "justification": f.acceptance.justification,
                "expires": f.acceptance.expires,
                "expired": f.acceptance.expired,
                "approved_by": f.acceptance.approved_by,
                "ticket": f.acceptance.ticket,
            }
        )
    return out


def document_to_dict(doc: DocumentReport, *, graph: bool = True) -> dict[str, Any]:
    """One document as JSON data; ``graph``: with its data-flow graph (node-link)."""
    out: dict[str, Any] = {"path": doc.path, "status": doc.status}
    if doc.error is not None:
        out["error"] = {"code": doc.error.code, "message": doc.error.message}
    out.update(
        {
            "vendor": None
            if doc.vendor is None
            else {"name": doc.vendor.value, "evidence": _evidence(doc.vendor.evidence)},
            "amends": None
            if doc.amends is None
            else {
                "name": doc.amends.value,
                "dpa": doc.amends.detail == "dpa",
                "evidence": _evidence(doc.amends.evidence),
            },
            "doc_type": doc.doc_type,
            "language": doc.language,
            "format": doc.format,
            "pages": doc.pages,
            "characters": doc.characters,
            "partial": doc.partial,
            "warnings": list(doc.warnings),
            "rating": doc.rating,
            "rated": doc.rated,
            "mechanisms": list(doc.mechanisms),
            "transfers": [
                {
                    "destination": t.destination,
                    "country": _country_name(t.destination),
                    "mechanisms": list(t.mechanisms),
                    "adequate": t.adequate,
                    "recipients": list(t.recipients),
                    "evidence": [_evidence(e) for e in t.evidence],
                }
                for t in doc.transfers
            ],
            "recipients": [
                {
                    "name": r.name,
                    "role": r.role,
                    "purpose": r.purpose,
                    "locations": list(r.locations),
                    "engaged_by": r.engaged_by,
                    "mechanisms": list(r.mechanisms),
                    "evidence": [_evidence(e) for e in r.evidence],
                }
                for r in doc.recipients
            ],
            "transfer_paths": [
                {
                    "parties": list(p.parties),
                    "country": p.country,
                    "covered": p.covered,
                    "basis": p.basis,
                    "reason": p.reason,
                    "onward": p.onward,
                    "mechanisms": list(p.mechanisms),
                    "evidence": [_evidence(e) for e in p.evidence],
                }
                for p in doc.paths
            ],
            "questions": vendor_questions(doc),
            "findings": [_finding(f, policy=doc.policy is not None) for f in doc.findings],
            "art28_checklist": [
                {
                    "element": i.element,
                    "article": i.article,
                    "status": i.status,
                    "note": i.note,
                    "evidence": [_evidence(e) for e in i.evidence],
                }
                for i in doc.checklist
            ],
            "mentions": [
                {
                    "kind": m.kind,
                    "value": m.value,
                    "relied_upon": m.relied_upon,
                    "detail": m.detail,
                    "role": m.role,
                    "evidence": _evidence(m.evidence),
                }
                for m in doc.mentions
                if m.kind in REPORTED_MENTIONS
            ],
        }
    )
    if doc.policy is not None:
        out["policy"] = _policy(doc.policy)
        out["ruleset_rating"] = doc.ruleset_rating
    if graph and doc.flow is not None:
        out["graph"] = to_node_link(doc.flow)
    return out


def report_to_dict(report: Report, *, graph: bool = True) -> dict[str, Any]:
    return {
        "tool": "dpcheck",
        "tool_version": report.tool_version,
        "report_format": report.report_format,
        "ruleset_version": report.ruleset_version,
        "law_as_of": report.law_as_of,
        "facts_as_of": report.facts_as_of,
        **({"policy": _policy(report.policy)} if report.policy is not None else {}),
        "summary": summary(report),
        "documents": [document_to_dict(d, graph=graph) for d in report.documents],
        "skipped": [{"path": s.path, "reason": s.reason, "detail": s.detail} for s in report.skipped],
    }


def summary(report: Report) -> dict[str, Any]:
    """Counts for the batch: documents read (``ok``) and rated, not rated (sub-processor lists that are not
    red: :func:`dpcheck.models.tally`), read only in part, errors by code — an unreadable document
    is counted as an error, never among the ratings — and files of the folders left out, by reason."""
    counts: dict[str, Any] = {
        "documents": len(report.documents),
        "ok": 0,
        "red": 0,
        "yellow": 0,
        "green": 0,
        "not_rated": 0,
        "partial": 0,
        "errors": 0,
        "errors_by_code": {},
        "skipped": len(report.skipped),
        "skipped_by_reason": {},
    }
    for skipped in report.skipped:
        counts["skipped_by_reason"][skipped.reason] = counts["skipped_by_reason"].get(skipped.reason, 0) + 1
    counts["skipped_by_reason"] = dict(sorted(counts["skipped_by_reason"].items()))
    for doc in report.documents:
        counts[tally(doc)] += 1
        if doc.status == "error":
            code = doc.error.code if doc.error is not None else "unknown"
            counts["errors_by_code"][code] = counts["errors_by_code"].get(code, 0) + 1
        else:
            counts["ok"] += 1
            counts["partial"] += doc.partial
    counts["errors_by_code"] = dict(sorted(counts["errors_by_code"].items()))
    return counts
