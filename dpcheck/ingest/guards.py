"""Refusing hostile containers before a parser opens them.

pdfium inflates a page's whole content stream when the page is loaded, and python-docx
reads every part of the archive into memory when the file is opened: neither can be
stopped half-way, so the budget is checked first, by inflating (or reading the declared
sizes) here with a bounded buffer.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from dpcheck.errors import ErrorCode, IngestError, LimitError
from dpcheck.limits import MiB, checkpoint

_CHUNK = 1 << 20
# A stream's dictionary is read back to the "obj" keyword, at most this far.
_HEADER_REACH = 2048
# The spec wants CRLF or LF after "stream"; pdfium also takes CR alone and spaces before.
_STREAM = re.compile(rb"stream[ \t]*(?:\r\n|\n|\r)")
_NAME_ESCAPE = re.compile(rb"#([0-9a-fA-F]{2})")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_FLATE = re.compile(rb"/FlateDecode\b")
# Word never writes a DTD; one in a .docx part is there to declare entities.
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_PROLOG = 64 * 1024


def check_pdf_streams(data: bytes, source: str, budget: int) -> None:
    """Raise PDF_BOMB if the streams other than images inflate to more than ``budget`` bytes.

    Images are left out: text extraction never decodes them, and scans have big ones.
    Every other stream is tried as zlib data whatever its dictionary says (a filter can be an
    indirect object, or a name spelled with #-escapes); chained filters
    (``[/FlateDecode /FlateDecode]``) are inflated through every layer. Data that is not
    zlib fails at its first bytes, so the check costs little beyond the real Flate streams.
    """
    total = 0
    last_end = data.rfind(b"endstream")
    for match in _STREAM.finditer(data):
        checkpoint()
        start = match.end()
        if match.start() >= 3 and data[match.start() - 3 : match.start()] == b"end":
            continue  # the "stream" in "endstream"
        header_start = data.rfind(b"obj", max(0, match.start() - _HEADER_REACH), match.start())
        header = data[max(header_start, match.start() - _HEADER_REACH) : match.start()]
        header = _NAME_ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), header)
        if _IMAGE.search(header):
            continue
        layers = max(1, len(_FLATE.findall(header)))
        # Searching only up to the last "endstream" keeps many unterminated streams linear.
        end = data.find(b"endstream", start) if start < last_end else -1
        total += _inflated_size(memoryview(data)[start : end if end >= 0 else len(data)], layers, budget - total)
        if total > budget:
            raise LimitError(
                ErrorCode.PDF_BOMB,
                f"{source}: its content streams inflate to more than {budget / MiB:,.0f} MiB "
                "(a decompression bomb, or far more content than a policy has)",
            )


def _inflated_size(compressed: memoryview, layers: int, budget: int) -> int:
    """Bytes that ``layers`` nested zlib streams inflate to, counted up to just past ``budget``.

    A damaged stream counts as far as it inflates; pdfium decides what to make of the rest.
    """
    inflaters = [zlib.decompressobj() for _ in range(layers)]
    total = 0

    def feed(level: int, chunk: bytes | memoryview) -> bool:
        """Push ``chunk`` into layer ``level``; False once the budget is spent."""
        nonlocal total
        inflater = inflaters[level]
        while chunk:
            out = inflater.decompress(chunk, _CHUNK)
            chunk = inflater.unconsumed_tail
            if level + 1 < layers:
                if not feed(level + 1, out):
                    return False
            else:
                total += len(out)
                if total > budget:
                    return False
            if not out or inflater.eof:
                break
        return True

    try:
        for offset in range(0, len(compressed), _CHUNK):
            checkpoint()
            if not feed(0, compressed[offset : offset + _CHUNK]) or inflaters[0].eof:
                break
    except zlib.error:
        pass
    return total


def check_docx_archive(data: bytes, source: str, budget: int) -> None:
    """Raise DOCX_BOMB if the parts inflate to more than ``budget`` bytes, DOCX_DTD if an XML
    part declares a DTD (entity expansion: "billion laughs", external entities).

    The sizes are the ones the archive declares: Python's zipfile never inflates a part past
    its declared size, so a lying header cannot make it read more.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # python-docx reports the damage as DOCX_CORRUPT
    with archive:
        parts = archive.infolist()
        declared = sum(info.file_size for info in parts)
        if declared > budget:
            raise LimitError(
                ErrorCode.DOCX_BOMB,
                f"{source}: its {len(parts)} parts inflate to {declared / MiB:,.0f} MiB, over the limit of "
                f"{budget / MiB:,.0f} MiB (a decompression bomb, or not a policy)",
            )
        for info in parts:
            if not info.filename.lower().endswith((".xml", ".rels")):
                continue
            checkpoint()
            try:
                with archive.open(info) as part:
                    prolog = part.read(_PROLOG)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error):
                continue
            if _DTD.search(_before_root(prolog)):
                raise IngestError(
                    ErrorCode.DOCX_DTD,
                    f"{source}: part {info.filename} declares a DTD, which Word never writes "
                    "(entity expansion is refused)",
                )


def _before_root(prolog: bytes) -> bytes:
    """The XML prolog: everything before the root element's start tag, where a DTD must be."""
    for match in re.finditer(rb"<([^?!])", prolog):
        return prolog[: match.start()]
    return prolog
