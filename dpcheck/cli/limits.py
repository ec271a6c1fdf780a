"""The ``--max-*`` and ``--timeout`` options of ``dpcheck scan``, gathered into one Limits.

Kept apart from the scan command so that the scan command takes a single ``limits`` argument.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import click

from dpcheck.limits import Limits

_DEFAULT = Limits()
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30, "t": 2**40}


class ByteSize(click.ParamType):
    """A size such as ``50M``, ``1.5G``, ``800k`` or ``1048576`` (binary units)."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        match = _SIZE.match(str(value))
        if not match:
            self.fail(f"{value!r} is not a size like 50M, 1G or 800k", param, ctx)
        return int(float(match[1]) * _UNITS[match[2].lower()])


def _mib(size: int | None) -> str:
    return f"{size // 2**20}M" if size else "off"


def limit_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the limit options to a click command, which then receives ``limits: Limits``."""

    @functools.wraps(command)
    def wrapper(
        *args: Any, max_size: int, max_pages: int, max_chars: int, timeout: float, max_memory: int, **kwargs: Any
    ) -> Any:
        try:
            limits = Limits(
                max_bytes=max_size,
                max_pages=max_pages,
                max_chars=max_chars,
                timeout=timeout or None,
                max_memory=max_memory or None,
            )
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from exc
        return command(*args, limits=limits, **kwargs)

    options = [
        click.option(
            "--max-size",
            type=ByteSize(),
            default=_mib(_DEFAULT.max_bytes),
            show_default=True,
            help="Refuse files larger than this (E103).",
        ),
        click.option(
            "--max-pages",
            type=click.IntRange(min=1),
            default=_DEFAULT.max_pages,
            show_default=True,
            help="Refuse PDFs with more pages (E106).",
        ),
        click.option(
            "--max-chars",
            type=click.IntRange(min=1),
            default=_DEFAULT.max_chars,
            show_default=True,
            help="Refuse documents with more characters of text (E107).",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0),
            default=_DEFAULT.timeout,
            show_default=True,
            help="Seconds allowed per document, 0 for no limit (E108).",
        ),
        click.option(
            "--max-memory",
            type=ByteSize(),
            default=_mib(_DEFAULT.max_memory),
            show_default=True,
            help="Memory one document may add to the process, 0 for no limit (E109).",
        ),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper
