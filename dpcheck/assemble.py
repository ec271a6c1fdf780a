"""Assemble: what the stages found about one document, gathered into its frozen report."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dpcheck.models import DataFlow, DocumentReport, Rating

if TYPE_CHECKING:
    from dpcheck.checks import Checked
    from dpcheck.extract import Extraction
    from dpcheck.ingest.document import Document


def assemble(
    document: Document,
    *,
    path: str,
    language: str,
    extraction: Extraction,
    flow: DataFlow,
    checked: Checked,
    rating: Rating,
) -> DocumentReport:
    return DocumentReport(
        path=path,
        status="ok",
        doc_type=extraction.doc_type,
        language=language,
        format=document.format,
        mechanisms=tuple(sorted(extraction.relied_mechanisms)),
        mentions=extraction.mentions,
        findings=checked.findings,
        rating=rating,
        pages=document.page_count,
        characters=len(document.text),
        checklist=checked.checklist,
        partial=document.partial,
        warnings=document.warnings,
        flow=flow,
        vendor=extraction.vendor,
        amends=extraction.amends,
    )


def fail_closed(report: DocumentReport) -> DocumentReport:
    """A document read only in part is never green, whatever the rules or the buyer's policy
    say: the lost part may hold the terms that matter."""
    return replace(report, rating="yellow") if report.partial and report.rating == "green" else report
