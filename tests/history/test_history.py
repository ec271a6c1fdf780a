"""The scan history on SQLite and on a real PostgreSQL server: records, timelines, changes,
concurrent writers, crashes mid-write and schema migrations."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner

from dpcheck.changes import compare_reports, lexicon
from dpcheck.cli import main
from dpcheck.history import Entry, History, HistoryError
from dpcheck.history.database import head_revision, migrate, resolve_url
from dpcheck.history.schema import metadata

US_SCC = "We transfer personal data to the United States under the Standard Contractual Clauses."
INDIA = "We transfer personal data to India."
DE_US_SCC = "Wir übermitteln personenbezogene Daten in die USA auf Grundlage der Standardvertragsklauseln."
EU_ONLY = "We store personal data only in the European Union and do not transfer it to any third country."
DAY = datetime(2025, 3, 1, tzinfo=UTC)


def test_history_timeline_shows_each_scan_and_what_changed(db_url, make_entry):
    """A vendor's timeline is in time order; each scan is compared with the document's scan before."""
    with History(db_url) as history:
        history.record(
            [
                make_entry(US_SCC, scanned_at=DAY, url="https://acme.example/dpa", date=date(2025, 1, 1)),
                make_entry(EU_ONLY, name="privacy.md", role="privacy_policy", scanned_at=DAY + timedelta(hours=1)),
                make_entry(US_SCC, scanned_at=DAY + timedelta(days=1)),
                make_entry(INDIA, scanned_at=DAY + timedelta(days=2)),
            ]
        )
        timeline = history.timeline("Acme")
    assert [(e.document, e.scanned_at) for e in timeline] == [
        ("dpa.md", DAY),
        ("privacy.md", DAY + timedelta(hours=1)),
        ("dpa.md", DAY + timedelta(days=1)),
        ("dpa.md", DAY + timedelta(days=2)),
    ]
    first, policy, same, india = timeline
    assert first.change is None and first.content_changed is None and not first.changed
    assert first.source_url == "https://acme.example/dpa" and first.document_date == date(2025, 1, 1)
    assert policy.role == "privacy_policy" and not policy.changed
    assert same.content_changed is False and not same.change and not same.changed
    assert india.changed and india.content_changed
    assert india.change.rating == ("yellow", "red")
    assert india.change.values("destination_added") == ("IN",)
    assert india.change.values("destination_removed") == ("US",)
    assert india.change.values("mechanism_dropped") == ("scc",)
    assert india.rating == "red" and india.law_as_of == date.today()
    assert history_report_document(db_url, india.scan_id)["transfers"][0]["destination"] == "IN"


@pytest.mark.parametrize(("later", "changed"), [(DE_US_SCC, False), (INDIA, True)])
def test_history_compares_with_the_words_it_is_given(tmp_path, scanner, make_entry, monkeypatch, later, changed):
    """A program that holds a scanner hands the history its diff words: the shipped rules are not loaded again."""

    def refuse():
        raise AssertionError("the history loaded the shipped rules beside the scanner's")

    monkeypatch.setattr(lexicon, "_shipped", refuse)
    with History(f"sqlite:///{tmp_path / 'history.sqlite3'}", words=scanner.diff_words) as history:
        history.record([make_entry(US_SCC, scanned_at=DAY), make_entry(later, scanned_at=DAY + timedelta(days=1))])
        timeline = history.timeline("Acme")
    assert bool(timeline[-1].change) is changed


def history_report_document(url: str, scan_id: int) -> dict:
    with History(url) as history:
        report = history.report(scan_id)
    assert report["tool"] == "dpcheck" and report["report_format"]
    return report["documents"][0]


def test_history_changed_since_lists_changed_vendors_only(db_url, make_entry):
    """--changed-since: vendors with a changed scan since the day, or a new document; not the rest."""
    with History(db_url) as history:
        history.record(
            [
                make_entry(US_SCC, vendor="Acme", scanned_at=DAY),
                make_entry(INDIA, vendor="Acme", scanned_at=DAY + timedelta(days=10)),
                make_entry(US_SCC, vendor="Steady", scanned_at=DAY),
                make_entry(US_SCC, vendor="Steady", scanned_at=DAY + timedelta(days=10)),
                make_entry(US_SCC, vendor="Growing", scanned_at=DAY),
                make_entry(DE_US_SCC, vendor="Growing", name="avv.md", scanned_at=DAY + timedelta(days=10)),
                make_entry(INDIA, vendor="Newcomer", scanned_at=DAY + timedelta(days=10)),
                make_entry(INDIA, vendor="Old", scanned_at=DAY),
            ]
        )
        changed = {v.vendor: v for v in history.changed_since(DAY + timedelta(days=5))}
        assert history.changed_since(DAY + timedelta(days=11)) == []
    assert set(changed) == {"Acme", "Growing"}
    assert [e.change.rating for e in changed["Acme"].changes] == [("yellow", "red")]
    assert [e.document for e in changed["Growing"].added] == ["avv.md"] and not changed["Growing"].changes


def test_history_compares_scans_with_the_semantic_diff(scanner):
    """Two stored reports are compared on what a buyer acts on (dpcheck.diff): the same terms in another
    language are no change; other destinations, tools and flags are; a stored report holds one document."""
    before = scanner.report([scanner.scan_text(US_SCC)])
    after = scanner.report([scanner.scan_text(DE_US_SCC, language="de")])
    from dpcheck.report import report_to_dict

    assert not compare_reports(report_to_dict(before), report_to_dict(after))
    worse = compare_reports(report_to_dict(before), report_to_dict(scanner.report([scanner.scan_text(INDIA)])))
    assert worse.values("flag_added") == ("TRANSFER_MECHANISM_UNSPECIFIED",) and worse.rating == ("yellow", "red")
    with pytest.raises(ValueError):
        compare_reports(report_to_dict(scanner.report([])), report_to_dict(after))


def test_history_entry_refuses_a_bad_role_and_naive_times(make_entry):
    """Roles are those of vendor.toml; times carry a zone (the history keeps UTC)."""
    with pytest.raises(ValueError, match="role"):
        make_entry(US_SCC, role="contract")
    with pytest.raises(ValueError, match="time zone"):
        make_entry(US_SCC, scanned_at=datetime(2025, 1, 1))


# ------------------------------------------------------------------ concurrency and crashes

WRITER = """
import json, sys, time
from pathlib import Path
from dpcheck.history import Entry, History
url, report_file, tag, count, ready = sys.argv[1:]
report = json.loads(Path(report_file).read_text())
history = History(url)
Path(ready, tag).touch()
while len(list(Path(ready).iterdir())) < 2:  # both writers start together
    time.sleep(0.01)
