"""Benchmark of batch scanning against issue 11's targets, each figure beside its floor, as Markdown.

    python benchmarks/batch.py --quick --repeat 2   # a check that it runs: about 7 minutes
    python benchmarks/batch.py --out RESULTS.md     # full: 5 runs of each figure, about 40 minutes

Every timed figure is measured ``--repeat`` times and shown as median (min–max); a ratio is taken
run by run over pairs measured one right after the other, and its spread is that of the pairs.
Work in this process is timed in CPU seconds (steadier when other programs share the machine);
whole processes and worker pools in wall seconds. The floor (``floor.py``) is a document's text
extracted and tokenized by spaCy, in this process or as a process of its own that imports only
that. The real-world long PDF concatenates the corpus PDFs; the generated inputs come from our own
``corpora/`` texts only; all are made in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from floor import Floor

from dpcheck import __version__
from dpcheck.batch import process_scanner, resolve_options, scan_many

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = ROOT / "corpora"
SHARED = ROOT.parent / "shared" / "corpus" / "docs"
FORMATS = {
    ".md": "Markdown",
    ".markdown": "Markdown",
    ".txt": "Markdown",
    ".html": "HTML",
    ".htm": "HTML",
    ".pdf": "PDF",
    ".docx": "DOCX",
}
PEAK_MB = 300


@dataclass(frozen=True)
class Setup:
    """What every measure works on."""

    files: tuple[Path, ...]
    work: Path
    cache: Path
    repeat: int
    quick: bool


@dataclass(frozen=True)
class Spread:
    """One figure measured several times."""

    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def show(self, unit: str = " s", *, scale: float = 1.0, digits: int = 2) -> str:
        median, low, high = (scale * v for v in (self.median, min(self.values), max(self.values)))
        return f"{median:,.{digits}f}{unit} ({low:,.{digits}f}–{high:,.{digits}f})"

    def __truediv__(self, other: Spread) -> Spread:
        """Run-by-run ratios of two figures measured in the same rounds."""
        return Spread(tuple(a / b for a, b in zip(self.values, other.values)))

    def __add__(self, other: Spread) -> Spread:
        return Spread(tuple(a + b for a, b in zip(self.values, other.values)))


@dataclass(frozen=True)
class Row:
    measure: str
    value: str
    floor: str = ""
    target: str = ""
    verdict: str = ""


@dataclass(frozen=True)
class Run:
    """A finished command: its wall seconds and peak resident memory."""

    seconds: float
    peak_mb: float


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller inputs (up to 1,000 documents, 200 pages)")
    parser.add_argument("--repeat", type=int, help="runs of each figure (default: 5, with --quick 3)")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=SHARED if SHARED.is_dir() else CORPORA,
        help="real documents to measure on (default: ../shared/corpus/docs, else corpora/)",
    )
    parser.add_argument("--out", type=Path, help="also write the header and table here")
    args = parser.parse_args()
    rounds = args.repeat or (3 if args.quick else 5)
    start_load = load()
    files = tuple(sorted(p for p in args.corpus.rglob("*") if p.suffix.lower() in FORMATS))
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="dpcheck-bench-") as tmp:
        setup = Setup(files, Path(tmp), Path(tmp) / "cache", rounds, args.quick)
        fill_cache(setup)
        pages = 200 if args.quick else 1000
        sizes = (100, 1000) if args.quick else (100, 1000, 10_000)
        for measure in (
            in_process,
            whole_process,
            start_up,
            workers,
            lambda s: memory(s, sizes),
            lambda s: real_pdf(s, pages),
            lambda s: generated_pdf(s, pages),
            pinned_output,
        ):
            for row in measure(setup):
                print(
                    f"| {row.measure} | {row.value} | {row.floor} | {row.target} | {row.verdict} |",
                    file=sys.stderr,
                    flush=True,
                )
                rows.append(row)
    text = header(args, rounds, len(files), start_load) + table(rows)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- measures


def in_process(setup: Setup) -> list[Row]:
    """Cold scans of each format beside the floor in this process, and a cached re-scan of them all.

    Pipelines are built beforehand (``fill_cache``), as in a long-lived worker."""
    floor = Floor()
    groups = {
        fmt: [p for p in setup.files if FORMATS[p.suffix.lower()] == fmt] for fmt in ("Markdown", "HTML", "PDF", "DOCX")
    }
    groups = {fmt: group for fmt, group in groups.items() if group}
    counts = {fmt: floor.run(group) for fmt, group in groups.items()}
    floors: dict[str, list[float]] = {fmt: [] for fmt in groups}
    scans: dict[str, list[float]] = {fmt: [] for fmt in groups}
    warm = []
    for _ in range(setup.repeat):
        for fmt, group in groups.items():
            floors[fmt].append(cpu(lambda group=group: floor.run(group)))
            scans[fmt].append(cpu(lambda group=group: drain(scan_many(group, workers=1))))
        warm.append(cpu(lambda: drain(scan_many(setup.files, workers=1, cache=setup.cache))))
    rows = [
        format_row(fmt, len(groups[fmt]), *counts[fmt], Spread(tuple(scans[fmt])), Spread(tuple(floors[fmt])))
        for fmt in groups
    ]
    cold = total(scans)
    base = total(floors)
    rows.append(
        Row(
            f"cold scan, {len(setup.files)} documents, 1 worker, in process",
            cold.show(),
            base.show(),
            "≤ 1.5× floor",
            verdict(cold / base, at_most=1.5),
        )
    )
    cached = Spread(tuple(warm))
    rows.append(
        Row(
            f"cached re-scan, {len(setup.files)} documents (library, `scan_many`)",
            cached.show(" ms", scale=1000, digits=0),
            "",
            "≥ 100× faster than cold",
            verdict(cold / cached, at_least=100),
        )
    )
    return rows


def whole_process(setup: Setup) -> list[Row]:
    """`dpcheck scan` as a user runs it, cold and with a warm cache, beside the floor as a process."""
    names = [str(p) for p in setup.files]
    scan = [*dpcheck(), "scan", *names, "-j", "1", "-q", "--format", "jsonl", "-o", os.devnull]
    floors, colds, warms = repeat(
        setup.repeat,
        lambda: command([sys.executable, str(HERE / "floor.py"), *names]).seconds,
        lambda: command([*scan, "--no-cache"]).seconds,
        lambda: command([*scan, "--cache-dir", str(setup.cache)]).seconds,
    )
    n = len(names)
    return [
        Row(
            f"cold `dpcheck scan --no-cache -j 1`, {n} documents, whole process",
            colds.show(),
            f"{floors.show()} (`floor.py` process)",
            "≤ 1.3× floor process",
            verdict(colds / floors, at_most=1.3),
        ),
        Row(
            f"cached re-scan, `dpcheck scan` with a warm cache, {n} documents, whole process",
            warms.show(),
            "",
            "≥ 10× faster than cold process",
            verdict(colds / warms, at_least=10),
        ),
    ]


def start_up(setup: Setup) -> list[Row]:
    """Commands that need no scan; none of them should import spaCy."""
    report = setup.work / "report.json"
    subprocess.run(
        [
            *dpcheck(),
            "scan",
            *map(str, setup.files),
            "-j",
            "1",
            "-q",
            "--cache-dir",
            str(setup.cache),
            "--format",
            "json",
            "-o",
            str(report),
        ],
        check=True,
    )
    commands = {
        "dpcheck --version": ["--version"],
        "dpcheck rules list": ["rules", "list"],
        "dpcheck render (a saved report)": ["render", str(report)],
    }
    bare, *figures = repeat(
        setup.repeat,
        lambda: command([sys.executable, "-c", "pass"]).seconds,
        *(lambda a=a: command([*dpcheck(), *a]).seconds for a in commands.values()),
    )
    return [
        Row(
            f"`{name}`, whole process",
            spread.show(),
            f"{bare.show()} (`python -c pass`)",
            "no spaCy import",
            "MISSED (imports spaCy)" if imports_spacy(args) else "met (no spaCy import)",
        )
        for (name, args), spread in zip(commands.items(), figures)
    ]


def workers(setup: Setup) -> list[Row]:
    """The same cold batch on 1 and 2 worker processes (library, pool start-up included)."""
    one, two = repeat(
        setup.repeat,
        lambda: wall(lambda: drain(scan_many(setup.files, workers=1))),
        lambda: wall(lambda: drain(scan_many(setup.files, workers=2))),
    )
    n = len(setup.files)
    return [
        Row(f"cold scan, {n} documents, 1 worker (library, wall)", one.show()),
        Row(
            f"cold scan, {n} documents, 2 worker processes (library, wall)",
            two.show(),
            "",
            "≥ 1.8× the speed of 1",
            verdict(one / two, at_least=1.8, digits=2),
        ),
    ]


def memory(setup: Setup, sizes: Iterable[int]) -> list[Row]:
    """Peak RSS of `dpcheck scan --format jsonl -j 1` as the number of generated documents grows."""
    sections = corpus_sections()
    rows = []
    first = 0.0
    for size in sizes:
        folder = setup.work / f"gen-{size}"
        generate_documents(folder, size, sections)
        # Exit code 2: some random mixes of sections are refused as not a privacy document (E140).
        runs = [
            command(
                [*dpcheck(), "scan", str(folder), "--format", "jsonl", "--no-cache", "-j", "1", "-q", "-o", os.devnull],
                allowed=(0, 2),
            )
            for _ in range(setup.repeat)
        ]
        peak = Spread(tuple(r.peak_mb for r in runs))
        seconds = Spread(tuple(r.seconds for r in runs))
        first = first or peak.median
        flat = peak.median <= PEAK_MB and peak.median <= 1.1 * first
        rows.append(
            Row(
                f"jsonl stream of {size:,} generated documents, whole process",
                f"peak RSS {peak.show(' MB', digits=0)}; {seconds.show()}",
                "",
                f"≤ {PEAK_MB} MB, flat",
                f"{'met' if flat else 'MISSED'}: {peak.median / first:.2f}× the first",
            )
        )
        shutil.rmtree(folder)
    return rows


def real_pdf(setup: Setup, pages: int) -> list[Row]:
    """The corpus PDFs concatenated up to ``pages`` pages, scanned beside its floor in this process."""
    path = setup.work / f"real-{pages}.pdf"
    concatenate_pdfs([p for p in setup.files if p.suffix.lower() == ".pdf"], path, pages)
    return [
        pdf_row(
            setup,
            path,
            f"{pages:,}-page real-world PDF (corpus PDFs concatenated)",
            "≤ 3× floor",
            lambda seconds, floor: verdict(seconds / floor, at_most=3),
        )
    ]


def generated_pdf(setup: Setup, pages: int) -> list[Row]:
    """A PDF typeset from our own corpora sections, ``pages`` pages, against a time in seconds."""
    path = setup.work / f"generated-{pages}.pdf"
    generate_pdf(path, pages, corpus_sections())
    limit = 5 * pages / 1000
    return [
        pdf_row(
            setup,
            path,
            f"{pages:,}-page generated PDF",
            f"≤ {limit:g} s",
            lambda seconds, floor: verdict(seconds, at_most=limit, unit=" s"),
        )
    ]


def pinned_output(setup: Setup) -> list[Row]:
    """Byte identity of the output is a test, not a figure: name it rather than repeat it."""
    return [
        Row(
            "output byte-identical before and after (JSON report of corpora/)",
            "not measured here: `pytest tests/test_pinned.py`",
            "",
            "byte-identical",
            "see the test",
        )
    ]


# --------------------------------------------------------------------------- parts of measures


def fill_cache(setup: Setup) -> None:
    """Scan the corpus once untimed: builds this process's pipelines and fills the cache the cached
    re-scans read (the library and the command line share its entries)."""
    drain(scan_many(setup.files, workers=1, cache=setup.cache))


def format_row(fmt: str, count: int, words: int, pages: int, scan: Spread, floor: Spread) -> Row:
    paged = f"{pages} pages, " if fmt == "PDF" else ""
    return Row(
        f"{fmt}: {count} documents, {paged}{words:,} words, in process",
        f"{scan.show()} = {words / scan.median:,.0f} words/s",
        floor.show(),
        "",
        (scan / floor).show("×", digits=1),
    )


def pdf_row(setup: Setup, path: Path, name: str, target: str, judge: Callable[[Spread, Spread], str]) -> Row:
    """One long PDF scanned in this process beside its floor, judged by ``judge(scan, floor)``."""
    scanner = process_scanner(resolve_options({}))
    floor = Floor()
    report = scanner.scan_path(path)
    bases, scans = repeat(
        setup.repeat, lambda: cpu(lambda: floor.run([path])), lambda: cpu(lambda: scanner.scan_path(path))
    )
    return Row(
        f"{name}, in process",
        f"{scans.show()} = {(report.pages or 0) / scans.median:.0f} pages/s, status {report.status}",
        bases.show(),
        target,
        judge(scans, bases),
    )


def total(figures: dict[str, list[float]]) -> Spread:
    """Per round, the sum over all groups."""
    return Spread(tuple(sum(round_) for round_ in zip(*figures.values())))


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
    repeat_pages([unit], path, pages)
    unit.close()


def concatenate_pdfs(sources: Sequence[Path], path: Path, pages: int) -> None:
    """The ``sources`` one after the other, over again, until ``pages`` pages."""
    import pypdfium2

    if not sources:
        raise SystemExit("no PDF in the corpus to make the real-world long PDF of")
    documents = [pypdfium2.PdfDocument(str(p)) for p in sources]
    repeat_pages(documents, path, pages)
    for document in documents:
        document.close()


def repeat_pages(sources: Sequence[object], path: Path, pages: int) -> None:
    """Save at ``path`` the pages of the pypdfium2 ``sources`` in turn, cycling, until ``pages``."""
    import pypdfium2

    out = pypdfium2.PdfDocument.new()
    while len(out) < pages:
        for source in sources:
            take = min(len(source), pages - len(out))
            if take:
                out.import_pages(source, list(range(take)))
    out.save(str(path))
    out.close()


# --------------------------------------------------------------------------- timing


def repeat(rounds: int, *runs: Callable[[], float]) -> list[Spread]:
    """Each of ``runs`` once per round, in order, so that neighbours in a round make a pair."""
    figures: list[list[float]] = [[] for _ in runs]
    for _ in range(rounds):
        for figure, run in zip(figures, runs):
            figure.append(run())
    return [Spread(tuple(f)) for f in figures]


def cpu(run: Callable[[], object]) -> float:
    """CPU seconds of this process spent in ``run``."""
    start = time.process_time()
    run()
    return time.process_time() - start


def wall(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def command(args: list[str], *, allowed: tuple[int, ...] = (0,)) -> Run:
    """Run ``args`` with its output discarded; it must exit with one of the ``allowed`` codes.

    ``args`` is started by a small Python process of its own (:data:`LAUNCH`), not from this one: on
    Linux a process's peak RSS counts the memory of the process it was started from up to its
    ``exec``, and this one holds spaCy, every pipeline and the in-process scans by then (a scan that
    peaked at 255 MB was reported at this process's 331 MB)."""
    result = subprocess.run([sys.executable, "-c", LAUNCH, *args], capture_output=True, text=True, check=True)
    seconds, code, peak = result.stdout.split()
    if int(code) not in allowed:
        raise SystemExit(f"{' '.join(args[:4])} … failed with exit code {code}")
    return Run(float(seconds), int(peak) / (2**20 if platform.system() == "Darwin" else 1024))


# Wall seconds, exit code and peak RSS (ru_maxrss) of the command in its arguments, output discarded.
LAUNCH = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(time.perf_counter() - start, os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def dpcheck() -> list[str]:
    """The console script beside this Python, as a user runs it (else ``python -m dpcheck``)."""
    script = Path(sys.executable).with_name("dpcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "dpcheck"]


def imports_spacy(args: list[str]) -> bool:
    """Whether `dpcheck ARGS` imports spaCy (read from ``python -X importtime``)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "dpcheck", *args], capture_output=True, text=True, check=True
    )
    return re.search(r"\|\s+spacy$", result.stderr, re.MULTILINE) is not None


def drain(documents: Iterable[object]) -> None:
    for _ in documents:
        pass


# --------------------------------------------------------------------------- output


def verdict(
    figure: Spread, *, at_most: float | None = None, at_least: float | None = None, unit: str = "×", digits: int = 1
) -> str:
    """Met or missed by the median, with the spread of the figure."""
    met = (at_most is None or figure.median <= at_most) and (at_least is None or figure.median >= at_least)
    return f"{'met' if met else 'MISSED'}: {figure.show(unit, digits=digits)}"


def load() -> str:
    return "/".join(f"{v:.1f}" for v in os.getloadavg()) if hasattr(os, "getloadavg") else "?"


def machine() -> str:
    info = Path("/proc/cpuinfo")
    models = re.findall(r"^model name\s*:\s*(.+)$", info.read_text(), re.MULTILINE) if info.exists() else []
    gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    model = models[0] if models else platform.processor()
    return f"{platform.node()}: {platform.system()} {platform.machine()}, {model}, {os.cpu_count()} CPUs, {gib:.0f} GiB"


def commit() -> str:
    result = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    )
    return result.stdout.strip() or "?"


def header(args: argparse.Namespace, rounds: int, documents: int, start_load: str) -> str:
    return "\n".join(
        [
            f"# dpcheck batch benchmark ({'quick' if args.quick else 'full'}, {rounds} runs of each figure)",
            "",
            f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; dpcheck {__version__} at commit {commit()}",
            f"- machine: {machine()}; Python {platform.python_version()}",
            f"- load average (1/5/15 min): {start_load} at the start, {load()} at the end",
            f"- corpus: {args.corpus} ({documents} documents)",
            "- figures: median (min–max) of the runs; a ratio's spread is over pairs run one after the other; "
            "in process: CPU seconds, whole processes and worker pools: wall seconds",
            "",
            "",
        ]
    )


def table(rows: list[Row]) -> str:
    lines = ["| measure | median (min–max) | floor | target | verdict |", "|---|---|---|---|---|"]
    lines += [f"| {r.measure} | {r.value} | {r.floor} | {r.target} | {r.verdict} |" for r in rows]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
