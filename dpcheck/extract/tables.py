"""Sub-processor tables: who receives data, for what, and where."""

from __future__ import annotations

import re

from spacy.language import Language

from dpcheck.ingest.document import Document, Table
from dpcheck.models import Evidence, Mention, Recipient
from dpcheck.nlp.components import SPAN_KEY
from dpcheck.nlp.gazetteer import UNSPECIFIED

NAME_HEADER = re.compile(r"name|sub-?processor|subprocessor|entity|company|provider|vendor|service provider|processor|"
                         r"anbieter|dienstleister|unternehmen|firma|subunternehmer|unterauftrag|empfänger|recipient|party|third part", re.I)
LOCATION_HEADER = re.compile(r"location|countr|region|where|jurisdiction|hosting|server|data cent|standort|land|länder|"
                             r"sitz|ort|address|adresse|headquarter", re.I)
PURPOSE_HEADER = re.compile(r"purpose|service|function|activit|description|processing|role|zweck|leistung|tätigkeit|"
                            r"funktion|beschreibung|verarbeitung", re.I)


def _column(header: tuple[str, ...], pattern: re.Pattern[str], taken: set[int]) -> int | None:
    for i, cell in enumerate(header):
        if i not in taken and pattern.search(cell):
            return i
    return None


def table_recipients(
    document: Document, nlp: Language, eea: set[str]
) -> tuple[list[Recipient], list[Mention], set[int]]:
    """Recipients and destination mentions from tables that list recipients or locations,
    and the indices of the tables that were read that way."""
    recipients: list[Recipient] = []
    mentions: list[Mention] = []
    read: set[int] = set()
    for index, table in enumerate(document.tables):
        recipients_here, mentions_here = _read_table(index, table, document, nlp, eea)
        if recipients_here or mentions_here:
            read.add(index)
        recipients.extend(recipients_here)
        mentions.extend(mentions_here)
    return recipients, mentions, read


def _read_table(index: int, table: Table, document: Document, nlp: Language, eea: set[str]) -> tuple[list[Recipient], list[Mention]]:
    header = table.header
    name_col = _column(header, NAME_HEADER, set())
    loc_col = _column(header, LOCATION_HEADER, {name_col} if name_col is not None else set())
    if loc_col is None and name_col is None:
        return [], []
    purpose_col = _column(header, PURPOSE_HEADER, {c for c in (name_col, loc_col) if c is not None})
    recipients: list[Recipient] = []
    mentions: list[Mention] = []
    row_blocks = [b for b in document.blocks if b.table == index]
    body_blocks = row_blocks[1:] if any(header) else row_blocks
    for row, block in zip(table.rows, body_blocks):
        def cell(i: int | None, row: tuple[str, ...] = row) -> str:
            return row[i] if i is not None and i < len(row) else ""

        location_text = cell(loc_col) if loc_col is not None else " ".join(row)
        doc = nlp(location_text) if location_text else None
        codes = []
        for ent in (doc.ents if doc is not None else ()):
            if ent.kb_id_ not in codes:
                codes.append(ent.kb_id_)
        open_cues = {"OPEN_DESTINATION", "OPEN_LOCATION", "THIRD_COUNTRY"} if loc_col is not None else {"OPEN_DESTINATION"}
        if doc is not None and any(s.label_ in open_cues for s in doc.spans[SPAN_KEY]) and UNSPECIFIED not in codes:
            codes.append(UNSPECIFIED)
        evidence = Evidence(block.text, block.start, block.end, block.page, block.heading_path,
                            "row of a sub-processor table")
        for code in codes:
            if code not in eea:
                mentions.append(Mention("destination", code, evidence, detail="table"))
        name = cell(name_col) or (row[0] if row else "")
        if name:
            recipients.append(Recipient(name, "subprocessor", cell(purpose_col), tuple(codes), (evidence,)))
    return recipients, mentions
