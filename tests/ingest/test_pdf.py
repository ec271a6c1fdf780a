"""PDF ingestion on PDFs generated with fpdf2."""

from __future__ import annotations

import ctypes
import io

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image

from dpcheck.errors import ErrorCode, IngestError
from dpcheck.ingest import load
from dpcheck.ingest.pdf_visibility import _EDGE, _SPACE, Canvas, _words, inked, object_bounds, page_objects
from dpcheck.limits import Limits

from .conftest import LOREM, assert_consistent, new_pdf, pdf_bytes


@pytest.fixture
def dpa(make_pdf) -> bytes:
    return make_pdf(
        [
            [
                ("B", 18, "Data Processing Addendum"),
                ("B", 11, "1. Definitions"),
                ("", 11, LOREM),
                ("B", 11, "2. International Transfers"),
                ("", 11, "Each sub-processor shall protect the data. Any trans-\nfer requires safeguards. " + LOREM),
            ],
            [
                ("B", 11, "3. Sub-processors"),
                ("", 11, "\u2022 Amazon Web Services, hosting in the United States."),
                ("", 11, "\u2022 Stripe, payments in Ireland."),
                ("B", 11, "\u00a7 4 Audits"),
                ("", 11, LOREM),
            ],
        ]
    )


def test_pdf_headings_and_paths(dpa: bytes) -> None:
    """Bold and larger lines become headings that nest by their numbering."""
    doc = load(dpa, name="dpa.pdf")
    headings = [(b.text, b.heading_path) for b in doc.blocks if b.kind == "heading"]
    assert headings == [
        ("Data Processing Addendum", ()),
        ("1. Definitions", ("Data Processing Addendum",)),
        ("2. International Transfers", ("Data Processing Addendum",)),
        ("3. Sub-processors", ("Data Processing Addendum",)),
        ("§ 4 Audits", ("Data Processing Addendum",)),
    ]
    assert_consistent(doc)


def test_pdf_wrapped_lines_form_one_paragraph(dpa: bytes) -> None:
    """A paragraph wrapped over several lines is one block, with the line-break hyphen undone."""
    doc = load(dpa, name="dpa.pdf")
    paragraphs = [b for b in doc.blocks if b.kind == "paragraph"]
    assert paragraphs[0].text == LOREM
    assert paragraphs[0].heading_path == ("Data Processing Addendum", "1. Definitions")
    assert "Any transfer requires safeguards." in paragraphs[1].text
    assert "sub-processor" in paragraphs[1].text


def test_pdf_bullets_are_list_items(dpa: bytes) -> None:
    """Bulleted lines become list items without the bullet."""
    doc = load(dpa, name="dpa.pdf")
    items = [b.text for b in doc.blocks if b.kind == "list_item"]
    assert items == ["Amazon Web Services, hosting in the United States.", "Stripe, payments in Ireland."]


def test_pdf_page_numbers_and_footer_removed(dpa: bytes) -> None:
    """Blocks know their page, page_at maps offsets back, and the running footer is gone."""
    doc = load(dpa, name="dpa.pdf")
    assert doc.page_count == 2
    sub = next(b for b in doc.blocks if b.text == "3. Sub-processors")
    assert sub.page == 2 and doc.page_at(sub.start) == 2
    assert doc.page_at(doc.blocks[0].start) == 1
    assert "Page 1 of 2" not in doc.text and "Acme DPA" not in doc.text


def test_pdf_paragraph_continues_across_pages(make_pdf) -> None:
    """A sentence cut by a page break is joined back into one paragraph."""
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.set_y(250)
    pdf.multi_cell(0, 6, text=LOREM + " " + LOREM, new_x="LMARGIN", new_y="NEXT")
    doc = load(pdf_bytes(pdf), name="x.pdf")
    assert [b.text for b in doc.blocks] == [LOREM + " " + LOREM]
    assert doc.page_count == 2 and doc.blocks[0].page == 1


def test_pdf_sentence_ran_to_the_margin_continues_on_the_next_page() -> None:
    """A line that ran to the margin mid-sentence goes on after the page break, even where the next
    page starts with a number or a capital ("Regulation (EU)" / "2016/679 ...")."""
    sentence = "Transfers rest on the clauses of Regulation " + " ".join(["2016/679"] * 60) + " only."
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.set_y(262)
    pdf.multi_cell(0, 6, text=sentence, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, text="Audits. The customer may audit once a year.", new_x="LMARGIN", new_y="NEXT")
    doc = load(pdf_bytes(pdf), name="x.pdf")
    assert doc.page_count == 2
    assert [b.text for b in doc.blocks] == [sentence, "Audits. The customer may audit once a year."]


