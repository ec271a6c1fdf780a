"""Benchmark of batch scanning, each figure beside its floor and target, as a Markdown table.

    python benchmarks/batch.py --quick          # under about two minutes
    python benchmarks/batch.py                  # full: 10,000 documents, a 1,000-page PDF
    python benchmarks/batch.py --corpus DIR --out RESULTS.md

Times of work in this process are CPU seconds (steadier when other programs share the machine);
times of worker pools and commands are wall seconds. The floor of a document is what no scanner
can skip: its text extracted (pypdfium2 for PDF, bs4 + lxml for HTML, python-docx for DOCX, the
file itself for Markdown) and tokenized by spaCy. The large inputs are generated from the bundled
``corpora/`` texts only, in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import spacy

from dpcheck.batch import process_scanner, resolve_options, scan_many

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SHARED = ROOT.parent / "shared" / "corpus" / "docs"
FORMATS = {".md": "Markdown", ".markdown": "Markdown", ".txt": "Markdown", ".html": "HTML", ".htm": "HTML",
           ".pdf": "PDF", ".docx": "DOCX"}


@dataclass
class Row:
    measure: str
    value: str
    floor: str = ""
    target: str = ""
    verdict: str = ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller inputs: about two minutes")
    parser.add_argument("--corpus", type=Path, default=SHARED if SHARED.is_dir() else CORPORA,
                        help="real documents to measure on (default: ../shared/corpus/docs, else corpora/)")
    parser.add_argument("--out", type=Path, help="also write the Markdown table here")
    args = parser.parse_args()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="dpcheck-bench-") as tmp:
        work = Path(tmp)
        for part in (lambda: throughput(args.corpus), lambda: workers_and_cache(args.corpus, work / "cache"),
                     lambda: memory(work, (100, 1000) if args.quick else (100, 1000, 10_000)),
                     lambda: big_pdf(work, 200 if args.quick else 1000)):
            rows += part()
            print(render(rows, args), file=sys.stderr)
    table = render(rows, args)
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")


# --------------------------------------------------------------------------- measures

def throughput(corpus: Path) -> list[Row]:
    """Serial scan of each format beside the floor, with pipelines already built."""
    scanner = process_scanner(resolve_options({}))
    files = sorted(p for p in corpus.rglob("*") if p.suffix.lower() in FORMATS)
    for lang in ("en", "de"):
        scanner.pipeline(lang)
    rows = []
    total_scan = total_floor = 0.0
    for fmt in ("Markdown", "HTML", "PDF", "DOCX"):
        group = [p for p in files if FORMATS[p.suffix.lower()] == fmt]
        if not group:
            continue
        floor, words, pages = measure_floor(group)
        start = time.process_time()
        reports = [scanner.scan_path(p) for p in group]
        elapsed = time.process_time() - start
        total_scan += elapsed
        total_floor += floor
        unit = f"{sum(r.pages or 0 for r in reports) / elapsed:.0f} pages/s, " if fmt == "PDF" else ""
        counted = f"{pages} pages, " if fmt == "PDF" else ""
        rows.append(Row(f"{fmt}: {len(group)} documents, {words:,} words, 1 process",
                        f"{elapsed:.2f} s = {unit}{len(group) / elapsed:.1f} docs/s, {words / elapsed:,.0f} words/s",
                        f"{floor:.2f} s ({counted}{words / floor:,.0f} words/s)",
                        "≤ 1.5× floor", verdict(elapsed <= 1.5 * floor, f"{elapsed / floor:.1f}×")))
    rows.append(Row(f"all formats: {len(files)} documents", f"{total_scan:.2f} s", f"{total_floor:.2f} s",
                    "≤ 1.5× floor", verdict(total_scan <= 1.5 * total_floor, f"{total_scan / total_floor:.1f}×")))
    return rows


def measure_floor(files: list[Path]) -> tuple[float, int, int]:
    """Seconds to extract and tokenize ``files``, their words and (PDF) pages."""
    tokenizers = {"en": spacy.blank("en").tokenizer, "de": spacy.blank("de").tokenizer}
    start = time.process_time()
    words = pages = 0
    for path in files:
        text, n = extract_text(path)
        pages += n
        words += len(text.split())
        lang = "de" if re.search(r"-de[-.]|\b(der|die|und)\b", path.name + text[:2000]) else "en"
        for block in text.split("\n\n"):
            tokenizers[lang](block)
    return time.process_time() - start, words, pages


def extract_text(path: Path) -> tuple[str, int]:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
        try:
            return "\n\n".join(page.get_textpage().get_text_range() for page in pdf), len(pdf)
        finally:
            pdf.close()
    if suffix in (".html", ".htm"):
        from bs4 import BeautifulSoup

        return BeautifulSoup(path.read_bytes(), "lxml").get_text("\n\n"), 0
    if suffix == ".docx":
        import docx

        return "\n\n".join(p.text for p in docx.Document(str(path)).paragraphs), 0
    return path.read_text(encoding="utf-8", errors="replace"), 0


def workers_and_cache(corpus: Path, cache: Path) -> list[Row]:
    """Wall time of the whole batch as a user sees it: 1 and 2 worker processes, cold and warm cache."""
    n = sum(1 for _ in scan_many(corpus, workers=1))  # pipelines of this process built before timing
    one = timed(lambda: drain(scan_many(corpus, workers=1)))
    two = timed(lambda: drain(scan_many(corpus, workers=2)))
    cold = timed(lambda: drain(scan_many(corpus, workers=2, cache=cache)))
    warm = timed(lambda: drain(scan_many(corpus, workers=2, cache=cache)))
    cli = timed(lambda: subprocess.run([sys.executable, "-m", "dpcheck", "scan", str(corpus), "--format", "jsonl",
                                        "--cache-dir", str(cache), "-q"], stdout=subprocess.DEVNULL, check=False))
    cpus = os.cpu_count()
    return [
        Row(f"{n} documents, 1 worker (in process)", f"{one:.2f} s"),
        Row(f"{n} documents, 2 worker processes (pool start-up included)", f"{two:.2f} s = {one / two:.2f}× speed-up",
            "", "≥ 1.8×", verdict(one / two >= 1.8, f"{one / two:.2f}× on {cpus} CPUs, load {load()}")),
        Row(f"{n} documents, first scan with cache (2 workers)", f"{cold:.2f} s"),
        Row(f"{n} documents, cached re-scan (library call)", f"{warm * 1000:.0f} ms = {cold / warm:.0f}× faster", "",
            "≥ 100×", verdict(cold / warm >= 100, f"{cold / warm:.0f}×")),
        Row(f"{n} documents, cached re-scan (`dpcheck scan` command, start-up included)",
            f"{cli:.2f} s = {cold / cli:.1f}× faster"),
    ]


def memory(work: Path, sizes: Iterable[int]) -> list[Row]:
    """Peak RSS of `dpcheck scan --format jsonl` (one process) as the number of documents grows."""
    sections = corpus_sections()
    rows = []
    peaks = []
    for size in sizes:
        folder = work / f"gen-{size}"
        generate_documents(folder, size, sections)
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "dpcheck", "scan", str(folder), "--format", "jsonl",
                                 "--no-cache", "-j", "1", "-q", "-o", os.devnull])
        _, _, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        peak = usage.ru_maxrss / 1024 if platform.system() != "Darwin" else usage.ru_maxrss / 2**20
        peaks.append(peak)
        rows.append(Row(f"jsonl stream of {size:,} generated documents, 1 process",
                        f"peak RSS {peak:.0f} MB; {elapsed:.0f} s = {size / elapsed:.0f} docs/s", "",
                        "≤ 500 MB, flat",
                        verdict(peak <= 500 and peak <= 1.1 * peaks[0], f"{peak / peaks[0]:.2f}× the first")))
        shutil.rmtree(folder)
    return rows


def big_pdf(work: Path, pages: int) -> list[Row]:
    """A PDF of ``pages`` pages of corpora text: scan beside floor."""
    path = work / f"big-{pages}.pdf"
    made = timed(lambda: generate_pdf(path, pages, corpus_sections()))
    scanner = process_scanner(resolve_options({}))
    seconds = timed(lambda: scanner.scan_path(path), cpu=True)
    report = scanner.scan_path(path)
    floor = measure_floor([path])[0]
    target = 5 * pages / 1000
    return [Row(f"{report.pages or 0:,}-page PDF (generated in {made:.0f} s), 1 process",
                f"{seconds:.2f} s = {pages / seconds:.0f} pages/s, status {report.status}",
                f"{floor:.2f} s", f"≤ {target:g} s", verdict(seconds <= target, f"{seconds / floor:.1f}× floor"))]


# --------------------------------------------------------------------------- generated inputs

def corpus_sections() -> list[str]:
    """Sections (a heading and what follows) of our own Markdown corpus documents."""
    sections = []
    for path in sorted(CORPORA.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        sections += [s.strip() for s in re.split(r"\n(?=## )", text) if s.strip().startswith("## ")]
    return sections


def generate_documents(folder: Path, count: int, sections: list[str]) -> None:
    """``count`` small Markdown policies of three random corpora sections each (seeded: reproducible)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(count)
    for i in range(count):
        body = "\n\n".join(rng.sample(sections, 3))
        (folder / f"doc-{i:05d}.md").write_text(f"# Privacy Policy {i}\n\n{body}\n", encoding="utf-8")


