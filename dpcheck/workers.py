"""dpcheck's own worker processes: one document at a time in each, so that whatever one document
does to its process costs that document only.

A call into C (pdfium inflating an image, lxml, zlib) cannot be stopped from Python, so the
limits that matter most are held by the operating system here:

- **memory**: while a document is read, the worker's address space may grow by the document's
  ``max_memory`` and no more (``RLIMIT_AS``, set for that document and lifted after it). An
  allocation past it fails: in Python as ``MemoryError`` (E109 in the report), in C usually as an
  abort of the worker, which this pool sees and reports as E109 for that document alone;
- **time**: a worker still busy well past the document's ``timeout`` (a C call that never returns
  to Python, where the timer cannot reach it) is killed, and the document reported E108;
- **lifetime**: workers ignore SIGINT (the parent decides what an interrupt ends), are killed by
  :meth:`WorkerPool.kill`, and on Linux die with their parent (``PR_SET_PDEATHSIG``), so none is
  ever left behind.

A worker that dies is replaced for the next document; the others never notice.
"""

from __future__ import annotations

import ctypes
import json
import logging
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from dpcheck.errors import ErrorCode
from dpcheck.ingest.sniff import named_formats
from dpcheck.limits import Limits, MiB
from dpcheck.models import DocumentReport
from dpcheck.scanner import Scanner
from dpcheck.serialize import document_to_data

log = logging.getLogger(__name__)

# Scanners of this process, one per set of options (see scan_document_task).
_SCANNERS: dict[str, Scanner] = {}

# What the interpreter may add to a worker beside the document itself (allocator slack, buffers).
HEADROOM = 64 * MiB
# A worker is killed this long after its document's timeout (the timer in the worker comes first).
GRACE = 10.0
# Signals a C library dies with when an allocation fails (abort on std::bad_alloc, a NULL written to).
_MEMORY_DEATHS = {signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS}
_PR_SET_PDEATHSIG = 1


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


@dataclass
class Job:
    """One document handed to the pool; ``data`` is its report (:mod:`dpcheck.serialize`) once done."""

    path: str
    data: dict[str, Any] | None = None
    started: float = 0.0


@dataclass
class _Worker:
    process: Any  # a multiprocessing Process of the pool's context
    conn: Connection
    job: Job | None = None
    others: list[Connection] = field(default_factory=list)


