"""Diff each document of a set of version pairs against other layouts of itself: every change found is a false one.

The diff must be stable under reflowed or re-rendered text (issue 15): a document compared with its own PDF, DOCX and
HTML rendering (eval/fetch_real.py's renderers) and with a plain-text reflow of it (links, emphasis and heading numbers
dropped, table cells joined, lines wrapped at 72 columns) should give no change.

    python eval/versions/self_diff.py --pairs eval/versions-audit24/pairs.tsv --docs eval/versions-audit24/docs \
        --split tune --out /tmp/self-diff

Only Markdown documents are compared; the renderings are written to ``--out`` and kept there for a second run.
Run it on development halves only (README.md of each set).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import dpcheck
from dpcheck.scanner import Scanner

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import fetch_real  # eval/fetch_real.py, beside this folder

LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
RULE_ROW = re.compile(r"\s*\|?[\s:|-]+\|?\s*")
HEADING_NUMBER = re.compile(r"^#+\s*(\d+(\.\d+)*\.?\s*)?", re.MULTILINE)
UNDERLINE = re.compile(r"^\s*[-=]{3,}\s*$", re.MULTILINE)
CREATED = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def reflow(markdown: str) -> str:
    """The text as a PDF's text layer gives it back: no links, emphasis or heading numbers, a table row's cells on
    one line, paragraphs wrapped at 72 columns."""
    out = []
    for block in re.split(r"\n\s*\n", markdown):
        text = re.sub(r"[*_`]+", "", LINK.sub(r"\1", block))
        lines = [line for line in text.splitlines() if line.strip()]
        if lines and all(line.strip().startswith("|") for line in lines):
            rows = [line for line in lines if not RULE_ROW.fullmatch(line)]
            out.append("\n".join(" ".join(c.strip() for c in r.strip().strip("|").split("|")) for r in rows))
            continue
        text = UNDERLINE.sub("", HEADING_NUMBER.sub("", text))
        out.append(textwrap.fill(" ".join(text.split()), 72))
    return "\n\n".join(out) + "\n"


def layouts(doc_id: str, text: str) -> dict[str, Callable[[], bytes]]:
    return {
        "pdf": lambda: fetch_real.render_pdf(text, doc_id, CREATED),
        "docx": lambda: fetch_real.render_docx(text, doc_id, CREATED),
        "html": lambda: fetch_real.render_html(text, doc_id),
        "txt": lambda: reflow(text).encode("utf-8"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, required=True, help="pairs.tsv (old_id, new_id, split columns)")
    parser.add_argument("--docs", type=Path, required=True, help="the set's documents")
    parser.add_argument("--split", choices=("tune", "frozen", "all"), default="tune", help="which half (default tune)")
    parser.add_argument("--out", type=Path, required=True, help="where the other layouts are written")
    parser.add_argument("--layouts", default="pdf,docx,html,txt", help="comma-separated: pdf, docx, html, txt")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.pairs, encoding="utf-8", newline="") as f:
        rows = [p for p in csv.DictReader(f, delimiter="\t") if args.split in ("all", p["split"])]
    ids = dict.fromkeys(i for p in rows for i in (p["old_id"], p["new_id"]))
    scanner = Scanner()
    compared = false = 0
    for doc_id in ids:
        source = args.docs / f"{doc_id}.md"
        if not source.exists():
            continue
        text = source.read_text(encoding="utf-8")
        for layout, render in layouts(doc_id, text).items():
            if layout not in args.layouts.split(","):
                continue
            target = args.out / f"{doc_id}.{layout}"
            if not target.exists():
                try:
                    target.write_bytes(render())
                except ValueError as error:  # fpdf2: a table row taller than a page
                    print(f"{doc_id}\t{layout}\tnot rendered: {error}", file=sys.stderr)
                    continue
            changes = [
                (c.kind, c.value)
                for c in dpcheck.diff(source, target, scanner=scanner).changes
                if c.kind != "rating_changed"
            ]
            compared += 1
            false += len(changes)
            for kind, value in changes:
                print(f"{doc_id}\t{layout}\t{kind}\t{value}")
    print(f"{compared} comparisons of {len(ids)} documents, {false} false changes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
