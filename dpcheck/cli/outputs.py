"""Where ``dpcheck scan`` and ``dpcheck render`` write: standard output, or each ``-o`` file in the
format its suffix names (``--format`` for a suffix that names none). Every file is opened before
the scan starts, so a path that cannot be written is reported at once, not after an hour's scan."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from dpcheck.cli.common import UserError

SUFFIXES = {".txt": "text", ".text": "text", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
            ".sarif": "sarif", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def format_for(path: Path, default: str) -> str:
    """The format a file name asks for ("report.sarif.json" is SARIF), else ``default``."""
    name = path.name.lower()
    if name.endswith(".sarif.json"):
        return "sarif"
    return SUFFIXES.get(path.suffix.lower(), default)


@dataclass(frozen=True, slots=True)
class Output:
    """One destination: ``path`` None is standard output (``colour`` when it is a terminal)."""

    path: Path | None
    fmt: str
    handle: IO[str]

    @property
    def colour(self) -> bool:
        return self.path is None and self.handle.isatty()


@contextmanager
def open_outputs(paths: Sequence[Path], default: str) -> Iterator[list[Output]]:
    """The outputs for ``-o`` ``paths`` (standard output in ``default`` when there are none)."""
    if not paths:
        yield [Output(None, default, sys.stdout)]
        return
    if len(set(paths)) < len(paths):
        raise UserError("the same -o file is given twice")
    with ExitStack() as stack:
        outputs = []
        for path in paths:
            if path.is_dir():
                raise UserError(f"cannot write the report to {path}: it is a folder")
            try:
                handle = stack.enter_context(path.open("w", encoding="utf-8"))
            except OSError as exc:
                raise UserError(f"cannot write the report to {path}: {exc.strerror or exc}") from exc
            outputs.append(Output(path, format_for(path, default), handle))
        yield outputs
