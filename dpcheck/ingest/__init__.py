"""Reading vendors' documents (PDF, HTML, Markdown, plain text, DOCX, CSV) into one normalized form.

    doc = load("vendor-dpa.pdf")
    doc = load(raw_bytes, name="dpa.docx")
    doc = load_text("# Sub-processors\n...", format="markdown")

Every bad input raises :class:`~dpcheck.errors.IngestError` with a stable code; nothing else
escapes, because a batch run reports a broken document and moves on to the next one. What
could only be read in part (damaged pages, undecodable bytes, scanned pages) is read, and says
so in ``Document.warnings``; ``Document.notices`` also record what was read with care (hidden
text left out, disguised letters repaired), with codes and places.
"""

from __future__ import annotations

import importlib
import os
import stat
from collections.abc import Iterable
from typing import Literal

from dpcheck.errors import ErrorCode, IngestError, LimitError, describe
from dpcheck.ingest import guards
from dpcheck.ingest.document import Block, Document, DocumentBuilder, Format, Notice, Table
from dpcheck.ingest.normalize import clean, decode_counting
from dpcheck.ingest.sniff import named_formats, sniff
from dpcheck.limits import Limits, check_chars, enforce

__all__ = [
    "Block",
    "Document",
    "DocumentBuilder",
    "Format",
    "Notice",
    "Table",
    "import_parsers",
    "load",
    "load_text",
    "named_formats",
    "read_file",
    "sniff",
]

_CORRUPT = {"pdf": ErrorCode.PDF_CORRUPT, "docx": ErrorCode.DOCX_CORRUPT}


# Each format's parser (and its library: pdfplumber, python-docx, BeautifulSoup, markdown-it) is imported
# when a document of that format is first read: the document model here is read by reports and caches
# that never parse a file, and a scan of Markdown alone never imports pdfminer or python-docx.
_PARSERS: dict[Format, str] = {
    "pdf": "pdf",
    "docx": "docx",
    "html": "html",
    "markdown": "markdown",
    "text": "markdown",
    "csv": "delimited",
}


def import_parsers(formats: Iterable[Format] | None = None) -> None:
    """Import the parsers of ``formats`` (of every format by default) now: before worker processes fork,
    so that they share them, and before a document's time starts."""
    for module in sorted({_PARSERS[fmt] for fmt in (_PARSERS if formats is None else formats)}):
        importlib.import_module(f"dpcheck.ingest.{module}")


def _parse_text(fmt: str, text: str, label: str) -> Document:
    if fmt == "html":
        from dpcheck.ingest import html

        return html.parse(text, label)
    from dpcheck.ingest import markdown

    return markdown.parse_markdown(text, label) if fmt == "markdown" else markdown.parse_text(text, label)


def load(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    limits: Limits | None = None,
) -> Document:
    """Read a document from a path or from raw bytes (``name`` gives the extension hint).

    ``limits`` apply unless a caller (the Scanner) already accounts for this document.
    """
    limits = limits or Limits()
    with enforce(limits):
        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
            label = name or "<bytes>"
            if len(data) > limits.max_bytes:
                raise LimitError(
                    ErrorCode.TOO_LARGE, f"{label}: {len(data):,} bytes exceeds the limit of {limits.max_bytes:,}"
                )
        else:
            path = os.fspath(source)
            label = path
            name = name or path
            data = read_file(path, limits.max_bytes)
        fmt = _sniff(data, name, label)
        try:
            if fmt == "pdf":
                from dpcheck.ingest import pdf

                guards.check_pdf_streams(data, label, limits.max_inflated)
                doc = pdf.parse(data, label, max_pages=limits.max_pages)
            elif fmt == "docx":
                from dpcheck.ingest import docx

                guards.check_docx_archive(data, label, limits.max_inflated)
                doc = docx.parse(data, label)
            else:
                decoded, replaced = decode_counting(data)
                check_chars(len(decoded))
                if fmt == "csv":
                    from dpcheck.ingest import delimited

                    # Split before the text is cleaned: cleaning turns the tabs of a TSV file into spaces.
                    doc = delimited.parse(decoded, label)
                else:
                    text = clean(decoded)
                    if not text.strip():
                        raise IngestError(ErrorCode.EMPTY, f"{label}: the document contains only whitespace")
                    doc = _parse_text(fmt, text, label)
                if replaced:
                    doc = doc.with_notice(
                        Notice(
                            "undecodable-bytes",
                            f"{replaced:,} byte sequence(s) could not be decoded and were replaced: some text is lost",
                            True,
                        )
                    )
        except IngestError as exc:
            raise _labelled(exc, label) from None
        except Exception as exc:  # the parsers' libraries raise anything on malformed input
            code = _CORRUPT.get(fmt, ErrorCode.INTERNAL)
            raise IngestError(code, f"{label}: could not parse as {fmt}: {describe(exc)}") from exc
        return _require_text(doc)


