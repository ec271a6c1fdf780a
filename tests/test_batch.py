"""Folder scans: special files and symlink loops never hang a batch, and nothing is lost silently."""

from __future__ import annotations

import os
import sys

import pytest
from click.testing import CliRunner

import dpcheck
from dpcheck.cli import main

POLICY = "# Privacy Policy\n\nWe store all data in Germany and never transfer it outside the EEA.\n"


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symlinks as on POSIX")
def test_batch_fifo_symlink_loop_and_broken_link(tmp_path):
    """A FIFO is reported unreadable (not opened), a symlink loop is not followed, a broken link is an error."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "policy.md").write_text(POLICY, encoding="utf-8")
    (tmp_path / "a" / "up").symlink_to("..")
    (tmp_path / "gone.md").symlink_to(tmp_path / "missing.md")
    os.mkfifo(tmp_path / "pipe.md")
    report = dpcheck.scan(tmp_path)
    by_name = {os.path.basename(d.path): d for d in report.documents}
    assert by_name["policy.md"].status == "ok"
    assert by_name["pipe.md"].status == "error" and by_name["pipe.md"].error.code == "E101-unreadable"
    assert by_name["gone.md"].status == "error" and by_name["gone.md"].rating != "green"
    assert sum(1 for d in report.documents if d.path.endswith("policy.md")) == 1
    assert CliRunner().invoke(main, ["scan", str(tmp_path)]).exit_code == 2