def test_pdf_sentence_ended_at_the_page_foot_ends_its_paragraph() -> None:
    """A paragraph that ends with its sentence at the foot of a page does not run into the next page's."""
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.set_y(268)
    pdf.multi_cell(0, 6, text="Die Daten bleiben in der EU.", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.multi_cell(0, 6, text="Unterauftragsverarbeiter werden vorab benannt.", new_x="LMARGIN", new_y="NEXT")
    doc = load(pdf_bytes(pdf), name="x.pdf")
    assert [b.text for b in doc.blocks] == [
        "Die Daten bleiben in der EU.",
        "Unterauftragsverarbeiter werden vorab benannt.",
    ]


def test_pdf_table_across_pages_is_merged() -> None:
    """A ruled table that runs over a page break, header repeated, is one Table."""
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(text="Sub-processors", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    with pdf.table(repeat_headings=1) as grid:
        for cells in [("Name", "Purpose", "Location")] + [(f"Vendor {i}", "Hosting", "US") for i in range(60)]:
            row = grid.row()
            for cell in cells:
                row.cell(cell)
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, text="This list is updated from time to time.")
    doc = load(pdf_bytes(pdf), name="x.pdf")
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.header == ("Name", "Purpose", "Location")
    assert len(table.rows) == 60 and table.rows[-1] == ("Vendor 59", "Hosting", "US")
    assert table.heading_path == ("Sub-processors",)
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert rows[0].text == "Name | Purpose | Location" and len(rows) == 61
    assert doc.blocks[-1].text == "This list is updated from time to time."
    assert "Vendor 3" not in "".join(b.text for b in doc.blocks if b.kind != "table_row")
    assert_consistent(doc)


def test_pdf_letter_spaced_line_is_collapsed(make_pdf) -> None:
    """A tracked-out text layer ("T r a n s f e r s") reads as words again."""
    data = make_pdf([[("B", 12, "T r a n s f e r s  o f  d a t a"), ("", 11, LOREM)]], footer=False)
    doc = load(data, name="x.pdf")
    assert doc.blocks[0].text == "Transfers of data"


def test_pdf_encrypted_raises() -> None:
    """A PDF that needs a password is PDF_ENCRYPTED."""
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, text=LOREM)
    pdf.set_encryption(owner_password="owner", user_password="user")
    with pytest.raises(IngestError) as err:
        load(pdf_bytes(pdf), name="locked.pdf")
    assert err.value.code == ErrorCode.PDF_ENCRYPTED


def test_pdf_owner_password_only_is_readable() -> None:
    """Permissions-only encryption (empty user password) does not stop reading."""
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, text=LOREM)
    pdf.set_encryption(owner_password="owner")
    assert load(pdf_bytes(pdf), name="x.pdf").blocks[0].text == LOREM


def test_pdf_image_only_raises_no_text() -> None:
    """A scan without a text layer is PDF_NO_TEXT."""
    pdf = new_pdf()
    for _ in range(2):
        pdf.add_page()
        pdf.image(Image.new("RGB", (200, 280), "white"), x=10, y=10, w=190)
    with pytest.raises(IngestError) as err:
        load(pdf_bytes(pdf), name="scan.pdf")
    assert err.value.code == ErrorCode.PDF_NO_TEXT


@pytest.mark.parametrize("cut", [40, 300])
def test_pdf_truncated_raises_corrupt(dpa: bytes, cut: int) -> None:
    """A PDF cut short before its first page is PDF_CORRUPT."""
    with pytest.raises(IngestError) as err:
        load(dpa[:cut], name="dpa.pdf")
    assert err.value.code == ErrorCode.PDF_CORRUPT


def test_pdf_garbage_after_magic_raises_corrupt() -> None:
    """Bytes that only start like a PDF are PDF_CORRUPT, with pdfium's reason in the message."""
    with pytest.raises(IngestError) as err:
        load(b"%PDF-1.7\n" + b"garbage " * 100, name="x.pdf")
    assert err.value.code == ErrorCode.PDF_CORRUPT
    assert "\n" not in str(err.value)


