"""One self-contained HTML report: inline CSS and SVG, no script, no external asset.

Every piece of document text is escaped (control characters made visible, markup escaped: see
:mod:`dpcheck.report.safe`), and a Content-Security-Policy forbids scripts and network loads, so
a hostile document cannot run code or call home from the report.
"""

from __future__ import annotations

from dpcheck.models import DocumentReport, Evidence, Finding, Report, tally
from dpcheck.report.json import breach_limit, summary
from dpcheck.report.questions import (
    CHECK_MARK,
    NO_VENDOR,
    acceptance_note,
    amends_note,
    document_title,
    evidence_place,
    rating_label,
    ratings_counted,
    skipped_listed,
    skipped_note,
    vendor_questions,
)
from dpcheck.report.quotes import excerpt, matched_phrases, more_quotes, ordered
from dpcheck.report.safe import html_text as escape
from dpcheck.report.svg import render_graph_svg

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
# Quotes shown per finding; the JSON report has them all.
MAX_QUOTES = 3

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;
  padding:0 1rem;color:#1d1d1f;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{margin-top:2.5rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
.meta{color:#555} table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #ddd;padding:.35rem .55rem;text-align:left;vertical-align:top} th{background:#f4f4f6}
.rating{display:inline-block;border-radius:.3rem;padding:.05rem .5rem;font-weight:700;color:#fff;
  text-transform:uppercase;font-size:.85rem}
.rating.red{background:#c0392b}.rating.yellow{background:#d4a017;color:#222}.rating.green{background:#2e8b57}
.rating.error{background:#6d214f}.rating.annex{background:#3c7ea6}
.finding{border-left:4px solid #ccc;padding:.2rem 1rem;margin:1rem 0;background:#fafafa}
.finding.high{border-color:#c0392b}.finding.medium{border-color:#d4a017}.finding.low,.finding.info{border-color:#3c7ea6}
.sev{font-weight:700;text-transform:uppercase;font-size:.8rem} .rule{font-family:ui-monospace,monospace}
blockquote{margin:.5rem 0;padding:.4rem .8rem;background:#fff;border:1px solid #e3e3e3;white-space:pre-wrap}
blockquote cite{display:block;color:#666;font-size:.85rem;font-style:normal;margin-top:.3rem;white-space:normal}
mark{background:#ffe08a;padding:0 .1rem} .ask{font-weight:600}
.questions li{margin:.3rem 0} .error-box{background:#fbeaea;border:1px solid #c0392b;padding:.6rem 1rem}
svg.graph{max-width:100%;height:auto;background:#fcfcfd;border:1px solid #e3e3e3;border-radius:.4rem}
svg.graph text{font:12px system-ui,sans-serif;fill:#1d1d1f}
svg.graph .node rect{stroke:#555;stroke-width:1;fill:#eef2f7}
svg.graph .node.controller rect{fill:#dfe9f5} svg.graph .node.vendor rect{fill:#cfe0f1}
svg.graph .node.country.adequate rect{fill:#d8f0df} svg.graph .node.country.third rect{fill:#fde9c8}
svg.graph .node.country.open rect{fill:#f8d3cf} svg.graph .node.country.eea rect{fill:#ffffff}
svg.graph .edge{fill:none;stroke:#888;stroke-width:1.4} svg.graph .edge.transfer{stroke:#555}
svg.graph .edge-label{font-size:11px;paint-order:stroke;stroke:#fcfcfd;stroke-width:4px}
svg.graph .edge-label.none{fill:#c0392b}
.paths li{margin:.2rem 0;list-style:none} .paths .uncovered{color:#a02c1f} .paths .covered{color:#1f6b43}
.checklist td{vertical-align:top;font-size:.9rem} .checklist .missing td:nth-child(3){color:#a02c1f}
.checklist .weakened td:nth-child(3){color:#8a5a00} .checklist .present td:nth-child(3){color:#1f6b43}
.finding.accepted{opacity:.75;border-style:dashed} .acceptance{font-style:italic;color:#444}
.legend span{display:inline-block;margin-right:1rem;font-size:.85rem}
.legend i{display:inline-block;width:.9rem;height:.9rem;border:1px solid #555;margin-right:.3rem;vertical-align:-2px}
"""


def _rating(doc: DocumentReport) -> str:
    counted = tally(doc)
    css = {"errors": "error", "not_rated": "annex"}.get(counted, counted)
    return f'<span class="rating {escape(css)}">{escape(rating_label(doc))}</span>'


def highlight(quote: str, phrases: list[str], width: int = 600) -> str:
    """``quote`` escaped and cut around its first match, with each phrase kept (case-insensitive) in
    ``<mark>``."""
    return excerpt(quote, phrases, width=width).render(escape, mark="<mark>{}</mark>")


def _where(e: Evidence) -> str:
    return escape(evidence_place(e))


def _overview(report: Report) -> str:
    rows = []
    for i, doc in enumerate(report.documents):
        countries = ", ".join(t.destination for t in doc.transfers) or "–"
        vendor = escape(doc.vendor.value) if doc.vendor is not None else "–"
        rows.append(
            f'<tr><td>{i + 1}</td><td><a href="#doc-{i + 1}">{escape(doc.path)}</a></td><td>{vendor}</td>'
            f"<td>{_rating(doc)}</td><td>{escape(doc.doc_type or '–')}</td>"
            f"<td>{escape(doc.language or '–')}</td><td>{escape(countries)}</td>"
            f"<td>{escape(', '.join(doc.mechanisms) or '–')}</td><td>{len(doc.findings)}</td></tr>"
        )
    return (
        '<table class="overview"><thead><tr><th>#</th><th>Document</th><th>Vendor</th><th>Rating</th><th>Type</th>'
        "<th>Language</th><th>Countries</th><th>Mechanisms</th><th>Findings</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def _findings(doc: DocumentReport) -> list[str]:
    parts = []
    core, advice = ordered(doc.findings)
    for heading, findings in (
        ("Findings that make the rating", core),
        ("Further advice (Art. 28 terms, transfer paths; not part of the rating)", advice),
    ):
        if findings:
            parts.append(f"<h3>{escape(heading)}</h3>")
        parts.extend(p for f in findings for p in _finding(f, doc))
    return parts


def _finding(f: Finding, doc: DocumentReport) -> list[str]:
    changed = f" (policy; was {f.original_severity})" if f.original_severity else ""
    changed += " · accepted" if f.accepted else ""
    parts = [
        f'<div class="finding {escape(f.severity)}{" accepted" if f.accepted else ""}">'
        f'<p><span class="sev">{escape(f.severity + changed)}</span> '
        f'<span class="rule">{escape(f.rule_id)}</span>'
        f" — <strong>{escape(f.title)}</strong> <em>({escape(f.article)})</em></p>"
        f"<p>{escape(f.message)}</p>"
    ]
    for e in f.evidence[:MAX_QUOTES]:
        why = f"; {escape(e.reason)}" if e.reason else ""
        parts.append(
            f"<blockquote>{highlight(e.quote, matched_phrases(e, doc))}<cite>{_where(e)}{why}</cite></blockquote>"
        )
    more = more_quotes(min(MAX_QUOTES, len(f.evidence)), len(f.evidence))
    if more:
        parts.append(f'<p class="more">{escape(more)}</p>')
    if f.acceptance is not None:
        parts.append(f'<p class="acceptance">{escape(acceptance_note(f.acceptance))}</p>')
    if not f.accepted:
        parts.append(f'<p class="ask">Ask the vendor: {escape(f.question)}</p>')
    parts.append("</div>")
    return parts


def _legend() -> str:
    items = [
        ("#dfe9f5", "customer / vendor"),
        ("#eef2f7", "sub-processor or affiliate"),
        ("#d8f0df", "adequate country"),
        ("#fde9c8", "third country"),
        ("#f8d3cf", "destination left open"),
        ("#ffffff", "in the EEA (no transfer)"),
    ]
    return (
        '<p class="legend">'
        + "".join(f'<span><i style="background:{c}"></i>{escape(t)}</span>' for c, t in items)
        + "</p>"
    )


def _checklist_quote(evidence: tuple[Evidence, ...]) -> str:
    if not evidence:
        return ""
    quote = evidence[0].quote if len(evidence[0].quote) <= 200 else evidence[0].quote[:199] + "…"
    return f'<q>{escape(quote)}</q> <span class="where">{_where(evidence[0])}</span>'


def _document(doc: DocumentReport, index: int) -> str:
    parts = [f'<section id="doc-{index + 1}"><h2>{index + 1}. {escape(document_title(doc))}</h2>']
    if doc.status == "error":
        assert doc.error is not None
        parts.append(
            f'<p>{_rating(doc)}</p><div class="error-box"><p><strong>{escape(doc.error.code)}</strong>: '
            f"{escape(doc.error.message)}</p><p>Not assessed: read this document yourself; "
            "it is not rated compliant.</p></div></section>"
        )
        return "".join(parts)
    parts.append(
        f'<p>{_rating(doc)} <span class="meta">{escape(doc.doc_type or "")} · {escape(doc.language or "")}'
        f" · {escape(doc.format or '')}</span></p>"
    )
    if doc.vendor is None:
        parts.append(f"<p>{escape(NO_VENDOR)}</p>")
    if doc.amends is not None:
        parts.append(f'<p class="amends">{escape(amends_note(doc))}</p>')
    if doc.partial:
        parts.append(
            '<div class="error-box partial"><p><strong>PARTIAL</strong>: part of this document could not '
            "be read, so it is not rated green.</p><ul>"
            + "".join(f"<li>{escape(w)}</li>" for w in doc.warnings)
            + "</ul></div>"
        )
    if doc.transfers:
        items = "".join(
            f"<li><strong>{escape(t.destination)}</strong>{' (adequate)' if t.adequate else ''}: "
            f"{escape(', '.join(t.mechanisms) or 'no mechanism named')}"
            f"{escape(' — to ' + ', '.join(t.recipients)) if t.recipients else ''}</li>"
            for t in doc.transfers
        )
        parts.append(f"<h3>Transfers</h3><ul>{items}</ul>")
    else:
        parts.append("<p>Transfers: none disclosed outside the EEA.</p>")
    parts.append(f"<p>Mechanisms relied on: {escape(', '.join(doc.mechanisms) or 'none')}</p>")
    if doc.rated and doc.ruleset_rating not in (None, doc.rating):
        parts.append(
            f"<p>{escape(doc.rating.upper())} by the policy; {escape((doc.ruleset_rating or '').upper())} "
            "by the GDPR rules alone</p>"
        )
    if doc.paths:
        items = "".join(
            f'<li class="{"covered" if p.covered else "uncovered"}">{"✓" if p.covered else "✗"} '
            f"{escape(p.render())} — {escape(p.basis if p.covered else p.reason)}</li>"
            for p in doc.paths
        )
        parts.append(f'<h3>Transfer paths</h3><ul class="paths">{items}</ul>')
    if doc.flow is not None:
        parts.append(
            "<h3>Data flow</h3>"
            + _legend()
            + render_graph_svg(doc.flow, title=f"Data flow of {doc.path}", ident=f"g{index + 1}")
        )
    if doc.checklist:
        rows = "".join(
            f'<tr class="{item.status}"><td>{escape(item.element)}</td><td>{escape(item.article)}</td>'
            f"<td>{CHECK_MARK[item.status]} {escape(item.status)}{escape(': ' + item.note) if item.note else ''}</td>"
            f"<td>{_checklist_quote(item.evidence)}</td></tr>"
            for item in doc.checklist
        )
        parts.append(
            '<h3>Art. 28 checklist</h3><table class="checklist"><thead><tr><th>Element</th><th>Article</th>'
            f"<th>Status</th><th>Evidence</th></tr></thead><tbody>{rows}</tbody></table>"
        )
        limit = breach_limit(doc)
        if limit is not None:
            parts.append(
                f"<p>Breach notification limit: <strong>{escape(limit.detail)} hours</strong>: "
                f"{_checklist_quote((limit.evidence,))}</p>"
            )
    parts.append("<h3>Findings</h3>")
    parts.extend(_findings(doc) or ["<p>No findings.</p>"])
    questions = vendor_questions(doc)
    if questions:
        parts.append(
            '<h3>Questions for the vendor</h3><ol class="questions">'
            + "".join(f"<li>{escape(q)}</li>" for q in questions)
            + "</ol>"
        )
    parts.append("</section>")
    return "".join(parts)


def render_html(report: Report) -> str:
    s = summary(report)
    head = (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>dpcheck report</title><style>{STYLE}</style></head><body>"
    )
    intro = (
        f'<h1>dpcheck report</h1><p class="meta">{s["documents"]} document(s): {escape(ratings_counted(s))}, '
        f"{s['errors']} unreadable"
        f"{escape('; ' + skipped_note(report)) if report.skipped else ''} · ruleset "
        f"{escape(report.ruleset_version)} · law as of {escape(report.law_as_of)} (legal facts recorded up to "
        f"{escape(report.facts_as_of)}) · dpcheck {escape(report.tool_version)}</p>"
    )
    body = [intro]
    if report.policy is not None:
        body.append(
            f'<p class="meta">Policy applied: {escape(report.policy.name)} ({escape(report.policy.path)}, '
            f"sha256 {escape(report.policy.sha256[:12])})</p>"
        )
    if report.documents:
        body.append("<h2>Overview</h2>" + _overview(report))
    else:
        body.append("<p>No documents were scanned.</p>")
    body.extend(_document(doc, i) for i, doc in enumerate(report.documents))
    listed, more = skipped_listed(report)
    if listed:
        body.append(
            '<h2>Skipped (not scanned)</h2><ul class="skipped">'
            + "".join(f"<li>{escape(k.path)}: {escape(k.detail)}</li>" for k in listed)
            + (f"<li>… and {more} more (the JSON report lists them all)</li>" if more else "")
            + "</ul>"
        )
    return head + "\n".join(body) + "\n</body></html>\n"
