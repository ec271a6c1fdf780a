"""The scan history: record scans, read a vendor's timeline, find vendors whose terms changed."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from itertools import groupby, pairwise
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Engine, Row, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from dpcheck.changes import Comparison, DiffWords, compare_reports
from dpcheck.history.database import open_engine, resolve_url
from dpcheck.history.entry import Entry
from dpcheck.history.schema import documents, scans, vendors
from dpcheck.report.reader import document_from_dict


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One recorded scan, with what changed since the scan of the same document before it."""

    scan_id: int
    vendor: str
    document: str
    scanned_at: datetime
    sha256: str
    role: str | None
    document_date: date | None
    source_url: str | None
    tool_version: str
    ruleset_version: str
    report_format: str
    law_as_of: date
    status: str
    rating: str
    """As a report written now gives it: a scan stored before report_format 1.8 may call a sub-processor list green."""
    rated: bool
    """Whether dpcheck judges the document on its own (:attr:`dpcheck.models.DocumentReport.rated`)."""
    content_changed: bool | None
    """Whether the text differs from the document's scan before (None: its first scan)."""
    change: Comparison | None
    """What changed in the terms since the document's scan before (the semantic diff; None: its first scan)."""

    @property
    def changed(self) -> bool:
        return bool(self.content_changed) or bool(self.change)


@dataclass(frozen=True, slots=True)
class VendorChanges:
    """A vendor's scans since a day that changed, and documents it first had scanned since then."""

    vendor: str
    changes: tuple[TimelineEntry, ...]
    added: tuple[TimelineEntry, ...]


@dataclass(frozen=True, slots=True)
class VendorSummary:
    name: str
    documents: int
    scans: int
    last_scanned_at: datetime


class History:
    """Scans recorded in a database: SQLite by default, PostgreSQL by URL.

    >>> history = dpcheck.History("postgresql://dpcheck@db.example/dpcheck")
    >>> history.record(Entry.of(report, vendor="Acme", name="dpa.pdf", sha256=digest))
    >>> [(e.scanned_at, e.rating, e.changed) for e in history.timeline("Acme")]

    ``url``: see :func:`dpcheck.history.database.resolve_url` (``None``: the user's default file).
    ``words``: the diff's words that compare stored scans, as a scanner holds them (``scanner.diff_words``), so a
    program with its own rules folder compares with its words and loads no rules twice; those dpcheck ships if not
    given. Opening brings the schema up to date. Each :meth:`record` call is one transaction.
    """

    def __init__(self, url: str | os.PathLike[str] | None = None, *, words: DiffWords | None = None) -> None:
        self.url = resolve_url(url)
        self._engine: Engine = open_engine(self.url)
        self._words = words

    def __enter__(self) -> History:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._engine.dispose()

    def __repr__(self) -> str:
        return f"History({self.url.render_as_string(hide_password=True)!r})"

    # ------------------------------------------------------------------ writing

    def record(self, entries: Entry | Iterable[Entry]) -> list[int]:
        """Record scans, all or none (one transaction); returns their ids in order."""
        if isinstance(entries, Entry):
            entries = [entries]
        ids = []
        with self._engine.begin() as connection:
            for entry in entries:
                document_id = self._document_id(connection, entry.vendor, entry.name)
                ids.append(
                    connection.execute(
                        scans.insert().returning(scans.c.id), _scan_row(entry, document_id, self._dialect)
                    ).scalar_one()
                )
        return ids

    def _document_id(self, connection: Connection, vendor: str, name: str) -> int:
        vendor_id = _upsert(connection, vendors, {"name": vendor}, vendors.c.name == vendor)
        return _upsert(
            connection,
            documents,
            {"vendor_id": vendor_id, "name": name},
            (documents.c.vendor_id == vendor_id) & (documents.c.name == name),
        )

    # ------------------------------------------------------------------ reading

    def vendors(self) -> list[VendorSummary]:
        query = (
            select(
                vendors.c.name,
                func.count(func.distinct(documents.c.id)),
                func.count(scans.c.id),
                func.max(scans.c.scanned_at),
            )
            .join(documents, documents.c.vendor_id == vendors.c.id)
            .join(scans, scans.c.document_id == documents.c.id)
            .group_by(vendors.c.name)
            .order_by(vendors.c.name)
        )
        with self._engine.connect() as connection:
            return [
                VendorSummary(name, docs, count, _utc(last))
                for name, docs, count, last in connection.execute(query).all()
            ]

    def timeline(self, vendor: str, *, since: date | datetime | None = None) -> list[TimelineEntry]:
        """Every scan of ``vendor``'s documents in time order (since ``since`` if given), each
        compared with the scan of the same document before it."""
        with self._engine.connect() as connection:
            rows = connection.execute(_listing().where(vendors.c.name == vendor)).all()
            entries = list(self._compared(connection, rows))
        if since is not None:
            start = _start(since)
            entries = [e for e in entries if e.scanned_at >= start]
        return sorted(entries, key=lambda e: (e.scanned_at, e.scan_id))

    def changed_since(self, since: date | datetime) -> list[VendorChanges]:
        """Vendors with a document whose text or assessment changed in a scan since ``since``, or
        with a document first scanned since then while the vendor was known before."""
        start = self._stored(_start(since))
        recent = select(scans.c.document_id).where(scans.c.scanned_at >= start)
        first_seen = (
            select(vendors.c.name, func.min(scans.c.scanned_at))
            .join(documents, documents.c.vendor_id == vendors.c.id)
            .join(scans, scans.c.document_id == documents.c.id)
            .group_by(vendors.c.name)
        )
        with self._engine.connect() as connection:
            known_since = {name: _utc(first) for name, first in connection.execute(first_seen).all()}
            rows = connection.execute(_listing().where(scans.c.document_id.in_(recent))).all()
            entries = [e for e in self._compared(connection, rows) if e.scanned_at >= _start(since)]
        result = []
        for vendor, group in groupby(
            sorted(entries, key=lambda e: (e.vendor, e.scanned_at, e.scan_id)), key=lambda e: e.vendor
        ):
            scanned = list(group)
            changes = tuple(e for e in scanned if e.changed)
            added = tuple(e for e in scanned if e.content_changed is None and known_since[vendor] < _start(since))
            if changes or added:
                result.append(VendorChanges(vendor, changes, added))
        return result

    def report(self, scan_id: int) -> dict[str, Any]:
        """The JSON report stored with a scan."""
        with self._engine.connect() as connection:
            report: dict[str, Any] = connection.execute(
                select(scans.c.report).where(scans.c.id == scan_id)
            ).scalar_one()
        return report

    def _compared(self, connection: Connection, rows: Sequence[Row[Any]]) -> Iterator[TimelineEntry]:
        """Rows (ordered by document, then time) as entries compared with their predecessors."""
        reports = _reports(connection, [row.id for row in rows])
        for _, group in groupby(rows, key=lambda row: row.document_id):
            ordered = list(group)
            yield _entry(ordered[0], reports[ordered[0].id], None, None)
            for before, after in pairwise(ordered):
                yield _entry(
                    after,
                    reports[after.id],
                    before.sha256 != after.sha256,
                    compare_reports(
                        reports[before.id],
                        reports[after.id],
                        old_name=before.document,
                        new_name=after.document,
                        words=self._words,
                    ),
                )

    @property
    def _dialect(self) -> str:
        return self._engine.dialect.name

    def _stored(self, moment: datetime) -> datetime:
        return _for_dialect(moment, self._dialect)


