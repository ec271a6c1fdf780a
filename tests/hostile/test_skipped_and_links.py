"""Classes 7 and 10: no file is skipped by its name, every file skipped is counted and said, and
symbolic links out of the folder scanned are not followed unless asked."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dpcheck import Scanner
from dpcheck.report import render
from dpcheck.walk import Walk

from .conftest import POLICY_EN, text_pdf

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symlinks as on POSIX")

HR_NOTE = "Salary review 2026: Jane Example earns 91,000 EUR. We transfer personal data of employees to India."


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dpcheck", "scan", *args, "--no-cache"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_skipped_no_file_is_skipped_by_its_name(scanner: Scanner, tmp_path: Path) -> None:
    """A DPA named like a licence, and README/CHANGELOG files, are scanned like any document."""
    (tmp_path / "Licence_and_Data_Processing_Agreement.pdf").write_bytes(text_pdf(pages=1))
    (tmp_path / "README.md").write_text(f"# Privacy\n\n{POLICY_EN}\n", encoding="utf-8")
    report = scanner.scan(tmp_path)
    assert sorted(Path(d.path).name for d in report.documents) == [
        "Licence_and_Data_Processing_Agreement.pdf",
        "README.md",
    ]
    assert all(d.status == "ok" for d in report.documents) and report.skipped == ()


def test_skipped_files_are_counted_in_every_format(scanner: Scanner, tmp_path: Path) -> None:
    """Hidden files, other suffixes and excluded files are listed with their reason: JSON lists and counts
    them, text, Markdown and HTML say how many and which."""
    (tmp_path / "policy.md").write_text(f"# Privacy\n\n{POLICY_EN}\n", encoding="utf-8")
    (tmp_path / "gold.json").write_text("[]", encoding="utf-8")
    (tmp_path / ".draft.md").write_text(POLICY_EN, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x", encoding="utf-8")
    walk = Walk([tmp_path], exclude=["policy.md"])
    assert list(walk) == []
    report = scanner.report([], walk.skipped)
    data = json.loads(render(report, "json"))
    assert data["summary"]["skipped"] == 4
    assert data["summary"]["skipped_by_reason"] == {"excluded": 1, "hidden": 2, "not-a-document-type": 1}
    assert {Path(s["path"]).name for s in data["skipped"]} == {"policy.md", "gold.json", ".draft.md", ".git"}
    for fmt in ("text", "markdown", "html"):
        out = render(report, fmt)
        assert "4 file(s) skipped" in out and "gold.json" in out and ".draft.md" in out, fmt
    assert list(csv.DictReader(io.StringIO(render(report, "csv")))) == []


def test_skipped_zero_documents_never_exits_0(tmp_path: Path) -> None:
    """A folder whose files are all skipped exits 2 and says why on stderr, not only with -v; -v names each."""
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".hidden.md").write_text(POLICY_EN, encoding="utf-8")
    result = _cli(str(tmp_path), "--format", "json")
    assert result.returncode == 2, result.stderr
    assert "no document scanned: 2 file(s) skipped" in result.stderr
    assert json.loads(result.stdout)["summary"]["skipped"] == 2
    verbose = _cli(str(tmp_path), "-v")
    assert "skipped" in verbose.stderr and "notes.json" in verbose.stderr and ".hidden.md" in verbose.stderr
    (tmp_path / "empty").mkdir()
    assert _cli(str(tmp_path / "empty")).returncode == 2


def _outside_link(tmp_path: Path) -> tuple[Path, Path]:
    folder, elsewhere = tmp_path / "vendor", tmp_path / "hr"
    folder.mkdir()
    elsewhere.mkdir()
    (elsewhere / "salaries.md").write_text(f"# Staff\n\n{HR_NOTE}\n", encoding="utf-8")
    (elsewhere / "more").mkdir()
    (elsewhere / "more" / "reviews.md").write_text(f"# Reviews\n\n{HR_NOTE}\n", encoding="utf-8")
    (folder / "policy.md").write_text(f"# Privacy\n\n{POLICY_EN}\n", encoding="utf-8")
    (folder / "inside.md").symlink_to(folder / "policy.md")
    (folder / "dpa.md").symlink_to(elsewhere / "salaries.md")
    (folder / "archive").symlink_to(elsewhere / "more")
    return folder, elsewhere


def test_links_out_of_the_folder_are_not_followed(scanner: Scanner, tmp_path: Path) -> None:
    """A link to a file or folder outside is skipped, said, and never quoted; a link inside is scanned."""
    folder, _ = _outside_link(tmp_path)
    report = scanner.scan(folder)
    assert sorted(Path(d.path).name for d in report.documents) == ["inside.md", "policy.md"]
    assert {(Path(s.path).name, s.reason) for s in report.skipped} == {
        ("dpa.md", "symlink-outside"),
        ("archive", "symlink-outside"),
    }
    for fmt in ("text", "markdown", "html", "json", "csv"):
        out = render(report, fmt)
        assert "Jane Example" not in out and "91,000" not in out, fmt
        if fmt in ("text", "markdown", "html"):
            assert "outside the folder scanned" in out and "--follow-symlinks" in out, fmt


def test_links_out_of_the_folder_with_follow_symlinks(scanner: Scanner, tmp_path: Path) -> None:
    """--follow-symlinks (follow_symlinks=True) follows them; a link back into the folder still is not."""
    folder, _ = _outside_link(tmp_path)
    (folder / "loop").symlink_to(folder)
    report = scanner.scan(folder, follow_symlinks=True)
    assert sorted(Path(d.path).name for d in report.documents) == ["dpa.md", "inside.md", "policy.md", "reviews.md"]
    assert [(Path(s.path).name, s.reason) for s in report.skipped] == [("loop", "symlink-folder")]


def test_links_cli_says_each_one_skipped(tmp_path: Path) -> None:
    """The command line warns on stderr for each link not followed, and follows them with --follow-symlinks."""
    folder, _ = _outside_link(tmp_path)
    result = _cli(str(folder), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("outside the folder scanned") == 2
    assert "Jane Example" not in result.stdout
    followed = _cli(str(folder), "--format", "json", "--follow-symlinks")
    assert len(json.loads(followed.stdout)["documents"]) == 4
