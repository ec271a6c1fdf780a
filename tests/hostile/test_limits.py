"""Limits: each one configurable, enforced, and hit as an error with its own code."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from dpcheck import Scanner
from dpcheck.cli import main
from dpcheck.errors import ErrorCode, IngestError, LimitError
from dpcheck.ingest import load
from dpcheck.limits import Limits, checkpoint, enforce, resident_memory

from .conftest import POLICY_EN, docx_bytes, text_pdf

LONG_TEXT = "\n\n".join(f"Section {i}. {POLICY_EN}" for i in range(400))


def test_limits_defaults_and_validation() -> None:
    """Defaults are finite; zero or negative limits are refused; None switches time and memory off."""
    limits = Limits()
    assert limits.max_bytes == 50 * 2**20 and limits.max_pages == 2000 and limits.timeout == 120.0
    for field in ("max_bytes", "max_pages", "max_chars", "max_inflated", "timeout", "max_memory"):
        with pytest.raises(ValueError, match=field):
            Limits(**{field: 0})
    assert Limits(timeout=None, max_memory=None).timeout is None


def test_limits_scanner_shorthands_override(scanner: Scanner) -> None:
    """Scanner(max_bytes=, max_pages=) still work and override those two limits; with_limits
    shares the loaded pipelines."""
    custom = Scanner(limits=Limits(max_chars=1000), max_pages=3)
    assert custom.limits == Limits(max_chars=1000, max_pages=3)
    assert scanner.limits == Limits()
    other = scanner.with_limits(Limits(timeout=5))
    assert other.limits.timeout == 5 and scanner.limits.timeout == 120
    assert other.pipeline("en") is scanner.pipeline("en")


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (lambda: LONG_TEXT.encode(), "long.txt"),
        (lambda: ("# Policy\n\n" + LONG_TEXT).encode(), "long.md"),
        (lambda: f"<html><body><p>{LONG_TEXT}</p></body></html>".encode(), "long.html"),
        (lambda: text_pdf(pages=8), "long.pdf"),
        (lambda: docx_bytes(*LONG_TEXT.split("\n\n")), "long.docx"),
    ],
)
def test_limits_max_chars_every_format(make, name: str) -> None:
    """More extracted characters than max_chars is TOO_MUCH_TEXT in every format."""
    with pytest.raises(LimitError) as err:
        load(make(), name=name, limits=Limits(max_chars=2000))
    assert err.value.code == ErrorCode.TOO_MUCH_TEXT and name in err.value.message


def test_limits_max_chars_in_scan(scanner: Scanner) -> None:
    """A Scanner's max_chars gives an error report, never a report of the first part."""
    doc = scanner.with_limits(Limits(max_chars=2000)).scan_text(LONG_TEXT)
    assert doc.status == "error" and doc.error.code == "E107-too-much-text" and doc.rating == "red"
    assert scanner.with_limits(Limits(max_chars=2000)).scan_text(LONG_TEXT[:1900]).status == "ok"


def test_limits_timeout_cooperative_in_a_thread(scanner: Scanner) -> None:
    """Outside the main thread no signal can be used: the checkpoints in the extraction loop
    end the scan at the deadline, and the next document in the same thread is scanned."""
    slow = scanner.with_limits(Limits(timeout=0.05))
    text = "\n\n".join([LONG_TEXT] * 5)
    with ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        doc = pool.submit(slow.scan_text, text).result()
        elapsed = time.monotonic() - started
        after = pool.submit(scanner.scan_text, POLICY_EN).result()
    assert doc.status == "error" and doc.error.code == "E108-timeout", doc.error
    assert elapsed < 10
    assert after.status == "ok"


def test_limits_timeout_signal_interrupts_code_without_checkpoints() -> None:
    """In the main thread a timer signal stops work that never reaches a checkpoint."""
    assert threading.current_thread() is threading.main_thread()
    started = time.monotonic()
    with pytest.raises(LimitError) as err, enforce(Limits(timeout=0.1)):
        while True:
            pass
    assert err.value.code == ErrorCode.TIMEOUT
    assert time.monotonic() - started < 5


