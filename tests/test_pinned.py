"""The JSON report on corpora/ is pinned byte for byte, so that a change meant to be output-neutral
(a faster matcher, a lazier sentence) is shown to be.

A change that alters the report on purpose regenerates the pin and shows it in its diff:
``DPCHECK_REGEN_PINS=1 python -m pytest tests/test_pinned.py``. The per-document digests say which
documents changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from pathlib import Path

import pytest

from dpcheck import Scanner
from dpcheck.report import render
from dpcheck.walk import iter_documents

PIN = Path(__file__).parent / "pins" / "corpora-report.json"


@pytest.mark.slow
def test_pinned_corpora_json_report_is_unchanged(corpora, monkeypatch):
    """`dpcheck scan corpora --format json` gives the pinned bytes (per document and as a whole)."""
    pin = json.loads(PIN.read_text(encoding="utf-8"))
    monkeypatch.chdir(corpora.parent)
    scanner = Scanner(as_of=date.fromisoformat(pin["as_of"]))
    text = render(scanner.report(scanner.scan_path(p) for p in iter_documents(["corpora"])), "json")
    documents = {
        d["path"]: hashlib.sha256(json.dumps(d, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
        for d in json.loads(text)["documents"]
    }
    found = {
        "as_of": pin["as_of"],
        "report_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "documents": documents,
    }
    if os.environ.get("DPCHECK_REGEN_PINS"):
        PIN.write_text(json.dumps(found, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    changed = sorted(
        p for p in documents.keys() | pin["documents"].keys() if documents.get(p) != pin["documents"].get(p)
    )
    assert not changed, f"reports changed for {changed} (regenerate the pin if that is intended)"
    assert found["report_sha256"] == pin["report_sha256"]
