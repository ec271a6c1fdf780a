"""A vendor bundle: a zip of a vendor's documents with a ``vendor.toml`` manifest.

    name = "Acme Cloud"
    source = "https://acme.example/legal"          # optional
    [[documents]]
    path = "dpa.pdf"
    role = "dpa"                                   # dpa|privacy_policy|subprocessor_list|addendum|other
    date = 2025-01-01                              # optional
    url = "https://acme.example/legal/dpa"         # optional

``vendor.toml`` sits at the top of the zip or in its one top-level folder; ``path`` is relative
to it. The zip is checked whole before anything is extracted (:func:`check`): no absolute
path, no ``..``, no link or special file, no encrypted member, at most :data:`MAX_FILES`
members, none inflating past the document size limit or :data:`MAX_RATIO` times its
compressed size, and all together not past the inflation limit. Extraction then counts the
bytes it writes, so a member whose header understates its size is caught as well.
"""

from __future__ import annotations

import re
import stat
import tomllib
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from dpcheck.history import ROLES
from dpcheck.limits import Limits
from dpcheck.serve.errors import ApiError, ServiceCode

MANIFEST = "vendor.toml"
MAX_FILES = 200
MAX_RATIO = 100
# Small members are not judged by ratio: a page of repeated boilerplate compresses very well.
RATIO_FLOOR = 2**20
_CHUNK = 2**16
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True, slots=True)
class BundleDocument:
    path: str
    role: str
    date: date | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Manifest:
    name: str
    documents: tuple[BundleDocument, ...]
    source: str | None = None


def check(archive: Path, limits: Limits) -> list[zipfile.ZipInfo]:
    """The members of the zip at ``archive``, or an :class:`ApiError` saying why it is refused."""
    try:
        with zipfile.ZipFile(archive) as bundle:
            members = bundle.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ApiError(ServiceCode.BUNDLE_CORRUPT, f"the bundle is not a readable zip file: {exc}") from exc
    if len(members) > MAX_FILES:
        raise ApiError(ServiceCode.BUNDLE_TOO_MANY_FILES,
                       f"the bundle has {len(members)} entries, more than the limit of {MAX_FILES}")
    seen: set[str] = set()
    total = 0
    for member in members:
        _check_name(member.filename)
        if member.filename in seen:
            raise ApiError(ServiceCode.BUNDLE_UNSAFE_PATH, f"{member.filename!r} is in the bundle twice")
        seen.add(member.filename)
        kind = stat.S_IFMT(member.external_attr >> 16)
        if kind == stat.S_IFLNK:
            raise ApiError(ServiceCode.BUNDLE_LINK, f"{member.filename!r} is a symbolic link")
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise ApiError(ServiceCode.BUNDLE_LINK, f"{member.filename!r} is not a regular file or folder")
        if member.flag_bits & 0x1:
            raise ApiError(ServiceCode.BUNDLE_CORRUPT, f"{member.filename!r} is encrypted")
        if member.file_size > limits.max_bytes:
            raise ApiError(ServiceCode.BUNDLE_BOMB, f"{member.filename!r} inflates to {member.file_size:,} bytes, "
                                                    f"over the document limit of {limits.max_bytes:,}")
        if member.file_size > RATIO_FLOOR and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise ApiError(ServiceCode.BUNDLE_BOMB, f"{member.filename!r} inflates {member.file_size:,} bytes from "
                                                    f"{member.compress_size:,}, more than {MAX_RATIO} times")
        total += member.file_size
    if total > limits.max_inflated:
        raise ApiError(ServiceCode.BUNDLE_BOMB,
                       f"the bundle inflates to {total:,} bytes, over the limit of {limits.max_inflated:,}")
    return members


def _check_name(name: str) -> None:
    parts = PurePosixPath(name).parts
    if (name.startswith("/") or "\\" in name or _DRIVE.match(name) or ".." in parts
            or any(ord(c) < 32 for c in name) or not parts):
        raise ApiError(ServiceCode.BUNDLE_UNSAFE_PATH,
                       f"{name!r} is not a plain relative path inside the bundle (absolute, '..' or odd characters)")


