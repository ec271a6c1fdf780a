"""scan_many on a Dask distributed cluster gives the serial results, in input order."""

from __future__ import annotations

import json
from datetime import date

import pytest

import dpcheck
from dpcheck.report.json import document_to_dict

distributed = pytest.importorskip("dask.distributed")


@pytest.mark.slow
def test_dask_local_cluster_matches_serial_scan(corpora):
    """Two Dask worker processes scan corpora/ to exactly what one process gives."""
    options = {"as_of": date(2026, 1, 1)}
    serial = [json.dumps(document_to_dict(d)) for d in dpcheck.scan_many(corpora, workers=1, **options)]
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            remote = [
                json.dumps(document_to_dict(d))
                for d in dpcheck.scan_many(corpora, executor=client.get_executor(), **options)
            ]
            assert len(client.scheduler_info()["workers"]) == 2
    assert remote == serial
