"""Classes 11-14 on the command line: unique graph file names, a memory limit that holds inside a
call into C, a policy file of the wrong shape, and a batch stopped by a signal."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from dpcheck.cli import main
from dpcheck.cli.scan import GRAPH_NAME_BYTES, graph_name
from dpcheck.errors import PolicyError
from dpcheck.policy import Policy

from .conftest import POLICY_EN, _stream, raw_pdf

LINUX = sys.platform.startswith("linux")


def _cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dpcheck", *args], capture_output=True, text=True, timeout=timeout, check=False
    )


# --- 11. --graph-dir ---------------------------------------------------------------------------


def test_graph_dir_same_names_in_two_folders_and_a_long_name(tmp_path: Path) -> None:
    """a/dpa.md and b/dpa.md get graphs of their own, and a 253-character name is written (cut)."""
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "dpa.md").write_text(f"# DPA\n\n{POLICY_EN}\n", encoding="utf-8")
    long = tmp_path / ("x" * 250 + ".md")
    long.write_text(f"# Privacy\n\n{POLICY_EN}\n", encoding="utf-8")
    graphs = tmp_path / "graphs"
    result = CliRunner().invoke(
        main,
        [
            "scan",
            str(tmp_path / "a"),
            str(tmp_path / "b"),
            str(long),
            "--no-cache",
            "--graph-dir",
            str(graphs),
            "-j",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in graphs.iterdir())
    assert len(names) == 9 and all(len(n.encode()) <= 255 for n in names)
    assert "dpa.md.graph.json" in names
    manifests = [
        json.loads((graphs / n).read_text(encoding="utf-8"))
        for n in names
        if n.startswith("dpa.md") and n.endswith(".graph.json")
    ]
    assert len(manifests) == 2


@given(
    st.lists(
        st.text(min_size=1, max_size=300).filter(lambda s: "/" not in s and "\x00" not in s), min_size=1, max_size=8
    )
)
def test_graph_dir_names_are_unique_and_bounded(names: list[str]) -> None:
    """Whatever the file names, every path gets its own stem, short enough for the file system."""
    taken: dict[str, str] = {}
    paths = [f"{i}/{n}" for i, n in enumerate(names)]
    stems = [graph_name(p, taken) for p in paths]
    assert len(set(stems)) == len(set(paths))
    assert all(len(s.encode("utf-8", "surrogateescape")) <= GRAPH_NAME_BYTES + 13 for s in stems)


# --- 12. memory inside one C call --------------------------------------------------------------


def flate_in_flate_pdf(side: int = 40_000) -> bytes:
    """A 3 KB PDF: a Flate content stream holding an inline image that is Flate too and inflates to
    side² bytes (1.6 GB), which pdfium allocates in one call while it parses the page."""
    image = zlib.compress(b"\x00" * side * side, 9)
    content = (
        b"BT /F1 11 Tf 72 720 Td (" + POLICY_EN.encode() + b") Tj ET\n"
        b"q 100 0 0 100 72 500 cm BI /W %d /H %d /CS /G /BPC 8 /F /Fl ID " % (side, side) + image + b" EI Q"
    )
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            _stream(zlib.compress(content, 9), b"/Filter /FlateDecode "),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


@pytest.mark.slow
@pytest.mark.skipif(not LINUX, reason="address-space limits and /proc as on Linux")
def test_memory_limit_holds_inside_a_c_call(tmp_path: Path) -> None:
    """Beside two good files (few enough that the scan used to run in-process), the bomb is E109 under
    --max-memory 256M, the others are reported, and the run ends with its own exit code."""
    bomb = flate_in_flate_pdf()
    assert len(bomb) < 8000
    (tmp_path / "a-policy.md").write_text(f"# Privacy\n\n{POLICY_EN}\n", encoding="utf-8")
    (tmp_path / "b-bomb.pdf").write_bytes(bomb)
    (tmp_path / "c-policy.md").write_text(f"# Privacy\n\n{POLICY_EN}\n", encoding="utf-8")
    started = time.monotonic()
    result = _cli("scan", str(tmp_path), "--format", "json", "--no-cache", "--max-memory", "256M")
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 2, result.stderr[-3000:]
    documents = {Path(d["path"]).name: d for d in json.loads(result.stdout)["documents"]}
    assert documents["b-bomb.pdf"]["error"]["code"] == "E109-memory-limit"
    assert documents["a-policy.md"]["status"] == documents["c-policy.md"]["status"] == "ok"
    assert time.monotonic() - started < 240


# --- 13. policy TOML ---------------------------------------------------------------------------

BAD_POLICIES = {
    "list-for-text": '[policy]\nname = ["a", "b"]\n',
    "table-for-rule": '[policy]\nname = "p"\n[[accept]]\nrule = {id = "X"}\njustification = "j"\nexpires = 2027-01-01\n',
    "list-for-severity": '[policy]\nname = "p"\n[severity]\nSUPPLEMENTARY_MEASURES_UNADDRESSED = ["high"]\n',
    "table-for-list": '[policy]\nname = "p"\n[transfers]\nrefused_countries = {cn = true}\n',
    "deep-array": '[policy]\nname = "p"\n[transfers]\nrefused_countries = ' + "[" * 5000 + "]" * 5000 + "\n",
    "deep-table": "x = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n",
}


@pytest.mark.parametrize("text", BAD_POLICIES.values(), ids=list(BAD_POLICIES))
def test_policy_of_the_wrong_shape_is_a_clear_error(tmp_path: Path, text: str) -> None:
    """`policy check` and `scan --policy` say what is wrong and exit 2, without a traceback."""
    policy = tmp_path / "policy.toml"
    policy.write_text(text, encoding="utf-8")
    (tmp_path / "p.md").write_text(f"# Privacy\n\n{POLICY_EN}\n", encoding="utf-8")
    runner = CliRunner()
    for args in (["policy", "check", str(policy)], ["scan", str(tmp_path / "p.md"), "--policy", str(policy)]):
        result = runner.invoke(main, args)
        assert result.exit_code == 2 and "invalid policy" in result.output, (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5) | st.dates(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
_KEYS = [
    "name",
    "version",
    "owner",
    "accepted_mechanisms",
    "refused_countries",
    "allowed_destinations",
    "rule",
    "justification",
    "expires",
    "documents",
    "vendor",
    "SUPPLEMENTARY_MEASURES_UNADDRESSED",
]


@given(
    st.dictionaries(
        st.sampled_from(["policy", "transfers", "severity", "accept"]),
        _VALUES
        | st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=4)
        | st.lists(st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=4), max_size=2),
        max_size=4,
    )
)
def test_policy_validation_never_raises_anything_else(scanner, raw: dict) -> None:
    """Whatever shape the parsed TOML has, validation returns a Policy or raises PolicyError."""
    from dpcheck.models import PolicyRef
    from dpcheck.policy import _CountryNames, _Validator

    countries = _CountryNames(scanner.ruleset.country_aliases, scanner.ruleset.facts.code_aliases)
    validator = _Validator("p.toml", scanner.ruleset, countries)
    try:
        assert isinstance(validator.policy(raw, PolicyRef("p", "p.toml", "0" * 64)), Policy)
    except PolicyError:
        pass


# --- 14. signals ---------------------------------------------------------------------------------


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


def _as_from_a_terminal() -> None:
    """Ctrl-C as a terminal delivers it: a shell starts a background job (``pytest … &`` in a script) with SIGINT
    ignored, the scan inherits that, rightly ignores the interrupt and finishes the batch."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.slow
