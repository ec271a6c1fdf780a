"""A vendor report as one self-contained HTML page (inline CSS and SVG, no script, every quote
escaped), with the data flow of each agreement as read together."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from dpcheck.report.diff_html import DIFF_STYLE, comparison_html
from dpcheck.report.html import CSP, STYLE
from dpcheck.report.questions import CHECK_MARK
from dpcheck.report.svg import render_graph_svg
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

VENDOR_STYLE = ".side{margin:.4rem 0 .8rem} .side p{margin:.2rem 0}"


def _table(head: list[str], rows: Iterable[list[str]]) -> str:
    return (
        "<table><thead><tr>"
        + "".join(f"<th>{escape(h)}</th>" for h in head)
        + "</tr></thead><tbody>"
        + "".join("<tr>" + "".join(f"<td>{escape(c) or '–'}</td>" for c in row) + "</tr>" for row in rows)
        + "</tbody></table>"
    )


def vendor_section(report: VendorReport, index: int) -> str:
    parts = [
        f'<section id="vendor-{index}"><h1>{escape(report.name)} '
        f'<span class="rating {report.rating}">{report.rating}</span></h1>',
        f'<p class="meta">{escape(summary_line(report))}</p>',
        "<h2>Why this rating (the DPA first)</h2><ul>"
        + "".join(f"<li>{escape(r)}</li>" for r in report.rating_reasons)
        + "</ul>",
        "<h2>Documents</h2>"
        + _table(
            ["Document", "Role", "Date", "How it counts"],
            (
                [d.path, ROLE_LABELS.get(d.role, d.role), d.date.isoformat() if d.date else "", document_state(d)]
                for d in report.documents
            ),
        ),
    ]
    parts.append(
        "<h2>Destinations outside the EEA</h2>"
        + (
            _table(
                ["Country", "Transfer tools", "Recipients", "Said in"],
                (
                    [country_label(d.country), ", ".join(d.mechanisms), ", ".join(d.recipients), ", ".join(d.documents)]
                    for d in report.destinations
                ),
            )
            if report.destinations
            else "<p>None disclosed.</p>"
        )
    )
    parts.append(
        "<h2>Sub-processors and other recipients</h2>"
        + (
            _table(
                ["Recipient", "Role", "Countries", "Purpose", "Tools", "Named in"],
                (
                    [
                        s.name,
                        "/".join(s.roles),
                        ", ".join(s.countries),
                        "; ".join(s.purposes),
                        ", ".join(s.mechanisms),
                        ", ".join(s.documents),
                    ]
                    for s in report.subprocessors
                ),
            )
            if report.subprocessors
            else "<p>None named.</p>"
        )
    )
    if report.onward:
        parts.append(
            '<h2>Onward transfers</h2><ul class="paths">'
            + "".join(
                f'<li class="{"covered" if h.covered else "uncovered"}">{"✓" if h.covered else "✗"} '
                f"{escape(' → '.join((*h.parties, h.country)))} — {escape(h.basis)}</li>"
                for h in report.onward
            )
            + "</ul>"
        )
    parts.append("<h2>Across the documents</h2>")
    if not report.findings:
        parts.append("<p>No contradictions between the documents.</p>")
    for f in report.findings:
        parts.append(
            f'<div class="finding {escape(f.severity)}"><p><span class="sev">{escape(f.severity)}</span> '
            f'<span class="rule">{escape(f.rule_id)}</span> — <strong>{escape(f.title)}</strong> '
            f"<em>({escape(f.article)})</em></p><p>{escape(f.message)}</p>"
        )
        for side in f.sides:
            parts.append(
                f'<div class="side"><p><strong>{escape(side.document)}</strong> '
                f"({escape(ROLE_LABELS.get(side.role, side.role))}) {escape(side.says)}:</p>"
                + "".join(f"<blockquote>{escape(e.quote)}</blockquote>" for e in side.quotes[:SHOWN])
                + "</div>"
            )
        parts.append(f'<p class="ask">Ask the vendor: {escape(f.question)}</p></div>')
    for i, agreement in enumerate(report.agreements, 1):
        rating = agreement.report.rating if agreement.report.ok else "error"
        parts.append(
            f"<h2>The DPA read with its annexes: {escape(agreement.name)} "
            f'<span class="rating {rating}">{rating}</span></h2>'
        )
        if agreement.report.flow is not None:
            parts.append(
                render_graph_svg(agreement.report.flow, title=f"Data flow of {agreement.name}", ident=f"v{index}a{i}")
            )
        if agreement.report.checklist:
            parts.append(
                '<table class="checklist"><thead><tr><th>Art. 28 element</th><th>Status</th></tr></thead><tbody>'
                + "".join(
                    f'<tr class="{item.status}"><td>{escape(item.element.replace("_", " "))}</td>'
                    f"<td>{CHECK_MARK[item.status]} {escape(item.status)}"
                    f"{escape(': ' + item.note) if item.status == 'weakened' else ''}</td></tr>"
                    for item in agreement.report.checklist
                )
                + "</tbody></table>"
            )
        for placed in agreement_findings(agreement):
            finding = placed.finding
            parts.append(
                f'<div class="finding {escape(finding.severity)}"><p>'
                f'<span class="sev">{escape(finding.severity)}{" · core" if finding.core else ""}</span> '
                f'<span class="rule">{escape(finding.rule_id)}</span> — '
                f"{escape(finding.message)}</p>"
                + "".join(
                    f"<blockquote>{escape(q.evidence.quote)}<cite>{escape(quote_place(q))}</cite></blockquote>"
                    for q in placed.quotes[:SHOWN]
                )
                + "</div>"
            )
    if report.changes:
        parts.append("<h2>What changed between the dated versions</h2>")
        for comparison in report.changes:
            parts.extend(comparison_html(comparison, level=3))
    parts.append(f"<h2>Questions to send the vendor ({len(report.questions)})</h2>")
    parts.append(
        '<ol class="questions">' + "".join(f"<li>{escape(q.text)}</li>" for q in report.questions) + "</ol>"
        if report.questions
        else "<p>None.</p>"
    )
    parts.append("</section>")
    return "\n".join(parts)


def render_vendors_html(reports: Iterable[VendorReport]) -> str:
    reports = list(reports)
    title = "dpcheck vendor report" + (f": {reports[0].name}" if len(reports) == 1 else "s")
    body = "\n".join(vendor_section(r, i) for i, r in enumerate(reports, 1))
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}{DIFF_STYLE}{VENDOR_STYLE}</style></head>\n<body>\n{body}\n"
        "</body></html>\n"
    )
