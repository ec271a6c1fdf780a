"""One document's scan as the history records it: who it is from, which version, and the report."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from dpcheck.models import Report
from dpcheck.report import report_to_dict
from dpcheck.vendor.manifest import ROLES  # vendor.toml's roles; a scan without one takes its doc_type

# Inside Entry the field ``date`` hides the type.
Day = date


@dataclass(frozen=True, slots=True)
class Entry:
    """A document's scan, ready to record: ``report`` is a JSON report (``report_to_dict``) that
    holds exactly this document and carries the versions and the law-as-of day."""

    vendor: str
    name: str
    sha256: str
    report: Mapping[str, Any]
    role: str | None = None
    date: date | None = None
    url: str | None = None
    scanned_at: datetime | None = None
    """When it was scanned (default: when it is recorded)."""

    def __post_init__(self) -> None:
        if not self.vendor.strip():
            raise ValueError("an entry needs a vendor name")
        if not self.name.strip():
            raise ValueError("an entry needs a document name")
        if len(self.report.get("documents", ())) != 1:
            raise ValueError("an entry's report holds exactly one document")
        if self.role is not None and self.role not in ROLES:
            raise ValueError(f"role {self.role!r} is not one of {', '.join(ROLES)}")
        if self.scanned_at is not None and self.scanned_at.tzinfo is None:
            raise ValueError("scanned_at needs a time zone")

    @property
    def document(self) -> Mapping[str, Any]:
        document: Mapping[str, Any] = self.report["documents"][0]
        return document

    @classmethod
    def of(
        cls,
        report: Report,
        *,
        vendor: str,
        name: str,
        sha256: str,
        role: str | None = None,
        date: Day | None = None,
        url: str | None = None,
        scanned_at: datetime | None = None,
    ) -> Entry:
        """The entry of a scan's one document; ``role`` defaults to the document's doc_type."""
        if len(report.documents) != 1:
            raise ValueError(f"Entry.of takes a report of one document, not {len(report.documents)}")
        role = role or report.documents[0].doc_type
        return cls(
            vendor=vendor,
            name=name,
            sha256=sha256,
            report=report_to_dict(report),
            role=role,
            date=date,
            url=url,
            scanned_at=scanned_at or datetime.now(UTC),
        )

    @classmethod
    def of_file(cls, report: Report, path: str | os.PathLike[str], *, vendor: str | None = None) -> Entry:
        """The entry of a scanned file: keyed by its file name, from ``vendor`` or else the
        vendor its folder is named after."""
        file = Path(path)
        return cls.of(
            report,
            vendor=vendor or file.resolve().parent.name,
            name=file.name,
            sha256=hashlib.sha256(file.read_bytes()).hexdigest(),
        )
