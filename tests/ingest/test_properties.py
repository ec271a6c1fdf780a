"""Property tests: whatever the input, load() returns a consistent Document or raises IngestError."""

from __future__ import annotations

import io
from typing import Literal

import docx
from hypothesis import given
from hypothesis import strategies as st

from dpcheck.errors import IngestError
from dpcheck.ingest import Document, load, load_text

from .conftest import LOREM, assert_consistent, new_pdf, pdf_bytes

NAMES = st.sampled_from([None, "a.pdf", "a.docx", "a.html", "a.md", "a.txt", "a.bin"])
# Example counts come from the hypothesis profile (tests/conftest.py): brief in CI, long on demand.


def _check(load_call) -> None:
    try:
        doc = load_call()
    except IngestError as exc:
        assert exc.message and "\n" not in exc.message
        return
    assert isinstance(doc, Document)
    assert_consistent(doc)


def _pdf() -> bytes:
    pdf = new_pdf("Page {page}")
    pdf.set_title("Fuzz")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(text="1. Transfers", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, text=LOREM + " trans-\nfer", new_x="LMARGIN", new_y="NEXT")
    with pdf.table() as table:
        for cells in [("Name", "Country"), ("AWS", "US"), ("OVH", "FR")]:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.add_page()
    pdf.multi_cell(0, 6, text="\u2022 " + LOREM)
    return pdf_bytes(pdf)


def _docx() -> bytes:
    document = docx.Document()
    document.add_heading("Transfers", level=1)
    document.add_paragraph(LOREM)
    document.add_paragraph("AWS", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[1].cells[1].text = "Name", "US"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


PDF = _pdf()
DOCX = _docx()

# Fragments separated by "¦" (some contain spaces or pipes).
HTML_PIECES = st.sampled_from(
    "<div>¦</div>¦<p>¦</p>¦<table>¦<tr>¦<td colspan=x>¦<th>¦</table>¦<ul>¦<ol start=-3 type=i>¦<li>¦</li>¦<br>¦"
    "<h2>¦</h2>¦<script>¦<nav>¦&amp;¦&#0;¦<b>¦</b>¦<!--¦-->¦\u00ad¦\ufb01¦\ufffe¦trans-¦\n¦Word ¦sentence. ¦"
    'lower ¦1. Title ¦<div class="cookie-banner">¦<span style="font-size:30pt">¦'
    '<p style="position:absolute;top:12pt;left:3pt;font-size:9pt">'.split("¦")
)
MARKDOWN_PIECES = st.sampled_from(
    "# ¦## ¦\n¦\n\n¦| a | b |\n¦|---|---|\n¦---\n¦title: x\n¦* ¦1. ¦1) ¦<table><tr><td>¦```\n¦    code\n¦"
    "[link](u)¦![img](i)¦**¦_¦<br>¦Text ¦===\n¦> ¦\\¦&nbsp;¦SECTION 5 ¦§ 3 ¦T r a n s  ".split("¦")
)


@given(st.binary(max_size=3000), NAMES)
def test_properties_arbitrary_bytes(data: bytes, name: str | None) -> None:
    """Arbitrary bytes give a consistent Document or an IngestError."""
    _check(lambda: load(data, name=name))


@given(st.text(max_size=2000), st.sampled_from(["text", "markdown"]))
def test_properties_arbitrary_text(text: str, fmt: Literal["text", "markdown"]) -> None:
    """Arbitrary text, as a string or as UTF-8 bytes, never raises anything but IngestError."""
    _check(lambda: load_text(text, format=fmt))
    _check(lambda: load(text.encode("utf-8"), name=f"a.{'md' if fmt == 'markdown' else 'txt'}"))


@given(st.lists(HTML_PIECES, max_size=80))
def test_properties_html_soup(pieces: list[str]) -> None:
    """Tag soup, unclosed and misnested, is read or refused cleanly."""
    _check(lambda: load("".join(pieces).encode("utf-8"), name="a.html"))


@given(st.lists(MARKDOWN_PIECES, max_size=80))
def test_properties_markdown_soup(pieces: list[str]) -> None:
    """Markdown fragments in any order are read or refused cleanly."""
    _check(lambda: load("".join(pieces).encode("utf-8"), name="a.md"))
    _check(lambda: load("".join(pieces).encode("utf-8"), name="a.txt"))


def _mutate(data: bytes, edits: list[tuple[int, int]], cut: int | None) -> bytes:
    buffer = bytearray(data)
    for position, value in edits:
        buffer[position % len(buffer)] = value
    return bytes(buffer[:cut] if cut else buffer)


MUTATIONS = (
    st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), max_size=12),
    st.one_of(st.none(), st.integers(min_value=1, max_value=len(PDF))),
)


@given(*MUTATIONS)
def test_properties_mutated_pdf(edits: list[tuple[int, int]], cut: int | None) -> None:
    """A valid PDF with bytes flipped or cut off is read or refused with an IngestError."""
    _check(lambda: load(_mutate(PDF, edits, cut), name="a.pdf"))


@given(MUTATIONS[0], st.one_of(st.none(), st.integers(min_value=1, max_value=len(DOCX))))
def test_properties_mutated_docx(edits: list[tuple[int, int]], cut: int | None) -> None:
    """A valid DOCX with bytes flipped or cut off is read or refused with an IngestError."""
    _check(lambda: load(_mutate(DOCX, edits, cut), name="a.docx"))


CSV_PIECES = st.sampled_from(
    ',¦;¦\t¦|¦"¦""¦\n¦\r\n¦\n\n¦Acme Inc.¦United States¦Hosting¦ ¦Unterauftragsverarbeiter¦\u00a0¦\x00¦=1+1¦'.split("¦")
)


@given(st.lists(CSV_PIECES, max_size=120))
def test_properties_delimited_soup(pieces: list[str]) -> None:
    """Quotes, delimiters and line breaks in any order are read as a table or refused cleanly."""
    _check(lambda: load("".join(pieces).encode("utf-8"), name="a.csv"))
    _check(lambda: load("".join(pieces).encode("utf-8"), name="a.tsv"))
