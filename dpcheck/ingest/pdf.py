"""PDF: text and layout from pypdfium2, tables by pdfplumber's table finder on pages with ruling lines.

The finder reads a ruled page's lines and characters from pdfium (:mod:`dpcheck.ingest.pdf_tables`)
where that gives what pdfminer would, and from pdfplumber (pdfminer) on the other ruled pages (only
the characters, where pdfium's lines give the tables' cells):
pdfminer is an order of magnitude slower than pdfium and keeps every parsed page in memory until
``page.close()``, so it only sees those few pages.
"""

from __future__ import annotations

import ctypes
import io
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from dpcheck.errors import ErrorCode, IngestError, LimitError
from dpcheck.ingest.document import Document, DocumentBuilder, Notice
from dpcheck.ingest.lines import (
    Dehyphenator,
    Item,
    Layout,
    Line,
    collapse_letter_spacing,
    emit,
    is_letter_spaced,
    is_page_number,
)
from dpcheck.ingest.normalize import clean
from dpcheck.ingest.pdf_tables import Bbox, Cells, Frames, frame_cells, page_tables
from dpcheck.ingest.pdf_visibility import Canvas, PageVisibility, examine, object_bounds, page_objects
from dpcheck.limits import check_chars, checkpoint

# pdfminer logs a warning for every odd font it meets; the text comes from pdfium anyway.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

_LINE = re.compile(r"[^\r\n]+")
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_BULLETS = frozenset("•●○◦▪▫■□‣⁃∙·-–*")
_MARGIN = 0.09  # share of the page height at top and bottom where running headers and footers sit
# A page with fewer visible characters than this whose images cover this share of it is a scan.
_SCAN_CHARS = 20
_SCAN_COVER = 0.3
_SAMPLE = 80  # characters of hidden text quoted in a notice
_FONT_NAME = 128  # bytes of a font's name read to tell a bold one


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    ruled: bool
    seen: PageVisibility | None = None
    hidden_text: str = ""  # the text left out as hidden, for the notice
    fields: int = 0  # form-field values and free-text annotations read into ``lines``
    # A ruled page's tables as pdfplumber finds them (bounding box, cells), read from pdfium; their
    # frames when pdfminer must read their text; None when pdfplumber must read them.
    grid: list[tuple[Bbox, Cells]] | Frames | None = None
    links: list[tuple[str, str]] = field(default_factory=list)  # (text under the link, web address)

    @property
    def chars(self) -> int:
        return sum(len("".join(line.text.split())) for line in self.lines)


@dataclass(slots=True)
class _Table:
    top: float
    bottom: float
    left: float
    right: float
    header: list[str]
    rows: list[list[str]]

    def holds(self, line: Line) -> bool:
        if line.top is None or line.left is None:
            return False
        middle = line.top + (line.size or 0) / 2
        return self.top - 2 <= middle <= self.bottom + 2 and self.left - 2 <= line.left <= self.right + 2


def parse(data: bytes, source: str, *, max_pages: int) -> Document:
    pages, metadata, warnings, excerpt = _read(data, source, max_pages)
    chars = sum(page.chars for page in pages)
    if chars < 20 * len(pages) and chars < 50:
        if "unreadable_pages" in metadata:
            broken = metadata["unreadable_pages"]
            raise IngestError(ErrorCode.PDF_CORRUPT, f"{source}: page(s) {broken} unreadable and the rest has no text")
        raise IngestError(
            ErrorCode.PDF_NO_TEXT,
            f"{source}: {len(pages)} page(s) but only {chars} characters of text; probably a scan (run OCR first)",
        )
    _drop_running_lines(pages)
    all_lines = [line for page in pages for line in page.lines]
    dehyphenator = Dehyphenator(" ".join(line.text for line in all_lines))
    tables = _tables(excerpt or data, pages, dehyphenator, excerpt is not None)
    margins = {p.number: max((ln.right for ln in p.lines if ln.right is not None), default=p.width) for p in pages}
    layout = Layout(all_lines, dehyphenator, margins)
    items: list[Item] = []
    run: list[Line] = []
    for page in pages:
        for part in _split_at_tables(page, tables.get(page.number, [])):
            if isinstance(part, _Table):
                items.extend(layout.items(run))
                items.append(Item("table_row", page=page.number, header=part.header, rows=part.rows))
                run = []
            else:
                run.extend(part)
    items.extend(layout.items(run))
    builder = DocumentBuilder(source, "pdf")
    for warning in warnings:
        builder.warn(warning)
    for notice in _page_notices(pages):
        builder.note(notice)
    for page in pages:
        for text, target in page.links:
            builder.add_link(text, target)
    emit(builder, _merge_continued_tables(items), pages=len(pages))
    return builder.build(metadata)