def test_limits_timer_and_handler_restored() -> None:
    """After a document, the caller's SIGALRM handler and running timer are back in place."""
    fired = []

    def handler(signum, frame):
        fired.append(signum)

    previous = signal.signal(signal.SIGALRM, handler)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        with enforce(Limits(timeout=30)):
            checkpoint()
        assert signal.getsignal(signal.SIGALRM) is handler
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 0.5
        time.sleep(0.7)
        assert fired == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_limits_timeout_not_swallowed_by_fallbacks() -> None:
    """A deadline hit inside code that catches Exception (a parser's fallback) still ends the document."""
    with pytest.raises(LimitError) as err, enforce(Limits(timeout=0.05)):
        for _ in range(100):
            try:
                time.sleep(0.01)
                checkpoint()
            except Exception:  # noqa: BLE001 - what a lenient parser does
                continue
    assert err.value.code == ErrorCode.TIMEOUT


@pytest.mark.skipif(resident_memory() is None, reason="resident memory is read from /proc (Linux)")
def test_limits_memory_growth() -> None:
    """A document that makes the process grow past max_memory is MEMORY, not a crash."""
    data = ("Word and more words. " * 1_000_000).encode()  # 21 MB of text, decoded to 21 MB more
    with pytest.raises(LimitError) as err:
        load(data, name="big.txt", limits=Limits(max_memory=8 * 2**20, max_chars=10**9, max_bytes=10**9))
    assert err.value.code == ErrorCode.MEMORY


def test_limits_errors_are_ingest_errors() -> None:
    """LimitError is an IngestError: callers that handle unreadable documents handle limits too."""
    assert issubclass(LimitError, IngestError)


def test_limits_cli_options(tmp_path) -> None:
    """dpcheck scan --max-size/--max-pages/--max-chars/--timeout/--max-memory reach the scan."""
    (tmp_path / "big.txt").write_text(LONG_TEXT, encoding="utf-8")
    (tmp_path / "pages.pdf").write_bytes(text_pdf(pages=3))
    (tmp_path / "long.txt").write_text(POLICY_EN * 5, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(
        main, ["scan", str(tmp_path), "--format", "json", "--max-size", "20k", "--max-pages", "2", "--max-chars", "500"]
    )
    codes = {Path(d["path"]).name: d["error"]["code"] for d in json.loads(result.output)["documents"]}
    assert codes == {"big.txt": "E103-too-large", "pages.pdf": "E106-too-many-pages", "long.txt": "E107-too-much-text"}
    result = runner.invoke(main, ["scan", str(tmp_path / "long.txt"), "--timeout", "0", "--max-memory", "0"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["scan", str(tmp_path / "a.txt"), "--max-size", "lots"])
    assert result.exit_code == 2 and "not a size" in result.output


_WORKER: dict[str, Scanner] = {}


def _scan_in_worker(path: str, timeout: float) -> tuple[str, str | None]:
    doc = _WORKER["scanner"].with_limits(Limits(timeout=timeout)).scan_path(path)
    return doc.status, doc.error.code if doc.error else None


@pytest.mark.skipif(sys.platform != "linux", reason="forks the test process to share its loaded scanner")
def test_limits_timeout_in_batch_worker_process(scanner: Scanner, tmp_path: Path) -> None:
    """In a process-pool worker (how batch scans run), Scanner.scan_path enforces the timeout
    and the worker goes on to the next document."""
    slow, quick = tmp_path / "slow.txt", tmp_path / "quick.txt"
    slow.write_text("\n\n".join([LONG_TEXT] * 5), encoding="utf-8")
    quick.write_text(POLICY_EN, encoding="utf-8")
    _WORKER["scanner"] = scanner
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        results = list(pool.map(_scan_in_worker, [str(slow), str(quick)], [0.05, 60]))
    assert results == [("error", "E108-timeout"), ("ok", None)]


@pytest.mark.skipif(resident_memory() is None or not hasattr(os, "fork"), reason="reads /proc in a forked child")
def test_resident_memory_read_by_a_forked_child_is_its_own() -> None:
    """The file kept open to read the resident memory belongs to the process that opened it: a child forked after the
    parent read it reads its own memory (a batch worker's limit), not its parent's."""
    before = resident_memory() or 0
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        grown = bytearray(256 * 2**20)
        grown[::4096] = b"\x01" * len(range(0, len(grown), 4096))  # touched, so that the pages are resident
        os.write(write, str(resident_memory()).encode())
        os._exit(0)
    os.close(write)
    child = int(os.read(read, 64))
    os.close(read)
    os.waitpid(pid, 0)
    # Wide margins: the kernel's counts lag, and a loaded machine may take back pages of either process.
    assert child - before > 128 * 2**20
    assert (resident_memory() or 0) - before < 64 * 2**20
