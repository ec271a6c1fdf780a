"""Shared fixtures: one Scanner per test session (building pipelines takes a second).

Hypothesis profiles: ``ci`` (the default) runs each property test briefly; ``long`` runs it
for thousands of examples: ``HYPOTHESIS_PROFILE=long python -m pytest tests/hostile tests/ingest``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from dpcheck import Scanner

ROOT = Path(__file__).resolve().parent.parent

# Parsing a PDF can take longer than hypothesis's default deadline on a busy machine.
settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """CLI runs in tests (and their subprocesses) cache results in a temporary folder, never the user's."""
    os.environ["DPCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("dpcheck-cache"))


@pytest.fixture(autouse=True)
def _dpcheck_logger_as_it_was():
    """A command run in-process (CliRunner) sets the ``dpcheck`` logger's level and handler, as a
    command line process should; the next test starts from the logger as it was."""
    logger = logging.getLogger("dpcheck")
    level, handlers = logger.level, list(logger.handlers)
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers


@pytest.fixture(scope="session")
def scanner() -> Scanner:
    return Scanner()


@pytest.fixture(scope="session")
def corpora() -> Path:
    return ROOT / "corpora"
