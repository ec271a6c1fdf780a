"""Where ``dpcheck scan`` and ``dpcheck render`` write: standard output, or each ``-o`` file in the
format its suffix names (``--format`` for a suffix that names none). Every file is opened before
the scan starts, so a path that cannot be written is reported at once, not after an hour's scan.
Each is written to a temporary file beside it and renamed once the whole run succeeded: an
interrupted or failed run leaves every ``-o`` file as it was, never cut short."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from dpcheck.cli.common import UserError

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".sarif": "sarif",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


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
    temporary: list[tuple[IO[str], Path]] = []
    try:
        with ExitStack() as stack:
            outputs = []
            for path in paths:
                handle = stack.enter_context(_temporary_beside(path))
                temporary.append((handle, path))
                outputs.append(Output(path, format_for(path, default), handle))
            yield outputs
        for handle, path in temporary:
            os.chmod(handle.name, _mode_for(path))
            os.replace(handle.name, path)
    finally:
        for handle, _ in temporary:
            Path(handle.name).unlink(missing_ok=True)


def _temporary_beside(path: Path) -> IO[str]:
    if path.is_dir():
        raise UserError(f"cannot write the report to {path}: it is a folder")
    if not path.parent.is_dir():
        raise UserError(f"cannot write the report to {path}: no folder {path.parent}")
    try:
        return tempfile.NamedTemporaryFile(
            "w",
            encoding="utf-8",
            dir=path.parent,  # closed and renamed later
            prefix=f".{path.name}.",
            suffix=".tmp",
            delete=False,
        )
    except OSError as exc:
        raise UserError(f"cannot write the report to {path}: {exc.strerror or exc}") from exc


def _mode_for(output: Path) -> int:
    """The mode the report file gets: that of the file it replaces, else what a new file gets."""
    try:
        return output.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
