"""A vendor bundle: a zip of a vendor's documents with a ``vendor.toml`` manifest (the format and
its parser: :mod:`dpcheck.vendor.manifest`).

``vendor.toml`` sits at the top of the zip or in its one top-level folder; ``path`` is relative
to it. The zip is checked whole before anything is extracted (:func:`check`): no absolute
path, no ``..``, no link or special file, no encrypted member, at most :data:`MAX_FILES`
members, none inflating past the document size limit or :data:`MAX_RATIO` times its
compressed size, and all together not past the inflation limit. Extraction then counts the
bytes it writes, so a member whose header understates its size is caught as well.
"""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

from dpcheck.limits import Limits
from dpcheck.serve.errors import ApiError, ServiceCode
from dpcheck.vendor.manifest import MANIFEST, path_problem

MAX_FILES = 200
MAX_RATIO = 100
# Small members are not judged by ratio: a page of repeated boilerplate compresses very well.
RATIO_FLOOR = 2**20
_CHUNK = 2**16


def check(archive: Path, limits: Limits) -> list[zipfile.ZipInfo]:
    """The members of the zip at ``archive``, or an :class:`ApiError` saying why it is refused."""
    try:
        with zipfile.ZipFile(archive) as bundle:
            members = bundle.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ApiError(ServiceCode.BUNDLE_CORRUPT, f"the bundle is not a readable zip file: {exc}") from exc
    if len(members) > MAX_FILES:
        raise ApiError(
            ServiceCode.BUNDLE_TOO_MANY_FILES,
            f"the bundle has {len(members)} entries, more than the limit of {MAX_FILES}",
        )
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
            raise ApiError(
                ServiceCode.BUNDLE_BOMB,
                f"{member.filename!r} inflates to {member.file_size:,} bytes, "
                f"over the document limit of {limits.max_bytes:,}",
            )
        if member.file_size > RATIO_FLOOR and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise ApiError(
                ServiceCode.BUNDLE_BOMB,
                f"{member.filename!r} inflates {member.file_size:,} bytes from "
                f"{member.compress_size:,}, more than {MAX_RATIO} times",
            )
        total += member.file_size
    if total > limits.max_inflated:
        raise ApiError(
            ServiceCode.BUNDLE_BOMB,
            f"the bundle inflates to {total:,} bytes, over the limit of {limits.max_inflated:,}",
        )
    return members


def _check_name(name: str) -> None:
    if (problem := path_problem(name)) is not None:
        raise ApiError(ServiceCode.BUNDLE_UNSAFE_PATH, problem)


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
                    raise ApiError(
                        ServiceCode.BUNDLE_BOMB, f"{member.filename!r} inflates past the size its header declares"
                    )
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