def _listing() -> Any:
    return (
        select(
            scans.c.id,
            scans.c.document_id,
            scans.c.scanned_at,
            scans.c.sha256,
            scans.c.role,
            scans.c.document_date,
            scans.c.source_url,
            scans.c.tool_version,
            scans.c.ruleset_version,
            scans.c.report_format,
            scans.c.law_as_of,
            scans.c.status,
            documents.c.name.label("document"),
            vendors.c.name.label("vendor"),
        )
        .join(documents, documents.c.id == scans.c.document_id)
        .join(vendors, vendors.c.id == documents.c.vendor_id)
        .order_by(scans.c.document_id, scans.c.scanned_at, scans.c.id)
    )


def _reports(connection: Connection, ids: list[int]) -> dict[int, Mapping[str, Any]]:
    found: dict[int, Mapping[str, Any]] = {}
    # In slices: a database takes a bounded number of parameters per statement.
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        # Not dict(result): a Result has keys(), so dict() would read it as a mapping and fail.
        found.update(
            {  # noqa: C416
                scan_id: report
                for scan_id, report in connection.execute(
                    select(scans.c.id, scans.c.report).where(scans.c.id.in_(chunk))
                )
            }
        )
    return found


def _entry(
    row: Row[Any], report: Mapping[str, Any], content_changed: bool | None, change: Comparison | None
) -> TimelineEntry:
    # The stored rating column repeats the report as it was written; read back, the report says whether the
    # document is rated and holds an unrated one to the floor of a report written now, as dpcheck render does.
    shown = document_from_dict(report["documents"][0])
    return TimelineEntry(
        scan_id=row.id,
        vendor=row.vendor,
        document=row.document,
        scanned_at=_utc(row.scanned_at),
        sha256=row.sha256,
        role=row.role,
        document_date=row.document_date,
        source_url=row.source_url,
        tool_version=row.tool_version,
        ruleset_version=row.ruleset_version,
        report_format=row.report_format,
        law_as_of=row.law_as_of,
        status=row.status,
        rating=shown.rating,
        rated=shown.rated,
        content_changed=content_changed,
        change=change,
    )


def _scan_row(entry: Entry, document_id: int, dialect: str) -> dict[str, Any]:
    report = entry.report
    return {
        "document_id": document_id,
        "scanned_at": _for_dialect(entry.scanned_at or datetime.now(UTC), dialect),
        "sha256": entry.sha256,
        "role": entry.role,
        "document_date": entry.date,
        "source_url": entry.url,
        "tool_version": report["tool_version"],
        "ruleset_version": report["ruleset_version"],
        "report_format": report["report_format"],
        "law_as_of": date.fromisoformat(report["law_as_of"]),
        "report": dict(report),
        "status": entry.document["status"],
        "rating": entry.document["rating"],
    }


def _upsert(connection: Connection, table: Any, values: dict[str, Any], where: Any) -> int:
    """The id of the row with ``values``, inserted unless it exists. Safe with concurrent writers:
    a row another transaction inserted first is left alone and then read."""
    insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
    connection.execute(insert(table).values(**values).on_conflict_do_nothing())
    found: int = connection.execute(select(table.c.id).where(where)).scalar_one()
    return found


def _start(since: date | datetime) -> datetime:
    """``since`` as an aware moment: a day starts at midnight UTC, a naive time is UTC."""
    if not isinstance(since, datetime):
        since = datetime.combine(since, time(0))
    return since if since.tzinfo else since.replace(tzinfo=UTC)


def _for_dialect(moment: datetime, dialect: str) -> datetime:
    """PostgreSQL keeps time zones; SQLite stores naive text, so times go in as naive UTC."""
    moment = moment.astimezone(UTC)
    return moment if dialect == "postgresql" else moment.replace(tzinfo=None)


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
