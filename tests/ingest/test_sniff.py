"""Format sniffing from content, with the file name as a hint only."""

from __future__ import annotations

import io
import zipfile

import pytest

from dpcheck.errors import ErrorCode, IngestError
from dpcheck.ingest import sniff


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"%PDF-1.7\n...", None, "pdf"),
        (b"\r\n\x00junk from a mail gateway %PDF-1.4\n...", "x.bin", "pdf"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "policy.pdf", "html"),
        (b"<!-- saved -->\n<html lang=en><p>x</p></html>", None, "html"),
        (b"<div id=page0 style='position:relative'><p>x</p></div>", None, "html"),
        (b"<p>Plain text in a .html file</p>", "a.html", "html"),
        (b"Just words.", "a.html", "html"),
        (b"<p align=center>logo</p>\n\n# Title", "README.md", "markdown"),
        (b"# Privacy\n\nText.", None, "markdown"),
        (b"| a | b |\n|---|---|\n| 1 | 2 |\n", None, "markdown"),
        (b"See [the DPA](https://x.example/dpa).", None, "markdown"),
        (b"# Not markdown here", "notes.txt", "text"),
        (b"1. Definitions\n\nWords.", None, "text"),
    ],
)
def test_sniff_formats(data: bytes, name: str | None, expected: str) -> None:
    """Content decides the format; the extension only settles markdown/text/html ties."""
    assert sniff(data, name) == expected


def _zip(names: list[str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for member in names:
            archive.writestr(member, "x")
    return out.getvalue()


def test_sniff_docx_by_parts() -> None:
    """A ZIP with word/document.xml is a docx whatever its name."""
    assert sniff(_zip(["[Content_Types].xml", "word/document.xml"]), "upload.bin") == "docx"


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (_zip(["xl/workbook.xml"]), "Excel"),
        (_zip(["mimetype", "content.xml"]), "OpenDocument"),
        (_zip(["a.txt"]), "ZIP archive"),
        (b"PK\x03\x04 truncated", "damaged ZIP"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "legacy Microsoft Office"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG image"),
    ],
)
def test_sniff_unsupported_formats(data: bytes, fragment: str) -> None:
    """Archives, spreadsheets, legacy Office files and images are UNSUPPORTED_FORMAT, named."""
    with pytest.raises(IngestError) as err:
        sniff(data, "policy.docx" if fragment == "Excel" else None)
    assert err.value.code == ErrorCode.UNSUPPORTED_FORMAT
    assert fragment in err.value.message


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 4, b"text\x00with\x00nul bytes here", b"\x01\x02\x03\x04\x05\x06abc\x07\x08\x0e\x0f" * 20],
)
def test_sniff_binary_content(data: bytes) -> None:
    """NUL bytes or many control characters are BINARY_CONTENT."""
    with pytest.raises(IngestError) as err:
        sniff(data)
    assert err.value.code == ErrorCode.BINARY_CONTENT


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf", "  \n".encode("utf-16")])
def test_sniff_empty(data: bytes) -> None:
    """Empty, whitespace-only or BOM-only input is EMPTY."""
    with pytest.raises(IngestError) as err:
        sniff(data)
    assert err.value.code == ErrorCode.EMPTY


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "cp1252"])
def test_sniff_text_encodings(encoding: str) -> None:
    """UTF-16 (with or without BOM), UTF-8 with BOM and cp1252 text are text, not binary."""
    data = "Übermittlung in Drittländer – § 5 “SCC”\n".encode(encoding)
    assert sniff(data, "a.txt") == "text"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"# Datenschutz\n\nText.", "richtlinie.md"),
        (b"Unterauftragsverarbeiter\n\nText.", "liste.txt"),
        (b"<p>Sub-processors</p>", "list.htm"),
        (b"Name,Purpose,Location\nAcme,Hosting,Germany\n", "subprocessors.csv"),
        (b"%PDF-1.7\n...", "dpa.pdf"),
        (_zip(["[Content_Types].xml", "word/document.xml"]), "dpa.docx"),
    ],
)
def test_named_formats_hold_what_an_ordinary_file_of_that_name_is_read_as(data: bytes, name: str) -> None:
    """The parsers imported before a document's time starts are those its name says (EN/DE names), and a
    name that says nothing asks for every parser."""
    from dpcheck.ingest import named_formats

    formats = named_formats(name)
    assert formats is not None and sniff(data, name) in formats
    assert named_formats("dpa") is None and named_formats("dpa.bin") is None


def test_sniff_junk_count_is_the_per_character_test() -> None:
    """The control codes counted by one search are those the per-character test counted, for every code point."""
    from dpcheck.ingest.sniff import _JUNK

    def junk(c: str) -> bool:
        return (c < " " and c not in "\t\n\r\f\v") or "\x7f" <= c < "\xa0" or c == "\ufffd"

    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    assert _JUNK.findall(every) == [c for c in every if junk(c)]