def _page_notices(pages: Sequence[_Page]) -> list[Notice]:
    """Scanned pages, hidden text, blanked glyphs and form fields, each named by its pages."""
    notices = []

    def numbers(test: Callable[[_Page], bool]) -> tuple[int, ...]:
        return tuple(p.number for p in pages if test(p))

    scans = numbers(lambda p: p.seen is not None and p.seen.image_share >= _SCAN_COVER and p.chars < _SCAN_CHARS)
    if scans:
        notices.append(
            Notice(
                "image-only-pages",
                f"page(s) {_listed(scans)} of {len(pages)} are images without a text layer (scans): their text is "
                "not read; run OCR on them",
                True,
                scans,
            )
        )
    hidden = numbers(lambda p: bool(p.hidden_text))
    if hidden:
        modes = sum(p.seen.invisible_mode for p in pages if p.seen)
        tiny = sum(p.seen.tiny for p in pages if p.seen)
        count = sum(len(p.hidden_text) for p in pages)
        how = ", ".join(
            part
            for part in (
                f"{modes:,} in the invisible text mode" if modes else "",
                f"{tiny:,} smaller than 2 pt" if tiny else "",
            )
            if part
        )
        sample = " ".join(" ".join(p.hidden_text for p in pages).split())[:_SAMPLE]
        notices.append(
            Notice(
                "hidden-text",
                f"{count:,} character(s) of text on page(s) {_listed(hidden)} cannot be seen on the page as drawn "
                f"(white, covered, clipped, off the page, in a hidden layer{' or too small' if tiny else ''}"
                f'{"; " + how if how else ""}) and were left out: "{sample}"',
                False,
                hidden,
            )
        )
    undrawn = numbers(lambda p: p.seen is not None and not p.seen.drawn and bool(p.lines))
    if undrawn:
        notices.append(
            Notice(
                "hidden-text-unchecked",
                f"page(s) {_listed(undrawn)} are too large to draw, so hidden text on them could not be told from "
                "visible text and all of it was read",
                True,
                undrawn,
            )
        )
    blanked = numbers(lambda p: p.seen is not None and p.seen.blanked > 0)
    if blanked:
        count = sum(p.seen.blanked for p in pages if p.seen)
        notices.append(
            Notice(
                "blanked-glyphs",
                f"{count:,} glyph(s) on page(s) {_listed(blanked)} are drawn but the text layer maps them to a space "
                "or to nothing (a tampered or broken ToUnicode map): words there are read with letters missing",
                True,
                blanked,
            )
        )
    fields = numbers(lambda p: p.fields > 0)
    if fields:
        notices.append(
            Notice(
                "form-fields-read",
                f"{sum(p.fields for p in pages)} form-field value(s) or free-text note(s) on page(s) {_listed(fields)} "
                "were read as text of the page",
                False,
                fields,
            )
        )
    return notices


def _listed(numbers: Sequence[int]) -> str:
    shown = ", ".join(map(str, numbers[:20]))
    return shown + (f" and {len(numbers) - 20} more" if len(numbers) > 20 else "")


