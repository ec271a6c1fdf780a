"""What every command shares: exit codes, logging set-up and how a bad policy file is reported."""

from __future__ import annotations

import logging
import sys
from typing import NoReturn

import click

from dpcheck.errors import PolicyError
from dpcheck.report.safe import visible

EXIT_FAIL = 1
EXIT_UNREADABLE = 2


class VisibleFormatter(logging.Formatter):
    """Log lines whose message shows control characters as escapes: a file name with a newline or
    an ESC sequence in it cannot forge a line of its own on stderr."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        record.message = visible(record.message)
        return super().formatMessage(record)


def configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(VisibleFormatter("dpcheck: %(levelname)s: %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler])


def policy_problems(exc: PolicyError) -> NoReturn:
    click.echo("invalid policy:", err=True)
    for problem in exc.problems:
        click.echo(f"- {visible(problem)}", err=True)
    sys.exit(2)
