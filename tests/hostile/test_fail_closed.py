"""Fail closed: an unreadable or partly read document is never green, and the batch summary
counts errors and partial reads apart from the ratings."""

from __future__ import annotations

import csv
import io
import json

from dpcheck import Scanner
from dpcheck.report import render
from dpcheck.report.json import report_to_dict
from dpcheck.report.text import render_text
from dpcheck.serialize import document_from_data, document_to_data

from .conftest import damaged_xref_pdf

CLEAN = "Privacy policy. We store all customer data in Germany and never transfer it outside the EEA."


def test_fail_closed_clean_text_is_green(scanner: Scanner) -> None:
    """The control: read whole, the clean policy is green."""
    doc = scanner.scan_bytes(CLEAN.encode(), "clean.txt")
    assert doc.status == "ok" and doc.rating == "green" and not doc.partial


def test_fail_closed_replaced_bytes_make_it_yellow(scanner: Scanner) -> None:
    """The same policy with undecodable bytes is read, marked partial and rated yellow, not green."""
    data = b"\xef\xbb\xbf" + CLEAN.encode() + b" \xff\xc3 "
    doc = scanner.scan_bytes(data, "clean.txt")
    assert doc.status == "ok" and doc.partial and doc.rating == "yellow"
    assert "could not be decoded" in doc.warnings[0]


def test_fail_closed_pdf_with_damaged_index_is_partial(scanner: Scanner) -> None:
    """A PDF whose cross-reference table pdfium had to rebuild is read and marked partial."""
    doc = scanner.scan_bytes(damaged_xref_pdf(), "damaged.pdf")
    assert doc.status == "ok" and doc.partial and doc.rating != "green"
    assert "cross-reference" in doc.warnings[0]


def test_fail_closed_summary_counts_errors_and_partial(scanner: Scanner) -> None:
    """The JSON summary and the text footer count ok, partial and errors by code."""
    report = scanner.report(
        [
            scanner.scan_bytes(CLEAN.encode(), "clean.txt"),
            scanner.scan_bytes(b"\xef\xbb\xbf" + CLEAN.encode() + b"\xff", "partial.txt"),
            scanner.scan_bytes(b"", "empty.txt"),
            scanner.scan_bytes(b"\x00\x01" * 100, "junk.pdf"),
            scanner.scan_bytes(b"   ", "blank.md"),
        ]
    )
    data = json.loads(json.dumps(report_to_dict(report)))
    summary = data["summary"]
    assert summary["documents"] == 5 and summary["ok"] == 2 and summary["partial"] == 1
    assert summary["errors"] == 3 and summary["errors_by_code"] == {"E102-empty": 2, "E105-binary-content": 1}
    assert summary["green"] == 1 and summary["yellow"] == 1 and summary["red"] == 0
    partial = next(d for d in data["documents"] if d["path"] == "partial.txt")
    assert partial["partial"] is True and partial["warnings"]
    footer = render_text(report).splitlines()[-1]
    assert "(1 read only in part)" in footer and "3 unreadable (2 E102-empty, 1 E105-binary-content)" in footer
    assert "PARTIAL" in render_text(report)


def test_fail_closed_errors_are_red(scanner: Scanner) -> None:
    """Every error report is rated red, whatever its code."""
    for data, name in [(b"", "a.txt"), (b"\x00junk" * 50, "a.pdf"), (b"%PDF-1.7\n%%EOF", "a.pdf")]:
        doc = scanner.scan_bytes(data, name)
        assert doc.status == "error" and doc.rating == "red"


def test_fail_closed_partial_survives_the_cache_round_trip(scanner: Scanner) -> None:
    """A cached report (stored in the internal format) keeps partial and warnings."""
    doc = scanner.scan_bytes(b"\xef\xbb\xbf" + CLEAN.encode() + b"\xff", "partial.txt")
    again = document_from_data(document_to_data(doc))
    assert again.partial and again.warnings == doc.warnings and again.rating == "yellow"


def test_fail_closed_partial_read_is_shown_in_every_human_format(scanner: Scanner) -> None:
    """Markdown, HTML and text say PARTIAL with the warning, and CSV rows carry it, so a reader knows
    what was not read."""
    doc = scanner.scan_bytes(b"\xef\xbb\xbf" + CLEAN.encode() + b" \xff\xc3 ", "partial.txt")
    report = scanner.report([doc])
    for fmt in ("markdown", "html", "text"):
        out = render(report, fmt)
        assert "PARTIAL" in out and "could not be decoded" in out, fmt
    clean = scanner.report([scanner.scan_bytes(CLEAN.encode(), "clean.txt")])
    assert not any("PARTIAL" in render(clean, fmt) for fmt in ("markdown", "html", "text"))
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    assert rows and all(r["partial"] == "yes" and "could not be decoded" in r["warnings"] for r in rows)
    assert all(r["partial"] == "" for r in csv.DictReader(io.StringIO(render(clean, "csv"))))
