"""What every output format says alike: the questions to send a vendor, the verdict shown, how the
buyer's policy treats a finding, and where a quote is."""

from __future__ import annotations

from collections.abc import Mapping

from dpcheck.models import Acceptance, DocumentReport, Evidence, Report, Skipped, Verdict, tally

# How many skipped files human formats list one by one (the JSON report lists them all).
SKIPPED_LISTED = 50

# How an Art. 28 checklist item's status is marked beside its word.
CHECK_MARK = {"present": "✓", "weakened": "!", "missing": "✗"}
# How a finding's severity is marked before its word.
SEVERITY_MARK = {"high": "✗", "medium": "!", "low": "·", "info": "i"}
# Said under a document's heading when the document names no vendor (its heading is then its path).
NO_VENDOR = "Vendor: not named in the document"


def vendor_questions(doc: DocumentReport) -> list[str]:
    """Each distinct question of the document's findings, in finding order and the document's language;
    a finding the buyer's policy accepts needs no answer."""
    return list(dict.fromkeys(f.question for f in doc.findings if not f.accepted))


def rating_label(doc: Verdict) -> str:
    """What a reader sees as the verdict: "error", the rating, or for a document dpcheck does not rate on
    its own (a sub-processor list: an annex, judged with its DPA) "not rated (annex)" — unless it is red,
    which is said ("red (annex)"), as the summary counts it (:func:`dpcheck.models.tally`)."""
    counted = tally(doc)
    if counted == "errors":
        return "error"
    if counted == "not_rated":
        return "not rated (annex)"
    return doc.rating if doc.rated else f"{doc.rating} (annex)"


def ratings_counted(counts: Mapping[str, int]) -> str:
    """The summary's counts of ratings as a reader sees them ("2 red, 1 yellow, 0 green"), and the documents
    not rated (sub-processor lists, counted apart: :func:`dpcheck.models.tally`) when there are any ("2 sub-processor lists not
    rated")."""
    unrated = counts.get("not_rated", 0)
    return f"{counts['red']} red, {counts['yellow']} yellow, {counts['green']} green" + (
        f", {unrated} sub-processor list{'s' if unrated != 1 else ''} not rated" if unrated else ""
    )


def document_title(doc: DocumentReport) -> str:
    """How a document is headed (not escaped): the vendor it names, then its path; the path alone
    when it names none."""
    return f"{doc.vendor.value} — {doc.path}" if doc.vendor is not None else doc.path


def amends_note(doc: DocumentReport) -> str:
    """What the document says it belongs to, for a reader (not escaped; "" when it says nothing)."""
    if doc.amends is None:
        return ""
    if doc.amends.detail == "dpa":
        return (
            f"Amends “{doc.amends.value}”: the Art. 28 terms it lacks are left to that agreement, "
            "which must be read with this document."
        )
    return f"Part of “{doc.amends.value}”, which must be read with this document."


def acceptance_note(a: Acceptance, *, loud: bool = False) -> str:
    """How the buyer's policy treats a finding, in one sentence (``loud``: EXPIRED in capitals, for
    a terminal without emphasis)."""
    who = "; ".join(
        x for x in (a.approved_by and f"approved by {a.approved_by}", a.ticket and f"ticket {a.ticket}") if x
    )
    state = (
        f"Acceptance {'EXPIRED' if loud else 'expired'} on {a.expires}, so this counts again"
        if a.expired
        else f"Accepted by the policy until {a.expires}, so this does not count towards the rating"
    )
    return f"{state}: {a.justification}" + (f" ({who})" if who else "")


def evidence_place(e: Evidence) -> str:
    """Where a quote is, as a reader finds it: page and section path (not escaped). Character offsets
    (in the JSON report) are named only when the document has neither pages nor headings."""
    parts = [f"p. {e.page}"] if e.page else []
    if e.section:
        parts.append(" › ".join(e.section))
    return ", ".join(parts) or f"characters {e.start}–{e.end} of the text read"


def skipped_note(report: Report) -> str:
    """The files of the folders left out, counted by reason ("" when none was)."""
    if not report.skipped:
        return ""
    reasons: dict[str, int] = {}
    for skipped in report.skipped:
        reasons[skipped.reason] = reasons.get(skipped.reason, 0) + 1
    return f"{len(report.skipped)} file(s) skipped ({', '.join(f'{n} {r}' for r, n in sorted(reasons.items()))})"


def skipped_listed(report: Report) -> tuple[list[Skipped], int]:
    """The skipped files a human format lists, and how many more there are."""
    return list(report.skipped[:SKIPPED_LISTED]), max(len(report.skipped) - SKIPPED_LISTED, 0)
