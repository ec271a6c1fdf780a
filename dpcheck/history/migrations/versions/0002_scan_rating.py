"""Status and rating of each scan as columns, filled from the stored reports; scans indexed by day.

Listings (a vendor's timeline, the vendors changed since a day) then read two short columns
instead of decoding every report.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The table as revision 0001 left it, as far as this migration reads and writes it.
_scans = sa.table(
    "scans",
    sa.column("id", sa.Integer),
    sa.column("report", sa.JSON().with_variant(JSONB(), "postgresql")),
    sa.column("status", sa.String),
    sa.column("rating", sa.String),
)


def upgrade() -> None:
    # Added as nullable, filled, then made NOT NULL: existing rows keep their data.
    with op.batch_alter_table("scans") as batch:
        batch.add_column(sa.Column("status", sa.String(10)))
        batch.add_column(sa.Column("rating", sa.String(10)))
    connection = op.get_bind()
    for scan_id, report in connection.execute(sa.select(_scans.c.id, _scans.c.report)).all():
        document = report["documents"][0]
        connection.execute(
            sa.update(_scans).where(_scans.c.id == scan_id).values(status=document["status"], rating=document["rating"])
        )
    with op.batch_alter_table("scans") as batch:
        batch.alter_column("status", existing_type=sa.String(10), nullable=False)
        batch.alter_column("rating", existing_type=sa.String(10), nullable=False)
    op.create_index("ix_scans_scanned_at", "scans", ["scanned_at"])


def downgrade() -> None:
    op.drop_index("ix_scans_scanned_at", table_name="scans")
    with op.batch_alter_table("scans") as batch:
        batch.drop_column("rating")
        batch.drop_column("status")
