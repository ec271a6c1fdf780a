"""Class 15: a file name (or a quote) with newlines, ESC sequences or bidi controls cannot forge a
line of a human report or of the log: every control character is shown, never obeyed."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dpcheck import Scanner
from dpcheck.report import render
from dpcheck.report.safe import html_text, visible

from .conftest import POLICY_EN

FORGED = "x.md\n\nGREEN  vendor-dpa.pdf  [dpa, en]\n    Transfers: none\x1b[1A\x1b[2K\x1b[32mGREEN\x1b[0m \u202etxt.md"
HIDDEN_CATEGORIES = ("Cc", "Cf", "Zl", "Zp")


def _hidden(text: str, allowed: str = "\n") -> list[str]:
    return [c for c in text if unicodedata.category(c) in HIDDEN_CATEGORIES and c not in allowed]


@pytest.fixture
def forged(tmp_path: Path, scanner: Scanner):
    folder = tmp_path / "vendor"
    folder.mkdir()
    (folder / FORGED).write_text(
        f"# Privacy\n\nWe transfer data to \x1b[32mIndia\x1b[0m.\n\n{POLICY_EN}\n", encoding="utf-8"
    )
    (folder / "red.md").write_text(
        "# Privacy\n\nWe rely on the Privacy Shield for transfers to the US.\n", encoding="utf-8"
    )
    return folder, scanner.scan(folder)


@pytest.mark.skipif(sys.platform == "win32", reason="newlines in file names as on POSIX")
def test_spoofing_every_human_format_shows_control_characters(forged) -> None:
    """Text, Markdown, HTML and CSV carry no control character but their own line breaks, and no
    forged line starts a document of its own."""
    _, report = forged
    for fmt in ("text", "markdown", "html", "csv"):
        out = render(report, fmt)
        allowed = "\r\n" if fmt == "csv" else "\n"
        assert _hidden(out, allowed) == [], fmt
        assert "\\x1b" in out and "\\u202e" in out, fmt
        assert not any(line.startswith("GREEN") for line in out.splitlines()), fmt
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    assert len({r["path"] for r in rows}) == 2


@pytest.mark.skipif(sys.platform == "win32", reason="newlines in file names as on POSIX")
def test_spoofing_the_log_shows_control_characters(forged) -> None:
    """The command line's log lines (stderr, -v) escape a file name's control characters."""
    folder, _ = forged
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "dpcheck",
            "scan",
            str(folder),
            "-v",
            "--no-cache",
            "-o",
            str(folder.parent / "out.txt"),
            "--exclude",
            "x.md*",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert "skipped" in result.stderr and "\\x1b[32mGREEN" in result.stderr, result.stderr[-2000:]
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert not any(line.startswith("GREEN") for line in result.stderr.splitlines())


@given(st.text())
def test_spoofing_visible_leaves_nothing_hidden(text: str) -> None:
    """visible() leaves no control, format or separator character, and changes nothing else."""
    shown = visible(text)
    assert _hidden(shown, "") == []
    if not _hidden(text, ""):
        assert shown == text
    assert "<" not in html_text(text) and ">" not in html_text(text)
