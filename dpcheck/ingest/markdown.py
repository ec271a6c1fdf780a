"""Markdown (CommonMark with pipe tables) and plain text."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import yaml
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from dpcheck.ingest import html
from dpcheck.ingest.css import StyleSheet
from dpcheck.ingest.document import BlockKind, Document, DocumentBuilder, Notice
from dpcheck.ingest.lines import (
    Dehyphenator,
    Item,
    collapse_letter_spacing,
    emit,
    ends_sentence,
    heading_level,
    is_caps,
    is_page_number,
    is_title,
    list_item_text,
    rejoin_wrapped,
    starts_item,
)
from dpcheck.ingest.normalize import clean
from dpcheck.limits import checkpoint

_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _normalize(state: StateCore) -> None:
    """markdown-it's first step, line ends and NUL made "\n" and U+FFFD, by ``str.replace``: its own regex
    replaces every "\n" with itself, a twentieth of parsing."""
    state.src = state.src.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")


_MD.core.ruler.at("normalize", _normalize)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
# An attribute list closing a heading ("## Transfers {: #transfers }", kramdown and Python-Markdown's
# attr_list) is markup, not words of the heading.
_ATTRIBUTE_LIST = re.compile(r"\s*\{:[^{}]*\}\s*$")
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>")
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
# MDX (Markdown with components, as documentation sites write their legal pages) opens with ES module lines
# ("import Callout from '../components/Callout'", "export const meta = {...}"): code, not text of the document.
_ESM = re.compile(
    r"(?:(?:import\s[^\n]*?\bfrom\s*['\"][^'\"\n]+['\"]|import\s*['\"][^'\"\n]+['\"]"
    r"|export\s+(?:const|let|default|function)\b[^\n]*);?\s*(?:\n|$))+"
)
# Characters from which a one-line front-matter value is a text of the document, not a setting.
FRONT_MATTER_TEXT = 200
_MAX_OPEN = 200  # raw HTML elements kept open across Markdown; deeper ones are not tracked


def parse_markdown(text: str, source: str) -> Document:
    builder = DocumentBuilder(source, "markdown")
    text, metadata = _front_matter(text)
    tokens = _MD.parse(rejoin_wrapped(text))
    if max((token.level for token in tokens), default=0) >= _MD.options.maxNesting - 1:
        # markdown-it skips, without a word, whatever is nested deeper than maxNesting.
        builder.warn(f"quotes or lists nested about {_MD.options.maxNesting} levels deep: deeper text is not read")
    sheet = StyleSheet(m[1] for t in tokens if t.type == "html_block" for m in _STYLE.finditer(t.content))
    walker = _MarkdownWalker(builder, sheet)
    walker.walk(tokens)
    builder.note_struck(walker.struck)
    if walker.hidden:
        sample = " ".join(" ".join(walker.hidden).split())[:80]
        builder.note(
            Notice(
                "hidden-text",
                f'{len(walker.hidden)} passage(s) inside raw HTML whose styles hide them were left out: "{sample}"',
            )
        )
    return builder.build(metadata)


class _OpenElements:
    """The raw HTML elements open at a point of a Markdown document, and whether they hide
    what is inside them (a ``<span style="display:none">`` around words, a hidden ``<div>``
    around whole paragraphs)."""

    def __init__(self, sheet: StyleSheet) -> None:
        self.sheet = sheet
        self.stack: list[tuple[str, str, bool]] = []  # (name, start tag, hides its content)
        # Whether the elements opened so far hide their content, by their start tags: a document repeats the same
        # few wrappers, and judging one parses it as HTML.
        self._hides: dict[str, bool] = {}

    @property
    def hiding(self) -> bool:
        return any(hides for _, _, hides in self.stack)

    def feed(self, markup: str) -> None:
        for match in _TAG.finditer(markup):
            closing, name, rest = match[1], match[2].lower(), match[3]
            if closing:
                depth = next((i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i][0] == name), None)
                if depth is not None:
                    del self.stack[depth:]
            elif name not in _VOID and not rest.rstrip().endswith("/") and len(self.stack) < _MAX_OPEN:
                opened = "".join(tag for _, tag, _ in self.stack) + match[0]
                if opened not in self._hides:
                    self._hides[opened] = html.hides_inside(self.sheet, opened)
                self.stack.append((name, match[0], self._hides[opened]))


def _front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Drop YAML front matter, keeping its title; a leading "---" rule over prose stays."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}
    try:
        data = yaml.safe_load(match[1] or "")
    except (yaml.YAMLError, ValueError, RecursionError):  # invalid dates raise ValueError, not YAMLError
        return text, {}
    if not isinstance(data, dict):
        return text, {}
    title = data.get("title")
    # Only a scalar: a title built from nested YAML aliases would expand exponentially in str().
    if not isinstance(title, str | int | float) or isinstance(title, bool):
        title = None
    body = text[match.end() :]
    if not body.strip():
        # A CMS page keeps the whole document in its front matter ("components: - type: Text, text: >+ ..."):
        # its long text fields are the document.
        body = "\n\n".join(_text_fields(data))
    return body, ({"title": clean(str(title)).strip()} if title else {})


def _text_fields(node: object) -> list[str]:
    """The long text values of parsed front matter, in document order; each node is visited once, so aliases that
    repeat a subtree cannot make the walk explode."""
    found: list[str] = []
    seen: set[int] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, str):
            if "\n" in item.strip() or len(item) >= FRONT_MATTER_TEXT:
                found.append(item)
        elif isinstance(item, dict):
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return found


class _MarkdownWalker:
    """Maps markdown-it's token stream to blocks; raw HTML blocks go through the HTML reader."""

    def __init__(self, builder: DocumentBuilder, sheet: StyleSheet) -> None:
        self.builder = builder
        self.sheet = sheet
        self.open = _OpenElements(sheet)
        self.hidden: list[str] = []
        self.struck: list[str] = []
        self.heading = 0
        self.section = 0  # level of the last Markdown heading, under which pseudo-headings nest
        self.items: list[str] = []  # ordinal prefixes of the open list items ("" for bullets)
        self.fresh_item = False
        self.cell: list[str] | None = None
        self.row: list[str] = []
        self.header: list[str] = []
        self.rows: list[list[str]] = []
        self.html: list[str] = []

    def walk(self, tokens: Sequence[Token]) -> None:
        # One handler per token type, looked up once per walk rather than by name for each of the document's tokens.
        handlers: dict[str, Callable[[Token], None]] = {}
        for token in tokens:
            checkpoint()
            kind = token.type
            if kind == "html_block":
                # CommonMark ends an HTML block at a blank line, so one <table> can arrive in pieces.
                self.html.append(token.content)
                continue
            if self.html:
                self._flush_html()
            handler = handlers.get(kind)
            if handler is None:
                handler = handlers[kind] = getattr(self, "_" + kind, self._other)
            handler(token)
        self._flush_html()

    def _flush_html(self) -> None:
        if self.html:
            markup = "".join(self.html)
            if self.open.hiding:
                self.hidden.append(html.plain_text(markup))
            else:
                html.emit(self.builder, markup, self.sheet)
            self.open.feed(markup)
            self.html.clear()

    def _other(self, token: Token) -> None:
        if token.type in ("code_block", "fence"):
            for part in re.split(r"\n\s*\n", token.content):
                self._add("paragraph", part)

    def _heading_open(self, token: Token) -> None:
        self.heading = self.section = int(token.tag[1])

    def _heading_close(self, token: Token) -> None:
        self.heading = 0

    def _list_item_open(self, token: Token) -> None:
        self.items.append(f"{token.info}{token.markup} " if token.info else "")
        self.fresh_item = True

    def _list_item_close(self, token: Token) -> None:
        self.items.pop()

    def _th_open(self, token: Token) -> None:
        self.cell = []

    _td_open = _th_open

    def _th_close(self, token: Token) -> None:
        self.row.append(" ".join(self.cell or []))
        self.cell = None

    _td_close = _th_close

    def _tr_close(self, token: Token) -> None:
        # A page footer right under a table ("Page 3 of 7", from a document exported to PDF and back) is taken into
        # the table as a row of its own: it is no row, whatever the table lists.
        if self.header and _page_marker_row(self.row):
            self.row = []
            return
        if not self.header and not self.rows:
            self.header = self.row
        else:
            self.rows.append(self.row)
        self.row = []

    def _table_close(self, token: Token) -> None:
        self.builder.add_table([clean(c) for c in self.header], [[clean(c) for c in r] for r in self.rows])
        self.header, self.rows = [], []

    def _inline(self, token: Token) -> None:
        children = token.children or []
        # Lines inside a table cell are fields of their own ("Acme<br>Billing<br>United States"), not one phrase;
        # so are the lines of a paragraph that breaks every one of them on purpose (an entry: name<br>service<br>
        # address), where prose would wrap.
        fields = self.cell is not None or _broken_lines(children)
        text, links = self._inline_text(
            children, ", " if fields else " ", ", " if fields and self.cell is None else " "
        )
        for link_text, target in links:
            self.builder.add_link(link_text, target)
        if self.cell is not None:
            self.cell.append(text)
        elif self.heading:
            self._add("heading", _ATTRIBUTE_LIST.sub("", text), self.heading)
        elif self.items:
            # An ordered item's number is text ("1." is how clauses are cited), shown once per item.
            self._add("list_item", (self.items[-1] if self.fresh_item else "") + text)
            self.fresh_item = False
        elif not _ESM.fullmatch(token.content.strip()):
            level = self._pseudo_heading(token, text)
            self._add("heading" if level else "paragraph", text, level)

    def _pseudo_heading(self, token: Token, text: str) -> int:
        """Level for a one-line paragraph that is a heading in all but markup: "**1. Definitions**",
        "1 BACKGROUND" or "ANNEX II" in documents converted from PDF or Word."""
        if "\n" in token.content.strip():
            return 0
        level = heading_level(text)
        if level:
            return self.section + level
        bold = _all_strong(token.children or [])
        short = len(text) <= 80 and len(text.split()) <= 10 and not any(c.isdigit() or c == ":" for c in text)
        return self.section + 2 if bold and short and is_title(text) else 0

    def _add(self, kind: BlockKind, text: str, level: int = 0) -> None:
        if self.open.hiding:
            self.hidden.append(text)
        else:
            self.builder.add(kind, clean(text), level)

    def _inline_text(
        self, children: Sequence[Token], line_break: str = " ", field: str = " "
    ) -> tuple[str, list[tuple[str, str]]]:
        """Inline content as plain text: link text kept, images and HTML tags dropped, <br> ``field`` (two in a
        row ``line_break``), and words inside inline HTML that hides them (closed at the paragraph's end) left
        out; with (text, href) of each inline link, from the same pass over the children."""
        parts: list[str] = []
        links: list[tuple[str, str]] = []
        target: str | None = None  # of the link being read
        link_parts: list[str] = []
        outer = list(self.open.stack)
        hidden_around = self.open.hiding  # then _add() leaves the whole paragraph out
        # Where the words go; only inline HTML changes it, by opening or closing elements that hide them.
        shown = parts
        struck = 0  # inside "~~...~~": what a marked-up version deletes
        for child in children:
            kind = child.type
            if kind == "text" or kind == "code_inline":
                if target is not None:
                    link_parts.append(child.content)
                (self.struck if struck else shown).append(child.content)
            elif kind == "softbreak" or kind == "hardbreak" or (kind == "html_inline" and _BR.match(child.content)):
                # One break wraps a line ("Backups<br>and logs"); an empty line between two is a new field.
                if parts and parts[-1] in (" ", field):
                    parts[-1] = line_break
                elif next((part for part in reversed(parts) if part.strip()), "").rstrip().endswith(_CLOSED):
                    # A line closing its sentence or lead-in ("... in the United States.", "Transfers rest on:") is
                    # parted from the next by its own mark: a field's comma after it would stick to the quote.
                    parts.append(" ")
                else:
                    parts.append(field)
            elif kind == "html_inline":
                self.open.feed(child.content)
                shown = self.hidden if self.open.hiding and not hidden_around else parts
            elif kind == "link_open":
                target, link_parts = str(child.attrs.get("href", "")), []
            elif kind == "link_close":
                if target is not None:
                    links.append(("".join(link_parts), target))
                    target = None
            elif kind == "s_open":
                struck += 1
            elif kind == "s_close":
                struck -= 1
        self.open.stack = outer
        return "".join(parts), links


