"""The readable terminal report: per document its rating, transfers and findings with evidence."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import click

from dpcheck.models import DocumentReport, Finding, Report, tally
from dpcheck.report.json import breach_limit, summary
from dpcheck.report.questions import (
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
)
from dpcheck.report.quotes import excerpt, matched_phrases, more_quotes, ordered
from dpcheck.report.safe import visible

COLOURS = {"red": "red", "yellow": "yellow", "green": "green"}
CHECKLIST_COLOURS = {"present": "green", "weakened": "yellow", "missing": "red"}


def render_document(doc: DocumentReport, *, colour: bool, max_evidence: int = 2) -> str:
    style = (lambda s, **kw: click.style(s, **kw)) if colour else (lambda s, **kw: s)
    lines = []
    if doc.status == "error":
        assert doc.error is not None
        lines.append(f"{style('ERROR', fg='red', bold=True)}  {visible(doc.path)}")
        lines.append(f"    [{doc.error.code}] {visible(doc.error.message)}")
        lines.append("    Not assessed: read this document yourself; it is not rated compliant.")
        return "\n".join(lines)
    label = doc.rating.upper() if doc.rated else rating_label(doc)
    colour_name = COLOURS.get(tally(doc), "cyan")
    lines.append(
        f"{style(label, fg=colour_name, bold=True)}  {visible(document_title(doc))}  [{doc.doc_type}, {doc.language}]"
    )
    if doc.vendor is None:
        lines.append(f"    {NO_VENDOR}")
    if doc.amends is not None:
        lines.append(f"    {visible(amends_note(doc))}")
    for warning in doc.warnings:
        lines.append(f"    {style('PARTIAL', fg='yellow', bold=True)}  {visible(warning)}; never rated green")
    if doc.transfers:
        shown = ", ".join(
            f"{t.destination}" + (f" ({', '.join(t.mechanisms)})" if t.mechanisms else "") for t in doc.transfers
        )
        lines.append(f"    Transfers: {visible(shown)}")
    else:
        lines.append("    Transfers: none disclosed outside the EEA")
    lines.append(f"    Mechanisms relied on: {', '.join(doc.mechanisms) or 'none'}")
    if doc.rated and doc.ruleset_rating not in (None, doc.rating):
        lines.append(f"    {doc.rating.upper()} by the policy; {doc.ruleset_rating.upper()} by the GDPR rules alone")
    if doc.checklist:
        lines.append("    Art. 28 checklist:")
        for item in doc.checklist:
            mark = style(f"{item.status:8s}", fg=CHECKLIST_COLOURS[item.status])
            note = f"  ({visible(item.note)})" if item.status == "weakened" else ""
            lines.append(f"      {mark}  {item.element.replace('_', ' '):22s} {item.article}{note}")
        limit = breach_limit(doc)
        if limit is not None:
            quote = " ".join(limit.evidence.quote.split())
            quote = quote if len(quote) <= 220 else quote[:219] + "…"
            lines.append(f"    Breach notification limit: {limit.detail} hours: “{visible(quote)}”")
    core, advice = ordered(doc.findings)
    for heading, findings in (
        ("Findings that make the rating:", core),
        ("Further advice (Art. 28 terms, transfer paths; not part of the rating):", advice),
    ):
        if findings:
            lines.append(f"    {style(heading, bold=True)}")
        for f in findings:
            lines.extend(_finding(f, doc, style, max_evidence))
    return "\n".join(lines)


def _finding(f: Finding, doc: DocumentReport, style: Callable[..., str], max_evidence: int) -> list[str]:
    def wrap(text: str) -> list[str]:
        return textwrap.wrap(text, 100, initial_indent="        ", subsequent_indent="        ")

    mark = SEVERITY_MARK[f.severity]
    changed = f" (policy; was {f.original_severity.upper()})" if f.original_severity else ""
    changed += " ACCEPTED" if f.accepted else ""
    lines = [
        f"    {style(mark + ' ' + f.severity.upper(), fg='red' if f.severity == 'high' else 'yellow')}"
        f"{changed}  {f.rule_id}  ({f.article})",
        *wrap(visible(f.message)),
    ]
    for e in f.evidence[:max_evidence]:
        quote = excerpt(e.quote, matched_phrases(e, doc)).render(mark=style("{}", bold=True, underline=True))
        lines.append(f'        › "{quote}"')
        lines.append(f"          ({visible(evidence_place(e))}{'; ' + visible(e.reason) if e.reason else ''})")
    more = more_quotes(min(max_evidence, len(f.evidence)), len(f.evidence))
    if more:
        lines.append(f"          {more}")
    if f.acceptance is not None:
        lines.extend(wrap(visible(acceptance_note(f.acceptance, loud=True))))
    if not f.accepted:
        lines.extend(wrap("Ask the vendor: " + visible(f.question)))
    return lines


def render_text(report: Report, *, colour: bool = False) -> str:
    parts = [render_document(d, colour=colour) for d in report.documents]
    s = summary(report)
    partial = f" ({s['partial']} read only in part)" if s["partial"] else ""
    codes = ", ".join(f"{n} {code}" for code, n in s["errors_by_code"].items())
    listed, more = skipped_listed(report)
    if listed:
        parts.append(
            "\n".join(
                ["Skipped (not scanned):"]
                + [f"    {visible(k.path)}: {visible(k.detail)}" for k in listed]
                + ([f"    ... and {more} more (--format json lists them all)"] if more else [])
            )
        )
    skipped = f"; {skipped_note(report)}" if report.skipped else ""
    parts.append(
        f"{s['documents']} document(s): {ratings_counted(s)}{partial}, "
        f"{s['errors']} unreadable{f' ({codes})' if codes else ''}{skipped} — ruleset {report.ruleset_version}, "
        f"law as of {report.law_as_of} (legal facts recorded up to {report.facts_as_of})"
    )
    if report.policy is not None:
        parts.append(
            f"Policy applied: {visible(report.policy.name)} ({visible(report.policy.path)}, "
            f"sha256 {report.policy.sha256[:12]})"
        )
    return "\n\n".join(parts) + "\n"
