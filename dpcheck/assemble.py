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
    """A document read only in part, or one dpcheck does not rate on its own (a sub-processor list:
    an annex, judged with its DPA), is never green, whatever the rules or the buyer's policy say: the
    lost part, or the agreement not read with it, may hold the terms that matter. Yellow says it needs
    reading; a red one stays red. The rating by the rules alone beside a policy's is held to it too."""
    if report.rated and not report.partial:
        return report
    return replace(
        report,
        rating="yellow" if report.rating == "green" else report.rating,
        ruleset_rating="yellow" if report.ruleset_rating == "green" else report.ruleset_rating,
    )
