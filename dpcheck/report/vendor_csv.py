"""A vendor report as CSV: one row per finding (the dossier's, its agreements', its documents' read
alone), each with the vendor and its rating; a vendor without findings still gets a row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from dpcheck.models import Evidence
from dpcheck.report.csv import _cell
from dpcheck.report.vendor_words import agreement_findings
from dpcheck.vendor.join import read_alone
from dpcheck.vendor.model import VendorReport

COLUMNS = (
    "vendor",
    "vendor_rating",
    "scope",
    "document",
    "role",
    "rule_id",
    "severity",
    "core",
    "title",
    "article",
    "message",
    "question",
    "quote",
    "quote_document",
    "page",
    "section",
    "start",
    "end",
)


def _quote(document: str, e: Evidence | None) -> dict[str, object]:
    if e is None:
        return {}
    return {
        "quote": " ".join(e.quote.split()),
        "quote_document": document,
        "page": e.page,
        "section": " › ".join(e.section),
        "start": e.start,
        "end": e.end,
    }


def _rows(report: VendorReport) -> Iterable[dict[str, object]]:
    base = {"vendor": report.name, "vendor_rating": report.rating}
    for f in report.findings:
        side = next((s for s in f.sides if s.quotes), None)
        yield {
            **base,
            "scope": "dossier",
            "document": "; ".join(dict.fromkeys(s.document for s in f.sides)),
            "rule_id": f.rule_id,
            "severity": f.severity,
            "core": "",
            "title": f.title,
            "article": f.article,
            "message": f.message,
            "question": f.question,
            **(_quote(side.document, side.quotes[0]) if side else {}),
        }
    for agreement in report.agreements:
        for placed in agreement_findings(agreement):
            finding = placed.finding
            first = placed.quotes[0] if placed.quotes else None
            yield {
                **base,
                "scope": "agreement",
                "document": agreement.name,
                "role": "dpa",
                "rule_id": finding.rule_id,
                "severity": finding.severity,
                "core": "yes" if finding.core else "",
                "title": finding.title,
                "article": finding.article,
                "message": finding.message,
                "question": finding.question,
                **(_quote(first.document, first.evidence) if first else {}),
            }
    for d in read_alone(report.documents):
        for finding in d.report.findings:
            yield {
                **base,
                "scope": "document",
                "document": d.path,
                "role": d.role,
                "rule_id": finding.rule_id,
                "severity": finding.severity,
                "core": "yes" if finding.core else "",
                "title": finding.title,
                "article": finding.article,
                "message": finding.message,
                "question": finding.question,
                **_quote(d.path, finding.evidence[0] if finding.evidence else None),
            }


def render_vendors_csv(reports: Iterable[VendorReport]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for report in reports:
        rows = list(_rows(report)) or [{"vendor": report.name, "vendor_rating": report.rating}]
        for row in rows:
            writer.writerow({column: _cell(row.get(column)) for column in COLUMNS})
    return out.getvalue()
