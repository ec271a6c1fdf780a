"""DOCX ingestion on documents generated with python-docx."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from dpcheck.errors import ErrorCode, IngestError
from dpcheck.ingest import load, load_text

from .conftest import assert_consistent


def _fill(document: WordDocument) -> None:
    document.core_properties.title = "Acme DPA"
    document.add_paragraph("Acme Data Processing Agreement", style="Title")
    document.add_heading("1. Definitions", level=1)
    document.add_paragraph("Terms have the meaning given in the GDPR.")
    document.add_heading("1.1 Sub-processors", level=2)
    document.add_paragraph("Amazon Web Services", style="List Bullet")
    document.add_paragraph("Stripe", style="List Number")
    table = document.add_table(rows=3, cols=3)
    cells = [["Name", "Purpose", "Location"], ["AWS", "Hosting", "US"], ["Stripe", "Payments", "IE"]]
    for row, values in zip(table.rows, cells, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    merged = table.rows[2].cells[1].merge(table.rows[2].cells[2])
    merged.text = "Payments in Ireland"
    document.add_heading("2. Transfers", level=1)
    document.add_paragraph('<span class="keyterm">Provider</span> relies on SCCs.')


def test_docx_blocks_in_body_order(make_docx) -> None:
    """Headings from styles, list paragraphs and the table appear in document order."""
    doc = load(make_docx(_fill), name="dpa.docx")
    blocks = [(b.kind, b.text, b.level) for b in doc.blocks]
    assert blocks == [
        ("heading", "Acme Data Processing Agreement", 1),
        ("heading", "1. Definitions", 1),
        ("paragraph", "Terms have the meaning given in the GDPR.", 0),
        ("heading", "1.1 Sub-processors", 2),
        ("list_item", "Amazon Web Services", 0),
        ("list_item", "Stripe", 0),
        ("table_row", "Name | Purpose | Location", 0),
        ("table_row", "AWS | Hosting | US", 0),
        ("table_row", "Stripe | Payments in Ireland", 0),
        ("heading", "2. Transfers", 1),
        ("paragraph", "Provider relies on SCCs.", 0),
    ]
    assert doc.metadata["title"] == "Acme DPA"
    assert_consistent(doc)


def test_docx_table_merged_cells_once_per_row(make_docx) -> None:
    """A horizontally merged cell is one cell of its row, not repeated."""
    doc = load(make_docx(_fill), name="dpa.docx")
    (table,) = doc.tables
    assert table.header == ("Name", "Purpose", "Location")
    assert table.rows == (("AWS", "Hosting", "US"), ("Stripe", "Payments in Ireland"))
    assert table.heading_path == ("1. Definitions", "1.1 Sub-processors")


def test_docx_german_heading_style_and_outline_level(make_docx) -> None:
    """Localised style names ("Überschrift 2") and custom styles with an outline level are headings."""

    def fill(document: WordDocument) -> None:
        german = document.styles.add_style("Überschrift 2", WD_STYLE_TYPE.PARAGRAPH)
        custom = document.styles.add_style("Clause Title", WD_STYLE_TYPE.PARAGRAPH)
        custom.element.get_or_add_pPr()._add_outlineLvl(val=0)
        document.add_paragraph("Anlage 1", style=custom)
        document.add_paragraph("§ 3 Unterauftragsverhältnisse", style=german)
        document.add_paragraph("Der Auftragnehmer darf Unterauftragnehmer einsetzen.")

    doc = load(make_docx(fill), name="adv.docx")
    assert [(b.kind, b.level) for b in doc.blocks] == [("heading", 1), ("heading", 2), ("paragraph", 0)]
    assert doc.blocks[-1].heading_path == ("Anlage 1", "§ 3 Unterauftragsverhältnisse")


def test_docx_truncated_raises_corrupt(make_docx) -> None:
    """A .docx cut short is DOCX_CORRUPT."""
    data = make_docx(_fill)
    with pytest.raises(IngestError) as err:
        load(data[: len(data) // 2], name="dpa.docx")
    assert err.value.code == ErrorCode.DOCX_CORRUPT


def test_docx_missing_parts_raises_corrupt() -> None:
    """A zip with word/document.xml but no package structure is DOCX_CORRUPT."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(IngestError) as err:
        load(out.getvalue(), name="broken.docx")
    assert err.value.code == ErrorCode.DOCX_CORRUPT
    assert "could not parse as docx" in err.value.message


