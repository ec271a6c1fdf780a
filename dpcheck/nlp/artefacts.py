"""What start-up builds once and keeps in the user's cache folder: compiled lexicons and the
language model cut down to the languages dpcheck reads.

A cache folder is not trusted code: only JSON and NumPy arrays (``allow_pickle=False``) are read
from it, never pickle. Each file is named by a digest of everything it is made from, written to a
temporary file and renamed into place (a process starting beside another never reads half a
file), and made again whenever it cannot be read. Where the folder cannot be written, nothing is
kept and every start builds afresh.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import numpy as np
import platformdirs

log = logging.getLogger(__name__)


def folder() -> Path:
    """``compiled/`` in dpcheck's cache folder (``DPCHECK_CACHE_DIR`` if set, as for cached results)."""
    base = os.environ.get("DPCHECK_CACHE_DIR") or platformdirs.user_cache_path("dpcheck")
    return Path(base) / "compiled"


def read_json(name: str) -> Any | None:
    """The JSON data stored as ``name``, or None when absent or unreadable."""
    try:
        return json.loads((folder() / name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable compiled file %s: %s", folder() / name, exc)
        return None


def write_json(name: str, data: Any) -> None:
    _write(name, lambda handle: handle.write(json.dumps(data, ensure_ascii=False).encode("utf-8")))


def read_arrays(name: str) -> dict[str, np.ndarray] | None:
    """The arrays stored as ``name`` (an ``.npz`` file), or None when absent or unreadable."""
    try:
        with np.load(folder() / name, allow_pickle=False) as data:
            return {key: data[key] for key in data.files}
    except FileNotFoundError:
        return None
    except (OSError, ValueError, zipfile.BadZipFile) as exc:
        log.warning("ignoring unreadable compiled file %s: %s", folder() / name, exc)
        return None


def write_arrays(name: str, arrays: dict[str, np.ndarray]) -> None:
    # numpy's stub matches **arrays against savez's allow_pickle: bool.
    _write(name, lambda handle: np.savez(handle, **arrays))  # type: ignore[arg-type]


def _write(name: str, dump: Callable[[IO[bytes]], object]) -> None:
    target = folder() / name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=target.parent, prefix=".tmp-", delete=False) as tmp:
            dump(tmp)
        os.replace(tmp.name, target)
    except OSError as exc:
        # Without the file the next start is slower; this one must not fail.
        log.warning("could not keep compiled file %s: %s", target, exc)
