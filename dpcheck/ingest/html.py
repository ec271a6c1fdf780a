"""HTML, including PDF-to-HTML conversions that place every line in its own positioned element.

What a browser shows is read, wherever it sits: navigation, headers and footers, forms,
buttons, text areas, the shown option of a list, SVG text, ``iframe srcdoc`` documents and
text marked ``aria-hidden`` (hidden from screen readers, not from the eye). What the page's
own CSS hides (see :mod:`dpcheck.ingest.css`) is left out and named in a notice; fallback
text of an ``<object>``, shown only if what it embeds fails to load, is left out with a
warning.
"""

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

from dpcheck.ingest.css import NEVER_SHOWN, StyleSheet, Visibility, style_texts
from dpcheck.ingest.document import BlockKind, Document, DocumentBuilder, Notice
from dpcheck.ingest.lines import Dehyphenator, Layout, Line
from dpcheck.ingest.lines import emit as emit_items
from dpcheck.ingest.normalize import clean
from dpcheck.limits import checkpoint

_DROP = NEVER_SHOWN
_CONTROLS = frozenset(("button", "textarea", "label"))  # inline, but drawn as boxes apart from the text beside them
_TEXT_INPUTS = frozenset(("", "text", "search", "email", "url", "tel", "submit", "button", "reset"))
_SRCDOC_DEPTH = 3
_SAMPLE = 80
# Struck-through text: what a marked-up version deletes ("<del>", "<s>", "text-decoration: line-through").
_STRUCK = frozenset({"del", "s", "strike"})
_LINE_THROUGH = re.compile(r"text-decoration(?:-line)?\s*:[^;]*line-through", re.I)
# A definition list reads as a record (a sub-processor's card: "Land" Serbia, "Leistung" SMS) when its
# terms are short labels and its values short entries, not sentences; a glossary's definitions stay prose.
_FIELD_WORDS = 4
_VALUE_WORDS = 12
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# A list laid out as cards (sibling elements of one kind, each a few short lines: a company, what it does, where)
# reads as a table of one card to a row, its lines joined by ", ", as a PDF's or DOCX's card table does
# (dpcheck.extract.tables reads it under a heading on sub-processors); a card's line is a short label, no sentence.
_CARD_LINES = (2, 12)
_CARD_LINE_WORDS = 12
_CARD_NAME_WORDS = 5
_CARD_PARTS = frozenset(
    {"p", "div", "span", "strong", "b", "em", "small", "a", "address", *("h1 h2 h3 h4 h5 h6".split())}
)
_NOT_IN_CARDS = ("ul", "ol", "li", "table", "dl", "blockquote", "pre")
# Elements a single converted line never contains.
_STRUCTURE = [*_HEADINGS, "p", "div", "li", "ul", "ol", "table", "section", "article", "blockquote", "pre", "dl"]
_BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption "
    "figure footer form header hr html legend li main nav ol p pre section summary table tbody td tfoot th "
    "thead tr ul".split()
) | frozenset(_HEADINGS)
_ITEM_BREAK = "\ue000"  # private-use marker, replaced before the text leaves this module
_ITEM_BREAKS = re.compile(r"\s*(?:\ue000\s*)+")
_LIST_STYLE = re.compile(r"list-style-type\s*:\s*([a-z-]+)", re.IGNORECASE)
_LIST_TYPES = {"a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman", "1": "decimal"}
_POSITIONED = re.compile(r"position\s*:\s*absolute", re.IGNORECASE)
_TOP = re.compile(r"(?:^|;)\s*top\s*:\s*(-?[\d.]+)", re.IGNORECASE)
_LEFT = re.compile(r"(?:^|;)\s*left\s*:\s*(-?[\d.]+)", re.IGNORECASE)
_FONT_SIZE = re.compile(r"font-size\s*:\s*([\d.]+)", re.IGNORECASE)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)


def parse(text: str, source: str) -> Document:
    builder = DocumentBuilder(source, "html")
    soup = _soup(text)
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    page = _Page(soup, StyleSheet(style_texts(soup)))
    _Walker(builder, page).walk(soup)
    _add_links(builder, soup, page)
    page.report(builder)
    return builder.build({"title": clean(title)} if title else None)