for i in range(int(count)):
    history.record(Entry(vendor="Acme", name=f"doc-{i % 5}.md", sha256=f"{tag}-{i:05d}".ljust(64, "0"), report=report))
"""


@pytest.fixture(scope="module")
def report_file(scanner, tmp_path_factory) -> Path:
    from dpcheck.report import report_to_dict

    path = tmp_path_factory.mktemp("report") / "report.json"
    path.write_text(json.dumps(report_to_dict(scanner.report([scanner.scan_text(US_SCC, name="doc.md")]))))
    return path


def test_history_two_concurrent_writers_lose_nothing(db_url, report_file, tmp_path):
    """Two processes open a new database at once and write 100 scans each to the same vendor and
    documents: all 200 are there, the vendor and each document once."""
    ready = tmp_path / "ready"
    ready.mkdir()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, db_url, str(report_file), tag, "100", str(ready)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("a", "b")
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
    engine = sa.create_engine(resolve_url(db_url))
    with engine.connect() as connection:
        hashes = connection.execute(sa.text("SELECT sha256 FROM scans")).scalars().all()
        assert connection.execute(sa.text("SELECT count(*) FROM vendors")).scalar_one() == 1
        assert connection.execute(sa.text("SELECT count(*) FROM documents")).scalar_one() == 5
    engine.dispose()
    assert len(hashes) == len(set(hashes)) == 200
    assert {h[0] for h in hashes} == {"a", "b"}


CRASHER = """
import json, sys, time
from pathlib import Path
from dpcheck.history import Entry, History
url, report_file = sys.argv[1:]
report = json.loads(Path(report_file).read_text())
history = History(url)
history.record([Entry(vendor="Kept", name=f"doc-{i}.md", sha256=f"kept-{i}".ljust(64, "0"), report=report)
                for i in range(5)])

