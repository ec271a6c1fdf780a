"""The questions to send a vendor, shared by every output format."""

from __future__ import annotations

from dpcheck.models import DocumentReport


def vendor_questions(doc: DocumentReport) -> list[str]:
    """Each distinct question of the document's findings, in finding order and the document's language."""
    return list(dict.fromkeys(f.question for f in doc.findings))


def rating_label(doc: DocumentReport) -> str:
    """What a reader sees as the verdict: sub-processor lists are annexes and are not rated."""
    if doc.status == "error":
        return "error"
    return "not rated (annex)" if doc.doc_type == "subprocessor_list" else doc.rating
