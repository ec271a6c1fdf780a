"""Many documents at once: in parallel worker processes (or on any Executor), cached, in input order.

Tasks carry a path and the Scanner options as one plain dict, and return the report as plain data,
so any :class:`concurrent.futures.Executor` can run them, including Dask's
(``dask.distributed.Client(...).get_executor()``). Each worker process builds one Scanner per set
of options the first time it needs it and keeps it (pipelines are built once per process, not per
document). Results come back in input order through a bounded look-ahead window, so the output is
deterministic and memory stays flat however many documents there are.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from typing import Any

from dpcheck.cache import ResultCache, cacheable, default_cache_dir, scan_context
from dpcheck.errors import ErrorCode
from dpcheck.limits import Limits
from dpcheck.models import DocumentReport
from dpcheck.nlp import SUPPORTED
from dpcheck.scanner import Scanner, iter_documents
from dpcheck.serialize import document_from_data, document_to_data

log = logging.getLogger(__name__)

# Scanners of this process, one per set of options (see scan_document_task).
_SCANNERS: dict[str, Scanner] = {}


def scan_document_task(path: str, options: dict[str, Any]) -> dict[str, Any]:
    """Scan one file in whatever process runs this and return its report as data (:mod:`dpcheck.serialize`)."""
    return document_to_data(process_scanner(options).scan_path(path))


def process_scanner(options: dict[str, Any]) -> Scanner:
    """This process's Scanner for ``options``, built on first use."""
    key = json.dumps(options, sort_keys=True, default=repr)
    scanner = _SCANNERS.get(key)
    if scanner is None:
        scanner = _SCANNERS[key] = Scanner(**options)
    return scanner


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
    if cache is None or cache is False:
        return None
    if cache is True:
        return ResultCache(default_cache_dir())
    if isinstance(cache, ResultCache):
        return cache
    return ResultCache(cache)


