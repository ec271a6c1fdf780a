"""dpcheck: read vendors' privacy policies and DPAs and check their data-export terms.

One call for a file, a folder, bytes or text:

    >>> import dpcheck
    >>> report = dpcheck.scan("vendor-dpa.pdf")
    >>> doc = report.documents[0]
    >>> doc.rating, [t.destination for t in doc.transfers], [f.rule_id for f in doc.findings]

A reusable :class:`Scanner` loads the rules and builds its spaCy pipelines once, for any number
of scans; options are keyword-only and the same everywhere (``rules=``, ``as_of=``, ``max_bytes=``,
``max_pages=`` ...):

    >>> scanner = dpcheck.Scanner(as_of=date(2019, 6, 1))
    >>> scanner.scan(["a.pdf", "policies/"]); scanner.scan_text("We transfer data to the USA.")

Many documents, in parallel processes and in input order, one :class:`DocumentReport` at a time
(memory stays flat), cached by content when ``cache`` is given, on any
``concurrent.futures.Executor`` (e.g. Dask's ``Client(...).get_executor()``):

    >>> for doc in dpcheck.scan_many(["policies/"], workers=4, cache=True):
    ...     print(doc.path, doc.rating)

A vendor's documents read together (its DPA with the addenda and sub-processor lists joined to it,
its privacy policy): one rating, the contradictions between them, one list of questions, and what
changed between dated versions; and what changed between any two versions (a semantic diff):

    >>> vendor = dpcheck.scan_vendor("vendors/acme/")     # a folder, with or without vendor.toml
    >>> vendor.rating, [f.rule_id for f in vendor.findings], [q.text for q in vendor.questions]
    >>> [(c.kind, c.value) for c in dpcheck.diff("dpa-2023.pdf", "dpa-2025.pdf").changes]

A history of scans in a database (SQLite by default, PostgreSQL by URL), with each vendor's
timeline and what changed (see :mod:`dpcheck.history`):

    >>> history = dpcheck.History()          # or dpcheck.History("postgresql://user@host/db")
    >>> history.timeline("acme")

Errors (see :mod:`dpcheck.errors`): unreadable documents are reported per document with a
stable code (``doc.status == "error"``), never raised; an invalid ruleset raises
:class:`RulesetError`, an invalid buyer's policy (``Scanner(policy=...)``) :class:`PolicyError`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from dpcheck.batch import scan_many
from dpcheck.errors import DpcheckError, ErrorCode, IngestError, PolicyError, RulesetError, VendorError
from dpcheck.models import (
    DataFlow,
    DocumentReport,
    Evidence,
    Finding,
    Mention,
    Recipient,
    Report,
    ScanError,
    Transfer,
)
from dpcheck.policy import Policy
from dpcheck.scanner import Scanner
from dpcheck.version import TOOL_VERSION

if TYPE_CHECKING:
    from dpcheck.changes import Comparison
    from dpcheck.history import History
    from dpcheck.vendor.model import VendorReport

__version__ = TOOL_VERSION

__all__ = [
    "DataFlow",
    "DocumentReport",
    "DpcheckError",
    "ErrorCode",
    "Evidence",
    "Finding",
    "History",
    "IngestError",
    "Mention",
    "Policy",
    "PolicyError",
    "Recipient",
    "Report",
    "RulesetError",
    "ScanError",
    "Scanner",
    "Transfer",
    "VendorError",
    "__version__",
    "diff",
    "scan",
    "scan_many",
    "scan_vendor",
]


def scan(
    source: str | os.PathLike[str] | bytes | Iterable[str | os.PathLike[str]] | None = None,
    *,
    name: str | None = None,
    text: str | None = None,
    language: str | None = None,
    **options: Any,
) -> Report:
    """Scan files or folders, raw bytes (with ``name``), or ``text`` (with ``language``).

    Builds a :class:`Scanner` (with ``options``) for this one call; reuse a Scanner to scan many
    times, or use :func:`scan_many` for large batches.
    """
    scanner = Scanner(**options)
    if text is not None:
        return scanner.report([scanner.scan_text(text, name=name or "<text>", language=language)])
    if isinstance(source, bytes):
        return scanner.report([scanner.scan_bytes(source, name or "<bytes>", language=language)])
    if source is None:
        raise TypeError("scan() needs a path, bytes or text=")
    return scanner.scan(source)


def scan_vendor(source: str | os.PathLike[str], **options: Any) -> VendorReport:
    """One vendor report for a folder of the vendor's documents (with or without ``vendor.toml``) or
    the path of a ``vendor.toml``; ``options`` as for :class:`Scanner`, or ``scanner=`` to reuse one.
    See :func:`dpcheck.dossier.scan_vendor`."""
    from dpcheck.dossier import scan_vendor as scan_dossier

    return scan_dossier(source, **options)


def diff(old: str | os.PathLike[str], new: str | os.PathLike[str], **options: Any) -> Comparison:
    """What changed between two versions: documents, saved JSON reports or vendor folders.
    See :func:`dpcheck.dossier.diff`."""
    from dpcheck.dossier import diff as compare_versions

    return compare_versions(old, new, **options)


def __getattr__(name: str) -> Any:
    # History is imported on first use: SQLAlchemy and Alembic add a second to every start-up otherwise.
    if name == "History":
        from dpcheck.history import History

        return History
    raise AttributeError(f"module 'dpcheck' has no attribute {name!r}")