class WorkerPool:
    """``size`` worker processes scanning with ``options`` (keyword arguments of the Scanner)."""

    def __init__(self, size: int, options: dict[str, Any]) -> None:
        limits = options.get("limits") or Limits()
        self.size = size
        self.options = options
        self.memory: int | None = limits.max_memory
        self.deadline: float | None = limits.timeout * 1.25 + GRACE if limits.timeout is not None else None
        self._workers: list[_Worker] = []
        self._queue: deque[Job] = deque()
        self._context: Any = None

    def submit(self, path: str) -> Job:
        job = Job(path)
        self._queue.append(job)
        self._dispatch()
        return job

    def result(self, job: Job) -> dict[str, Any]:
        """The report data of ``job``, waiting for it (and serving other workers meanwhile)."""
        while job.data is None:
            self._pump()
        return job.data

    def close(self) -> None:
        """Let every worker end after its document, then make sure it has."""
        for worker in self._workers:
            try:
                worker.conn.send(None)
            except OSError:
                pass
        for worker in self._workers:
            worker.process.join(timeout=5)
        self.kill()

    def kill(self) -> None:
        """End every worker now (an interrupted batch leaves no process behind)."""
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.terminate()
        for worker in self._workers:
            worker.process.join(timeout=2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self._workers.clear()

    def _dispatch(self) -> None:
        while self._queue:
            worker = next((w for w in self._workers if w.job is None), None)
            if worker is None:
                if len(self._workers) >= self.size:
                    return
                worker = self._start()
            job = self._queue.popleft()
            try:
                worker.conn.send(job.path)
            except OSError:
                # It died while idle: replace it and hand the job to the next one.
                self._retire(worker)
                self._queue.appendleft(job)
                continue
            job.started = time.monotonic()
            worker.job = job

    def _pump(self) -> None:
        self._dispatch()
        busy = [w for w in self._workers if w.job is not None]
        if not busy:
            return
        timeout = None
        if self.deadline is not None:
            due = min(w.job.started for w in busy if w.job is not None) + self.deadline
            timeout = max(due - time.monotonic(), 0.0)
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=timeout))
        for worker in busy:
            job = worker.job
            assert job is not None
            if worker.conn in ready or worker.process.sentinel in ready:
                try:
                    job.data = worker.conn.recv()
                    worker.job = None
                    continue
                except (EOFError, OSError):
                    worker.process.join()
                    job.data = self._death(job.path, worker.process.exitcode)
            elif self.deadline is not None and time.monotonic() - job.started > self.deadline:
                log.warning(
                    "killing the worker scanning %s: still busy %.0f s after its start",
                    job.path,
                    time.monotonic() - job.started,
                )
                worker.process.kill()
                worker.process.join()
                job.data = document_to_data(
                    DocumentReport.failed(
                        job.path,
                        ErrorCode.TIMEOUT,
                        "reading took far longer than the time limit and could not be "
                        "stopped from inside (one long call into a parser): the process reading it was killed",
                    )
                )
            else:
                continue
            self._retire(worker)
        self._dispatch()

    def _death(self, path: str, exitcode: int | None) -> dict[str, Any]:
        signum = -exitcode if exitcode is not None and exitcode < 0 else None
        how = f"killed by {signal.Signals(signum).name}" if signum else f"exit status {exitcode}"
        log.warning("the worker process scanning %s died (%s)", path, how)
        if signum in _MEMORY_DEATHS and self.memory is not None:
            report = DocumentReport.failed(
                path,
                ErrorCode.MEMORY,
                f"the process reading it died ({how}) at the memory limit of {self.memory / MiB:,.0f} MiB",
            )
        else:
            report = DocumentReport.failed(
                path,
                ErrorCode.WORKER_DIED,
                f"the worker process scanning this document died ({how}; killed by the system, out of memory?)",
            )
        return document_to_data(report)

    def _retire(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        self._workers.remove(worker)

    def _start(self) -> _Worker:
        context = self._context = self._context or _context(self.options)
        forked = context.get_start_method() == "fork"
        if forked:
            # Built before each fork, with the parsers of the document the worker starts on (another format's
            # parser a worker imports when it first reads one): a scan of Markdown alone imports no PDF reader.
            process_scanner(self.options).build(named_formats(self._queue[0].path) if self._queue else ())
        parent, child = context.Pipe()
        # A forked worker inherits the parent's ends of the other workers' pipes: it closes them, so
        # that each pipe ends when the parent does. (A worker from a fork server or spawned inherits
        # nothing, and its parent is the server.)
        others = [w.conn for w in self._workers] if forked else []
        parent_pid = os.getpid() if forked else None
        process = context.Process(
            target=_serve,
            args=(child, self.options, self.memory, parent_pid, others),
            daemon=True,
            name="dpcheck-worker",
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self._workers.append(worker)
        return worker


def _context(options: dict[str, Any]) -> Any:
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        # Workers forked from this process share its Scanner, pipelines built (`WorkerPool._start`), instead
        # of each spending seconds building its own. Only while no other thread runs: a thread holding a
        # lock at the fork would leave that lock held for ever in the child (and not on macOS, whose system
        # libraries do not survive a fork).
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["dpcheck.workers"])
        return context
    return multiprocessing.get_context("spawn")


def _serve(
    conn: Connection, options: dict[str, Any], memory: int | None, parent: int | None, others: list[Connection]
) -> None:
    """A worker's life: scan each path the parent sends, one at a time, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker would inherit the parent's own SIGTERM handler: being ended is all it means here.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for other in others:
        other.close()
    _die_with(parent)
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        with address_space(memory):
            data = scan_document_task(path, options)
        try:
            conn.send(data)
        except OSError:
            return


def _die_with(parent: int | None) -> None:
    """Have the kernel kill this process when its parent ends (Linux), however the parent ends;
    ``parent``: the pid it must still have (None when the parent is a fork server)."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if parent is not None and os.getppid() != parent:  # the parent ended before the call above
        os._exit(1)


@contextmanager
def address_space(memory: int | None) -> Iterator[None]:
    """While the block runs, the process's address space may grow by ``memory`` bytes (plus
    :data:`HEADROOM`) and no more; None: no limit. Only for a process of dpcheck's own."""
    size = _address_space_now()
    if memory is None or size is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = size + memory + HEADROOM
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space_now() -> int | None:
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return None
