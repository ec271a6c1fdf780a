"""Read what a reader is shown, no more and no less (issue 12, classes 2-6), in every format
each class applies to. Every file is built here.

2. scanned pages beside text pages          -> partial, naming the pages
3. visible text that a parser skips         -> read, or partial naming what was left out
4. hidden text                              -> left out (a notice says so), or kept with a warning
5. text-layer tricks (look-alikes, bidi, blanked glyphs) -> read as shown, with a warning
6. a stray byte in UTF-8                    -> that byte replaced, the rest read, with a warning

The attack behind 4 is a bad policy plus a hidden reassuring sentence: it must never be green.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import docx
import pytest
from fpdf import FPDF
from PIL import Image

from dpcheck import Scanner
from dpcheck.ingest import Document, load, load_text

from .conftest import _stream, docx_bytes, raw_pdf, rewrite_docx

BAD = (
    "Privacy policy. We transfer customer personal data to Russia and to India. No safeguards apply to these transfers."
)
BAD_DE = (
    "Datenschutzerklärung. Wir übermitteln personenbezogene Kundendaten nach Russland und nach Indien. "
    "Für diese Übermittlungen gelten keine Garantien."
)
REASSURANCE = "These transfers rely on the EU Standard Contractual Clauses with supplementary measures."
REASSURANCE_DE = "Grundlage sind die EU-Standardvertragsklauseln mit ergänzenden Maßnahmen."
MARK = "Shownclause"  # a word that only the part under test holds


def _codes(doc: Document) -> set[str]:
    return {notice.code for notice in doc.notices}


def _scan(scanner: Scanner, data: bytes, name: str):
    report = scanner.scan_bytes(data, name)
    assert report.status == "ok", report.error
    return report


# --- builders ----------------------------------------------------------------------------------


def _pdf(
    content: bytes,
    *,
    resources: bytes = b"",
    catalog: bytes = b"",
    annots: bytes = b"",
    extra: tuple[bytes, ...] = (),
    font: bytes = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
) -> bytes:
    """One page holding ``content``; font F1 is object 5, ``extra`` objects follow from 6."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R " + catalog + b">>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> " + resources + b">> " + annots + b">>",
            _stream(content),
            font,
            *extra,
        ]
    )


def _lines(*texts: str, top: int = 720) -> bytes:
    return b"".join(
        b"BT /F1 11 Tf 72 %d Td (%s) Tj ET\n" % (top - 16 * i, t.encode("latin-1")) for i, t in enumerate(texts)
    )


def _bad_pdf_with(hidden: bytes, **kwargs: bytes) -> bytes:
    """The bad policy in visible lines, then ``hidden`` drawing the reassurance at y = 600."""
    sentences = [part if part.endswith(".") else part + "." for part in BAD.split(". ")]
    return _pdf(_lines(*sentences) + hidden, **kwargs)


def _at(y: int = 600, text: str = REASSURANCE) -> bytes:
    return b"72 %d Td (%s) Tj" % (y, text.encode("latin-1"))


HIDDEN_PDF: dict[str, Callable[[], bytes]] = {
    "invisible-render-mode": lambda: _bad_pdf_with(b"BT /F1 11 Tf 3 Tr " + _at() + b" ET"),
    "white-text": lambda: _bad_pdf_with(b"BT 1 1 1 rg /F1 11 Tf " + _at() + b" ET"),
    "tiny-text": lambda: _bad_pdf_with(b"BT /F1 1 Tf " + _at() + b" ET"),
    "covered-by-a-box": lambda: _bad_pdf_with(b"BT /F1 11 Tf " + _at() + b" ET 0.9 0.9 0.8 rg 60 590 480 30 re f"),
    "clipped-away": lambda: _bad_pdf_with(b"q 0 0 1 1 re W n BT /F1 11 Tf " + _at() + b" ET Q"),
    "off-the-page": lambda: _bad_pdf_with(b"BT /F1 11 Tf " + _at(-400) + b" ET"),
    "layer-switched-off": lambda: _bad_pdf_with(
        b"/OC /oc1 BDC BT /F1 11 Tf " + _at() + b" ET EMC",
        resources=b"/Properties << /oc1 6 0 R >> ",
        catalog=b"/OCProperties << /OCGs [6 0 R] /D << /OFF [6 0 R] >> >> ",
        extra=(b"<< /Type /OCG /Name (Notes) >>",),
    ),
}


