"""Load figure of the HTTP service: requests per second and latency for one typical DPA.

    python benchmarks/serve.py                        # 2 workers, 4 clients, 5 runs of 40 requests
    python benchmarks/serve.py --document corpora/harbourline-dpa-en-2019.pdf --out SERVE.md

Starts ``dpcheck serve --workers N`` on a free loopback port, warms it up, then runs the same load
several times: ``clients`` threads post the document to ``/v1/scan`` back to back until the run's
requests are done. Each run gives requests per second (wall clock) and p50 / p95 latency; the
table shows every run and the median with the spread, beside the machine's load average, since
other programs on a shared machine move these figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Run:
    requests: int
    seconds: float
    latencies: list[float]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--document", type=Path, default=ROOT / "corpora" / "cirrusvault-dpa-en-2025.md")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=4, help="requests in flight at once")
    parser.add_argument("--requests", type=int, default=40, help="requests per run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, help="also write the Markdown table here")
    args = parser.parse_args()
    data = args.document.read_bytes()
    with _Server(args.workers) as url, httpx.Client(base_url=url, timeout=300) as client:
        for _ in range(2 * args.workers):
            _post(client, args.document.name, data)
        runs = []
        for number in range(args.runs):
            runs.append(_run(url, args.document.name, data, args.clients, args.requests))
            print(
                f"run {number + 1}: {runs[-1].rate:.2f} req/s, p95 {runs[-1].percentile(0.95) * 1000:.0f} ms",
                file=sys.stderr,
            )
    table = _table(runs, args, len(data))
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")


def _post(client: httpx.Client, name: str, data: bytes) -> None:
    response = client.post("/v1/scan", files={"file": (name, data)})
    response.raise_for_status()


def _run(url: str, name: str, data: bytes, clients: int, requests: int) -> Run:
    remaining = iter(range(requests))
    lock = threading.Lock()
    latencies: list[float] = []

    def client_loop() -> None:
        with httpx.Client(base_url=url, timeout=300) as client:
            while True:
                with lock:
                    if next(remaining, None) is None:
                        return
                started = time.perf_counter()
                _post(client, name, data)
                with lock:
                    latencies.append(time.perf_counter() - started)

    threads = [threading.Thread(target=client_loop) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Run(len(latencies), time.perf_counter() - started, latencies)


class _Server:
    def __init__(self, workers: int) -> None:
        self.workers = workers

    def __enter__(self) -> str:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.tmp = tempfile.TemporaryDirectory(prefix="dpcheck-bench-serve-")
        env = {k: v for k, v in os.environ.items() if k != "DPCHECK_TOKEN"}
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "dpcheck",
                "serve",
                "--port",
                str(port),
                "--workers",
                str(self.workers),
                "--log-level",
                "warning",
            ],
            env={**env, "TMPDIR": self.tmp.name},
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 300
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=5).status_code == 200:
                    return url
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.3)

    def __exit__(self, *exc: object) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)
        self.tmp.cleanup()


def _table(runs: list[Run], args: argparse.Namespace, size: int) -> str:
    rates = [r.rate for r in runs]
    p50 = [r.percentile(0.5) * 1000 for r in runs]
    p95 = [r.percentile(0.95) * 1000 for r in runs]
    load = os.getloadavg()
    lines = [
        f"`python benchmarks/serve.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: {os.cpu_count()} CPUs, "
        f"{platform.system()} {platform.machine()}, Python {platform.python_version()}; load average after the "
        f"runs {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1 / 5 / 15 min).",
        "",
        f"Document: `{args.document.name}` ({size:,} bytes); `dpcheck serve --workers {args.workers}`; "
        f"{args.clients} clients in flight; {args.requests} requests per run after a warm-up.",
        "",
        "| run | requests/s | p50 latency | p95 latency |",
        "|---|---|---|---|",
    ]
    lines += [f"| {i + 1} | {r:.2f} | {a:.0f} ms | {b:.0f} ms |" for i, (r, a, b) in enumerate(zip(rates, p50, p95))]
    lines.append(
        f"| **median (min–max)** | **{statistics.median(rates):.2f}** ({min(rates):.2f}–{max(rates):.2f}) | "
        f"{statistics.median(p50):.0f} ms ({min(p50):.0f}–{max(p50):.0f}) | "
        f"**{statistics.median(p95):.0f} ms** ({min(p95):.0f}–{max(p95):.0f}) |"
    )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
