"""Short runs do not pay for the stages that read documents: `--version`, `rules`, `schema`,
`render` and a scan answered wholly from the cache never import spaCy or a format's parser library,
and none but a drawing of the flow (the HTML report) imports networkx (each run in a fresh
interpreter, which reports the heavy modules it holds when it exits)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
HEAVY = ("spacy", "thinc", "pdfplumber", "pdfminer", "pypdfium2", "bs4", "docx", "markdown_it", "py3langid")
GRAPH = "networkx"  # a tenth of a second to import; a report written from the cache does without it
# Runs the command line as `dpcheck` would and, at exit, names the heavy modules it imported.
PROBE = f"""
import atexit, sys
atexit.register(lambda: print("HEAVY=" + ",".join(m for m in {(*HEAVY, GRAPH)!r} if m in sys.modules), file=sys.stderr))
sys.argv = ["dpcheck", *sys.argv[1:]]
from dpcheck.cli import main
main()
"""


def _heavy_modules(*args: str | Path) -> list[str]:
    run = subprocess.run([sys.executable, "-c", PROBE, *map(str, args)], capture_output=True, text=True, timeout=300)
    line = [x for x in run.stderr.splitlines() if x.startswith("HEAVY=")]
    assert line, f"exit {run.returncode}: {run.stderr[-2000:]}"
    return [m for m in line[-1].removeprefix("HEAVY=").split(",") if m]


def test_startup_import_dpcheck_loads_no_reading_stage() -> None:
    """`import dpcheck` gives the whole API without importing spaCy or a parser library."""
    code = f"import dpcheck, sys; dpcheck.Scanner; print([m for m in {HEAVY!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("args", [("--version",), ("rules", "list"), ("schema",)])
def test_startup_commands_that_read_no_document_load_no_reading_stage(args: tuple[str, ...]) -> None:
    """Commands that read no document import none of the reading stages, nor networkx."""
    assert _heavy_modules(*args) == []


def test_startup_cached_scan_and_render_load_no_reading_stage(tmp_path: Path) -> None:
    """A re-scan answered from the cache, and rendering its saved report, import no reading stage;
    the first scan does (the probe sees them), and both write the same report, its flow graph
    included, without networkx; the HTML report draws the flow with it."""
    documents = sorted(CORPORA.glob("*.md"))[:3]
    cache = tmp_path / "cache"
    first, again = tmp_path / "first.json", tmp_path / "again.json"
    common = ("scan", *documents, "--cache-dir", cache, "--workers", "1", "--format", "json", "-q")
    assert "spacy" in _heavy_modules(*common, "-o", first)
    assert _heavy_modules(*common, "-o", again) == []
    assert _heavy_modules("render", again, "--format", "html", "-o", tmp_path / "again.html") == [GRAPH]
    assert again.read_text() == first.read_text()
    assert "<html" in (tmp_path / "again.html").read_text()


PDF_OR_WORD = ("pdfplumber", "pdfminer", "pypdfium2", "docx")


def test_startup_scan_of_markdown_alone_loads_no_pdf_or_word_reader(tmp_path: Path) -> None:
    """A scan of Markdown documents (EN and DE) imports the Markdown and HTML readers only: the process that
    forks the workers imports the parsers of the documents they start on, not every format's."""
    documents = [CORPORA / "cirrusvault-dpa-en-2025.md", CORPORA / "datenfuchs-avv-de-2022.md"]
    heavy = _heavy_modules(
        "scan", *documents, "--no-cache", "--workers", "1", "--format", "json", "-q", "-o", tmp_path / "r.json"
    )
    assert {"spacy", "markdown_it", "bs4"} <= set(heavy)
    assert not set(heavy) & set(PDF_OR_WORD)


SCAN_AS_NAMED = f"""
import json, shutil, sys
from pathlib import Path
from dpcheck import Scanner
from dpcheck.serialize import document_to_data
scanner = Scanner()
out = []
for source, name in zip(sys.argv[1::2], sys.argv[2::2]):
    before = [m for m in {PDF_OR_WORD!r} if m in sys.modules]
    shutil.copy(source, name)
    report = document_to_data(scanner.scan_path(name))
    out.append((before, report["status"], report["format"], report["mentions"]))
print(json.dumps(out))
"""


def test_startup_scanner_imports_each_parser_when_first_needed(tmp_path: Path) -> None:
    """`Scanner.scan_path` imports the parsers a document's name asks for before its time starts, and a parser
    its bytes ask for besides (a PDF named .md) when it is read: the reports are those of the files named as
    they are (EN and DE)."""
    md, pdf = CORPORA / "datenfuchs-avv-de-2022.md", CORPORA / "harbourline-dpa-en-2019.pdf"
    pairs = [md, tmp_path / "a.md", pdf, tmp_path / "disguised.md", pdf, tmp_path / "b.pdf"]
    run = subprocess.run(
        [sys.executable, "-c", SCAN_AS_NAMED, *map(str, pairs)], capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stderr[-2000:]
    (md_before, md_status, md_format, _), (pdf_before, *disguised), (_, *named) = json.loads(run.stdout)
    assert md_before == [] and md_status != "error" and md_format == "markdown"
    assert not set(pdf_before) & set(PDF_OR_WORD)
    assert disguised == named and named[0] != "error" and named[1] == "pdf" and named[2]