def scan_many(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    executor: Executor | None = None,
    workers: int | None = None,
    cache: bool | str | os.PathLike[str] | ResultCache | None = None,
    window: int | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    **options: Any,
) -> Iterator[DocumentReport]:
    """Scan files and folders, yielding one :class:`DocumentReport` per document in input order.

    ``executor``: run scans there (any ``concurrent.futures.Executor``; it is not shut down).
    Without one, ``workers`` processes are started (default: the CPU count); ``workers=1`` scans in
    this process. ``cache``: True for the user cache folder, a folder, or None/False for no cache.
    ``window``: how many documents may be in flight ahead of the one to be yielded next.
    ``include``/``exclude``: globs choosing files in folders (see :func:`iter_documents`).
    ``options`` are keyword arguments of :class:`Scanner`. When a worker process dies the batch goes
    on in a fresh pool; a document that kills its worker again when scanned alone is reported with
    ``E198-worker-died``.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    options = resolve_options(options)
    store = open_cache(cache)
    context = scan_context(options) if store is not None else None
    workers = workers or os.cpu_count() or 1
    documents = (str(p) for p in iter_documents(paths, include=include, exclude=exclude))
    if executor is None and workers == 1:
        yield from _scan_here(documents, options, store, context)
        return
    pool = _Pool(executor, workers, options)
    try:
        yield from _scan_in_pool(documents, options, store, context, pool, window or 8 * workers)
    finally:
        pool.close()


def _scan_here(documents: Iterable[str], options: dict[str, Any], store: ResultCache | None,
               context: str | None) -> Iterator[DocumentReport]:
    for path in documents:
        key = _key(store, context, path, options)
        found = store.get(key, path) if store is not None and key is not None else None
        if found is not None:
            yield found
            continue
        report = process_scanner(options).scan_path(path)
        if store is not None and key is not None:
            data = document_to_data(report)
            if cacheable(data):
                store.put(key, data)
        yield report


@dataclass
class _Pending:
    path: str
    key: str | None
    future: Future[dict[str, Any]] | None = None
    pool: Executor | None = None
    report: DocumentReport | None = None


def _scan_in_pool(documents: Iterable[str], options: dict[str, Any], store: ResultCache | None,
                  context: str | None, pool: _Pool, window: int) -> Iterator[DocumentReport]:
    """Keep up to ``window`` documents in flight and yield the oldest as it is done.

    When a worker dies, every document in flight in its pool fails with it, though only one
    caused it. Those documents are then scanned again one at a time in a fresh pool (nothing
    else in flight): the innocent ones are read, and only one that kills its worker again is
    reported as ``E198-worker-died``.
    """
    pending: deque[_Pending] = deque()
    queue = iter(documents)
    more = True
    while True:
        while more and len(pending) < window and not pool.recovering(pending):
            path = next(queue, None)
            if path is None:
                more = False
                break
            key = _key(store, context, path, options)
            item = _Pending(path, key)
            item.report = store.get(key, path) if store is not None and key is not None else None
            if item.report is None:
                item.future, item.pool = pool.submit(path, options)
            pending.append(item)
        if not pending:
            return
        yield _finish(pending.popleft(), store, pool)


def _finish(item: _Pending, store: ResultCache | None, pool: _Pool) -> DocumentReport:
    if item.future is None:
        assert item.report is not None
        return item.report
    try:
        data = item.future.result()
    except BrokenProcessPool:
        pool.replace_if(item.pool)
        log.warning("a worker process died with %s in flight; scanning it again alone", item.path)
        future, executor = pool.submit(item.path, pool.options)
        try:
            data = future.result()
        except BrokenProcessPool as exc:
            pool.replace_if(executor)
            log.warning("worker process died while scanning %s alone: %s", item.path, exc)
            return DocumentReport.failed(item.path, ErrorCode.WORKER_DIED,
                          "the worker process scanning this document died, twice (killed by the system, "
                          "out of memory?)")
        except Exception as exc:  # noqa: BLE001 - an executor's own failure must not end the batch
            return _executor_failed(item.path, exc)
    except Exception as exc:  # noqa: BLE001 - an executor's own failure must not end the batch
        return _executor_failed(item.path, exc)
    if store is not None and item.key is not None and cacheable(data):
        store.put(item.key, data)
    return document_from_data(data)


def _executor_failed(path: str, exc: Exception) -> DocumentReport:
    log.warning("executor failed on %s: %r", path, exc)
    return DocumentReport.failed(path, ErrorCode.INTERNAL, f"the executor failed: {type(exc).__name__}: {exc}")


def _key(store: ResultCache | None, context: str | None, path: str, options: dict[str, Any]) -> str | None:
    if store is None or context is None:
        return None
    limits = options.get("limits")
    return store.key(path, context, max_bytes=limits.max_bytes if limits is not None else options.get("max_bytes"))


class _Pool:
    """The executor in use, started on first use (a fully cached batch starts no process); a process
    pool whose worker died is replaced by a fresh one of ours."""

    def __init__(self, executor: Executor | None, workers: int, options: dict[str, Any]) -> None:
        self.workers = workers
        self.options = options
        self.owned = executor is None
        self._executor = executor

    @property
    def executor(self) -> Executor:
        if self._executor is None:
            self._executor = self._new()
        return self._executor

    def _new(self) -> Executor:
        methods = multiprocessing.get_all_start_methods()
        if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
            # Workers forked from this process share its Scanner, pipelines built, instead of each
            # spending seconds building its own. Only while no other thread runs: a thread holding a
            # lock at the fork would leave that lock held for ever in the child (and not on macOS,
            # whose system libraries do not survive a fork).
            scanner = process_scanner(self.options)
            for lang in SUPPORTED:
                scanner.pipeline(lang)
            scanner.detect_language("warm up")
            context = multiprocessing.get_context("fork")
        elif "forkserver" in methods:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["dpcheck.batch"])
        else:
            context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=context)

    def submit(self, path: str, options: dict[str, Any]) -> tuple[Future[dict[str, Any]], Executor]:
        try:
            return self.executor.submit(scan_document_task, path, options), self.executor
        except BrokenProcessPool:
            self.replace_if(self.executor)
            return self.executor.submit(scan_document_task, path, options), self.executor

    def recovering(self, pending: Iterable[_Pending]) -> bool:
        """Whether documents of a pool that broke are still to be scanned again (one at a time)."""
        return any(item.future is not None and item.pool is not self._executor for item in pending)

    def replace_if(self, broken: Executor | None) -> None:
        """Replace the pool if ``broken`` is still the one in use (once per breakage)."""
        if broken is not self._executor:
            return
        log.warning("a worker process died; going on in a fresh process pool")
        if self.owned:
            # Waiting lets the broken pool's thread end, so that the fresh pool can again be forked.
            self.executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._new()
        self.owned = True

    def close(self) -> None:
        if self.owned and self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)

