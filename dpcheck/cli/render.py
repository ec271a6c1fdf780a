"""``dpcheck render``: a saved JSON report in another format, without scanning again."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from dpcheck.cli.common import UserError
from dpcheck.cli.outputs import open_outputs
from dpcheck.report import FORMATS, render
from dpcheck.report.reader import ReportFormatError, report_from_dict
from dpcheck.version import REPORT_FORMAT


@click.command("render")
@click.argument("report", type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help="The format to write (for standard output, and for -o files whose suffix names none).",
)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here, in the format the suffix names; repeatable.",
)
def render_command(report: Path, fmt: str, outputs: tuple[Path, ...]) -> None:
    """Render REPORT, a JSON report of `dpcheck scan --format json` (`-` for standard input), in another format.

    SARIF describes the bundled rules; a report scanned with --rules names its rules by id only."""
    if str(report) == "-":
        text = sys.stdin.read()
    else:
        text = report.read_text(encoding="utf-8")
    try:
        loaded = report_from_dict(json.loads(text), major=REPORT_FORMAT.split(".")[0])
    except json.JSONDecodeError as exc:
        raise UserError(f"{report} is not JSON: {exc}") from exc
    except ReportFormatError as exc:
        raise UserError(f"{report}: {exc}") from exc
    with open_outputs(outputs, fmt) as targets:
        for target in targets:
            target.handle.write(render(loaded, target.fmt, colour=target.colour))
