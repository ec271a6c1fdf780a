"""What changed in a document's assessment between two stored scans.

A stand-in for the semantic diff of vendor dossiers (issue 15, ``dpcheck diff``), which will
replace :func:`compare`: until then a change is read off the two stored JSON reports as the
differences of rating, transfer destinations, relied-upon mechanisms and findings' rule ids.
Whether the text itself changed is the content hash's business (see ``TimelineEntry``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Delta:
    """What a set of values gained and lost, each sorted."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed)


@dataclass(frozen=True, slots=True)
class Change:
    """The differences between two reports of one document (empty when the assessment is the same)."""

    rating: tuple[str, str] | None
    """(before, after) when the rating changed."""
    destinations: Delta
    mechanisms: Delta
    findings: Delta
    """Rule ids of findings."""

    def __bool__(self) -> bool:
        return bool(self.rating or self.destinations or self.mechanisms or self.findings)


def compare(before: Mapping[str, Any], after: Mapping[str, Any]) -> Change:
    """The change from ``before`` to ``after``: two JSON reports of one document each."""
    old, new = _document(before), _document(after)
    return Change(
        rating=(old["rating"], new["rating"]) if old["rating"] != new["rating"] else None,
        destinations=_delta((t["destination"] for t in old["transfers"]), (t["destination"] for t in new["transfers"])),
        mechanisms=_delta(old["mechanisms"], new["mechanisms"]),
        findings=_delta((f["rule_id"] for f in old["findings"]), (f["rule_id"] for f in new["findings"])),
    )


def _document(report: Mapping[str, Any]) -> Mapping[str, Any]:
    documents = report["documents"]
    if len(documents) != 1:
        raise ValueError(f"a stored report holds one document, not {len(documents)}")
    document: Mapping[str, Any] = documents[0]
    return document


def _delta(before: Iterable[str], after: Iterable[str]) -> Delta:
    old, new = set(before), set(after)
    return Delta(tuple(sorted(new - old)), tuple(sorted(old - new)))
