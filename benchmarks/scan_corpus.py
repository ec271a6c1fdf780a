"""Benchmark: wall time and peak memory of scanning a folder of documents.

    python benchmarks/scan_corpus.py ../shared/corpus/docs
"""

from __future__ import annotations

import resource
import sys
import time

from dpcheck import Scanner


def main(folder: str) -> None:
    start = time.perf_counter()
    scanner = Scanner()
    setup = time.perf_counter() - start
    report = scanner.scan(folder)
    total = time.perf_counter() - start
    chars = sum(d.characters for d in report.documents)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(report.documents)} documents, {chars / 1e6:.2f} M characters")
    print(f"set-up {setup:.1f} s, total {total:.1f} s, {(total - setup) / max(1, len(report.documents)):.2f} s/document")
    print(f"peak memory {peak_mb:.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "corpora")
