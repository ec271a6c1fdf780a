"""A vendor report as SARIF 2.1.0: each current document is an artifact; its results are the findings
the vendor report holds against it (an agreement's findings go to the document their quote is in,
a document read alone keeps its own), and the dossier's findings point at every side's document."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from dpcheck.checks import Ruleset
from dpcheck.models import Finding, Report
from dpcheck.report.sarif import _rule_descriptor, sarif_log
from dpcheck.report.vendor_words import agreement_findings
from dpcheck.vendor.join import read_alone
from dpcheck.vendor.model import VendorReport
from dpcheck.vendor.rules import load_vendor_rules


def _documents(report: VendorReport) -> Report:
    """The current documents, each with the findings held against it."""
    held: dict[str, list[Finding]] = defaultdict(list)
    for agreement in report.agreements:
        for placed in agreement_findings(agreement):
            where = placed.quotes[0].document if placed.quotes else agreement.dpa
            held[where].append(
                replace(placed.finding, evidence=tuple(q.evidence for q in placed.quotes if q.document == where))
            )
    for d in read_alone(report.documents):
        held[d.path].extend(d.report.findings)
    for f in report.findings:
        for side in f.sides:
            held[side.document].append(
                Finding(f.rule_id, f.article, f.severity, f.title, f.message, f.question, side.quotes)
            )
    documents = tuple(replace(d.report, path=d.path, findings=tuple(held[d.path])) for d in report.current)
    return Report(
        documents,
        report.tool_version,
        report.ruleset_version,
        report.law_as_of,
        report.vendor_format,
        report.facts_as_of,
    )


def vendor_sarif_log(reports: Iterable[VendorReport], ruleset: Ruleset) -> dict[str, Any]:
    """One run per vendor; the dossier's rules are described beside the document rules."""
    vendor_rules = load_vendor_rules(ruleset.folder) if ruleset.folder is not None else ()
    runs = []
    for report in reports:
        run = sarif_log(_documents(report), ruleset)["runs"][0]
        driver = run["tool"]["driver"]
        driver["rules"].extend(_rule_descriptor(rule) for rule in vendor_rules)
        index = {rule["id"]: i for i, rule in enumerate(driver["rules"])}
        for result in run["results"]:
            result["ruleIndex"] = index[result["ruleId"]]
        run["properties"].update(
            vendor=report.name,
            vendor_rating=report.rating,
            rating_reasons=list(report.rating_reasons),
            questions=[q.text for q in report.questions],
        )
        runs.append(run)
    return {"$schema": sarif_log(Report((), "", "", "", ""), ruleset)["$schema"], "version": "2.1.0", "runs": runs}


def render_vendors_sarif(reports: Iterable[VendorReport], ruleset: Ruleset) -> str:
    return json.dumps(vendor_sarif_log(reports, ruleset), ensure_ascii=False, indent=2) + "\n"
