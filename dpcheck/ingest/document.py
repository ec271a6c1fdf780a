"""The normalized form every ingested document takes, whatever its format."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from typing import Literal

from dpcheck.limits import check_chars, checkpoint

BlockKind = Literal["heading", "paragraph", "list_item", "table_row"]
Format = Literal["pdf", "html", "markdown", "text", "docx"]


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of layout: a heading, a paragraph, a list item or a table row.

    ``text[start:end]`` of the owning :class:`Document` is exactly ``self.text``.
    Sentences never cross block boundaries, so a heading is never glued to the
    paragraph below it.
    """

    kind: BlockKind
    text: str
    start: int
    end: int
    page: int | None = None
    heading_path: tuple[str, ...] = ()
    level: int = 0
    table: int | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A table with its header and body rows; cells are normalized strings."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    page: int | None = None
    start: int = 0
    end: int = 0
    heading_path: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """A document's text with the map back to its layout.

    ``text`` is the blocks' texts joined by blank lines; ``page_starts[i]`` is the
    offset in ``text`` where page ``i + 1`` begins (empty for formats without pages).
    ``warnings`` say what could not be read: a document with warnings is incomplete.
    """

    source: str
    format: Format
    text: str
    blocks: tuple[Block, ...]
    tables: tuple[Table, ...] = ()
    page_starts: tuple[int, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    links: tuple[tuple[str, str], ...] = ()  # (link text, target) of the document's hyperlinks
    warnings: tuple[str, ...] = ()

    @property
    def partial(self) -> bool:
        """Whether some of the document could not be read (see ``warnings``)."""
        return bool(self.warnings)

    def with_warning(self, message: str) -> Document:
        return replace(self, warnings=(*self.warnings, message))

    @property
    def page_count(self) -> int | None:
        return len(self.page_starts) or None

    def page_at(self, offset: int) -> int | None:
        """The 1-based page number that holds character ``offset``, if paged."""
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))


class DocumentBuilder:
    """Accumulates blocks into a :class:`Document`, keeping offsets and heading paths."""

    def __init__(self, source: str, format: Format) -> None:
        self.source = source
        self.format = format
        self._parts: list[str] = []
        self._length = 0
        self._blocks: list[Block] = []
        self._tables: list[Table] = []
        self._page_starts: list[int] = []
        self._headings: list[tuple[int, str]] = []
        self._links: list[tuple[str, str]] = []
        self._warnings: list[str] = []
        self.page: int | None = None

    def warn(self, message: str) -> None:
        """Record that part of the document could not be read."""
        self._warnings.append(message)

    @property
    def heading_path(self) -> tuple[str, ...]:
        return tuple(text for _, text in self._headings)

    def start_page(self, number: int) -> None:
        """Mark that following blocks sit on page ``number`` (1-based)."""
        while len(self._page_starts) < number:
            self._page_starts.append(self._length + (2 if self._parts else 0))
        self.page = number

    def add(self, kind: BlockKind, text: str, level: int = 0, table: int | None = None) -> Block | None:
        text = " ".join(text.split())
        if not text:
            return None
        if kind == "heading":
            level = level or 1
            while self._headings and self._headings[-1][0] >= level:
                self._headings.pop()
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        check_chars(self._length)
        checkpoint()
        block = Block(kind, text, start, self._length, self.page, self.heading_path, level, table)
        self._blocks.append(block)
        if kind == "heading":
            self._headings.append((level, text))
        return block

    def add_link(self, text: str, target: str) -> None:
        """Record a hyperlink: where a document points ("our sub-processor list") is part of what it says."""
        text, target = " ".join(text.split()), target.strip()
        if target:
            self._links.append((text, target))

    def add_table(self, header: list[str], rows: list[list[str]]) -> None:
        """Add a table: its rows become ``table_row`` blocks ("cell | cell | cell")."""
        header_t = tuple(" ".join(c.split()) for c in header)
        rows_t = tuple(tuple(" ".join((c or "").split()) for c in row) for row in rows)
        rows_t = tuple(r for r in rows_t if any(r))
        if not rows_t and not any(header_t):
            return
        index = len(self._tables)
        first: Block | None = None
        last: Block | None = None
        for row in ((header_t,) if any(header_t) else ()) + rows_t:
            block = self.add("table_row", " | ".join(c for c in row if c), table=index)
            first = first or block
            last = block or last
        start = first.start if first else self._length
        end = last.end if last else self._length
        self._tables.append(Table(header_t, rows_t, self.page, start, end, self.heading_path))

    def build(self, metadata: dict[str, str] | None = None) -> Document:
        return Document(
            self.source,
            self.format,
            "".join(self._parts),
            tuple(self._blocks),
            tuple(self._tables),
            tuple(self._page_starts),
            dict(metadata or {}),
            tuple(self._links),
            tuple(self._warnings),
        )
