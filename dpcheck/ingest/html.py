"""HTML, including PDF-to-HTML conversions that place every line in its own positioned element."""

from __future__ import annotations

import re
import statistics
import warnings
from collections.abc import Iterator
from itertools import pairwise

from bs4 import (
    BeautifulSoup,
    MarkupResemblesLocatorWarning,
    Tag,
    XMLParsedAsHTMLWarning,
)
from bs4.element import NavigableString

from dpcheck.ingest.document import BlockKind, Document, DocumentBuilder
from dpcheck.ingest.lines import Dehyphenator, Layout, Line
from dpcheck.ingest.lines import emit as emit_items
from dpcheck.ingest.normalize import clean
from dpcheck.limits import checkpoint

_DROP = frozenset(
    "script style noscript template svg nav form button head iframe object embed canvas select "
    "textarea input math audio video map".split()
)
_PAGE_CHROME = frozenset(("header", "footer"))
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements a single converted line never contains.
_STRUCTURE = [*_HEADINGS, "p", "div", "li", "ul", "ol", "table", "section", "article", "blockquote", "pre", "dl"]
_BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption "
    "figure hr html legend li main ol p pre section summary table tbody td tfoot th thead tr ul".split()
) | frozenset(_HEADINGS)
# Consent-manager widgets; a bare "cookies" id is left alone, since it usually marks the
# cookie section of the very policy being read.
_COOKIE_BANNER = re.compile(
    r"(?:cookie|consent|gdpr)[-_]?(?:banner|bar|notice|popup|modal|dialog|overlay|wall|prompt|box|"
    r"container|layer|manager|settings|preferences|consent)|cookieconsent|onetrust|cookiebot|usercentrics|"
    r"didomi|trustarc|truste-|cookieyes|\bcmp[-_]",
    re.IGNORECASE,
)
_ITEM_BREAK = "\ue000"  # private-use marker, replaced before the text leaves this module
_ITEM_BREAKS = re.compile(r"\s*(?:\ue000\s*)+")
_LIST_STYLE = re.compile(r"list-style-type\s*:\s*([a-z-]+)", re.IGNORECASE)
_LIST_TYPES = {"a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman", "1": "decimal"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_POSITIONED = re.compile(r"position\s*:\s*absolute", re.IGNORECASE)
_TOP = re.compile(r"(?:^|;)\s*top\s*:\s*(-?[\d.]+)", re.IGNORECASE)
_LEFT = re.compile(r"(?:^|;)\s*left\s*:\s*(-?[\d.]+)", re.IGNORECASE)
_FONT_SIZE = re.compile(r"font-size\s*:\s*([\d.]+)", re.IGNORECASE)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)


def parse(text: str, source: str) -> Document:
    builder = DocumentBuilder(source, "html")
    soup = _soup(text)
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    _Walker(builder).walk(soup)
    _add_links(builder, soup)
    return builder.build({"title": clean(title)} if title else None)


def emit(builder: DocumentBuilder, fragment: str) -> None:
    """Add the blocks of an HTML fragment (raw HTML inside Markdown) to ``builder``."""
    soup = _soup(fragment)
    _Walker(builder).walk(soup)
    _add_links(builder, soup)


def _add_links(builder: DocumentBuilder, soup: BeautifulSoup) -> None:
    """Record the hyperlinks outside skipped elements. Links are recorded, never followed:
    dpcheck reads only what it is given.

    One pass in document order, where a parent comes before its children, so whether an
    element sits in a skipped one is known from its parent: linear however deep the tree.
    """
    hidden: dict[int, bool] = {}
    for node in soup.descendants:
        if not isinstance(node, Tag):
            continue
        checkpoint()
        outside = not hidden.get(id(node.parent), False)
        hidden[id(node)] = not outside or _skip(node)
        if node.name == "a" and node.has_attr("href") and outside:
            builder.add_link(node.get_text(" ", strip=True), str(node["href"]))


