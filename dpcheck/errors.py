"""Errors that dpcheck raises, each with a stable code users can search for.

    DpcheckError
    ├── IngestError      a document could not be read (reported per document, never fatal)
    │   └── LimitError   reading it would cost more than its Limits allow (dpcheck.limits)
    ├── RulesetError     a rule or fact file in rules/ is invalid (fatal: the ruleset is broken)
    ├── PolicyError      a buyer's policy file is invalid (fatal: the policy cannot be applied)
    └── VendorError      a vendor's folder or vendor.toml cannot be read (fatal for that vendor)

Ingest error codes are part of the report format: a batch report carries them per
document, and tools embedding dpcheck may branch on them, so codes are never renamed.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Stable per-document error codes (``documents[].error.code`` in the JSON report)."""

    NOT_FOUND = "E100-not-found"
    UNREADABLE = "E101-unreadable"
    EMPTY = "E102-empty"
    TOO_LARGE = "E103-too-large"
    UNSUPPORTED_FORMAT = "E104-unsupported-format"
    BINARY_CONTENT = "E105-binary-content"
    TOO_MANY_PAGES = "E106-too-many-pages"
    TOO_MUCH_TEXT = "E107-too-much-text"
    TIMEOUT = "E108-timeout"
    MEMORY = "E109-memory-limit"
    PDF_ENCRYPTED = "E110-pdf-encrypted"
    PDF_CORRUPT = "E111-pdf-corrupt"
    PDF_NO_TEXT = "E112-pdf-no-text-layer"
    PDF_BOMB = "E113-pdf-decompression-bomb"
    DOCX_CORRUPT = "E120-docx-corrupt"
    DOCX_BOMB = "E121-docx-decompression-bomb"
    DOCX_DTD = "E122-docx-dtd"
    NO_TEXT = "E130-no-text"
    NOT_PRIVACY = "E140-not-a-privacy-document"
    LANGUAGE_NOT_READ = "E141-language-not-read"
    WORKER_DIED = "E198-worker-died"
    INTERNAL = "E199-internal-error"


class VendorCode(StrEnum):
    """Stable codes of a vendor dossier that cannot be read as a whole (``dpcheck vendor``,
    :func:`dpcheck.scan_vendor`); a dossier's unreadable document keeps its own code."""

    NOT_FOUND = "E300-vendor-not-found"
    MANIFEST = "E301-vendor-manifest"
    NO_DOCUMENTS = "E302-vendor-no-documents"


class DpcheckError(Exception):
    """Base class of every error dpcheck raises on purpose."""


class IngestError(DpcheckError):
    """A document could not be turned into text."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


class LimitError(IngestError):
    """A document would take more bytes, pages, characters, time or memory than allowed."""


def describe(exc: BaseException) -> str:
    """An exception as one short line for a report: its type and the start of its message."""
    message = " ".join(str(exc).split())
    if len(message) > 200:
        message = message[:197] + "..."
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


class RulesetError(DpcheckError):
    """A rule or fact file is malformed; ``problems`` lists every problem found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("invalid ruleset:\n" + "\n".join(f"- {p}" for p in problems))
        self.problems = problems


class PolicyError(DpcheckError):
    """A buyer's policy file is invalid; ``problems`` lists every problem with its key path."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("invalid policy:\n" + "\n".join(f"- {p}" for p in problems))
        self.problems = problems


class VendorError(DpcheckError):
    """A vendor's dossier cannot be read: no such folder, an invalid ``vendor.toml`` (``problems``
    lists every problem with its key) or no document to read."""

    def __init__(self, code: VendorCode, message: str, problems: list[str] | None = None) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message
        self.problems = problems or []
