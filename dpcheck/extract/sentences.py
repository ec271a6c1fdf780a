"""Split a document into sentences and attach what the spaCy pipeline found in each."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Span

from dpcheck.ingest.document import Block, Document
from dpcheck.models import Evidence
from dpcheck.nlp.components import SPAN_KEY

# Headings of sections about international transfers: their sentences are read as
# transfer statements even when they do not repeat "outside the EEA".
TRANSFER_HEADING = re.compile(
    r"transfer|übermittlung|übertragung|international|third[- ]countr|drittl|drittstaat|"
    r"data location|datenstandort|speicherort|where .*(stored|processed|located)|outside the (eea|eu)|"
    r"außerhalb der eu|ausland|cross-border|sub-?processor|unterauftrag",
    re.IGNORECASE,
)
SUBPROCESSOR_HEADING = re.compile(r"sub-?processor|sub-?contract|unterauftrag|subunternehm|weitere auftragsverarbeiter", re.I)
CLAUSE_BREAKS = {",", ";", ":", "(", ")", "–", "—", "but", "however", "instead", "whereas", "although",
                 "aber", "sondern", "jedoch", "stattdessen", "während", "obwohl", "allerdings"}
DEFINITION = re.compile(r"\b(means|mean|shall mean|refers? to|has the meaning|use the term|bezeichnet|bedeutet|meint)\b|"
                        r"^\W{0,3}[„“\"'][^„“\"']{1,60}[“”\"']\s+(ist|sind|is|are)\b", re.I)
INSTRUCTIONS = re.compile(r"\binstruction|\bweisung", re.I)


@dataclass(frozen=True, slots=True)
class Cue:
    label: str
    start: int  # token index within the sentence
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Place:
    code: str
    start: int
    end: int
    text: str


@dataclass
class Sentence:
    """One sentence with its cues, countries and its place in the document."""

    span: Span
    block: Block
    start: int
    end: int
    page: int | None
    cues: list[Cue] = field(default_factory=list)
    # The cues' labels, for has(): asked hundreds of times per sentence.
    labels: frozenset[str] = frozenset()
    places: list[Place] = field(default_factory=list)
    in_transfer_section: bool = False
    in_subprocessor_section: bool = False
    section_countries: frozenset[str] = frozenset()

    @property
    def text(self) -> str:
        # A slice of the block's text: spaCy's Span.text builds the string token by token, and
        # the extraction rules ask for it many times per sentence.
        return self.block_text(self.start, self.end)

    def has(self, *labels: str) -> bool:
        return not self.labels.isdisjoint(labels)

    def of(self, *labels: str) -> list[Cue]:
        if self.labels.isdisjoint(labels):
            return []
        return [c for c in self.cues if c.label in labels]

    @property
    def is_definition(self) -> bool:
        return bool(DEFINITION.search(self.text[:200]))

    def clause_bounds(self, index: int) -> tuple[int, int]:
        """Token range of the clause holding token ``index`` (split at commas, "but", ...)."""
        tokens = self.span
        lo = index
        while lo > 0 and tokens[lo - 1].lower_ not in CLAUSE_BREAKS:
            lo -= 1
        hi = index
        while hi < len(tokens) and tokens[hi].lower_ not in CLAUSE_BREAKS:
            hi += 1
        return lo, hi

    def evidence(self, reason: str, start: int | None = None, end: int | None = None) -> Evidence:
        """Evidence quoting the whole sentence (or the given char span within the document)."""
        s = self.start if start is None else start
        e = self.end if end is None else end
        return Evidence(self.block_text(s, e), s, e, self.page, self.block.heading_path, reason)

    def block_text(self, start: int, end: int) -> str:
        offset = start - self.block.start
        return self.block.text[offset : offset + (end - start)]


def sentences(document: Document, nlp: Language, batch_size: int = 64) -> Iterator[Sentence]:
    """Yield the sentences of ``document`` in order; blocks are processed separately."""
    transfer_headings: dict[str, bool] = {}
    heading_countries: dict[str, frozenset[str]] = {}
    blocks = document.blocks
    for block, doc in zip(blocks, nlp.pipe((b.text for b in blocks), batch_size=batch_size)):
        if block.kind == "heading":
            heading_countries[block.text] = frozenset(e.kb_id_ for e in doc.ents)
        section_countries = frozenset().union(*(heading_countries.get(h, frozenset()) for h in block.heading_path))
        in_section = False
        # A paragraph that names sub-processors once keeps them as its topic ("If you object to
        # such changes ..."), and so does a section headed by them.
        in_subprocessors = any(SUBPROCESSOR_HEADING.search(h) for h in block.heading_path) or any(
            s.label_ == "SUBPROCESSOR" for s in doc.spans[SPAN_KEY])
        for heading in block.heading_path:
            if heading not in transfer_headings:
                transfer_headings[heading] = bool(TRANSFER_HEADING.search(heading))
            in_section = in_section or transfer_headings[heading]
        cues = list(doc.spans[SPAN_KEY])
        for sent in doc.sents:
            start = block.start + sent.start_char
            end = block.start + sent.end_char
            own = [Cue(span.label_, span.start - sent.start, span.end - sent.start, span.text)
                   for span in cues if span.start >= sent.start and span.end <= sent.end]
            sentence = Sentence(sent, block, start, end, document.page_at(start), cues=own,
                                labels=frozenset(c.label for c in own), in_transfer_section=in_section,
                                in_subprocessor_section=in_subprocessors, section_countries=section_countries)
            for ent in sent.ents:
                sentence.places.append(Place(ent.kb_id_, ent.start - sent.start, ent.end - sent.start, ent.text))
            yield sentence