def emit(builder: DocumentBuilder, fragment: str, sheet: StyleSheet | None = None) -> None:
    """Add the blocks of an HTML fragment (raw HTML inside Markdown) to ``builder``;
    ``sheet`` holds the styles of the whole document the fragment is part of."""
    soup = _soup(fragment)
    page = _Page(soup, sheet or StyleSheet(style_texts(soup)))
    _Walker(builder, page).walk(soup)
    _add_links(builder, soup, page)
    page.report(builder)


_SENTINEL = "\ue001"


def plain_text(markup: str) -> str:
    """All the text of an HTML fragment, but for what is never shown (scripts, styles)."""
    soup = _soup(markup)
    for tag in soup.find_all(list(_DROP)):
        tag.decompose()
    return soup.get_text(" ", strip=True)


def hides_inside(sheet: StyleSheet, open_tags: str) -> bool:
    """Whether text inside the (unclosed) elements ``open_tags`` would be hidden by their
    styles: raw HTML in Markdown can open a hidden ``<div>`` around Markdown paragraphs."""
    soup = _soup(open_tags + _SENTINEL)
    verdict = sheet.judge(soup)
    node = soup.find(string=lambda text: _SENTINEL in text)
    if node is None or node.parent is None:
        return True  # swallowed by an element that is never shown (a <script>, a <template>)
    return id(node.parent) in verdict.hidden or id(node.parent) in verdict.faint


class _Page:
    """A parsed page with the verdict of its CSS, and what reading it left out."""

    def __init__(self, soup: BeautifulSoup, sheet: StyleSheet, depth: int = 0) -> None:
        self.verdict: Visibility = sheet.judge(soup)
        self.depth = depth
        self.hidden: list[tuple[str, str]] = []  # (reason, text)
        self.suspect: list[str] = []  # text under conventional hiding classes the page does not define
        self.objects: list[str] = []  # fallback text of <object> elements
        self.struck: list[str] = []  # struck-through text

    def skip(self, tag: Tag) -> bool:
        """Whether to leave ``tag`` out, recording what hidden text that leaves out."""
        if tag.name in _DROP:
            return True
        if tag.name in _STRUCK or _LINE_THROUGH.search(str(tag.get("style", ""))):
            text = tag.get_text(" ", strip=True)
            if text:
                self.struck.append(text)
            return True
        if id(tag) in self.verdict.hidden:
            reason = self.verdict.reasons.get(id(tag), "")
            if reason and reason != "never shown":
                text = tag.get_text(" ", strip=True)
                if text:
                    self.hidden.append((reason, text))
            return True
        return False

    def text_of(self, node: NavigableString) -> str:
        """A text node's text, or "" if its element's style makes it unreadable."""
        parent = node.parent
        if parent is not None and id(parent) in self.verdict.faint:
            if node.strip():
                self.hidden.append((self.verdict.reasons.get(id(parent), ""), str(node).strip()))
            return ""
        # A control's label for screen readers ("Toggle navigation", "Close") names the control, not a term of the text.
        if (
            parent is not None
            and id(parent) in self.verdict.conventional
            and node.strip()
            and parent.name not in _CONTROLS
            and parent.find_parent(list(_CONTROLS)) is None
        ):
            self.suspect.append(str(node).strip())
        return str(node)

    def report(self, builder: DocumentBuilder) -> None:
        builder.note_struck(self.struck)
        if self.hidden:
            reasons = sorted({reason for reason, _ in self.hidden if reason})
            sample = " ".join(" ".join(text for _, text in self.hidden).split())[:_SAMPLE]
            builder.note(
                Notice(
                    "hidden-text",
                    f"{len(self.hidden)} passage(s) of text the page's own styles hide ({', '.join(reasons)}) "
                    f'were left out: "{sample}"',
                )
            )
        if self.suspect:
            sample = " ".join(" ".join(self.suspect).split())[:_SAMPLE]
            builder.note(
                Notice(
                    "hidden-text-suspected",
                    f"{len(self.suspect)} passage(s) carry class names that usually hide text (such as 'sr-only' or "
                    f"'d-none') from a stylesheet that was not read; they were read, but may be hidden: \"{sample}\"",
                    True,
                )
            )
        if self.objects:
            sample = " ".join(" ".join(self.objects).split())[:_SAMPLE]
            builder.note(
                Notice(
                    "unread-object-fallback",
                    f"{len(self.objects)} <object> element(s) hold text shown only if what they embed fails to load; "
                    f'it was not read: "{sample}"',
                    True,
                )
            )
        unread = self.verdict.external
        if self.verdict.generated:
            builder.note(
                Notice(
                    "unread-css-content",
                    f"{self.verdict.generated} style rule(s) add text with 'content:', which was not read",
                    True,
                )
            )
        if unread and self.depth == 0:
            builder.note(
                Notice(
                    "external-styles",
                    f"the page links {unread} stylesheet(s), which were not read: text they hide cannot be told",
                )
            )


