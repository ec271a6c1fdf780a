"""Tables read from pdfium's objects give what pdfplumber gives on pdfminer's (PDFs made with fpdf2)."""

from __future__ import annotations

import io
from collections.abc import Callable

import pdfplumber
import pypdfium2 as pdfium
import pytest
from fpdf import FPDF

from dpcheck.ingest import load
from dpcheck.ingest.lines import Dehyphenator
from dpcheck.ingest.pdf import _read, _tables
from dpcheck.ingest.pdf_tables import Frames, frame_cells, page_tables

from .conftest import new_pdf, pdf_bytes

ROWS_EN = [
    ("Sub-processor", "Purpose", "Location"),
    ("Acme Cloud Inc.", "Hosting of the customer's workspace and backups", "United States"),
    ("Mailbird Ltd", "E-mail delivery", "Ireland"),
    ("Quickpay GmbH", "Payments; invoices kept for ten years", "Germany"),
]
ROWS_DE = [
    ("Unterauftragsverarbeiter", "Zweck", "Ort der Verarbeitung"),
    ("Wolkenspeicher AG", "Speicherung der Kundendaten und Sicherungskopien", "Schweiz"),
    ("Rechenzentrum Süd GmbH", "Betrieb der Server; Übermittlung nur verschlüsselt", "Österreich"),
]


def _fpdf_table(rows: list[tuple[str, ...]]) -> Callable[[FPDF], None]:
    def draw(pdf: FPDF) -> None:
        with pdf.table() as grid:
            for cells in rows:
                row = grid.row()
                for cell in cells:
                    row.cell(cell)

    return draw


def _bordered_cells(pdf: FPDF) -> None:
    """Cells drawn one by one with borders: each border a rectangle of its own."""
    for cells in ROWS_DE:
        for cell in cells:
            pdf.cell(62, 8, text=cell[:28], border=1)
        pdf.ln()


def _ruled_lines(pdf: FPDF) -> None:
    """A grid of single lines (no rectangles), text placed in its cells."""
    left, top, width, height = 20, 40, 170, 10
    for row, cells in enumerate(ROWS_EN):
        for col, cell in enumerate(cells):
            pdf.set_xy(left + col * width / 3 + 1, top + row * height + 2)
            pdf.cell(0, 6, text=cell[:30])
    for row in range(len(ROWS_EN) + 1):
        pdf.line(left, top + row * height, left + width, top + row * height)
    for col in range(4):
        pdf.line(left + col * width / 3, top, left + col * width / 3, top + len(ROWS_EN) * height)
    pdf.set_xy(pdf.l_margin, top + len(ROWS_EN) * height + 4)


def _page(draw: Callable[[FPDF], None]) -> bytes:
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 6, text="Annex 3: the sub-processors / Anlage 3: die Unterauftragsverarbeiter")
    draw(pdf)
    pdf.multi_cell(0, 6, text="The list is updated from time to time. Die Liste wird laufend aktualisiert.")
    return pdf_bytes(pdf)


def _plumbed(data: bytes) -> list[tuple[tuple[float, ...], list[list[str | None]]]]:
    with pdfplumber.open(io.BytesIO(data), pages=[1]) as plumber:
        return [(table.bbox, table.extract()) for table in plumber.pages[0].find_tables()]


def _from_pdfium(
    data: bytes, rotate: int = 0
) -> list[tuple[tuple[float, ...], list[list[str | None]]]] | Frames | None:
    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[0]
        if rotate:
            page.set_rotation(rotate)
        textpage = page.get_textpage()
        try:
            return page_tables(page, textpage)
        finally:
            textpage.close()
            page.close()
    finally:
        pdf.close()


@pytest.mark.parametrize(
    "draw",
    [_fpdf_table(ROWS_EN), _fpdf_table(ROWS_DE), _bordered_cells, _ruled_lines],
    ids=["table-en", "table-de", "bordered-cells-de", "single-lines-en"],
)
def test_pdf_tables_from_pdfium_equal_pdfplumber(draw: Callable[[FPDF], None]) -> None:
    """Each table pdfplumber finds on pdfminer's page is found on pdfium's, with the same cells
    and the same bounds (to float precision: pdfium keeps coordinates in single precision)."""
    data = _page(draw)
    theirs = _plumbed(data)
    ours = _from_pdfium(data)
    assert theirs and ours is not None
    assert [cells for _, cells in ours] == [cells for _, cells in theirs]
    for (box, _), (their_box, _) in zip(ours, theirs, strict=True):
        assert box == pytest.approx(their_box, abs=1e-3)


def test_pdf_tables_of_a_ruled_page_are_read_without_pdfplumber() -> None:
    """A document's ruled page carries its tables from pdfium, and the document holds them."""
    data = _page(_fpdf_table(ROWS_DE))
    pages, _, _, _ = _read(data, "x.pdf", 10)
    assert pages[0].ruled and pages[0].grid is not None
    doc = load(data, name="x.pdf")
    assert doc.tables[0].header == ROWS_DE[0]
    assert doc.tables[0].rows[1] == ROWS_DE[2]


def test_pdf_tables_rotated_page_is_left_to_pdfplumber() -> None:
    """pdfminer turns a rotated page's coordinates: that page is not read from pdfium."""
    assert _from_pdfium(_page(_fpdf_table(ROWS_EN)), rotate=90) is None


CLOSE_DE = (("Feld", "Angabe"), ("Anschrift", "Berlin"), "Name", "und Anschrift")
CLOSE_EN = (("Field", "Entry"), ("Address", "Dublin"), "Contact", "person")


