"""The result cache: a document's report stored under a key made of everything that decides it.

The key hashes the file's bytes (sha256), its suffix (the format sniffer's tie-breaker), dpcheck's
version and the source of its code, every file of the rules folder, and the Scanner options with
``as_of`` resolved to a day. Change a rule file and every entry made with the old rules is missed;
move or rename a document and its entry is still found.

Entries are JSON (:mod:`dpcheck.serialize`), never pickle: a cache folder is not trusted code. An entry
is decoded by msgspec straight into the result types, checking each field's type as it goes:
rebuilding the report is most of a cached re-scan's time, and one pass is several times faster
than JSON to dicts and then dicts to objects. Each is written to a temporary file and renamed into
place, so a scan running beside another never reads half an entry.
An entry is keyed by the bytes that were scanned, not by those hashed beforehand (a file swapped
in between is stored under its own bytes), and read back only when it is sound: the folder is
private (owned by this user, written by nobody else, as ssh requires of its files; otherwise the
cache is not used, with a warning), the entry too, its key and the sha256 of its document match
the bytes in hand, and it is a well-formed report (no unknown rating or severity, no nesting
past a sane depth, not oversized). Anything else is a miss, rescanned and rewritten.

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

import msgspec
import platformdirs

from dpcheck.errors import ErrorCode, describe
from dpcheck.models import DocumentReport, ScanError
from dpcheck.resources import rules_dir
from dpcheck.version import TOOL_VERSION

log = logging.getLogger(__name__)

CACHE_FORMAT = "3"  # 2: entries in the internal format of dpcheck.serialize; 3: with the sha256 of the bytes scanned
# An entry larger than this is no report of ours (the largest corpus report is about 2 MB).
MAX_ENTRY = 64 * 2**20
# Errors the bytes of a document decide (with the limits, which are in the context): scanning the
# same bytes again gives the same error. Time and memory limits are not: E108 and E109 are never stored.
CONTENT_ERRORS = frozenset(
    {
        ErrorCode.EMPTY,
        ErrorCode.TOO_LARGE,
        ErrorCode.UNSUPPORTED_FORMAT,
        ErrorCode.BINARY_CONTENT,
        ErrorCode.PDF_ENCRYPTED,
        ErrorCode.PDF_CORRUPT,
        ErrorCode.PDF_NO_TEXT,
        ErrorCode.DOCX_CORRUPT,
        ErrorCode.NO_TEXT,
        ErrorCode.TOO_MANY_PAGES,
        ErrorCode.TOO_MUCH_TEXT,
        ErrorCode.PDF_BOMB,
        ErrorCode.DOCX_BOMB,
        ErrorCode.DOCX_DTD,
        ErrorCode.NOT_PRIVACY,
        ErrorCode.LANGUAGE_NOT_READ,
    }
)


@dataclasses.dataclass(frozen=True, slots=True)
class _Entry:
    """A stored entry: its key, the path its document was scanned under, and the report."""

    key: str
    path: str
    document: DocumentReport


_ENTRY = msgspec.json.Decoder(_Entry)


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
        """The key of a document's bytes as they are now, or None when it cannot be cached (not a
        regular file, too large to hash, unreadable): the scan then reports on it as usual."""
        digest = file_digest(path, max_bytes)
        return None if digest is None else entry_key(context, path, digest)

    def usable(self) -> bool:
        """Whether the folder can hold entries no one else can forge: made private if it is new;
        a folder that others may write is not used (with a warning), as ssh refuses such files."""
        try:
            for folder in (self.directory.parent, self.directory):
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("not using the cache folder %s: %s", self.directory, exc.strerror or exc)
            return False
        problem = unsafe(self.directory)
        if problem is not None:
            log.warning("not using the cache folder %s: %s; scanning without a cache", self.directory, problem)
            return False
        return True

    def get(self, key: str, path: str, sha256: str) -> DocumentReport | None:
        """The stored report for ``key``, named ``path``, if it is sound and of the bytes with
        digest ``sha256``; None otherwise."""
        file = self._file(key)
        try:
            with open(file, "rb") as fh:
                problem = unsafe_file(os.fstat(fh.fileno()))
                if problem is not None:
                    raise ValueError(problem)
                raw = fh.read(MAX_ENTRY + 1)
            if len(raw) > MAX_ENTRY:
                raise ValueError(f"larger than {MAX_ENTRY:,} bytes")
            entry = _ENTRY.decode(raw)
            if entry.key != key:
                raise ValueError("entry stored under another key")
            report = entry.document
            if report.sha256 != sha256:
                raise ValueError("entry made from other bytes")
            error = report.error
            if error is not None and entry.path:
                # Error messages name the file; the same bytes may now be scanned under another name.
                error = ScanError(error.code, error.message.replace(entry.path, path))
            report = dataclasses.replace(report, path=path, error=error)
            sound(report)
            return report
        except FileNotFoundError:
            return None
        # msgspec's DecodeError (and its ValidationError) is a ValueError only since msgspec 0.21.
        except (OSError, ValueError, RecursionError, msgspec.DecodeError) as exc:
            log.warning("ignoring unusable cache entry %s: %s", file, describe(exc))
            return None

    def put(self, key: str, document: Mapping[str, Any]) -> None:
        """Store a document's data (see :func:`cacheable` for which ones to store)."""
        file = self._file(key)
        entry = msgspec.json.encode({"key": key, "path": document["path"], "document": dict(document)})
        try:
            file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "wb", dir=file.parent, prefix=".tmp-", suffix=".json", delete=False
            ) as tmp:
                tmp.write(entry)
            os.replace(tmp.name, file)
        except OSError as exc:
            # A cache that cannot be written slows the next scan down; it must not fail this one.
            log.warning("could not write cache entry %s: %s", file, exc)

    def _file(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"


def file_digest(path: str | os.PathLike[str], max_bytes: int | None = None) -> str | None:
    """The sha256 of a regular file's bytes now, or None (not a regular file, too large, unreadable)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or (max_bytes is not None and info.st_size > max_bytes):
            return None
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except (OSError, ValueError):
        return None


def entry_key(context: str, path: str | os.PathLike[str], sha256: str) -> str:
    """The key of the bytes with digest ``sha256`` under ``path``'s suffix (the sniffer's tie-breaker)."""
    suffix = Path(path).suffix.lower()
    return hashlib.sha256(f"{context}\0{suffix}\0{sha256}".encode()).hexdigest()


def unsafe(directory: Path) -> str | None:
    """Why others could plant entries in ``directory``, or None: it must be owned by this user and
    written by no one else, and every folder above it owned by this user or root and written by
    no one else, unless sticky (as /tmp is: others cannot move what is ours there)."""
    if not hasattr(os, "getuid"):
        return None  # Windows: folder rights are ACLs, not modes; the user's profile is private
    uid = os.getuid()
    try:
        info = os.stat(directory)
        if info.st_uid != uid:
            return f"it belongs to another user (uid {info.st_uid})"
        if info.st_mode & 0o022:
            return f"others may write to it (mode {stat.S_IMODE(info.st_mode):o})"
        for parent in Path(os.path.realpath(directory)).parents:
            info = os.stat(parent)
            if info.st_uid not in (uid, 0):
                return f"{parent} above it belongs to another user (uid {info.st_uid})"
            if info.st_mode & 0o022 and not info.st_mode & stat.S_ISVTX:
                return f"others may write to {parent} above it (mode {stat.S_IMODE(info.st_mode):o})"
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def unsafe_file(info: os.stat_result) -> str | None:
    """Why an entry file could have been written by someone else, or None."""
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return f"it belongs to another user (uid {info.st_uid})"
    if hasattr(os, "getuid") and info.st_mode & 0o022:
        return f"others may write to it (mode {stat.S_IMODE(info.st_mode):o})"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    return None


def sound(report: DocumentReport) -> None:
    """Raise ValueError if a report read back breaks what every scan guarantees."""
    if report.status == "error" and (report.error is None or report.rating != "red"):
        raise ValueError("an error report must carry its error and be red")
    if report.status == "ok" and report.error is not None:
        raise ValueError("a report that was read carries an error")
    if report.partial and report.rating == "green":
        raise ValueError("a document read in part is rated green")
    if report.ok and not report.rated and report.rating == "green":
        raise ValueError("a document not rated on its own (a sub-processor list) is rated green")


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
