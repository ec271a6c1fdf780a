"""Sub-processor tables: who receives data, for what, where, and who passes it on.

Which column holds what is read from the header cells with the vocabulary of
``table_headers`` in rules/lexicon/words.yml.
"""

from __future__ import annotations

import re

from spacy.language import Language

from dpcheck.extract.destinations import Words
from dpcheck.ingest.document import Block, Document, Table
from dpcheck.models import UNSPECIFIED, Evidence, Mention, Recipient
from dpcheck.nlp.components import SPAN_KEY
from dpcheck.nlp.gazetteer import LEFT_OUT_KEY

# Earlier kinds claim a column first: "Sub-processor of" is an engaged-by column, not a name column.
COLUMN_ORDER = ("engaged_by", "onward", "name", "location", "purpose")


def _columns(header: tuple[str, ...], patterns: dict[str, re.Pattern[str]]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for kind in COLUMN_ORDER:
        for i, cell in enumerate(header):
            if i not in columns.values() and patterns[kind].search(cell):
                columns[kind] = i
                break
    return columns


def table_recipients(
    document: Document, nlp: Language, eea: set[str], words: Words
) -> tuple[list[Recipient], list[Mention], set[int]]:
    """Recipients and destination mentions from tables that list recipients or locations,
    and the indices of the tables that were read that way."""
    recipients: list[Recipient] = []
    mentions: list[Mention] = []
    read: set[int] = set()
    for index, table in enumerate(document.tables):
        recipients_here, mentions_here, claimed = _read_table(index, table, document, nlp, eea, words)
        if recipients_here or mentions_here or claimed:
            read.add(index)
        recipients.extend(recipients_here)
        mentions.extend(mentions_here)
    return recipients, mentions, read


def _places(text: str, nlp: Language, open_cues: set[str], location_column: bool = False) -> list[str]:
    """Country codes named in a cell, and UNSPECIFIED for open wording ("worldwide"). A location
    column's cell says where by itself: its city names count without "seated in" before them."""
    if not text:
        return []
    doc = nlp(text)
    codes: list[str] = []
    places = sorted([*doc.ents, *doc.spans[LEFT_OUT_KEY]], key=lambda s: s.start) if location_column else doc.ents
    for ent in places:
        if ent.kb_id_ not in codes:
            codes.append(ent.kb_id_)
    if any(s.label_ in open_cues for s in doc.spans[SPAN_KEY]) and UNSPECIFIED not in codes:
        codes.append(UNSPECIFIED)
    return codes


def _read_table(index: int, table: Table, document: Document, nlp: Language, eea: set[str],
                words: Words) -> tuple[list[Recipient], list[Mention], bool]:
    """The recipients and destination mentions of one table, and whether it was a table of parties at
    all (one of those who answer for the data gives neither, and its rows are not read again)."""
    columns = _columns(table.header, words.table_headers)
    name_col, loc_col = columns.get("name"), columns.get("location")
    if any(words.table_headers["responsible"].search(h) for h in table.header):
        return [], [], True
    if loc_col is None and name_col is None:
        return [], [], False
    recipients: list[Recipient] = []
    mentions: list[Mention] = []
    skipped = False
    row_blocks = [b for b in document.blocks if b.table == index]
    body_blocks = row_blocks[1:] if any(table.header) else row_blocks
    for row, block in zip(table.rows, body_blocks):
        def cell(kind: str, row: tuple[str, ...] = row) -> str:
            i = columns.get(kind)
            return row[i] if i is not None and i < len(row) else ""

        if words.responsible_row.search(" ".join(row)):
            skipped = True  # the vendor's own controller or its representative: it answers for the data, receives none
            continue
        location_text = cell("location") if loc_col is not None else " ".join(row)
        open_cues = {"OPEN_DESTINATION", "OPEN_LOCATION", "THIRD_COUNTRY"} if loc_col is not None else {"OPEN_DESTINATION"}
        codes = _places(location_text, nlp, open_cues, location_column=loc_col is not None)
        onward = [c for c in _places(cell("onward"), nlp, {"OPEN_DESTINATION", "OPEN_LOCATION", "THIRD_COUNTRY"})
                  if c not in eea]
        evidence = _row_evidence(block, "row of a sub-processor table")
        for code in [*codes, *onward]:
            if code not in eea:
                mentions.append(Mention("destination", code, evidence, detail="table", role="destination"))
        name = cell("name") or (row[0] if row else "")
        if not name:
            continue
        recipients.append(Recipient(name, "subprocessor", cell("purpose"), tuple(codes), (evidence,),
                                    engaged_by=cell("engaged_by").strip()))
        if onward:
            recipients.append(Recipient(f"onward recipients of {name}", "subprocessor", "", tuple(onward),
                                        (_row_evidence(block, "onward transfers in a sub-processor table row"),),
                                        engaged_by=name))
    return recipients, mentions, skipped


def _row_evidence(block: Block, reason: str) -> Evidence:
    return Evidence(block.text, block.start, block.end, block.page, block.heading_path, reason)
