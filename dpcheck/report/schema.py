"""The published JSON Schema of the JSON report (``dpcheck schema`` prints it).

One schema file per major ``report_format``: fields are only added in minor versions,
so a report of format 1.x validates against ``report-1.json``. A line of ``--format
jsonl`` is one document: ``$defs/document``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

SCHEMA_FILE = "report-1.json"


def schema_text() -> str:
    """The schema file as shipped (stable bytes, for printing or saving)."""
    return files("dpcheck.report").joinpath("schema").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


@cache
def _schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_text())
    return loaded


def report_schema() -> dict[str, Any]:
    """The schema of a whole report (``--format json``); a fresh copy the caller may change."""
    copy: dict[str, Any] = json.loads(json.dumps(_schema()))
    return copy


def document_schema() -> dict[str, Any]:
    """The schema of one document (one ``--format jsonl`` line), self-contained."""
    schema = report_schema()
    return {"$schema": schema["$schema"], "$id": schema["$id"].replace(":report:", ":document:"),
            "$ref": "#/$defs/document", "$defs": schema["$defs"]}
