"""Reading vendors' documents (PDF, HTML, Markdown, plain text, DOCX) into one normalized form.

    doc = load("vendor-dpa.pdf")
    doc = load(raw_bytes, name="dpa.docx")
    doc = load_text("# Sub-processors\n...", format="markdown")

Every bad input raises :class:`~dpcheck.errors.IngestError` with a stable code; nothing else
escapes, because a batch run reports a broken document and moves on to the next one.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from typing import Literal

from dpcheck.errors import ErrorCode, IngestError
from dpcheck.ingest import docx, html, markdown, pdf
from dpcheck.ingest.document import Block, Document, DocumentBuilder, Format, Table
from dpcheck.ingest.normalize import clean, decode
from dpcheck.ingest.sniff import sniff

__all__ = ["Block", "Document", "DocumentBuilder", "Format", "Table", "load", "load_text", "sniff"]

_CORRUPT = {"pdf": ErrorCode.PDF_CORRUPT, "docx": ErrorCode.DOCX_CORRUPT}
_TEXT_PARSERS: dict[str, Callable[[str, str], Document]] = {
    "html": html.parse,
    "markdown": markdown.parse_markdown,
    "text": markdown.parse_text,
}


def load(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    max_bytes: int = 50 * 2**20,
    max_pages: int = 2000,
) -> Document:
    """Read a document from a path or from raw bytes (``name`` gives the extension hint)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        label = name or "<bytes>"
        if len(data) > max_bytes:
            raise IngestError(ErrorCode.TOO_LARGE, f"{label}: {len(data):,} bytes exceeds the limit of {max_bytes:,}")
    else:
        path = os.fspath(source)
        label = path
        name = name or path
        data = _read(path, max_bytes)
    fmt = _sniff(data, name, label)
    try:
        if fmt == "pdf":
            doc = pdf.parse(data, label, max_pages=max_pages)
        elif fmt == "docx":
            doc = docx.parse(data, label)
        else:
            text = clean(decode(data))
            if not text.strip():
                raise IngestError(ErrorCode.EMPTY, f"{label}: the document contains only whitespace")
            doc = _TEXT_PARSERS[fmt](text, label)
    except IngestError:
        raise
    except Exception as exc:  # the parsers' libraries raise anything on malformed input
        code = _CORRUPT.get(fmt, ErrorCode.INTERNAL)
        raise IngestError(code, f"{label}: could not parse as {fmt}: {_describe(exc)}") from exc
    return _require_text(doc)


def load_text(text: str, *, name: str = "<text>", format: Literal["text", "markdown"] = "text") -> Document:
    """Read a document already held as a string."""
    text = clean(text)
    if not text.strip():
        raise IngestError(ErrorCode.EMPTY, f"{name}: the document contains only whitespace")
    try:
        doc = _TEXT_PARSERS[format](text, name)
    except Exception as exc:  # as in load(): never let a parser's own exception escape
        raise IngestError(ErrorCode.INTERNAL, f"{name}: could not parse as {format}: {_describe(exc)}") from exc
    return _require_text(doc)


def _sniff(data: bytes, name: str | None, label: str) -> Format:
    """:func:`sniff`, with the document's label in any error message."""
    try:
        return sniff(data, name)
    except IngestError as exc:
        raise IngestError(exc.code, f"{label}: {exc.message}") from None


def _read(path: str, max_bytes: int) -> bytes:
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IngestError(ErrorCode.UNREADABLE, f"{path}: is a directory")
        if not stat.S_ISREG(info.st_mode):
            # Opening a FIFO with no writer blocks for ever: a batch scan must never hang on one.
            raise IngestError(ErrorCode.UNREADABLE, f"{path}: not a regular file (pipe, socket or device)")
        # Checked before reading so that a huge file is never loaded just to be refused.
        if info.st_size > max_bytes:
            raise IngestError(ErrorCode.TOO_LARGE, f"{path}: {info.st_size:,} bytes exceeds the limit of {max_bytes:,}")
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise IngestError(ErrorCode.NOT_FOUND, f"{path}: no such file") from None
    except OSError as exc:
        raise IngestError(ErrorCode.UNREADABLE, f"{path}: {exc.strerror or _describe(exc)}") from None
    if len(data) > max_bytes:  # a pipe or special file whose size stat cannot tell
        raise IngestError(ErrorCode.TOO_LARGE, f"{path}: more than {max_bytes:,} bytes")
    return data


def _require_text(doc: Document) -> Document:
    if not doc.blocks:
        code = ErrorCode.PDF_NO_TEXT if doc.format == "pdf" else ErrorCode.NO_TEXT
        raise IngestError(code, f"{doc.source}: no readable text found")
    return doc


def _describe(exc: BaseException) -> str:
    message = " ".join(str(exc).split())
    if len(message) > 200:
        message = message[:197] + "..."
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
