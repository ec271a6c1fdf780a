"""The web page at / in headless Chromium, driven as a person would use it: open the page, choose
a file in the form, click the button, and read the HTML report that comes back.

Chromium is driven over the DevTools protocol (a websocket), so the real form is submitted by
the real browser with a real file.
"""

from __future__ import annotations

import base64
import io
import itertools
import json
import shutil
import subprocess
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on this machine (.ci/run installs Debian's chromium)"
)
US_SCC = (
    "# Data Processing Agreement\n\nWe transfer personal data to the United States under the Standard "
    "Contractual Clauses.\n"
)


class Browser:
    """One page of a headless Chromium, with the protocol's events kept as they arrive."""

    def __init__(self, profile: Path) -> None:
        from websockets.sync.client import connect

        assert CHROMIUM is not None
        self.process = subprocess.Popen(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-sync",
                "--disable-background-networking",
                "--disable-component-update",
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
                f"--user-data-dir={profile}",
                "--window-size=1200,1600",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().strip()):
            assert time.monotonic() < deadline and self.process.poll() is None, "chromium did not start"
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        targets = httpx.get(f"http://127.0.0.1:{port}/json/list", timeout=10).json()
        page = next(t for t in targets if t["type"] == "page")
        self._closing = ExitStack()
        self.socket = self._closing.enter_context(connect(page["webSocketDebuggerUrl"], max_size=None, open_timeout=30))
        self.events: list[dict[str, Any]] = []
        self._ids = itertools.count(1)
        for domain in ("Page", "Runtime", "Log", "DOM"):
            self.call(f"{domain}.enable")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self._ids)
        self.socket.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv(timeout=120))
            if message.get("id") == number:
                assert "error" not in message, message
                result: dict[str, Any] = message["result"]
                return result
            self.events.append(message)

    def wait_for(self, event: str, after: int) -> None:
        """Until ``event`` arrives (counting only events after the first ``after``)."""
        deadline = time.monotonic() + 120
        while not any(e.get("method") == event for e in self.events[after:]):
            assert time.monotonic() < deadline, f"no {event} in 120 s"
            self.events.append(json.loads(self.socket.recv(timeout=120)))

    def node(self, selector: str) -> int:
        root = self.call("DOM.getDocument")["root"]["nodeId"]
        found: int = self.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        assert found, f"nothing matches {selector}"
        return found

    def click(self, selector: str) -> None:
        quad = self.call("DOM.getBoxModel", nodeId=self.node(selector))["model"]["content"]
        x, y = sum(quad[0::2]) / 4, sum(quad[1::2]) / 4
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def close(self) -> None:
        self._closing.close()
        self.process.terminate()
        self.process.wait(timeout=30)


def _non_white_share(png: bytes) -> float:
    from PIL import Image  # comes with fpdf2 (the test group)

    with Image.open(io.BytesIO(png)) as image:
        histogram = image.convert("L").histogram()
    return sum(histogram[:245]) / sum(histogram)


def test_page_upload_in_chromium_shows_the_html_report(server, tmp_path):
    """Open /, choose a DPA in the file field, click Check: Chromium shows the HTML report (the
    screenshot is not blank), and logs no console message on either page (no script, nothing
    blocked by the Content-Security-Policy)."""
    document = tmp_path / "acme-dpa.md"
    document.write_text(US_SCC, encoding="utf-8")
    browser = Browser(tmp_path / "profile")
    try:
        seen = len(browser.events)
        browser.call("Page.navigate", url=f"{server.url}/")
        browser.wait_for("Page.loadEventFired", seen)
        assert browser.call("Runtime.evaluate", expression="document.title")["result"]["value"] == "dpcheck"
        browser.call("DOM.setFileInputFiles", files=[str(document)], nodeId=browser.node("input[type=file]"))
        seen = len(browser.events)
        browser.click("button[type=submit]")
        browser.wait_for("Page.loadEventFired", seen)
        text = browser.call("Runtime.evaluate", expression="document.body.innerText")["result"]["value"]
        url = browser.call("Runtime.evaluate", expression="location.href")["result"]["value"]
        shot = base64.b64decode(browser.call("Page.captureScreenshot", format="png")["data"])
    finally:
        browser.close()
    assert url == f"{server.url}/"
    assert "acme-dpa.md" in text and "United States" in text
    assert _non_white_share(shot) > 0.02
    console = [
        e["params"]
        for e in browser.events
        if e.get("method") in ("Runtime.consoleAPICalled", "Runtime.exceptionThrown", "Log.entryAdded")
    ]
    assert console == []
