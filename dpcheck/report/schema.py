"""The published JSON Schemas: of the JSON report (``dpcheck schema``), of a vendor report and of a
comparison (``dpcheck schema --of vendor|diff``).

One schema file per major version of each format: fields are only added in minor versions, so a
report of format 1.x validates against ``report-1.json``. A line of ``--format jsonl`` is one
document: ``$defs/document``. A vendor report embeds document reports: its schema as printed
carries the document report's definitions.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

SCHEMA_FILE = "report-1.json"
VENDOR_SCHEMA_FILE = "vendor-1.json"
DIFF_SCHEMA_FILE = "diff-1.json"


def schema_text(name: str = SCHEMA_FILE) -> str:
    """A schema file as shipped (stable bytes, for printing or saving)."""
    return files("dpcheck.report").joinpath("schema").joinpath(name).read_text(encoding="utf-8")


@cache
def _schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_text(name))
    return loaded


def _copy(data: dict[str, Any]) -> dict[str, Any]:
    copied: dict[str, Any] = json.loads(json.dumps(data))
    return copied


def report_schema() -> dict[str, Any]:
    """The schema of a whole report (``--format json``); a fresh copy the caller may change."""
    return _copy(_schema(SCHEMA_FILE))


def document_schema() -> dict[str, Any]:
    """The schema of one document (one ``--format jsonl`` line), self-contained."""
    schema = report_schema()
    return {
        "$schema": schema["$schema"],
        "$id": schema["$id"].replace(":report:", ":document:"),
        "$ref": "#/$defs/document",
        "$defs": schema["$defs"],
    }


def vendor_schema() -> dict[str, Any]:
    """The schema of a vendor report (``dpcheck vendor --format json``), self-contained."""
    schema = _copy(_schema(VENDOR_SCHEMA_FILE))
    schema["$defs"] = {**report_schema()["$defs"], **schema["$defs"], **_copy(_schema(DIFF_SCHEMA_FILE))["$defs"]}
    return schema


def diff_schema() -> dict[str, Any]:
    """The schema of a comparison (``dpcheck diff --format json``)."""
    return _copy(_schema(DIFF_SCHEMA_FILE))
