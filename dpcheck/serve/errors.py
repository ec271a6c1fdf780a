"""Every error the service answers with: a stable code, an HTTP status and a message, as JSON.

    {"error": {"code": "E103-too-large", "status": 413, "message": "..."}}

A document that cannot be read answers with the scanner's own code (:class:`~dpcheck.errors.ErrorCode`),
the same code a JSON report carries for it; the service adds codes of its own (E2xx) for what
happens before a document is scanned: requests, tokens and bundles.
"""

from __future__ import annotations

from enum import StrEnum

from dpcheck.errors import ErrorCode


class ServiceCode(StrEnum):
    """Stable codes of the service's own errors (never renamed, like the scanner's)."""

    BAD_REQUEST = "E200-bad-request"
    UNAUTHORIZED = "E201-unauthorized"
    NOT_FOUND = "E202-not-found"
    METHOD_NOT_ALLOWED = "E203-method-not-allowed"
    BUNDLE_CORRUPT = "E210-bundle-corrupt"
    BUNDLE_UNSAFE_PATH = "E211-bundle-unsafe-path"
    BUNDLE_LINK = "E212-bundle-link"
    BUNDLE_BOMB = "E213-bundle-bomb"
    BUNDLE_TOO_MANY_FILES = "E214-bundle-too-many-files"
    BUNDLE_MANIFEST = "E215-bundle-manifest"


# HTTP status of each code: 413 for what is too big (bytes, pages, text, inflation), 415 for what
# is not a document dpcheck reads, 422 for a document it cannot read or not within its time and
# memory, or cannot assess (not a privacy document, a language it does not read), 500 for dpcheck's own failures.
STATUS: dict[str, int] = {
    ErrorCode.NOT_FOUND: 400,
    ErrorCode.UNREADABLE: 422,
    ErrorCode.EMPTY: 422,
    ErrorCode.TOO_LARGE: 413,
    ErrorCode.UNSUPPORTED_FORMAT: 415,
    ErrorCode.BINARY_CONTENT: 415,
    ErrorCode.TOO_MANY_PAGES: 413,
    ErrorCode.TOO_MUCH_TEXT: 413,
    ErrorCode.TIMEOUT: 422,
    ErrorCode.MEMORY: 422,
    ErrorCode.PDF_ENCRYPTED: 422,
    ErrorCode.PDF_CORRUPT: 422,
    ErrorCode.PDF_NO_TEXT: 422,
    ErrorCode.PDF_BOMB: 413,
    ErrorCode.DOCX_CORRUPT: 422,
    ErrorCode.DOCX_BOMB: 413,
    ErrorCode.DOCX_DTD: 422,
    ErrorCode.NO_TEXT: 422,
    ErrorCode.NOT_PRIVACY: 422,
    ErrorCode.LANGUAGE_NOT_READ: 422,
    ErrorCode.WORKER_DIED: 500,
    ErrorCode.INTERNAL: 500,
    ServiceCode.BAD_REQUEST: 400,
    ServiceCode.UNAUTHORIZED: 401,
    ServiceCode.NOT_FOUND: 404,
    ServiceCode.METHOD_NOT_ALLOWED: 405,
    ServiceCode.BUNDLE_CORRUPT: 422,
    ServiceCode.BUNDLE_UNSAFE_PATH: 422,
    ServiceCode.BUNDLE_LINK: 422,
    ServiceCode.BUNDLE_BOMB: 413,
    ServiceCode.BUNDLE_TOO_MANY_FILES: 413,
    ServiceCode.BUNDLE_MANIFEST: 422,
}


class ApiError(Exception):
    """An error answer; raised anywhere in a request and turned into JSON (or the web page's HTML)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message

    @property
    def status(self) -> int:
        return STATUS[self.code]

    def to_dict(self) -> dict[str, object]:
        return {"error": {"code": str(self.code), "status": self.status, "message": self.message}}