def _scanned_pdf(text_pages: int, image_pages: int) -> bytes:
    """A signed document: text pages (a cover, a signature certificate), then scanned pages."""
    pdf = FPDF()
    pdf.set_font("Helvetica", "", 11)
    for number in range(text_pages):
        pdf.add_page()
        pdf.set_y(60)
        pdf.multi_cell(
            0,
            6,
            text=(
                "Signature certificate. Signed electronically by both parties.",
                "Cover page of the data processing agreement.",
            )[number % 2],
        )
    picture = Image.new("L", (600, 800), 255)
    for x in range(40, 560, 2):
        picture.putpixel((x, 120), 0)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    for _ in range(image_pages):
        pdf.add_page()
        pdf.image(buffer, x=5, y=5, w=200)
    return bytes(pdf.output())


def _tounicode_font(target: bytes) -> bytes:
    """Helvetica whose ToUnicode map sends the code of "o" to ``target`` (UTF-16BE hex)."""
    return (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        _stream(
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Odd def "
            b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <6F> "
            + target
            + b" endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
        ),
    )


def _tounicode_pdf(target: bytes, text: str) -> bytes:
    font, cmap = _tounicode_font(target)
    return _pdf(_lines(text), font=font, extra=(cmap,))


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_with(body_xml: str, *, before: str = BAD) -> bytes:
    """A DOCX holding ``before`` as a paragraph, then the raw ``body_xml`` (w: prefix bound)."""
    data = docx_bytes(before, "PLACEHOLDER")
    return rewrite_docx(
        data,
        "word/document.xml",
        lambda xml: xml.replace(b"<w:p><w:r><w:t>PLACEHOLDER</w:t></w:r></w:p>", body_xml.encode()),
    )


