"""A vendor report for the terminal: the rating and why, the documents, where data goes and to whom,
the contradictions with both sides quoted, the agreement's findings, the changes, and the questions."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

import click

from dpcheck.report.diff_text import render_comparison_lines
from dpcheck.report.questions import CHECK_MARK, SEVERITY_MARK
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

COLOURS = {"red": "red", "yellow": "yellow", "green": "green"}
WIDTH = 100


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")


def _quote(text: str, width: int = 220) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def render_vendor(report: VendorReport, *, colour: bool = False) -> str:
    style = (lambda s, **kw: click.style(s, **kw)) if colour else (lambda s, **kw: s)
    lines = [
        f"{style(report.rating.upper(), fg=COLOURS[report.rating], bold=True)}  {report.name}  "
        f"[vendor, {report.folder}]"
    ]
    lines.append("    Rating (the DPA first; other documents and contradictions can only make it worse):")
    lines.extend(line for reason in report.rating_reasons for line in _wrap("- " + reason, "      "))
    lines.append("    Documents:")
    for d in report.documents:
        day = d.date.isoformat() if d.date else "undated"
        lines.append(f"      {d.path}  [{ROLE_LABELS.get(d.role, d.role)}, {day}]  {document_state(d)}")
    lines.append(
        "    Destinations outside the EEA:"
        if report.destinations
        else "    Destinations outside the EEA: none disclosed"
    )
    for dest in report.destinations:
        tools = ", ".join(dest.mechanisms) or "no transfer tool named"
        to = f" — to {', '.join(dest.recipients)}" if dest.recipients else ""
        lines.extend(_wrap(f"{country_label(dest.country)}: {tools}{to} ({', '.join(dest.documents)})", "      "))
    lines.append(
        "    Sub-processors and other recipients:"
        if report.subprocessors
        else "    Sub-processors and other recipients: none named"
    )
    for s in report.subprocessors:
        where = ", ".join(s.countries) or "no country named"
        what = f", {'; '.join(s.purposes)}" if s.purposes else ""
        tools = f" [{', '.join(s.mechanisms)}]" if s.mechanisms else ""
        lines.extend(
            _wrap(f"{s.name} ({'/'.join(s.roles)}): {where}{what}{tools} — {', '.join(s.documents)}", "      ")
        )
    if report.onward:
        lines.append("    Onward transfers:")
        for hop in report.onward:
            state = f"covered ({hop.basis})" if hop.covered else f"NOT covered: {hop.basis}"
            lines.extend(_wrap(f"{' → '.join((*hop.parties, hop.country))}: {state} ({hop.document})", "      "))
    if report.findings:
        lines.append("    Across the documents:")
    for f in report.findings:
        lines.append(
            f"      {style(SEVERITY_MARK[f.severity] + ' ' + f.severity.upper(), fg='red' if f.severity == 'high' else 'yellow')}"
            f"  {f.rule_id}  ({f.article})"
        )
        lines.extend(_wrap(f.message, "          "))
        for side in f.sides:
            lines.extend(_wrap(f"{side.document} ({ROLE_LABELS.get(side.role, side.role)}) {side.says}:", "          "))
            for e in side.quotes[:SHOWN]:
                lines.append(f'            › "{_quote(e.quote)}"')
    for agreement in report.agreements:
        lines.append(
            f"    The DPA read with its annexes: {agreement.name}  [{agreement.report.rating if agreement.report.ok else 'error'}]"
        )
        if agreement.report.checklist:
            marks = "  ".join(
                f"{CHECK_MARK[i.status]} {i.element.replace('_', ' ')}" for i in agreement.report.checklist
            )
            lines.extend(_wrap("Art. 28: " + marks, "      "))
        for placed in agreement_findings(agreement):
            finding = placed.finding
            accepted = " ACCEPTED" if finding.accepted else ""
            core = " core" if finding.core else ""
            lines.append(
                f"      {SEVERITY_MARK[finding.severity]} {finding.severity.upper()}{core}{accepted}"
                f"  {finding.rule_id}  ({finding.article})"
            )
            lines.extend(_wrap(finding.message, "          "))
            for q in placed.quotes[:SHOWN]:
                lines.append(f'            › "{_quote(q.evidence.quote)}"')
                lines.append(f"              ({quote_place(q)})")
    if report.changes:
        lines.append("    What changed between the dated versions:")
        for comparison in report.changes:
            lines.extend(render_comparison_lines(comparison, indent="      "))
    lines.append(
        f"    Questions to send the vendor ({len(report.questions)}):"
        if report.questions
        else "    Questions to send the vendor: none"
    )
    for question in report.questions:
        lines.extend(_wrap(f"{question.number}. {question.text}", "      "))
    lines.append("")
    lines.append(summary_line(report))
    return "\n".join(lines)


def render_vendors_text(reports: Iterable[VendorReport], *, colour: bool = False) -> str:
    return "\n\n".join(render_vendor(r, colour=colour) for r in reports) + "\n"
