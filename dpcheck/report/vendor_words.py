"""What every output format of a vendor report says alike: labels, places of quotes, the findings of
an agreement with their quotes placed in their documents."""

from __future__ import annotations

from dataclasses import dataclass

import pycountry

from dpcheck.models import Finding
from dpcheck.report.questions import evidence_place, rating_label
from dpcheck.vendor.model import Agreement, Quote, VendorDocument, VendorReport

ROLE_LABELS = {
    "dpa": "DPA",
    "privacy_policy": "privacy policy",
    "subprocessor_list": "sub-processor list",
    "addendum": "addendum",
    "other": "other document",
}
# Quotes shown per item in human formats.
SHOWN = 2


def country_label(code: str) -> str:
    if code == "UNSPECIFIED":
        return "countries not named"
    country = pycountry.countries.get(alpha_2=code)
    name = getattr(country, "common_name", None) or getattr(country, "name", None)
    return f"{code} ({name})" if name else code


def quote_place(q: Quote) -> str:
    """Where a quote is: its document, then page, section and character span in that document."""
    return f"{q.document}, {evidence_place(q.evidence)}"


def document_state(d: VendorDocument) -> str:
    """How a document counts: rated on its own, read with a DPA, an earlier version, or unreadable."""
    if d.report.status == "error":
        return f"could not be read ({d.report.error.code if d.report.error else 'error'})"
    if not d.current:
        return d.reason or "earlier version"
    if d.joined_to:
        return f"read with {d.joined_to}"
    return rating_label(d.report)


@dataclass(frozen=True)
class PlacedFinding:
    """A finding of an agreement's joined reading, with its quotes placed in their documents."""

    finding: Finding
    quotes: tuple[Quote, ...]


def agreement_findings(agreement: Agreement) -> tuple[PlacedFinding, ...]:
    """The agreement's findings, those that set the rating (core) first, then by severity."""
    order = {"high": 0, "medium": 1, "low": 2, "info": 3}
    found = sorted(agreement.report.findings, key=lambda f: (not f.core, order[f.severity], f.rule_id))
    return tuple(PlacedFinding(f, tuple(agreement.quote(e) for e in f.evidence)) for f in found)


def summary_line(report: VendorReport) -> str:
    current = len(report.current)
    return (
        f"{report.name}: {report.rating.upper()} — {current} current document{'s' if current != 1 else ''}"
        f"{f', {len(report.documents) - current} earlier' if len(report.documents) > current else ''}, "
        f"{len(report.findings)} dossier finding{'s' if len(report.findings) != 1 else ''}, "
        f"{len(report.questions)} question{'s' if len(report.questions) != 1 else ''} — ruleset "
        f"{report.ruleset_version}, law as of {report.law_as_of}"
    )
