"""``dpcheck vendor``: each vendor's documents read together into one vendor report.

Exit codes: 0; 1 when a vendor is rated at or above ``--fail-on``; 2 for a usage error, a folder or
vendor.toml that cannot be read, or a document that could not be read (takes precedence over 1).
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from dpcheck.cli.common import EXIT_FAIL, EXIT_UNREADABLE, UserError, as_of_option, policy_problems, rules_option
from dpcheck.cli.history import db_option, open_history
from dpcheck.cli.limits import limit_options
from dpcheck.errors import PolicyError, RulesetError, VendorError
from dpcheck.limits import Limits
from dpcheck.models import RATINGS
from dpcheck.report.vendor_formats import VENDOR_FORMATS, render_vendors
from dpcheck.vendor.model import VendorReport


def fail(message: str) -> click.ClickException:
    return UserError(message)


@click.command()
@click.argument("folders", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(VENDOR_FORMATS)),
    default="text",
    show_default=True,
    help="; ".join(f"{f.name}: {f.description}" for f in VENDOR_FORMATS.values()),
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here.")
@click.option(
    "--fail-on",
    type=click.Choice(["red", "yellow", "never"]),
    default="never",
    show_default=True,
    help="Exit 1 when a vendor is rated this or worse.",
)
@click.option("--graph", is_flag=True, help="Put each document's data-flow graph into the JSON report.")
@rules_option()
@as_of_option()
@click.option(
    "--policy",
    "policy",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Apply this buyer's policy (TOML) to every document after the GDPR rules.",
)
@db_option
@limit_options
def vendor(
    folders: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    fail_on: str,
    graph: bool,
    rules: Path | None,
    as_of: datetime | None,
    policy: Path | None,
    db: str | None,
    limits: Limits,
) -> None:
    """Read each vendor's DPA, privacy policy and sub-processor list together: FOLDERS are vendor
    folders (with or without a vendor.toml) or vendor.toml files. One report per vendor: destinations
    and the tools that cover them, sub-processors with their countries, contradictions between the
    documents, one rating (the DPA first), the questions to send, and what changed between dated
    versions."""
    from dpcheck.dossier import scan_vendor
    from dpcheck.scanner import Scanner

    try:
        scanner = Scanner(rules=rules, as_of=as_of.date() if as_of else None, policy=policy, limits=limits)
    except RulesetError as exc:
        raise fail(str(exc)) from exc
    except PolicyError as exc:
        policy_problems(exc)
    reports: list[VendorReport] = []
    for folder in folders:
        try:
            reports.append(scan_vendor(folder, scanner=scanner))
        except VendorError as exc:
            raise fail(str(exc)) from exc
    text = render_vendors(
        reports, fmt, graph=graph, colour=output is None and sys.stdout.isatty(), ruleset=scanner.ruleset
    )
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
    if db:
        with open_history(db) as history:
            for report in reports:
                _record(history, report)
    if any(d.report.status == "error" for r in reports for d in r.current):
        sys.exit(EXIT_UNREADABLE)
    if fail_on != "never" and any(RATINGS.index(r.rating) >= RATINGS.index(fail_on) for r in reports):
        sys.exit(EXIT_FAIL)


def _record(history: object, report: VendorReport) -> None:
    """Each document of the dossier as a scan of the vendor, with its role, date and source URL."""
    from dpcheck.history import Entry, History
    from dpcheck.models import Report
    from dpcheck.version import REPORT_FORMAT

    assert isinstance(history, History)
    for d in report.documents:
        single = Report(
            (d.report,),
            report.tool_version,
            report.ruleset_version,
            report.law_as_of,
            REPORT_FORMAT,
            report.facts_as_of,
        )
        history.record(
            Entry.of(
                single, vendor=report.name, name=Path(d.path).name, sha256=d.sha256, role=d.role, date=d.date, url=d.url
            )
        )
