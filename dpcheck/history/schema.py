"""The tables of the scan history, as the newest migration leaves them.

Queries are written against these tables; the migrations in ``migrations/versions`` build
them step by step, and a test checks that both agree.

- ``vendors``: one row per vendor name.
- ``documents``: a vendor's document, keyed by vendor and file name, so that successive
  versions of ``dpa.pdf`` form one line of the timeline.
- ``scans``: one scan of one version of a document: its content hash, role, date and source
  URL as known at that scan, the dpcheck, ruleset and report-format versions, the law-as-of
  day, and the JSON report (a whole report holding this one document, as ``dpcheck scan
  --format json`` prints it). ``status`` and ``rating`` repeat two fields of the report so that
  listings need not decode every report.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB

# Named constraints, so that a later migration can refer to them on SQLite and PostgreSQL alike.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# JSONB on PostgreSQL (indexable, compact), JSON text elsewhere.
REPORT_JSON = JSON().with_variant(JSONB(), "postgresql")

vendors = Table(
    "vendors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    UniqueConstraint("name"),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("vendor_id", Integer, ForeignKey("vendors.id"), nullable=False),
    Column("name", String(500), nullable=False),
    UniqueConstraint("vendor_id", "name"),
)

scans = Table(
    "scans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("scanned_at", DateTime(timezone=True), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("role", String(40)),
    Column("document_date", Date),
    Column("source_url", Text),
    Column("tool_version", String(40), nullable=False),
    Column("ruleset_version", String(40), nullable=False),
    Column("report_format", String(20), nullable=False),
    Column("law_as_of", Date, nullable=False),
    Column("report", REPORT_JSON, nullable=False),
    Column("status", String(10), nullable=False),
    Column("rating", String(10), nullable=False),
    Index("ix_scans_document_id_scanned_at", "document_id", "scanned_at"),
    Index("ix_scans_scanned_at", "scanned_at"),
)
