"""Many documents at once: in worker processes (or on any Executor), cached, in input order.

Tasks carry a path and the Scanner options as one plain dict, and return the report as plain data,
so any :class:`concurrent.futures.Executor` can run them, including Dask's
(``dask.distributed.Client(...).get_executor()``). Without one, documents go to dpcheck's own
worker processes (:mod:`dpcheck.workers`), which bound each document's memory and time from the
outside and cost a document that kills its process that document alone. Results come back in input
order through a bounded look-ahead window, so the output is deterministic and memory stays flat
however many documents there are.

The cache is looked up with the digest of a file's bytes before it is scanned, and written under
the digest of the bytes the scan read (a report carries it): a file changed in between is stored
under what was scanned, never under what was hashed.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from typing import Any

from dpcheck.cache import ResultCache, cacheable, default_cache_dir, entry_key, file_digest, scan_context
from dpcheck.errors import ErrorCode
from dpcheck.limits import Limits
from dpcheck.models import DocumentReport
from dpcheck.serialize import document_from_data, document_to_data
from dpcheck.walk import Walk
from dpcheck.workers import Job, WorkerPool, process_scanner, scan_document_task

__all__ = ["open_cache", "process_scanner", "resolve_options", "scan_document_task", "scan_many"]

log = logging.getLogger(__name__)


def resolve_options(options: dict[str, Any]) -> dict[str, Any]:
    """The options with the day of the law fixed now, so that every worker (and the cache key) uses
    the same day even when a batch runs past midnight."""
    resolved = dict(options)
    if resolved.get("as_of") is None:
        resolved["as_of"] = date.today()
    # The default limits spelled out (as the command line does) are the same scan as none given:
    # one cache key for both.
    if resolved.get("limits") == Limits():
        del resolved["limits"]
    return resolved


def open_cache(cache: bool | str | os.PathLike[str] | ResultCache | None) -> ResultCache | None:
    """The cache to use, or None: none asked for, or a folder others could plant entries in (warned)."""
    if cache is None or cache is False:
        return None
    store = cache if isinstance(cache, ResultCache) else ResultCache(default_cache_dir() if cache is True else cache)
    return store if store.usable() else None


def scan_many(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    executor: Executor | None = None,
    workers: int | None = None,
    cache: bool | str | os.PathLike[str] | ResultCache | None = None,
    window: int | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    follow_symlinks: bool = False,
    isolate: bool = False,
    **options: Any,
) -> Generator[DocumentReport, None, None]:
    """Scan files and folders, yielding one :class:`DocumentReport` per document in input order.

    ``executor``: run scans there (any ``concurrent.futures.Executor``; it is not shut down; should
    it break, the batch goes on in dpcheck's own workers). Without one, ``workers`` processes of
    dpcheck's own are started (default: the CPU count); ``workers=1`` scans in this process unless
    ``isolate``, which puts every document in a worker process even then (as the command line does).
    ``cache``: True for the user cache folder, a folder, or None/False for no cache.
    ``window``: how many documents may be in flight ahead of the one to be yielded next.
    ``include``/``exclude``/``follow_symlinks``: which files of folders (see :class:`~dpcheck.walk.Walk`;
    skipped files are logged). ``options`` are keyword arguments of :class:`~dpcheck.scanner.Scanner`.
    A document that kills its worker is reported ``E109-memory-limit`` (an abort at the memory limit)
    or ``E198-worker-died``; the others are not affected. Closing the iterator early kills the workers.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    options = resolve_options(options)
    store = open_cache(cache)
    context = scan_context(options) if store is not None else None
    workers = workers or os.cpu_count() or 1
    documents = (str(p) for p in Walk(paths, include=include, exclude=exclude, follow_symlinks=follow_symlinks))
    cached = _Cached(store, context, options)
    if executor is None and workers == 1 and not isolate:
        yield from _scan_here(documents, options, cached)
        return
    runner = _Runner(executor, workers, options)
    finished = False
    try:
        yield from _scan_in_pool(documents, cached, runner, window or 8 * workers)
        finished = True
    finally:
        runner.close(kill=not finished)


class _Cached:
    """The cache of one batch (or none): looked up by the bytes now, written by the bytes scanned."""

    def __init__(self, store: ResultCache | None, context: str | None, options: dict[str, Any]) -> None:
        self.store = store
        self.context = context
        limits = options.get("limits")
        self.max_bytes = limits.max_bytes if limits is not None else options.get("max_bytes")

    def get(self, path: str) -> DocumentReport | None:
        if self.store is None or self.context is None:
            return None
        digest = file_digest(path, self.max_bytes)
        return None if digest is None else self.store.get(entry_key(self.context, path, digest), path, digest)

    def put(self, data: dict[str, Any]) -> None:
        digest = data.get("sha256")
        if self.store is not None and self.context is not None and digest and cacheable(data):
            self.store.put(entry_key(self.context, data["path"], digest), data)


def _scan_here(documents: Iterable[str], options: dict[str, Any], cached: _Cached) -> Iterator[DocumentReport]:
    for path in documents:
        found = cached.get(path)
        if found is not None:
            yield _logged(found, cached=True)
            continue
        report = process_scanner(options).scan_path(path)
        cached.put(document_to_data(report))
        yield _logged(report, cached=False)


def _logged(report: DocumentReport, *, cached: bool) -> DocumentReport:
    """Say on the log what became of a document: read (or taken from the cache), cut short, unreadable."""
    source = "from the cache" if cached else "read"
    if report.error is not None:
        log.info("%s: unreadable [%s] %s", report.path, report.error.code, report.error.message)
        return report
    log.info(
        "%s: %s, %s %s in %s, %d page(s), %d finding(s), %s",
        report.path,
        source,
        report.format,
        report.doc_type,
        report.language,
        report.pages or 0,
        len(report.findings),
        report.rating,
    )
    for warning in report.warnings:
        log.info("%s: read only in part: %s", report.path, warning)
    return report


@dataclass
class _Pending:
    path: str
    handle: Future[dict[str, Any]] | Job | None = None
    report: DocumentReport | None = None


def _scan_in_pool(documents: Iterable[str], cached: _Cached, runner: _Runner, window: int) -> Iterator[DocumentReport]:
    """Keep up to ``window`` documents in flight and yield the oldest as it is done."""
    pending: deque[_Pending] = deque()
    queue = iter(documents)
    more = True
    while True:
        while more and len(pending) < window:
            path = next(queue, None)
            if path is None:
                more = False
                break
            item = _Pending(path, report=cached.get(path))
            if item.report is None:
                item.handle = runner.submit(path)
            pending.append(item)
        if not pending:
            return
        item = pending.popleft()
        if item.report is not None:
            yield _logged(item.report, cached=True)
            continue
        data = runner.result(item)
        cached.put(data)
        yield _logged(document_from_data(data), cached=False)


class _Runner:
    """Where documents are scanned: the caller's executor, else (and once it breaks) dpcheck's own workers."""

    def __init__(self, executor: Executor | None, workers: int, options: dict[str, Any]) -> None:
        self.executor = executor
        self.workers = workers
        self.options = options
        self._own: WorkerPool | None = None

    @property
    def own(self) -> WorkerPool:
        if self._own is None:
            self._own = WorkerPool(self.workers, self.options)
        return self._own

    def submit(self, path: str) -> Future[dict[str, Any]] | Job:
        if self.executor is not None:
            try:
                return self.executor.submit(scan_document_task, path, self.options)
            except BrokenProcessPool:
                self._broken()
        return self.own.submit(path)

    def result(self, item: _Pending) -> dict[str, Any]:
        handle = item.handle
        if isinstance(handle, Job):
            return self.own.result(handle)
        assert handle is not None
        try:
            return handle.result()
        except BrokenProcessPool:
            # Every document in flight fails with a broken pool, though one broke it: each is scanned
            # again, alone in a worker of dpcheck's own, where only a culprit fails again.
            self._broken()
            item.handle = self.own.submit(item.path)
            return self.own.result(item.handle)
        except Exception as exc:  # noqa: BLE001 - an executor's own failure must not end the batch
            log.warning("executor failed on %s: %r", item.path, exc)
            return document_to_data(
                DocumentReport.failed(
                    item.path, ErrorCode.INTERNAL, f"the executor failed: {type(exc).__name__}: {exc}"
                )
            )

    def _broken(self) -> None:
        if self.executor is not None:
            log.warning("a worker process of the executor died; going on in dpcheck's own worker processes")
            self.executor = None

    def close(self, *, kill: bool) -> None:
        if self._own is None:
            return
        if kill:
            self._own.kill()
        else:
            self._own.close()
