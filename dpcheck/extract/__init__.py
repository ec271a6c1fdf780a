"""Extraction: from a document's sentences to what it says about transfers, each with its evidence.

The readers of :mod:`dpcheck.extract.readers` do the reading; :func:`extract` runs them over
the document and gathers what they found into one frozen :class:`Extraction`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.language import Language

from dpcheck.extract.destinations import DENIED
from dpcheck.extract.doctype import classify
from dpcheck.extract.readers import DEFAULT_READERS, Lexicon, Passage, Reader, ReaderRegistry, Reading
from dpcheck.extract.roles import UNCLAIMED
from dpcheck.extract.sentences import sentences
from dpcheck.extract.subject import Subject
from dpcheck.ingest.document import Document
from dpcheck.limits import checkpoint
from dpcheck.models import UNSPECIFIED, DocType, Evidence, Mention, Recipient

__all__ = ["DEFAULT_READERS", "Extraction", "Lexicon", "Reader", "ReaderRegistry", "extract"]

# Relying on these tools means the data goes to the United States.
US_TOOLS = {"dpf", "privacy_shield", "safe_harbor"}


@dataclass(frozen=True)
class Extraction:
    """What one document says about transfers, before any rule is applied.

    The derived views (``relied_mechanisms``, ``destinations``) are computed once, on first use.
    ``flowdown``: the transfer tools the document binds its sub-processors to.
    """

    doc_type: DocType
    mentions: tuple[Mention, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    transfers_addressed: tuple[Evidence, ...] = ()
    flowdown: tuple[Mention, ...] = ()
    subject: Subject = Subject()

    def of(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]

    @cached_property
    def relied_mechanisms(self) -> dict[str, list[Mention]]:
        disavowed = {m.value for m in self.of("mechanism") if m.detail == "disavowed"}
        # In a DPA "you agree to these transfers" is the customer instructing its processor
        # (Art. 28(3)(a)), not the consent of the person concerned (Art. 49(1)(a)).
        instructions = "consent" if self.doc_type == "dpa" else None
        # A tool only defined ("'SCCs' means ...") and never used again is not relied upon;
        # once the text uses it, its definition is evidence too.
        used = {m.value for m in self.of("mechanism") if m.relied_upon and m.detail not in ("definition", instructions)}
        out: dict[str, list[Mention]] = {}
        for m in self.of("mechanism"):
            if m.relied_upon and m.value in used and m.value not in disavowed and m.detail != instructions:
                out.setdefault(m.value, []).append(m)
        return out

    @cached_property
    def destinations(self) -> dict[str, list[Mention]]:
        """Destination → its evidence, with the rule for open-ended wording applied.

        Generic third-country wording ("for transfers outside the EEA, ...") leaves the
        destinations unspecified only if the document names none and does not deny such
        transfers elsewhere ("we do not transfer data outside the EEA"); open wording ("may be
        processed worldwide", "any other country") always does.
        """
        out: dict[str, list[Mention]] = {}
        # The sentence whose role cue decided a destination is its evidence before those that name
        # it only in a transfer context (role "unclaimed"); document order otherwise.
        for m in sorted(self.of("destination"), key=lambda m: m.role == UNCLAIMED):
            out.setdefault(m.value, []).append(m)
        for tool in sorted(US_TOOLS & set(self.relied_mechanisms)):
            out.setdefault("US", []).extend(self.relied_mechanisms[tool])
        open_mentions = out.pop(UNSPECIFIED, [])
        assertive = [m for m in open_mentions if m.detail != "conditional"]
        if assertive or (open_mentions and not out and not self.of(DENIED)):
            out[UNSPECIFIED] = assertive or open_mentions
        return out


def extract(document: Document, nlp: Language, lexicon: Lexicon, eea: frozenset[str],
            doc_type: DocType | None = None, readers: ReaderRegistry = DEFAULT_READERS) -> Extraction:
    """Read ``document`` with ``nlp`` (a pipeline from :func:`dpcheck.nlp.build_pipeline`) and ``readers``;
    ``eea``: the codes of places inside the EEA."""
    reading = Reading(document, nlp, lexicon, eea)
    started = readers.start()
    for reader in started:
        reader.begin(reading)
    for index, sentence in enumerate(sentences(document, nlp)):
        checkpoint()
        passage = Passage(sentence, index, reading)
        heading = sentence.block.kind == "heading"
        for reader in started:
            if reader.reads_headings or not heading:
                reader.read(passage, reading)
    return Extraction(doc_type or classify(document), tuple(reading.mentions), tuple(reading.recipients),
                      tuple(reading.transfers_addressed), tuple(reading.flowdown), reading.subject)
