"""Shared fixtures: one Scanner per test session (building pipelines takes a second)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dpcheck import Scanner

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """CLI runs in tests (and their subprocesses) cache results in a temporary folder, never the user's."""
    os.environ["DPCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("dpcheck-cache"))


@pytest.fixture(scope="session")
def scanner() -> Scanner:
    return Scanner()


@pytest.fixture(scope="session")
def corpora() -> Path:
    return ROOT / "corpora"