def entries():
    for i in range(3):
        yield Entry(vendor="Lost", name=f"doc-{i}.md", sha256=f"lost-{i}".ljust(64, "0"), report=report)
    print("in the transaction", flush=True)
    time.sleep(600)

history.record(entries())
"""


def test_history_killed_mid_transaction_leaves_the_database_consistent(db_url, report_file):
    """A writer killed (SIGKILL) with three scans of a new vendor written but not committed: the
    database holds what was committed before, nothing of the open transaction, and takes new writes."""
    crasher = subprocess.Popen(
        [sys.executable, "-c", CRASHER, db_url, str(report_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert crasher.stdout.readline().strip() == "in the transaction", crasher.stderr.read()
    os.kill(crasher.pid, signal.SIGKILL)
    crasher.wait(timeout=30)
    _assert_consistent(db_url)
    with History(db_url) as history:
        assert [v.name for v in history.vendors()] == ["Kept"]
        assert len(history.timeline("Kept")) == 5
        history.record(
            Entry(
                vendor="Lost",
                name="doc-0.md",
                sha256="after".ljust(64, "0"),
                report=json.loads(report_file.read_text()),
            )
        )
        assert [v.name for v in history.vendors()] == ["Kept", "Lost"]


LOOPER = """
import json, sys
from pathlib import Path
from dpcheck.history import Entry, History
url, report_file = sys.argv[1:]
report = json.loads(Path(report_file).read_text())
history = History(url)
for i in range(100000):
    history.record([Entry(vendor=f"V{i}", name="a.md", sha256=f"{i}-a".ljust(64, "0"), report=report),
                    Entry(vendor=f"V{i}", name="b.md", sha256=f"{i}-b".ljust(64, "0"), report=report)])
    print(i, flush=True)