def test_pdf_too_many_pages(make_pdf) -> None:
    """More pages than max_pages is TOO_MANY_PAGES."""
    data = make_pdf([[("", 11, LOREM)]] * 3)
    with pytest.raises(IngestError) as err:
        load(data, name="x.pdf", limits=Limits(max_pages=2))
    assert err.value.code == ErrorCode.TOO_MANY_PAGES


def test_pdf_metadata_title() -> None:
    """The PDF's Title entry lands in the document metadata."""
    pdf = new_pdf()
    pdf.set_title("Acme DPA")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, text=LOREM)
    assert load(io.BytesIO(pdf_bytes(pdf)).getvalue(), name="x.pdf").metadata["title"] == "Acme DPA"


def test_pdf_ink_in_windows_is_that_of_every_pixel() -> None:
    """Whether ink shows in a window, read from the windows' middle rows first, is whether the map comparing every
    pixel with its neighbours to the right and below has a step in it (text lines, flat bands, random noise, and
    windows at the page's right and lower edges, of one pixel, and whose middle row misses the ink)."""

    def every_pixel(grey: np.ndarray) -> np.ndarray:
        edges = np.zeros(grey.shape, dtype=bool)
        edges[:, :-1] = np.abs(np.diff(grey.astype(np.int16), axis=1)) >= _EDGE
        edges[:-1, :] |= np.abs(np.diff(grey.astype(np.int16), axis=0)) >= _EDGE
        return edges

    rng = np.random.default_rng(11)
    for _ in range(300):
        rows, cols = rng.integers(1, 14, size=2)
        grey = np.full((rows, cols), rng.choice([0, 200, 255]), dtype=np.uint8)
        for r in range(rows):
            kind = rng.integers(0, 4)
            if kind == 1:
                grey[r] = rng.integers(0, 256)
            elif kind == 2:
                grey[r] = rng.integers(0, 256, size=cols)
            elif kind == 3:
                grey[r, rng.integers(0, cols)] = rng.integers(0, 256)
        top = rng.integers(0, rows, size=40)
        bottom = np.minimum(rows, top + rng.integers(1, 6, size=40))
        left = rng.integers(0, cols, size=40)
        right = np.minimum(cols, left + rng.integers(1, 8, size=40))
        edges = every_pixel(grey)
        expected = [edges[t:b, lo:hi].any() for t, b, lo, hi in zip(top, bottom, left, right, strict=True)]
        assert inked(grey, top, bottom, left, right).tolist() == expected
    assert inked(np.zeros((3, 3), dtype=np.uint8), *(np.zeros(0, dtype=np.int64),) * 4).tolist() == []


def _nested_forms(levels: int) -> bytes:
    """A page with an image, a ruling and a sentence (EN and DE), placed as a form XObject inside a form
    inside a form ... ``levels`` deep, beside the page's own copy of the same objects at each level."""
    pdf = new_pdf()
    pdf.add_page()
    pdf.image(Image.new("RGB", (40, 30), "grey"), x=20, y=20, w=40)
    pdf.line(20, 60, 180, 60)
    pdf.rect(20, 70, 60, 20)
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, text="We transfer data to the United States. Wir übermitteln Daten in die USA.")
    data = pdf_bytes(pdf)
    for _ in range(levels):
        source = pdfium.PdfDocument(data)
        target = pdfium.PdfDocument.new()
        target.import_pages(source, [0])
        xobject = pdfium_c.FPDF_NewXObjectFromPage(target.raw, source.raw, 0)
        form = pdfium_c.FPDF_NewFormObjectFromXObject(xobject)
        page = target[0]
        pdfium_c.FPDFPage_InsertObject(page.raw, form)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
        page.close()
        pdfium_c.FPDF_CloseXObject(xobject)
        out = io.BytesIO()
        target.save(out)
        data = out.getvalue()
        target.close()
        source.close()
    return data


@pytest.mark.parametrize("levels", [0, 1, 2, 4])
def test_pdf_page_objects_are_pypdfium2s(levels: int) -> None:
    """The raw walk over a page's images and paths gives the objects, in the order, to the form depth
    and with the bounds of pypdfium2's ``get_objects(filter=..., max_depth=3)``, forms nested or not."""
    page = pdfium.PdfDocument(_nested_forms(levels))[0]
    both = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH)
    for kinds in ((pdfium_c.FPDF_PAGEOBJ_IMAGE,), (pdfium_c.FPDF_PAGEOBJ_PATH,), both):
        wrapped = [
            (obj.type, ctypes.cast(obj.raw, ctypes.c_void_p).value, obj.get_bounds())
            for obj in page.get_objects(filter=kinds, max_depth=3)
        ]
        walked = [
            (kind, ctypes.cast(obj, ctypes.c_void_p).value, object_bounds(obj))
            for kind, obj in page_objects(page, kinds)
        ]
        assert walked == wrapped
        assert len(walked) >= min(levels + 1, 3) * len(kinds)


