"""The normalized form every ingested document takes, whatever its format."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from dpcheck.ingest.normalize import Folded, display_order, fold_confusables
from dpcheck.limits import check_chars, checkpoint

BlockKind = Literal["heading", "paragraph", "list_item", "table_row"]
Format = Literal["pdf", "html", "markdown", "text", "docx", "csv"]
# Text smaller than this (glyph box height or font size, in points) cannot be read on paper, whatever the format.
TINY_POINTS = 2.0


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
class Notice:
    """Something about how the document was read that a reader of the report should know.

    ``code`` is stable (``hidden-text``, ``image-only-pages``, ``mixed-script`` ...; see
    ``docs/reliability.md``); ``pages`` are 1-based page numbers, ``positions`` offsets into
    ``Document.text`` where the thing was found (empty where it left nothing in the text,
    as dropped hidden text does). A notice with ``partial`` means some of the document was
    not read, or not read for sure: its message is one of ``Document.warnings``.
    """

    code: str
    message: str
    partial: bool = False
    pages: tuple[int, ...] = ()
    positions: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """A document's text with the map back to its layout.

    ``text`` is the blocks' texts joined by blank lines; ``page_starts[i]`` is the
    offset in ``text`` where page ``i + 1`` begins (empty for formats without pages).
    ``notices`` say how it was read; those marked ``partial`` are its ``warnings``, what
    could not be read (or not for sure): a document with warnings is incomplete.
    """

    source: str
    format: Format
    text: str
    blocks: tuple[Block, ...]
    tables: tuple[Table, ...] = ()
    page_starts: tuple[int, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    links: tuple[tuple[str, str], ...] = ()  # (link text, target) of the document's hyperlinks
    notices: tuple[Notice, ...] = ()
    # Of documents read as one (dpcheck.vendor.together): where the first ends. Only its opening
    # says what the whole is; an addendum joined after it does not make the whole an addendum.
    first_end: int | None = None

    @property
    def warnings(self) -> tuple[str, ...]:
        """What could not be read, or not for sure, one sentence each."""
        return tuple(notice.message for notice in self.notices if notice.partial)

    @property
    def partial(self) -> bool:
        """Whether some of the document could not be read (see ``warnings``)."""
        return any(notice.partial for notice in self.notices)

    def with_notice(self, notice: Notice) -> Document:
        return replace(self, notices=(*self.notices, notice))

    def notice(self, code: str) -> Notice | None:
        """The first notice with ``code``, if any."""
        return next((n for n in self.notices if n.code == code), None)

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
        self._notices: list[Notice] = []
        self._folded: list[tuple[int, Folded]] = []  # (offset in the text, word)
        self._reversed: list[int] = []  # offsets of blocks holding right-to-left overrides
        self.page: int | None = None

    def warn(self, message: str, code: str = "unread", pages: tuple[int, ...] = ()) -> None:
        """Record that part of the document could not be read."""
        self._notices.append(Notice(code, message, True, pages))

    def note(self, notice: Notice) -> None:
        """Record how something was read (partial or not)."""
        self._notices.append(notice)

    def note_struck(self, struck: list[str]) -> None:
        """Struck-through text left out: in a marked-up version it is what the new one deletes."""
        if struck:
            sample = " ".join(" ".join(struck).split())[:80]
            self.note(
                Notice(
                    "struck-text",
                    f'{len(struck)} passage(s) of struck-through text were left out as deleted: "{sample}"',
                )
            )

    @property
    def heading_path(self) -> tuple[str, ...]:
        return tuple(text for _, text in self._headings)

    def start_page(self, number: int) -> None:
        """Mark that following blocks sit on page ``number`` (1-based)."""
        while len(self._page_starts) < number:
            self._page_starts.append(self._length + (2 if self._parts else 0))
        self.page = number

    def add(self, kind: BlockKind, text: str, level: int = 0, table: int | None = None) -> Block | None:
        text, folded, reversed_runs = _repair(text)
        block = self._add(kind, text, level, table)
        if block is not None:
            self._record(block.start, folded, reversed_runs)
        return block

    def _add(self, kind: BlockKind, text: str, level: int, table: int | None) -> Block | None:
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

    def _record(self, start: int, folded: list[Folded], reversed_runs: int) -> None:
        """Remember text-layer tricks repaired in text that starts at offset ``start``."""
        self._folded += [(start + word.start, word) for word in folded]
        if reversed_runs:
            self._reversed.append(start)

    def add_link(self, text: str, target: str) -> None:
        """Record a hyperlink: where a document points ("our sub-processor list") is part of what it says."""
        text, target = _repair(text)[0], target.strip()
        if target:
            self._links.append((text, target))

    def add_table(self, header: list[str], rows: list[list[str]]) -> None:
        """Add a table: its rows become ``table_row`` blocks ("cell | cell | cell")."""
        repaired = [[_repair(c or "") for c in row] for row in (header, *rows)]
        header_t = tuple(c[0] for c in repaired[0])
        body = [r for r in repaired[1:] if any(c[0] for c in r)]
        rows_t = tuple(tuple(c[0] for c in r) for r in body)
        if not rows_t and not any(header_t):
            return
        index = len(self._tables)
        first: Block | None = None
        last: Block | None = None
        for row in ([repaired[0]] if any(header_t) else []) + body:
            cells = [c for c in row if c[0]]
            block = self._add("table_row", " | ".join(c[0] for c in cells), 0, index)
            if block is not None:
                offset = block.start
                for text, folded, reversed_runs in cells:
                    self._record(offset, folded, reversed_runs)
                    offset += len(text) + 3
            first = first or block
            last = block or last
        start = first.start if first else self._length
        end = last.end if last else self._length
        self._tables.append(Table(header_t, rows_t, self.page, start, end, self.heading_path))

    def build(self, metadata: dict[str, str] | None = None) -> Document:
        self._join_link_splits()
        return Document(
            self.source,
            self.format,
            "".join(self._parts),
            tuple(self._blocks),
            tuple(self._tables),
            tuple(self._page_starts),
            {key: _repair(value)[0] for key, value in (metadata or {}).items()},
            tuple(self._links),
            (*self._notices, *self._trick_notices()),
        )

    def _join_link_splits(self) -> None:
        """A sentence a link on a line of its own splits into three blocks („Für den Versand nutzen wir" /
        "Postwise" / „mit Sitz in den USA."): the first ends with no mark of an end, the link is a few words of a
        hyperlink's text, and the last goes on in lowercase. They are one sentence, so one block, joined by spaces;
        the text after them moves up by the two characters the block breaks gave up."""
        linked = {text for text, _ in self._links}
        blocks: list[Block] = []
        gone: list[int] = []  # offsets (in the text as added) of the characters the joins drop
        for block in self._blocks:
            if len(blocks) >= 2 and _split_by_link(blocks[-2], blocks[-1], block, linked):
                first, link = blocks[-2], blocks.pop()
                gone += [first.end, link.end]
                blocks[-1] = replace(first, text=f"{first.text} {link.text} {block.text}", end=block.end)
            else:
                blocks.append(block)
        if not gone:
            return

        def moved(at: int) -> int:
            return at - bisect.bisect_left(gone, at)

        self._blocks = [replace(b, start=moved(b.start), end=moved(b.end)) for b in blocks]
        self._parts = ["\n\n".join(b.text for b in self._blocks)]
        self._length = len(self._parts[0])
        self._tables = [replace(t, start=moved(t.start), end=moved(t.end)) for t in self._tables]
        self._page_starts = [moved(at) for at in self._page_starts]
        self._folded = [(moved(at), word) for at, word in self._folded]
        self._reversed = [moved(at) for at in self._reversed]

    def _trick_notices(self) -> list[Notice]:
        """Warnings for the text-layer tricks that were repaired: the text was read as shown,
        but a document that disguises its words is not read for sure."""
        notices = []
        if self._folded:
            examples = ", ".join(f"'{w.original}' as '{w.folded}'" for _, w in self._folded[:3])
            notices.append(
                Notice(
                    "mixed-script",
                    f"{len(self._folded)} word(s) written with look-alike letters of another script were read as "
                    f"Latin ({examples})",
                    True,
                    self._pages(at for at, _ in self._folded),
                    tuple(at for at, _ in self._folded),
                )
            )
        if self._reversed:
            notices.append(
                Notice(
                    "bidi-override",
                    f"{len(self._reversed)} passage(s) use right-to-left overrides that show letters in reverse; "
                    "they were read in the order shown",
                    True,
                    self._pages(self._reversed),
                    tuple(self._reversed),
                )
            )
        return notices

    def _pages(self, offsets: Iterable[int]) -> tuple[int, ...]:
        if not self._page_starts:
            return ()
        return tuple(sorted({max(1, bisect.bisect_right(self._page_starts, at)) for at in offsets}))


def _repair(text: str) -> tuple[str, list[Folded], int]:
    """Text as displayed (bidi), on single spaces, with disguised Latin words made Latin."""
    text, reversed_runs = display_order(text)
    text, folded = fold_confusables(" ".join(text.split()))
    return text, folded, reversed_runs


# A hyperlink's text standing as a block between two halves of a sentence: at most this many words.
LINK_WORDS = 6
_SENTENCE_END = (".", "!", "?", ":", ";")


def _split_by_link(first: Block, link: Block, last: Block, linked: set[str]) -> bool:
    """``first``, ``link`` and ``last`` are one sentence a link on its own line split (see
    DocumentBuilder._join_link_splits): paragraphs of one page and section."""
    return (
        first.kind == link.kind == last.kind == "paragraph"
        and first.page == link.page == last.page
        and first.heading_path == link.heading_path == last.heading_path
        and not first.text.rstrip().endswith(_SENTENCE_END)
        and link.text in linked
        and len(link.text.split()) <= LINK_WORDS
        and not link.text.rstrip().endswith(_SENTENCE_END)
        and last.text[:1].islower()
    )
