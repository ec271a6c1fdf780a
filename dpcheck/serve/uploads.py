"""A multipart upload streamed to a file in the request's private folder, never held in memory.

The body is parsed as it arrives (python-multipart's streaming parser): the document part is
written chunk by chunk, and the request is refused (E103, 413) as soon as it passes the size
limit, or at once when its Content-Length says it will. Only the form fields the service knows
are accepted, each a few hundred bytes at most; one document part per request.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import ClientDisconnect, Request

from dpcheck.errors import ErrorCode
from dpcheck.serve.errors import ApiError, ServiceCode

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

FILE_FIELDS = ("file", "bundle")
TEXT_FIELDS = ("format", "vendor", "token")
MAX_FIELD = 512
# Room for the multipart framing and the text fields around the document.
FORM_OVERHEAD = 64 * 1024
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f]")


@dataclass
class Upload:
    """What a form sent: the document (or bundle) part saved as ``path``, and the text fields."""

    kind: str = ""
    """``file`` (one document) or ``bundle`` (a zip with vendor.toml)."""
    filename: str = ""
    path: Path | None = None
    size: int = 0
    fields: dict[str, str] = field(default_factory=dict)


def safe_name(raw: str) -> str:
    """A client's file name as the report may show it: the last path part, no control characters."""
    name = _UNSAFE_NAME.sub("", raw.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    return name[-200:] if name not in ("", ".", "..") else "upload"


async def receive(
    request: Request, folder: Path, *, max_bytes: int, before_file: Callable[[dict[str, str]], None]
) -> Upload:
    """Stream the form of ``request`` into ``folder``; ``before_file`` sees the text fields sent
    before the document part (the web form's token) and may refuse the request before any of the
    document is written."""
    content_type, options = parse_options_header(request.headers.get("content-type"))
    boundary = options.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise ApiError(
            ServiceCode.BAD_REQUEST,
            "send the document as multipart/form-data, in a part named 'file' "
            "(a document) or 'bundle' (a zip with vendor.toml)",
        )
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes + FORM_OVERHEAD:
        raise ApiError(ErrorCode.TOO_LARGE, f"the upload is {int(declared):,} bytes, over the limit of {max_bytes:,}")
    reader = _FormReader(folder, max_bytes, before_file)
    parser = MultipartParser(boundary, reader.callbacks(), max_size=max_bytes + FORM_OVERHEAD)
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except MultipartParseError as exc:
        raise ApiError(ServiceCode.BAD_REQUEST, f"the multipart body is malformed: {exc}") from exc
    except ClientDisconnect as exc:
        # Nobody reads the answer; this keeps the log free of a traceback for an ordinary event.
        raise ApiError(ServiceCode.BAD_REQUEST, "the client went away during the upload") from exc
    finally:
        reader.close()
    if not reader.upload.path:
        raise ApiError(ServiceCode.BAD_REQUEST, "the form has no part named 'file' or 'bundle' with a file in it")
    if not reader.finished:
        raise ApiError(ServiceCode.BAD_REQUEST, "the multipart body ended early")
    return reader.upload


class _FormReader:
    def __init__(self, folder: Path, max_bytes: int, before_file: Callable[[dict[str, str]], None]) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self.before_file = before_file
        self.upload = Upload()
        self.finished = False
        self._headers: dict[bytes, bytes] = {}
        self._header_field = bytearray()
        self._header_value = bytearray()
        self._part: str | None = None
        self._value = bytearray()
        self._out: BinaryIO | None = None

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self._part_begin,
            "on_header_field": self._header_field_data,
            "on_header_value": self._header_value_data,
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
            "on_end": self._end,
        }

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None

    def _part_begin(self) -> None:
        self._headers = {}
        self._part = None
        self._value = bytearray()

    def _header_field_data(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def _header_value_data(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _header_end(self) -> None:
        self._headers[bytes(self._header_field).lower()] = bytes(self._header_value)
        self._header_field.clear()
        self._header_value.clear()

    def _headers_finished(self) -> None:
        disposition, options = parse_options_header(self._headers.get(b"content-disposition"))
        name = options.get(b"name", b"").decode("utf-8", "replace")
        if disposition != b"form-data" or name not in FILE_FIELDS + TEXT_FIELDS:
            raise ApiError(
                ServiceCode.BAD_REQUEST, f"unknown form field {name!r}; known: {', '.join(FILE_FIELDS + TEXT_FIELDS)}"
            )
        self._part = name
        if name in FILE_FIELDS:
            if self.upload.path is not None:
                raise ApiError(ServiceCode.BAD_REQUEST, "one document or bundle per request")
            self.before_file(self.upload.fields)
            filename = options.get(b"filename")
            if filename is None:
                raise ApiError(ServiceCode.BAD_REQUEST, f"the part {name!r} must be a file (with a filename)")
            self.upload.kind = name
            self.upload.filename = safe_name(filename.decode("utf-8", "replace"))
            self.upload.path = self.folder / ("bundle.zip" if name == "bundle" else "document")
            # Created here, readable by this user only; the folder is private as well.
            self._out = os.fdopen(os.open(self.upload.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if self._out is not None:
            self.upload.size += end - start
            if self.upload.size > self.max_bytes:
                raise ApiError(ErrorCode.TOO_LARGE, f"the upload is over the limit of {self.max_bytes:,} bytes")
            self._out.write(data[start:end])
            return
        self._value += data[start:end]
        if len(self._value) > MAX_FIELD:
            raise ApiError(ServiceCode.BAD_REQUEST, f"the field {self._part!r} is longer than {MAX_FIELD} bytes")

    def _part_end(self) -> None:
        if self._out is not None:
            self.close()
        elif self._part is not None:
            self.upload.fields[self._part] = self._value.decode("utf-8", "replace")

    def _end(self) -> None:
        self.finished = True