def _grid(pdf, rows: list[tuple[str, ...]], headings: int = 0) -> None:
    with pdf.table(repeat_headings=headings, first_row_as_headings=bool(headings)) as grid:
        for cells in rows:
            row = grid.row()
            for cell in cells:
                row.cell(cell)


@pytest.mark.parametrize(
    ("header", "tall", "after"),
    [
        (("Name", "Purpose", "Location"), ("Tallimo Ltd", "Support tickets. " * 60, "United States"), "Rendora Inc"),
        (("Name", "Zweck", "Ort"), ("Tallimo GmbH", "Kundenbetreuung. " * 60, "Vereinigte Staaten"), "Rendora AG"),
    ],
)
def test_pdf_a_page_holding_one_row_of_a_table_is_part_of_it(header, tall, after) -> None:
    """A row too tall to share a page goes on the next page alone, with no header repeated: one row of ruled
    cells, which is still the table, not text of its own."""
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    _grid(
        pdf, [header] + [(f"Vendor {i}", "Hosting", "EU") for i in range(30)] + [tall, (after, "Hosting. " * 60, "EU")]
    )
    doc = load(pdf_bytes(pdf), name="x.pdf")
    assert doc.page_count == 3
    assert len(doc.tables) == 1
    names = [row[0] for row in doc.tables[0].rows]
    assert names[-2:] == [tall[0], after] and len(names) == 32
    assert_consistent(doc)


@pytest.mark.parametrize(
    ("first", "rest"),
    [
        (("Tallimo Ltd", "Hosting of the", "Ireland"), ("", "customer database", "")),
        (("Tallimo GmbH", "Betrieb der", "Irland"), ("", "Kundendatenbank", "")),
    ],
)
def test_pdf_a_row_cut_by_a_page_break_goes_on_its_row(first, rest) -> None:
    """Where a page break cuts a row, the next page starts with the rest of its cells and an empty first cell:
    they go on that row, not a row of their own."""
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    _grid(pdf, [("Name", "Purpose", "Location")] + [(f"Vendor {i}", "Hosting", "EU") for i in range(3)] + [first])
    pdf.add_page()
    _grid(pdf, [rest, ("Rendora Inc", "Analytics", "US")])
    doc = load(pdf_bytes(pdf), name="x.pdf")
    assert len(doc.tables) == 1
    rows = doc.tables[0].rows
    assert rows[3] == tuple(f"{a} {b}".strip() for a, b in zip(first, rest, strict=True))
    assert rows[4] == ("Rendora Inc", "Analytics", "US") and len(rows) == 5
    assert_consistent(doc)


