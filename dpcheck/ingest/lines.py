"""Turning lines of unmarked text (PDF text layers, plain text, line-per-div HTML) into blocks.

Headings and list items here are recognised from the text alone; formats with layout
information (font size, boldness, gaps) add their own signals on top.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from dpcheck.ingest.document import BlockKind, DocumentBuilder

_NUMBERED = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3}){0,4})\.?\)?\s+(?P<title>\S.*)$")
_ROMAN = re.compile(r"^(?P<num>[IVX]{1,5})\.\s+(?P<title>\S.*)$")
_KEYWORD = re.compile(
    r"^(?:(?P<top>schedule|annex|appendix|exhibit|attachment|part|anhang|anlage|teil)"
    r"|(?P<sec>section|article|clause|chapter|art\.|artikel|abschnitt|kapitel|ziffer|§+))"
    r"\s*(?P<num>\d{1,3}[a-z]?|[IVXLC]{1,6}|[A-Z])(?![\w(])[.:)]?"
    r"(?:\s*[-–—:.]?\s*(?P<title>\S.*))?$",
    re.IGNORECASE,
)
_OPENING_QUOTES = "\"'“‘„«("
_TERMINAL = re.compile(r"[.!?;:,]['\"”’)]*$")
_SENTENCE_END = re.compile(r"[.!?:;]['\"”’)\]]*$")

# Markers that open a new list item: bullets, letters and roman numerals. Numbered clauses
# ("1.", "(1)", "2.1") also start a new block but read as paragraphs, not list items.
_BULLET = re.compile(r"^[•●○◦▪▫■□‣⁃∙·*\-–—➢➤►▶✓✔](?:\s+|(?=[^\W\d_]))")
_ENUMERATOR = re.compile(r"^(?:\(?[a-zA-Z]\)|\(?[ivxIVX]{1,5}\)|[a-zA-Z]\.|[ivxIVX]{1,5}\.)\s+")
_CLAUSE_NUMBER = re.compile(r"^(?:\(\d{1,3}\)|\d{1,3}\)|\d{1,3}\.(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?)?)\s+\S")
_DASH = re.compile(r"^[-–—]\s+[^\W\d_]")
_LONGEST_HEADING = 160
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|seite|p\.|s\.)\s*)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:of|von|/|aus)\s*\d{1,4})?$",
    re.IGNORECASE,
)


def heading_level(line: str) -> int:
    """Level of a line that reads as a heading by its text alone, else 0.

    Annexes and ALL-CAPS titles are level 1, "Section 5"/"§ 3"/"1." level 2, "2.1" level 3,
    so that "DATA PROCESSING TERMS > 1. DEFINITIONS > 1.1 ..." nest.
    """
    line = line.strip()
    if not line or len(line) > 100 or len(line.split()) > 14:
        return 0
    match = _KEYWORD.match(line)
    if match and (not match["title"] or is_title(match["title"])):
        return 1 if match["top"] else 2
    match = _NUMBERED.match(line) or _ROMAN.match(line)
    if match:
        title = match["title"]
        # A bare number without a dot ("27 April 2016 on ...") is more often wrapped text: keep it short.
        words = 12 if re.match(r"\S*[.)]", line) or is_caps(title) else 6
        if not is_title(title) or len(title.split()) > words:
            return 0
        num = match["num"]
        return 2 if not num[0].isdigit() else 1 + len(num.split("."))
    if is_caps(line) and not _TERMINAL.search(line.rstrip(":")):
        return 1
    return 0


def is_title(text: str) -> bool:
    """Starts with a capital (after any quote) and does not end like a sentence or clause."""
    text = text.lstrip(_OPENING_QUOTES)
    return text[:1].isupper() and not _TERMINAL.search(text)


def is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) / len(letters) >= 0.85


def is_bare_label(heading: str) -> bool:
    """A heading that is only a label ("ANNEX I", "Section 5"), titled by the heading after it."""
    match = _KEYWORD.match(heading.strip())
    return bool(match and not match["title"])


def starts_item(line: str) -> bool:
    """Whether a line opens a new list item or numbered clause (so never continues a paragraph)."""
    return bool(_BULLET.match(line) or _ENUMERATOR.match(line) or _CLAUSE_NUMBER.match(line))


def list_item_text(line: str) -> str | None:
    """The item text (bullet symbol removed, enumerator kept) if the line is a list item."""
    match = _BULLET.match(line)
    if match:
        return line[match.end() :]
    if _ENUMERATOR.match(line):
        return line
    return None


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.rstrip()))


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line.strip()))


def is_letter_spaced(line: str) -> bool:
    """Whether most tokens are single characters ("T r a n s f e r s"), as in tracked-out PDF text."""
    tokens = line.split()
    singles = sum(1 for t in tokens if len(t) == 1)
    return singles >= 4 and singles >= 0.85 * len(tokens)


def collapse_letter_spacing(line: str) -> str:
    """Collapse a letter-spaced line, taking runs of two or more spaces as word breaks."""
    if not is_letter_spaced(line):
        return line
    return " ".join("".join(word.split()) for word in re.split(r"\s{2,}", line.strip()))


# A line that opens Markdown structure (heading, quote, table row, list, fence, raw HTML) is never wrapped prose.
_MARKUP_START = re.compile(r"^(?:[#>|*+<`~]|[-=_]{3,}|\d{1,9}[.)](?:\s|$)|-\s)")
# Hard-wrapped text: at least this many open-ended one-line paragraphs, this share of all one-line
# paragraphs, and their median this close to the widest (the wrap width).
_WRAPPED_LINES = 20
_WRAPPED_SHARE = 0.4
_WRAPPED_TIGHT = 0.85
_FULL = 0.7


def rejoin_wrapped(text: str) -> str:
    """Join paragraphs that are only the wrapped lines of one, as PDF-to-text converters write them.

    Some converters end every line of the page with a blank line, so that "... within the European" and
    "Economic Area ..." become two paragraphs and the sentence is lost. Such a document is recognised as a
    whole: most of its one-line paragraphs end open (no sentence-final mark) at nearly the same width. In
    it, a paragraph that ran to that width without closing a sentence goes on in the next one, unless the
    next opens a list item, a clause number or Markdown structure.
    """
    lines = text.split("\n")
    singles = [
        i
        for i, line in enumerate(lines)
        if line.strip()
        and (i == 0 or not lines[i - 1].strip())
        and (i + 1 == len(lines) or not lines[i + 1].strip())
        and not _MARKUP_START.match(line.strip())
    ]
    open_lengths = sorted(
        len(lines[i].strip()) for i in singles if not ends_sentence(lines[i]) and len(lines[i].strip()) >= 30
    )
    if len(open_lengths) < _WRAPPED_LINES or len(open_lengths) < _WRAPPED_SHARE * len(singles):
        return text
    width = open_lengths[int(0.9 * (len(open_lengths) - 1))]
    if open_lengths[len(open_lengths) // 2] < _WRAPPED_TIGHT * width:
        return text
    wrapped = set(singles)
    out: list[str] = []
    previous: str | None = None  # the last one-line paragraph, while it may go on
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            if previous is None:
                out.append(line)
            continue
        if previous is not None and i in wrapped and not starts_item(stripped):
            out[-1] = out[-1].rstrip() + " " + stripped
        else:
            if previous is not None:
                out.append("")
            out.append(line)
        full = len(stripped) >= _FULL * width and not ends_sentence(stripped)
        previous = stripped if i in wrapped and full else None
    return "\n".join(out)


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Kept hyphenated when split across lines: these prefixes mostly form real compounds
# ("sub-processor", "third-party"), unlike syllable breaks ("trans-fer").
_PREFIXES = frozenset(
    "anti co counter cross de e end ex first full multi non opt part post pre pro quasi re "
    "second self semi sub third".split()
)
_SUSPENDED = frozenset("und oder bzw sowie and or".split())
# A continuation whose word (up to a space or a closing mark) holds a digit: a code such as a cloud region.
_HAS_DIGIT = re.compile(r"[^\s,;:)\]]*\d")


# A join looks this far back: further than any word a line break splits.
_WINDOW = 64


class Dehyphenator:
    """Decides whether "trans-" + "fer" across a line break is "transfer" or "sub-processor".

    A capitalised continuation keeps the hyphen ("Mozilla-Konto", "E-Mail"), and so do an acronym
    before it ("US-based", "EU-Standardvertragsklauseln") and a continuation with a digit in its
    word ("eu-west-2"): a syllable break leaves neither. Otherwise the document's own vocabulary
    decides: a joined or hyphenated spelling found elsewhere in it wins; failing that, common
    prefixes and single letters keep the hyphen and everything else is joined.
    """

    def __init__(self, text: str) -> None:
        words = {w.lower() for w in _WORD.findall(text)}
        self._plain = {w for w in words if "-" not in w}
        # Every adjacent pair of a compound counts: "software-as-a-service" gives "a-service".
        self._hyphenated = {f"{a}-{b}" for w in words - self._plain for a, b in pairwise(w.split("-"))}

    def join(self, left: str, right: str) -> str:
        """Join ``left`` (ending in a hyphen that closed a line) with the next line ``right``."""
        head, tail = left[:-1], right.lstrip()
        last = re.search(r"([^\W\d_]+)$", head)
        first = re.match(r"[^\W\d_]+", tail)
        if not last or not first:
            return left + tail
        a, b = last[1].lower(), first[0].lower()
        if b in _SUSPENDED:
            return f"{left} {tail}"
        if first[0][0].isupper() or (last[1].isupper() and len(last[1]) > 1) or _HAS_DIGIT.match(tail):
            return left + tail
        if a + b in self._plain and f"{a}-{b}" not in self._hyphenated:
            return head + tail
        if f"{a}-{b}" in self._hyphenated or a in _PREFIXES or len(a) == 1:
            return left + tail
        return head + tail

    def join_lines(self, lines: Iterable[str]) -> str:
        """One paragraph from wrapped lines; pdfium's U+FFFE marks a hyphen it took out of a line break.

        Built as a list of pieces, and each join looks only at the last characters of the text
        so far: a paragraph of 200,000 hyphen-ended lines stays linear.
        """
        out: list[str] = []
        tail = ""
        for line in lines:
            line = line.strip()
            if not line:
                continue
            if "\ufffe" in line:
                line = self._join_marked(line)
            if not out:
                out.append(line)
                tail = line[-_WINDOW:]
            elif tail.endswith("-") and len(tail) > 1 and tail[-2].isalpha():
                tail = self._extend(out, tail, line)
            else:
                out += [" ", line]
                tail = (tail + " " + line)[-_WINDOW:]
        return "".join(out)

    def _join_marked(self, line: str) -> str:
        parts = line.split("\ufffe")
        out = [parts[0]]
        tail = parts[0][-_WINDOW:]
        for part in parts[1:]:
            out.append("-")
            tail = (tail + "-")[-_WINDOW:]
            if part.strip():
                tail = self._extend(out, tail, part)
        return "".join(out)

    def _extend(self, out: list[str], tail: str, right: str) -> str:
        """Append ``right`` to the text in ``out``, which ends with ``tail`` (a line-closing
        hyphen last), as :meth:`join` would join them; return the new tail."""
        joined = self.join(tail, right)
        if joined.startswith(tail):
            out.append(joined[len(tail) :])
        else:  # the hyphen was a line break's, and goes
            out[-1] = out[-1][:-1]
            out.append(joined[len(tail) - 1 :])
        return joined[-_WINDOW:]


@dataclass(slots=True)
class Item:
    """A block waiting to be added: text blocks, or a table when ``rows`` is set."""

    kind: BlockKind
    text: str = ""
    level: int = 0
    page: int | None = None
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] | None = None


_CLAUSE = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,4})\.?\)?\s")


def _clause_number(item: Item | None) -> tuple[int, ...] | None:
    match = _CLAUSE.match(item.text) if item is not None and item.rows is None else None
    return tuple(int(n) for n in match[1].split(".")) if match else None


def _siblings(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    return len(a) == len(b) and a[:-1] == b[:-1] and abs(a[-1] - b[-1]) == 1


def clauses_among_headings(items: Sequence[Item]) -> list[Item]:
    """``items`` with each numbered "heading" that is a clause as a paragraph: one with no text of its own (the next
    item is no clause below it) standing next to a clause of its level that is a sentence. "7.2 Backup location:
    Zurich" between "7.1 The Processor shall ..." and "7.3 The Processor shall ..." is the agreement's clause 7.2,
    which only lacks a full stop; a table of contents, whose entries are all titles, stays headings."""
    out = list(items)
    for i, item in enumerate(items):
        number = _clause_number(item) if item.kind == "heading" else None
        if number is None:
            continue
        before = items[i - 1] if i else None
        after = items[i + 1] if i + 1 < len(items) else None
        below = _clause_number(after)
        if after is not None and after.kind != "heading" and (below is None or below[: len(number)] == number):
            continue
        if any(
            n is not None
            and other is not None
            and other.kind == "paragraph"
            and _siblings(number, n)
            and ends_sentence(other.text)
            for other, n in ((before, _clause_number(before)), (after, below))
        ):
            out[i] = Item("paragraph", item.text, 0, item.page)
    return out


def emit(builder: DocumentBuilder, items: Sequence[Item], pages: int = 0) -> None:
    """Add items in order: start pages, merge "ANNEX I" + "LIST OF PARTIES" heading pairs, and numbered clauses read as
    headings made paragraphs again (:func:`clauses_among_headings`)."""
    pending: Item | None = None
    for item in clauses_among_headings(items):
        if item.page is not None and item.page != builder.page:
            builder.start_page(item.page)
        if pending is not None:
            if item.kind == "heading" and item.rows is None and not is_bare_label(item.text):
                item = Item("heading", f"{pending.text} {item.text}", min(item.level, pending.level), item.page)
            else:
                builder.add("heading", pending.text, pending.level)
            pending = None
        if item.rows is not None:
            builder.add_table(item.header, item.rows)
        elif item.kind == "heading" and is_bare_label(item.text):
            pending = item
        else:
            builder.add(item.kind, item.text, item.level)
    if pending is not None:
        builder.add("heading", pending.text, pending.level)
    if pages:
        builder.start_page(pages)


@dataclass(slots=True)
class Line:
    """One line of a laid-out page; distances in points from the page's top-left corner.

    ``last_top`` differs from ``top`` when pdfium folded a hyphenated line break into the line.
    Unknown geometry (line-per-div HTML without styles) is None.
    """

    text: str
    page: int = 0
    top: float | None = None
    last_top: float | None = None
    left: float | None = None
    right: float | None = None
    size: float | None = None
    bold: bool = False


class Layout:
    """Groups lines into headings, paragraphs and list items using font size, gaps and margins."""

    def __init__(self, lines: Sequence[Line], dehyphenator: Dehyphenator, right_margins: dict[int, float]) -> None:
        self.dehyphenator = dehyphenator
        self.right_margins = right_margins
        weights: Counter[float] = Counter()
        for line in lines:
            if line.size:
                weights[line.size] += len(line.text)
        self.body = weights.most_common(1)[0][0] if weights else 0.0
        self.heading_sizes = sorted((s for s in weights if self.body and s >= self.body * 1.1), reverse=True)
        # Line pitch as a multiple of the font size, so one ratio serves every size.
        ratios = [
            (b.top - a.last_top) / a.size
            for a, b in pairwise(lines)
            if a.page == b.page and a.size and a.size == b.size and a.last_top is not None and b.top is not None
        ]
        ratios = [r for r in ratios if 0.8 < r < 3]
        self.pitch = statistics.median(ratios) if ratios else 0.0
        self.bold_known = any(line.bold for line in lines)

    def is_big(self, line: Line) -> bool:
        """A heading by font size: larger than body text, and bold unless much larger.

        Without any bold font in the document, size alone has to do.
        """
        if not line.size or line.size not in self.heading_sizes or len(line.text) > 200:
            return False
        return line.bold or not self.bold_known or line.size >= 1.3 * self.body

    def text_heading(self, line: Line, next_line: Line | None) -> int:
        """Level of a body-size line that reads as a heading, else 0."""
        depth = len(self.heading_sizes)
        level = heading_level(line.text)
        if level and (line.bold or is_caps(line.text) or not self.bold_known):
            return depth + level
        if not line.bold or (next_line is not None and next_line.bold and next_line.page == line.page):
            return 0
        if _NUMBERED.match(line.text) and len(line.text) <= 80:
            return depth + 1 + len(line.text.split()[0].rstrip(".").split("."))
        words = line.text.split()
        if len(words) <= 12 and len(line.text) <= 80 and is_title(line.text) and not line.text.startswith("("):
            return depth + 4
        return 0

    def continues(self, prev: Line, line: Line, block_start: Line) -> bool:
        """Whether ``line`` wraps on from ``prev`` within one paragraph."""
        if prev.size and line.size and abs(prev.size - line.size) > 0.05 * prev.size:
            return False
        open_end = not ends_sentence(prev.text)
        full = self._full(prev, line)
        if full and open_end and line.page == prev.page:
            return True  # the text ran to the margin mid-sentence, whatever the line starts with
        if starts_item(line.text) and not (open_end and _DASH.match(line.text) and line.text[2:3].islower()):
            return False
        if line.page != prev.page:
            # A page break inside a sentence: the last line ran to the margin, or the next goes on in lowercase.
            return open_end and bool(full or line.text[:1].islower() or prev.text.endswith((",", "-")))
        if prev.top is None or line.top is None or prev.last_top is None or not prev.size:
            # No geometry: a line that ends a sentence ends the paragraph unless the next goes on in lowercase.
            return open_end or line.text[:1].islower()
        gap = (line.top - prev.last_top) / prev.size
        if gap <= 0 or (self.pitch and gap > 1.4 * self.pitch):
            return False
        if full is False:
            return open_end and line.text[:1].islower()
        if prev.left is not None and line.left is not None and abs(line.left - prev.left) > prev.size:
            return prev is block_start and line.left > prev.left
        return True

    def _full(self, prev: Line, line: Line) -> bool | None:
        """Whether ``prev`` ran to the right margin, i.e. the next word did not fit after it."""
        margin = self.right_margins.get(prev.page)
        if margin is None or prev.right is None or not prev.size:
            return None
        word = line.text.split()[0] if line.text.split() else ""
        return prev.right + (len(word) + 1) * 0.45 * prev.size >= margin - 2

    def items(self, lines: Sequence[Line]) -> list[Item]:
        items: list[Item] = []
        current: list[str] = []
        kind: BlockKind = "paragraph"
        level = page = 0
        prev: Line | None = None
        block_start = lines[0] if lines else None

        def flush() -> None:
            if current:
                text = self.dehyphenator.join_lines(current)
                # Several lines of capitals or bold run on: a disclaimer paragraph, not a heading.
                if kind == "heading" and len(text) > _LONGEST_HEADING:
                    items.append(Item("paragraph", text, 0, page))
                else:
                    items.append(Item(kind, text, level, page))
                current.clear()

        for i, line in enumerate(lines):
            if self.is_big(line):
                if not (kind == "heading" and prev is not None and self._same_heading(prev, line)):
                    flush()
                    kind, level, page = "heading", self.heading_sizes.index(line.size or 0) + 1, line.page
                current.append(line.text)
            elif prev is not None and (
                self._wrapped_heading(prev, line)
                if kind == "heading"
                else self.continues(prev, line, block_start or line)
            ):
                current.append(line.text)
            else:
                flush()
                block_start, page = line, line.page
                level = self.text_heading(line, lines[i + 1] if i + 1 < len(lines) else None)
                item = None if level else list_item_text(line.text)
                kind = "heading" if level else "list_item" if item is not None else "paragraph"
                current.append(line.text if item is None else item)
            prev = line
        flush()
        return items

    def _wrapped_heading(self, prev: Line, line: Line) -> bool:
        """A body-size heading that ran to the margin and went on in the same style."""
        return (
            not self.is_big(prev)
            and line.bold == prev.bold
            and is_caps(line.text) == is_caps(prev.text)
            and bool(self._full(prev, line))
        )

    @staticmethod
    def _same_heading(prev: Line, line: Line) -> bool:
        """A heading wrapped over several lines of the same size."""
        if prev.size != line.size or prev.page != line.page or prev.last_top is None or line.top is None:
            return False
        return 0 < line.top - prev.last_top <= 1.6 * (line.size or 0)
