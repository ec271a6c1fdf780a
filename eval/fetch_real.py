"""Rebuild an evaluation set's documents from its manifest.

    python eval/fetch_real.py [--set real] [--mirror-root DIR]

Reads ``eval/<set>/manifest.tsv`` (sets: ``real``, ``fresh``, ``versions``, ``versions-audit22``,
``versions-audit23``, ``versions-audit24``, ``blind/real/<name>``) (tab-separated, with at least the columns
``id  format  source  snapshot_date  render``) and writes ``eval/<set>/docs/<id>.<format>``.

For each row the bytes of ``source`` (``github:owner/repo:path@<40-hex commit>``) come from
``git --git-dir <mirror-root>/<owner>+<repo>/repo show <commit>:<path>`` when that mirror
exists, otherwise from ``https://raw.githubusercontent.com/<owner>/<repo>/<commit>/<path>``.
``render`` says what happens next:

* ``original``  the bytes are written unchanged;
* ``md->html``  Markdown rendered with markdown-it-py (CommonMark plus tables);
* ``md->docx``  Markdown rendered with python-docx (headings, lists, tables, quotes, code);
* ``md->pdf``   Markdown rendered with fpdf2 in DejaVu Sans (same block structure).

Rendered files drop a leading YAML front-matter block, which the vendors' sites do not show
either. They are byte-for-byte reproducible: PDF and DOCX carry the snapshot date as their
creation date and fixed metadata, and DOCX zip entries carry a fixed timestamp.

The script verifies every file it wrote (originals against the source bytes, PDF/DOCX/HTML by
their signatures, and every file against the set's ``HASHES.txt`` where there is one: a file whose bytes
differ from the ones labelled is not written, and ``HASHES.txt``'s name for it wins over the format cell), prints a summary and exits non-zero if any document could not be built.
Vendor text never enters git: ``eval/*/docs/`` is ignored.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.shared import Pt
from fpdf import FPDF
from fpdf.fonts import FontFace
from markdown_it import MarkdownIt
from markdown_it.token import Token

EVAL_DIR = Path(__file__).resolve().parent
DEFAULT_MIRROR_ROOT = Path("/work/.mirror")
SOURCE_PATTERN = re.compile(r"^github:(?P<owner>[^/]+)/(?P<repo>[^:]+):(?P<path>.+)@(?P<commit>[0-9a-f]{40})$")
FRONT_MATTER = re.compile(r"\A---\r?\n.*?\r?\n---\r?\n", re.DOTALL)
RENDERS = {"original", "md->html", "md->docx", "md->pdf"}
RENDER_FORMAT = {"md->html": "html", "md->docx": "docx", "md->pdf": "pdf"}
# DejaVu ships with Debian's fonts-dejavu-core and with matplotlib; either copy is the same font.
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
FONT_FILES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}
MONO_FILE = "DejaVuSansMono.ttf"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


class BuildError(Exception):
    """A document could not be fetched, rendered or verified; the message says which and why."""


@dataclass(frozen=True)
class Row:
    """One manifest line: what to fetch and how to turn it into a file."""

    id: str
    format: str
    source: str
    snapshot_date: str
    render: str


@dataclass(frozen=True)
class Source:
    """A file at one commit of a public GitHub repository."""

    owner: str
    repo: str
    path: str
    commit: str


@dataclass(frozen=True)
class Run:
    """A stretch of inline text with one style."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False


@dataclass(frozen=True)
class Block:
    """One block of a Markdown document, as the DOCX and PDF writers lay it out.

    kind is heading, paragraph, item, quote, code, table or rule; level is the heading level
    or the list depth (1-based); marker is the list marker ("•" or "3.").
    """

    kind: str
    runs: tuple[Run, ...] = ()
    level: int = 0
    marker: str = ""
    rows: tuple[tuple[str, ...], ...] = ()


def parse_source(text: str) -> Source:
    match = SOURCE_PATTERN.match(text)
    if not match:
        raise BuildError(f"source {text!r} is not github:owner/repo:path@<40-hex commit>")
    return Source(**match.groupdict())


