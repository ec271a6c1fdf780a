"""Shared fixtures: one Scanner per test session (building pipelines takes a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dpcheck import Scanner

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def scanner() -> Scanner:
    return Scanner()


@pytest.fixture(scope="session")
def corpora() -> Path:
    return ROOT / "corpora"
