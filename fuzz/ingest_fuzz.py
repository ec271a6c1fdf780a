"""Coverage-guided fuzzing of ingest with atheris: any bytes, under any file name, give a
consistent Document or an IngestError — never another exception, a hang or a crash.

    pip install -e . --group fuzz
    python fuzz/make_seeds.py fuzz/seeds
    python fuzz/ingest_fuzz.py fuzz/seeds -atheris_runs=100000

An input that raises anything else is saved by libFuzzer as crash-<sha1>; replay it with
``python fuzz/ingest_fuzz.py crash-<sha1>`` and turn it into a regression test.
"""

from __future__ import annotations

import sys

import atheris
from make_seeds import NAMES

# Coverage feedback from the code that reads documents, not from spaCy and the rest of dpcheck.
with atheris.instrument_imports(include=["dpcheck", "bs4", "docx", "markdown_it", "pdfplumber", "pdfminer"]):
    from dpcheck.errors import IngestError
    from dpcheck.ingest import load


def test_one_input(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    try:
        doc = load(data[1:], name=name)
    except IngestError:
        return
    for block in doc.blocks:
        if doc.text[block.start : block.end] != block.text:
            raise AssertionError(f"block offsets {block.start}-{block.end} do not hold its text")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