def _close_words(
    inside: bool, words: tuple[tuple[str, str], tuple[str, str], str, str] = CLOSE_DE
) -> Callable[[FPDF], None]:
    """A ruled grid, and two words (e.g. "Name" and "und Anschrift") placed apart by less than
    pdfplumber's tolerance with no space between them (pdfium adds a space there that pdfminer
    does not see), in a cell of the grid or below it."""
    header, row_one, first, second = words

    def draw(pdf: FPDF) -> None:
        left, top, width, height = 20, 40, 170, 12
        pdf.set_font("Helvetica", "", 11)
        for row, cells in enumerate([header, row_one, ("", "")]):
            for col, cell in enumerate(cells):
                pdf.text(left + col * width / 2 + 2, top + row * height + 8, cell)
        for row in range(4):
            pdf.line(left, top + row * height, left + width, top + row * height)
        for col in range(3):
            pdf.line(left + col * width / 2, top, left + col * width / 2, top + 3 * height)
        y = top + 2 * height + 8 if inside else top + 3 * height + 10
        pdf.text(left + 2, y, first)
        pdf.text(left + 2 + pdf.get_string_width(first) + 2.9 / pdf.k, y, second)
        pdf.set_xy(pdf.l_margin, top + 3 * height + 14)

    return draw


@pytest.mark.parametrize("words", [CLOSE_DE, CLOSE_EN], ids=["de", "en"])
def test_pdf_tables_added_space_between_close_words_in_a_table_is_left_to_pdfminer(words) -> None:
    """Where pdfium adds a space in a table between characters closer than pdfplumber's
    tolerance, whether pdfminer has one cannot be told: the cells pdfium's lines give are read
    from pdfminer's characters, with pdfplumber's text and bounds."""
    data = _page(_close_words(inside=True, words=words))
    frames = _from_pdfium(data)
    assert isinstance(frames, Frames)
    pages, _, _, _ = _read(data, "x.pdf", 10)
    assert pages[0].ruled and isinstance(pages[0].grid, Frames)
    theirs = _plumbed(data)
    with pdfplumber.open(io.BytesIO(data), pages=[1]) as plumber:
        ours = frame_cells(plumber.pages[0], frames)
    assert [cells for _, cells in ours] == [cells for _, cells in theirs]
    for (box, _), (their_box, _) in zip(ours, theirs, strict=True):
        assert box == pytest.approx(their_box, abs=1e-3)
    joined = words[2] + words[3]
    assert theirs[0][1][2] == [joined, ""]
    doc = load(data, name="x.pdf")
    assert [joined, ""] in [list(row) for table in doc.tables for row in table.rows]


def test_pdf_tables_added_space_outside_the_tables_does_not_matter() -> None:
    """The same words below the table leave the page to pdfium, with pdfplumber's cells."""
    data = _page(_close_words(inside=False))
    assert not isinstance(_from_pdfium(data), Frames)
    ours = _from_pdfium(data)
    assert ours is not None
    assert [cells for _, cells in ours] == [cells for _, cells in _plumbed(data)]


def _pages_with_close_words(words: tuple[tuple[str, str], tuple[str, str], str, str]) -> bytes:
    """Five pages: plain text, the table with close words (left to pdfminer), plain text, the same table again,
    a ruled table pdfium reads (fpdf2's grid) — so that the pages pdfminer reads are not the first ones."""
    pdf = new_pdf()
    for draw in (None, _close_words(inside=True, words=words), None, _close_words(inside=True, words=words)):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 6, text="Annex 3: the sub-processors / Anlage 3: die Unterauftragsverarbeiter")
        if draw is not None:
            draw(pdf)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    _fpdf_table(ROWS_EN if words is CLOSE_EN else ROWS_DE)(pdf)
    return pdf_bytes(pdf)


@pytest.mark.parametrize("words", [CLOSE_DE, CLOSE_EN], ids=["de", "en"])
def test_pdf_tables_pages_left_to_pdfminer_are_read_from_a_copy_of_their_own(words) -> None:
    """The pages whose tables' text pdfminer reads are copied by pdfium into a PDF of their own: pdfplumber
    reads from it the cells it reads from the whole file, on the same pages."""
    data = _pages_with_close_words(words)
    pages, _, _, excerpt = _read(data, "x.pdf", 10)
    assert [p.number for p in pages if isinstance(p.grid, Frames)] == [2, 4]
    assert excerpt is not None and len(pdfium.PdfDocument(excerpt)) == 2
    dehyphenator = Dehyphenator(" ".join(line.text for page in pages for line in page.lines))
    whole = _tables(data, pages, dehyphenator)
    assert _tables(excerpt, pages, dehyphenator, excerpt=True) == whole
    assert sorted(whole) == [2, 4, 5]
    joined = words[2] + words[3]
    assert [joined, ""] in whole[4][0].rows
    doc = load(data, name="x.pdf")
    assert [[joined, ""] in [list(row) for row in table.rows] for table in doc.tables].count(True) == 2


def test_pdf_tables_no_copy_where_pdfplumber_reads_a_page_whole() -> None:
    """A ruled page pdfplumber reads whole (a rotated one) is read from the file itself, and so are the others."""
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    _close_words(inside=True)(pdf)
    pdf.add_page(orientation="L")
    pdf.set_font("Helvetica", "", 10)
    _fpdf_table(ROWS_EN)(pdf)
    source = pdfium.PdfDocument(pdf_bytes(pdf))
    source[1].set_rotation(90)
    out = io.BytesIO()
    source.save(out)
    pages, _, _, excerpt = _read(out.getvalue(), "x.pdf", 10)
    assert isinstance(pages[0].grid, Frames) and pages[1].ruled and pages[1].grid is None
    assert excerpt is None
