"""The result cache: a document's report stored under a key made of everything that decides it.

The key hashes the file's bytes (sha256), its suffix (the format sniffer's tie-breaker), dpcheck's
version and the source of its code, every file of the rules folder, and the Scanner options with
``as_of`` resolved to a day. Change a rule file and every entry made with the old rules is missed;
move or rename a document and its entry is still found.

Entries are JSON (:mod:`dpcheck.serialize`), never pickle: a cache folder is not trusted code. Each is written to a temporary
file and renamed into place, so a scan running beside another never reads half an entry; an entry
that cannot be read is ignored (and rewritten by the next scan of its document).

Only reports that the document's content decides are stored: those that were read, and errors such
as a corrupt PDF. Errors that depend on the machine or the moment (an unreadable file, a worker that
died, an internal error, and any limit on time or memory) are scanned again every time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import stat
import tempfile
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import platformdirs
from cattrs.errors import ClassValidationError

from dpcheck.errors import ErrorCode
from dpcheck.models import DocumentReport
from dpcheck.resources import rules_dir
from dpcheck.serialize import document_from_data
from dpcheck.version import TOOL_VERSION

log = logging.getLogger(__name__)

CACHE_FORMAT = "2"  # 2: entries in the internal format of dpcheck.serialize
# Errors the bytes of a document decide (with the limits, which are in the context): scanning the
# same bytes again gives the same error. Time and memory limits are not: E108 and E109 are never stored.
CONTENT_ERRORS = frozenset({
    ErrorCode.EMPTY, ErrorCode.TOO_LARGE, ErrorCode.UNSUPPORTED_FORMAT, ErrorCode.BINARY_CONTENT,
    ErrorCode.PDF_ENCRYPTED, ErrorCode.PDF_CORRUPT, ErrorCode.PDF_NO_TEXT, ErrorCode.DOCX_CORRUPT,
    ErrorCode.NO_TEXT, ErrorCode.TOO_MANY_PAGES, ErrorCode.TOO_MUCH_TEXT, ErrorCode.PDF_BOMB, ErrorCode.DOCX_BOMB,
    ErrorCode.DOCX_DTD, ErrorCode.NOT_PRIVACY, ErrorCode.LANGUAGE_NOT_READ,
})


def default_cache_dir() -> Path:
    """The user's cache folder for dpcheck (e.g. ``~/.cache/dpcheck`` on Linux)."""
    return platformdirs.user_cache_path("dpcheck")


def cacheable(document: Mapping[str, Any]) -> bool:
    """Whether a report (as :func:`~dpcheck.serialize.document_to_data` gives it) may be stored."""
    error = document.get("error")
    return document.get("status") == "ok" or (error is not None and error.get("code") in CONTENT_ERRORS)


def scan_context(options: Mapping[str, Any]) -> str:
    """A digest of everything besides a document's bytes that decides its report."""
    rules = options.get("rules")
    parts = {
        "cache_format": CACHE_FORMAT,
        "tool_version": TOOL_VERSION,
        "code": _code_digest(),
        "rules": _tree_digest(Path(rules) if rules is not None else rules_dir()),
        # An option given as None is the Scanner's default, the same as leaving it out.
        "options": {k: _canonical(v) for k, v in sorted(options.items()) if k != "rules" and v is not None},
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class ResultCache:
    """Reports stored as JSON files under ``directory``, one per key."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory) / f"v{CACHE_FORMAT}"

    def key(self, path: str | os.PathLike[str], context: str, *, max_bytes: int | None = None) -> str | None:
        """The key of a document, or None when it cannot be cached (not a regular file, too large to
        hash, unreadable): the scan then reports on it as usual."""
        try:
            info = os.stat(path)
            if not stat.S_ISREG(info.st_mode) or (max_bytes is not None and info.st_size > max_bytes):
                return None
            with open(path, "rb") as fh:
                content = hashlib.file_digest(fh, "sha256").hexdigest()
        except OSError:
            return None
        suffix = Path(path).suffix.lower()
        return hashlib.sha256(f"{context}\0{suffix}\0{content}".encode()).hexdigest()

    def get(self, key: str, path: str) -> DocumentReport | None:
        """The stored report for ``key``, named ``path``; None when absent or unreadable."""
        file = self._file(key)
        try:
            entry = json.loads(file.read_text(encoding="utf-8"))
            if entry["key"] != key:
                raise ValueError("entry stored under another key")
            document = dict(entry["document"])
            document["path"] = path
            if document.get("error") and entry["path"]:
                # Error messages name the file; the same bytes may now be scanned under another name.
                error = dict(document["error"])
                error["message"] = error["message"].replace(entry["path"], path)
                document["error"] = error
            return document_from_data(document)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError, ClassValidationError) as exc:
            log.warning("ignoring unreadable cache entry %s: %s", file, exc)
            return None

    def put(self, key: str, document: Mapping[str, Any]) -> None:
        """Store a document's data (see :func:`cacheable` for which ones to store)."""
        file = self._file(key)
        entry = {"key": key, "path": document["path"], "document": dict(document)}
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=file.parent, prefix=".tmp-",
                                             suffix=".json", delete=False) as tmp:
                json.dump(entry, tmp, ensure_ascii=False)
            os.replace(tmp.name, file)
        except OSError as exc:
            # A cache that cannot be written slows the next scan down; it must not fail this one.
            log.warning("could not write cache entry %s: %s", file, exc)

    def _file(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"


def _canonical(value: Any) -> Any:
    """JSON data that changes whenever an option's effect may change: files are hashed by content."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool | int | float) or value is None:
        return value
    if isinstance(value, str | os.PathLike):
        path = Path(value)
        if path.is_file():
            return {"path": str(value), "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
        if path.is_dir():
            return {"path": str(value), "tree": _tree_digest(path)}
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"type": type(value).__qualname__, "fields": _canonical(dataclasses.asdict(value))}
    if isinstance(value, Mapping):
        return {str(k): _canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_canonical(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    return repr(value)


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """dpcheck's own source: a version number does not change while the code is being developed."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()