"""


def test_history_killed_while_writing_keeps_every_commit_whole(db_url, report_file):
    """A writer killed at an arbitrary moment of a stream of two-scan transactions: every committed
    transaction is there whole (both scans), and at most the one in flight is missing."""
    looper = subprocess.Popen(
        [sys.executable, "-c", LOOPER, db_url, str(report_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    acknowledged = -1
    deadline = time.monotonic() + 120
    while acknowledged < 20 and time.monotonic() < deadline:
        line = looper.stdout.readline()
        assert line, looper.stderr.read()
        acknowledged = int(line)
    os.kill(looper.pid, signal.SIGKILL)
    looper.wait(timeout=30)
    acknowledged = max([acknowledged, *(int(line) for line in looper.stdout.read().split())])
    _assert_consistent(db_url)
    engine = sa.create_engine(resolve_url(db_url))
    with engine.connect() as connection:
        per_vendor = connection.execute(
            sa.text(
                "SELECT v.name, count(*) FROM scans s JOIN documents d ON d.id = s.document_id "
                "JOIN vendors v ON v.id = d.vendor_id GROUP BY v.name"
            )
        ).all()
    engine.dispose()
    assert all(n == 2 for _, n in per_vendor)
    assert acknowledged + 1 <= len(per_vendor) <= acknowledged + 2


def _assert_consistent(url: str) -> None:
    """Integrity: SQLite's own checks pass, and no vendor or document is left without scans (they
    are written in the transaction of their first scan)."""
    engine = sa.create_engine(resolve_url(url))
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert (
            connection.execute(
                sa.text(
                    "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM scans s WHERE s.document_id = d.id)"
                )
            ).scalar_one()
            == 0
        )
        assert (
            connection.execute(
                sa.text(
                    "SELECT count(*) FROM vendors v WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.vendor_id = v.id)"
                )
            ).scalar_one()
            == 0
        )
    engine.dispose()


# ------------------------------------------------------------------ migrations


def test_history_migrations_from_empty_match_the_tables(db_url):
    """Upgrading an empty database gives exactly the tables the queries are written against."""
    History(db_url).close()
    engine = sa.create_engine(resolve_url(db_url))
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_revision() == head_revision()
        assert compare_metadata(context, metadata) == []
    engine.dispose()


def test_history_migration_from_the_first_revision_keeps_data(db_url, make_entry):
    """A database left at revision 0001 with scans in it is upgraded on opening: every scan is kept,
    and the new status and rating columns are filled from the stored reports."""
    engine = sa.create_engine(resolve_url(db_url))
    migrate(engine, "0001")
    old = make_entry(INDIA)
    with engine.begin() as connection:
        connection.execute(sa.text("INSERT INTO vendors (id, name) VALUES (1, 'Acme')"))
        connection.execute(sa.text("INSERT INTO documents (id, vendor_id, name) VALUES (1, 1, 'dpa.md')"))
        connection.execute(
            sa.text(
                "INSERT INTO scans (document_id, scanned_at, sha256, role, tool_version, ruleset_version, "
                "report_format, law_as_of, report) VALUES (1, :at, :sha, 'dpa', '0.1.0', 'r1', '1.1.0', "
                ":law, :report)"
            ).bindparams(sa.bindparam("report", type_=metadata.tables["scans"].c.report.type)),
            {
                "at": DAY if connection.dialect.name == "postgresql" else DAY.replace(tzinfo=None),
                "sha": old.sha256,
                "law": date(2025, 3, 1),
                "report": dict(old.report),
            },
        )
    engine.dispose()
    with History(db_url) as history:
        history.record(make_entry(US_SCC, scanned_at=DAY + timedelta(days=1)))
        old_scan, new_scan = history.timeline("Acme")
    assert (old_scan.rating, old_scan.status, old_scan.ruleset_version) == ("red", "ok", "r1")
    assert old_scan.scanned_at == DAY and new_scan.change.rating == ("red", "yellow")


def test_history_refuses_a_schema_newer_than_it_knows(tmp_path):
    """A database migrated by a newer dpcheck is not touched by an older one."""
    url = f"sqlite:///{tmp_path / 'h.sqlite3'}"
    History(url).close()
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(HistoryError, match="9999"):
        History(url)


def test_history_default_url_is_a_file_in_the_user_data_folder(monkeypatch, tmp_path):
    """No URL: history.sqlite3 in the user data folder (XDG_DATA_HOME on Linux), created on first use."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with History() as history:
        assert history.vendors() == []
    assert (tmp_path / "dpcheck" / "history.sqlite3").is_file()
    assert resolve_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert resolve_url(tmp_path / "x.db").database == str(tmp_path / "x.db")


# ------------------------------------------------------------------ command line


