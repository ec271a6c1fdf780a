"""Hostile folders: loops, unreadable and special files, thousands of empty files; and the
command line over a folder of every hostile input, which must end without a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dpcheck import Scanner

from .conftest import CASES, OK, PARTIAL, PDF_CUT, POLICY_EN

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, symlinks and modes as on POSIX")


def test_folders_loops_and_special_files(scanner: Scanner, tmp_path: Path) -> None:
    """A directory symlink loop is not followed, a self-referencing file link and a FIFO are
    UNREADABLE (the FIFO is never opened, so nothing blocks), and the good file is read once."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "policy.md").write_text(f"# Privacy\n\n{POLICY_EN}\n", encoding="utf-8")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    (tmp_path / "self.md").symlink_to(tmp_path / "self.md")
    os.mkfifo(tmp_path / "pipe.html")
    started = time.monotonic()
    report = scanner.scan(tmp_path)
    assert time.monotonic() - started < 30
    by_name = {Path(d.path).name: d for d in report.documents}
    assert sorted(by_name) == ["pipe.html", "policy.md", "self.md"]
    assert by_name["policy.md"].status == "ok"
    for name in ("pipe.html", "self.md"):
        assert by_name[name].error is not None and by_name[name].error.code == "E101-unreadable"


@pytest.mark.skipif(
    os.geteuid() == 0,
    reason="root reads files whatever their mode (CI runs as root); "
    "E101 for unreadable files is covered by the FIFO and the self-referencing link",
)
def test_folders_chmod_000_file_unreadable(scanner: Scanner, tmp_path: Path) -> None:
    """A file the process may not read is UNREADABLE, and the rest of the folder is scanned."""
    locked = tmp_path / "locked.md"
    locked.write_text(POLICY_EN, encoding="utf-8")
    (tmp_path / "open.md").write_text(POLICY_EN, encoding="utf-8")
    locked.chmod(0)
    try:
        report = scanner.scan(tmp_path)
    finally:
        locked.chmod(0o644)
    by_name = {Path(d.path).name: d for d in report.documents}
    assert by_name["locked.md"].error.code == "E101-unreadable" and by_name["open.md"].status == "ok"


@pytest.mark.slow
def test_folders_ten_thousand_empty_files(scanner: Scanner, tmp_path: Path) -> None:
    """10,000 empty files are each reported EMPTY, in reasonable time."""
    for i in range(10_000):
        (tmp_path / f"empty-{i:05d}.txt").touch()
    started = time.monotonic()
    report = scanner.scan(tmp_path)
    elapsed = time.monotonic() - started
    assert len(report.documents) == 10_000
    assert {d.error.code for d in report.documents if d.error} == {"E102-empty"}
    assert all(d.rating == "red" for d in report.documents)
    assert elapsed < 60, f"{elapsed:.1f} s"


@pytest.mark.slow
def test_folders_cli_scan_of_every_hostile_input(tmp_path: Path) -> None:
    """`dpcheck scan` over a folder of every hostile input exits with a code of its own (not
    an exception's), prints no traceback, and reports every file as expected."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    for case in CASES:
        case.write(folder)
    with (folder / "huge.html").open("wb") as fh:
        fh.truncate(200 * 2**20)
    (folder / "self.md").symlink_to(folder / "self.md")
    (folder / "sub").mkdir()
    (folder / "sub" / "loop").symlink_to(folder)
    os.mkfifo(folder / "pipe.md")
    for i in range(50):
        (folder / "sub" / f"empty-{i}.txt").touch()
    result = subprocess.run(
        [sys.executable, "-m", "dpcheck", "scan", str(folder), "--format", "json", "--no-graph"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 2, result.stderr[-3000:]  # some documents are unreadable
    documents = {Path(d["path"]).name: d for d in json.loads(result.stdout)["documents"]}
    expected = {c.filename for c in CASES} | {"huge.html", "self.md", "pipe.md"} | {f"empty-{i}.txt" for i in range(50)}
    assert set(documents) == expected
    for case in CASES:
        doc = documents[case.filename]
        if case.expect == OK:
            assert doc["status"] == "ok" and not doc["partial"], case.id
        elif case.expect == PARTIAL:
            assert doc["partial"] and doc["rating"] != "green", case.id
        elif case.expect == PDF_CUT:
            assert doc.get("error", {}).get("code") == "E111-pdf-corrupt" or doc["partial"], case.id
        else:
            assert doc["error"]["code"] == case.expect, case.id
    for name, doc in documents.items():
        assert doc["status"] in ("ok", "error"), name
        if doc["status"] == "error":
            assert doc["rating"] == "red" and doc["error"]["code"].startswith("E1"), name
    assert documents["huge.html"]["error"]["code"] == "E103-too-large"
    assert documents["pipe.md"]["error"]["code"] == "E101-unreadable"
