"""What every command shares: exit codes, logging set-up and how a bad policy file is reported."""

from __future__ import annotations

import logging
import sys
from typing import NoReturn

import click

from dpcheck.errors import PolicyError

EXIT_FAIL = 1
EXIT_UNREADABLE = 2


class UserError(click.ClickException):
    """A mistake of the user's (a path that cannot be written, a file of the wrong shape): a clear
    message and exit 2, never a traceback. Click's own ClickException exits 1, the --fail-on code."""

    exit_code = EXIT_UNREADABLE


class _CommandHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler a command puts on the ``dpcheck`` logger (one at a time)."""


def configure_logging(verbose: int, quiet: bool) -> None:
    """Log dpcheck's own messages on stderr: warnings, with ``-v`` what is read, cached, skipped or cut
    short, with ``-vv`` more; ``quiet`` only errors. The ``dpcheck`` logger is set, not the root one,
    so that the libraries' debugging stays out and a host program's logging set-up stays as it was."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logger = logging.getLogger("dpcheck")
    for old in [h for h in logger.handlers if isinstance(h, _CommandHandler)]:
        logger.removeHandler(old)
    handler = _CommandHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("dpcheck: %(levelname)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)


def policy_problems(exc: PolicyError) -> NoReturn:
    click.echo("invalid policy:", err=True)
    for problem in exc.problems:
        click.echo(f"- {problem}", err=True)
    sys.exit(2)