@pytest.mark.skipif(not LINUX, reason="process tree read from /proc")
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signal_mid_batch_kills_workers_and_leaves_no_report(tmp_path: Path, signum: int, code: int) -> None:
    """SIGTERM or SIGINT mid-batch: exit 143/130, no worker left, -o neither written nor truncated."""
    docs = tmp_path / "docs"
    docs.mkdir()
    long = "\n\n".join(f"Section {i}. {POLICY_EN}" for i in range(3000))
    for i in range(12):
        (docs / f"{i:02d}-policy.md").write_text(long, encoding="utf-8")
    report = tmp_path / "report.json"
    report.write_text('{"previous": true}', encoding="utf-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dpcheck",
            "scan",
            str(docs),
            "-o",
            str(report),
            "-j",
            "2",
            "--no-cache",
            "--format",
            "json",
        ],
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_as_from_a_terminal,
    )
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2:
        time.sleep(0.5)
        workers = _alive(_children(process.pid))
    assert len(workers) >= 2, "the workers never started"
    time.sleep(1)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == code, stderr[-3000:]
    assert "Traceback" not in stderr, stderr[-3000:]
    assert f"stopped by {signal.Signals(signum).name}" in stderr
    time.sleep(0.5)
    assert _alive(workers) == set()
    assert report.read_text(encoding="utf-8") == '{"previous": true}'
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".report.json")]


@pytest.mark.skipif(not LINUX, reason="process tree read from /proc")
def test_signal_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    """Even a parent killed outright (SIGKILL) leaves no worker behind."""
    script = (
        "import os, sys, time, dpcheck\n"
        "docs = dpcheck.scan_many(sys.argv[1], workers=2, isolate=True)\n"
        "next(docs)\nprint(os.getpid(), flush=True)\ntime.sleep(600)\n"
    )
    (tmp_path / "a.md").write_text(f"# Privacy\n\n{POLICY_EN}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"# Privacy\n\n{POLICY_EN}\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-c", script, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    pid = int(process.stdout.readline())
    workers = _alive(_children(pid))
    assert workers
    os.kill(pid, signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _alive(workers) == set()
