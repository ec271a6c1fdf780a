"""Real servers for the HTTP tests: ``dpcheck serve`` started on a free loopback port, talked to
with httpx, stopped after the module."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

TOKEN = "test-token-5f0c2a9e"


@dataclass(frozen=True)
class Server:
    url: str
    tmp: Path
    """The server's TMPDIR: where its private upload folders are made."""
    log: Path
    token: str | None = None

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(folder: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[Server]:
    port = free_port()
    tmp = folder / "tmp"
    tmp.mkdir()
    log = folder / "server.log"
    environment = {k: v for k, v in os.environ.items() if k != "DPCHECK_TOKEN"}
    environment.update({"TMPDIR": str(tmp), **(env or {})})
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "dpcheck", "serve", "--port", str(port), "--log-level", "warning", *args],
            env=environment,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    try:
        while True:
            assert process.poll() is None, log.read_text()
            try:
                if httpx.get(f"{url}/healthz", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not start in 180 s:\n" + log.read_text()
            time.sleep(0.3)
        yield Server(url, tmp, log, (env or {}).get("DPCHECK_TOKEN"))
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Default limits, two worker processes, no token."""
    yield from start_server(tmp_path_factory.mktemp("server"), "--workers", "2")


@pytest.fixture(scope="session")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A token, 2 MiB uploads and half a second per document."""
    yield from start_server(
        tmp_path_factory.mktemp("guarded"), "--max-size", "2M", "--timeout", "0.5", env={"DPCHECK_TOKEN": TOKEN}
    )