def _read(data: bytes, source: str, max_pages: int) -> tuple[list[_Page], dict[str, str], list[str], bytes | None]:
    """The pages, the metadata, the warnings, and the pages whose tables' text pdfminer must read as a PDF of their
    own (:func:`_excerpt`), or None."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise IngestError(ErrorCode.PDF_ENCRYPTED, f"{source}: the PDF is password-protected") from None
        raise IngestError(ErrorCode.PDF_CORRUPT, f"{source}: not a readable PDF ({exc})") from None
    warnings = []
    try:
        count = len(pdf)
        if count == 0:
            raise IngestError(ErrorCode.PDF_CORRUPT, f"{source}: the PDF has no pages")
        if count > max_pages:
            raise LimitError(ErrorCode.TOO_MANY_PAGES, f"{source}: {count:,} pages exceeds the limit of {max_pages:,}")
        if not pdfium_c.FPDF_DocumentHasValidCrossReferenceTable(pdf.raw):
            # pdfium rebuilt the object index by scanning the file: objects it missed are lost.
            warnings.append(
                "the PDF's cross-reference table is damaged (truncated or edited file); "
                "pdfium rebuilt it, and pages or text may be missing"
            )
        pages = []
        broken = []
        chars = 0
        pdf.init_forms()
        canvas = Canvas()
        for number in range(1, count + 1):
            checkpoint()
            try:
                page = _read_page(pdf, number, canvas)
            except pdfium.PdfiumError:  # one damaged page should not cost the rest of the document
                broken.append(str(number))
                page = _Page(number, 0.0, 0.0, [], False)
            pages.append(page)
            chars += sum(len(line.text) for line in page.lines)
            check_chars(chars)
        if len(broken) == count:
            raise IngestError(ErrorCode.PDF_CORRUPT, f"{source}: none of the {count} pages could be read")
        title = clean(pdf.get_metadata_dict().get("Title", "")).strip()
        excerpt = _excerpt(pdf, pages)
    finally:
        pdf.close()
    metadata = {"title": title} if title else {}
    if broken:
        metadata["unreadable_pages"] = ",".join(broken)
        warnings.append(f"page(s) {', '.join(broken)} of {count} could not be read")
    return pages, metadata, warnings, excerpt


def _excerpt(pdf: pdfium.PdfDocument, pages: Sequence[_Page]) -> bytes | None:
    """The ruled pages whose tables' text pdfminer must read (:class:`Frames`), copied by pdfium into a PDF of
    their own, in their order; None when there are none, when a ruled page must be read by pdfplumber whole (its
    rotation and boxes are then pdfminer's to read from the file itself), or when pdfium cannot copy them.

    pdfminer makes an object of every page of a file before pdfplumber picks those it was asked for, reading
    each page's content streams' dictionaries: for the two such pages of a 41-page PDF a tenth of what pdfminer
    took for them, and more the longer the file. A copied page is the same content with the same resources, and
    pdfplumber measures ``doctop`` over the pages it reads only, so their characters are the same."""
    wanted = [page.number for page in pages if page.ruled and isinstance(page.grid, Frames)]
    if not wanted or any(page.ruled and page.grid is None for page in pages):
        return None
    copy = pdfium.PdfDocument.new()
    try:
        copy.import_pages(pdf, [number - 1 for number in wanted])
        out = io.BytesIO()
        copy.save(out)
    except pdfium.PdfiumError:
        return None
    finally:
        copy.close()
    return out.getvalue()


def _read_page(pdf: pdfium.PdfDocument, number: int, canvas: Canvas) -> _Page:
    page = pdf[number - 1]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        images: list[Any] = []
        paths: list[Any] = []
        for kind, obj in page_objects(page, (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH)):
            checkpoint()
            (images if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE else paths).append(obj)
        ruled = _has_rulings(paths)
        try:
            text = textpage.get_text_range()
            seen = examine(page, textpage, text, images, canvas)
            lines, hidden_text = _lines(textpage, text, number, height, seen.hidden)
            grid = page_tables(page, textpage) if ruled else None
            links = _links(pdf, page, textpage)
        finally:
            textpage.close()
        fields = _annotation_lines(pdf, page, number, height)
        result = _Page(
            number, width, height, _attach_bullets(lines), ruled, seen, hidden_text, len(fields), grid, links
        )
        _insert_by_position(result.lines, fields)
        return result
    finally:
        page.close()


def _lines(
    textpage: pdfium.PdfTextPage, text: str, number: int, height: float, hidden: set[int]
) -> tuple[list[Line], str]:
    """The page's lines (``text`` the text page's ``get_text_range()``) without its hidden characters, and the
    hidden text left out."""
    lines = []
    left_out = []
    name = ctypes.create_string_buffer(_FONT_NAME)
    for match in _LINE.finditer(text):
        raw = match[0]
        if not raw.strip():
            continue
        # Character index of each text position; pdfium inserts characters, so they differ.
        indices = (
            [pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage.raw, match.start() + i) for i in range(len(raw))]
            if hidden
            else range(match.start(), match.end())
        )
        if hidden:
            left_out.append("".join(c if i in hidden else " " for c, i in zip(raw, indices, strict=True)))
            kept = [(c, i) for c, i in zip(raw, indices, strict=True) if i not in hidden]
            raw, indices = "".join(c for c, _ in kept), [i for _, i in kept]
        body = raw.strip()
        if not body:
            continue
        start = len(raw) - len(raw.lstrip())
        first, last = indices[start], indices[start + len(body) - 1]
        if not hidden:
            first = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage.raw, first)
            last = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage.raw, last)
        first_box, last_box = _box(textpage, first), _box(textpage, last)
        if first_box is None or last_box is None:
            lines.append(Line(clean(collapse_letter_spacing(body)), number))
            continue
        if is_letter_spaced(body):
            body = _respace(textpage, first, last, hidden) or body
        lines.append(
            Line(
                clean(body),
                number,
                top=height - first_box[3],
                last_top=height - last_box[3],
                left=first_box[0],
                right=last_box[2],
                size=_size(textpage, first, last, first_box, last_box),
                bold=_bold(textpage, first, name) and _bold(textpage, last, name),
            )
        )
    return lines, " ".join(" ".join(left_out).split())


def _links(pdf: pdfium.PdfDocument, page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> list[tuple[str, str]]:
    """The page's links to web addresses, each with the text drawn under it, as Markdown and HTML record theirs:
    where a document points ("our sub-processor list") is part of what it says. Links are recorded, never
    followed; one to a place in the document itself names no address and is left out."""
    found = []
    position, link = ctypes.c_int(0), pdfium_c.FPDF_LINK()
    while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
        checkpoint()
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            continue
        size = pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, None, 0)
        address = ctypes.create_string_buffer(max(size, 1))
        pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, address, size)
        target = address.value.decode("latin-1").strip()
        rect = pdfium_c.FS_RECTF()
        if target:
            drawn = _bounded_text(textpage, rect) if pdfium_c.FPDFLink_GetAnnotRect(link, rect) else ""
            found.append((clean(" ".join(drawn.split())), target))
    return found


def _bounded_text(textpage: pdfium.PdfTextPage, rect: pdfium_c.FS_RECTF) -> str:
    box = (rect.left, max(rect.top, rect.bottom), rect.right, min(rect.top, rect.bottom))
    count = pdfium_c.FPDFText_GetBoundedText(textpage.raw, *box, None, 0)
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetBoundedText(textpage.raw, *box, buffer, count + 1)
    return bytes(buffer)[: 2 * max(written, 0)].decode("utf-16-le", errors="replace").rstrip("\0")


def _annotation_lines(pdf: pdfium.PdfDocument, page: pdfium.PdfPage, number: int, height: float) -> list[Line]:
    """Text shown on the page that is not in its text layer: filled-in form fields and
    free-text annotations (hidden ones left out)."""
    lines = []
    form = pdf.formenv.raw if pdf.formenv else None
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        checkpoint()
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, index)
        if not annot:
            continue
        try:
            text = _annotation_text(annot, form)
            rect = pdfium_c.FS_RECTF()
            if text and pdfium_c.FPDFAnnot_GetRect(annot, rect):
                lines.append(
                    Line(
                        text,
                        number,
                        top=height - max(rect.top, rect.bottom),
                        last_top=height - max(rect.top, rect.bottom),
                        left=min(rect.left, rect.right),
                        right=max(rect.left, rect.right),
                    )
                )
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return lines


_FIELD_TYPES = (pdfium_c.FPDF_FORMFIELD_TEXTFIELD, pdfium_c.FPDF_FORMFIELD_COMBOBOX, pdfium_c.FPDF_FORMFIELD_LISTBOX)
_HIDDEN_ANNOT = pdfium_c.FPDF_ANNOT_FLAG_HIDDEN | pdfium_c.FPDF_ANNOT_FLAG_NOVIEW | pdfium_c.FPDF_ANNOT_FLAG_INVISIBLE


def _annotation_text(annot: pdfium_c.FPDF_ANNOTATION, form: pdfium_c.FPDF_FORMHANDLE | None) -> str:
    if pdfium_c.FPDFAnnot_GetFlags(annot) & _HIDDEN_ANNOT:
        return ""
    subtype = pdfium_c.FPDFAnnot_GetSubtype(annot)
    if subtype == pdfium_c.FPDF_ANNOT_FREETEXT:
        return clean(_utf16(lambda buf, size: pdfium_c.FPDFAnnot_GetStringValue(annot, b"Contents", buf, size)))
    if subtype == pdfium_c.FPDF_ANNOT_WIDGET and form is not None:
        if pdfium_c.FPDFAnnot_GetFormFieldType(form, annot) in _FIELD_TYPES:
            return clean(_utf16(lambda buf, size: pdfium_c.FPDFAnnot_GetFormFieldValue(form, annot, buf, size)))
    return ""


def _utf16(call: Callable[[ctypes.Array[ctypes.c_ushort] | None, int], int]) -> str:
    """A string from a pdfium call that fills a UTF-16LE buffer and returns the bytes it needs."""
    size = call(None, 0)
    if size <= 2:
        return ""
    buffer = (ctypes.c_ushort * ((size + 1) // 2))()
    call(buffer, size)
    return bytes(buffer)[: size - 2].decode("utf-16-le", errors="replace")


def _insert_by_position(lines: list[Line], extra: list[Line]) -> None:
    """Put each extra line before the first line that sits below it (in reading order)."""
    for line in extra:
        top = line.top or 0.0
        at = next((i for i, other in enumerate(lines) if other.top is not None and other.top > top), len(lines))
        lines.insert(at, line)


def _box(textpage: pdfium.PdfTextPage, index: int, loose: bool = True) -> tuple[float, float, float, float] | None:
    """(left, bottom, right, top) of a character; the loose box spans the font's full height."""
    if index < 0:
        return None
    if loose:
        rect = pdfium_c.FS_RECTF()
        if not pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, index, rect):
            return None
        return rect.left, rect.bottom, rect.right, rect.top
    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    if not pdfium_c.FPDFText_GetCharBox(textpage.raw, index, left, right, bottom, top):
        return None
    return left.value, bottom.value, right.value, top.value


