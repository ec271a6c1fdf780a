"""The tables of a ruled PDF page, read from pdfium's objects by pdfplumber's own table finder.

pdfplumber gets a page's ruling lines and characters from pdfminer, which interprets every object
of the page in Python (mostly characters) before it knows the first line: about 60 ms a ruled page,
most of what reading a PDF with tables costs. pdfium has parsed the page already. Here its path
objects become the edges pdfminer and pdfplumber would make of them (the same segments, shapes and
edge types, in the same order), its characters the character records pdfplumber's cell reader
reads (text, loose box, upright), and pdfplumber's ``TableFinder`` and ``Table.extract`` run on
them with their defaults, as :mod:`dpcheck.ingest.pdf` ran them on pdfminer's page.

A page this cannot read as pdfminer would gives None, and pdfplumber reads it: a rotated page or
one whose media box is not at the origin (pdfminer shifts and turns those), forms nested deeper
than :data:`_DEPTH`, a path or character pdfium cannot describe. A page whose lines pdfium reads
but whose characters in a table it cannot (a glyph without a Unicode value, which pdfminer names
``(cid:N)``; a space pdfminer may or may not see) gives its tables' cells as :class:`Frames`: the
cells' text is then read from pdfminer's characters (:func:`frame_cells`), and pdfplumber's own
conversion of every object of the page and its table finder are spared.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.layout import LTChar, LTContainer, LTItem
from pdfplumber.page import Page
from pdfplumber.table import Table, TableFinder
from pdfplumber.utils import curve_to_edges, line_to_edge, rect_to_edges

from dpcheck.limits import checkpoint

Cells = list[list[str | None]]
Bbox = tuple[float, float, float, float]
_DEPTH = 8  # forms within forms; deeper pages go to pdfplumber
# No Unicode value, and pdfium's code 2 for a hyphen it judged to break a line, which pdfminer reads
# as the glyph's own value (a hyphen, or U+0000 from a broken ToUnicode map).
_NO_TEXT = frozenset({0, 2, 0xFFFE, 0xFFFF})
# The tolerances of pdfplumber's word reader, which ``Table.extract`` uses.
_X_TOLERANCE = 3
_Y_TOLERANCE = 3
_SEGMENT_OP = {
    pdfium_c.FPDF_SEGMENT_MOVETO: "m",
    pdfium_c.FPDF_SEGMENT_LINETO: "l",
    pdfium_c.FPDF_SEGMENT_BEZIERTO: "c",
}


class _UnreadableError(Exception):
    """The page holds something pdfminer would read otherwise than this module can."""


class _Sheet:
    """The parts of a pdfplumber page that ``TableFinder`` and ``Table.extract`` read."""

    def __init__(self, bbox: Bbox, edges: list[dict[str, Any]], chars: list[dict[str, Any]]) -> None:
        self.bbox = bbox
        self.edges = edges
        self.chars = chars


@dataclass(slots=True)
class Frames:
    """A page's tables as the finder found them on pdfium's lines, each its bounding box and its
    cells' boxes, whose text pdfminer's characters give."""

    tables: list[tuple[Bbox, Sequence[Bbox]]]


def page_tables(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> list[tuple[Bbox, Cells]] | Frames | None:
    """Each table's bounding box (x0, top, x1, bottom) and cells as pdfplumber gives them for this
    page, its tables' frames when only their text must come from pdfminer, or None when the page
    must be read by pdfplumber."""
    height = _plain_height(page)
    if height is None:
        return None
    bbox = (0.0, 0.0, 0.0, height)
    try:
        # The finder reads the edges only (its "lines" strategies); the sheet stands where
        # pdfplumber's page would.
        tables = TableFinder(_Sheet(bbox, _edges(page, height), [])).tables  # type: ignore[arg-type]
        if not tables:
            return []
        chars, doubtful = _chars(textpage, height)
        bounds = [table.bbox for table in tables]  # a property that walks the cells each time
        if any(_inside(char, box) for char in doubtful for box in bounds):
            return Frames([(box, table.cells) for table, box in zip(tables, bounds, strict=True)])
        found = []
        for table, box in zip(tables, bounds, strict=True):
            # ``Table.extract`` reads, row by row, the page's characters whose middle is in the row:
            # those are in the table's bounds, so it is given only these (in their order).
            inside = [char for char in chars if _inside(char, box)]
            _set_upright(textpage, inside)
            cells = Table(_Sheet(bbox, [], inside), table.cells).extract()  # type: ignore[arg-type]
            found.append((box, cells))
    except _UnreadableError:
        return None
    return found


def frame_cells(plumbed: Page, frames: Frames) -> list[tuple[Bbox, Cells]]:
    """The cells of ``frames`` read from the characters pdfminer finds on ``plumbed``, as
    pdfplumber's ``Table.extract`` reads them from its ``page.chars``.

    Only the fields the cell reader looks at are made, as pdfplumber's ``process_object`` makes
    them (text, box measured from the page's top, ``doctop``, ``upright``), and only for characters."""
    height = plumbed.height
    mb_x0, mb_top = plumbed.mediabox[:2]
    chars = []
    for count, obj in enumerate(_layout_chars(plumbed.layout._objs)):
        if count % 1024 == 0:
            checkpoint()
        top = (height - obj.y1) + mb_top
        x0, x1 = (obj.x0 + mb_x0, obj.x1 + mb_x0) if mb_x0 != 0 else (obj.x0, obj.x1)
        chars.append(
            {
                "text": obj.get_text(),
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": (height - obj.y0) + mb_top,
                "doctop": plumbed.initial_doctop + top,
                "upright": obj.upright,
            }
        )
    found = []
    for box, cells in frames.tables:
        inside = [char for char in chars if _inside(char, box)]
        found.append((box, Table(_Sheet(box, [], inside), cells).extract()))  # type: ignore[arg-type]
    return found


def _layout_chars(objs: Iterable[LTItem]) -> Iterator[LTChar]:
    """The characters of a pdfminer layout in pdfplumber's order (a form's where the form stands)."""
    for obj in objs:
        if isinstance(obj, LTContainer):
            yield from _layout_chars(obj._objs)
        elif isinstance(obj, LTChar):
            yield obj


def _inside(char: dict[str, Any], bbox: Bbox) -> bool:
    """Whether ``Table.extract`` would read the character as within ``bbox`` (by its middle)."""
    x0, top, x1, bottom = bbox
    return x0 <= (char["x0"] + char["x1"]) / 2 < x1 and top <= (char["top"] + char["bottom"]) / 2 < bottom


def _plain_height(page: pdfium.PdfPage) -> float | None:
    """The media box's height if pdfminer reads the page in pdfium's own coordinates (not rotated,
    media box at the origin), else None.

    pdfium names a media box only when the page itself has one; one inherited from the page tree
    is read from the page's bounds, which are the media box when no crop box narrows them."""
    if page.get_rotation() % 360:
        return None
    raw = page.raw
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    box = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    if not pdfium_c.FPDFPage_GetMediaBox(raw, *box):
        if pdfium_c.FPDFPage_GetCropBox(raw, *box):
            return None
        bounds = pdfium_c.FS_RECTF()
        if not pdfium_c.FPDF_GetPageBoundingBox(raw, bounds):
            return None
        left.value, bottom.value, right.value, top.value = bounds.left, bounds.bottom, bounds.right, bounds.top
    if left.value != 0 or bottom.value != 0 or right.value <= 0 or top.value <= 0:
        return None
    return float(top.value)


def _edges(page: pdfium.PdfPage, height: float) -> list[dict[str, Any]]:
    """pdfplumber's ``page.edges``: those of lines, then of rectangles, then of curves."""
    lines: list[dict[str, Any]] = []
    rects: list[dict[str, Any]] = []
    curves: list[dict[str, Any]] = []
    for path, matrix in _paths(page):
        checkpoint()
        for shape, pts in _shapes(path, matrix):
            _classify(shape, pts, height, lines, rects, curves)
    return (
        [line_to_edge(obj) for obj in lines]
        + [edge for obj in rects for edge in rect_to_edges(obj)]
        + [edge for obj in curves for edge in curve_to_edges(obj)]
    )


_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _paths(page: pdfium.PdfPage) -> Iterator[tuple[Any, _Matrix]]:
    """Painted path objects in content order, each with the matrix from its own coordinates to the page's."""
    for obj, matrix in _walk(page, pdfium_c.FPDF_PAGEOBJ_PATH):
        if _painted(obj):
            yield obj, matrix


def _walk(page: pdfium.PdfPage, wanted: int) -> Iterator[tuple[Any, _Matrix]]:
    """The page's objects of one type in content order, forms' contents where the form stands,
    each with the matrix from its own coordinates to the page's."""

    def walk(count: int, get: Any, outer: _Matrix, depth: int) -> Iterator[tuple[Any, _Matrix]]:
        for index in range(count):
            obj = get(index)
            if not obj:
                raise _UnreadableError
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == wanted:
                yield obj, _compose(_matrix(obj), outer)
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                if depth >= _DEPTH:
                    raise _UnreadableError
                inner = _compose(_matrix(obj), outer)
                yield from walk(
                    pdfium_c.FPDFFormObj_CountObjects(obj),
                    lambda i, form=obj: pdfium_c.FPDFFormObj_GetObject(form, i),
                    inner,
                    depth + 1,
                )

    raw = page.raw
    yield from walk(pdfium_c.FPDFPage_CountObjects(raw), lambda i: pdfium_c.FPDFPage_GetObject(raw, i), _IDENTITY, 0)


def _painted(obj: Any) -> bool:
    """Whether a path is filled or stroked (pdfminer sees no other path: ``n`` paints nothing)."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        raise _UnreadableError
    return bool(fill.value) or bool(stroke.value)


def _matrix(obj: Any) -> _Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        raise _UnreadableError
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """``inner`` then ``outer``, as pdfminer's ``mult_matrix(inner, outer)``."""
    a1, b1, c1, d1, e1, f1 = inner
    a0, b0, c0, d0, e0, f0 = outer
    return (
        a0 * a1 + c0 * b1,
        b0 * a1 + d0 * b1,
        a0 * c1 + c0 * d1,
        b0 * c1 + d0 * d1,
        a0 * e1 + c0 * f1 + e0,
        b0 * e1 + d0 * f1 + f0,
    )


def _shapes(path: Any, matrix: _Matrix) -> Iterator[tuple[str, list[tuple[float, float]]]]:
    """The path's subpaths as pdfminer's ``paint_path`` sees them: operators (``m``, ``l``, ``c``,
    ``h``) and the points in page space, one point per operator (a curve's end, ``h`` the start).

    pdfium keeps a Bézier segment as three points and closes a subpath by a flag on its last
    point, after adding a line back to the start when the subpath ended elsewhere; pdfminer keeps
    ``h`` and, for ``lh`` back at the start, drops the line: both come to the same shape."""
    a, b, c, d, e, f = matrix
    ops: list[str] = []
    pts: list[tuple[float, float]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    bezier = 0
    for index in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
        if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            raise _UnreadableError
        op = _SEGMENT_OP.get(pdfium_c.FPDFPathSegment_GetType(segment))
        if op is None:
            raise _UnreadableError
        if op == "m" and ops:
            yield "".join(ops), pts
            ops, pts = [], []
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if op == "c":
            bezier += 1
            if bezier < 3:  # control points: pdfminer keeps only where a curve ends
                continue
            bezier = 0
        elif bezier:
            raise _UnreadableError
        ops.append(op)
        pts.append(point)
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            ops.append("h")
            pts.append(pts[0])
    if bezier:
        raise _UnreadableError
    if ops:
        yield "".join(ops), pts


def _classify(
    shape: str,
    pts: list[tuple[float, float]],
    height: float,
    lines: list[dict[str, Any]],
    rects: list[dict[str, Any]],
    curves: list[dict[str, Any]],
) -> None:
    """pdfminer's line, rectangle or curve for one subpath, as pdfplumber's object record."""
    if shape[:1] != "m":
        return
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-2] + pts[-1:]
    if shape in ("mlh", "ml"):
        lines.append(_record("line", pts[:2], height))
    elif shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            rects.append(_record("rect", [pts[0], pts[2]], height))
        else:
            curves.append(_record("curve", pts, height))
    else:
        curves.append(_record("curve", pts, height))


def _record(kind: str, pts: list[tuple[float, float]], height: float) -> dict[str, Any]:
    """The fields of pdfplumber's record of a pdfminer ``LTLine``, ``LTRect`` or ``LTCurve``
    that its edge makers and table finder read (bounds of the points; top measured from above)."""
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    record: dict[str, Any] = {
        "object_type": kind,
        "x0": x0,
        "y0": y0,
        "x1": x1,
        "y1": y1,
        "width": x1 - x0,
        "height": y1 - y0,
        "top": height - y1,
        "bottom": height - y0,
        "doctop": height - y1,
    }
    if kind == "curve":
        record["pts"] = [(x, height - y) for x, y in pts]
    return record


def _chars(textpage: pdfium.PdfTextPage, height: float) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """pdfplumber's ``page.chars`` from pdfium's text page: the characters the content draws (not
    the spaces and line breaks pdfium adds), each with its loose box (full font height).

    Also returned, the doubtful characters: a page with one in a table goes to pdfplumber. Those
    whose text pdfminer reads otherwise (no Unicode value, a broken map, a surrogate) are doubtful
    and left out. And pdfium turns some spaces the content draws into spaces of its own (Word's
    space that ends a text object) and adds spaces where the content has none; pdfplumber's reader
    splits a word at a space or where the next character does not follow within its tolerances: so
    where pdfium added a space between two characters that follow each other that closely, whether
    pdfminer sees a space there cannot be told, and both are doubtful.

    Whether a character stands upright is read later, for those in a table (:func:`_set_upright`)."""
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    chars: list[dict[str, Any]] = []
    doubtful: list[dict[str, Any]] = []
    spaced = False  # pdfium added a space after the last character drawn
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        if index % 1024 == 0:
            checkpoint()
        generated = pdfium_c.FPDFText_IsGenerated(raw, index)
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if generated == 1:
            spaced = spaced or code == 32
            continue
        if generated < 0 or not pdfium_c.FPDFText_GetLooseCharBox(raw, index, rect):
            raise _UnreadableError
        top = height - rect.top
        char = {
            "text": chr(code),
            "x0": rect.left,
            "x1": rect.right,
            "top": top,
            "bottom": height - rect.bottom,
            "doctop": top,
            "index": index,
        }
        if code in _NO_TEXT or 0xD800 <= code <= 0xDFFF or pdfium_c.FPDFText_HasUnicodeMapError(raw, index) == 1:
            doubtful.append(char)
            continue
        if spaced and chars and _follows(chars[-1], char):
            doubtful += (chars[-1], char)
        spaced = False
        chars.append(char)
    return chars, doubtful


def _set_upright(textpage: pdfium.PdfTextPage, chars: list[dict[str, Any]]) -> None:
    """pdfminer's ``upright`` of each character, from the matrix pdfium draws it with."""
    m = pdfium_c.FS_MATRIX()
    for char in chars:
        if not pdfium_c.FPDFText_GetMatrix(textpage.raw, char["index"], ctypes.byref(m)):
            raise _UnreadableError
        char["upright"] = m.a * m.d > 0 and m.b * m.c <= 0


def _follows(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Whether pdfplumber's reader would keep ``after`` in the word of ``before`` were there no space."""
    return (
        abs(after["top"] - before["top"]) <= _Y_TOLERANCE and before["x0"] <= after["x0"] <= before["x1"] + _X_TOLERANCE
    )
