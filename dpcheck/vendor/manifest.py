"""``vendor.toml``: which documents make up a vendor's dossier, with each one's role and date.

    name = "Acme Cloud"
    source = "https://acme.example/legal"          # optional
    [[documents]]
    path = "dpa.pdf"                               # relative to vendor.toml, inside its folder
    role = "dpa"                                   # dpa|privacy_policy|subprocessor_list|addendum|other
    date = 2025-01-01                              # optional (a TOML date or "YYYY-MM-DD")
    url = "https://acme.example/legal/dpa"         # optional

The one parser of the format, for ``dpcheck vendor``, :func:`dpcheck.scan_vendor` and the HTTP
service's zip bundles. A folder without ``vendor.toml`` is a dossier too: its documents, each
with the role its text shows and the date its file name ends in (``dpa-2024-05-01.pdf``,
``avv-2023.md``), named after the folder (:func:`folder_manifest`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from dpcheck.errors import VendorCode, VendorError

MANIFEST = "vendor.toml"
# The parts of a vendor's dossier.
ROLES = ("dpa", "privacy_policy", "subprocessor_list", "addendum", "other")
_DRIVE = re.compile(r"^[A-Za-z]:")
# A file name ending in a day or a year: "dpa-2024-05-01.pdf", "avv_2023.md".
_NAME_DATE = re.compile(r"(?:^|[-_ .])((?:19|20)\d{2})(?:[-_.]?(0[1-9]|1[0-2])(?:[-_.]?(0[1-9]|[12]\d|3[01]))?)?$")


@dataclass(frozen=True, slots=True)
class ManifestDocument:
    """One document of a dossier; ``role`` None: read from the document (a folder without manifest)."""

    path: str
    role: str | None = None
    date: date | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Manifest:
    name: str
    documents: tuple[ManifestDocument, ...]
    source: str | None = None


def path_problem(name: str) -> str | None:
    """Why ``name`` is not a plain relative path that stays inside its folder (None when it is)."""
    parts = PurePosixPath(name).parts
    if (
        name.startswith("/")
        or "\\" in name
        or _DRIVE.match(name)
        or ".." in parts
        or any(ord(c) < 32 for c in name)
        or not parts
    ):
        return f"{name!r} is not a plain relative path inside the folder (absolute, '..' or odd characters)"
    return None


def read_manifest(folder: Path) -> Manifest:
    """``vendor.toml`` in ``folder``, checked: every problem is listed in one :class:`VendorError`."""
    try:
        data = tomllib.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise VendorError(VendorCode.MANIFEST, f"{MANIFEST} is not valid TOML: {exc}") from exc
    except OSError as exc:
        raise VendorError(VendorCode.NOT_FOUND, f"cannot read {folder / MANIFEST}: {exc.strerror or exc}") from exc
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
    paths = [d.path for d in documents if d is not None]
    problems.extend(f"documents: {p!r} is listed twice" for p in sorted({p for p in paths if paths.count(p) > 1}))
    if problems:
        raise VendorError(VendorCode.MANIFEST, f"{MANIFEST}: " + "; ".join(problems), problems)
    return Manifest(str(name).strip(), tuple(d for d in documents if d is not None), source)


def folder_manifest(folder: Path, files: Iterable[Path]) -> Manifest:
    """The manifest of a folder without ``vendor.toml``: ``files`` (below ``folder``) with their
    roles left to the documents and their dates read from their names."""
    documents = tuple(
        ManifestDocument(file.relative_to(folder).as_posix(), None, name_date(file.stem)) for file in files
    )
    return Manifest(folder.resolve().name, documents)


def name_date(stem: str) -> date | None:
    """The day (or 1 January of the year, or the first of the month) a file name ends in."""
    found = _NAME_DATE.search(stem)
    if found is None:
        return None
    year, month, day = found.groups()
    return date(int(year), int(month or 1), int(day or 1))


def _document(table: Any, where: str, folder: Path, problems: list[str]) -> ManifestDocument | None:
    if not isinstance(table, dict):
        problems.append(f"{where}: must be a table")
        return None
    before = len(problems)
    _unknown(table, {"path", "role", "date", "url"}, f"{where}.", problems)
    path = table.get("path")
    if not isinstance(path, str) or not path:
        problems.append(f"{where}.path: a path inside the folder is required")
    elif (problem := path_problem(path)) is not None:
        problems.append(f"{where}.path: {problem}")
    elif path == MANIFEST or not (folder / path).is_file():
        problems.append(f"{where}.path: {path!r} is not a document in the folder")
    role = table.get("role")
    if role not in ROLES:
        problems.append(f"{where}.role: one of {', '.join(ROLES)} is required")
    given = table.get("date")
    day: date | None = None
    if isinstance(given, str):
        try:
            day = date.fromisoformat(given)
        except ValueError:
            problems.append(f"{where}.date: {given!r} is not a date (YYYY-MM-DD)")
    elif isinstance(given, date):
        day = given
    elif given is not None:
        problems.append(f"{where}.date: must be a date (YYYY-MM-DD)")
    url = table.get("url")
    if url is not None and not isinstance(url, str):
        problems.append(f"{where}.url: must be text")
    if len(problems) > before:
        return None
    return ManifestDocument(str(path), str(role), day, url)


def _unknown(table: dict[str, Any], known: set[str], where: str, problems: list[str]) -> None:
    problems.extend(
        f"{where}{key}: unknown key (known: {', '.join(sorted(known))})" for key in table if key not in known
    )
