"""Versions a report states: dpcheck's own and that of the report format."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

REPORT_FORMAT = "1.4.0"  # 1.1: art28_checklist; partial, warnings; summary ok, partial, errors_by_code
# 1.2: skipped files (skipped; summary skipped, skipped_by_reason); 1.3: mentions[].role
# 1.4: mentions[].role for mechanisms, mentions decisive first

try:
    TOOL_VERSION = version("dpcheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    TOOL_VERSION = "0+unknown"
