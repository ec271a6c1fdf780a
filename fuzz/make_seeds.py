"""Write the seed corpus for ingest_fuzz.py from the documents in corpora/.

Each seed is one format byte (which file name the harness passes as the hint) followed by
a corpus file's bytes, so the fuzzer starts from real PDF, DOCX, HTML and Markdown.

    python fuzz/make_seeds.py fuzz/seeds
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The first input byte of a fuzz input picks the file name passed as the format hint.
NAMES: tuple[str | None, ...] = ("a.pdf", "a.docx", "a.html", "a.md", "a.txt", None)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted((ROOT / "corpora").iterdir()):
        name = f"a{path.suffix}"
        if name not in NAMES:
            continue
        (out / path.name).write_bytes(bytes([NAMES.index(name)]) + path.read_bytes())
        count += 1
    print(f"{count} seeds in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "seeds")
