"""Generators for hostile inputs: every file is built here, none is stored.

``CASES`` is the table of hostile input classes with the outcome each must have; the tests
scan each one alone, and all of them together through the command line.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import docx
from fpdf import FPDF
from ingest.conftest import LOREM, new_pdf, pdf_bytes
from PIL import Image

POLICY_EN = (
    "We transfer personal data to the United States on the basis of the EU Standard Contractual Clauses. "
    "Our hosting provider stores all customer data in Germany."
)
POLICY_DE = (
    "Wir übermitteln personenbezogene Daten in die USA auf Grundlage der EU-Standardvertragsklauseln. "
    "Unser Hoster speichert alle Kundendaten in Deutschland (Übermittlung gemäß § 5 – Unterauftragsverhältnisse)."
)
SCRIPT_TEXT = "SCRIPTMARKER transfer to Russia under Privacy Shield"


# --- PDF ---------------------------------------------------------------------------------------


def raw_pdf(objects: list[bytes], *, root: int = 1, trailer: bytes = b"") -> bytes:
    """A PDF from numbered object bodies (object i+1 is objects[i]) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, trailer, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _text_content(text: str) -> bytes:
    return b"BT /F1 11 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"


def _page_objects(content: bytes, kids: bytes, count: int, filter_: bytes = b"") -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(content, filter_),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def many_pages_pdf(pages: int) -> bytes:
    """``pages`` pages that are one page object referenced over and over: a few KB on disk."""
    return raw_pdf(_page_objects(_text_content(POLICY_EN), b"3 0 R " * pages, pages))


def deflate_bomb(size: int, *, raw: bool = False) -> tuple[bytes, int]:
    """A Flate stream inflating to ``size`` spaces (a multiple of 1 MiB), built in O(size / 1 MiB)
    steps from one compressed block repeated, and its checksum (CRC-32 for raw, else Adler-32).

    Each block is flushed with Z_FULL_FLUSH, which resets the compressor's history, so the
    same compressed bytes inflate to the same 1 MiB wherever they sit in the stream.
    """
    block = b" " * 2**20
    count = size // len(block)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15 if raw else 15)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeat = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    check = 0 if raw else 1
    for _ in range(count):
        check = zlib.crc32(block, check) if raw else zlib.adler32(block, check)
    body = first + repeat * (count - 1) + b"\x03\x00"  # an empty final block ends the deflate stream
    return (body if raw else body + struct.pack(">I", check)), check


@cache
def content_bomb_pdf() -> bytes:
    """One page whose 2 MB content stream inflates to 2 GiB."""
    bomb, _ = deflate_bomb(2 * 2**30)
    return raw_pdf(_page_objects(bomb, b"3 0 R", 1, b"/Filter /FlateDecode "))


def disguised_bomb_pdf(variant: str, size: int = 64 * 2**20) -> bytes:
    """A content bomb whose stream a naive check would miss: the filter name spelled with a
    #-escape, the filter in an indirect object, a CR alone after "stream", or two layers."""
    bomb, _ = deflate_bomb(size)
    filter_ = b"/Filter /FlateDecode "
    if variant == "name-escape":
        filter_ = b"/Filter /Fl#61teDecode "
    elif variant == "indirect-filter":
        filter_ = b"/Filter 6 0 R "
    elif variant == "double-deflate":
        bomb = zlib.compress(bomb, 9)
        filter_ = b"/Filter [/FlateDecode /FlateDecode] "
    objects = _page_objects(bomb, b"3 0 R", 1, filter_) + [b"/FlateDecode"]
    data = raw_pdf(objects)
    if variant == "cr-only":
        data = data.replace(b"/FlateDecode >>\nstream\n", b"/FlateDecode >>\nstream\r", 1)
    return data


def text_pdf(text: str = LOREM, pages: int = 3) -> bytes:
    pdf = new_pdf("Page {page}")
    for number in range(pages):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.cell(text=f"{number + 1}. Transfers", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, text=f"{POLICY_EN} {text}", new_x="LMARGIN", new_y="NEXT")
    return pdf_bytes(pdf)


def encrypted_pdf(*, user_password: str) -> bytes:
    """A PDF encrypted with RC4; an empty user password means anyone may open it (owner-only
    restrictions: no printing, no copying)."""
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-secret", user_password=user_password, permissions=0)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, text=f"{POLICY_EN} {LOREM}")
    return pdf_bytes(pdf)


