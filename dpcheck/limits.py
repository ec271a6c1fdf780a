"""What reading one document may cost: bytes, pages, characters, inflated bytes, time, memory.

    scanner = Scanner(limits=Limits(max_pages=500, timeout=30))

A document that would go past a limit ends as an error with the limit's own code
(:class:`~dpcheck.errors.ErrorCode` E103, E106-E109, E113, E121); it is never cut short and
reported as if it were complete.

Size, pages, characters and inflated bytes are counted where they arise. Time and memory
are watched by :func:`enforce`, which opens an account for one document:

- a cooperative deadline and memory check, :func:`checkpoint`, called in every loop of
  ingest and extraction over pages, elements, blocks and sentences; it holds in any thread
  and any process, such as batch workers;
- in a process's main thread, also ``signal.setitimer``, because a checkpoint cannot run
  while one long call runs (a parser looping inside Python code it never returns from).
  Neither can stop a single call into C (pdfium, lxml, zlib) before it returns: bounding
  those is what the byte, page, character and inflation limits are for.

Memory is bounded first by budgets on what a document can inflate to (bytes read,
decompressed stream bytes checked before pdfium or python-docx inflate them, characters
extracted), and then by the growth of the process's resident memory while the document is
read (checked at checkpoints, on Linux). The budgets are exact and cheap but only cover what
they count; the RSS check covers the rest but only sees growth at a checkpoint, and only
the process as a whole. ``resource.setrlimit(RLIMIT_AS)`` would be a hard stop, but it holds
for the whole process, whatever else it runs, so a library must not set it; a batch runner
that owns its worker processes may.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from types import FrameType

from dpcheck.errors import ErrorCode, LimitError

MiB = 2**20
GiB = 2**30
# /proc is read at most this often: a checkpoint runs for every sentence.
_RSS_INTERVAL = 0.02
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-document limits. ``None`` switches the time or memory limit off."""

    max_bytes: int = 50 * MiB
    """File size (E103-too-large); checked before the file is read."""
    max_pages: int = 2000
    """PDF pages (E106-too-many-pages); checked before any page is read."""
    max_chars: int = 5_000_000
    """Characters of extracted text (E107-too-much-text), about 2,000 dense pages."""
    max_inflated: int = 256 * MiB
    """Bytes that a PDF's content streams or a DOCX's parts inflate to (E113, E121)."""
    timeout: float | None = 120.0
    """Seconds for one document, reading and checking (E108-timeout)."""
    max_memory: int | None = 1 * GiB
    """Growth of the process's resident memory while one document is read (E109-memory-limit)."""

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_pages", "max_chars", "max_inflated", "timeout", "max_memory"):
            value = getattr(self, name)
            if value is not None and value <= 0:
                raise ValueError(f"Limits.{name} must be positive, got {value!r}")


_DEFAULT = Limits()


class Exhausted(BaseException):  # not *Error: it is raised, not an error of the document
    """A deadline or memory limit was hit in the middle of reading.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` in a parser
    or in dpcheck's own fallbacks takes it for a bad page and carries on; :func:`enforce`
    turns it into a :class:`~dpcheck.errors.LimitError`.
    """

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class Budget:
    """The running account of one document against its :class:`Limits`."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.started = time.monotonic()
        self.deadline = self.started + limits.timeout if limits.timeout is not None else None
        self.rss_start = resident_memory() if limits.max_memory is not None else None
        self._rss_checked = 0.0
        self.closed = False

    def check(self) -> None:
        now = time.monotonic()
        if self.deadline is not None and now > self.deadline:
            raise Exhausted(ErrorCode.TIMEOUT, f"reading took longer than the limit of {self.limits.timeout:g} s")
        if (
            self.rss_start is not None
            and self.limits.max_memory is not None
            and now - self._rss_checked >= _RSS_INTERVAL
        ):
            self._rss_checked = now
            rss = resident_memory()
            if rss is not None and rss - self.rss_start > self.limits.max_memory:
                raise Exhausted(
                    ErrorCode.MEMORY,
                    f"memory grew by {(rss - self.rss_start) / MiB:,.0f} MiB, over the limit of "
                    f"{self.limits.max_memory / MiB:,.0f} MiB",
                )


_ACTIVE: ContextVar[Budget | None] = ContextVar("dpcheck_budget", default=None)


def checkpoint() -> None:
    """Raise :class:`Exhausted` if the current document is past its deadline or memory limit.

    Does nothing outside :func:`enforce`, so parsers can call it unconditionally.
    """
    budget = _ACTIVE.get()
    if budget is not None:
        budget.check()


def check_chars(count: int) -> None:
    """Raise a LimitError if ``count`` characters of text exceed the current document's limit."""
    limit = current().max_chars
    if count > limit:
        raise LimitError(ErrorCode.TOO_MUCH_TEXT, f"more than {limit:,} characters of text")


