"""Alembic's entry point: migrations run on the connection that dpcheck.history.database opened
(inside its locked transaction), never from a URL of their own."""

from __future__ import annotations

from alembic import context

from dpcheck.history.schema import metadata

connection = context.config.attributes["connection"]
# SQLite's ALTER TABLE is limited: alembic rebuilds the table (batch mode) where needed.
context.configure(
    connection=connection,
    target_metadata=metadata,
    transactional_ddl=True,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
