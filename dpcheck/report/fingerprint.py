"""A finding's fingerprint: the same finding on the same document has the same one in every scan.

It stands on what a re-scan of an unchanged document gives again and what a reader would call
"the same finding": the rule, the document's path as given and the words of its first quote
(whitespace and case folded), never on offsets or versions that move when nothing changed.
SARIF carries it as ``partialFingerprints`` and ``--baseline`` compares by it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from dpcheck.models import Finding

# The key SARIF consumers group results by (GitHub code scanning reads any "*/v<n>" key).
SARIF_KEY = "dpcheckFinding/v1"


def _fingerprint(path: str, rule_id: str, quote: str) -> str:
    words = " ".join(quote.lower().split())
    return hashlib.sha256("\x1f".join((path, rule_id, words)).encode("utf-8")).hexdigest()


def fingerprint(path: str, finding: Finding) -> str:
    """The fingerprint of ``finding`` on the document at ``path``."""
    return _fingerprint(path, finding.rule_id, finding.evidence[0].quote if finding.evidence else "")


def fingerprints_of_json(report: Mapping[str, Any]) -> frozenset[str]:
    """The fingerprints of every finding in a JSON report (``dpcheck scan --format json``)."""
    found = set()
    for doc in report.get("documents", []):
        for finding in doc.get("findings", []):
            evidence = finding.get("evidence") or [{}]
            found.add(_fingerprint(doc["path"], finding["rule_id"], evidence[0].get("quote", "")))
    return frozenset(found)
