"""Word .docx documents: what Word shows, read from the XML itself.

python-docx's ``Paragraph.text`` leaves out tracked insertions, moved text, content
controls, simple fields, custom XML, text boxes, footnotes, headers and footers, all of
which Word shows. So the runs are read here: inserted and moved-to text is in, deleted and
moved-from text is out (as Word shows the document with changes accepted), and hidden runs
(``w:vanish``, white on an unshaded white page, smaller than 2 pt) are left out and named in
a notice. python-docx still supplies the styles that make a paragraph a heading or a list item.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, cast

import docx
from docx.document import Document as WordDocument
from docx.oxml.exceptions import InvalidXmlError
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.oxml.text.paragraph import CT_P
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from lxml import etree
from lxml.etree import _Element

from dpcheck.ingest.document import TINY_POINTS, Document, DocumentBuilder, Notice
from dpcheck.ingest.normalize import clean, strip_inline_html
from dpcheck.limits import checkpoint

_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre|kop|encabezado|titolo)\s*([1-9])$", re.IGNORECASE)
_TITLE_STYLES = frozenset(("title", "titel", "titre", "subtitle", "untertitel"))
_LIST_STYLE = re.compile(r"list|liste|aufzählung|bullet", re.IGNORECASE)

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_TR, _TC, _PPR, _NUMPR, _OUTLINE = qn("w:tr"), qn("w:tc"), qn("w:pPr"), qn("w:numPr"), qn("w:outlineLvl")
_VAL = qn("w:val")
_R, _RPR, _T, _TXBX = qn("w:r"), qn("w:rPr"), qn("w:t"), qn("w:txbxContent")
_ALT_CHUNK, _SECT_PR = qn("w:altChunk"), qn("w:sectPr")
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Content Word does not show as text of the page: deletions, field instructions, properties,
# and the VML copy of a drawing that the DrawingML choice already holds.
_UNSHOWN = frozenset(
    (
        qn("w:del"),
        qn("w:moveFrom"),
        qn("w:instrText"),
        qn("w:delText"),
        qn("w:delInstrText"),
        _PPR,
        _RPR,
        qn("w:tcPr"),
        qn("w:trPr"),
        qn("w:tblPr"),
        _MC_FALLBACK,
        qn("w:commentReference"),
        qn("w:footnoteReference"),
        qn("w:endnoteReference"),
    )
)
_BREAKS = frozenset((qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:ptab")))
_TOGGLE_OFF = frozenset(("0", "false", "off"))
_WHITE = re.compile(r"^(?:F[A-F0-9]){3}$", re.IGNORECASE)  # each channel at least 0xF0
_HYPERLINK, _FLD_SIMPLE, _INSTR = qn("w:hyperlink"), qn("w:fldSimple"), qn("w:instr")
_REL_ID = qn("r:id")
# A HYPERLINK field's target: the quoted (or first) argument; the \l switch names a bookmark in the document.
_FIELD_LINK = re.compile(r'^\s*HYPERLINK\s+(?:\\l\s+)?(?:"([^"]*)"|(\S+))', re.IGNORECASE)
_NOTE_PARTS = ("/word/footnotes.xml", "/word/endnotes.xml")
_PAGE_PART = re.compile(r"^/word/(?:header|footer)\d*\.xml$")


@dataclass(slots=True)
class _Reading:
    """What one reading of the document collects besides its blocks."""

    word: WordDocument
    styles: dict[str, _Element]
    page_background: bool  # the page has a coloured background: white text may show
    hidden: list[str] = field(default_factory=list)
    struck: list[str] = field(default_factory=list)  # struck-through runs: what a marked-up version deletes
    alt_chunks: int = 0
    skipped: list[str] = field(default_factory=list)
    # Targets of the part being read by relationship id: a hyperlink names its target there.
    targets: dict[str, str] = field(default_factory=dict)
    # python-docx's style of a paragraph by its style id (None: none given): it searches the styles part for
    # every paragraph it is asked about (three quarters of reading a Word document's paragraphs).
    paragraph_styles: dict[str | None, ParagraphStyle | None] = field(default_factory=dict)

    def paragraph_style(self, paragraph: Paragraph, element: CT_P) -> ParagraphStyle | None:
        """``paragraph.style``: the style of its id, else the default paragraph style."""
        style_id = element.style
        if style_id not in self.paragraph_styles:
            self.paragraph_styles[style_id] = paragraph.style
        return self.paragraph_styles[style_id]


def parse(data: bytes, source: str) -> Document:
    word = docx.Document(io.BytesIO(data))
    builder = DocumentBuilder(source, "docx")
    background = word.element.find(qn("w:background"))
    reading = _Reading(
        word,
        _style_elements(word),
        background is not None
        and not _WHITE.match(str(background.get(qn("w:color"), "FFFFFF")).replace("auto", "FFFFFF")),
    )
    reading.targets = _targets(word.part.rels)
    _blocks(builder, word.element.body, reading)
    for root, rels in _other_parts(word):
        reading.targets = _targets(rels)
        _blocks(builder, root, reading)
    if reading.skipped:
        builder.warn(f"{len(reading.skipped)} body element(s) could not be read: {', '.join(reading.skipped[:10])}")
    if reading.alt_chunks:
        builder.warn(
            f"{reading.alt_chunks} embedded document(s) (altChunk) are shown by Word but were not read",
            code="unread-embedded",
        )
    builder.note_struck(reading.struck)
    if reading.hidden:
        sample = " ".join(" ".join(reading.hidden).split())[:80]
        builder.note(
            Notice(
                "hidden-text",
                f"{sum(len(t) for t in reading.hidden):,} character(s) of hidden text (hidden, white on white, or "
                f'smaller than {TINY_POINTS:g} pt) were left out: "{sample}"',
            )
        )
    title = word.core_properties.title
    return builder.build({"title": clean(title)} if title else None)


def _targets(rels: Any) -> dict[str, str]:
    """Hyperlink targets by relationship id (python-docx's relationships of one part)."""
    return {rid: str(rel.target_ref) for rid, rel in rels.items() if str(rel.reltype).endswith("/hyperlink")}


def _other_parts(word: WordDocument) -> Iterator[tuple[_Element, Any]]:
    """Footnotes, endnotes, then headers and footers, each with its relationships: text Word shows outside the body."""
    parts = {str(part.partname): part for part in word.part.package.iter_parts()}
    names = [n for n in _NOTE_PARTS if n in parts] + sorted(n for n in parts if _PAGE_PART.match(n))
    for name in names:
        try:
            root = parse_xml(parts[name].blob)  # python-docx's element classes, as Paragraph needs
        except etree.XMLSyntaxError:
            continue
        if name in _NOTE_PARTS:
            for note in root:
                if note.get(qn("w:type"), "normal") == "normal":
                    yield note, parts[name].rels
        else:
            yield root, parts[name].rels


def _blocks(builder: DocumentBuilder, container: _Element, reading: _Reading) -> None:
    """Paragraphs and tables of ``container`` in document order, through content controls,
    custom XML and the text boxes anchored in paragraphs."""
    for number, element in enumerate(_block_elements(container), start=1):
        checkpoint()
        if element.tag == _ALT_CHUNK:
            reading.alt_chunks += 1
            continue
        try:
            if element.tag == _P:
                boxes = _paragraph(builder, element, reading)
                for box in boxes:
                    _blocks(builder, box, reading)
            else:
                _table(builder, element, reading)
            _links(builder, element, reading)
        except (InvalidXmlError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
            # python-docx meets a malformed element (a bad style reference, a broken number):
            # the rest of the body is still worth reading, and the report says what was lost.
            reading.skipped.append(f"{number} ({type(exc).__name__})")


def _links(builder: DocumentBuilder, element: _Element, reading: _Reading) -> None:
    """Record the hyperlinks of a paragraph or table as Markdown and HTML record theirs (text, target): where a
    document points ("our sub-processor list") is part of what it says, in Word as on a page. A link is a
    ``w:hyperlink`` (its target a relationship, or a bookmark of the document) or a HYPERLINK field."""
    for link in element.iter(_HYPERLINK, _FLD_SIMPLE):
        if _unshown(link, element):
            continue
        if link.tag == _HYPERLINK:
            rid, anchor = link.get(_REL_ID), link.get(qn("w:anchor"))
            target = reading.targets.get(str(rid), "") if rid else f"#{anchor}" if anchor else ""
        else:
            target = _field_target(str(link.get(_INSTR, "")))
        if target:
            builder.add_link(_link_text(list(link.iter(_R)), link, reading), target)
    for begin, instruction, runs in _complex_fields(element):
        target = _field_target(instruction)
        if target and not _unshown(begin, element):
            builder.add_link(_link_text(runs, element, reading), target)


def _link_text(runs: list[_Element], top: _Element, reading: _Reading) -> str:
    """The words of a link's runs that Word shows."""
    shown = []
    for run in runs:
        paragraph = run.getparent()
        while paragraph is not None and paragraph.tag != _P:
            paragraph = paragraph.getparent()
        where = paragraph if paragraph is not None else top
        if not _unshown(run, top) and not _hidden(run, where, reading) and not _struck(run, where, reading):
            shown.append(_run_text(run))
    return clean("".join(shown))


def _field_target(instruction: str) -> str:
    match = _FIELD_LINK.match(instruction)
    if not match:
        return ""
    target = match[1] if match[1] is not None else match[2]
    return f"#{target}" if re.search(r"\\l\s", instruction) else target


def _complex_fields(element: _Element) -> Iterator[tuple[_Element, str, list[_Element]]]:
    """Fields written over several runs (begin, instruction, separate, the shown result, end): the begin run,
    the instruction and the result's runs of each outermost field."""
    depth, begin, shown = 0, None, False
    instruction: list[str] = []
    result: list[_Element] = []
    for run in element.iter(_R):
        for char in run.iterchildren(qn("w:fldChar"), qn("w:instrText")):
            kind = char.get(qn("w:fldCharType"))
            if kind == "begin":
                depth += 1
                if depth == 1:
                    begin, instruction, result, shown = run, [], [], False
            elif kind == "separate" and depth == 1:
                shown = True
            elif kind == "end" and depth:
                depth -= 1
                if depth == 0 and begin is not None:
                    yield begin, "".join(instruction), result
            elif char.tag == qn("w:instrText") and depth == 1:
                instruction.append(char.text or "")
        if shown and depth == 1 and run.find(qn("w:fldChar")) is None:
            result.append(run)


def _unshown(node: _Element, top: _Element) -> bool:
    """Whether the node sits in content Word does not show (a deletion, a moved-from range)."""
    parent = node.getparent()
    while parent is not None and parent is not top:
        if parent.tag in _UNSHOWN:
            return True
        parent = parent.getparent()
    return False


def _block_elements(parent: _Element) -> Iterator[_Element]:
    for child in parent.iterchildren():
        if child.tag in (_P, _TBL, _ALT_CHUNK):
            yield child
        elif child.tag in (_SECT_PR, *_UNSHOWN) or not isinstance(child.tag, str):
            continue
        else:  # content controls, custom XML, smart tags, insertions around blocks
            yield from _block_elements(child)


def _paragraph(builder: DocumentBuilder, element: _Element, reading: _Reading) -> list[_Element]:
    """Add the paragraph; return the text boxes anchored in it, read after it."""
    text, boxes = _visible_text(element, reading)
    text, span_level = strip_inline_html(text)
    text = clean(text)
    if text.strip():
        paragraph = Paragraph(cast(CT_P, element), reading.word)  # a w:p element
        style = reading.paragraph_style(paragraph, cast(CT_P, element))
        level = span_level or _heading_level(paragraph, style)
        if level:
            builder.add("heading", text, level)
        elif _is_list(paragraph, style):
            builder.add("list_item", text)
        else:
            builder.add("paragraph", text)
    return boxes


def _visible_text(paragraph: _Element, reading: _Reading) -> tuple[str, list[_Element]]:
    """The text Word shows for a paragraph (or a cell), and the text boxes in it.

    Walked without recursion: a crafted file may nest elements deeply.
    """
    parts: list[str] = []
    boxes: list[_Element] = []
    stack = [iter(paragraph.iterchildren())]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _UNSHOWN:
            continue
        if tag == _TXBX:
            boxes.append(child)
        elif tag == _R:
            text = _run_text(child)
            if text and _hidden(child, paragraph, reading):
                reading.hidden.append(text)
            elif text and _struck(child, paragraph, reading):
                reading.struck.append(text)
            else:
                parts.append(text)
            stack.append(child.iterchildren(_TXBX, "{*}AlternateContent", qn("w:drawing"), qn("w:pict")))
        elif tag in (_P, _TBL):  # paragraphs of a cell, or of a nested table: one text
            parts.append(" ")
            stack.append(child.iterchildren())
        else:
            stack.append(child.iterchildren())
    return "".join(parts), boxes


def _run_text(run: _Element) -> str:
    parts = []
    for child in run.iterchildren():
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag in _BREAKS:
            parts.append(" ")
        elif child.tag == qn("w:noBreakHyphen"):
            parts.append("-")
    return "".join(parts)


def _hidden(run: _Element, paragraph: _Element, reading: _Reading) -> bool:
    """Whether Word hides the run, or draws it where no one can read it."""
    chain = list(_run_properties(run, paragraph, reading))
    vanish = _first(chain, "w:vanish")
    if vanish is not None and vanish.get(_VAL, "true").lower() not in _TOGGLE_OFF:
        return True
    size = _first(chain, "w:sz")
    if size is not None and str(size.get(_VAL, "")).isdigit() and int(size.get(_VAL, "")) / 2 < TINY_POINTS:
        return True
    color = _first(chain, "w:color")
    if color is None or reading.page_background:
        return False
    value = str(color.get(_VAL, "auto"))
    white = _WHITE.match(value) or str(color.get(qn("w:themeColor"), "")).lower() in ("background1", "light1")
    return bool(white) and not _shaded(run, chain)


def _struck(run: _Element, paragraph: _Element, reading: _Reading) -> bool:
    """Whether the run is struck through (once or twice), as a marked-up version shows deleted words."""
    chain = list(_run_properties(run, paragraph, reading))
    return any(
        (mark := _first(chain, name)) is not None and mark.get(_VAL, "true").lower() not in _TOGGLE_OFF
        for name in ("w:strike", "w:dstrike")
    )


def _shaded(run: _Element, chain: list[_Element]) -> bool:
    """Whether a highlight or a shading of the run, its paragraph or its cell gives white text a ground."""
    highlight = _first(chain, "w:highlight")
    if highlight is not None and highlight.get(_VAL, "none") != "none":
        return True
    element: _Element | None = run
    while element is not None:
        for props in (element.find(_RPR), element.find(_PPR), element.find(qn("w:tcPr"))):
            shading = props.find(qn("w:shd")) if props is not None else None
            fill = str(shading.get(qn("w:fill"), "auto")) if shading is not None else "auto"
            if fill != "auto" and not _WHITE.match(fill):
                return True
        element = element.getparent()
    return False


def _run_properties(run: _Element, paragraph: _Element, reading: _Reading) -> Iterator[_Element]:
    """Run properties that apply, nearest first: the run's, its character style's, its
    paragraph style's, then the document defaults."""
    own = run.find(_RPR)
    if own is not None:
        yield own
        style = own.find(qn("w:rStyle"))
        if style is not None:
            yield from _style_properties(str(style.get(_VAL, "")), reading)
    ppr = paragraph.find(_PPR)
    style = ppr.find(qn("w:pStyle")) if ppr is not None else None
    yield from _style_properties(str(style.get(_VAL, "")) if style is not None else "", reading, default=True)


def _style_properties(style_id: str, reading: _Reading, default: bool = False) -> Iterator[_Element]:
    seen = 0
    style = reading.styles.get(style_id) if style_id else reading.styles.get("" if not default else "\0default")
    while style is not None and seen < 10:  # bounded: a corrupt file may loop its base styles
        props = style.find(_RPR)
        if props is not None:
            yield props
        based = style.find(qn("w:basedOn"))
        style = reading.styles.get(str(based.get(_VAL, ""))) if based is not None else None
        seen += 1
    if default and "\0defaults" in reading.styles:
        yield reading.styles["\0defaults"]


def _first(chain: list[_Element], tag: str) -> _Element | None:
    name = qn(tag)
    for props in chain:
        found = props.find(name)
        if found is not None:
            return found
    return None


def _style_elements(word: WordDocument) -> dict[str, _Element]:
    """Styles by id; the default paragraph style under "\\0default", the document's default
    run properties under "\\0defaults"."""
    styles: dict[str, _Element] = {}
    root = word.styles.element
    for style in root.iterchildren(qn("w:style")):
        style_id = str(style.get(qn("w:styleId"), ""))
        styles.setdefault(style_id, style)
        if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true", "on"):
            styles.setdefault("\0default", style)
    defaults = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{_RPR}")
    if defaults is not None:
        styles["\0defaults"] = defaults
    return styles


def _heading_level(paragraph: Paragraph, style: ParagraphStyle | None) -> int:
    name = (style.name or "") if style is not None else ""
    if name.lower() in _TITLE_STYLES:
        return 1
    match = _HEADING_STYLE.match(name)
    if match:
        return int(match[1])
    # Custom heading styles still carry an outline level (0-8; 9 means body text).
    for element in _style_chain(paragraph, style):
        ppr = element.find(_PPR)
        outline = ppr.find(_OUTLINE) if ppr is not None else None
        if outline is not None:
            value = outline.get(_VAL, "9")
            return int(value) + 1 if value.isdigit() and int(value) < 9 else 0
    return 0


def _is_list(paragraph: Paragraph, style: ParagraphStyle | None) -> bool:
    if style is not None and _LIST_STYLE.search(style.name or ""):
        return True
    for element in _style_chain(paragraph, style):
        ppr = element.find(_PPR)
        if ppr is not None and ppr.find(_NUMPR) is not None:
            return True
    return False


def _style_chain(paragraph: Paragraph, style: ParagraphStyle | None) -> Iterator[_Element]:
    """The paragraph's own properties, then its style's, then the base styles'."""
    yield paragraph._p
    seen = 0
    while style is not None and seen < 10:  # bounded: a corrupt file may loop its base styles
        yield style.element
        style = style.base_style
        seen += 1


def _table(builder: DocumentBuilder, table: _Element, reading: _Reading) -> None:
    """A table, one cell per <w:tc> so that horizontally merged cells appear once per row."""
    rows = []
    for tr in table.iter(_TR):
        if _ancestor_table(tr) is not table or tr.find(f"{qn('w:trPr')}/{qn('w:del')}") is not None:
            continue
        row = []
        for tc in tr.iter(_TC):
            if _ancestor_table(tc) is not table:
                continue
            text, boxes = _visible_text(tc, reading)
            row.append(clean(strip_inline_html(text)[0]))
            for box in boxes:
                row[-1] += " " + clean(_visible_text(box, reading)[0])
        rows.append(row)
    blank_header = bool(rows) and not any(c.strip() for c in rows[0])
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return
    if blank_header and max(len(r) for r in rows) > 1:
        # A header row left empty (a table saved from Markdown or HTML, which need one) stays empty, as it is read
        # there: the rows under it are rows, even one alone.
        builder.add_table([""] * len(rows[0]), rows)
        return
    if len(rows) == 1 or max(len(r) for r in rows) == 1:
        # Boxes drawn as one-row or one-column tables are text, not tabular data.
        for row in rows:
            for cell in row:
                builder.add("paragraph", cell)
        return
    builder.add_table(rows[0], rows[1:])


def _ancestor_table(element: _Element) -> _Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != _TBL:
        parent = parent.getparent()
    return parent