def image_only_pdf() -> bytes:
    """A scan: a page that is one picture, no text layer."""
    image = Image.new("L", (600, 800), 255)
    for x in range(50, 550, 3):
        image.putpixel((x, 100), 0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(buffer, x=10, y=10, w=190)
    return pdf_bytes(pdf)


def damaged_xref_pdf() -> bytes:
    """Every xref offset points to the wrong place; pdfium rebuilds the index by scanning."""
    data = text_pdf()
    start = data.rindex(b"\nxref") + 1
    table = data[start : data.index(b"trailer", start)]
    lines = table.split(b"\n")
    damaged = [lines[0], lines[1]] + [b"0000000001 00000 n " if ln.endswith(b"n ") else ln for ln in lines[2:]]
    return data[:start] + b"\n".join(damaged) + data[start + len(table) :]


def truncated_pdf(fraction: float) -> bytes:
    data = text_pdf()
    return data[: int(len(data) * fraction)]


# --- DOCX --------------------------------------------------------------------------------------


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    document.add_heading("Data transfers", level=1)
    for text in paragraphs or (POLICY_EN,):
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rewrite_docx(data: bytes, part: str, edit: Callable[[bytes], bytes]) -> bytes:
    """``data`` with one part's bytes passed through ``edit``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, edit(content) if info.filename == part else content)
    return out.getvalue()


def billion_laughs_docx() -> bytes:
    """word/document.xml with nested entities that would expand to 10^9 "lol"s."""
    entities = b'<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
    )
    doctype = b"<!DOCTYPE w:document [" + entities + b"]>"

    def edit(xml: bytes) -> bytes:
        head, _, rest = xml.partition(b"?>")
        return head + b"?>" + doctype + rest.replace(b"Data transfers", b"&lol9;", 1)

    return rewrite_docx(docx_bytes(), "word/document.xml", edit)


def broken_paragraph_docx() -> bytes:
    """One paragraph whose style reference lacks its value; the others are sound."""
    document = docx.Document()
    document.add_paragraph(POLICY_EN)
    document.add_paragraph("This item is malformed.", style="List Bullet")
    document.add_paragraph(POLICY_DE)
    out = io.BytesIO()
    document.save(out)
    return rewrite_docx(
        out.getvalue(),
        "word/document.xml",
        lambda xml: xml.replace(b'<w:pStyle w:val="ListBullet"/>', b"<w:pStyle/>", 1),
    )


@cache
def zip_bomb_docx() -> bytes:
    """A valid DOCX plus a part that inflates to 1 GiB (written by hand: zipfile would
    compress the whole GiB to write it)."""
    base = docx_bytes()
    bomb, crc = deflate_bomb(2**30, raw=True)
    name = b"word/media/padding.xml"
    out = io.BytesIO()
    central = []
    with zipfile.ZipFile(io.BytesIO(base)) as source:
        members = [(info.filename.encode(), source.read(info), info) for info in source.infolist()]
    for filename, content, _ in members:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = compressor.compress(content) + compressor.flush()
        central.append(_zip_member(out, filename, packed, zlib.crc32(content), len(content)))
    central.append(_zip_member(out, name, bomb, crc, 2**30))
    directory = out.tell()
    for entry in central:
        out.write(entry)
    size = out.tell() - directory
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), size, directory, 0))
    return out.getvalue()


def _zip_member(out: io.BytesIO, name: bytes, packed: bytes, crc: int, size: int) -> bytes:
    """Write a local header and data; return the central directory entry."""
    offset = out.tell()
    out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(packed), size, len(name), 0))
    out.write(name + packed)
    return (
        struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            8,
            0,
            0,
            crc,
            len(packed),
            size,
            len(name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        + name
    )


def renamed_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("photos/readme.txt", "holiday pictures")
    return out.getvalue()


# --- HTML and text -----------------------------------------------------------------------------


def nested_html(depth: int) -> bytes:
    return (
        "<html><body><p>Start of the policy.</p>"
        + "<div>" * depth
        + POLICY_EN
        + "</div>" * depth
        + "<p>End of the policy.</p></body></html>"
    ).encode()


def nested_links_html(depth: int) -> bytes:
    """A link at every level of a deep tree (asking each link for all its ancestors is quadratic)."""
    return (
        "<html><body><p>"
        + POLICY_EN
        + "</p>"
        + "<div><a href='https://example.invalid/sub-processors'>list</a>" * depth
        + "</div>" * depth
        + "</body></html>"
    ).encode()


def nested_tables_html(depth: int) -> bytes:
    """Layout tables (one row) nested in each other, the policy in the innermost cell."""
    return (
        "<html><body>"
        + "<table><tr><td>x</td><td>" * depth
        + POLICY_EN
        + "</td></tr></table>" * depth
        + "</body></html>"
    ).encode()


def html_with_references() -> bytes:
    return f"""<!doctype html><html><head><title>Privacy</title>
<link rel="stylesheet" href="http://tracker.invalid/style.css">
<script src="http://tracker.invalid/x.js"></script>
<script>document.write("{SCRIPT_TEXT}");</script></head>
<body><h1>Privacy policy</h1><p>{POLICY_EN}</p>
<img src="http://tracker.invalid/pixel.gif" alt="pixel">
<iframe src="http://tracker.invalid/frame.html">{SCRIPT_TEXT}</iframe>
<object data="http://tracker.invalid/x.swf">{SCRIPT_TEXT}</object>
<p>See <a href="http://tracker.invalid/subprocessors">our sub-processors</a>.</p></body></html>""".encode()


def yaml_alias_bomb_markdown() -> bytes:
    """Front matter whose title is nine levels of aliases, ten each: 10^9 strings if expanded."""
    lines = ['a0: &a0 "lol"'] + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    return ("---\n" + "\n".join(lines) + "\ntitle: *a9\n---\n# Privacy\n\n" + POLICY_EN + "\n").encode()


def junk(seed: int, size: int = 4096) -> bytes:
    """Random bytes that are no format (the first bytes are fixed so no magic number matches)."""
    return b"\x00\x01junk" + random.Random(seed).randbytes(size)


# --- The table ---------------------------------------------------------------------------------

OK = "ok"
PARTIAL = "partial"  # read, marked partial, not green
PDF_CUT = "corrupt-or-partial"  # a truncated PDF: refused as corrupt, or read in part and marked so


@dataclass(frozen=True)
class Case:
    """One hostile input: the file name it is scanned under, its bytes, the outcome it must have."""

    id: str
    filename: str
    make: Callable[[], bytes]
    expect: str  # an error code, OK, PARTIAL or PDF_CUT

    def write(self, folder: Path) -> Path:
        path = folder / self.filename
        path.write_bytes(self.make())
        return path


CASES = [
    Case("zero-byte", "zero.pdf", lambda: b"", "E102-empty"),
    Case("junk-pdf", "junk.pdf", lambda: junk(1), "E105-binary-content"),
    Case("junk-html", "junk.html", lambda: junk(2), "E105-binary-content"),
    Case("junk-docx", "junk.docx", lambda: junk(3), "E105-binary-content"),
    Case("html-named-pdf", "policy-html.pdf", lambda: f"<html><body><p>{POLICY_EN}</p></body></html>".encode(), OK),
    *(
        Case(f"truncated-pdf-{int(f * 100)}", f"truncated-{int(f * 100)}.pdf", lambda f=f: truncated_pdf(f), PDF_CUT)
        for f in (0.1, 0.5, 0.9, 0.98)
    ),
    Case("truncated-pdf-header", "truncated-header.pdf", lambda: text_pdf()[:12], "E111-pdf-corrupt"),
    Case("damaged-xref-pdf", "damaged-xref.pdf", damaged_xref_pdf, PARTIAL),
    Case(
        "encrypted-pdf-user-password",
        "encrypted.pdf",
        lambda: encrypted_pdf(user_password="secret"),
        "E110-pdf-encrypted",
    ),
    Case("encrypted-pdf-owner-only", "restricted.pdf", lambda: encrypted_pdf(user_password=""), OK),
    Case("image-only-pdf", "scan.pdf", image_only_pdf, "E112-pdf-no-text-layer"),
    Case("5000-page-pdf", "pages-5000.pdf", lambda: many_pages_pdf(5000), "E106-too-many-pages"),
    Case("pdf-content-bomb", "bomb.pdf", content_bomb_pdf, "E113-pdf-decompression-bomb"),
    Case("html-links-nested-5000-deep", "links.html", lambda: nested_links_html(5000), OK),
    Case("html-tables-nested-2000-deep", "tables.html", lambda: nested_tables_html(2000), OK),
    # The <object>'s fallback text is shown only if its resource fails to load: not read, and so partial.
    Case("html-external-references", "references.html", html_with_references, PARTIAL),
    Case("docx-zip-bomb", "bomb.docx", zip_bomb_docx, "E121-docx-decompression-bomb"),
    Case("docx-billion-laughs", "laughs.docx", billion_laughs_docx, "E122-docx-dtd"),
    Case("docx-renamed-zip", "photos.docx", renamed_zip, "E104-unsupported-format"),
    Case("docx-broken-paragraph", "broken-paragraph.docx", broken_paragraph_docx, PARTIAL),
    Case("text-utf16-le-bom", "utf16le.txt", lambda: POLICY_DE.encode("utf-16"), OK),
    Case("text-utf16-be-bom", "utf16be.txt", lambda: b"\xfe\xff" + POLICY_DE.encode("utf-16-be"), OK),
    Case("text-utf16-no-bom", "utf16.txt", lambda: POLICY_DE.encode("utf-16-le"), OK),
    Case("text-latin-1", "latin1.txt", lambda: POLICY_DE.replace("–", "-").encode("latin-1"), OK),
    Case("text-cp1252", "cp1252.txt", lambda: POLICY_DE.encode("cp1252"), OK),
    Case("text-utf8-bom", "utf8bom.md", lambda: POLICY_DE.encode("utf-8-sig"), OK),
    Case(
        "text-utf8-bom-invalid-bytes",
        "invalid.txt",
        lambda: b"\xef\xbb\xbf" + POLICY_EN.encode() + b" \xff\xfe\xc3 " + POLICY_EN.encode(),
        PARTIAL,
    ),
    Case("markdown-yaml-alias-bomb", "aliases.md", yaml_alias_bomb_markdown, OK),
    Case(
        "markdown-quotes-nested-30-deep",
        "quotes.md",
        lambda: f"# Privacy\n\n{POLICY_EN}\n\n{'> ' * 30}Hidden clause.\n".encode(),
        PARTIAL,
    ),
    Case("mixed-language", "mixed.md", lambda: f"# Privacy\n\n{POLICY_EN}\n\n{POLICY_DE}\n".encode(), OK),
]
