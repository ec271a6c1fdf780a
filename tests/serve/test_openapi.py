"""The OpenAPI document: valid OpenAPI 3.1, checked in as docs/openapi.json and current, served
as is, and naming every route of the app.

Regenerate the checked-in file with ``DPCHECK_REGEN=1 python -m pytest tests/serve/test_openapi.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import httpx
from openapi_spec_validator import validate
from starlette.routing import Route

from dpcheck.serve import ServeConfig, create_app
from dpcheck.serve.errors import STATUS
from dpcheck.serve.openapi import openapi_document

CHECKED_IN = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


def test_openapi_checked_in_is_current_and_valid():
    """docs/openapi.json is what the code builds (rewritten on DPCHECK_REGEN=1), and valid OpenAPI 3.1."""
    built = openapi_document()
    if os.environ.get("DPCHECK_REGEN"):
        CHECKED_IN.write_text(json.dumps(built, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert json.loads(CHECKED_IN.read_text(encoding="utf-8")) == built, (
        "docs/openapi.json is stale: DPCHECK_REGEN=1 python -m pytest tests/serve/test_openapi.py"
    )
    validate(built)


def test_openapi_names_every_route_and_error_code():
    """Every route of the app is a path of the document with the same methods, and every error
    code is documented under its status."""
    app = create_app(ServeConfig())
    routes: dict[str, set[str]] = {}
    for route in app.routes:
        assert isinstance(route, Route)
        routes.setdefault(route.path, set()).update(m.lower() for m in route.methods or () if m != "HEAD")
    document = openapi_document()
    assert {path: set(item) for path, item in document["paths"].items()} == routes
    described = json.dumps(document["paths"]) + document["info"]["description"]
    assert all(str(code) in described for code in STATUS if code != "E100-not-found")


def test_openapi_served_is_the_checked_in_document(server):
    """GET /openapi.json answers the checked-in document."""
    assert httpx.get(f"{server.url}/openapi.json").json() == json.loads(CHECKED_IN.read_text(encoding="utf-8"))
