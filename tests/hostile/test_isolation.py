"""No network, no code execution, no path rewriting: dpcheck reads what it is given, and only that."""

from __future__ import annotations

import os
import re
import shutil
import socket
from pathlib import Path

import pytest

import dpcheck
from dpcheck import RulesetError, Scanner
from dpcheck.resources import rules_dir

from .conftest import CASES, PDF_CUT, docx_bytes, html_with_references, text_pdf

PACKAGE = Path(dpcheck.__file__).resolve().parent

# Calls and imports that would run code from data, or reach the network.
FORBIDDEN = [
    re.compile(r"(?<![\w.])(eval|exec|compile|__import__)\("),
    re.compile(r"\bos\.(system|popen|exec\w*|spawn\w*)\("),
    re.compile(r"\byaml\.(load|load_all|unsafe_load|unsafe_load_all|full_load)\("),
    re.compile(r"\byaml\.(Unsafe|Full)?Loader\b"),
    # urllib.parse only handles strings (SARIF URIs); the rest of urllib fetches.
    re.compile(
        r"^\s*(import|from)\s+(subprocess|pickle|marshal|shelve|socket|urllib(?!\.parse\b)|urllib3|requests|"
        r"httpx|http|ftplib)\b",
        re.MULTILINE,
    ),
]


@pytest.fixture
def no_network(monkeypatch):
    """Every way to open a connection or resolve a name raises, and is recorded."""
    attempts: list[str] = []

    def refuse(what):
        def blocked(*args, **kwargs):
            attempts.append(f"{what}{args[:2]}")
            raise OSError(f"network access attempted: {what}")

        return blocked

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_isolation_no_network_in_any_format(no_network, scanner: Scanner, tmp_path: Path) -> None:
    """Every format and every hostile case scans with the network blocked, and none tries it;
    HTML's external stylesheets, scripts, images and frames are never fetched."""
    inputs = [(c.filename, c.make()) for c in CASES if c.expect != PDF_CUT and "bomb" not in c.id]
    inputs += [
        ("policy.pdf", text_pdf()),
        ("policy.docx", docx_bytes()),
        ("refs.html", html_with_references()),
        ("policy.md", b"# Privacy\n\n![logo](http://tracker.invalid/logo.png) [list](http://x.invalid)\n"),
    ]
    for filename, data in inputs:
        (tmp_path / filename).write_bytes(data)
    report = scanner.scan(tmp_path)
    assert len(report.documents) == len(inputs)
    assert no_network == []
    refs = next(d for d in report.documents if d.path.endswith("refs.html"))
    assert refs.status == "ok"


def test_isolation_blocking_works(no_network) -> None:
    """The control: the blocked socket does refuse a connection."""
    with pytest.raises(OSError, match="network access attempted"):
        socket.create_connection(("localhost", 9))
    assert no_network


@pytest.mark.parametrize("where", ["lexicon/evil.yml", "flags/EVIL_RULE.yml"])
def test_isolation_yaml_python_tag_rejected(where: str, tmp_path: Path) -> None:
    """A rule or lexicon file with a !!python tag is an invalid ruleset; its code never runs."""
    rules = tmp_path / "rules"
    shutil.copytree(rules_dir(), rules)
    marker = tmp_path / "executed"
    (rules / where).write_text(f'id: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    with pytest.raises(RulesetError) as err:
        Scanner(rules=rules)
    assert "python/object/apply:os.system" in str(err.value) and Path(where).name in str(err.value)
    assert not marker.exists()


def test_isolation_no_eval_no_unsafe_loading() -> None:
    """No eval/exec/compile, no unsafe YAML loader, no pickle, no subprocess, no network module in dpcheck."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for pattern in FORBIDDEN:
            found += [f"{path.relative_to(PACKAGE)}: {m.group(0).strip()}" for m in pattern.finditer(text)]
    assert found == []
    assert FORBIDDEN[0].search("x = eval(data)") and FORBIDDEN[4].search("import pickle")
    assert FORBIDDEN[4].search("from urllib.request import urlopen") and not FORBIDDEN[4].search(
        "from urllib.parse import quote"
    )


def test_isolation_paths_reported_as_given(scanner: Scanner, tmp_path: Path, monkeypatch) -> None:
    """Relative paths stay relative, symlinks are not resolved, folders give paths under the folder as given."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "policy.md").write_text("# Privacy\n\nWe store all data in Germany.\n", encoding="utf-8")
    os.symlink("docs/policy.md", tmp_path / "link.md")
    report = scanner.scan(["docs/policy.md", "link.md", "docs", "docs/../docs/policy.md"])
    assert [d.path for d in report.documents] == [
        "docs/policy.md",
        "link.md",
        os.path.join("docs", "policy.md"),
        "docs/../docs/policy.md",
    ]
    assert all(d.status == "ok" for d in report.documents)
    assert scanner.scan_path("link.md").path == "link.md"


def test_isolation_impossible_path_is_an_error(scanner: Scanner) -> None:
    """A path no file can have (a NUL byte) is reported NOT_FOUND, not an internal error."""
    doc = scanner.scan_path("bad\x00name.pdf")
    assert doc.error is not None and doc.error.code == "E100-not-found"
