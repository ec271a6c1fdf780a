"""Databases for the history tests: a SQLite file, and a real PostgreSQL server.

The PostgreSQL server is a throwaway cluster made for the session (``initdb`` into a temporary
folder, listening only on a Unix socket there), run as the ``postgres`` user when the tests run
as root, since PostgreSQL refuses to run as root. ``DPCHECK_TEST_PG`` (a URL of a role that may
create databases) uses an existing server instead. The PostgreSQL tests skip only where no
PostgreSQL binaries exist; ``.ci/run`` installs Debian's ``postgresql``.
"""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from itertools import count
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import make_url

from dpcheck import Scanner
from dpcheck.history import Entry


class Postgres:
    """A PostgreSQL server that hands out a new empty database per test."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url).set(drivername="postgresql+psycopg")
        self._numbers = count()

    def new_database(self) -> str:
        name = f"dpcheck_test_{os.getpid()}_{next(self._numbers)}"
        admin = self.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url.set(database=name).render_as_string(hide_password=False)


def _postgres_bin() -> Path | None:
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    if folders:
        return Path(folders[-1])
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    if os.environ.get("DPCHECK_TEST_PG"):
        yield Postgres(os.environ["DPCHECK_TEST_PG"])
        return
    binaries = _postgres_bin()
    if binaries is None:
        pytest.skip("no PostgreSQL binaries (initdb) on this machine; .ci/run installs Debian's postgresql")
    as_root = os.geteuid() == 0
    run_as: dict[str, Any] = {"user": "postgres", "group": "postgres"} if as_root else {}
    folder = Path(tempfile.mkdtemp(prefix="dpcheck-pg-"))
    if as_root:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    subprocess.run(
        [
            binaries / "initdb",
            "-D",
            data,
            "--auth=trust",
            "-U",
            "dpcheck",
            "-E",
            "UTF8",
            "--no-sync",
            "--no-instructions",
        ],
        check=True,
        capture_output=True,
        **run_as,
    )
    # No TCP port: the socket file in the private folder is the only way in. fsync is off because
    # the tests kill clients, not the machine.
    options = f"-c listen_addresses='' -k {folder} -c fsync=off -c max_connections=60"
    subprocess.run(
        [binaries / "pg_ctl", "-D", data, "-l", folder / "server.log", "-w", "-o", options, "start"],
        check=True,
        capture_output=True,
        **run_as,
    )
    try:
        yield Postgres(f"postgresql://dpcheck@/postgres?host={folder}")
    finally:
        subprocess.run(
            [binaries / "pg_ctl", "-D", data, "-m", "immediate", "stop"], capture_output=True, check=False, **run_as
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty history database: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'history.sqlite3'}"
    server: Postgres = request.getfixturevalue("postgres")
    return server.new_database()


@pytest.fixture(scope="session")
def make_entry(scanner: Scanner) -> Callable[..., Entry]:
    """Entries of scans of texts (our own sentences), each hash made from its text."""

    def make(text: str, *, vendor: str = "Acme", name: str = "dpa.md", **fields: Any) -> Entry:
        report = scanner.report([scanner.scan_text(text, name=name)])
        return Entry.of(report, vendor=vendor, name=name, sha256=hashlib.sha256(text.encode()).hexdigest(), **fields)

    return make
