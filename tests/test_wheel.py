"""Packaging: the wheel ships rules/ and scans from a fresh, non-editable install."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_scans_with_bundled_rules(tmp_path):
    """Build the wheel, install it (not editable) into a new venv, scan corpora/ from elsewhere."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True,
    )
    wheel = next(dist.glob("dpcheck-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "dpcheck/_rules/flags/INVALID_TRANSFER_MECHANISM.yml" in names
    assert "dpcheck/_rules/facts/adequacy.yml" in names
    assert "dpcheck/report/schema/report-1.json" in names
    assert "dpcheck/_rules/policy/POLICY_COUNTRY_REFUSED.yml" in names
    assert "dpcheck/history/migrations/env.py" in names
    assert "dpcheck/history/migrations/versions/0001_scan_history.py" in names
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # Dependencies come from this test environment (no network needed); dpcheck itself only from the wheel.
    deps = sysconfig.get_paths()["purelib"]
    (Path(site) / "deps.pth").write_text(deps + "\n", encoding="utf-8")
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)], check=True)
    env = {**os.environ, "PYTHONPATH": ""}
    out = subprocess.run(
        [str(venv / "bin" / "dpcheck"), "scan", str(ROOT / "corpora"), "--format", "json", "--fail-on", "never"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    report = json.loads(out.stdout)
    assert report["documents"] and all(d["status"] == "ok" for d in report["documents"])
    where = subprocess.run(
        [str(python), "-c", "import dpcheck.resources as r; print(r.rules_dir())"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    ).stdout
    assert "_rules" in where and str(ROOT) not in where
    example = ROOT / "examples" / "buyer-policy.toml"
    checked = subprocess.run(
        [str(venv / "bin" / "dpcheck"), "policy", "check", str(example)],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    ).stdout
    assert checked.startswith("policy OK")
    # The history's migrations run from the installed package.
    db = tmp_path / "history.sqlite3"
    subprocess.run(
        [
            str(venv / "bin" / "dpcheck"),
            "scan",
            str(ROOT / "corpora" / "lumora-dpa-en-2023.pdf"),
            "--db",
            str(db),
            "--vendor",
            "Lumora",
            "-q",
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
        env=env,
    )
    timeline = subprocess.run(
        [str(venv / "bin" / "dpcheck"), "history", "Lumora", "--db", str(db)],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    ).stdout
    assert "lumora-dpa-en-2023.pdf" in timeline
