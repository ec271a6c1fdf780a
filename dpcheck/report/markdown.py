"""A readable Markdown report: an overview table, then each document's findings with quoted
evidence and the questions to send the vendor.

Document text is escaped: control characters are made visible (:func:`dpcheck.report.safe.visible`),
Markdown punctuation is backslash-escaped and ``<``, ``>``, ``&`` become entities, so a quote can neither format the page nor inject HTML into a renderer that
passes HTML through. Newlines inside quotes collapse to spaces.
"""

from __future__ import annotations

import re

from dpcheck.models import DocumentReport, Evidence, Finding, Report
from dpcheck.report.json import breach_limit, summary
from dpcheck.report.questions import (
    CHECK_MARK,
    NO_VENDOR,
    SEVERITY_MARK,
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
from dpcheck.report.safe import visible

# Quotes shown per finding; the JSON report has them all.
MAX_QUOTES = 3
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
# Characters that only mean something at the start of a line (headings, lists, quotes).
_LINE_START = re.compile(r"^([#+\-=]|\d+(?=[.)]))")


def escape(text: str, *, line_start: bool = False) -> str:
    """``text`` as literal Markdown on one line; ``line_start`` when it begins a line."""
    flat = visible(" ".join(text.split()))
    flat = _SPECIAL.sub(r"\\\1", flat)
    if line_start:
        flat = _defuse_line_start(flat)
    return flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _defuse_line_start(text: str) -> str:
    return _LINE_START.sub(lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit() else "\\" + m.group(1), text)


def _escape_part(text: str) -> str:
    """A piece of a quote escaped, keeping the spaces at its ends (they join it to the next piece)."""
    return (" " if text.startswith(" ") else "") + escape(text) + (" " if text.endswith(" ") and text.strip() else "")


def _quote(e: Evidence, doc: DocumentReport) -> str:
    """A quote cut around its matched words, which are in bold."""
    return _defuse_line_start(excerpt(e.quote, matched_phrases(e, doc), width=400).render(_escape_part, mark="**{}**"))


def _where(e: Evidence) -> str:
    return escape(evidence_place(e))


def _short(quote: str, limit: int = 160) -> str:
    return quote if len(quote) <= limit else quote[: limit - 1] + "…"


def _anchor(index: int) -> str:
    return f"doc-{index + 1}"


def _overview(report: Report) -> list[str]:
    lines = [
        "| # | Document | Vendor | Rating | Type | Language | Countries | Mechanisms | Findings |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for i, doc in enumerate(report.documents):
        countries = ", ".join(t.destination for t in doc.transfers) or "–"
        mechanisms = ", ".join(doc.mechanisms) or "–"
        vendor = escape(doc.vendor.value) if doc.vendor is not None else "–"
        lines.append(
            f"| {i + 1} | [{escape(doc.path)}](#{_anchor(i)}) | {vendor} | "
            f"**{escape(rating_label(doc).upper())}** | "
            f"{escape(doc.doc_type or '–')} | {escape(doc.language or '–')} | {escape(countries)} | "
            f"{escape(mechanisms)} | {len(doc.findings)} |"
        )
    return lines


def _document(doc: DocumentReport, index: int) -> list[str]:
    lines = [f'<a id="{_anchor(index)}"></a>', "", f"## {index + 1}. {escape(document_title(doc))}", ""]
    if doc.status == "error":
        assert doc.error is not None
        lines += [
            f"**ERROR** `{doc.error.code}`: {escape(doc.error.message)}",
            "",
            "Not assessed: read this document yourself; it is not rated compliant.",
            "",
        ]
        return lines
    lines += [
        f"**{escape(rating_label(doc).upper())}** · {escape(doc.doc_type or '')} · "
        f"{escape(doc.language or '')} · {escape(doc.format or '')}",
        "",
    ]
    if doc.vendor is None:
        lines += [NO_VENDOR, ""]
    if doc.amends is not None:
        lines += [escape(amends_note(doc), line_start=True), ""]
    if doc.partial:
        lines += ["**PARTIAL**: part of this document could not be read, so it is not rated green:", ""]
        lines += [f"- {escape(w)}" for w in doc.warnings]
        lines.append("")
    if doc.transfers:
        lines.append("Transfers:")
        lines.append("")
        for t in doc.transfers:
            mechanisms = ", ".join(t.mechanisms) or "no mechanism named"
            recipients = f" — to {escape(', '.join(t.recipients))}" if t.recipients else ""
            adequate = " (adequate)" if t.adequate else ""
            lines.append(f"- {escape(t.destination)}{adequate}: {escape(mechanisms)}{recipients}")
    else:
        lines.append("Transfers: none disclosed outside the EEA")
    lines += ["", f"Mechanisms relied on: {escape(', '.join(doc.mechanisms) or 'none')}", ""]
    if doc.rated and doc.ruleset_rating not in (None, doc.rating):
        lines += [
            f"{doc.rating.upper()} by the policy; {(doc.ruleset_rating or '').upper()} by the GDPR rules alone",
            "",
        ]
    if doc.paths:
        lines += ["Transfer paths:", ""]
        lines += [
            f"- {'✓' if p.covered else '✗'} {escape(p.render())} — {escape(p.basis if p.covered else p.reason)}"
            for p in doc.paths
        ]
        lines.append("")
    if doc.checklist:
        lines += ["### Art. 28 checklist", "", "| Element | Article | Status | Evidence |", "|---|---|---|---|"]
        for item in doc.checklist:
            status = CHECK_MARK[item.status] + " " + escape(item.status + (f": {item.note}" if item.note else ""))
            first = item.evidence[0] if item.evidence else None
            where = f"“{escape(_short(first.quote))}” ({_where(first)})" if first else ""
            lines.append(f"| {escape(item.element)} | {escape(item.article)} | {status} | {where} |")
        lines.append("")
        limit = breach_limit(doc)
        if limit is not None:
            quote = f"“{escape(_short(limit.evidence.quote))}” ({_where(limit.evidence)})"
            lines += [f"Breach notification limit: **{limit.detail} hours**: {quote}", ""]
    if not doc.findings:
        lines += ["No findings.", ""]
        return lines
    core, advice = ordered(doc.findings)
    for heading, findings in (
        ("### Findings that make the rating", core),
        ("### Further advice (Art. 28 terms, transfer paths; not part of the rating)", advice),
    ):
        if findings:
            lines += [heading, ""]
        for f in findings:
            lines += _finding(f, doc)
    questions = vendor_questions(doc)
    if questions:
        lines += ["### Questions for the vendor", ""]
        lines += [f"{n}. {escape(q, line_start=True)}" for n, q in enumerate(questions, 1)]
        lines.append("")
    return lines


def _finding(f: Finding, doc: DocumentReport) -> list[str]:
    changed = f" (policy; was {f.original_severity.upper()})" if f.original_severity else ""
    changed += " ACCEPTED" if f.accepted else ""
    heading = f"#### {SEVERITY_MARK[f.severity]} {f.severity.upper()}{changed} `{f.rule_id}` — {escape(f.title)}"
    lines = [heading, "", f"*{escape(f.article)}*", "", escape(f.message, line_start=True), ""]
    for e in f.evidence[:MAX_QUOTES]:
        why = f"; {escape(e.reason)}" if e.reason else ""
        lines += [f"> {_quote(e, doc)}", ">", f"> — {_where(e)}{why}", ""]
    more = more_quotes(min(MAX_QUOTES, len(f.evidence)), len(f.evidence))
    if more:
        lines += [f"*{more}*", ""]
    if f.acceptance is not None:
        lines += [f"*{escape(acceptance_note(f.acceptance))}*", ""]
    if not f.accepted:
        lines += [f"**Ask the vendor:** {escape(f.question)}", ""]
    return lines


def render_markdown(report: Report) -> str:
    s = summary(report)
    lines = [
        "# dpcheck report",
        "",
        f"{s['documents']} document(s): {ratings_counted(s)}, "
        f"{s['errors']} unreadable{escape('; ' + skipped_note(report)) if report.skipped else ''}. Ruleset {escape(report.ruleset_version)}, law as of "
        f"{escape(report.law_as_of)} (legal facts recorded up to {escape(report.facts_as_of)}), "
        f"dpcheck {escape(report.tool_version)}.",
        "",
    ]
    if report.policy is not None:
        lines += [
            f"Policy applied: {escape(report.policy.name)} ({escape(report.policy.path)}, sha256 "
            f"{report.policy.sha256[:12]})",
            "",
        ]
    if report.documents:
        lines += ["## Overview", "", *_overview(report), ""]
    for i, doc in enumerate(report.documents):
        lines += _document(doc, i)
    listed, more = skipped_listed(report)
    if listed:
        lines += ["## Skipped (not scanned)", ""]
        lines += [f"- {escape(k.path)}: {escape(k.detail)}" for k in listed]
        lines += [f"- … and {more} more (the JSON report lists them all)"] if more else []
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
