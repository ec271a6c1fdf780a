"""Deciding a document's format from its bytes; the file name is only a tie-breaker."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from dpcheck.errors import ErrorCode, IngestError
from dpcheck.ingest.document import Format
from dpcheck.ingest.normalize import decode, utf16_without_bom

_SAMPLE = 8192

# Formats people send instead of a policy, named so the error says what to do instead.
_MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office file (.doc/.xls); save it as .docx or PDF"),
    (b"{\\rtf", "an RTF document; save it as .docx or PDF"),
    (b"\x89PNG", "a PNG image; run OCR on it first"),
    (b"\xff\xd8\xff", "a JPEG image; run OCR on it first"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image; run OCR on it first"),
    (b"MM\x00*", "a TIFF image; run OCR on it first"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; unpack it first"),
    (b"Rar!", "a RAR archive; unpack it first"),
    (b"%!PS", "a PostScript file; convert it to PDF"),
)

_MARKDOWN_EXT = {".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx"}
_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_TEXT_EXT = {".txt", ".text"}
# Sub-processor lists kept as spreadsheet exports: read as a table (dpcheck/ingest/delimited.py).
_DELIMITED_EXT = {".csv", ".tsv"}

_HTML_START = re.compile(
    r"^(?:<!--.*?-->\s*|<\?xml[^>]*>\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_HTML_TAG = re.compile(
    r"^(?:<!--.*?-->\s*)*<(?:div|p|span|h[1-6]|table|section|article|main|meta|title|link|style|script|"
    r"ul|ol|br|font|center|nav|header|footer|form|iframe)\b",
    re.IGNORECASE | re.DOTALL,
)
# Control codes but the whitespace ones (tab, newline, vertical tab, form feed, return), C1 controls and the
# replacement character: what a decoded binary file is full of. One search, not a Python test per character.
_JUNK = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_MARKDOWN = re.compile(
    r"^#{1,6}[ \t]+\S"  # ATX heading
    r"|^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$"  # pipe table delimiter row
    r"|\[[^\]\n]+\]\([^)\s]+\)"  # inline link
    r"|\A---[ \t]*\n",  # front matter
    re.MULTILINE,
)


def sniff(data: bytes, name: str | None = None) -> Format:
    """The format of ``data``; raises IngestError EMPTY, BINARY_CONTENT or UNSUPPORTED_FORMAT."""
    ext = PurePath(name).suffix.lower() if name else ""
    if not data.strip():
        raise IngestError(ErrorCode.EMPTY, "the document is empty")
    if data.find(b"%PDF-", 0, 1024) >= 0:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data, ext)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise IngestError(ErrorCode.UNSUPPORTED_FORMAT, f"this is {what}")
    text = _sample_text(data)
    head = text.lstrip()[:2048]
    if _HTML_START.match(head):
        return "html"
    if ext in _MARKDOWN_EXT:
        return "markdown"
    if ext in _DELIMITED_EXT:
        return "csv"
    if ext in _HTML_EXT or _HTML_TAG.match(head):
        return "html"
    if ext in _TEXT_EXT:
        return "text"
    return "markdown" if _MARKDOWN.search(text) else "text"


def named_formats(name: str) -> frozenset[Format] | None:
    """The formats a file of this name is read as unless its bytes say otherwise (a PDF or a Word
    document named anything, an HTML page named .txt), or None if its name says nothing: which parsers
    to import before its time starts (:meth:`dpcheck.scanner.Scanner.build`), not how it is read."""
    ext = PurePath(name).suffix.lower()
    if ext == ".pdf":
        return frozenset({"pdf"})
    if ext == ".docx":
        return frozenset({"docx"})
    if ext in _DELIMITED_EXT:
        return frozenset({"csv"})
    if ext in _MARKDOWN_EXT | _HTML_EXT | _TEXT_EXT:
        return frozenset({"markdown", "html", "text"})
    return None


def _sniff_zip(data: bytes, ext: str) -> Format:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except Exception:  # noqa: BLE001  zipfile raises a grab-bag (BadZipFile, NotImplementedError, EOFError...)
        # A truncated .docx loses its central directory, but its local headers still name the parts.
        if ext == ".docx" or b"word/document.xml" in data:
            return "docx"
        raise IngestError(ErrorCode.UNSUPPORTED_FORMAT, "this is a damaged ZIP archive, not a document") from None
    if "word/document.xml" in names:
        return "docx"
    if "[Content_Types].xml" in names and ext == ".docx":
        return "docx"
    if any(n.startswith("xl/") for n in names):
        what = "an Excel workbook"
    elif any(n.startswith("ppt/") for n in names):
        what = "a PowerPoint presentation"
    elif "mimetype" in names and "content.xml" in names:
        what = "an OpenDocument file; save it as .docx or PDF"
    else:
        what = "a ZIP archive, not a Word document"
    raise IngestError(ErrorCode.UNSUPPORTED_FORMAT, f"this is {what}")


def _sample_text(data: bytes) -> str:
    """The decoded start of a text file, or BINARY_CONTENT/EMPTY if it is not text."""
    sample = data[:_SAMPLE]
    if b"\x00" in sample and not utf16_without_bom(sample) and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(ErrorCode.BINARY_CONTENT, "the file contains NUL bytes: binary data, not text")
    text = decode(sample)
    if not text.strip():
        if len(data) <= _SAMPLE:
            raise IngestError(ErrorCode.EMPTY, "the document contains only whitespace")
        return text
    junk = len(_JUNK.findall(text))
    if junk > 0.05 * len(text):
        share = f"{junk / len(text):.0%}"
        raise IngestError(ErrorCode.BINARY_CONTENT, f"{share} of the characters are control codes: binary, not text")
    return text
