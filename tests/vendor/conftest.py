"""Vendor dossiers of corpora/, each scanned once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from dpcheck.dossier import scan_vendor
from dpcheck.vendor.model import VendorReport

DOSSIERS = ("ferncloud", "wolkenbank", "kestrel", "lumenfield", "nordlicht")


@pytest.fixture(scope="session")
def dossiers(scanner, corpora: Path) -> dict[str, VendorReport]:
    return {name: scan_vendor(corpora / name, scanner=scanner) for name in DOSSIERS}
