"""Which files a scan reads: files given as they are, folders walked, and every file left out said.

A folder is walked for files with a document suffix (or matching ``include`` globs), minus
those matching ``exclude``. Nothing is left out by its name alone, and nothing silently: each
file (or hidden or unlistable folder) not scanned is recorded as :class:`~dpcheck.models.Skipped`
with its reason, so that "0 documents" can never hide a folder full of files.

Symbolic links inside a walked folder are followed only where they stay inside it: a link to
a file elsewhere (an HR file beside the vendor's folder) is skipped and said, unless
``follow_symlinks``; a link to a folder is never walked into unless ``follow_symlinks`` and its
target lies outside (inside, its files are scanned at their own place; loops are never
followed). A path given explicitly is scanned as given, link or not: the user named it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum
from fnmatch import fnmatch
from pathlib import Path

from dpcheck.models import Skipped

log = logging.getLogger(__name__)

# Documentation sites keep their policies as reStructuredText, AsciiDoc or MDX (read as Markdown), so a
# folder scan must not pass them by.
DOCUMENT_SUFFIXES = frozenset(
    {
        ".pdf",
        ".html",
        ".htm",
        ".xhtml",
        ".md",
        ".markdown",
        ".mdx",
        ".txt",
        ".text",
        ".docx",
        ".rst",
        ".adoc",
        ".asciidoc",
        ".csv",
        ".tsv",
    }
)


class SkipReason(StrEnum):
    """Why a file in a walked folder was not scanned (``skipped[].reason`` in the JSON report)."""

    HIDDEN = "hidden"
    NOT_A_DOCUMENT = "not-a-document-type"
    NOT_INCLUDED = "not-included"
    EXCLUDED = "excluded"
    SYMLINK_OUTSIDE = "symlink-outside"
    SYMLINK_FOLDER = "symlink-folder"
    UNLISTABLE = "unlistable-folder"


class Walk:
    """The files to scan under ``paths``, in order; :attr:`skipped` fills while it is iterated.

    In folders, ``include`` globs (if any) replace the choice by document suffix, and files
    matching an ``exclude`` glob are left out; a glob is matched against the path below the
    folder and against the file name (``*.pdf``, ``archive/*``, ``*-2019.*``).
    """

    def __init__(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        include: Sequence[str] = (),
        exclude: Sequence[str] = (),
        follow_symlinks: bool = False,
    ) -> None:
        self.paths = paths
        self.include = tuple(include)
        self.exclude = tuple(exclude)
        self.follow_symlinks = follow_symlinks
        self.skipped: list[Skipped] = []

    def __iter__(self) -> Iterator[Path]:
        for raw in self.paths:
            path = Path(raw)
            if path.is_dir():
                yield from self._folder(path)
            else:
                yield path

    def _skip(self, path: Path, reason: SkipReason, detail: str) -> None:
        self.skipped.append(Skipped(str(path), str(reason), detail))
        # A link out of the folder is a choice the user should see; the rest is routine.
        level = logging.WARNING if reason == SkipReason.SYMLINK_OUTSIDE else logging.INFO
        log.log(level, "skipped %s: %s", path, detail)

    def _folder(self, root: Path) -> list[Path]:
        real_root = os.path.realpath(root)
        seen = {real_root}
        files: list[Path] = []
        pending = [root]
        while pending:
            folder = pending.pop()
            try:
                with os.scandir(folder) as listing:
                    entries = sorted(listing, key=lambda e: e.name)
            except OSError as exc:
                self._skip(folder, SkipReason.UNLISTABLE, f"the folder cannot be listed ({exc.strerror or exc})")
                continue
            for entry in entries:
                path = folder / entry.name
                if entry.name.startswith("."):
                    what = "folder" if entry.is_dir(follow_symlinks=False) else "file"
                    self._skip(path, SkipReason.HIDDEN, f"a hidden {what} (its name starts with a dot)")
                elif entry.is_symlink():
                    self._link(root, real_root, path, seen, files, pending)
                elif entry.is_dir(follow_symlinks=False):
                    pending.append(path)
                else:
                    self._file(root, path, files)
        return sorted(files)

    def _link(
        self, root: Path, real_root: str, path: Path, seen: set[str], files: list[Path], pending: list[Path]
    ) -> None:
        target = os.path.realpath(path)
        inside = target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)
        if os.path.isdir(path):
            if inside or target in seen:
                self._skip(
                    path,
                    SkipReason.SYMLINK_FOLDER,
                    f"a link to the folder {target}, which is scanned at its own place: not followed",
                )
            elif not self.follow_symlinks:
                self._skip(
                    path,
                    SkipReason.SYMLINK_OUTSIDE,
                    f"a link to the folder {target}, outside the folder "
                    "scanned: not followed (--follow-symlinks follows it)",
                )
            else:
                seen.add(target)
                pending.append(path)
        elif os.path.exists(path) and not inside and not self.follow_symlinks:
            self._skip(
                path,
                SkipReason.SYMLINK_OUTSIDE,
                f"a link to {target}, outside the folder scanned: not followed (--follow-symlinks follows it)",
            )
        else:
            # Inside the folder, or broken or looping (the scan then reports it unreadable).
            self._file(root, path, files)

    def _file(self, root: Path, path: Path, files: list[Path]) -> None:
        rel = path.relative_to(root)
        if self.include and not _matches(rel, self.include):
            self._skip(path, SkipReason.NOT_INCLUDED, "matches no --include glob")
        elif not self.include and path.suffix.lower() not in DOCUMENT_SUFFIXES:
            self._skip(
                path,
                SkipReason.NOT_A_DOCUMENT,
                f"its suffix is none that dpcheck reads ({', '.join(sorted(DOCUMENT_SUFFIXES))})",
            )
        elif _matches(rel, self.exclude):
            self._skip(path, SkipReason.EXCLUDED, "matches an --exclude glob")
        else:
            files.append(path)


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    follow_symlinks: bool = False,
) -> Iterator[Path]:
    """The files to scan (see :class:`Walk`), without the record of what was skipped."""
    return iter(Walk(paths, include=include, exclude=exclude, follow_symlinks=follow_symlinks))


def _matches(rel: Path, globs: Sequence[str]) -> bool:
    posix = rel.as_posix()
    return any(fnmatch(posix, glob) or fnmatch(rel.name, glob) for glob in globs)
