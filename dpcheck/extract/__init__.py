"""Extraction: from a document's sentences to transfer facts, each with its evidence."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import accumulate
from typing import Any

from spacy.language import Language

from dpcheck.extract.art28 import Art28Reader
from dpcheck.extract.destinations import (
    Words,
    destination_mentions,
    importer_addresses,
    in_postal_address,
)
from dpcheck.extract.doctype import classify
from dpcheck.extract.mechanisms import (
    MechanismLexicon,
    is_transfer_sentence,
    mechanism_mentions,
)
from dpcheck.extract.sentences import Sentence, sentences
from dpcheck.extract.tables import table_recipients
from dpcheck.extract.terms import link_mentions, term_mentions
from dpcheck.ingest.document import Document
from dpcheck.limits import checkpoint
from dpcheck.models import DocType, Evidence, Mention, Recipient
from dpcheck.nlp.gazetteer import UNSPECIFIED

# Annex I.A of the SCCs gives the data importer's name, then its address a few lines on.
IMPORTER_REACH = 4
# Relying on these tools means the data goes to the United States.
US_TOOLS = {"dpf", "privacy_shield", "safe_harbor"}


@dataclass(frozen=True)
class Lexicon:
    """The parts of rules/lexicon that extraction reads directly (the rest feeds the pipeline)."""

    mechanisms: MechanismLexicon
    words: Words

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Lexicon:
        return cls(MechanismLexicon.from_data(data["mechanisms"]), Words.from_data(data["words"]))


@dataclass
class Extraction:
    """What one document says about transfers, before any rule is applied.

    The derived views (``relied_mechanisms``, ``destinations``) are computed once, after
    :func:`extract` has filled in every mention.
    """

    doc_type: DocType
    mentions: list[Mention] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    transfers_addressed: list[Evidence] = field(default_factory=list)
    # Transfer tools the document binds its sub-processors to ("we require our sub-processors to
    # sign the SCCs"): they cover transfers that sub-processors make themselves.
    flowdown: list[Mention] = field(default_factory=list)
    sentence_count: int = 0

    def of(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]

    @cached_property
    def relied_mechanisms(self) -> dict[str, list[Mention]]:
        disavowed = {m.value for m in self.of("mechanism") if m.detail == "disavowed"}
        # A tool only defined ("'SCCs' means ...") and never used again is not relied upon;
        # once the text uses it, its definition is evidence too.
        used = {m.value for m in self.of("mechanism") if m.relied_upon and m.detail != "definition"}
        out: dict[str, list[Mention]] = {}
        for m in self.of("mechanism"):
            if m.relied_upon and m.value in used and m.value not in disavowed:
                out.setdefault(m.value, []).append(m)
        return out

    @cached_property
    def destinations(self) -> dict[str, list[Mention]]:
        """Destination → its evidence, with the rule for open-ended wording applied.

        Generic third-country wording ("for transfers outside the EEA, ...") leaves the
        destinations unspecified only if the document names none; open wording ("may be
        processed worldwide", "any other country") always does.
        """
        out: dict[str, list[Mention]] = {}
        for m in self.of("destination"):
            out.setdefault(m.value, []).append(m)
        for tool in sorted(US_TOOLS & set(self.relied_mechanisms)):
            out.setdefault("US", []).extend(self.relied_mechanisms[tool])
        open_mentions = out.pop(UNSPECIFIED, [])
        assertive = [m for m in open_mentions if m.detail != "conditional"]
        if assertive or (open_mentions and not out):
            out[UNSPECIFIED] = assertive or open_mentions
        return out


def extract(document: Document, nlp: Language, lexicon: Lexicon, eea: set[str],
            doc_type: DocType | None = None) -> Extraction:
    """Read ``document`` with ``nlp`` (a pipeline from :func:`dpcheck.nlp.build_pipeline`)."""
    result = Extraction(doc_type or classify(document))
    recipients, table_mentions, read_tables = table_recipients(document, nlp, eea, lexicon.words)
    result.recipients.extend(recipients)
    result.mentions.extend(table_mentions)
    result.mentions.extend(link_mentions(document))
    non_eea = set(nlp.get_pipe("dpcheck_countries_v1").codes) - eea
    importer_block = -IMPORTER_REACH - 1
    art28 = Art28Reader()
    for index, sentence in enumerate(sentences(document, nlp)):
        checkpoint()
        result.sentence_count += 1
        result.mentions.extend(art28.read(sentence))
        if sentence.has("IMPORTER"):
            importer_block = index
        elif index - importer_block <= IMPORTER_REACH:
            result.mentions.extend(importer_addresses(sentence, eea))
        if sentence.block.kind == "heading":
            continue
        transfer = is_transfer_sentence(sentence, non_eea)
        tools = mechanism_mentions(sentence, lexicon.mechanisms, transfer, non_eea)
        result.mentions.extend(tools)
        if sentence.block.table is None or sentence.block.table not in read_tables:
            places = destination_mentions(sentence, transfer, eea, lexicon.words)
            result.mentions.extend(places)
            result.recipients.extend(onward_recipients(sentence, places, recipients))
        if sentence.has("SUBPROCESSOR") and sentence.has("FLOWDOWN", "ONWARD"):
            result.flowdown.extend(m for m in tools if m.relied_upon)
        result.mentions.extend(term_mentions(sentence))
        if _addresses_transfers(sentence, transfer):
            result.transfers_addressed.append(sentence.evidence("speaks about where data goes"))
    relied = result.relied_mechanisms
    result.recipients = [replace(r, mechanisms=tuple(sorted(mechanisms_near(r.evidence, relied))))
                         for r in result.recipients]
    return result


def mechanisms_near(evidence: tuple[Evidence, ...], relied: dict[str, list[Mention]]) -> set[str]:
    """Tools relied on in text that overlaps ``evidence`` (its sentence, or the table row it sits in)."""
    near = set()
    for tool, found in relied.items():
        # Mentions by start, with the furthest end reached so far: an overlap test per piece of
        # evidence is then one bisection, not a pass over every mention (long documents have
        # thousands).
        spans = sorted((m.evidence.start, m.evidence.end) for m in found)
        starts = [start for start, _ in spans]
        reach = list(accumulate((end for _, end in spans), max))
        for e in evidence:
            before = bisect_left(starts, e.end)
            if before and reach[before - 1] > e.start:
                near.add(tool)
                break
    return near


def onward_recipients(sentence: Sentence, places: list[Mention], known: list[Recipient]) -> list[Recipient]:
    """"Our sub-processor CloudCo may transfer data onward to its affiliates in India": the
    recipients of a sub-processor's own transfers, engaged by that sub-processor."""
    onward = sentence.of("ONWARD")
    codes = tuple(dict.fromkeys(m.value for m in places if m.kind == "destination"))
    if not onward or not codes:
        return []
    cue = onward[0].start
    # The one who passes the data on is named before the onward cue: a sub-processor from the
    # tables by name, else the sub-processors in general.
    before = sentence.span[:cue].text
    parent = next((r.name for r in known if len(r.name) > 2 and r.name in before), "")
    if not parent and any(c.start < cue for c in sentence.of("SUBPROCESSOR")):
        parent = "sub-processors"
    if not parent:
        return []
    evidence = sentence.evidence(f"onward transfer by {parent}")
    return [Recipient(f"onward recipients of {parent}", "subprocessor", "", codes, (evidence,), engaged_by=parent)]


def _addresses_transfers(sentence: Sentence, transfer: bool) -> bool:
    if sentence.has("THIRD_COUNTRY"):
        return True
    if any(c.label.startswith("MECH:") for c in sentence.cues) and transfer:
        return True
    return sentence.has("TRANSFER") and not sentence.has("SEAT") and any(
        not in_postal_address(sentence, p.start) for p in sentence.places)