def test_cli_scan_db_records_and_history_shows_the_change(db_url, tmp_path):
    """`dpcheck scan --db` records each document under its folder's name; `dpcheck history` shows
    the timeline and --changed-since --fail-on-change exits 1 once the terms changed."""
    folder = tmp_path / "acme"
    folder.mkdir()
    (folder / "dpa.md").write_text(f"# Data Processing Agreement\n\n{US_SCC}\n", encoding="utf-8")
    runner = CliRunner()
    scan = runner.invoke(main, ["scan", str(folder), "--db", db_url, "--no-cache", "-q"])
    assert scan.exit_code == 0, scan.output
    since = (datetime.now(UTC) - timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%S")
    unchanged = runner.invoke(main, ["history", "--db", db_url, "--changed-since", since, "--fail-on-change"])
    assert unchanged.exit_code == 0 and "no vendor" in unchanged.output
    (folder / "dpa.md").write_text(f"# Data Processing Agreement\n\n{INDIA}\n", encoding="utf-8")
    assert runner.invoke(main, ["scan", str(folder), "--db", db_url, "--no-cache", "-q"]).exit_code == 0
    timeline = runner.invoke(main, ["history", "acme", "--db", db_url])
    assert timeline.exit_code == 0, timeline.output
    assert "first scan of this document" in timeline.output and "yellow -> red" in timeline.output
    assert "Destination added: IN" in timeline.output and "Destination removed: US" in timeline.output
    changed = runner.invoke(
        main, ["history", "--db", db_url, "--changed-since", since, "--fail-on-change", "--format", "json"]
    )
    assert changed.exit_code == 1
    assert [v["vendor"] for v in json.loads(changed.output)] == ["acme"]
    other = runner.invoke(main, ["scan", str(folder), "--db", db_url, "--vendor", "Acme GmbH", "--no-cache", "-q"])
    assert other.exit_code == 0
    listing = runner.invoke(main, ["history", "--db", db_url, "--format", "json"])
    assert {v["name"]: v["scans"] for v in json.loads(listing.output)} == {"acme": 2, "Acme GmbH": 1}


def test_cli_scan_db_records_what_it_cannot_assess_as_red(tmp_path):
    """A sign-in page scanned with --db is recorded red (E140), and a folder name with ESC and a
    newline shows as escapes in the history, never as a line of its own."""
    url = f"sqlite:///{tmp_path / 'h.sqlite3'}"
    folder = tmp_path / "acme\x1b[2J\nGREEN"
    folder.mkdir()
    (folder / "login.md").write_text(
        "# Sign in\n\nEmail address. Password. Forgot your password? Sign in.\n", encoding="utf-8"
    )
    runner = CliRunner()
    scan = runner.invoke(main, ["scan", str(folder), "--db", url, "--no-cache", "-q", "--format", "json"])
    assert scan.exit_code == 2, scan.output
    assert json.loads(scan.output)["documents"][0]["error"]["code"] == "E140-not-a-privacy-document"
    listing = runner.invoke(main, ["history", "--db", url])
    assert listing.exit_code == 0 and "acme\\x1b[2J\\nGREEN" in listing.output and "\x1b" not in listing.output
    timeline = runner.invoke(main, ["history", folder.name, "--db", url])
    assert timeline.exit_code == 0, timeline.output
    # Shown as every report shows an unreadable document ("error"); its rating is red.
    assert "  error  " in timeline.output and "green" not in timeline.output.replace("GREEN", "")
    assert (
        json.loads(runner.invoke(main, ["history", folder.name, "--db", url, "--format", "json"]).output)[0]["rating"]
        == "red"
    )
    assert "\x1b" not in timeline.output


def test_cli_history_usage_errors(tmp_path):
    """An unknown vendor and --fail-on-change without --changed-since exit 2 with a message."""
    url = f"sqlite:///{tmp_path / 'h.sqlite3'}"
    runner = CliRunner()
    unknown = runner.invoke(main, ["history", "nobody", "--db", url])
    assert unknown.exit_code == 2 and "no scans recorded for vendor 'nobody'" in unknown.output
    assert runner.invoke(main, ["history", "--db", url, "--fail-on-change"]).exit_code == 2
    unreachable = runner.invoke(main, ["history", "--db", f"postgresql://nobody@/none?host={tmp_path}"])
    assert unreachable.exit_code == 2 and "cannot open the history database" in unreachable.output
