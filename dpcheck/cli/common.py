"""What every command shares: exit codes, logging set-up and how a bad policy file is reported."""

from __future__ import annotations

import logging
import sys
from typing import NoReturn

import click

from dpcheck.errors import PolicyError

EXIT_FAIL = 1
EXIT_UNREADABLE = 2


def configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="dpcheck: %(levelname)s: %(name)s: %(message)s", stream=sys.stderr)


def policy_problems(exc: PolicyError) -> NoReturn:
    click.echo("invalid policy:", err=True)
    for problem in exc.problems:
        click.echo(f"- {problem}", err=True)
    sys.exit(2)
