"""Scan history: vendors, their documents, and every scan with its report.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "vendors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_vendors"),
        sa.UniqueConstraint("name", name="uq_vendors_name"),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("vendor_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.ForeignKeyConstraint(["vendor_id"], ["vendors.id"], name="fk_documents_vendor_id_vendors"),
        sa.UniqueConstraint("vendor_id", "name", name="uq_documents_vendor_id_name"),
    )
    op.create_table(
        "scans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("scanned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("role", sa.String(40)),
        sa.Column("document_date", sa.Date),
        sa.Column("source_url", sa.Text),
        sa.Column("tool_version", sa.String(40), nullable=False),
        sa.Column("ruleset_version", sa.String(40), nullable=False),
        sa.Column("report_format", sa.String(20), nullable=False),
        sa.Column("law_as_of", sa.Date, nullable=False),
        sa.Column("report", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_scans"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_scans_document_id_documents"),
    )
    op.create_index("ix_scans_document_id_scanned_at", "scans", ["document_id", "scanned_at"])


def downgrade() -> None:
    op.drop_table("scans")
    op.drop_table("documents")
    op.drop_table("vendors")