def _size(
    textpage: pdfium.PdfTextPage,
    first: int,
    last: int,
    first_box: tuple[float, float, float, float],
    last_box: tuple[float, float, float, float],
) -> float | None:
    """Font size (loose glyph box height) of the line's middle glyph, or of its ends (whose loose
    boxes the caller has).

    Taking the middle of three keeps a bullet or number in a symbol font from deciding it.
    """
    boxes = [first_box, _box(textpage, (first + last) // 2), last_box]
    heights = sorted(box[3] - box[1] for box in boxes if box is not None)
    return round(heights[len(heights) // 2] * 2) / 2 if heights else None


def _bold(textpage: pdfium.PdfTextPage, index: int, name: ctypes.Array[ctypes.c_char]) -> bool:
    """Whether the glyph's font is bold by weight or by name; ``name`` a buffer of ``_FONT_NAME``
    bytes the font's name is read into (made once per page, not at every call)."""
    if pdfium_c.FPDFText_GetFontWeight(textpage.raw, index) >= 600:
        return True
    flags = ctypes.c_int()
    needed = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, len(name), ctypes.byref(flags))
    # pdfium leaves the buffer as it was when it fails or the name does not fit: no name then.
    if not 0 < needed <= len(name):
        return False
    return bool(_BOLD_FONT.search(name.value.decode("latin-1")))


def _respace(textpage: pdfium.PdfTextPage, first: int, last: int, hidden: set[int]) -> str:
    """Rebuild a letter-spaced line ("T r a n s f e r s") from glyph positions.

    The spaces in such a line are evenly spread tracking, so words are where the gap between
    two glyphs is clearly wider than the typical gap.
    """
    glyphs = []
    for index in range(first, last + 1):
        if index in hidden:
            continue
        char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
        box = _box(textpage, index, loose=False)
        if char.strip() and box is not None:
            glyphs.append((char, box[0], box[2]))
    if len(glyphs) < 2:
        return ""
    gaps = [b[1] - a[2] for a, b in pairwise(glyphs)]
    typical = sorted(gaps)[len(gaps) // 2]
    text = [glyphs[0][0]]
    for (char, _, _), gap in zip(glyphs[1:], gaps, strict=True):
        if gap > 1.5 * typical + 0.5:
            text.append(" ")
        text.append(char)
    return "".join(text)


def _attach_bullets(lines: list[Line]) -> list[Line]:
    """Put list bullets drawn apart from their text (HTML-to-PDF renderers emit the markers
    last) back at the start of the line they sit beside."""
    bullets = [ln for ln in lines if ln.text in _BULLETS and ln.top is not None and ln.size]
    if not bullets:
        return lines
    bullet_ids = {id(ln) for ln in bullets}
    kept = [ln for ln in lines if id(ln) not in bullet_ids]
    for bullet in bullets:
        beside = [
            ln
            for ln in kept
            if ln.top is not None
            and ln.left is not None
            and abs(ln.top - (bullet.top or 0)) < (bullet.size or 0) / 2
            and ln.left > (bullet.left or 0)
        ]
        if beside:
            target = min(beside, key=lambda ln: ln.left or 0)
            target.text = f"{bullet.text} {target.text}"
        else:
            kept.append(bullet)
    return kept


def _has_rulings(paths: Iterable[Any]) -> bool:
    """Cheap test for a drawn table grid: edges at three or more distinct x positions and two or more y positions
    (one row of two cells is the rest of a table a page break cut off, see :func:`_continued_only`).

    Underlines, highlights and boxes give at most two x positions; a grid drawn as one path
    shows up as a path with many segments.
    """
    xs: set[int] = set()
    ys: set[int] = set()
    for obj in paths:
        left, bottom, right, top = object_bounds(obj)
        wide, tall = right - left >= 6, top - bottom >= 6
        if wide and tall and pdfium_c.FPDFPath_CountSegments(obj) >= 8:
            return True
        if wide:
            ys.update((round(bottom), round(top)) if tall else (round((bottom + top) / 2),))
        if tall:
            xs.update((round(left), round(right)) if wide else (round((left + right) / 2),))
        if len(xs) >= 3 and len(ys) >= 2:
            return True
    return False


def _drop_running_lines(pages: Sequence[_Page]) -> None:
    """Remove page numbers and the running header/footer lines repeated in the page margins."""

    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", " ".join(line.text.lower().split()))

    def in_margin(line: Line, page: _Page) -> bool:
        return line.top is not None and (line.top < page.height * _MARGIN or line.top > page.height * (1 - _MARGIN))

    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({key(line) for line in page.lines if in_margin(line, page)})
    threshold = max(2, len(pages) // 2)
    for page in pages:
        page.lines = [
            line
            for line in page.lines
            if not (in_margin(line, page) and (is_page_number(line.text) or seen[key(line)] >= threshold))
        ]


def _tables(
    data: bytes, pages: Sequence[_Page], dehyphenator: Dehyphenator, excerpt: bool = False
) -> dict[int, list[_Table]]:
    """Tables on the ruled pages: from pdfium's reading where there is one, else from pdfplumber;
    on any pdfplumber failure the text of its pages stays in the paragraphs. ``data`` is the whole PDF, or with
    ``excerpt`` the pages pdfplumber must read (:func:`_excerpt`), in their order."""
    found: dict[int, list[_Table]] = {}
    unread = []
    for page in pages:
        if not page.ruled:
            continue
        if page.grid is None or isinstance(page.grid, Frames):
            unread.append(page.number)
            continue
        kept = [t for t in (_table(bbox, cells, dehyphenator) for bbox, cells in page.grid) if t is not None]
        if kept:
            found[page.number] = kept
    if not unread:
        return found
    frames = {page.number: page.grid for page in pages if isinstance(page.grid, Frames)}
    try:
        with pdfplumber.open(io.BytesIO(data), pages=None if excerpt else unread) as plumber:
            for plumbed in plumber.pages:
                checkpoint()
                number = unread[plumbed.page_number - 1] if excerpt else plumbed.page_number
                try:
                    framed = frames.get(number)
                    read = (
                        frame_cells(plumbed, framed)
                        if framed is not None
                        else [(t.bbox, t.extract()) for t in plumbed.find_tables()]
                    )
                    tables = [_table(bbox, cells, dehyphenator) for bbox, cells in read]
                finally:
                    plumbed.close()
                kept = [t for t in tables if t is not None]
                if kept:
                    found[number] = kept
    except Exception:  # noqa: BLE001  pdfminer raises many types on odd files; the text layer is already read
        return _continued_only(found)
    return _continued_only(found)


def _continued_only(found: dict[int, list[_Table]]) -> dict[int, list[_Table]]:
    """Tables of one row kept only where they go on with the previous page's last table (the same columns, first on
    their page): the rest of a table, or of one tall row, that a page break cut off. Elsewhere a ruled box of one
    row is text."""
    kept: dict[int, list[_Table]] = {}
    for number in sorted(found):
        tables = sorted(found[number], key=lambda t: t.top)
        before = kept.get(number - 1)
        tables = [
            t
            for i, t in enumerate(tables)
            if t.rows or (i == 0 and before is not None and len(before[-1].header) == len(t.header))
        ]
        if tables:
            kept[number] = tables
    return kept


def _table(
    bbox: tuple[float, float, float, float], cells: list[list[str | None]], dehyphenator: Dehyphenator
) -> _Table | None:
    rows = [[clean(dehyphenator.join_lines((cell or "").split("\n"))) for cell in row] for row in cells]
    # Word draws shaded cells as separate rectangles, leaving empty columns and rows behind.
    columns = [i for i in range(max((len(r) for r in rows), default=0)) if any(i < len(r) and r[i] for r in rows)]
    rows = [[r[i] if i < len(r) else "" for i in columns] for r in rows]
    blank_header = bool(rows) and not any(rows[0])
    rows = _merge_split_rows([r for r in rows if any(r)])
    if not rows or len(columns) < 2:
        return None
    x0, top, x1, bottom = bbox
    if blank_header and len(rows) > 1:
        # A header row left empty stays empty, as Markdown and HTML read it (see :mod:`dpcheck.ingest.docx`).
        return _Table(top, bottom, x0, x1, [""] * len(columns), rows)
    return _Table(top, bottom, x0, x1, rows[0], rows[1:])


def _merge_split_rows(rows: list[list[str]]) -> list[list[str]]:
    """Rejoin pairs of rows that shading rectangles cut out of one row (Word tables in PDF put
    a vertically centred label and its value in separate rows): a row whose filled cells all
    sit where the previous row is empty completes that row."""
    merged: list[list[str]] = []
    complete = True
    for row in rows:
        if not complete and not any(a and b for a, b in zip(merged[-1], row, strict=True)):
            merged[-1] = [a or b for a, b in zip(merged[-1], row, strict=True)]
            complete = True
        else:
            merged.append(row)
            complete = False
    return merged


def _split_at_tables(page: _Page, tables: list[_Table]) -> list[list[Line] | _Table]:
    """The page's lines, minus the text inside its tables, with each table where it sits."""
    parts: list[list[Line] | _Table] = []
    run: list[Line] = []
    queue = sorted(tables, key=lambda t: t.top)
    for line in page.lines:
        if any(t.holds(line) for t in tables):
            continue
        while queue and line.top is not None and line.top > queue[0].top:
            parts += [run, queue.pop(0)]
            run = []
        run.append(line)
    parts += [run, *queue]
    return [p for p in parts if p]


def _merge_continued_tables(items: list[Item]) -> list[Item]:
    """Join a table that runs over a page break: same columns, header absent or repeated."""
    merged: list[Item] = []
    last_page = None  # of the last table, which may have run over several pages
    for item in items:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and item.rows is not None
            and prev.rows is not None
            and item.page is not None
            and last_page is not None
            and item.page == last_page + 1
            and len(item.header) == len(prev.header)
        ):
            first, *rest = item.rows if not any(item.header) else [item.header, *item.rows]
            titles = prev.header if any(prev.header) else prev.rows[0] if prev.rows else []
            if first != titles:  # the column titles repeated after the break are no row
                _go_on(prev.rows, first)
            prev.rows.extend(rest)
            last_page = item.page
            continue
        merged.append(item)
        last_page = item.page
    return merged


def _go_on(rows: list[list[str]], first: list[str]) -> None:
    """Add the first row after a page break: where its first cell is empty and the last row's is not, it is the
    rest of that row, cut by the break, and its cells go on that row's cells."""
    last = rows[-1] if rows else None
    if last is not None and not first[0] and last[0] and len(last) == len(first):
        rows[-1] = [f"{a} {b}".strip() for a, b in zip(last, first, strict=True)]
    else:
        rows.append(first)
