"""Word .docx documents: body paragraphs and tables in their order."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import docx
from docx.document import Document as WordDocument
from docx.oxml.exceptions import InvalidXmlError
from docx.oxml.ns import qn
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from lxml.etree import _Element

from dpcheck.ingest.document import Document, DocumentBuilder
from dpcheck.ingest.normalize import clean, strip_inline_html
from dpcheck.limits import checkpoint

_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre|kop|encabezado|titolo)\s*([1-9])$", re.IGNORECASE)
_TITLE_STYLES = frozenset(("title", "titel", "titre", "subtitle", "untertitel"))
_LIST_STYLE = re.compile(r"list|liste|aufzählung|bullet", re.IGNORECASE)

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_TR, _TC, _PPR, _NUMPR, _OUTLINE = qn("w:tr"), qn("w:tc"), qn("w:pPr"), qn("w:numPr"), qn("w:outlineLvl")
_VAL = qn("w:val")


def parse(data: bytes, source: str) -> Document:
    word = docx.Document(io.BytesIO(data))
    builder = DocumentBuilder(source, "docx")
    skipped: list[str] = []
    for number, element in enumerate(_body_elements(word.element.body), start=1):
        checkpoint()
        try:
            if element.tag == _P:
                _paragraph(builder, Paragraph(element, word))
            else:
                _table(builder, element, word)
        except (InvalidXmlError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
            # python-docx meets a malformed element (a bad style reference, a broken number):
            # the rest of the body is still worth reading, and the report says what was lost.
            skipped.append(f"{number} ({type(exc).__name__})")
    if skipped:
        builder.warn(f"{len(skipped)} body element(s) could not be read: {', '.join(skipped[:10])}")
    title = word.core_properties.title
    return builder.build({"title": clean(title)} if title else None)


def _body_elements(parent: _Element) -> Iterator[_Element]:
    """Paragraphs and tables in document order, including those inside content controls."""
    for child in parent.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _body_elements(content)


def _paragraph(builder: DocumentBuilder, paragraph: Paragraph) -> None:
    text, span_level = strip_inline_html(paragraph.text)
    text = clean(text)
    if not text.strip():
        return
    style = paragraph.style
    level = span_level or _heading_level(paragraph, style)
    if level:
        builder.add("heading", text, level)
    elif _is_list(paragraph, style):
        builder.add("list_item", text)
    else:
        builder.add("paragraph", text)


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


def _table(builder: DocumentBuilder, table: _Element, word: WordDocument) -> None:
    """A table, one cell per <w:tc> so that horizontally merged cells appear once per row."""
    rows = []
    for tr in table.iter(_TR):
        if _ancestor_table(tr) is not table:
            continue
        row = []
        for tc in tr.iter(_TC):
            if _ancestor_table(tc) is not table:
                continue
            texts = (strip_inline_html(Paragraph(p, word).text)[0] for p in tc.iter(_P))
            row.append(clean(" ".join(texts)))
        rows.append(row)
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
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