def current() -> Limits:
    """The limits of the document being read, or the defaults outside :func:`enforce`."""
    budget = _ACTIVE.get()
    return budget.limits if budget is not None else _DEFAULT


@contextmanager
def enforce(limits: Limits) -> Iterator[Budget]:
    """Account for one document: time and memory checked at checkpoints and, in the main
    thread, by a timer signal. Raises :class:`~dpcheck.errors.LimitError` on a hit.

    Nested use keeps the outer account: the deadline is the document's, not a stage's.
    """
    outer = _ACTIVE.get()
    if outer is not None:
        yield outer
        return
    budget = Budget(limits)
    token = _ACTIVE.set(budget)
    alarm = _Alarm(budget) if limits.timeout is not None and _can_signal() else None
    try:
        try:
            if alarm is not None:
                alarm.arm()
            yield budget
        finally:
            # From here on a late alarm is ignored (the handler looks at this flag).
            budget.closed = True
    except Exhausted as exc:
        raise LimitError(exc.code, exc.message) from None
    finally:
        if alarm is not None:
            alarm.disarm()
        _ACTIVE.reset(token)


def _can_signal() -> bool:
    """Whether a timer signal may be used: in the main thread, where signals are delivered,
    and unless a handler installed from C holds SIGALRM (Python could not put it back)."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) is not None
    )


class _Alarm:
    """SIGALRM after the budget's timeout, restoring whatever handler and timer were there."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.armed = False
        self.previous_handler: Callable[[int, FrameType | None], object] | int = signal.SIG_DFL
        self.previous_timer = (0.0, 0.0)

    def arm(self) -> None:
        assert self.budget.limits.timeout is not None
        previous = signal.signal(signal.SIGALRM, self._fire)
        assert previous is not None  # see _can_signal
        self.previous_handler = previous
        self.armed = True
        self.previous_timer = signal.setitimer(signal.ITIMER_REAL, self.budget.limits.timeout)

    def disarm(self) -> None:
        if not self.armed:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous_handler)
        self.armed = False
        delay, interval = self.previous_timer
        if delay > 0:
            # Someone else's timer was running: give it back what is left of it.
            left = delay - (time.monotonic() - self.budget.started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), interval)

    def _fire(self, signum: int, frame: FrameType | None) -> None:
        if not self.budget.closed:
            raise Exhausted(
                ErrorCode.TIMEOUT, f"reading took longer than the limit of {self.budget.limits.timeout:g} s"
            )


# The process that opened /proc/self/statm and the file: kept open, as opening it costs ten times reading it again
# (a checkpoint reads it every _RSS_INTERVAL). A child forked from the process has the file of its parent, whose
# memory it tells: the child opens its own.
_statm: tuple[int, int] | None = None


def resident_memory() -> int | None:
    """The process's resident set size in bytes (Linux /proc), or None where it cannot be read."""
    global _statm
    try:
        pid = os.getpid()
        statm = _statm
        if statm is None or statm[0] != pid:
            statm = _statm = pid, os.open("/proc/self/statm", os.O_RDONLY | os.O_CLOEXEC)
        resident_pages = int(os.pread(statm[1], 128, 0).split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return resident_pages * _PAGE_SIZE