_LINKED = {
    "en": (
        "Provider engages the sub-processors named in ",
        "our sub-processor list",
        "https://acme.example/subprocessors",
    ),
    "de": (
        "Der Auftragnehmer setzt die Unterauftragsverarbeiter aus ",
        "unserer Liste",
        "https://acme.example/de/unterauftrag",
    ),
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_pdf_web_links_are_recorded_with_the_text_under_them(language: str) -> None:
    """A link annotation to a web address is recorded with the words drawn under it, as Markdown and HTML record
    their links; a link to a page of the document names no address and is left out."""
    before, text, target = _LINKED[language]
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.write(6, before)
    pdf.write(6, text, link=target)
    pdf.write(6, ".")
    pdf.ln(10)
    pdf.write(6, "Annex 3", link=pdf.add_link(page=1))
    doc = load(pdf_bytes(pdf), name="dpa.pdf")
    assert doc.links == ((text, target),)
    assert doc.blocks[0].text == f"{before}{text}. Annex 3"
    assert_consistent(doc)


@pytest.mark.parametrize("language", ["en", "de"])
def test_pdf_link_to_the_subprocessor_list_answers_the_list(scanner, language: str) -> None:
    """A DPA whose PDF links to its sub-processor page has a list, as its Markdown and HTML renderings do."""
    body = {
        "en": "This Data Processing Agreement governs the processing of personal data by the Processor on behalf of "
        "the Controller under Article 28 GDPR. The Processor shall not engage another processor without prior "
        "written authorisation of the Controller.",
        "de": "Dieser Vertrag zur Auftragsverarbeitung regelt die Verarbeitung personenbezogener Daten durch den "
        "Auftragsverarbeiter im Auftrag des Verantwortlichen nach Art. 28 DSGVO. Der Auftragsverarbeiter nimmt "
        "keinen weiteren Auftragsverarbeiter ohne vorherige schriftliche Genehmigung des Verantwortlichen in Anspruch.",
    }[language]
    more = {"en": "Read more", "de": "Mehr erfahren"}[language]
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, text=body, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.write(6, more, link=_LINKED[language][2])
    report = scanner.scan_bytes(pdf_bytes(pdf), "dpa.pdf", language=language)
    assert "SUBPROCESSOR_LIST_MISSING" not in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["Customer", "data", "stays", "within", "Norway"]),
        ("de", ["Kundendaten", "bleiben", "innerhalb", "Norwegens"]),
    ],
)
def test_pdf_a_word_whose_first_letter_does_not_show_is_judged_whole(language: str, words: list[str]) -> None:
    """A word's first glyph that shows no ink does not decide alone: the word is seen when its other letters show,
    and hidden when none does."""
    pdf = new_pdf()
    pdf.add_page()
    for hidden_rest in (False, True):
        for word in words:
            pdf.set_font("Helvetica", "", 12)
            pdf.set_text_color(255, 255, 255)
            pdf.write(8, word[0])
            pdf.set_text_color(*((255, 255, 255) if hidden_rest else (0, 0, 0)))
            pdf.write(8, word[1:] + (" " if hidden_rest else "Q "))
        pdf.ln(12)
    doc = load(pdf_bytes(pdf), name=f"first-{language}.pdf")
    for word in words:
        assert doc.text.count(word) == 1 and f"{word}Q" in doc.text
    assert doc.notice("hidden-text") is not None


def test_pdf_words_and_spaces_of_a_page_are_those_of_str_isspace() -> None:
    """The words visibility is judged by are the runs of characters ``str.isspace`` says are no space, and the
    spaces read for blanked letters are the characters it says are: ``re``'s ``\\s`` and ``\\S`` split every code
    point so, NUL, U+FFFE and the spaces beyond ASCII (no-break, ideographic, line separator) included."""
    every = "".join(map(chr, range(0x110000)))
    assert [m.start() for m in _SPACE.finditer(every)] == [i for i, c in enumerate(every) if c.isspace()]
    for text in (
        "",
        "   ",
        "Wir übermitteln\u00a0Daten\r\nin die USA.",
        "We\u2028transfer \u3000data\x00to\ufffe the  United States ",
        "x",
    ):
        expected, start = [], None
        for index, char in enumerate(text + " "):
            if char.isspace() and start is not None:
                expected.append((start, index))
                start = None
            elif not char.isspace() and start is None:
                start = index
        assert _words(text) == expected


def test_pdf_pages_drawn_on_one_canvas_are_drawn_as_on_their_own() -> None:
    """The pages of a document drawn in turn on one canvas (a small page after a large one, a large after a small)
    have the pixels each has drawn on a bitmap of its own, and the canvas grows to the largest page."""
    pdf = new_pdf()
    for orientation, text in (("P", LOREM), ("L", "Wir übermitteln Daten in die USA. " * 20), ("P", "Short.")):
        pdf.add_page(orientation=orientation)
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, text=text)
    document = pdfium.PdfDocument(pdf_bytes(pdf))
    document[2].set_mediabox(0, 0, 300, 400)
    canvas = Canvas()
    for page in (document[0], document[1], document[2], document[1]):
        alone = page.render(scale=2.0, grayscale=True, draw_annots=True, may_draw_forms=False).to_numpy().copy()
        on_canvas = page.render(
            scale=2.0, grayscale=True, draw_annots=True, may_draw_forms=False, bitmap_maker=canvas.bitmap
        ).to_numpy()
        assert on_canvas.shape == alone.shape
        assert np.array_equal(on_canvas, alone)
    assert canvas._buffer is not None and len(canvas._buffer) == max(
        int(np.ceil(page.get_width() * 2)) * int(np.ceil(page.get_height() * 2)) for page in document
    )
