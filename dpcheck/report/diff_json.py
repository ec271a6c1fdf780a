"""A comparison as JSON (``dpcheck diff --format json``; schema: ``dpcheck schema --of diff``)."""

from __future__ import annotations

from typing import Any

from dpcheck.changes import Change, Comparison, Passage
from dpcheck.version import DIFF_FORMAT, TOOL_VERSION


def passage_to_dict(p: Passage) -> dict[str, Any]:
    return {"quote": p.quote, "document": p.document, "page": p.page, "section": list(p.section), "closest": p.closest}


def change_to_dict(c: Change) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "value": c.value,
        "detail": c.detail,
        "old": [passage_to_dict(p) for p in c.old],
        "new": [passage_to_dict(p) for p in c.new],
    }


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """Without the tool header: a comparison inside a vendor report."""
    return {
        "old": comparison.old,
        "new": comparison.new,
        "subject": comparison.subject,
        "old_rating": comparison.old_rating,
        "new_rating": comparison.new_rating,
        "changed": bool(comparison),
        "changes": [change_to_dict(c) for c in comparison.changes],
    }


def diff_to_dict(comparison: Comparison) -> dict[str, Any]:
    return {
        "tool": "dpcheck",
        "tool_version": TOOL_VERSION,
        "diff_format": DIFF_FORMAT,
        **comparison_to_dict(comparison),
    }