# Marks that close a line's sentence, clause or lead-in.
_CLOSED = (".", "!", "?", ":", ";", ",")


def _page_marker_row(row: Sequence[str]) -> bool:
    """The row's only text is a page number or marker ("Page 3 of 7", „Seite 3 von 7", "- 3 -")."""
    filled = [cell for cell in row if cell.strip()]
    return len(filled) == 1 and is_page_number(clean(filled[0]))


def _broken_lines(children: Sequence[Token]) -> bool:
    """Whether the inline content has several lines and ends every one but the last with an explicit break
    (``<br>`` or a hard break), as an entry of fields does."""
    breaks = [i for i, child in enumerate(children) if child.type in ("softbreak", "hardbreak")]
    return bool(breaks) and all(
        children[i].type == "hardbreak"
        or (i and children[i - 1].type == "html_inline" and _BR.match(children[i - 1].content))
        for i in breaks
    )


def _all_strong(children: Sequence[Token]) -> bool:
    """Whether every piece of text in the inline content is bold."""
    depth = 0
    for child in children:
        if child.type == "strong_open":
            depth += 1
        elif child.type == "strong_close":
            depth -= 1
        elif child.type in ("text", "code_inline") and child.content.strip() and not depth:
            return False
    return any(child.type == "strong_open" for child in children)


