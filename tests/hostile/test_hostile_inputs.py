"""Hostile documents: each class ends in its stable error code or a correct scan, fast, and
never as a crash, a hang or a green rating it did not earn."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from dpcheck import Scanner
from dpcheck.ingest import load
from dpcheck.ingest.normalize import clean
from dpcheck.limits import Limits, resident_memory
from dpcheck.models import DocumentReport

from .conftest import (
    CASES,
    OK,
    PARTIAL,
    PDF_CUT,
    POLICY_DE,
    POLICY_EN,
    SCRIPT_TEXT,
    Case,
    content_bomb_pdf,
    disguised_bomb_pdf,
    html_with_references,
    many_pages_pdf,
    nested_html,
)


def assert_outcome(doc: DocumentReport, expect: str) -> None:
    if expect == OK:
        assert doc.status == "ok" and not doc.partial, (doc.error, doc.warnings)
    elif expect == PARTIAL:
        assert doc.status == "ok" and doc.partial and doc.warnings, (doc.error, doc.warnings)
        assert doc.rating != "green"
    elif expect == PDF_CUT:
        if doc.status == "error":
            assert doc.error is not None and doc.error.code == "E111-pdf-corrupt", doc.error
        else:
            assert doc.partial and doc.rating != "green", doc.warnings
    else:
        assert doc.status == "error" and doc.error is not None, doc
        assert doc.error.code == expect, doc.error
        assert doc.rating == "red"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_case_outcome(case: Case, scanner: Scanner, tmp_path: Path) -> None:
    """Each hostile input class has its outcome: an error with its stable code, or a scan."""
    path = case.write(tmp_path)
    doc = scanner.scan_path(path)
    assert doc.path == str(path)
    assert_outcome(doc, case.expect)


@pytest.mark.parametrize("case", [c for c in CASES if c.id.startswith("text-") and c.expect == OK], ids=lambda c: c.id)
def test_hostile_encodings_decoded_right(case: Case, scanner: Scanner) -> None:
    """UTF-16 (with and without BOM), Latin-1, cp1252 and UTF-8 with BOM decode to the text written."""
    expected = clean(POLICY_DE.replace("–", "-") if "latin" in case.id else POLICY_DE)
    assert load(case.make(), name=case.filename).blocks[0].text == expected
    doc = scanner.scan_bytes(case.make(), case.filename)
    assert doc.language == "de" and "scc" in doc.mechanisms
    assert [t.destination for t in doc.transfers] == ["US"]


def test_hostile_mixed_language_reads_both(scanner: Scanner) -> None:
    """An English and a German paragraph in one document are both read."""
    text = f"{POLICY_EN}\n\nFür Übermittlungen nach Indien nutzen wir die Standardvertragsklauseln der EU."
    doc = scanner.scan_text(text)
    assert doc.status == "ok" and "scc" in doc.mechanisms
    assert {"US", "IN"} <= {t.destination for t in doc.transfers}


def test_hostile_script_text_is_not_document_text() -> None:
    """Script, iframe and object content is dropped; external references stay references."""
    doc = load(html_with_references(), name="references.html")
    assert "SCRIPTMARKER" not in doc.text and POLICY_EN in doc.text
    assert ("our sub-processors", "http://tracker.invalid/subprocessors") in doc.links
    assert SCRIPT_TEXT not in " ".join(text for text, _ in doc.links)


def test_hostile_huge_html_refused_without_reading(scanner: Scanner, tmp_path: Path) -> None:
    """A 200 MB HTML file is refused by its size at once, without reading it."""
    path = tmp_path / "huge.html"
    with path.open("wb") as fh:
        fh.write(b"<html><body><p>" + POLICY_EN.encode())
        fh.truncate(200 * 2**20)  # sparse: costs no disk and no time to write
    started = time.monotonic()
    doc = scanner.scan_path(path)
    assert doc.error is not None and doc.error.code == "E103-too-large"
    assert time.monotonic() - started < 1


def test_hostile_page_limit_checked_before_reading_pages(scanner: Scanner) -> None:
    """A 5,000-page PDF is refused by its page count before any page is read."""
    started = time.monotonic()
    doc = scanner.scan_bytes(many_pages_pdf(5000), "pages.pdf")
    assert doc.error is not None and doc.error.code == "E106-too-many-pages"
    assert "5,000 pages" in doc.error.message
    assert time.monotonic() - started < 5


def test_hostile_pdf_bomb_refused_before_inflating_it_all(scanner: Scanner) -> None:
    """A content stream inflating to 2 GiB is refused after inflating at most the budget
    (256 MiB), in bounded memory: the process's peak grows by far less than the bomb."""
    data = content_bomb_pdf()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    started = time.monotonic()
    doc = scanner.scan_bytes(data, "bomb.pdf")
    assert doc.error is not None and doc.error.code == "E113-pdf-decompression-bomb"
    assert time.monotonic() - started < 20
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - peak < 200 * 2**20


@pytest.mark.parametrize("variant", ["name-escape", "indirect-filter", "cr-only", "double-deflate"])
def test_hostile_pdf_bomb_in_disguise(variant: str, scanner: Scanner) -> None:
    """A bomb is caught however its stream is spelled (here 64 MiB against a 16 MiB budget)."""
    data = disguised_bomb_pdf(variant)
    doc = scanner.with_limits(Limits(max_inflated=16 * 2**20)).scan_bytes(data, "bomb.pdf")
    assert doc.error is not None and doc.error.code == "E113-pdf-decompression-bomb", doc.error


@pytest.mark.slow
def test_hostile_deeply_nested_html(scanner: Scanner) -> None:
    """HTML nested 100,000 elements deep is read whole: text before, inside and after."""
    document = load(nested_html(100_000), name="nested.html")
    assert [b.text for b in document.blocks] == ["Start of the policy.", POLICY_EN, "End of the policy."]
    doc = scanner.scan_document(document, path="nested.html")
    assert doc.status == "ok" and not doc.partial
    assert "US" in {t.destination for t in doc.transfers}


def test_hostile_nested_html_shallow_version(scanner: Scanner) -> None:
    """The same structure 5,000 deep, fast enough for every run."""
    doc = scanner.scan_bytes(nested_html(5_000), "nested.html")
    assert doc.status == "ok" and "US" in {t.destination for t in doc.transfers}


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files in /proc (Linux)")
def test_hostile_no_leaked_files_or_memory(scanner: Scanner, tmp_path: Path) -> None:
    """Scanning every hostile case again and again leaves no file open and no memory behind."""
    paths = [c.write(tmp_path) for c in CASES if not any(w in c.id for w in ("bomb", "deep", "5000"))]

    def open_files() -> int:
        return len(list(Path("/proc/self/fd").iterdir()))

    scanner.scan(paths)  # warm-up: caches and interned strings fill here
    files, rss = open_files(), resident_memory()
    for _ in range(2):
        scanner.scan(paths)
    assert open_files() == files
    assert rss is None or (resident_memory() or 0) - rss < 64 * 2**20
