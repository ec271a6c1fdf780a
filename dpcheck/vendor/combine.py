"""One vendor report from a dossier's documents, its agreements as read together, and the dossier rules.

The rating puts the DPA first, as the Berlin data protection authority's review of video-conference
services did: each agreement (a DPA read with its addenda and sub-processor lists) is rated as one
document, and the vendor is never better than its worst agreement, whatever its privacy policy says.
The documents read alone (privacy policy, other documents) and the dossier's findings (by severity:
high red, medium yellow) can only make it worse; so can a current document that could not be read.
Sub-processor lists are annexes: they are rated within their agreement, never alone; one read alone counts only
when red (what makes it red, a destination the buyer refuses say, it proves alone), as in a batch's summary.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from dpcheck.changes.model import Comparison
from dpcheck.checks import Ruleset
from dpcheck.models import RATINGS, DocumentReport, Finding, Rating, legal_forms, tally
from dpcheck.vendor.features import VENDOR_FEATURES, Dossier
from dpcheck.vendor.join import merge, read_alone
from dpcheck.vendor.model import Agreement, Question, VendorDocument, VendorFinding, VendorReport
from dpcheck.vendor.rules import load_vendor_rules, vendor_findings
from dpcheck.version import TOOL_VERSION, VENDOR_FORMAT

SEVERITY_RATING: dict[str, Rating] = {"high": "red", "medium": "yellow", "low": "green", "info": "green"}


def combine(
    *,
    name: str,
    folder: str,
    documents: tuple[VendorDocument, ...],
    agreements: tuple[Agreement, ...],
    ruleset: Ruleset,
    day: date,
    source: str | None = None,
    changes: tuple[Comparison, ...] = (),
) -> VendorReport:
    """The vendor report of a dossier whose documents and agreements have been scanned (by
    :func:`dpcheck.dossier.scan_vendor`); ``changes``: what changed between its dated versions."""
    alone = read_alone(documents)
    merged = merge(agreements, alone, legal_forms(ruleset.lexicon["words"]))
    features = VENDOR_FEATURES.compute(Dossier(documents, ruleset.facts, day, ruleset.lexicon["words"]))
    rules = load_vendor_rules(ruleset.folder) if ruleset.folder is not None else ()
    findings = vendor_findings(rules, features, _language(agreements, documents))
    rating, reasons = _rating(agreements, alone, findings)
    return VendorReport(
        name=name,
        folder=folder,
        documents=documents,
        agreements=agreements,
        destinations=merged.destinations,
        subprocessors=merged.subprocessors,
        onward=merged.onward,
        findings=findings,
        rating=rating,
        rating_reasons=reasons,
        questions=_questions(agreements, alone, findings),
        tool_version=TOOL_VERSION,
        ruleset_version=ruleset.version,
        law_as_of=day.isoformat(),
        vendor_format=VENDOR_FORMAT,
        facts_as_of=ruleset.facts.as_of,
        source=source,
        changes=changes,
    )


def _language(agreements: tuple[Agreement, ...], documents: tuple[VendorDocument, ...]) -> str | None:
    """The dossier's questions are asked in the language of its agreement (else of its first document)."""
    for report in [a.report for a in agreements] + [d.report for d in documents if d.current]:
        if report.language:
            return report.language
    return None


def _worst(ratings: Iterable[Rating]) -> Rating:
    return max(ratings, key=RATINGS.index, default="green")


def _core(report: DocumentReport) -> str:
    ids = [f.rule_id for f in report.findings if f.core and not f.accepted]
    return f" ({', '.join(ids)})" if ids else ""


def _rating(
    agreements: tuple[Agreement, ...], alone: list[VendorDocument], findings: tuple[VendorFinding, ...]
) -> tuple[Rating, tuple[str, ...]]:
    """The vendor's rating and, one line each, what set it."""
    rated: list[tuple[Rating, str]] = []
    for a in agreements:
        read_with = f" read with {', '.join(a.annexes)}" if a.annexes else ""
        state = "could not be read" if not a.report.ok else f"{a.report.rating}{_core(a.report)}"
        rated.append((a.report.rating, f"DPA {a.dpa}{read_with}: {state}"))
    for d in alone:
        if not d.report.ok:
            rated.append(("red", f"{d.role.replace('_', ' ')} {d.path}: could not be read, so it is not assessed"))
        elif tally(d.report) != "not_rated":
            rated.append((d.report.rating, f"{d.role.replace('_', ' ')} {d.path}: {d.report.rating}{_core(d.report)}"))
    rated += [(SEVERITY_RATING[f.severity], f"{f.rule_id} ({f.severity}): {f.message}") for f in findings]
    rating = _worst(r for r, _ in rated)
    if not agreements:
        rated.insert(0, (rating, "no DPA in the dossier: rated by its other documents"))
    return rating, tuple(line for _, line in rated)


def _questions(
    agreements: tuple[Agreement, ...], alone: list[VendorDocument], findings: tuple[VendorFinding, ...]
) -> tuple[Question, ...]:
    """Every question to send, once, numbered: the agreements' first (DPA first), then the dossier's,
    then those of the documents read alone. A finding the buyer's policy accepts needs no answer."""
    asked: dict[str, tuple[list[str], list[str]]] = {}

    def ask(question: str, rule: str, documents: Iterable[str]) -> None:
        rules, docs = asked.setdefault(question, ([], []))
        rules.append(rule)
        docs.extend(documents)

    def ask_findings(found: Iterable[Finding], where: Iterable[str]) -> None:
        for f in found:
            if not f.accepted:
                ask(f.question, f.rule_id, where)

    for a in agreements:
        for f in a.report.findings:
            if not f.accepted:
                ask(f.question, f.rule_id, [a.quote(e).document for e in f.evidence] or [a.dpa])
    for v in findings:
        ask(v.question, v.rule_id, [s.document for s in v.sides])
    for d in alone:
        ask_findings(d.report.findings, [d.path])
    return tuple(
        Question(i, text, tuple(dict.fromkeys(rules)), tuple(dict.fromkeys(docs)))
        for i, (text, (rules, docs)) in enumerate(asked.items(), 1)
    )
