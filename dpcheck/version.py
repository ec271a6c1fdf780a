"""Versions a report states: dpcheck's own and that of the report format."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

REPORT_FORMAT = "1.8.0"  # 1.1: art28_checklist; partial, warnings; summary ok, partial, errors_by_code
# 1.2: skipped files (skipped; summary skipped, skipped_by_reason); 1.3: mentions[].role
# 1.4: recipients' evidence; sub-processor notice and objection mentions
# 1.5: the vendor the document names (vendor) and the agreement it amends (amends); recipients may have
# the role third_party (named in running text as receiving data); mentions[].role for mechanisms, and
# destination and mechanism mentions decisive first
# 1.6: breach_limit mentions (the time limit to report a personal data breach, in hours)
# 1.7: a document's format may be csv (a sub-processor list kept as delimited text, read as one table)
# 1.8: rated (whether dpcheck judges the document on its own: false for a sub-processor list, an annex, and for an
# unreadable document); an unrated document is never green (yellow: read it with its DPA); summary not_rated counts
# the unrated ones that are not red, which are no longer counted among yellow or green

# The JSON of a vendor report (dpcheck vendor --format json) and of a comparison (dpcheck diff --format
# json) are versioned apart from the document report, each with its own schema (dpcheck schema --of).
VENDOR_FORMAT = "1.0.0"
DIFF_FORMAT = "1.0.0"

try:
    TOOL_VERSION = version("dpcheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    TOOL_VERSION = "0+unknown"
