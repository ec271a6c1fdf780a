"""A vendor report in Markdown, for tickets and wikis: the rating and why, the documents, destinations,
recipients, contradictions with both sides quoted, the agreement's findings, changes and questions.
Document text is escaped as in :mod:`dpcheck.report.markdown`."""

from __future__ import annotations

from collections.abc import Iterable

from dpcheck.report.diff_markdown import comparison_markdown
from dpcheck.report.markdown import escape
from dpcheck.report.questions import CHECK_MARK
from dpcheck.report.vendor_words import (
    ROLE_LABELS,
    SHOWN,
    agreement_findings,
    country_label,
    document_state,
    quote_place,
    summary_line,
)
from dpcheck.vendor.model import VendorReport


def _cell(text: str) -> str:
    return escape(text) or "–"


def vendor_markdown(report: VendorReport) -> list[str]:
    lines = [
        f"# {escape(report.name)}: **{report.rating.upper()}**",
        "",
        f"*{escape(summary_line(report))}*",
        "",
        "## Why this rating (the DPA first)",
        "",
    ]
    lines += [f"- {escape(reason)}" for reason in report.rating_reasons]
    lines += ["", "## Documents", "", "| Document | Role | Date | How it counts |", "|---|---|---|---|"]
    lines += [
        f"| {_cell(d.path)} | {_cell(ROLE_LABELS.get(d.role, d.role))} | "
        f"{_cell(d.date.isoformat() if d.date else '')} | {_cell(document_state(d))} |"
        for d in report.documents
    ]
    lines += ["", "## Destinations outside the EEA", ""]
    if report.destinations:
        lines += ["| Country | Transfer tools | Recipients | Said in |", "|---|---|---|---|"]
        lines += [
            f"| {_cell(country_label(d.country))} | {_cell(', '.join(d.mechanisms))} | "
            f"{_cell(', '.join(d.recipients))} | {_cell(', '.join(d.documents))} |"
            for d in report.destinations
        ]
    else:
        lines.append("None disclosed.")
    lines += ["", "## Sub-processors and other recipients", ""]
    if report.subprocessors:
        lines += ["| Recipient | Role | Countries | Purpose | Tools | Named in |", "|---|---|---|---|---|---|"]
        lines += [
            f"| {_cell(s.name)} | {_cell('/'.join(s.roles))} | {_cell(', '.join(s.countries))} | "
            f"{_cell('; '.join(s.purposes))} | {_cell(', '.join(s.mechanisms))} | {_cell(', '.join(s.documents))} |"
            for s in report.subprocessors
        ]
    else:
        lines.append("None named.")
    if report.onward:
        lines += ["", "## Onward transfers", ""]
        lines += [
            f"- {escape(' → '.join((*h.parties, h.country)))}: "
            f"{escape('covered (' + h.basis + ')' if h.covered else 'not covered: ' + h.basis)}"
            for h in report.onward
        ]
    lines += ["", "## Across the documents", ""]
    if not report.findings:
        lines.append("No contradictions between the documents.")
    for f in report.findings:
        lines += [
            f"### {f.severity.upper()} · {escape(f.rule_id)}: {escape(f.title)}",
            "",
            f"{escape(f.message)} *({escape(f.article)})*",
            "",
        ]
        for side in f.sides:
            lines += [
                f"**{escape(side.document)}** ({escape(ROLE_LABELS.get(side.role, side.role))}) {escape(side.says)}:",
                "",
            ]
            lines += [f"> {escape(e.quote)}" for e in side.quotes[:SHOWN]]
            lines.append("")
    for agreement in report.agreements:
        rating = agreement.report.rating if agreement.report.ok else "error"
        lines += ["", f"## The DPA read with its annexes: {escape(agreement.name)} ({rating.upper()})", ""]
        if agreement.report.checklist:
            lines += ["| Art. 28 element | Status |", "|---|---|"]
            lines += [
                f"| {escape(i.element.replace('_', ' '))} | {CHECK_MARK[i.status]} {escape(i.status)}"
                f"{escape(': ' + i.note) if i.status == 'weakened' else ''} |"
                for i in agreement.report.checklist
            ]
            lines.append("")
        for placed in agreement_findings(agreement):
            finding = placed.finding
            core = " (core)" if finding.core else ""
            lines += [f"- **{finding.severity.upper()}{core}** {escape(finding.rule_id)}: {escape(finding.message)}"]
            lines += [f"  > {escape(q.evidence.quote)} — *{escape(quote_place(q))}*" for q in placed.quotes[:SHOWN]]
    if report.changes:
        lines += ["", "## What changed between the dated versions", ""]
        for comparison in report.changes:
            lines += comparison_markdown(comparison, level=3)
    lines += ["", f"## Questions to send the vendor ({len(report.questions)})", ""]
    lines += [f"{q.number}. {escape(q.text)}" for q in report.questions] or ["None."]
    return lines


def render_vendors_markdown(reports: Iterable[VendorReport]) -> str:
    return "\n\n".join("\n".join(vendor_markdown(r)) for r in reports) + "\n"