def _add_links(builder: DocumentBuilder, soup: BeautifulSoup, page: _Page) -> None:
    """Record the hyperlinks outside skipped elements. Links are recorded, never followed:
    dpcheck reads only what it is given."""
    for node in soup.find_all("a", href=True):
        checkpoint()
        if id(node) not in page.verdict.hidden:
            builder.add_link(node.get_text(" ", strip=True), str(node["href"]))


def _soup(text: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        # bs4 warns when a short document looks like a file name or is XHTML; both are fine here.
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(text, "lxml")


class _Walker:
    """Walks the tree without recursion (converted documents nest thousands deep)."""

    def __init__(self, builder: DocumentBuilder, page: _Page) -> None:
        self.builder = builder
        self.page = page
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
                    self.buffer.append(self.page.text_of(child))
                continue
            if not isinstance(child, Tag) or id(child) in self.consumed:
                continue
            if child.name == "iframe" and child.has_attr("srcdoc"):
                self._srcdoc(str(child["srcdoc"]))
            if self.page.skip(child):
                continue
            if child.name == "br":
                self.buffer.append(" ")
            elif child.name in ("select", "input", "svg", "object"):
                self._replaced(child)
            elif child.name == "table" and self._table(child):
                continue
            elif child.name == "dl" and (self._record(child) or self._cards(_term_groups(child, self.page))):
                continue
            elif child.name in ("div", "section") and self._cards(_card_elements(child, self.page)):
                continue
            elif _line_container(child):
                self.flush()
                self._lines(child)
            else:
                stack.append((child, iter(child.children), self._enter(child)))
        self.flush()

    def _replaced(self, tag: Tag) -> None:
        """Elements whose shown text is not simply their text content."""
        name = tag.name
        if name == "select":
            options = [o for o in tag.find_all("option") if id(o) not in self.page.verdict.hidden]
            shown = next((o for o in options if o.has_attr("selected")), options[0] if options else None)
            if shown is not None:
                self.buffer.append(f" {shown.get_text(' ', strip=True)} ")
        elif name == "input":
            if str(tag.get("type", "")).lower() in _TEXT_INPUTS:
                self.buffer.append(f" {tag.get('value') or tag.get('placeholder') or ''} ")
        elif name == "svg":
            texts = [
                t.get_text(" ", strip=True)
                for t in tag.find_all("text")
                if id(t) not in self.page.verdict.hidden and t.find_parent(("defs", "title", "desc", "symbol")) is None
            ]
            self.flush()
            for text in texts:
                self.buffer.append(text)
                self.flush()
        else:  # object: its content is a fallback, shown only if the embedded resource cannot be
            text = _flat_text(tag, self.page)
            if text.strip():
                self.page.objects.append(text)

    def _srcdoc(self, srcdoc: str) -> None:
        """Read the document an ``iframe srcdoc`` shows, in its place."""
        if self.page.depth >= _SRCDOC_DEPTH:
            return
        self.flush()
        soup = _soup(srcdoc)
        inner = _Page(soup, StyleSheet(style_texts(soup)), self.page.depth + 1)
        _Walker(self.builder, inner).walk(soup)
        self.page.hidden += inner.hidden
        self.page.suspect += inner.suspect
        self.page.objects += inner.objects
        self.page.struck += inner.struck

    def _enter(self, tag: Tag) -> bool:
        name = tag.name
        if name in _BLOCKS:
            self.flush()
        elif name in _CONTROLS:
            self.buffer.append(" ")
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
        elif tag.name in _CONTROLS:
            self.buffer.append(" ")
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
                row.append(_flat_text(cell, self.page))
                span = str(cell.get("colspan", "1"))
                row.extend([""] * (min(int(span), 50) - 1 if span.isdigit() and span != "0" else 0))
            rows.append(row)
        self.flush()
        self.builder.add_table(rows[0], rows[1:])
        return True

    def _record(self, dl: Tag) -> bool:
        """Add a definition list of short fields and values as a table of one row, headed by its
        terms, so that a value is read under its field as a table cell is under its column."""
        items = [c for c in dl.children if isinstance(c, Tag) and not self.page.skip(c)]
        if len(items) < 4 or len(items) % 2 or any(c.name != ("dt", "dd")[i % 2] for i, c in enumerate(items)):
            return False
        texts = [_flat_text(c, self.page).strip() for c in items]
        fields, values = texts[::2], texts[1::2]
        if any(not f or len(f.split()) > _FIELD_WORDS for f in fields) or any(
            len(v.split()) > _VALUE_WORDS or v.endswith((".", "!", "?")) for v in values
        ):
            return False
        self.flush()
        self.builder.add_table(fields, [values])
        return True

    def _cards(self, cards: list[list[str]]) -> bool:
        """Add cards (each the texts of its lines) as a table of one cell to a row, with no header."""
        if not cards:
            return False
        self.flush()
        self.builder.add_table([""], [[", ".join(lines)] for lines in cards])
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
            page_lines, nested = _container_lines(container, page, self.page)
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


def _card_line(text: str) -> bool:
    """A short label: a sentence's full stop ends no card line, an abbreviation's ("Acme Pvt. Ltd.") may."""
    words = len(text.split())
    return 0 < words <= _CARD_LINE_WORDS and not (text.endswith((".", "!", "?")) and words > _CARD_NAME_WORDS)


def _card_elements(container: Tag, page: _Page) -> list[list[str]]:
    """The cards of a container whose children are all alike (one tag, one class), each two to twelve short lines
    ("Acme Inc." / "Analytics" / "Austin, Texas"); [] for anything else."""
    children = [c for c in container.children if isinstance(c, Tag) and not page.skip(c)]
    if len(children) < 2 or len({(c.name, tuple(c.get("class") or ())) for c in children}) != 1:
        return []
    if children[0].name == "li" or not children[0].get("class"):
        return []
    cards = []
    for card in children:
        parts = [p for p in card.children if isinstance(p, Tag) and not page.skip(p)]
        if any(p.name not in _CARD_PARTS or p.find(_NOT_IN_CARDS) is not None for p in parts):
            return []
        lines = [_flat_text(p, page) for p in parts]
        if not _CARD_LINES[0] <= len(lines) <= _CARD_LINES[1] or not all(_card_line(line) for line in lines):
            return []
        cards.append(lines)
    return cards


def _term_groups(dl: Tag, page: _Page) -> list[list[str]]:
    """The entries of a definition list in which each term has several short descriptions ("Acme Inc." /
    "Support" / "Where: Austin, TX"), each entry's lines; [] for anything else (a glossary, one value a term)."""
    items = [c for c in dl.children if isinstance(c, Tag) and not page.skip(c)]
    groups: list[list[str]] = []
    for item in items:
        if item.name == "dt":
            groups.append([])
        elif item.name != "dd" or not groups:
            return []
        groups[-1].append(_flat_text(item, page))
    if len(groups) < 2 or len({len(g) for g in groups}) != 1 or len(groups[0]) < 3:
        return []
    return groups if all(_card_line(line) for g in groups for line in g) else []


def _flat_text(tag: Tag, page: _Page) -> str:
    """The text of a table cell or a line: block boundaries become spaces, list items "; "."""
    parts: list[str] = []
    for node in tag.descendants:
        if isinstance(node, Tag):
            if node.name == "li":
                parts.append(_ITEM_BREAK)
            elif node.name in _BLOCKS or node.name == "br":
                parts.append(" ")
        elif type(node) is NavigableString and node.parent is not None and id(node.parent) not in page.verdict.hidden:
            parts.append(page.text_of(node))
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


def _container_lines(container: Tag, page: int, reading: _Page) -> tuple[list[Line], list[Tag]]:
    """The container's lines in visual order, and the line containers nested in it."""
    lines = []
    nested = []
    for child in container.children:
        if not isinstance(child, Tag) or reading.skip(child):
            continue
        if _line_container(child) and not _POSITIONED.search(str(child.get("style", ""))):
            nested.append(child)
            continue
        text = _flat_text(child, reading)
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