def extract(archive: Path, folder: Path, limits: Limits) -> Path:
    """Check the zip, extract it into ``folder`` and return the folder that holds vendor.toml."""
    members = check(archive, limits)
    root = folder.resolve()
    with zipfile.ZipFile(archive) as bundle:
        for member in members:
            target = (root / member.filename).resolve()
            if not target.is_relative_to(root):
                raise ApiError(ServiceCode.BUNDLE_UNSAFE_PATH, f"{member.filename!r} leads out of the bundle")
            if member.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            _copy(bundle, member, target)
    return _manifest_folder(root)


def _copy(bundle: zipfile.ZipFile, member: zipfile.ZipInfo, target: Path) -> None:
    written = 0
    try:
        with bundle.open(member) as source, target.open("xb") as out:
            while chunk := source.read(_CHUNK):
                written += len(chunk)
                if written > member.file_size:
                    raise ApiError(ServiceCode.BUNDLE_BOMB, f"{member.filename!r} inflates past the size its "
                                                            "header declares")
                out.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise ApiError(ServiceCode.BUNDLE_CORRUPT, f"{member.filename!r} cannot be extracted: {exc}") from exc


def _manifest_folder(root: Path) -> Path:
    if (root / MANIFEST).is_file():
        return root
    tops = list(root.iterdir())
    if len(tops) == 1 and tops[0].is_dir() and (tops[0] / MANIFEST).is_file():
        return tops[0]
    raise ApiError(ServiceCode.BUNDLE_MANIFEST, f"the bundle has no {MANIFEST} at its top or in its one top folder")


def read_manifest(folder: Path) -> Manifest:
    """``vendor.toml`` in ``folder``, checked: every problem is listed in one E215 error."""
    try:
        data = tomllib.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ApiError(ServiceCode.BUNDLE_MANIFEST, f"{MANIFEST} is not valid TOML: {exc}") from exc
    problems: list[str] = []
    _unknown(data, {"name", "source", "documents"}, "", problems)
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append("name: a vendor name (text) is required")
    source = data.get("source")
    if source is not None and not isinstance(source, str):
        problems.append("source: must be text")
    tables = data.get("documents")
    if not isinstance(tables, list) or not tables:
        problems.append("documents: at least one [[documents]] table is required")
        tables = []
    documents = [_document(table, f"documents[{i}]", folder, problems) for i, table in enumerate(tables)]
    if problems:
        raise ApiError(ServiceCode.BUNDLE_MANIFEST, f"{MANIFEST}: " + "; ".join(problems))
    return Manifest(str(name), tuple(d for d in documents if d is not None), source)


def _document(table: Any, where: str, folder: Path, problems: list[str]) -> BundleDocument | None:
    if not isinstance(table, dict):
        problems.append(f"{where}: must be a table")
        return None
    before = len(problems)
    _unknown(table, {"path", "role", "date", "url"}, f"{where}.", problems)
    path = table.get("path")
    if not isinstance(path, str) or not path:
        problems.append(f"{where}.path: a path inside the bundle is required")
    else:
        try:
            _check_name(path)
        except ApiError as exc:
            problems.append(f"{where}.path: {exc.message}")
        else:
            if not (folder / path).is_file() or path == MANIFEST:
                problems.append(f"{where}.path: {path!r} is not a document in the bundle")
    role = table.get("role")
    if role not in ROLES:
        problems.append(f"{where}.role: one of {', '.join(ROLES)} is required")
    day = table.get("date")
    if isinstance(day, str):
        try:
            day = date.fromisoformat(day)
        except ValueError:
            problems.append(f"{where}.date: {day!r} is not a date (YYYY-MM-DD)")
    elif day is not None and not isinstance(day, date):
        problems.append(f"{where}.date: must be a date (YYYY-MM-DD)")
    url = table.get("url")
    if url is not None and not isinstance(url, str):
        problems.append(f"{where}.url: must be text")
    if len(problems) > before:
        return None
    return BundleDocument(str(path), str(role), day, url)


def _unknown(table: dict[str, Any], known: set[str], where: str, problems: list[str]) -> None:
    problems.extend(f"{where}{key}: unknown key (known: {', '.join(sorted(known))})" for key in table if key not in known)