def read_manifest(path: Path) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = {"id", "format", "source"} - set(reader.fieldnames or ())
        if missing:
            raise BuildError(f"{path}: missing columns {sorted(missing)}")
        rows = [
            # The blind sets' manifests (eval/blind/real) predate the column: their files are kept as fetched.
            Row(
                line["id"],
                _extension(line["format"]),
                line["source"],
                line.get("snapshot_date") or "",
                line.get("render") or "original",
            )
            for line in reader
        ]
    # Only a rendered file carries a date (the PDF's or DOCX's creation date); a file kept as fetched needs none.
    undated = [row.id for row in rows if row.render != "original" and not row.snapshot_date]
    if undated:
        raise BuildError(f"{path}: rendered rows need a snapshot_date: {', '.join(undated)}")
    return rows


def _extension(format_cell: str) -> str:
    """The file extension a format cell names: the older blind manifests annotate the cell ("markdown (verbatim)",
    "html (rendered verbatim from TSX)"), so only its first word counts."""
    word = format_cell.split(maxsplit=1)[0].lower() if format_cell.strip() else ""
    return {"markdown": "md"}.get(word, word)


def read_hashes(set_dir: Path) -> dict[str, str]:
    """``HASHES.txt`` (``sha256sum docs/*`` output) as file name → digest; empty when the set has none."""
    path = set_dir / "HASHES.txt"
    if not path.is_file():
        return {}
    hashes = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        if name:
            hashes[Path(name).name] = digest
    return hashes