def _run(text: str, props: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _html(body: str, head: str = "") -> bytes:
    return f"<!doctype html><html><head><title>Policy</title>{head}</head><body>{body}</body></html>".encode()


# --- 2. scanned pages beside text pages ----------------------------------------------------------


def test_shown_pdf_scanned_pages_beside_a_text_page_are_named(scanner: Scanner) -> None:
    """One text page no longer hides three scanned ones: the read is partial and names pages 2-4."""
    data = _scanned_pdf(1, 3)
    doc = load(data, name="signed.pdf")
    notice = doc.notice("image-only-pages")
    assert notice is not None and notice.partial and notice.pages == (2, 3, 4)
    assert "page(s) 2, 3, 4 of 4" in notice.message and "OCR" in notice.message
    report = _scan(scanner, data, "signed.pdf")
    assert report.partial and report.rating != "green"


def test_shown_pdf_text_pages_alone_are_not_scans() -> None:
    """The control: text pages without scans carry no such notice, and a scan alone is still no text."""
    assert load(_scanned_pdf(2, 0), name="a.pdf").notice("image-only-pages") is None
    with pytest.raises(Exception, match="E112"):
        load(_scanned_pdf(0, 2), name="scan.pdf")


# --- 3. visible text that is read ----------------------------------------------------------------

SHOWN_HTML = {
    "aria-hidden": f'<p aria-hidden="true">{MARK} stays.</p>',
    "form": f"<form><p>{MARK} inside a form.</p></form>",
    "nav-outside-main": f"<nav><p>{MARK} in navigation.</p></nav><main><p>Main text.</p></main>",
    "header-outside-main": f"<header><p>{MARK} in a site header.</p></header><main><p>Main.</p></main>",
    "footer-outside-main": f"<main><p>Main.</p></main><footer><p>{MARK} in a site footer.</p></footer>",
    "cookie-banner-class": f'<div class="gdpr-notice"><p>{MARK} in a consent notice.</p></div>',
    "cookie-banner-id": f'<div id="cookie-banner"><p>{MARK} in a banner.</p></div>',
    "textarea": f"<textarea>{MARK} typed in a text area.</textarea>",
    "button": f"<button>{MARK} on a button</button>",
    "select-shown-option": f"<select><option>First</option><option selected>{MARK} chosen</option></select>",
    "input-value": f'<input type="text" value="{MARK} filled in">',
    "svg-text": f'<svg width="200" height="40"><text x="0" y="20">{MARK} drawn as SVG text</text></svg>',
    "iframe-srcdoc": f'<iframe srcdoc="&lt;p&gt;{MARK} in an inline frame.&lt;/p&gt;"></iframe>',
    "math": f"<math><mi>{MARK}</mi></math>",
}


@pytest.mark.parametrize("case", SHOWN_HTML, ids=list(SHOWN_HTML))
def test_shown_html_visible_text_is_read(case: str) -> None:
    """Text a browser shows is read wherever it sits: chrome, forms, controls, SVG, srcdoc."""
    doc = load(_html(f"<p>{BAD}</p>" + SHOWN_HTML[case]), name="policy.html")
    assert MARK in doc.text, case
    assert not doc.partial


def test_shown_html_unselected_options_and_iframe_content_are_not_shown() -> None:
    """A list shows one option, an iframe with a source never shows its children: neither is text."""
    doc = load(
        _html(
            f"<p>{BAD}</p><select><option>Shown</option><option>Notshown one</option></select>"
            "<iframe src='https://example.invalid/'>Notshown two</iframe>"
        ),
        name="p.html",
    )
    assert "Shown" in doc.text and "Notshown" not in doc.text


def test_shown_html_object_fallback_is_partial(scanner: Scanner) -> None:
    """An <object>'s fallback shows only if its resource fails to load: not read, and the read is partial."""
    data = _html(f"<p>{BAD}</p><object data='policy-extra.svg'>{REASSURANCE}</object>")
    doc = load(data, name="p.html")
    assert REASSURANCE not in doc.text
    notice = doc.notice("unread-object-fallback")
    assert notice is not None and notice.partial and "<object>" in notice.message
    assert _scan(scanner, data, "p.html").rating != "green"


SHOWN_DOCX = {
    "tracked-insertion": f'<w:p><w:ins w:id="1" w:author="a">{_run(MARK + " inserted.")}</w:ins></w:p>',
    "move-to": f'<w:p><w:moveTo w:id="2" w:author="a">{_run(MARK + " moved here.")}</w:moveTo></w:p>',
    "inline-content-control": f"<w:p><w:sdt><w:sdtContent>{_run(MARK + ' in a control.')}</w:sdtContent></w:sdt></w:p>",
    "block-content-control": f"<w:sdt><w:sdtContent><w:p>{_run(MARK + ' in a block control.')}</w:p></w:sdtContent></w:sdt>",
    "simple-field": f'<w:p><w:fldSimple w:instr="DOCPROPERTY Clause">{_run(MARK + " field result.")}</w:fldSimple></w:p>',
    "custom-xml": f'<w:customXml w:element="clause"><w:p>{_run(MARK + " in custom XML.")}</w:p></w:customXml>',
    "hyperlink": f'<w:p><w:hyperlink w:anchor="x">{_run(MARK + " linked.")}</w:hyperlink></w:p>',
    "vml-text-box": f'<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
    f"<w:txbxContent><w:p>{_run(MARK + ' in a text box.')}</w:p></w:txbxContent>"
    "</v:textbox></v:shape></w:pict></w:r></w:p>",
}


@pytest.mark.parametrize("case", SHOWN_DOCX, ids=list(SHOWN_DOCX))
def test_shown_docx_text_word_shows_is_read(case: str) -> None:
    """Tracked insertions, moves, content controls, fields, custom XML, links and text boxes are read."""
    doc = load(_docx_with(SHOWN_DOCX[case]), name="dpa.docx")
    assert MARK in doc.text, case
    assert doc.text.count(MARK) == 1


def test_shown_docx_deletions_stay_out() -> None:
    """Tracked deletions and moved-away text are not shown with changes accepted: not read."""
    body = (
        f'<w:p>{_run("Data stays in ")}<w:del w:id="1" w:author="a"><w:r><w:delText>Notshown Russia and '
        f'</w:delText></w:r></w:del>{_run("Germany.")}<w:moveFrom w:id="2" w:author="a">'
        f"{_run('Notshown moved away.')}</w:moveFrom></w:p>"
    )
    doc = load(_docx_with(body), name="dpa.docx")
    assert "Data stays in Germany." in doc.text and "Notshown" not in doc.text


def test_shown_docx_text_box_with_fallback_is_read_once() -> None:
    """A DrawingML text box with its VML fallback is one text box."""
    box = f"<w:txbxContent><w:p>{_run(MARK + ' boxed.')}</w:p></w:txbxContent>"
    body = (
        '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="x-wps">{box}</wps:txbx></w:drawing>'
        f"</mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    assert load(_docx_with(body), name="dpa.docx").text.count(MARK) == 1


def test_shown_docx_headers_footers_and_footnotes_are_read() -> None:
    """Headers, footers and footnotes are shown on the page: read (EN and DE)."""
    document = docx.Document()
    document.add_paragraph(BAD_DE)
    section = document.sections[0]
    section.header.add_paragraph(f"{MARK} Kopfzeile: Übermittlung in die USA.")
    section.footer.add_paragraph("Footer: transfers to India are covered.")
    out = io.BytesIO()
    document.save(out)
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p>{_run("Footnote: Notshown-not, this one is read.")}</w:p></w:footnote>'
        "</w:footnotes>"
    )
    data = _add_part(
        out.getvalue(),
        "word/footnotes.xml",
        footnotes,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
    )
    doc = load(data, name="dpa.docx")
    for shown in (MARK, "Footer: transfers to India", "Footnote: Notshown-not"):
        assert shown in doc.text


def _add_part(data: bytes, name: str, xml: str, content_type: str, rel_type: str) -> bytes:
    """``data`` with a new part related to the main document."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>", f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>'.encode()
                )
            elif info.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdX" Type="{rel_type}" '
                    f'Target="{name.split("/", 1)[1]}"/></Relationships>'.encode(),
                )
            target.writestr(info, content)
        target.writestr(name, xml)
    return out.getvalue()


def test_shown_pdf_form_fields_and_free_text_notes_are_read(scanner: Scanner) -> None:
    """A filled-in form field and a free-text note are shown on the page: read, in place."""
    data = _pdf(
        _lines("Transfers of customer data:"),
        annots=b"/Annots [6 0 R 7 0 R]",
        catalog=b"/AcroForm << /Fields [6 0 R] >> ",
        extra=(
            b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (where) /V (We send customer data to Russia.) "
            b"/Rect [72 680 500 700] /P 3 0 R /DA (/Helv 10 Tf 0 g) >>",
            b"<< /Type /Annot /Subtype /FreeText /Contents (No safeguards apply to these transfers.) "
            b"/Rect [72 640 500 660] /P 3 0 R /DA (/Helv 10 Tf 0 g) >>",
        ),
    )
    doc = load(data, name="form.pdf")
    assert (
        doc.text.index("Transfers of")
        < doc.text.index("We send customer data to Russia.")
        < doc.text.index("No safeguards apply")
    )
    assert doc.notice("form-fields-read") is not None
    assert _scan(scanner, data, "form.pdf").rating == "red"


def test_shown_pdf_hidden_annotations_are_not_read() -> None:
    """A free-text note flagged hidden is not shown: not read."""
    data = _pdf(
        _lines(BAD),
        annots=b"/Annots [6 0 R]",
        extra=(
            b"<< /Type /Annot /Subtype /FreeText /F 2 /Contents ("
            + REASSURANCE.encode()
            + b") /Rect [72 640 500 660] >>",
        ),
    )
    assert REASSURANCE not in load(data, name="a.pdf").text


# --- 4. hidden text that is left out -------------------------------------------------------------

HIDDEN_HTML = {
    "class-display-none": ("<style>.gdpr-x { display: none }</style>", '<p class="gdpr-x">{}</p>'),
    "id-visibility-hidden": ("<style>#note { visibility: hidden }</style>", '<p id="note">{}</p>'),
    "font-size-zero": ("<style>.fine { font-size: 0 }</style>", '<p class="fine">{}</p>'),
    "white-on-white": ("", '<p style="color: #ffffff">{}</p>'),
    "colour-of-its-ground": ("<style>.box { background: #123456; color: #123456 }</style>", '<p class="box">{}</p>'),
    "off-screen": ("<style>.away { position: absolute; left: -9999px }</style>", '<p class="away">{}</p>'),
    "text-indent": ("", '<p style="text-indent: -10000px">{}</p>'),
    "opacity-zero": ("", '<p style="opacity:0">{}</p>'),
    "clip-path": ("", '<p style="clip-path: inset(50%)">{}</p>'),
    "clip-rect": ("<style>.sr { position: absolute; clip: rect(0 0 0 0) }</style>", '<span class="sr">{}</span>'),
    "zero-size": ("", '<div style="height: 0; overflow: hidden"><p>{}</p></div>'),
    "hidden-attribute": ("", "<p hidden>{}</p>"),
    "media-query-for-every-screen": (
        "<style>@media screen and (min-width: 1px) { .m { display: none } }</style>",
        '<p class="m">{}</p>',
    ),
    "important-wins": (
        "<style>.a { display: none !important } #b { display: block }</style>",
        '<p class="a" id="b">{}</p>',
    ),
    "closed-dialog": ("", "<dialog><p>{}</p></dialog>"),
}


@pytest.mark.parametrize("case", HIDDEN_HTML, ids=list(HIDDEN_HTML))
def test_shown_html_hidden_reassurance_is_not_evidence(case: str, scanner: Scanner) -> None:
    """A bad policy with a CSS-hidden reassuring sentence: the sentence is left out, a notice
    says the page hides text, and the rating stays red."""
    head, template = HIDDEN_HTML[case]
    data = _html(f"<p>{BAD}</p>" + template.format(REASSURANCE), head)
    doc = load(data, name="policy.html")
    assert REASSURANCE not in doc.text and BAD in doc.text
    assert "hidden-text" in _codes(doc)
    assert _scan(scanner, data, "policy.html").rating == "red"


def test_shown_html_child_shown_inside_hidden_parent_is_read() -> None:
    """visibility is inherited but can be undone by a child; display: none cannot. A bad clause
    made visible again inside a hidden box is read."""
    data = _html(
        f'<div style="visibility:hidden">Gone <p style="visibility:visible">{BAD}</p></div>'
        f'<div style="display:none"><p style="display:block">Gone too</p></div>'
    )
    doc = load(data, name="p.html")
    assert BAD in doc.text and "Gone" not in doc.text


def test_shown_html_print_and_narrow_screen_rules_do_not_hide() -> None:
    """Rules for print or for narrow screens do not hide text on a desktop screen."""
    head = "<style>@media print { .p { display: none } } @media (max-width: 600px) { .n { display: none } }</style>"
    doc = load(_html(f'<p class="p">{BAD}</p><p class="n">{REASSURANCE}</p>', head), name="p.html")
    assert BAD in doc.text and REASSURANCE in doc.text and "hidden-text" not in _codes(doc)


def test_shown_html_hiding_class_from_unread_stylesheet_is_a_warning(scanner: Scanner) -> None:
    """Where the hiding cannot be told (a conventional class from a linked stylesheet), the text
    is read and the document is partial: never green for it."""
    data = _html(
        f'<p>{BAD}</p><p class="sr-only">{REASSURANCE}</p>',
        '<link rel="stylesheet" href="https://example.invalid/site.css">',
    )
    doc = load(data, name="p.html")
    notice = doc.notice("hidden-text-suspected")
    assert notice is not None and notice.partial and REASSURANCE in doc.text
    assert "external-styles" in _codes(doc)
    assert _scan(scanner, data, "p.html").rating != "green"


@pytest.mark.parametrize(
    "control",
    [
        '<button type="button" class="navbar-toggle"><span class="sr-only">Toggle navigation</span></button>',
        '<label class="sr-only" for="q">Suche</label><input id="q">',
    ],
)
def test_shown_html_screen_reader_label_of_a_control_is_no_suspect(control: str) -> None:
    """A control's label for screen readers ("Toggle navigation") names the control: the page is read whole, not
    partial for it; a passage under the same class elsewhere still is."""
    data = _html(f"{control}<p>{BAD}</p>", '<link rel="stylesheet" href="https://example.invalid/site.css">')
    assert load(data, name="p.html").notice("hidden-text-suspected") is None
    data = _html(f'{control}<p>{BAD}</p><p class="sr-only">{REASSURANCE}</p>')
    assert load(data, name="p.html").notice("hidden-text-suspected") is not None


HIDDEN_MARKDOWN = {
    "inline-span": '{bad} <span style="display:none">{hidden}</span>\n',
    "span-class": '<style>.x {{ font-size: 0 }}</style>\n\n{bad} <span class="x">{hidden}</span>\n',
    "hidden-div-around-paragraphs": '{bad}\n\n<div style="display:none">\n\n{hidden}\n\n</div>\n\nEnd.\n',
    "white-div": '{bad}\n\n<div style="color:#fff">{hidden}</div>\n',
}


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("case", HIDDEN_MARKDOWN, ids=list(HIDDEN_MARKDOWN))
def test_shown_markdown_hidden_inline_html_is_not_evidence(case: str, language: str, scanner: Scanner) -> None:
    """Raw HTML in Markdown that hides a reassuring sentence: left out, noticed, and not green."""
    bad, hidden = (BAD, REASSURANCE) if language == "en" else (BAD_DE, REASSURANCE_DE)
    text = "# Policy\n\n" + HIDDEN_MARKDOWN[case].format(bad=bad, hidden=hidden)
    doc = load_text(text, format="markdown")
    assert hidden not in doc.text and "hidden-text" in _codes(doc)
    assert _scan(scanner, text.encode(), "policy.md").rating == "red"


@pytest.mark.parametrize("case", HIDDEN_PDF, ids=list(HIDDEN_PDF))
def test_shown_pdf_hidden_reassurance_is_not_evidence(case: str, scanner: Scanner) -> None:
    """Text no one sees on the drawn page is left out, with a notice naming the page; red stays red."""
    data = HIDDEN_PDF[case]()
    doc = load(data, name="policy.pdf")
    assert "Contractual" not in doc.text and "Russia" in doc.text
    notice = doc.notice("hidden-text")
    assert notice is not None and notice.pages == (1,)
    assert _scan(scanner, data, "policy.pdf").rating == "red"


def test_shown_pdf_white_text_on_a_dark_box_is_read() -> None:
    """The control: white text on a dark box is seen, and read."""
    data = _bad_pdf_with(b"0.1 0.1 0.3 rg 60 590 480 30 re f BT 1 1 1 rg /F1 11 Tf " + _at() + b" ET")
    doc = load(data, name="p.pdf")
    assert REASSURANCE in doc.text and "hidden-text" not in _codes(doc)


def test_shown_pdf_ocr_layer_over_a_scan_is_read() -> None:
    """Invisible OCR text over a scanned image is what the image shows: read, not hidden."""
    picture = Image.new("L", (400, 100), 255)
    for x in range(10, 390):
        for y in range(30, 70, 3):
            picture.putpixel((x, y), 0)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(buffer, x=10, y=20, w=190)
    pdf.set_font("Helvetica", "", 11)
    pdf.text_mode = 3  # invisible, as OCR tools write it
    pdf.set_xy(12, 30)
    pdf.multi_cell(180, 6, text=BAD)
    doc = load(bytes(pdf.output()), name="ocr.pdf")
    assert "Russia" in doc.text and "hidden-text" not in _codes(doc)


HIDDEN_DOCX = {
    "vanish": "<w:vanish/>",
    "white": '<w:color w:val="FFFFFF"/>',
    "white-theme": '<w:color w:val="FFFFFF" w:themeColor="background1"/>',
    "one-point": '<w:sz w:val="2"/>',
}


@pytest.mark.parametrize("case", HIDDEN_DOCX, ids=list(HIDDEN_DOCX))
def test_shown_docx_hidden_runs_are_not_evidence(case: str, scanner: Scanner) -> None:
    """Hidden, white and 1 pt runs are left out with a notice; the bad policy stays red."""
    data = _docx_with(f"<w:p>{_run(REASSURANCE, HIDDEN_DOCX[case])}</w:p>")
    doc = load(data, name="dpa.docx")
    assert REASSURANCE not in doc.text and "Russia" in doc.text
    assert "hidden-text" in _codes(doc)
    assert _scan(scanner, data, "dpa.docx").rating == "red"


def test_shown_docx_hidden_by_style_and_shown_on_shading() -> None:
    """A character style that hides is followed; white text on a dark shading is seen and read."""
    document = docx.Document()
    document.add_paragraph(BAD)
    style = document.styles.add_style("Quiet", docx.enum.style.WD_STYLE_TYPE.CHARACTER)
    style.font.hidden = True
    document.add_paragraph().add_run(REASSURANCE, style="Quiet")
    out = io.BytesIO()
    document.save(out)
    assert REASSURANCE not in load(out.getvalue(), name="a.docx").text
    props = '<w:color w:val="FFFFFF"/><w:shd w:fill="000080"/>'
    shaded = _docx_with("<w:p>" + _run("White on navy is read.", props) + "</w:p>")
    assert "White on navy is read." in load(shaded, name="b.docx").text


# --- 5. text-layer tricks ----------------------------------------------------------------------

TRICKS = {
    "cyrillic-i-in-india": ("We transfer customer data to Ind\u0456a.", "India"),
    "cyrillic-i-in-shield": ("We rely on the Privacy Sh\u0456eld.", "Privacy Shield"),
    "cyrillic-o-in-not": ("We do n\u043et transfer data to the United States.", "do not transfer"),
    "greek-omicron-in-not": ("Wir übermitteln n\u03bfch Daten nach Indien.", "noch Daten"),
}


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "docx"])
@pytest.mark.parametrize("case", TRICKS, ids=list(TRICKS))
def test_shown_lookalike_letters_are_folded_and_warned(case: str, fmt: str) -> None:
    """A Latin word with look-alike letters of another script is read as the Latin word, and the
    document is partial with a mixed-script warning that points at the word."""
    sentence, expected = TRICKS[case]
    doc = _load_as(fmt, sentence)
    assert expected in doc.text
    notice = doc.notice("mixed-script")
    assert notice is not None and notice.partial
    assert all(doc.text[at].isalpha() for at in notice.positions)


def test_shown_lookalike_letters_in_a_pdf_text_layer(scanner: Scanner) -> None:
    """A PDF whose text layer says Cyrillic "о" where it draws "o": read as "not", with a warning."""
    data = _tounicode_pdf(b"<043E>", "We do not transfer data outside Germany.")
    doc = load(data, name="a.pdf")
    assert "We do not transfer" in doc.text and doc.notice("mixed-script") is not None
    assert _scan(scanner, data, "a.pdf").rating != "green"


def test_shown_words_of_another_script_stay() -> None:
    """Russian and Greek words are left as written, and are no warning."""
    doc = load_text("Our office: Москва, улица Тверская. Greek: Αθήνα.")
    assert "Москва" in doc.text and "Αθήνα" in doc.text and not doc.partial


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "docx"])
def test_shown_right_to_left_override_is_read_as_shown(fmt: str) -> None:
    """Letters in a right-to-left override show reversed: "\u202eton\u202c" is read as the "not" a reader sees."""
    doc = _load_as(fmt, "We do \u202eton\u202c transfer personal data to the United States.")
    assert "We do not transfer personal data" in doc.text
    notice = doc.notice("bidi-override")
    assert notice is not None and notice.partial


def test_shown_invisible_format_characters_are_removed() -> None:
    """Zero-width, bidi marks, tags and other format characters do not split words; styled letters are plain."""
    doc = load_text("Trans\u200bfer to Ind\u2060ia \U000e0041under\u061c SCCs; \U0001d427\U0001d428\U0001d42d ｎｏｔ.")
    assert "Transfer to India under SCCs; not not." in doc.text and not doc.partial


@pytest.mark.parametrize(("target", "read"), [(b"<0020>", "We d n t"), (b"<0000>", "We d")])
def test_shown_pdf_tounicode_map_blanking_letters_is_warned(target: bytes, read: str, scanner: Scanner) -> None:
    """A ToUnicode map that turns the drawn "o" into a space or nothing: warned, partial, not green."""
    data = _tounicode_pdf(target, "We do not transfer data outside Germany.")
    doc = load(data, name="blank.pdf")
    assert doc.text.startswith(read)
    notice = doc.notice("blanked-glyphs")
    assert notice is not None and notice.partial and notice.pages == (1,)
    assert _scan(scanner, data, "blank.pdf").rating != "green"


def _load_as(fmt: str, sentence: str) -> Document:
    if fmt in ("text", "markdown"):
        return load_text(f"Policy\n\n{sentence}\n", format=fmt)  # type: ignore[arg-type]
    if fmt == "html":
        return load(_html(f"<p>{sentence}</p>"), name="p.html")
    return load(docx_bytes(sentence), name="p.docx")


# --- 6. one stray byte ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "wrap"),
    [
        ("policy.md", "# Datenschutz\n\n{}\n"),
        ("policy.txt", "{}\n"),
        ("policy.html", "<html><body><p>{}</p></body></html>"),
    ],
)
def test_shown_one_stray_byte_costs_one_character(name: str, wrap: str, scanner: Scanner) -> None:
    """UTF-8 German with one bad byte: the umlauts survive, the US transfer is found, and the read
    is partial with a warning counting the one replacement."""
    text = wrap.format("Wir übermitteln Kundendaten in die USA. Für diese Übermittlung gelten keine Garantien.")
    data = text.encode()
    at = data.index(b"Kundendaten")
    data = data[:at] + b"\xff" + data[at:]
    doc = load(data, name=name)
    assert "übermitteln" in doc.text and "Übermittlung" in doc.text and "Ã" not in doc.text
    assert doc.warnings and doc.warnings[0].startswith("1 byte sequence(s)")
    report = _scan(scanner, data, name)
    assert "US" in {t.destination for t in report.transfers} and report.partial and report.rating != "green"


def test_shown_whole_cp1252_file_still_decodes_as_cp1252() -> None:
    """A file that is cp1252 throughout (no UTF-8 sequence in it) is decoded as cp1252, without warning."""
    doc = load("Übermittlung „gemäß“ SCC – in die USA.".encode("cp1252"), name="a.txt")
    assert "Übermittlung „gemäß“ SCC – in die USA." in doc.text and not doc.partial


@pytest.mark.parametrize(
    "text",
    [
        "Quillon informs the customer 30 days before engaging another sub-processor.",
        "Quillon informiert den Kunden 30 Tage vor dem Einsatz eines weiteren Unterauftragsverarbeiters.",
    ],
)
def test_shown_html_light_text_on_a_ground_set_by_a_custom_property_is_read(text: str) -> None:
    """A dark theme whose background is a CSS custom property (``var(--ink)``) leaves the ground unknown: its light
    paragraphs are read, not judged the colour of a white page."""
    head = (
        "<style>:root { --ink: #101010; --paper: #f2efe6; } body { background: var(--ink); color: var(--paper); }"
        " p { color: rgba(242,239,230,0.6); }</style>"
    )
    doc = load(_html(f"<h1>Agreement</h1><p>{text}</p>", head), name="dpa.html")
    assert text in doc.text and "hidden-text" not in _codes(doc)
