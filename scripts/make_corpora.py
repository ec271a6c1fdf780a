#!/usr/bin/env python3
"""Build the PDF, DOCX and HTML documents of the bundled sample corpus.

The texts of the generated documents live in ``scripts/corpora_src/*.txt`` (one file
per document, in a small Markdown-like source form described below); the Markdown
documents of the corpus are written by hand directly in ``corpora/``. Run::

    python scripts/make_corpora.py            # (re)build every generated document
    python scripts/make_corpora.py ID [ID..]  # only these documents

The output is deterministic: the same sources give byte-identical files (fixed
creation dates, fixed ZIP timestamps in DOCX files, PDF file ids derived from the
content). PDFs use DejaVu Sans when the font is installed (Debian/Ubuntu package
``fonts-dejavu-core``) and fall back to the PDF core font Helvetica with Latin-1
text otherwise, which still covers German umlauts and ß.

Source format
-------------
A header of ``key: value`` lines, a line ``---``, then the body:

* ``# Title``, ``## Heading``, ``### Subheading`` (``#`` is the document title);
* paragraphs separated by blank lines (consecutive lines are joined);
* ``- item`` bullet lists and ``1. item`` numbered lists (continuation lines are
  indented by two spaces);
* tables of ``| a | b |`` lines; the first line is the header row, an optional
  ``|---|---|`` line below it is ignored;
* ``**bold**`` inline;
* ``::pagebreak`` forces a new page in the PDF (ignored elsewhere).

Header keys: ``id``, ``format`` (pdf | docx | html), ``lang``, ``title`` (metadata
title), ``author``, ``date`` (YYYY-MM-DD, used for all metadata timestamps), and for
PDFs ``running_head``; for HTML ``template`` (``plain`` or ``site``) plus, for the
``site`` template, ``site_name``, ``nav`` (items separated by ``|``), ``cookie``,
``footer`` and ``footer_links``.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC_DIR = ROOT / "scripts" / "corpora_src"
OUT_DIR = ROOT / "corpora"

DEJAVU_DIRS = [
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts/dejavu"),
    Path("/Library/Fonts"),
]


# --------------------------------------------------------------------------- parsing


@dataclass
class Block:
    kind: str  # heading | para | ul | ol | table | pagebreak
    text: str = ""
    level: int = 0
    items: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Source:
    meta: dict[str, str]
    blocks: list[Block]

    @property
    def date(self) -> dt.datetime:
        y, m, d = (int(x) for x in self.meta["date"].split("-"))
        return dt.datetime(y, m, d, 9, 0, 0, tzinfo=dt.UTC)


_BULLET = re.compile(r"^- (.*)$")
_NUMBER = re.compile(r"^(\d+)\. (.*)$")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def parse(path: Path) -> Source:
    raw = path.read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        raise SystemExit(f"{path}: missing '---' after the header")
    meta: dict[str, str] = {}
    for line in head.splitlines():
        if line.strip():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    for key in ("id", "format", "lang", "title", "author", "date"):
        if key not in meta:
            raise SystemExit(f"{path}: header key {key!r} missing")

    blocks: list[Block] = []
    para: list[str] = []
    lst: Block | None = None
    table: Block | None = None

    def flush() -> None:
        nonlocal para, lst, table
        if para:
            blocks.append(Block("para", text=" ".join(para)))
            para = []
        if lst is not None:
            blocks.append(lst)
            lst = None
        if table is not None:
            blocks.append(table)
            table = None

    for line in body.splitlines():
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if stripped == "::pagebreak":
            flush()
            blocks.append(Block("pagebreak"))
            continue
        if stripped.startswith("|"):
            if table is None:
                flush()
                table = Block("table", header=_cells(stripped))
            elif re.fullmatch(r"\|?[\s:|-]+\|?", stripped):
                continue
            else:
                table.rows.append(_cells(stripped))
            continue
        heading = re.match(r"^(#{1,4}) (.*)$", stripped)
        if heading and not line.startswith(" "):
            flush()
            blocks.append(Block("heading", text=heading.group(2).strip(), level=len(heading.group(1))))
            continue
        bullet = _BULLET.match(line)
        number = _NUMBER.match(line)
        if bullet or number:
            kind = "ul" if bullet else "ol"
            item = (bullet or number).group(1 if bullet else 2).strip()  # type: ignore[union-attr]
            if lst is None or lst.kind != kind or para:
                flush()
                lst = Block(kind)
            lst.items.append(item)
            continue
        if lst is not None and line.startswith("  "):
            lst.items[-1] += " " + stripped
            continue
        if lst is not None:
            flush()
        para.append(stripped)
    flush()
    return Source(meta, blocks)


def inline_runs(text: str) -> list[tuple[str, bool]]:
    """Split ``**bold**`` markup into (text, bold) runs."""
    runs: list[tuple[str, bool]] = []
    for i, part in enumerate(text.split("**")):
        if part:
            runs.append((part, i % 2 == 1))
    return runs


def plain(text: str) -> str:
    return text.replace("**", "")


# --------------------------------------------------------------------------- PDF


def _find_dejavu() -> tuple[Path, Path, Path] | None:
    for d in DEJAVU_DIRS:
        files = (d / "DejaVuSans.ttf", d / "DejaVuSans-Bold.ttf", d / "DejaVuSans-Oblique.ttf")
        if all(f.exists() for f in files):
            return files
    return None


_LATIN1 = str.maketrans(
    {
        "„": '"',
        "“": '"',
        "”": '"',
        "‚": "'",
        "‘": "'",
        "’": "'",
        "–": "-",
        "—": "-",
        "…": "...",
        "€": "EUR",
        "\u00a0": " ",
        "•": "-",
        "→": "->",
        "≥": ">=",
    }
)


def build_pdf(src: Source, out: Path) -> None:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    fonts = _find_dejavu()
    family = "DejaVu" if fonts else "Helvetica"

    def t(text: str) -> str:
        if fonts:
            return text
        return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")

    running_head = src.meta.get("running_head", src.meta["title"])
    page_label = "Seite {n} von {nb}" if src.meta["lang"] == "de" else "Page {n} of {nb}"

    class Pdf(FPDF):
        def header(self) -> None:
            self.set_font(family, "", 7.5)
            self.set_text_color(110, 110, 110)
            self.cell(0, 5, t(running_head), align="L", new_x="LMARGIN", new_y="NEXT")
            self.set_draw_color(180, 180, 180)
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.ln(4)
            self.set_text_color(0, 0, 0)

        def footer(self) -> None:
            self.set_y(-14)
            self.set_font(family, "", 7.5)
            self.set_text_color(110, 110, 110)
            self.cell(0, 6, t(page_label.format(n=self.page_no(), nb="{nb}")), align="C")
            self.set_text_color(0, 0, 0)

    pdf = Pdf(format="A4", unit="mm")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=20)
    if fonts:
        pdf.add_font("DejaVu", "", str(fonts[0]))
        pdf.add_font("DejaVu", "B", str(fonts[1]))
        pdf.add_font("DejaVu", "I", str(fonts[2]))
    pdf.set_creation_date(src.date)
    pdf.set_title(t(src.meta["title"]))
    pdf.set_author(t(src.meta["author"]))
    pdf.set_subject(t(src.meta.get("subject", src.meta["title"])))
    pdf.set_creator("dpcheck scripts/make_corpora.py")
    pdf.set_producer("fpdf2")
    pdf.set_lang(src.meta["lang"])
    pdf.alias_nb_pages()
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    for b in src.blocks:
        if b.kind == "pagebreak":
            pdf.add_page()
        elif b.kind == "heading":
            size = {1: 16, 2: 12.5, 3: 11, 4: 10}[b.level]
            if b.level > 1 and pdf.get_y() > pdf.h - 45:
                pdf.add_page()
            pdf.ln(2 if b.level > 1 else 0)
            pdf.set_font(family, "B", size)
            pdf.multi_cell(width, size * 0.5, t(plain(b.text)), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5 if b.level == 1 else 1.5)
        elif b.kind == "para":
            pdf.set_font(family, "", 10)
            pdf.multi_cell(width, 5, t(b.text), align="L", markdown=True, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif b.kind in ("ul", "ol"):
            pdf.set_font(family, "", 10)
            for i, item in enumerate(b.items, 1):
                marker = "•" if b.kind == "ul" and fonts else ("-" if b.kind == "ul" else f"{i}.")
                pdf.set_x(pdf.l_margin + 4)
                pdf.cell(7, 5, marker)
                pdf.multi_cell(width - 11, 5, t(item), align="L", markdown=True, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(1)
            pdf.ln(1.5)
        elif b.kind == "table":
            pdf.set_font(family, "", 8)
            ncols = len(b.header)
            widths = [float(w) for w in src.meta.get(f"table_widths_{ncols}", "").split()] or None
            with pdf.table(
                col_widths=widths,
                line_height=4.6,
                text_align="LEFT",
                headings_style=FontFace(emphasis="BOLD", fill_color=(228, 232, 238)),
                first_row_as_headings=True,
                repeat_headings=1,
                padding=1.2,
            ) as table:
                for row in [b.header, *b.rows]:
                    r = table.row()
                    for cell in row:
                        r.cell(t(plain(cell)))
            pdf.ln(4)
    pdf.output(str(out))


# --------------------------------------------------------------------------- DOCX


def _fixed_zip(data: bytes, when: dt.datetime) -> bytes:
    stamp = (when.year, when.month, when.day, 0, 0, 0)
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def build_docx(src: Source, out: Path) -> None:
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Pt

    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)

    def add_runs(par, text: str) -> None:
        for part, bold in inline_runs(text):
            run = par.add_run(part)
            run.bold = bold or None

    for b in src.blocks:
        if b.kind == "pagebreak":
            doc.add_page_break()
        elif b.kind == "heading":
            if b.level == 1:
                doc.add_heading(plain(b.text), level=0)
            else:
                doc.add_heading(plain(b.text), level=b.level - 1)
        elif b.kind == "para":
            add_runs(doc.add_paragraph(), b.text)
        elif b.kind in ("ul", "ol"):
            style = "List Bullet" if b.kind == "ul" else "List Number"
            for item in b.items:
                add_runs(doc.add_paragraph(style=style), item)
        elif b.kind == "table":
            table = doc.add_table(rows=1, cols=len(b.header))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for cell, text in zip(table.rows[0].cells, b.header):
                cell.text = ""
                run = cell.paragraphs[0].add_run(plain(text))
                run.bold = True
            for row in b.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row):
                    cell.text = plain(text)
            doc.add_paragraph()

    cp = doc.core_properties
    cp.title = src.meta["title"]
    cp.author = src.meta["author"]
    cp.last_modified_by = src.meta["author"]
    cp.subject = src.meta.get("subject", "")
    cp.keywords = src.meta.get("keywords", "")
    cp.comments = "Fictional sample document of the dpcheck corpus"
    cp.language = src.meta["lang"]
    cp.category = src.meta.get("category", "")
    cp.created = src.date.replace(tzinfo=None)
    cp.modified = src.date.replace(tzinfo=None)
    cp.last_printed = src.date.replace(tzinfo=None)
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    out.write_bytes(_fixed_zip(buf.getvalue(), src.date))


# --------------------------------------------------------------------------- HTML


def _inline_html(text: str) -> str:
    out = []
    for part, bold in inline_runs(text):
        esc = html.escape(part, quote=False)
        out.append(f"<strong>{esc}</strong>" if bold else esc)
    return "".join(out)


def _body_html(src: Source) -> list[str]:
    lines: list[str] = []
    for b in src.blocks:
        if b.kind == "heading":
            lines.append(f"<h{b.level}>{_inline_html(b.text)}</h{b.level}>")
        elif b.kind == "para":
            lines.append(f"<p>{_inline_html(b.text)}</p>")
        elif b.kind in ("ul", "ol"):
            lines.append(f"<{b.kind}>")
            lines.extend(f"  <li>{_inline_html(i)}</li>" for i in b.items)
            lines.append(f"</{b.kind}>")
        elif b.kind == "table":
            lines.append("<table>")
            lines.append("  <thead><tr>" + "".join(f"<th>{_inline_html(c)}</th>" for c in b.header) + "</tr></thead>")
            lines.append("  <tbody>")
            for row in b.rows:
                lines.append("    <tr>" + "".join(f"<td>{_inline_html(c)}</td>" for c in row) + "</tr>")
            lines.append("  </tbody>")
            lines.append("</table>")
    return lines


_CSS = """body{font-family:system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:0 1rem;line-height:1.5;color:#1d2430}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #c8ced8;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f5}.site-header,.site-footer{background:#1d2430;color:#fff;padding:.75rem 1rem}.site-header a,.site-footer a{color:#cfe0ff}
nav ul{list-style:none;display:flex;gap:1.25rem;padding:0;margin:.5rem 0}.cookie-banner{position:fixed;bottom:0;left:0;right:0;background:#fffbe6;border-top:1px solid #e0c200;padding:1rem}
.breadcrumb{font-size:.85rem;color:#5a6475}"""


def _slug(text: str) -> str:
    text = text.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def build_html(src: Source, out: Path) -> None:
    m = src.meta
    lang = m["lang"]
    title = html.escape(m["title"])
    body = "\n".join(_body_html(src))
    if m.get("template", "plain") == "site":
        nav = "".join(f'<li><a href="/{_slug(item)}">{html.escape(item)}</a></li>' for item in m["nav"].split("|"))
        footer_links = " · ".join(
            f'<a href="/{_slug(item)}">{html.escape(item)}</a>' for item in m.get("footer_links", "").split("|") if item
        )
        accept, reject = (
            ("Alle akzeptieren", "Nur notwendige") if lang == "de" else ("Accept all", "Reject non-essential")
        )
        home = "Startseite" if lang == "de" else "Home"
        script_extra = m.get("script_extra", "").replace("\\n", "\n")
        skip = "Zum Inhalt springen" if lang == "de" else "Skip to content"
        page = f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="{html.escape(m["author"])}">
<meta name="dcterms.modified" content="{m["date"]}">
<title>{title} | {html.escape(m["site_name"])}</title>
<style>
{_CSS}
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){{dataLayer.push(arguments);}}
  var consentDefaults = {{ analytics: "denied", marketing: "denied", region: "EEA" }};
</script>
</head>
<body>
<a class="skip-link" href="#main">{skip}</a>
<header class="site-header">
  <a class="logo" href="/">{html.escape(m["site_name"])}</a>
  <nav aria-label="main"><ul>{nav}</ul></nav>
</header>
<div class="cookie-banner" role="dialog" aria-live="polite">
  <p>{html.escape(m["cookie"])}</p>
  <button type="button" data-consent="all">{accept}</button>
  <button type="button" data-consent="necessary">{reject}</button>
</div>
<p class="breadcrumb"><a href="/">{home}</a> › {title}</p>
<main id="main">
<article>
{body}
</article>
</main>
<footer class="site-footer">
  <p>{html.escape(m["footer"])}</p>
  <p>{footer_links}</p>
</footer>
<script>
  /* consent manager bootstrap */
  document.querySelectorAll('[data-consent]').forEach(function (b) {{
    b.addEventListener('click', function () {{
      document.cookie = 'consent=' + b.dataset.consent + '; path=/; max-age=31536000; SameSite=Lax';
      document.querySelector('.cookie-banner').remove();
    }});
  }});
{script_extra}
</script>
</body>
</html>
"""
    else:
        page = f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="author" content="{html.escape(m["author"])}">
<title>{title}</title>
<style>
{_CSS}
</style>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""
    out.write_text(page, encoding="utf-8")


# --------------------------------------------------------------------------- main

BUILDERS = {"pdf": build_pdf, "docx": build_docx, "html": build_html}


def main(argv: list[str]) -> int:
    sources = sorted(SRC_DIR.glob("*.txt"))
    wanted = set(argv)
    OUT_DIR.mkdir(exist_ok=True)
    built = 0
    for path in sources:
        src = parse(path)
        if src.meta["id"] != path.stem:
            raise SystemExit(f"{path}: id {src.meta['id']!r} does not match the file name")
        if wanted and src.meta["id"] not in wanted:
            continue
        fmt = src.meta["format"]
        out = OUT_DIR / f"{src.meta['id']}.{fmt}"
        BUILDERS[fmt](src, out)
        print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
        built += 1
    if wanted and built != len(wanted):
        print("warning: some requested ids have no source", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