def fetch_bytes(source: Source, mirror_root: Path | None) -> bytes:
    mirror = mirror_root / f"{source.owner}+{source.repo}" / "repo" if mirror_root else None
    if mirror and (mirror / ".git").is_dir():
        # A snapshot may arrive as a work tree's .git folder rather than a bare repository.
        mirror = mirror / ".git"
    if mirror and mirror.is_dir():
        done = subprocess.run(
            ["git", "--git-dir", str(mirror), "show", f"{source.commit}:{source.path}"],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            raise BuildError(
                f"git show {source.commit}:{source.path} in {mirror}: {done.stderr.decode(errors='replace').strip()}"
            )
        return done.stdout
    url = (
        f"https://raw.githubusercontent.com/{source.owner}/{source.repo}/{source.commit}/"
        f"{urllib.parse.quote(source.path)}"
    )
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read()
    except (urllib.error.URLError, TimeoutError) as error:
        raise BuildError(f"download of {url} failed ({error}); give --mirror-root if a mirror exists") from error


def markdown_parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def strip_front_matter(text: str) -> str:
    return FRONT_MATTER.sub("", text, count=1)


class _TextOnly(HTMLParser):
    """Collects the text of an HTML fragment; Markdown files embed a few raw tags."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(fragment: str) -> str:
    parser = _TextOnly()
    parser.feed(fragment)
    parser.close()
    return " ".join("".join(parser.parts).split())


def inline_runs(token: Token) -> tuple[Run, ...]:
    runs: list[Run] = []
    bold = italic = False
    for child in token.children or ():
        if child.type == "text":
            runs.append(Run(child.content, bold, italic))
        elif child.type == "code_inline":
            runs.append(Run(child.content, bold, italic, code=True))
        elif child.type in ("softbreak", "hardbreak"):
            runs.append(Run("\n" if child.type == "hardbreak" else " ", bold, italic))
        elif child.type == "html_inline":
            text = html_text(child.content)
            if text:
                runs.append(Run(text, bold, italic))
        elif child.type in ("strong_open", "strong_close"):
            bold = child.type == "strong_open"
        elif child.type in ("em_open", "em_close"):
            italic = child.type == "em_open"
        elif child.type == "image":
            runs.append(Run(child.content, bold, italic))
    return tuple(run for run in runs if run.text)


def plain(runs: tuple[Run, ...]) -> str:
    return "".join(run.text for run in runs).strip()


def markdown_blocks(text: str) -> list[Block]:
    """Turns Markdown into the flat block list both binary writers lay out."""
    tokens = markdown_parser().parse(strip_front_matter(text))
    blocks: list[Block] = []
    lists: list[list] = []  # per open list: [ordered, next number]
    quote_depth = 0
    pending_marker: str | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1)
            lists.append([kind == "ordered_list_open", start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            ordered, number = lists[-1]
            pending_marker = f"{number}." if ordered else "•"
            lists[-1][1] = number + 1
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "heading_open":
            blocks.append(Block("heading", inline_runs(tokens[index + 1]), level=int(token.tag[1])))
            index += 2
        elif kind == "inline" and tokens[index - 1].type == "paragraph_open":
            runs = inline_runs(token)
            if pending_marker is not None:
                blocks.append(Block("item", runs, level=len(lists), marker=pending_marker))
                pending_marker = None
            elif lists:
                blocks.append(Block("item", runs, level=len(lists)))
            elif runs:
                blocks.append(Block("quote" if quote_depth else "paragraph", runs))
        elif kind in ("fence", "code_block"):
            blocks.append(Block("code", (Run(token.content.rstrip("\n"), code=True),)))
        elif kind == "html_block":
            text = html_text(token.content)
            if text:
                blocks.append(Block("paragraph", (Run(text),)))
        elif kind == "hr":
            blocks.append(Block("rule"))
        elif kind == "table_open":
            rows, index = _table_rows(tokens, index)
            blocks.append(Block("table", rows=rows))
        index += 1
    return blocks


def _table_rows(tokens: list[Token], index: int) -> tuple[tuple[tuple[str, ...], ...], int]:
    rows: list[tuple[str, ...]] = []
    cells: list[str] = []
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            cells = []
        elif token.type == "inline":
            cells.append(plain(inline_runs(token)))
        elif token.type == "tr_close":
            rows.append(tuple(cells))
        index += 1
    width = max((len(row) for row in rows), default=0)
    return tuple(row + ("",) * (width - len(row)) for row in rows), index


def render_html(text: str, title: str) -> bytes:
    body = markdown_parser().render(strip_front_matter(text))
    page = (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
    return page.encode("utf-8")


def render_docx(text: str, title: str, created: dt.datetime) -> bytes:
    document = docx.Document()
    for block in markdown_blocks(text):
        if block.kind == "heading":
            _add_runs(document.add_heading(level=min(block.level, 9)), block.runs)
        elif block.kind == "paragraph":
            _add_runs(document.add_paragraph(), block.runs)
        elif block.kind == "quote":
            _add_runs(document.add_paragraph(style="Quote"), block.runs)
        elif block.kind == "item":
            _add_list_item(document, block)
        elif block.kind == "code":
            run = document.add_paragraph().add_run(block.runs[0].text)
            run.font.name = "Courier New"
            run.font.size = Pt(9)
        elif block.kind == "table" and block.rows:
            _add_table(document, block.rows)
        elif block.kind == "rule":
            document.add_paragraph("")
    properties = document.core_properties
    properties.title = title
    properties.author = properties.last_modified_by = "dpcheck eval/fetch_real.py"
    properties.created = properties.modified = created
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def _add_runs(paragraph, runs: tuple[Run, ...]) -> None:
    for part in runs:
        pieces = part.text.split("\n")
        for number, piece in enumerate(pieces):
            run = paragraph.add_run(piece)
            run.bold = part.bold or None
            run.italic = part.italic or None
            if part.code:
                run.font.name = "Courier New"
            if number < len(pieces) - 1:
                run.add_break(WD_BREAK.LINE)


def _add_list_item(document, block: Block) -> None:
    ordered = block.marker.endswith(".")
    base = "List Number" if ordered else "List Bullet"
    style = base if block.level <= 1 else f"{base} {min(block.level, 3)}"
    paragraph = document.add_paragraph(style=style if block.marker else "List Continue")
    _add_runs(paragraph, block.runs)


def _add_table(document, rows: tuple[tuple[str, ...], ...]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for row_cells, row in zip(table.rows, rows):
        for cell, text in zip(row_cells.cells, row):
            cell.text = text
    for cell in table.rows[0].cells:
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.bold = True


def _fixed_zip_times(blob: bytes) -> bytes:
    """python-docx stamps zip entries with the current time; pin them so builds repeat."""
    source = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def font_dir() -> Path:
    candidates = list(FONT_DIRS)
    try:
        import matplotlib

        candidates.append(Path(matplotlib.get_data_path()) / "fonts" / "ttf")
    except ImportError:
        pass
    for folder in candidates:
        if all((folder / name).is_file() for name in (*FONT_FILES.values(), MONO_FILE)):
            return folder
    raise BuildError("DejaVu Sans TTF files not found (apt-get install fonts-dejavu-core)")


class _Pdf(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", "", 8)
        self.cell(0, 8, str(self.page_no()), align="C")


HEADING_SIZES = {1: 16, 2: 14, 3: 12.5}


def render_pdf(text: str, title: str, created: dt.datetime) -> bytes:
    fonts = font_dir()
    pdf = _Pdf(format="A4")
    for style, name in FONT_FILES.items():
        pdf.add_font("DejaVu", style, str(fonts / name))
    pdf.add_font("DejaVuMono", "", str(fonts / MONO_FILE))
    pdf.set_creation_date(created)
    pdf.set_title(title)
    pdf.set_creator("dpcheck eval/fetch_real.py")
    pdf.set_producer("fpdf2")
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    for block in markdown_blocks(text):
        _pdf_block(pdf, block)
    return bytes(pdf.output())


def _pdf_block(pdf: FPDF, block: Block) -> None:
    body = 10
    if block.kind == "heading":
        pdf.ln(2)
        _pdf_runs(pdf, block.runs, HEADING_SIZES.get(block.level, 11), force_bold=True)
        pdf.ln(1)
    elif block.kind in ("paragraph", "quote"):
        indent = 8 if block.kind == "quote" else 0
        _pdf_runs(pdf, block.runs, body, indent=indent, force_italic=block.kind == "quote")
    elif block.kind == "item":
        indent = 6 * block.level
        pdf.set_x(pdf.l_margin + indent - 5)
        pdf.set_font("DejaVu", "", body)
        pdf.cell(5, 5, block.marker)
        _pdf_runs(pdf, block.runs, body, indent=indent, continue_line=True)
    elif block.kind == "code":
        pdf.set_font("DejaVuMono", "", 8.5)
        pdf.multi_cell(0, 4.2, block.runs[0].text)
        pdf.ln(2)
    elif block.kind == "table" and block.rows:
        pdf.set_font("DejaVu", "", 8.5)
        with pdf.table(
            first_row_as_headings=True, line_height=4.5, text_align="LEFT", headings_style=FontFace(emphasis="BOLD")
        ) as table:
            for row in block.rows:
                cells = table.row()
                for value in row:
                    cells.cell(value)
        pdf.ln(3)
    elif block.kind == "rule":
        y = pdf.get_y() + 2
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        pdf.ln(5)


def _pdf_runs(
    pdf: FPDF,
    runs: tuple[Run, ...],
    size: float,
    *,
    indent: float = 0,
    force_bold: bool = False,
    force_italic: bool = False,
    continue_line: bool = False,
) -> None:
    old_margin = pdf.l_margin
    pdf.set_left_margin(old_margin + indent)
    if not continue_line:
        pdf.set_x(pdf.l_margin)
    height = size * 0.5
    for run in runs:
        style = ("B" if run.bold or force_bold else "") + ("I" if run.italic or force_italic else "")
        if run.code:
            pdf.set_font("DejaVuMono", "", size - 1)
        else:
            pdf.set_font("DejaVu", style, size)
        pdf.write(height, run.text)
    pdf.ln(height + 1.5)
    pdf.set_left_margin(old_margin)


def build(row: Row, mirror_root: Path | None) -> tuple[bytes, bytes]:
    """Returns the source bytes and the file to write for one manifest row."""
    if row.render not in RENDERS:
        raise BuildError(f"render {row.render!r} is not one of {sorted(RENDERS)}")
    if row.render != "original" and RENDER_FORMAT[row.render] != row.format:
        raise BuildError(f"render {row.render} makes {RENDER_FORMAT[row.render]}, manifest says {row.format}")
    raw = fetch_bytes(parse_source(row.source), mirror_root)
    if row.render == "original":
        return raw, raw
    text = raw.decode("utf-8")
    created = dt.datetime.fromisoformat(row.snapshot_date).replace(tzinfo=dt.UTC)
    if row.render == "md->html":
        return raw, render_html(text, row.id)
    if row.render == "md->docx":
        return raw, render_docx(text, row.id, created)
    return raw, render_pdf(text, row.id, created)


def verify(row: Row, raw: bytes, built: bytes) -> None:
    if not built:
        raise BuildError("built file is empty")
    if row.render == "original" and built != raw:
        raise BuildError("written bytes differ from the source")
    if row.format == "pdf" and not built.startswith(b"%PDF-"):
        raise BuildError("not a PDF")
    if row.format == "docx":
        try:
            names = zipfile.ZipFile(io.BytesIO(built)).namelist()
        except zipfile.BadZipFile as error:
            raise BuildError(f"not a DOCX zip: {error}") from error
        if "word/document.xml" not in names:
            raise BuildError("DOCX without word/document.xml")
    if row.format in ("html", "md"):
        try:
            built.decode("utf-8")
        except UnicodeDecodeError as error:
            raise BuildError(f"not UTF-8 text: {error}") from error


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", default="real", help="folder under eval/ holding manifest.tsv (default: real)")
    parser.add_argument(
        "--mirror-root",
        type=Path,
        default=None,
        help=f"folder of git mirrors <owner>+<repo>/repo (default: {DEFAULT_MIRROR_ROOT} if it exists)",
    )
    args = parser.parse_args(argv)
    mirror_root = args.mirror_root or (DEFAULT_MIRROR_ROOT if DEFAULT_MIRROR_ROOT.is_dir() else None)
    set_dir = EVAL_DIR / args.set
    rows = read_manifest(set_dir / "manifest.tsv")
    docs = set_dir / "docs"
    docs.mkdir(exist_ok=True)
    failures: list[str] = []
    made: Counter[tuple[str, str]] = Counter()
    digest = hashlib.sha256()
    hashes = read_hashes(set_dir)
    for row in rows:
        # HASHES.txt names each file as it was labelled: its extension wins over a manifest's format cell.
        recorded = [name for name in hashes if Path(name).stem == row.id]
        target = docs / (recorded[0] if len(recorded) == 1 else f"{row.id}.{row.format}")
        try:
            raw, built = build(row, mirror_root)
            verify(row, raw, built)
            if target.name in hashes and hashlib.sha256(built).hexdigest() != hashes[target.name]:
                # A file made some other way than this script knows (rendered from a site's source code, joined
                # from two files) would be scored against labels of other text: it is not written.
                raise BuildError(f"bytes differ from HASHES.txt's {target.name} (see the manifest's notes)")
        except (BuildError, UnicodeDecodeError, ValueError, OSError) as error:
            failures.append(f"{row.id}: {error}")
            print(f"FAILED {row.id}: {error}", file=sys.stderr)
            continue
        target.write_bytes(built)
        digest.update(f"{target.name} {hashlib.sha256(built).hexdigest()}\n".encode())
        made[(row.format, row.render)] += 1
    print(f"{sum(made.values())} of {len(rows)} documents written to {docs}")
    for (fmt, render), count in sorted(made.items()):
        print(f"  {fmt:5} {render:9} {count}")
    print(f"set digest (sha256 over names and file hashes): {digest.hexdigest()}")
    if failures:
        print(f"{len(failures)} failed:", *failures, sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