def _soup(text: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        # bs4 warns when a short document looks like a file name or is XHTML; both are fine here.
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(text, "lxml")


def _skip(tag: Tag) -> bool:
    name = tag.name
    if name in _DROP:
        return True
    if name in _PAGE_CHROME:
        # Site headers and footers sit outside the content; an article's own header holds its title.
        return tag.find_parent(("main", "article")) is None
    attrs = tag.attrs
    if "hidden" in attrs or attrs.get("aria-hidden") == "true" or _HIDDEN_STYLE.search(str(attrs.get("style", ""))):
        return True
    marks = " ".join((str(attrs.get("id", "")), " ".join(attrs.get("class") or ())))
    return bool(marks.strip()) and bool(_COOKIE_BANNER.search(marks))


class _Walker:
    """Walks the tree without recursion (converted documents nest thousands deep)."""

    def __init__(self, builder: DocumentBuilder) -> None:
        self.builder = builder
        self.buffer: list[str] = []
        self.context: list[tuple[BlockKind, int]] = [("paragraph", 0)]
        self.consumed: set[int] = set()
        self.counters: dict[int, int] = {}

    def walk(self, root: Tag) -> None:
        stack: list[tuple[Tag, Iterator[object], bool]] = [(root, iter(root.children), False)]
        while stack:
            checkpoint()
            tag, children, pushed = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                self._leave(tag, pushed)
                continue
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:
                    self.buffer.append(child)
                continue
            if not isinstance(child, Tag) or id(child) in self.consumed or _skip(child):
                continue
            if child.name == "br":
                self.buffer.append(" ")
            elif child.name == "table" and self._table(child):
                continue
            elif _line_container(child):
                self.flush()
                self._lines(child)
            else:
                stack.append((child, iter(child.children), self._enter(child)))
        self.flush()

    def _enter(self, tag: Tag) -> bool:
        name = tag.name
        if name in _BLOCKS:
            self.flush()
        if name in _HEADINGS:
            self.context.append(("heading", _HEADINGS[name]))
            return True
        if name == "li":
            self.context.append(("list_item", 0))
            parent = tag.parent
            if parent is not None and parent.name == "ol":
                self.buffer.append(self._ordinal(parent))
            return True
        return False

    def _ordinal(self, ol: Tag) -> str:
        """The visible number of the next item of ``ol`` ("3. ", "c. ", "iv. "): clauses are cited by it."""
        start = str(ol.get("start", "1")).strip()
        number = self.counters.get(id(ol), (int(start) if start.isdigit() else 1) - 1) + 1
        self.counters[id(ol)] = number
        style = _LIST_STYLE.search(str(ol.get("style", "")))
        kind = style[1].lower() if style else _LIST_TYPES.get(str(ol.get("type", "1")), "decimal")
        return _label(number, kind) + " "

    def _leave(self, tag: Tag, pushed: bool) -> None:
        if tag.name in _BLOCKS:
            self.flush()
        if pushed:
            self.context.pop()

    def flush(self) -> None:
        if self.buffer:
            kind, level = self.context[-1]
            self.builder.add(kind, clean("".join(self.buffer)), level)
            self.buffer.clear()

    def _table(self, table: Tag) -> bool:
        """Add a data table; layout tables (one row or one column) are walked as ordinary blocks.

        The shape is decided before any cell is flattened, so that tables nested in layout
        tables, thousands deep, are not flattened once per level.
        """
        grid = [tr.find_all(("td", "th"), recursive=False) for tr in _own_rows(table)]
        if len(grid) < 2 or max(len(cells) for cells in grid) < 2:
            return False
        rows = []
        for cells in grid:
            row = []
            for cell in cells:
                row.append(_flat_text(cell))
                span = str(cell.get("colspan", "1"))
                row.extend([""] * (min(int(span), 50) - 1 if span.isdigit() and span != "0" else 0))
            rows.append(row)
        self.flush()
        self.builder.add_table(rows[0], rows[1:])
        return True

    def _lines(self, first: Tag) -> None:
        """Lines of consecutive line containers (one per converted page) as one text flow.

        Converters that never close their page <div>s nest each page inside the previous one.
        """
        lines: list[Line] = []
        queue = [first]
        page = 0
        while queue:
            container = queue.pop(0)
            self.consumed.add(id(container))
            page_lines, nested = _container_lines(container, page)
            lines.extend(page_lines)
            page += 1
            queue[:0] = nested
            following = _next_tag(container)
            if following is not None and _line_container(following):
                queue.append(following)
        layout = Layout(lines, Dehyphenator(" ".join(line.text for line in lines)), {})
        items = layout.items(lines)
        for item in items:
            item.page = None  # converted page numbers are not the source's pages
        emit_items(self.builder, items)


def _own_rows(table: Tag) -> list[Tag]:
    """The table's rows, in row groups or not, leaving out the rows of tables nested in it."""
    rows = []
    stack = [c for c in reversed(table.contents) if isinstance(c, Tag)]
    while stack:
        tag = stack.pop()
        checkpoint()
        if tag.name == "tr":
            rows.append(tag)
        elif tag.name != "table":
            stack.extend(c for c in reversed(tag.contents) if isinstance(c, Tag))
    return rows


def _label(number: int, kind: str) -> str:
    if kind in ("lower-alpha", "lower-latin", "upper-alpha", "upper-latin") and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        return (letter.upper() if kind.startswith("upper") else letter) + "."
    if kind in ("lower-roman", "upper-roman") and 1 <= number < 40:
        tens, ones = divmod(number, 10)
        roman = "x" * tens + ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")[ones]
        return (roman.upper() if kind.startswith("upper") else roman) + "."
    return f"{number}."


def _next_tag(tag: Tag) -> Tag | None:
    for sibling in tag.next_siblings:
        if isinstance(sibling, Tag):
            return sibling
        if str(sibling).strip():
            return None
    return None


def _flat_text(tag: Tag) -> str:
    """The text of a table cell or a line: block boundaries become spaces, list items "; "."""
    parts: list[str] = []
    for node in tag.descendants:
        if isinstance(node, Tag):
            if node.name == "li":
                parts.append(_ITEM_BREAK)
            elif node.name in _BLOCKS or node.name == "br":
                parts.append(" ")
        elif type(node) is NavigableString and not (node.parent and node.parent.name in _DROP):
            parts.append(node)
    text = _ITEM_BREAKS.sub("; ", "".join(parts).strip(_ITEM_BREAK + " \t\n\r"))
    return clean(text)


def _line_container(tag: Tag) -> bool:
    """A converted PDF page: children that are single lines, mostly absolutely positioned or
    else short divs whose text wraps from one to the next mid-sentence."""
    children = [c for c in tag.children if isinstance(c, Tag)]
    if len(children) < 5:
        return False
    lines = [c for c in children if c.find(_STRUCTURE) is None]
    texts = [" ".join(c.get_text().split()) for c in lines]
    if len(lines) < 0.6 * len(children) or statistics.median(len(t) for t in texts) > 150:
        return False
    positioned = sum(1 for c in lines if _POSITIONED.search(str(c.get("style", ""))))
    if positioned >= 0.6 * len(lines):
        return True
    texts = [t for t, c in zip(texts, lines, strict=True) if t and c.name in ("div", "p")]
    if len(texts) < 8 or len(texts) < 0.8 * len(children) or statistics.median(len(t) for t in texts) > 100:
        return False
    wrapped = sum(1 for a, b in pairwise(texts) if b[:1].islower() or a.endswith(("-", ",")))
    return wrapped >= 0.3 * (len(texts) - 1)


def _container_lines(container: Tag, page: int) -> tuple[list[Line], list[Tag]]:
    """The container's lines in visual order, and the line containers nested in it."""
    lines = []
    nested = []
    for child in container.children:
        if not isinstance(child, Tag) or _skip(child):
            continue
        if _line_container(child) and not _POSITIONED.search(str(child.get("style", ""))):
            nested.append(child)
            continue
        text = _flat_text(child)
        if not text.strip():
            continue
        style = str(child.get("style", ""))
        top, left = _TOP.search(style), _LEFT.search(style)
        sizes = [
            float(m[1])
            for el in (child, *child.find_all(style=True))
            for m in _FONT_SIZE.finditer(str(el.get("style", "")))
        ]
        bold_text = sum(
            len(el.get_text())
            for el in child.find_all(True)
            if el.name in ("b", "strong") or _BOLD_STYLE.search(str(el.get("style", "")))
        )
        y = float(top[1]) if top else None
        lines.append(
            Line(
                text,
                page,
                top=y,
                last_top=y,
                left=float(left[1]) if left else None,
                size=round(max(sizes) * 2) / 2 if sizes else None,
                bold=bold_text >= 0.9 * len(child.get_text()) or bool(_BOLD_STYLE.search(style)),
            )
        )
    if all(line.top is not None for line in lines):
        # Visual order; parts of one visual line (same top) are joined left to right.
        lines.sort(key=lambda line: (line.top or 0.0, line.left or 0.0))
        merged: list[Line] = []
        for line in lines:
            last = merged[-1] if merged else None
            if last and last.top is not None and line.top is not None and abs(line.top - last.top) <= 2:
                last.text = f"{last.text} {line.text}"
            else:
                merged.append(line)
        lines = merged
    return lines, nested