def load_text(
    text: str, *, name: str = "<text>", format: Literal["text", "markdown"] = "text", limits: Limits | None = None
) -> Document:
    """Read a document already held as a string."""
    with enforce(limits or Limits()):
        check_chars(len(text))
        text = clean(text)
        if not text.strip():
            raise IngestError(ErrorCode.EMPTY, f"{name}: the document contains only whitespace")
        try:
            doc = _parse_text(format, text, name)
        except IngestError as exc:
            raise _labelled(exc, name) from None
        except Exception as exc:  # as in load(): never let a parser's own exception escape
            raise IngestError(ErrorCode.INTERNAL, f"{name}: could not parse as {format}: {describe(exc)}") from exc
        return _require_text(doc)


def _labelled(exc: IngestError, label: str) -> IngestError:
    """``exc`` with the document's label in front of its message, if it is not there yet."""
    if exc.message.startswith(label):
        return exc
    return type(exc)(exc.code, f"{label}: {exc.message}")


def _sniff(data: bytes, name: str | None, label: str) -> Format:
    """:func:`sniff`, with the document's label in any error message."""
    try:
        return sniff(data, name)
    except IngestError as exc:
        raise IngestError(exc.code, f"{label}: {exc.message}") from None


def read_file(path: str, max_bytes: int) -> bytes:
    """The one reading of a file from disk: stat first, never a FIFO, the size limit before reading."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IngestError(ErrorCode.UNREADABLE, f"{path}: is a directory")
        if not stat.S_ISREG(info.st_mode):
            # Opening a FIFO with no writer blocks for ever: a batch scan must never hang on one.
            raise IngestError(ErrorCode.UNREADABLE, f"{path}: not a regular file (pipe, socket or device)")
        # Checked before reading so that a huge file is never loaded just to be refused.
        if info.st_size > max_bytes:
            raise LimitError(ErrorCode.TOO_LARGE, f"{path}: {info.st_size:,} bytes exceeds the limit of {max_bytes:,}")
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise IngestError(ErrorCode.NOT_FOUND, f"{path}: no such file") from None
    except ValueError:  # a NUL byte in the path: no file can have that name
        raise IngestError(ErrorCode.NOT_FOUND, f"{path!r}: not a valid file name") from None
    except OSError as exc:
        raise IngestError(ErrorCode.UNREADABLE, f"{path}: {exc.strerror or describe(exc)}") from None
    if len(data) > max_bytes:  # a file that grew after stat
        raise LimitError(ErrorCode.TOO_LARGE, f"{path}: more than {max_bytes:,} bytes")
    return data


def _require_text(doc: Document) -> Document:
    if not doc.blocks:
        code = ErrorCode.PDF_NO_TEXT if doc.format == "pdf" else ErrorCode.NO_TEXT
        raise IngestError(code, f"{doc.source}: no readable text found")
    return doc
