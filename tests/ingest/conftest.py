"""Builders for the small documents the ingest tests generate, and a consistency check."""

from __future__ import annotations

import io
from collections.abc import Callable

import docx
import pytest
from fpdf import FPDF

from dpcheck.ingest import Document

LOREM = (
    "The processor shall not transfer personal data to a third country unless the controller has "
    "given its prior written consent and appropriate safeguards such as the standard contractual "
    "clauses are in place for every onward transfer."
)


def assert_consistent(doc: Document) -> None:
    """Every block is exactly its slice of the text, in order, on a page that exists."""
    end = -2
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
        assert block.text and block.text == " ".join(block.text.split())
        assert block.start >= end + 2
        end = block.end
        if doc.page_count:
            assert block.page is not None and 1 <= block.page <= doc.page_count
            assert doc.page_at(block.start) == block.page
    for index, table in enumerate(doc.tables):
        rows = [b for b in doc.blocks if b.table == index]
        assert rows and rows[0].start == table.start and rows[-1].end == table.end


class _FooterPDF(FPDF):
    footer_text = ""

    def footer(self) -> None:
        if self.footer_text:
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 5, text=self.footer_text.format(page=self.page_no()), align="C")


def new_pdf(footer: str = "") -> FPDF:
    """An fpdf2 document; ``footer`` (with "{page}") is printed at the foot of every page."""
    pdf = _FooterPDF()
    pdf.footer_text = footer
    # Core fonts in cp1252 so that "•", "–" and "§" can be written.
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(True, margin=20)
    return pdf


def pdf_bytes(pdf: FPDF) -> bytes:
    return bytes(pdf.output())


@pytest.fixture
def make_pdf() -> Callable[..., bytes]:
    """A PDF with a running footer and the given pages, each a list of (style, size, text)."""

    def build(pages: list[list[tuple[str, int, str]]], footer: bool = True) -> bytes:
        pdf = new_pdf(f"Acme DPA v2 - Page {{page}} of {len(pages)}" if footer else "")
        for lines in pages:
            pdf.add_page()
            for style, size, text in lines:
                pdf.set_font("Helvetica", style, size)
                pdf.multi_cell(0, size * 0.5, text=text, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(size * 0.4)
        return pdf_bytes(pdf)

    return build


@pytest.fixture
def make_docx() -> Callable[[Callable[[docx.document.Document], None]], bytes]:
    """DOCX bytes from a function that fills a fresh python-docx document."""

    def build(fill: Callable[[docx.document.Document], None]) -> bytes:
        document = docx.Document()
        fill(document)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    return build
