"""What every command shares: exit codes, logging set-up and how a bad policy file is reported."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from dpcheck.errors import PolicyError
from dpcheck.report.safe import visible

EXIT_FAIL = 1
EXIT_UNREADABLE = 2
DAY_FORMAT = "%Y-%m-%d"


def rules_option(
    name: str = "rules", help: str = "Use this rules folder instead of the bundled one."
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--rules FOLDER``, given to the command as ``name``."""
    return click.option("--rules", name, type=click.Path(exists=True, file_okay=False, path_type=Path), help=help)


def as_of_option(
    help: str = "Judge by the law in force on this day (YYYY-MM-DD; default: today).",
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--as-of YYYY-MM-DD``, given to the command as ``as_of`` (a datetime, or None)."""
    return click.option("--as-of", "as_of", type=click.DateTime(formats=[DAY_FORMAT]), help=help)


class UserError(click.ClickException):
    """A mistake of the user's (a path that cannot be written, a file of the wrong shape): a clear
    message and exit 2, never a traceback. Click's own ClickException exits 1, the --fail-on code."""

    exit_code = EXIT_UNREADABLE


class _CommandHandler(logging.StreamHandler):
    """The handler a command puts on the ``dpcheck`` logger (one at a time)."""


class VisibleFormatter(logging.Formatter):
    """Log lines whose message shows control characters as escapes: a file name with a newline or
    an ESC sequence in it cannot forge a line of its own on stderr."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        record.message = visible(record.message)
        return super().formatMessage(record)


def configure_logging(verbose: int, quiet: bool) -> None:
    """Log dpcheck's own messages on stderr: warnings, with ``-v`` what is read, cached, skipped or cut
    short, with ``-vv`` more; ``quiet`` only errors. The ``dpcheck`` logger is set, not the root one,
    so that the libraries' debugging stays out and a host program's logging set-up stays as it was."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logger = logging.getLogger("dpcheck")
    for old in [h for h in logger.handlers if isinstance(h, _CommandHandler)]:
        logger.removeHandler(old)
    handler = _CommandHandler(sys.stderr)
    handler.setFormatter(VisibleFormatter("dpcheck: %(levelname)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)


def policy_problems(exc: PolicyError) -> NoReturn:
    click.echo("invalid policy:", err=True)
    for problem in exc.problems:
        click.echo(f"- {visible(problem)}", err=True)
    sys.exit(2)
