"""The service's OpenAPI 3.1 document, built from what the service uses: the report's JSON Schema
(its ``$defs`` become components), the error codes with their statuses, and the formats.

``docs/openapi.json`` is this document, checked in; a test keeps it current and rewrites it
when asked: ``DPCHECK_REGEN=1 python -m pytest tests/serve/test_openapi.py``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from dpcheck.errors import ErrorCode
from dpcheck.report import FORMATS
from dpcheck.report.schema import report_schema, vendor_schema
from dpcheck.scanner import TOOL_VERSION
from dpcheck.serve.errors import STATUS, ServiceCode

_JSON = "application/json"
_REQUEST_CODES = (ServiceCode.BAD_REQUEST, ServiceCode.UNAUTHORIZED)


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _errors(codes: list[str]) -> dict[str, Any]:
    by_status: dict[int, list[str]] = defaultdict(list)
    for code in codes:
        by_status[STATUS[code]].append(str(code))
    return {
        str(status): {
            "description": "Error codes: " + ", ".join(sorted(found)),
            "content": {_JSON: {"schema": _ref("Error")}},
        }
        for status, found in sorted(by_status.items())
    }


def _components() -> dict[str, Any]:
    """The report's and the vendor report's schema definitions as components (the vendor schema holds
    the report's), their references rewritten to point there."""
    schema = report_schema()
    schema.pop("$defs")
    for key in ("$schema", "$id"):
        schema.pop(key)
    definitions = vendor_schema()["$defs"]
    text = json.dumps({"Report": schema, **definitions}).replace('"#/$defs/', '"#/components/schemas/')
    components: dict[str, Any] = json.loads(text)
    components["Error"] = {
        "type": "object",
        "required": ["error"],
        "additionalProperties": False,
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "status", "message"],
                "additionalProperties": False,
                "properties": {
                    "code": {"type": "string", "enum": sorted(str(c) for c in STATUS)},
                    "status": {"type": "integer"},
                    "message": {"type": "string"},
                },
            }
        },
    }
    components["Rules"] = {
        "type": "object",
        "required": ["ruleset_version", "facts_as_of", "rules"],
        "properties": {
            "ruleset_version": {"type": "string"},
            "facts_as_of": {"type": "string"},
            "rules": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "title", "article", "severity", "core", "rationale", "questions", "references"],
                    "properties": {
                        "id": {"type": "string"},
                        "title": {"type": "string"},
                        "article": {"type": "string"},
                        "severity": {"enum": ["high", "medium", "low", "info"]},
                        "core": {"type": "boolean"},
                        "rationale": {"type": "string"},
                        "questions": {"type": "object", "additionalProperties": {"type": "string"}},
                        "references": {"type": "array", "items": {"type": "string"}},
                    },
                },
            },
        },
    }
    components["Health"] = {
        "type": "object",
        "required": ["status", "tool_version", "ruleset_version"],
        "properties": {
            "status": {"const": "ok"},
            "tool_version": {"type": "string"},
            "ruleset_version": {"type": "string"},
        },
    }
    return components


def _upload_form() -> dict[str, Any]:
    return {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": "One document: PDF, HTML, Markdown, text or DOCX.",
                        },
                        "bundle": {
                            "type": "string",
                            "format": "binary",
                            "description": "A vendor bundle: a zip with a vendor.toml manifest naming its documents "
                            "(path, role, optional date and url).",
                        },
                    },
                    "oneOf": [{"required": ["file"]}, {"required": ["bundle"]}],
                }
            }
        },
    }


def openapi_document() -> dict[str, Any]:
    document_codes = [c for c in ErrorCode if c != ErrorCode.NOT_FOUND]
    bundle_codes = [c for c in ServiceCode if c.name.startswith("BUNDLE_")]
    secured: list[dict[str, list[str]]] = [{"bearer": []}]
    rendered = {f.media_type: {"schema": {"type": "string"}} for f in FORMATS.values() if f.name != "json"}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "dpcheck",
            "version": TOOL_VERSION,
            "summary": "Check vendors' privacy policies and DPAs for clear and lawful data-export terms.",
            "description": "Every limit of the command line applies per request. A bearer token (DPCHECK_TOKEN) "
            "is required when the server was started with one; it always is when it listens "
            "beyond the loopback interface. Errors are JSON with a stable code (components/"
            f"schemas/Error); any path answers {STATUS[ServiceCode.NOT_FOUND]} "
            f"{ServiceCode.NOT_FOUND} when unknown and {STATUS[ServiceCode.METHOD_NOT_ALLOWED]} "
            f"{ServiceCode.METHOD_NOT_ALLOWED} to a method it does not take.",
        },
        "servers": [{"url": "http://127.0.0.1:8000"}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": _components(),
        },
        "paths": {
            "/v1/scan": {
                "post": {
                    "operationId": "scan",
                    "summary": "Scan one uploaded document, or a vendor bundle (zip with vendor.toml).",
                    "security": secured,
                    "parameters": [
                        {
                            "name": "format",
                            "in": "query",
                            "required": False,
                            "schema": {"enum": list(FORMATS), "default": "json"},
                            "description": "Report format for a single document; a bundle answers JSON.",
                        }
                    ],
                    "requestBody": _upload_form(),
                    "responses": {
                        "200": {
                            "description": "The report; for a bundle, the vendor report of its documents "
                            "(as dpcheck vendor --format json).",
                            "content": {_JSON: {"schema": {"oneOf": [_ref("Report"), _ref("vendor")]}}, **rendered},
                        },
                        **_errors([*document_codes, *bundle_codes, *_REQUEST_CODES]),
                    },
                }
            },
            "/v1/rules": {
                "get": {
                    "operationId": "rules",
                    "summary": "The ruleset: every rule with its article and severity.",
                    "security": secured,
                    "responses": {
                        "200": {"description": "The rules.", "content": {_JSON: {"schema": _ref("Rules")}}},
                        **_errors([ServiceCode.UNAUTHORIZED]),
                    },
                }
            },
            "/v1/schema": {
                "get": {
                    "operationId": "schema",
                    "summary": "The JSON Schema (draft 2020-12) of the JSON report.",
                    "security": secured,
                    "responses": {
                        "200": {"description": "The schema.", "content": {_JSON: {"schema": {"type": "object"}}}},
                        **_errors([ServiceCode.UNAUTHORIZED]),
                    },
                }
            },
            "/healthz": {
                "get": {
                    "operationId": "health",
                    "summary": "Whether the service is up, and its versions.",
                    "security": [],
                    "responses": {"200": {"description": "Up.", "content": {_JSON: {"schema": _ref("Health")}}}},
                }
            },
            "/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This document.",
                    "security": [],
                    "responses": {
                        "200": {"description": "OpenAPI 3.1.", "content": {_JSON: {"schema": {"type": "object"}}}}
                    },
                }
            },
            "/": {
                "get": {
                    "operationId": "page",
                    "summary": "A web page with an upload form.",
                    "security": [],
                    "responses": {
                        "200": {"description": "The page.", "content": {"text/html": {"schema": {"type": "string"}}}}
                    },
                },
                "post": {
                    "operationId": "pageScan",
                    "summary": "The form's upload: the HTML report, or an HTML "
                    "page with the error (status as for /v1/scan).",
                    "security": [],
                    "requestBody": _upload_form(),
                    "responses": {
                        "200": {
                            "description": "The HTML report.",
                            "content": {"text/html": {"schema": {"type": "string"}}},
                        }
                    },
                },
            },
        },
    }
