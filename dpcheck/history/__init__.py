"""Scan history in a database: what was scanned, for which vendor, and what changed since.

    >>> from dpcheck.history import Entry, History
    >>> with History() as history:                     # history.sqlite3 in the user data folder
    ...     history.record(Entry.of_file(report, "vendors/acme/dpa.pdf"))   # vendor "acme"
    ...     for scan in history.timeline("acme"):
    ...         print(scan.scanned_at, scan.document, scan.rating, scan.changed)

What changed between two scans of a document is the semantic diff of :mod:`dpcheck.changes`, read off
the two stored JSON reports (``TimelineEntry.change``).

PostgreSQL by URL (``History("postgresql://user@host/db")``, the psycopg 3 driver of the
``dpcheck[postgresql]`` extra). The schema is created and migrated by Alembic migrations that
ship in this package (``migrations/``); opening a database upgrades it, never dropping data.
"""

from dpcheck.history.database import HistoryError, default_path
from dpcheck.history.entry import ROLES, Entry
from dpcheck.history.store import History, TimelineEntry, VendorChanges, VendorSummary

__all__ = [
    "ROLES",
    "Entry",
    "History",
    "HistoryError",
    "TimelineEntry",
    "VendorChanges",
    "VendorSummary",
    "default_path",
]
