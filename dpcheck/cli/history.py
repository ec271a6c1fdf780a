"""``dpcheck history``: the recorded scans of a vendor, and the vendors whose terms changed.

Exit codes: 0; 1 with ``--fail-on-change`` when a change since ``--changed-since`` is shown;
2 for a usage error, an unknown vendor or a database that cannot be opened.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

import click

from dpcheck.cli.common import EXIT_FAIL, UserError
from dpcheck.report.questions import rating_label
from dpcheck.report.safe import visible

if TYPE_CHECKING:
    from dpcheck.history import History, TimelineEntry, VendorChanges, VendorSummary

T = TypeVar("T")


def db_option(command: Callable[..., T]) -> Callable[..., T]:
    """``--db``: where the history is (also for ``dpcheck scan``)."""
    return click.option(
        "--db",
        "db",
        envvar="DPCHECK_DB",
        metavar="URL",
        help="History database: a SQLAlchemy URL (sqlite:///FILE, postgresql://USER@HOST/DB), a file path, or "
        "'default' (history.sqlite3 in the user data folder) [env: DPCHECK_DB].",
    )(command)


def open_history(db: str | None) -> History:
    """The history at ``db``, or a usage-level failure (exit 2) saying why it cannot be opened."""
    # Imported here: SQLAlchemy and Alembic cost a second of start-up that a plain scan does not need.
    from sqlalchemy.exc import SQLAlchemyError

    from dpcheck.history import History, HistoryError

    try:
        return History(db)
    except (HistoryError, SQLAlchemyError, OSError) as exc:
        raise UserError(f"cannot open the history database: {exc}") from exc


@click.command()
@click.argument("vendor", required=False)
@db_option
@click.option(
    "--changed-since",
    "since",
    type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
    help="Only scans since this day (UTC midnight) or time; without VENDOR: list the vendors whose "
    "documents changed since then.",
)
@click.option("--fail-on-change", is_flag=True, help="Exit 1 when a change since --changed-since is shown.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def history(vendor: str | None, db: str | None, since: datetime | None, fail_on_change: bool, fmt: str) -> None:
    """Show VENDOR's scans over time and what changed between consecutive scans of each document,
    list the vendors whose terms changed (--changed-since), or, with neither, every vendor recorded.

    What counts as a change: a document's text (its content hash), or its rating, transfer
    destinations, relied-upon mechanisms or findings' rule ids; or a document first scanned since
    the day for a vendor recorded before it.
    """
    if fail_on_change and since is None:
        raise click.UsageError("--fail-on-change needs --changed-since DAY")
    with open_history(db if db is not None else "default") as store:
        if vendor is not None:
            entries = store.timeline(vendor, since=since)
            if not entries and not store.timeline(vendor):
                known = ", ".join(visible(v.name) for v in store.vendors()) or "none"
                raise click.UsageError(f"no scans recorded for vendor '{visible(vendor)}' (recorded vendors: {known})")
            _emit(fmt, [_entry_data(e) for e in entries], lambda: _print_timeline(vendor, entries))
            changed = any(e.changed for e in entries)
        elif since is not None:
            vendors = store.changed_since(since)
            _emit(fmt, [_vendor_data(v) for v in vendors], lambda: _print_changed(vendors, since))
            changed = bool(vendors)
        else:
            summaries = store.vendors()
            if not summaries and fmt == "text":
                click.echo(f"no scans recorded in {store!r}")
            _emit(fmt, [asdict(v) for v in summaries], lambda: _print_vendors(summaries))
            changed = False
    if fail_on_change and changed:
        sys.exit(EXIT_FAIL)


def _emit(fmt: str, data: Any, text: Callable[[], object]) -> None:
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    else:
        text()


def _print_vendors(summaries: list[VendorSummary]) -> None:
    for v in summaries:
        click.echo(
            f"{visible(v.name)}: {v.documents} documents, {v.scans} scans, last {v.last_scanned_at:%Y-%m-%d %H:%M}"
        )


def _print_timeline(vendor: str, entries: list[TimelineEntry]) -> None:
    click.echo(f"{visible(vendor)}: {len(entries)} scans")
    for e in entries:
        click.echo(
            f"{e.scanned_at:%Y-%m-%d %H:%M}  {visible(e.document)}  {rating_label(e)}  ({e.role or 'unknown role'}, "
            f"sha256 {e.sha256[:12]}, dpcheck {e.tool_version}, ruleset {e.ruleset_version}, "
            f"law as of {e.law_as_of})"
        )
        for line in _describe(e):
            click.echo(f"    {line}")


def _print_changed(vendors: list[VendorChanges], since: datetime) -> None:
    if not vendors:
        click.echo(f"no vendor's terms changed since {since:%Y-%m-%d %H:%M}")
    for v in vendors:
        click.echo(f"{visible(v.vendor)}:")
        for e in v.added:
            click.echo(f"  {e.scanned_at:%Y-%m-%d %H:%M}  {visible(e.document)}  new document, {rating_label(e)}")
        for e in v.changes:
            click.echo(f"  {e.scanned_at:%Y-%m-%d %H:%M}  {visible(e.document)}  {rating_label(e)}")
            for line in _describe(e):
                click.echo(f"      {line}")


def _describe(e: TimelineEntry) -> list[str]:
    """What changed since the document's scan before, one line each (none when nothing did)."""
    from dpcheck.report.changes import change_line

    if e.change is None:
        return ["first scan of this document"]
    lines = ["text changed"] if e.content_changed else []
    return lines + [change_line(c) for c in e.change.changes]


def _entry_data(e: TimelineEntry) -> dict[str, Any]:
    from dpcheck.report.diff_json import comparison_to_dict

    data = asdict(e)
    data["change"] = None if e.change is None else comparison_to_dict(e.change)
    data["changed"] = e.changed
    return data


def _vendor_data(v: VendorChanges) -> dict[str, Any]:
    return {
        "vendor": v.vendor,
        "changes": [_entry_data(e) for e in v.changes],
        "added": [_entry_data(e) for e in v.added],
    }
