"""Where the history lives and how it is opened: URLs, engines and schema migrations.

``url`` may be a SQLAlchemy URL (``sqlite:///path``, ``postgresql://user@host/db``), a plain
file path (a SQLite file), or ``default``: ``history.sqlite3`` in the user data folder.

Opening a database brings its schema up to the newest migration, under a lock, so that two
processes opening a new database at once do not both create it: a transaction-scoped advisory
lock on PostgreSQL, the write lock (``BEGIN IMMEDIATE``) on SQLite. Every migration runs in that
one transaction: a crash half-way leaves the schema as it was.
"""

from __future__ import annotations

import os
import sqlite3
import time
import weakref
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url

from dpcheck.errors import DpcheckError

DEFAULT = "default"
# Any fixed number: the key of the advisory lock held while the schema migrates.
_MIGRATION_LOCK = 0x64706368
# Seconds a writer waits for SQLite's write lock before giving up.
_SQLITE_BUSY_TIMEOUT = 60
_ENGINES: weakref.WeakSet[Engine] = weakref.WeakSet()


class HistoryError(DpcheckError):
    """The history database cannot be opened or is newer than this dpcheck."""


def default_path() -> Path:
    return Path(user_data_dir("dpcheck", appauthor=False)) / "history.sqlite3"


def resolve_url(url: str | os.PathLike[str] | None) -> URL:
    """``url`` as a SQLAlchemy URL: ``None`` or ``default`` is the user's file, a path is a SQLite
    file, and ``postgresql://`` means the psycopg 3 driver."""
    if url is None or str(url) == DEFAULT:
        return make_url(f"sqlite:///{default_path()}")
    raw = os.fspath(url)
    if "://" not in raw:
        return make_url(f"sqlite:///{Path(raw).expanduser().resolve()}")
    parsed = make_url(raw)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def open_engine(url: URL) -> Engine:
    """An engine for ``url`` with the database's schema at the newest migration."""
    if url.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    _ENGINES.add(engine)
    try:
        migrate(engine)
    except Exception:
        engine.dispose()
        raise
    return engine


def _sqlite_engine(url: URL) -> Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": _SQLITE_BUSY_TIMEOUT})

    # SQLAlchemy's recipe for real transactions on pysqlite: the driver's own BEGIN handling is
    # switched off and every transaction takes the write lock at its start, so two writers queue
    # (busy timeout) instead of one failing when it upgrades a read lock; migrations are
    # transactional too.
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        _write_ahead(cursor)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _write_ahead(cursor: Any) -> None:
    """Switch the file to write-ahead logging, once: the mode is kept in the file. Switching takes the
    database's lock without waiting on SQLite's busy timeout, so a second process opening a new history
    while the first sets it up retries here instead of failing with "database is locked"."""
    cursor.execute("PRAGMA journal_mode")
    if str(cursor.fetchone()[0]).lower() == "wal":
        return
    deadline = time.monotonic() + _SQLITE_BUSY_TIMEOUT
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", "dpcheck.history:migrations")
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to ``revision`` (default: the newest) in one locked transaction."""
    script = ScriptDirectory.from_config(alembic_config())
    target = script.get_current_head() if revision == "head" else revision
    with engine.connect() as connection:
        current = current_revision(connection)
    if current == target:
        return
    if current is not None and current not in {s.revision for s in script.walk_revisions()}:
        raise HistoryError(
            f"the history database is at schema revision {current}, which this dpcheck does not "
            f"know (newest known: {script.get_current_head()}): upgrade dpcheck"
        )
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _forget_engines_after_fork() -> None:
    """A forked process (a batch worker) must not use or close its parent's pooled connections."""
    for engine in list(_ENGINES):
        engine.dispose(close=False)


os.register_at_fork(after_in_child=_forget_engines_after_fork)
