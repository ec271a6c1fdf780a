"""Command line: ``dpcheck scan``, ``dpcheck vendor``, ``dpcheck diff``, ``dpcheck render``, ``dpcheck schema``,
``dpcheck eval``, ``dpcheck rules list|show|lint``, ``dpcheck policy check``, ``dpcheck history`` and ``dpcheck serve``.

Exit codes (stable, for procurement tools and CI):
    0  every document was read and none has a finding (or rating) at or above --fail-on
       (default: never)
    1  some document has a finding at or above --fail-on (a severity: high, medium, low, info),
       or is rated at or above it (red, yellow)
    2  usage error, the ruleset or the policy file is invalid, some document could not be
       read or assessed (not a privacy document, a language dpcheck does not read), or no
       document was scanned at all (takes precedence over 1)
  130  stopped by SIGINT (Ctrl-C), 143 stopped by SIGTERM: the worker processes are ended and
       no -o report is written (an existing one is left as it was)
"""

from __future__ import annotations

from typing import Any

import click

from dpcheck.cli.common import UserError
from dpcheck.cli.diff import diff
from dpcheck.cli.evaluate import evaluate
from dpcheck.cli.history import history
from dpcheck.cli.policy import policy_group
from dpcheck.cli.render import render_command
from dpcheck.cli.rules import rules
from dpcheck.cli.scan import scan
from dpcheck.cli.schema import schema
from dpcheck.cli.serve import serve
from dpcheck.cli.vendor import vendor


class _Main(click.Group):
    """Turns a file the system refuses (missing folder, no permission, a folder given as a file)
    into a one-line message and exit 2, whichever command meets it."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OSError as exc:
            where = f" {exc.filename}" if exc.filename else ""
            raise UserError(f"cannot use{where}: {exc.strerror or exc}") from exc


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dpcheck")
def main() -> None:
    """Check vendors' privacy policies and DPAs for clear and lawful data-export terms."""


for command in (scan, vendor, diff, render_command, schema, evaluate, rules, policy_group, history, serve):
    main.add_command(command)
