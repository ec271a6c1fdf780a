"""Several documents read as one: a DPA with the addenda and sub-processor lists that belong to it.

:func:`join` lays the documents one after the other into a single
:class:`~dpcheck.ingest.document.Document` (offsets, pages, tables and links shifted), so the whole
pipeline reads the agreement as it binds: an addendum's clause fills the DPA's gap, a list's table
places the DPA's sub-processors. :meth:`Joined.locate` takes a quote of the joined text back to
the document it came from.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from dpcheck.ingest.document import Block, Document, Notice, Table
from dpcheck.models import Evidence

# The documents' texts are joined as blocks are: by a blank line.
SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Part:
    """Where one document sits in the joined text: ``text[start:end]``, after ``pages_before`` pages
    (``paged``: the document itself has pages)."""

    name: str
    start: int
    end: int
    pages_before: int = 0
    paged: bool = False


@dataclass(frozen=True, slots=True)
class Joined:
    document: Document
    parts: tuple[Part, ...]

    def locate(self, evidence: Evidence) -> tuple[str, Evidence]:
        """The document a quote of the joined text comes from, and the quote placed in that document."""
        return locate(self.parts, evidence)


def locate(parts: Sequence[Part], evidence: Evidence) -> tuple[str, Evidence]:
    """``evidence`` of a joined text as (document, evidence within that document)."""
    index = max(0, bisect.bisect_right([p.start for p in parts], evidence.start) - 1)
    part = parts[index]
    page = evidence.page - part.pages_before if evidence.page is not None and part.paged else None
    return part.name, replace(
        evidence,
        start=evidence.start - part.start,
        end=evidence.end - part.start,
        page=page if page and page > 0 else None,
    )


def join(documents: Sequence[tuple[str, Document]]) -> Joined:
    """``documents`` (name, document) as one document, in the order given."""
    if not documents:
        raise ValueError("join() needs at least one document")
    texts: list[str] = []
    blocks: list[Block] = []
    tables: list[Table] = []
    page_starts: list[int] = []
    links: list[tuple[str, str]] = []
    notices: list[Notice] = []
    parts: list[Part] = []
    offset = pages = 0
    for name, doc in documents:
        if texts:
            texts.append(SEPARATOR)
            offset += len(SEPARATOR)
        tables_before = len(tables)
        texts.append(doc.text)
        blocks.extend(
            replace(
                b,
                start=b.start + offset,
                end=b.end + offset,
                page=b.page + pages if b.page is not None else None,
                table=b.table + tables_before if b.table is not None else None,
            )
            for b in doc.blocks
        )
        tables.extend(
            replace(t, start=t.start + offset, end=t.end + offset, page=t.page + pages if t.page is not None else None)
            for t in doc.tables
        )
        page_starts.extend(s + offset for s in doc.page_starts)
        links.extend(doc.links)
        notices.extend(
            replace(
                n,
                message=f"{name}: {n.message}",
                pages=tuple(p + pages for p in n.pages),
                positions=tuple(p + offset for p in n.positions),
            )
            for n in doc.notices
        )
        parts.append(Part(name, offset, offset + len(doc.text), pages, bool(doc.page_starts)))
        offset += len(doc.text)
        pages += len(doc.page_starts)
    first = documents[0][1]
    joined = Document(
        " + ".join(name for name, _ in documents),
        first.format,
        "".join(texts),
        tuple(blocks),
        tuple(tables),
        tuple(page_starts),
        dict(first.metadata),
        tuple(links),
        tuple(notices),
        first_end=len(first.text),
    )
    return Joined(joined, tuple(parts))
