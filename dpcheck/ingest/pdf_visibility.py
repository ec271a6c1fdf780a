"""Which characters of a PDF page a reader can see, judged on the page as drawn.

A text layer holds text nobody sees: glyphs in the invisible render mode, white on white,
covered by a filled box or an image drawn later, clipped away, off the page, in an optional
content layer switched off, or too small to read. Rather than follow each of these through
the content stream, the page is drawn (as a viewer would, layers and annotations included)
and each glyph's box is looked at: a glyph that leaves no mark there is not seen. Scanned
pages with an OCR layer stay readable, since the invisible OCR text lies over the scan's ink.

The same drawing tells glyphs that show ink but whose text layer says "space" or nothing: a
ToUnicode map that blanks letters ("We do n t transfer").
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from dpcheck.ingest.document import TINY_POINTS
from dpcheck.limits import checkpoint

_SCALE = 2.0  # 144 dpi: a full stop at 8 pt still leaves a mark
_MIN_SCALE = 1.0
_MAX_PIXELS = 16_000_000  # a bigger page is not drawn; its text is kept and a notice says so
# A scan's images are decoded to draw the page; a page whose images declare more pixels than
# this is not drawn (the images' declared size bounds what pdfium allocates).
_MAX_IMAGE_PIXELS = 120_000_000
_GLYPH_POINTS = 1.0  # a character box at least this wide and tall holds a drawn outline
_EDGE = 40  # grey-level step between neighbouring pixels that counts as ink
_INVISIBLE_MODE = 3  # PDF text render mode "neither fill nor stroke"
_CHUNK = 1024  # characters between two checkpoints
_NO_VALUE = re.compile("[\x00\ufffe\uffff]")  # how pdfium's text shows a glyph without a Unicode value
# A word and a space of the page's text: ``re``'s ``\s`` of a text pattern is ``str.isspace``, character by character.
_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s")

# pdfium's FPDFText_GetCharBox (same calling convention) taking plain addresses for its four results,
# so that each character's box is written straight into an array: with ctypes objects per value,
# reading the boxes was a fifth of the time of a long PDF.
_char_box = type(pdfium_c.FPDFText_GetCharBox)(ctypes.cast(pdfium_c.FPDFText_GetCharBox, ctypes.c_void_p).value)
_char_box.argtypes = (ctypes.c_void_p, ctypes.c_int, *[ctypes.c_void_p] * 4)
_char_box.restype = ctypes.c_int


@dataclass(slots=True)
class PageVisibility:
    """What drawing one page told: hidden and blanked characters, images, and whether it could be drawn."""

    hidden: set[int] = field(default_factory=set)  # char indices of the text page
    invisible_mode: int = 0  # of the unseen characters, those in render mode 3
    tiny: int = 0  # characters smaller than TINY_POINTS
    blanked: int = 0  # glyphs that show ink but map to a space or to nothing
    image_share: float = 0.0  # share of the page area that images cover
    drawn: bool = True


def examine(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, text: str, images: Sequence[Any], canvas: Canvas
) -> PageVisibility:
    """Hidden and blanked characters of ``page``, and the share of it covered by images.

    ``text`` is the text page's ``get_text_range()``, ``images`` the page's image objects (:func:`page_objects`):
    the reader of the page has both already. The page is drawn on ``canvas``, its document's."""
    result = PageVisibility()
    width, height = page.get_size()
    image_pixels, result.image_share = _images(images, width * height)
    count = pdfium_c.FPDFText_CountChars(textpage.raw)
    if count <= 0:
        return result
    scale = min(_SCALE, (_MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
    ink = None
    if scale >= _MIN_SCALE and image_pixels <= _MAX_IMAGE_PIXELS:
        ink = _Ink(page, scale, canvas)
    result.drawn = ink is not None
    chars = _chars(textpage, count, text)
    words = _words(chars)
    if not words:
        return result
    boxes = np.full((count, 4), np.nan)
    bounds = np.array(words, dtype=np.intp)
    asked = np.arange(len(words))
    spaces = np.array([match.start() for match in _SPACE.finditer(chars)], dtype=np.intp)
    if ink is not None:
        # A word whose first glyph alone is readable and shows ink is seen, whatever its other glyphs' boxes
        # (the word's box holds the glyph's, so its height and its ink are at least the glyph's): the other
        # glyphs are read only for the rest, 32 of the 29,957 words of the 4 shared PDFs. The spaces are read
        # for the blanked letters.
        wanted = np.zeros(count, dtype=bool)
        wanted[bounds[:, 0]] = wanted[spaces] = True
        _read_boxes(textpage, boxes, np.flatnonzero(wanted))
        heads = boxes[bounds[:, 0]]
        seen_alone = heads[:, 3] - heads[:, 1] >= TINY_POINTS
        seen_alone[seen_alone] = ink.marked(heads[seen_alone])
        asked = np.flatnonzero(~seen_alone)
        if not len(asked):
            result.blanked = _blanked(textpage, spaces, boxes, ink)
            return result
    spans = _spans(bounds[asked])
    _read_boxes(textpage, boxes, spans)
    rest = boxes[spans]
    lengths = bounds[asked, 1] - bounds[asked, 0]
    offsets = np.cumsum(lengths) - lengths
    word_boxes = np.stack(
        [
            np.fmin.reduceat(rest[:, 0], offsets),
            np.fmin.reduceat(rest[:, 1], offsets),
            np.fmax.reduceat(rest[:, 2], offsets),
            np.fmax.reduceat(rest[:, 3], offsets),
        ],
        axis=1,
    )
    sized = ~np.isnan(word_boxes).any(axis=1)  # a word with no glyph box (a font without metrics) is kept
    marked = ink.marked(np.nan_to_num(word_boxes)) if ink is not None else np.ones(len(asked), dtype=bool)
    # Most words are drawn and of a readable size: only the others are looked at one by one (for every word of a
    # long PDF, finding its first letter in Python was 8 % of examining its pages).
    small = word_boxes[:, 3] - word_boxes[:, 1] < TINY_POINTS
    for seen, number in enumerate(np.flatnonzero(sized & (small | ~marked)).tolist()):
        if seen % 256 == 0:
            checkpoint()
        start, end = words[asked[number]]
        first = next((i for i in range(start, end) if chars[i].isalnum()), start)
        if small[number] and _loose_height(textpage, first) < TINY_POINTS:
            result.tiny += end - start
        elif not marked[number]:
            result.invisible_mode += (end - start) * (_render_mode(textpage, first) == _INVISIBLE_MODE)
        else:
            continue
        result.hidden.update(range(start, end))
    if ink is not None:
        result.blanked = _blanked(textpage, spaces, boxes, ink)
    return result


def _chars(textpage: pdfium.PdfTextPage, count: int, text: str) -> str:
    """The page's characters by index (``text`` as the text page gives it); a glyph without a Unicode
    value is a space.

    pdfium shows both a glyph without a value and a hyphen it took out of a line break as
    U+FFFE; the hyphen's own code is 2."""
    if len(text) != count:  # characters outside the BMP take two UTF-16 units
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
    return _NO_VALUE.sub(
        lambda match: "-" if pdfium_c.FPDFText_GetUnicode(textpage.raw, match.start()) == 2 else " ", text
    )


def _words(chars: str) -> list[tuple[int, int]]:
    """(start, end) character indices of each run of non-space characters (``str.isspace``, as ``\\s`` of ``re``).

    Visibility is judged per word: a glyph as small as a full stop leaves too faint a mark to
    judge alone, and a hidden passage is hidden word by word."""
    return [match.span() for match in _WORD.finditer(chars)]


def _blanked(textpage: pdfium.PdfTextPage, spaces: np.ndarray, boxes: np.ndarray, ink: _Ink) -> int:
    """Spaces (or unmapped glyphs) that show ink: letters the text layer blanks. A real
    space's box is a line on the baseline; a blanked letter keeps its outline's box."""
    size = np.fmin(boxes[spaces, 2] - boxes[spaces, 0], boxes[spaces, 3] - boxes[spaces, 1])
    candidates = [
        index
        for index in spaces[size >= _GLYPH_POINTS].tolist()
        if pdfium_c.FPDFText_IsGenerated(textpage.raw, index) != 1
    ]
    if not candidates:
        return 0
    return int(ink.marked(boxes[candidates]).sum())


def inked(grey: np.ndarray, top: np.ndarray, bottom: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Whether ink shows in each window of ``grey`` (rows ``top`` to ``bottom``, columns ``left`` to ``right``,
    ends excluded): a pixel differing by ``_EDGE`` or more from its neighbour to the right or below.

    A window is a word's box, and a row through a word's middle crosses its letters: only those rows' steps are
    worked out, for all windows at once, and a window whose middle row has none is read whole (a dash, a dot, a
    word that does not show). A step in the middle row is a step in the window, and the whole window decides
    the rest, so the answers are those of comparing every pixel of the page with its neighbours first (which
    took 3.7 times as long on the 437 pages of the PDFs at hand: most of a drawn page is text lines)."""
    marks = np.zeros(len(top), dtype=bool)
    if not len(top):
        return marks
    rows, row_of = np.unique((top + bottom - 1) // 2, return_inverse=True)
    cols = grey.shape[1]
    # The middle rows' steps end to end, one entry more so that a stretch may end at the last row's end;
    # reduced from each window's start to its end (the stretches from an end to the next start are dropped).
    steps = np.append(_steps(grey, rows).reshape(-1), False)
    at = row_of.reshape(-1) * cols
    marks[:] = np.logical_or.reduceat(steps, np.stack([at + left, at + right], axis=1).reshape(-1))[0::2]
    unmarked = np.flatnonzero(~marks)
    for seen, (index, window) in enumerate(
        zip(
            unmarked.tolist(),
            zip(top[unmarked].tolist(), bottom[unmarked].tolist(), left[unmarked].tolist(), right[unmarked].tolist()),
            strict=True,
        )
    ):
        if seen % 256 == 0:
            checkpoint()
        marks[index] = _window_inked(grey, *window)
    return marks


def _steps(grey: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The ink of the given rows of ``grey``: steps to the right, and down where a row lies below."""
    upper = grey[rows]
    found = np.zeros(upper.shape, dtype=bool)
    found[:, :-1] = _apart(upper[:, :-1], upper[:, 1:])
    below = rows < grey.shape[0] - 1
    found[below] |= _apart(upper[below], grey[rows[below] + 1])
    return found


def _window_inked(grey: np.ndarray, top: int, bottom: int, left: int, right: int) -> bool:
    """Whether a step to the right or below starts at a pixel of the window."""
    window = grey[top:bottom, left:right]
    east = grey[top:bottom, left + 1 : right + 1]  # one column fewer at the page's right edge
    if _apart(window[:, : east.shape[1]], east).any():
        return True
    south = grey[top + 1 : bottom + 1, left:right]  # one row fewer at the page's foot
    return bool(_apart(window[: south.shape[0]], south).any())


def _apart(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Where two grey images of one shape differ by ``_EDGE`` or more (unsigned: the larger less the smaller)."""
    return (np.maximum(a, b) - np.minimum(a, b)) >= _EDGE


class Canvas:
    """The pixels the pages of one document are drawn on, one page after the other: pypdfium2's ``render`` fills
    its bitmap before it draws, so what the last page left is gone, and a page's pixels are read before the next
    page is drawn. A bitmap of its own for each page was zeroed by ctypes, then filled, then given back: 3 % of
    reading a PDF of text pages. Not to be shared by threads."""

    def __init__(self) -> None:
        self._buffer: ctypes.Array[ctypes.c_ubyte] | None = None

    def bitmap(self, width: int, height: int, format: int, rev_byteorder: bool = False) -> pdfium.PdfBitmap:
        """pypdfium2's ``PdfBitmap.new_native`` (``render``'s ``bitmap_maker``) on this canvas's buffer, which
        grows to the largest page drawn; a format of more than one byte a pixel gets a buffer of its own."""
        if format != pdfium_c.FPDFBitmap_Gray:
            return pdfium.PdfBitmap.new_native(width, height, format, rev_byteorder)
        if self._buffer is None or len(self._buffer) < width * height:
            self._buffer = (ctypes.c_ubyte * (width * height))()
        return pdfium.PdfBitmap.new_native(width, height, format, rev_byteorder, buffer=self._buffer)


class _Ink:
    """The page drawn in grey, to be asked where ink shows."""

    def __init__(self, page: pdfium.PdfPage, scale: float, canvas: Canvas) -> None:
        bitmap = page.render(
            scale=scale, grayscale=True, draw_annots=True, may_draw_forms=False, bitmap_maker=canvas.bitmap
        )
        try:
            grey = bitmap.to_numpy()
            if grey.ndim == 3:
                grey = grey[:, :, 0]
        finally:
            # The pixels stay: the canvas's buffer holds them until its next page, and the array holds on to it.
            bitmap.close()
        self.grey = grey
        self.rows, self.cols = grey.shape
        self.transform = _device_transform(page, self.cols, self.rows)

    def marked(self, boxes: np.ndarray) -> np.ndarray:
        """Whether ink shows within each glyph box (rows of left, bottom, right, top in page space)."""
        (ax, bx, cx), (ay, by, cy) = self.transform
        corners_x = [ax * boxes[:, i] + bx * boxes[:, j] + cx for i in (0, 2) for j in (1, 3)]
        corners_y = [ay * boxes[:, i] + by * boxes[:, j] + cy for i in (0, 2) for j in (1, 3)]
        x0 = np.clip(np.floor(np.min(corners_x, axis=0)), 0, self.cols).astype(np.int64)
        x1 = np.clip(np.ceil(np.max(corners_x, axis=0)) + 1, 0, self.cols).astype(np.int64)
        y0 = np.clip(np.floor(np.min(corners_y, axis=0)), 0, self.rows).astype(np.int64)
        y1 = np.clip(np.ceil(np.max(corners_y, axis=0)) + 1, 0, self.rows).astype(np.int64)
        marks = np.zeros(len(boxes), dtype=bool)  # an empty window is off the page: no ink
        inside = np.flatnonzero((x0 < x1) & (y0 < y1))
        marks[inside] = inked(self.grey, y0[inside], y1[inside], x0[inside], x1[inside])
        return marks


def _device_transform(page: pdfium.PdfPage, cols: int, rows: int) -> tuple[tuple[float, float, float], ...]:
    """The affine map from page space to bitmap pixels (crop box and page rotation included)."""
    x, y = ctypes.c_int(), ctypes.c_int()

    def device(px: float, py: float) -> tuple[float, float]:
        pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, cols, rows, 0, px, py, x, y)
        return float(x.value), float(y.value)

    span = 10_000.0  # far apart, so that rounding to whole pixels does not matter
    ox, oy = device(0.0, 0.0)
    xx, xy = device(span, 0.0)
    yx, yy = device(0.0, span)
    return ((xx - ox) / span, (yx - ox) / span, ox), ((xy - oy) / span, (yy - oy) / span, oy)


def _images(images: Sequence[Any], area: float) -> tuple[int, float]:
    """Declared pixels of the page's ``images``, and the share of the page their bounds cover."""
    pixels = 0
    covered = 0.0
    width, height = ctypes.c_uint(), ctypes.c_uint()
    for obj in images:
        checkpoint()
        if pdfium_c.FPDFImageObj_GetImagePixelSize(obj, width, height):
            pixels += width.value * height.value
        left, bottom, right, top = object_bounds(obj)
        covered += max(0.0, right - left) * max(0.0, top - bottom)
    return pixels, min(1.0, covered / area) if area > 0 else 0.0


def page_objects(page: pdfium.PdfPage, kinds: Container[int], max_depth: int = 3) -> Iterator[tuple[int, Any]]:
    """The type and raw handle of each of the page's objects of the given ``kinds``, in the order and to the depth
    of form nesting of pypdfium2's ``page.get_objects(filter=kinds, max_depth=max_depth)``, which wraps every
    object of the page (text included) in a Python object before it filters: for the images and the
    ruling test, 7 % of reading the pages of a long PDF went to those wrappers. The images and the paths come
    from one walk: the text objects, most of a page's, are then looked at once."""

    def walk(count: int, get: Any, level: int) -> Iterator[tuple[int, Any]]:
        if count < 0:
            raise pdfium.PdfiumError("Failed to get number of pageobjects.")
        for index in range(count):
            obj = get(index)
            if not obj:
                raise pdfium.PdfiumError("Failed to get pageobject.")
            found = pdfium_c.FPDFPageObj_GetType(obj)
            if found == pdfium_c.FPDF_PAGEOBJ_UNKNOWN:
                raise pdfium.PdfiumError("Failed to determine pageobject type.")
            if found in kinds:
                yield found, obj
            if found == pdfium_c.FPDF_PAGEOBJ_FORM and level < max_depth - 1:
                yield from walk(
                    pdfium_c.FPDFFormObj_CountObjects(obj),
                    lambda i, form=obj: pdfium_c.FPDFFormObj_GetObject(form, i),
                    level + 1,
                )

    raw = page.raw
    return walk(pdfium_c.FPDFPage_CountObjects(raw), lambda i: pdfium_c.FPDFPage_GetObject(raw, i), 0)


def object_bounds(obj: Any) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of a raw page object, as pypdfium2's ``PdfObject.get_bounds``."""
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        raise pdfium.PdfiumError("Failed to locate pageobject.")
    return left.value, bottom.value, right.value, top.value


def _read_boxes(textpage: pdfium.PdfTextPage, boxes: np.ndarray, indices: np.ndarray) -> None:
    """Write the box of each character of ``indices`` into its row of ``boxes`` (left, bottom, right, top),
    NaN where pdfium has none."""
    raw = ctypes.cast(textpage.raw, ctypes.c_void_p).value
    row, cell = boxes.strides
    for lo in range(0, len(indices), _CHUNK):
        checkpoint()
        chunk = indices[lo : lo + _CHUNK]
        at = boxes.ctypes.data + chunk * row
        # pdfium writes left, right, bottom, top
        found = list(map(_char_box, repeat(raw), chunk.tolist(), *((at + cell * k).tolist() for k in (0, 2, 1, 3))))
        boxes[chunk[np.logical_not(found)]] = np.nan


def _spans(bounds: np.ndarray) -> np.ndarray:
    """The character indices of the words from ``bounds`` (rows of start, end), end to end."""
    lengths = bounds[:, 1] - bounds[:, 0]
    return np.repeat(bounds[:, 0] - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum(), dtype=np.intp)


def _loose_height(textpage: pdfium.PdfTextPage, index: int) -> float:
    rect = pdfium_c.FS_RECTF()
    if not pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, index, rect):
        return TINY_POINTS  # unknown: not judged tiny
    return abs(rect.top - rect.bottom)


def _render_mode(textpage: pdfium.PdfTextPage, index: int) -> int:
    obj = pdfium_c.FPDFText_GetTextObject(textpage.raw, index)
    return int(pdfium_c.FPDFTextObj_GetTextRenderMode(obj)) if obj else 0
