"""``dpcheck diff``: what changed between two versions of a vendor's terms.

OLD and NEW are each a document (scanned), a saved JSON report (of one document, or a vendor report),
or a vendor folder / vendor.toml (scanned as a dossier); both must be documents or both vendors. With
a vendor folder alone, the changes between the dated versions inside it.

Exit codes: 0; 1 with ``--fail-on-change`` when something changed; 2 for a usage error or a version
that could not be read.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from dpcheck.changes import Comparison
from dpcheck.cli.common import EXIT_FAIL, as_of_option, rules_option
from dpcheck.cli.vendor import fail
from dpcheck.errors import IngestError, RulesetError, VendorError
from dpcheck.report.diff_formats import DIFF_FORMATS, render_diff
from dpcheck.vendor.manifest import MANIFEST

if TYPE_CHECKING:
    from dpcheck.scanner import Scanner


@click.command()
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", required=False, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(DIFF_FORMATS)),
    default="text",
    show_default=True,
    help="; ".join(f"{f.name}: {f.description}" for f in DIFF_FORMATS.values()),
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the changes here.")
@click.option("--fail-on-change", is_flag=True, help="Exit 1 when the terms changed.")
@rules_option()
@as_of_option("Judge both versions by the law in force on this day (default: today).")
def diff(
    old: Path,
    new: Path | None,
    fmt: str,
    output: Path | None,
    fail_on_change: bool,
    rules: Path | None,
    as_of: datetime | None,
) -> None:
    """Show what changed between OLD and NEW: destinations and recipients added, removed or moved,
    transfer tools added or dropped, Art. 28 elements weakened or strengthened, flags and rating,
    each with the quotes of both versions. Rewording, reflowing, renumbering or another file format
    is no change."""
    from dpcheck.scanner import Scanner

    try:
        scanner = Scanner(rules=rules, as_of=as_of.date() if as_of else None)
    except RulesetError as exc:
        raise fail(str(exc)) from exc
    from dpcheck.dossier import diff as compare_versions

    if new is None:
        comparisons = _dossier_changes(old, scanner)
    else:
        try:
            comparisons = [compare_versions(old, new, scanner=scanner)]
        except (IngestError, VendorError, ValueError) as exc:
            raise fail(str(exc)) from exc
    text = (
        "".join(render_diff(c, fmt) for c in comparisons)
        if fmt != "json" or len(comparisons) == 1
        else json.dumps([json.loads(render_diff(c, "json")) for c in comparisons], ensure_ascii=False, indent=2) + "\n"
    )
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
    if fail_on_change and any(comparisons):
        sys.exit(EXIT_FAIL)


def _dossier_changes(folder: Path, scanner: Scanner) -> list[Comparison]:
    from dpcheck.dossier import scan_vendor

    if not (folder.is_dir() or folder.name == MANIFEST):
        raise click.UsageError("give two versions, or one vendor folder to compare its dated versions")
    try:
        report = scan_vendor(folder, scanner=scanner)
    except VendorError as exc:
        raise fail(str(exc)) from exc
    if not report.changes:
        click.echo(f"{folder}: no dated versions of one document to compare", err=True)
    return list(report.changes)
