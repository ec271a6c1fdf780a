"""CSV for spreadsheets: one row per finding, and one row for each document without findings;
each row names the document's vendor (and the agreement it amends) beside its path.

Findings come in the order of the other formats: those that make the rating, most severe first.
A document with no findings, or one that could not be read, still gets a row (with its
status and error code) so that filtering a spreadsheet never hides a document. Control
characters in cells are made visible (a newline in a file name cannot start a row of its own).
"""

from __future__ import annotations

import csv
import io

from dpcheck.models import DocumentReport, Evidence, Finding, Report
from dpcheck.report.questions import acceptance_note, rating_label
from dpcheck.report.quotes import ordered
from dpcheck.report.safe import visible

COLUMNS = (
    "path",
    "vendor",
    "status",
    "error_code",
    "error",
    "doc_type",
    "amends",
    "language",
    "rating",
    "rule_id",
    "article",
    "severity",
    "core",
    "title",
    "countries",
    "mechanisms",
    "quote",
    "page",
    "section",
    "start",
    "end",
    "evidence_count",
    "message",
    "question",
    "origin",
    "accepted",
    "acceptance",
    "partial",
    "warnings",
    "rated",
)

# Spreadsheets run a cell that starts with one of these as a formula; a vendor's text must
# never be able to do that (OWASP "CSV injection"), so such cells get a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else visible(str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def _document_cells(doc: DocumentReport) -> dict[str, object]:
    return {
        "path": doc.path,
        "vendor": doc.vendor.value if doc.vendor else "",
        "status": doc.status,
        "amends": doc.amends.value if doc.amends else "",
        "error_code": doc.error.code if doc.error else "",
        "error": doc.error.message if doc.error else "",
        "doc_type": doc.doc_type,
        "language": doc.language,
        "rating": rating_label(doc),
        "countries": "; ".join(t.destination for t in doc.transfers),
        "mechanisms": "; ".join(doc.mechanisms),
        "partial": "yes" if doc.partial else "",
        "warnings": "; ".join(doc.warnings),
        # Last, so that columns read by position before it stay where they were.
        "rated": "yes" if doc.rated else "",
    }


def _finding_cells(finding: Finding) -> dict[str, object]:
    first: Evidence | None = finding.evidence[0] if finding.evidence else None
    return {
        "rule_id": finding.rule_id,
        "article": finding.article,
        "severity": finding.severity,
        "core": "yes" if finding.core else "",
        "title": finding.title,
        "message": finding.message,
        "question": finding.question,
        "evidence_count": len(finding.evidence),
        "quote": " ".join(first.quote.split()) if first else "",
        "page": first.page if first else None,
        "section": " › ".join(first.section) if first else "",
        "start": first.start if first else None,
        "end": first.end if first else None,
        "origin": finding.origin,
        "accepted": "yes" if finding.accepted else "",
        "acceptance": acceptance_note(finding.acceptance) if finding.acceptance else "",
    }


def render_csv(report: Report) -> str:
    """The report as CSV text (RFC 4180: quoted where needed, CRLF line ends)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for doc in report.documents:
        base = _document_cells(doc)
        core, advice = ordered(doc.findings)
        rows = [{**base, **_finding_cells(f)} for f in (*core, *advice)] or [base]
        for row in rows:
            writer.writerow({column: _cell(row.get(column)) for column in COLUMNS})
    return out.getvalue()
