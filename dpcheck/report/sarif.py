"""SARIF 2.1.0 for code-scanning dashboards: rules, results with evidence locations, unreadable documents.

Evidence offsets are into dpcheck's normalized text of a document, not into the file. For
text files (Markdown, text, HTML) the quote is looked up in the file itself so that a
result points at real lines and columns; otherwise the region carries the normalized
offsets (``charOffset``/``charLength``) with the quote as snippet and the page in its
properties, and the run's properties say which offsets those are.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from dpcheck.checks import Ruleset
from dpcheck.checks.rules import Rule
from dpcheck.models import DocumentReport, Evidence, Finding, Report
from dpcheck.report.fingerprint import SARIF_KEY, fingerprint
from dpcheck.report.questions import acceptance_note, vendor_questions

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"high": "error", "medium": "warning", "low": "note", "info": "note"}
# A rule's help page: its first reference that is a web address, else the GDPR in the Official Journal.
GDPR_URI = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
TEXT_FORMATS = {"markdown", "text", "html"}
# Files larger than this are not re-read to find line numbers.
MAX_SOURCE_CHARS = 20 * 2**20
# Between two words of a quote the file may have whitespace or markup that ingest dropped:
# HTML tags, Markdown emphasis, link targets, table pipes, heading and quote marks.
_BETWEEN_WORDS = r"(?:\s|&nbsp;|<[^<>\n]{0,300}>|\]\([^()\s]{0,500}\)|[*_`~>#|\[\]])+"


def artifact_uri(path: str) -> str:
    """A URI reference for a document path: file URI when absolute, relative reference otherwise."""
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(candidate.as_posix())


def _rule_name(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.split("_"))


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": _rule_name(rule.id),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": " ".join(rule.rationale.split())},
        "help": {"text": "Ask the vendor: " + rule.questions["en"]},
        "helpUri": next((r for r in rule.references if r.startswith("https://")), GDPR_URI),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "article": rule.article,
            "severity": rule.severity,
            "core": rule.core,
            "questions": dict(rule.questions),
            "references": list(rule.references),
            "tags": ["gdpr", "data-transfer"],
        },
    }


@dataclass(frozen=True, slots=True)
class _Source:
    """A text file's content, to turn a quote into lines and columns."""

    text: str

    def find(self, quote_text: str) -> tuple[int, int] | None:
        words = quote_text.split()
        if not words:
            return None
        match = re.search(_BETWEEN_WORDS.join(re.escape(w) for w in words), self.text)
        return (match.start(), match.end()) if match else None

    def position(self, offset: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, offset) + 1
        return line, offset - (self.text.rfind("\n", 0, offset) + 1) + 1


def _load_source(doc: DocumentReport) -> _Source | None:
    if doc.format not in TEXT_FORMATS:
        return None
    path = Path(doc.path)
    try:
        if not path.is_file() or path.stat().st_size > MAX_SOURCE_CHARS:
            return None
        return _Source(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None


def _region(e: Evidence, source: _Source | None) -> dict[str, Any]:
    found = source.find(e.quote) if source else None
    if source is not None and found is not None:
        start, end = found
        start_line, start_column = source.position(start)
        end_line, end_column = source.position(end)
        return {
            "startLine": start_line,
            "startColumn": start_column,
            "endLine": end_line,
            "endColumn": end_column,
            "charOffset": start,
            "charLength": end - start,
            "snippet": {"text": e.quote},
        }
    return {"charOffset": e.start, "charLength": max(0, e.end - e.start), "snippet": {"text": e.quote}}


def _location(doc: DocumentReport, index: int, e: Evidence | None, source: _Source | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(doc.path), "index": index}}
    location: dict[str, Any] = {"physicalLocation": physical}
    if e is not None:
        physical["region"] = _region(e, source)
        location["properties"] = {
            "page": e.page,
            "section": list(e.section),
            "start": e.start,
            "end": e.end,
            "reason": e.reason,
        }
        if e.section:
            location["logicalLocations"] = [
                {"name": e.section[-1], "fullyQualifiedName": " › ".join(e.section), "kind": "section"}
            ]
    return location


def _result(
    doc: DocumentReport, index: int, finding: Finding, rule_index: int | None, source: _Source | None
) -> dict[str, Any]:
    evidence: list[Evidence | None] = list(finding.evidence) or [None]
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "level": LEVELS[finding.severity],
        "message": {"text": f"{finding.message} Ask the vendor: {finding.question}"},
        "locations": [_location(doc, index, e, source) for e in evidence],
        "partialFingerprints": {SARIF_KEY: fingerprint(doc.path, finding)},
        "properties": {
            "article": finding.article,
            "severity": finding.severity,
            "core": finding.core,
            "question": finding.question,
            "doc_type": doc.doc_type,
            "language": doc.language,
            "rating": doc.rating,
            "rated": doc.rated,
        },
    }
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    if finding.origin != "ruleset" or finding.original_severity:
        result["properties"].update(origin=finding.origin, original_severity=finding.original_severity)
    if finding.acceptance is not None:
        # An accepted risk is a suppression with its justification (as checkov writes them);
        # an expired acceptance is kept on record but no longer suppresses.
        status = "rejected" if finding.acceptance.expired else "accepted"
        result["suppressions"] = [
            {"kind": "external", "status": status, "justification": acceptance_note(finding.acceptance)}
        ]
    return result


def _notification(doc: DocumentReport, index: int) -> dict[str, Any]:
    assert doc.error is not None
    return {
        "level": "error",
        "message": {"text": f"[{doc.error.code}] {doc.error.message} — not assessed; read this document yourself."},
        "descriptor": {"id": doc.error.code},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(doc.path), "index": index}}}],
    }


def sarif_log(report: Report, ruleset: Ruleset) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log object (one run): the rules that ran (with a buyer's policy, its
    rules too), and a result for each finding, pointing at its rule."""
    rules = [*ruleset.rules, *(ruleset.policy_rules if report.policy is not None else ())]
    rule_index = {rule.id: i for i, rule in enumerate(rules)}
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for index, doc in enumerate(report.documents):
        artifacts.append(
            {
                "location": {"uri": artifact_uri(doc.path)},
                "properties": {
                    "status": doc.status,
                    "doc_type": doc.doc_type,
                    "language": doc.language,
                    "format": doc.format,
                    "rating": doc.rating,
                    "rated": doc.rated,
                    "countries": [t.destination for t in doc.transfers],
                    "mechanisms": list(doc.mechanisms),
                    "questions": vendor_questions(doc),
                },
            }
        )
        if doc.status == "error":
            notifications.append(_notification(doc, index))
            continue
        source = _load_source(doc) if doc.findings else None
        results.extend(_result(doc, index, f, rule_index.get(f.rule_id), source) for f in doc.findings)
    run = {
        "tool": {
            "driver": {
                "name": "dpcheck",
                "version": report.tool_version,
                "rules": [_rule_descriptor(rule) for rule in rules],
                "properties": {"ruleset_version": report.ruleset_version},
            }
        },
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {
            "report_format": report.report_format,
            "law_as_of": report.law_as_of,
            "facts_as_of": report.facts_as_of,
            "policy": None
            if report.policy is None
            else {"name": report.policy.name, "path": report.policy.path, "sha256": report.policy.sha256},
            "offsets": "regions with startLine are positions in the file; regions without are "
            "character offsets into dpcheck's normalized text of the document",
        },
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report, ruleset: Ruleset) -> str:
    return json.dumps(sarif_log(report, ruleset), ensure_ascii=False, indent=2) + "\n"
