"""Extraction: from a document's sentences to what it says about transfers, each with its evidence.

The readers of :mod:`dpcheck.extract.readers` do the reading; :func:`extract` runs them over
the document and gathers what they found into one frozen :class:`Extraction`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
from spacy.language import Language

from dpcheck.extract.amendments import amended_away, instruction_pattern
from dpcheck.extract.annexes import lists_to_nothing
from dpcheck.extract.destinations import CONDITIONAL, DENIED, OPEN_LIST, PROVIDERS, customers_own_flows
from dpcheck.extract.doctype import classify
from dpcheck.extract.evidence import TABLE, note_refs, stated_together
from dpcheck.extract.mechanisms import conditioned_tools, consent_without_transfer, tools_out_of_scope
from dpcheck.extract.parties import AMENDS, FREQUENT, VENDOR
from dpcheck.extract.periods import breach_limits
from dpcheck.extract.readers import DEFAULT_READERS, Lexicon, Passage, Reader, ReaderRegistry, Reading
from dpcheck.extract.seats import recipient_seats
from dpcheck.extract.sentences import read_sentences
from dpcheck.extract.subject import Subject
from dpcheck.ingest.document import Document
from dpcheck.limits import checkpoint
from dpcheck.models import DEFINITION, UNSPECIFIED, DocType, Evidence, Mention, Recipient

__all__ = ["DEFAULT_READERS", "Extraction", "Lexicon", "Reader", "ReaderRegistry", "extract"]


@dataclass(frozen=True)
class Extraction:
    """What one document says about transfers, before any rule is applied.

    The derived views (``relied_mechanisms``, ``destinations``) are computed once, on first use.
    ``flowdown``: the transfer tools the document binds its sub-processors to; ``implied``: the tools
    made for one country only, with that country (relying on the DPF sends data to the US);
    ``unnamed_basis``: sentences about the transfers' legal basis that name no tool.
    """

    doc_type: DocType
    mentions: tuple[Mention, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    transfers_addressed: tuple[Evidence, ...] = ()
    flowdown: tuple[Mention, ...] = ()
    subject: Subject = Subject()
    implied: tuple[tuple[str, str], ...] = ()
    unnamed_basis: tuple[Evidence, ...] = ()

    def of(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]

    def in_order(self, mentions: Iterable[Mention]) -> list[Mention]:
        """``mentions`` (of this extraction) in the order of :attr:`mentions`, decisive first."""
        return sorted(mentions, key=self._place.__getitem__)

    @cached_property
    def _place(self) -> dict[Mention, int]:
        return {m: i for i, m in reversed(list(enumerate(self.mentions)))}

    @cached_property
    def relied_mechanisms(self) -> dict[str, list[Mention]]:
        disavowed = {m.value for m in self.of("mechanism") if m.detail == "disavowed"}
        # In a DPA "you agree to these transfers" is the customer instructing its processor
        # (Art. 28(3)(a)), not the consent of the person concerned (Art. 49(1)(a)).
        instructions = "consent" if self.doc_type == "dpa" else None
        # A tool only defined ("'SCCs' means ...") and never used again is not relied upon;
        # once the text uses it, its definition is evidence too.
        used = {m.value for m in self.of("mechanism") if m.relied_upon and m.detail not in (DEFINITION, instructions)}
        out: dict[str, list[Mention]] = {}
        for m in self.of("mechanism"):
            # A row of a recipients' table names the tool that recipient's transfers rest on: prose retiring the
            # tool ("we no longer rely on the Privacy Shield") does not speak for a row that still gives it.
            kept = m.value not in disavowed or m.role == TABLE
            if m.relied_upon and m.value in used and kept and m.detail != instructions:
                out.setdefault(m.value, []).append(m)
        return out

    @cached_property
    def vendor(self) -> Mention | None:
        """The vendor the document names (the processor or provider), with the sentence naming it; the
        company it names most often only when no sentence names the vendor outright."""
        named = sorted(self.of(VENDOR), key=lambda m: m.detail == FREQUENT)
        return named[0] if named else None

    @cached_property
    def amends(self) -> Mention | None:
        """The agreement the document says it amends (``detail`` "dpa": a data processing agreement)."""
        return next(iter(self.of(AMENDS)), None)

    @cached_property
    def supplements_dpa(self) -> bool:
        """The document supplements another DPA: Art. 28 terms it lacks are left to that agreement."""
        return self.amends is not None and self.amends.detail == "dpa"

    @cached_property
    def processors_placed(self) -> bool:
        """The document lists processors and says where each of them is (an annex of sub-processors with a location
        for every row)."""
        listed = [r for r in self.recipients if r.role in ("subprocessor", "processor")]
        return bool(listed) and all(r.locations for r in listed)

    @cached_property
    def destinations(self) -> dict[str, list[Mention]]:
        """Destination → its evidence, with the rule for open-ended wording applied.

        Generic third-country wording ("for transfers outside the EEA, ...") leaves the
        destinations unspecified only if the document names none and does not deny such
        transfers elsewhere ("we do not transfer data outside the EEA"); open wording ("may be
        processed worldwide", "any other country") always does. A country only a tool implies
        ("we rely on the DPF" for the US) is added; it names none, so it leaves the wording open.
        """
        out: dict[str, list[Mention]] = {}
        for m in self.of("destination"):
            out.setdefault(m.value, []).append(m)
        named = bool(set(out) - {UNSPECIFIED})
        for tool, country in self.implied:
            if tool in self.relied_mechanisms:
                out.setdefault(country, []).extend(self.relied_mechanisms[tool])
        open_mentions = out.pop(UNSPECIFIED, [])
        if self.processors_placed:
            open_mentions = [m for m in open_mentions if m.detail != PROVIDERS]
        if not named:
            open_mentions = [m for m in open_mentions if m.detail != OPEN_LIST]
        assertive = [m for m in open_mentions if m.detail != CONDITIONAL]
        if assertive or (open_mentions and not named and not self.of(DENIED)):
            out[UNSPECIFIED] = assertive or open_mentions
        return out


def _read(reading: Reading, readers: list[Reader]) -> None:
    """Each reader on the sentences of its plan, and on those it asks for as it goes; sentences in
    order, and on each the readers in order, as if every reader read every sentence."""
    sentences = reading.sentences
    count = len(sentences)
    plans = [reader.plan(reading) for reader in readers]
    # A reader whose plan names no sentence is never asked for one (tables and links are read whole).
    planned = [(reader, plan) for reader, plan in zip(readers, plans) if plan is None or plan.any()]
    active = [reader for reader, _ in planned]
    rows = [None if plan is None else plan.tolist() for _, plan in planned]
    wanted = np.zeros(count, dtype=bool)
    for plan in plans:
        wanted |= True if plan is None else plan
    queue = np.flatnonzero(wanted).tolist()
    # Readers that asked for the next sentence they read.
    asked = [False] * len(active)
    position, index = 0, queue[0] if queue else count
    while index < count:
        checkpoint()
        sentence = sentences[index]
        passage = Passage(sentence, index, reading)
        heading = sentence.block.kind == "heading"
        for r, reader in enumerate(active):
            row = rows[r]
            if (row is None or row[index] or asked[r]) and (reader.reads_headings or not heading):
                asked[r] = bool(reader.read(passage, reading))
        while position < len(queue) and queue[position] <= index:
            position += 1
        index = index + 1 if any(asked) else queue[position] if position < len(queue) else count


def extract(
    document: Document,
    nlp: Language,
    lexicon: Lexicon,
    eea: frozenset[str],
    doc_type: DocType | None = None,
    readers: ReaderRegistry = DEFAULT_READERS,
    implied: dict[str, str] | None = None,
) -> Extraction:
    """Read ``document`` with ``nlp`` (a pipeline from :func:`dpcheck.nlp.build_pipeline`) and ``readers``;
    ``eea``: the codes of places inside the EEA; ``implied``: tools made for one country only, with it
    (:attr:`~dpcheck.facts.LegalFacts.sole_destinations`)."""
    sentences = read_sentences(document, nlp)
    try:
        return _extract(Reading(document, nlp, lexicon, eea, sentences), doc_type, readers, implied)
    finally:
        sentences.release()


def _extract(
    reading: Reading, doc_type: DocType | None, readers: ReaderRegistry, implied: dict[str, str] | None
) -> Extraction:
    document, lexicon, eea = reading.document, reading.lexicon, reading.eea
    started = readers.start()
    for reader in started:
        reader.begin(reading)
    _read(reading, started)
    # What the document's own amendments delete or replace says nothing any more.
    words = lexicon.words
    away = amended_away(
        document.blocks,
        instruction_pattern(words.amendment_targets, words.amendment_operations),
        words.amendment_headings,
    )

    def kept(evidence: Evidence) -> bool:
        return not any(start <= evidence.start < end for start, end in away)

    # Whether a tool is relied on can rest on the rest of the document: its paragraph, the transfers it discloses.
    mentions = [m for m in (*reading.mentions, *breach_limits(reading.sentences)) if kept(m.evidence)]
    # Where a recipient sits may stand in another passage than the one where it receives data: the document read whole.
    seats = recipient_seats(
        reading.sentences, reading.recipients, mentions, lexicon.recipients, eea, reading.title, reading.own_words
    )
    mentions += [m for m in seats if kept(m.evidence)]
    # A pointer to an annex the document leaves empty ("Annex 3: [To be completed]") is no sub-processor list.
    mentions = lists_to_nothing(mentions, document, words.annex, words.placeholder)
    mentions = customers_own_flows(mentions, reading.sentences, words)
    mentions = consent_without_transfer(conditioned_tools(tools_out_of_scope(mentions, reading.sentences), eea), eea)

    # Decisive evidence first (dpcheck.extract.evidence): every view of the mentions keeps this order. A destination's
    # sentence is ranked by what it says itself, then quoted with the sentence that goes on from it (what goes there).
    # A place and its tool told in two sentences of one paragraph are quoted as one statement for each (stated_together).
    ranked = stated_together(
        (
            replace(m, evidence=reading.sentences.continued(m.evidence)) if m.kind == "destination" else m
            for m in lexicon.evidence.ranked(
                mentions, note_refs((b.text, b.start, b.end, b.table is not None) for b in document.blocks)
            )
        ),
        reading.sentences,
    )
    return Extraction(
        doc_type or classify(document),
        ranked,
        tuple(r for r in reading.recipients if not r.evidence or any(kept(e) for e in r.evidence)),
        tuple(e for e in reading.transfers_addressed if kept(e)),
        tuple(m for m in reading.flowdown if kept(m.evidence)),
        reading.subject,
        tuple(sorted((implied or {}).items())),
        tuple(e for e in reading.unnamed_basis if kept(e)),
    )
