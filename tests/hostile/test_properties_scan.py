"""Property tests of the whole scan: whatever bytes or text come in, no exception escapes,
the status is ok or error, and every piece of evidence is exactly its slice of the text.

Run longer with ``HYPOTHESIS_PROFILE=long`` (see tests/conftest.py).
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from dpcheck import Scanner
from dpcheck.errors import IngestError
from dpcheck.ingest import Document, load, load_text
from dpcheck.models import DocumentReport, Evidence

from .conftest import docx_bytes, html_with_references, text_pdf

CODE = re.compile(r"^E1\d\d-[a-z0-9-]+$")
FRAGMENTS = st.sampled_from(
    [
        "We transfer personal data to ",
        "the United States",
        "India",
        "Russia",
        " and ",
        "China. ",
        "on the basis of the Standard Contractual Clauses",
        "Privacy Shield",
        "adequacy decision",
        "Binding Corporate Rules",
        "Art. 46 GDPR",
        "Art. 49(1)(a)",
        "sub-processors",
        "Sub-processor | Location\n",
        "|---|---|\n",
        "| AWS | USA |\n",
        "Wir übermitteln Daten ",
        "in die USA",
        "Standardvertragsklauseln",
        "Drittland",
        "Unterauftragsverarbeiter",
        "not ",
        "nicht ",
        "worldwide",
        "\n\n",
        "\n",
        "# ",
        "## 5. ",
        "* ",
        "1. ",
        ". ",
        "; ",
        "(",
        ")",
        "“",
        "\u00ad",
        "ﬁ",
        "\u200b",
        "é",
        "ß",
    ]
)
TEXTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=60).map("".join)
SEEDS = {
    "a.pdf": text_pdf(pages=2),
    "a.docx": docx_bytes(),
    "a.html": html_with_references(),
    "a.md": b"# Transfers\n\n| Name | Country |\n|---|---|\n| AWS | USA |\n\nWe rely on the SCCs.\n",
    "a.txt": "Übermittlung in Drittländer: Wir nutzen die Standardvertragsklauseln.\n".encode("cp1252"),
}


def assert_sound(doc: DocumentReport, document: Document | None = None) -> None:
    assert doc.status in ("ok", "error")
    if doc.status == "error":
        assert doc.error is not None and CODE.match(doc.error.code) and doc.rating == "red"
        return
    assert doc.rating in ("green", "yellow", "red") and not (doc.partial and doc.rating == "green")
    evidence: list[Evidence] = [m.evidence for m in doc.mentions]
    evidence += [e for f in doc.findings for e in f.evidence]
    evidence += [e for t in doc.transfers for e in t.evidence]
    evidence += [e for r in doc.recipients for e in r.evidence]
    for e in evidence:
        assert 0 <= e.start <= e.end
        if document is not None:
            assert document.text[e.start : e.end] == e.quote, e


def _scan_bytes(scanner: Scanner, data: bytes, name: str) -> None:
    doc = scanner.scan_bytes(data, name)
    try:
        document = load(data, name=name)
    except IngestError as exc:
        assert doc.status == "error" and doc.error is not None and doc.error.code == exc.code
        return
    assert_sound(doc, None)
    assert_sound(scanner.scan_document(document, path=name), document)


@given(TEXTS, st.sampled_from(["text", "markdown"]))
def test_properties_scan_text(scanner: Scanner, text: str, fmt: str) -> None:
    """Random and policy-like text through scan_text: sound report, evidence on the text."""
    doc = scanner.scan_text(text, format=fmt)
    try:
        document = load_text(text, format="markdown" if fmt == "markdown" else "text")
    except IngestError:
        assert doc.status == "error"
        return
    assert_sound(doc, None)
    assert_sound(scanner.scan_document(document, path="<text>"), document)


@given(
    st.sampled_from(sorted(SEEDS)),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), max_size=10),
    st.one_of(st.none(), st.floats(min_value=0.0, max_value=1.0)),
)
def test_properties_scan_mutated_files(
    scanner: Scanner, name: str, edits: list[tuple[int, int]], cut: float | None
) -> None:
    """Valid PDF, DOCX, HTML, Markdown and text files with bytes flipped or cut off scan soundly."""
    data = bytearray(SEEDS[name])
    for position, value in edits:
        data[position % len(data)] = value
    if cut is not None:
        data = data[: int(len(data) * cut)]
    _scan_bytes(scanner, bytes(data), name)


@given(st.binary(max_size=2000), st.sampled_from([*SEEDS, "a.bin", None]))
def test_properties_scan_arbitrary_bytes(scanner: Scanner, data: bytes, name: str | None) -> None:
    """Arbitrary bytes under any name scan soundly."""
    _scan_bytes(scanner, data, name or "<bytes>")


@given(
    TEXTS,
    st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "utf-8-sig", "latin-1"]),
    st.sampled_from(["a.txt", "a.md", "a.html"]),
)
def test_properties_scan_encoded_text(scanner: Scanner, text: str, encoding: str, name: str) -> None:
    """Policy-like text in any of the supported encodings scans soundly."""
    data = text.encode(encoding, errors="replace")
    _scan_bytes(scanner, data, name)
