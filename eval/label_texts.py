"""Plain-text copies of an evaluation set's documents, for labellers.

    python eval/label_texts.py [--set fresh] [--out DIR]

Reads ``eval/<set>/manifest.tsv`` and ``eval/<set>/docs/`` (built by ``fetch_real.py``) and writes
``<id>.txt`` for each row into ``eval/<set>/texts/`` (ignored by git, like the documents). The
text is taken with other tools than dpcheck's own ingest, so that a labeller does not inherit what
dpcheck fails to read: the Markdown file as it is, HTML through BeautifulSoup (scripts and styles
dropped, one line per text node), PDF through pdfplumber with each page marked ``[page N]``, and
DOCX through python-docx (paragraphs, then each table's rows with cells joined by `` | ``).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import docx
import pdfplumber
from bs4 import BeautifulSoup

EVAL = Path(__file__).resolve().parent


def text_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".md", ".txt"):
        return path.read_text(encoding="utf-8", errors="replace")
    if suffix in (".html", ".htm"):
        soup = BeautifulSoup(path.read_bytes(), "html.parser")
        for tag in soup(["script", "style", "noscript"]):
            tag.decompose()
        return "\n".join(line.strip() for line in soup.get_text("\n").splitlines() if line.strip())
    if suffix == ".pdf":
        with pdfplumber.open(path) as pdf:
            return "\n".join(f"[page {n}]\n{page.extract_text() or ''}" for n, page in enumerate(pdf.pages, 1))
    if suffix == ".docx":
        document = docx.Document(str(path))
        parts = [paragraph.text for paragraph in document.paragraphs]
        parts += [" | ".join(cell.text for cell in row.cells) for table in document.tables for row in table.rows]
        return "\n".join(parts)
    raise ValueError(f"{path.name}: no text for a {suffix or 'suffixless'} file")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", default="fresh", help="the evaluation set (a folder of eval/)")
    parser.add_argument("--out", type=Path, help="where to write the texts [default: eval/<set>/texts]")
    args = parser.parse_args()
    folder = EVAL / args.set
    out = args.out or folder / "texts"
    out.mkdir(parents=True, exist_ok=True)
    with (folder / "manifest.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    missing = []
    for row in rows:
        found = sorted((folder / "docs").glob(row["id"] + ".*"))
        if not found:
            missing.append(row["id"])
            continue
        (out / f"{row['id']}.txt").write_text(text_of(found[0]), encoding="utf-8")
    print(f"{len(rows) - len(missing)} texts in {out}")
    if missing:
        print(f"not built (run eval/fetch_real.py --set {args.set}): {', '.join(missing)}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