def test_docx_zip_that_is_not_docx_is_unsupported() -> None:
    """Any other ZIP archive is UNSUPPORTED_FORMAT, even named .docx."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(IngestError) as err:
        load(out.getvalue(), name="policy.docx")
    assert err.value.code == ErrorCode.UNSUPPORTED_FORMAT


def test_docx_without_text_raises_no_text(make_docx) -> None:
    """A document with only empty paragraphs is NO_TEXT."""
    with pytest.raises(IngestError) as err:
        load(make_docx(lambda d: d.add_paragraph("   ")), name="blank.docx")
    assert err.value.code == ErrorCode.NO_TEXT


@pytest.mark.parametrize(
    "row",
    [("Tallimo Ltd", "Email delivery in the United States"), ("Tallimo GmbH", "E-Mail-Versand in den USA")],
)
def test_docx_one_row_under_an_empty_header_row_is_a_table(make_docx, row) -> None:
    """A table saved from Markdown or HTML keeps the empty header row those need: one row under it is still a
    table, as it is there, not a box of text; the empty header stays empty."""

    def fill(document: WordDocument) -> None:
        grid = document.add_table(rows=2, cols=2)
        for j, cell in enumerate(row):
            grid.cell(1, j).text = cell

    doc = load(make_docx(fill), name="x.docx")
    assert doc.tables[0].header == ("", "")
    assert doc.tables[0].rows == (row,)
    assert (
        doc.tables[0].rows
        == load_text(f"| | |\n| --- | --- |\n| {row[0]} | {row[1]} |\n", format="markdown").tables[0].rows
    )


_LINKED = {
    "en": (
        "Provider engages the sub-processors named in ",
        "our sub-processor list",
        "https://acme.example/legal/subprocessors",
    ),
    "de": (
        "Der Auftragnehmer setzt die Unterauftragsverarbeiter ein, die in ",
        "unserer Liste",
        "https://acme.example/de/unterauftragsverarbeiter",
    ),
}


def _hyperlink(document: WordDocument, paragraph, text: str, target: str) -> None:
    rid = document.part.relate_to(target, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    shown = OxmlElement("w:t")
    shown.text = text
    run.append(shown)
    link.append(run)
    paragraph._p.append(link)


@pytest.mark.parametrize("language", ["en", "de"])
def test_docx_hyperlinks_are_recorded_with_their_text(make_docx, language: str) -> None:
    """A Word hyperlink (its target a relationship of the part) is recorded as Markdown and HTML record theirs, in a
    paragraph, a table cell and a HYPERLINK field alike; a link to a bookmark keeps its name."""
    before, text, target = _LINKED[language]

    def fill(document: WordDocument) -> None:
        _hyperlink(document, document.add_paragraph(before), text, target)
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Name", "Link"
        table.cell(1, 0).text = "Acme Cloud"
        _hyperlink(document, table.cell(1, 1).paragraphs[0], "Acme Cloud", "https://cloud.example/dpa")
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), f' HYPERLINK "{target}/v2" ')
        run = OxmlElement("w:r")
        shown = OxmlElement("w:t")
        shown.text = text
        run.append(shown)
        field.append(run)
        document.add_paragraph("")._p.append(field)
        bookmark = OxmlElement("w:hyperlink")
        bookmark.set(qn("w:anchor"), "annex-3")
        document.add_paragraph("Annex 3")._p.append(bookmark)

    doc = load(make_docx(fill), name="dpa.docx")
    assert doc.links == (
        (text, target),
        ("Acme Cloud", "https://cloud.example/dpa"),
        (text, f"{target}/v2"),
        ("", "#annex-3"),
    )
    assert doc.blocks[0].text == before + text
    assert_consistent(doc)


@pytest.mark.parametrize("language", ["en", "de"])
def test_docx_link_to_the_subprocessor_list_answers_the_list(make_docx, scanner, language: str) -> None:
    """A DPA whose Word rendering links to its sub-processor page has a list, as its Markdown and HTML renderings do."""
    target = _LINKED[language][2]

    def fill(document: WordDocument) -> None:
        document.add_paragraph(_DPA[language])
        _hyperlink(document, document.add_paragraph(_MORE[language]), _MORE[language], target)

    report = scanner.scan_bytes(make_docx(fill), "dpa.docx", language=language)
    assert "SUBPROCESSOR_LIST_MISSING" not in {f.rule_id for f in report.findings}


_MORE = {"en": "Read more", "de": "Mehr erfahren"}
_DPA = {
    "en": "This Data Processing Agreement governs the processing of personal data by the Processor on behalf of the "
    "Controller under Article 28 GDPR. The Processor shall not engage another processor without prior written "
    "authorisation of the Controller.",
    "de": "Dieser Vertrag zur Auftragsverarbeitung regelt die Verarbeitung personenbezogener Daten durch den "
    "Auftragsverarbeiter im Auftrag des Verantwortlichen nach Art. 28 DSGVO. Der Auftragsverarbeiter nimmt keinen "
    "weiteren Auftragsverarbeiter ohne vorherige schriftliche Genehmigung des Verantwortlichen in Anspruch.",
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_docx_paragraph_styles_found_once_per_style_id_read_as_python_docx_gives_them(
    make_docx, monkeypatch, language: str
) -> None:
    """A paragraph's style is looked up once per style id and document, and the blocks are those read with
    python-docx's own lookup for every paragraph: headings, list items, a style id the document does not define
    (the default style), and paragraphs without a style, in EN and DE."""
    from docx.text.paragraph import Paragraph

    from dpcheck.ingest import docx as reader

    words = {
        "en": ("Sub-processors", "Acme hosts the data.", "Beta Ltd", "Transfers"),
        "de": ("Unterauftragsverarbeiter", "Acme speichert die Daten.", "Beta GmbH", "Übermittlungen"),
    }[language]

    def fill(document: WordDocument) -> None:
        for _ in range(3):
            document.add_heading(words[0], level=1)
            document.add_paragraph(words[1])
            document.add_paragraph(words[2], style="List Bullet")
            stray = document.add_paragraph(words[3])
            stray._p.get_or_add_pPr().get_or_add_pStyle().val = "NoSuchStyle"

    data = make_docx(fill)
    looked_up: list[str | None] = []
    original = Paragraph.style.fget
    monkeypatch.setattr(Paragraph, "style", property(lambda p: looked_up.append(p._p.style) or original(p)))
    memo = [(b.kind, b.text, b.level) for b in load(data, name="dpa.docx").blocks]
    assert sorted(looked_up, key=str) == sorted({*looked_up}, key=str) and len(looked_up) == 4
    monkeypatch.setattr(reader._Reading, "paragraph_style", lambda self, paragraph, element: paragraph.style)
    assert memo == [(b.kind, b.text, b.level) for b in load(data, name="dpa.docx").blocks]
    assert memo[:4] == [
        ("heading", words[0], 1),
        ("paragraph", words[1], 0),
        ("list_item", words[2], 0),
        ("paragraph", words[3], 0),
    ]