def generate_pdf(path: Path, pages: int, sections: list[str]) -> None:
    """``pages`` pages: 50 typeset with fpdf2 from corpora sections, repeated with pypdfium2."""
    import pypdfium2
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    rng = random.Random(pages)
    text = [s.encode("latin-1", "replace").decode("latin-1").replace("#", "").replace("|", " ") for s in sections]
    while pdf.pages_count < min(pages, 50):
        pdf.multi_cell(0, 5, rng.choice(text)[:1500], new_x="LMARGIN", new_y="NEXT")
    unit = pypdfium2.PdfDocument(bytes(pdf.output()))
    out = pypdfium2.PdfDocument.new()
    while len(out) < pages:
        out.import_pages(unit, list(range(min(len(unit), pages - len(out)))))
    out.save(str(path))
    out.close()
    unit.close()


# --------------------------------------------------------------------------- helpers

def drain(documents: Iterable[object]) -> None:
    for _ in documents:
        pass


def timed(run: Callable[[], object], *, cpu: bool = False) -> float:
    """Wall seconds, or with ``cpu`` this process's CPU seconds (steadier on a busy machine)."""
    clock = time.process_time if cpu else time.perf_counter
    start = clock()
    run()
    return clock() - start


def verdict(met: bool, detail: str) -> str:
    return f"{'met' if met else 'MISSED'} ({detail})"


def load() -> str:
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "?"


def render(rows: list[Row], args: argparse.Namespace) -> str:
    lines = [f"dpcheck batch benchmark ({'quick' if args.quick else 'full'}) on {args.corpus}; "
             f"{os.cpu_count()} CPUs, load average {load()} at the end; Python {platform.python_version()}",
             "", "| measure | dpcheck | floor | target | verdict |", "|---|---|---|---|---|"]
    lines += [f"| {r.measure} | {r.value} | {r.floor} | {r.target} | {r.verdict} |" for r in rows]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