def parse_text(text: str, source: str) -> Document:
    """Plain text: blank lines separate paragraphs; short numbered or capitalised lines are headings."""
    builder = DocumentBuilder(source, "text")
    dehyphenator = Dehyphenator(text)
    items: list[Item] = []
    for chunk in re.split(r"\n[ \t]*\n", rejoin_wrapped(text)):
        checkpoint()
        lines = [collapse_letter_spacing(line.strip()) for line in chunk.split("\n") if line.strip()]
        items.extend(_text_items(lines, dehyphenator))
    emit(builder, items)
    return builder.build()


def _text_items(lines: Sequence[str], dehyphenator: Dehyphenator) -> list[Item]:
    """Blocks from the lines of one paragraph-ish chunk of hard-wrapped text."""
    items: list[Item] = []
    current: list[str] = []
    kind: BlockKind = "paragraph"

    def flush() -> None:
        if current:
            items.append(Item(kind, dehyphenator.join_lines(current)))
            current.clear()

    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        standalone = i == 0 or ends_sentence(lines[i - 1]) or not current
        # The first line of a paragraph in capitals (a disclaimer) is not a heading.
        caps_run = len(line) > 40 and is_caps(line) and is_caps(following)
        level = heading_level(line) if standalone and not caps_run else 0
        if level and not following[:1].islower():
            flush()
            items.append(Item("heading", line, level))
            continue
        if starts_item(line) or not current:
            flush()
            item = list_item_text(line)
            kind = "list_item" if item is not None else "paragraph"
            line = item if item is not None else line
        current.append(line)
    flush()
    return items
