"""Readers: each finds one kind of thing in a document, and extraction runs them all.

As Presidio's analyzer runs the recognizers of its registry, :func:`~dpcheck.extract.extract`
runs the readers of a :class:`ReaderRegistry` in order: first each reader's
:meth:`Reader.begin` on the document as a whole (tables, links), then its :meth:`Reader.read`
on the sentences its :meth:`Reader.plan` names (headings only for readers that ask for them). A
reader adds what it finds to the document's :class:`Reading`; readers later in the registry may
use what earlier ones found (destinations skip the tables that tables already read). A fresh
reader is made for every document, so a reader may remember what it has passed.

Most sentences hold nothing for most readers, so a reader names the sentences it may find
anything in: those carrying its *anchors*, the labels (cues, places, layout; see
:mod:`dpcheck.extract.sentences`) without which its rules cannot fire; a sentence no reader
names is never built. A plan may name more sentences than needed, never fewer; a reader that
remembers what it passed keeps that by sentence index, so that the sentences left out between
two it reads change nothing.

To add a reader: subclass :class:`Reader`, give it a ``name``, and add it to
:data:`DEFAULT_READERS` where its order is right (or pass your own registry to ``extract``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, ClassVar, Literal, cast

import numpy as np
from spacy.language import Language

from dpcheck.extract import art28
from dpcheck.extract.art28 import Art28Reader
from dpcheck.extract.destinations import (
    CONDITIONAL,
    DENIED,
    LAWS_DIFFER,
    PROVIDER_ROLES,
    Words,
    destination_mentions,
    examples_of_previous,
    importer_addresses,
    locates_data,
    negated_transfer,
)
from dpcheck.extract.evidence import EvidenceOrder
from dpcheck.extract.locations import commitment_mentions
from dpcheck.extract.mechanisms import MechanismLexicon, is_transfer_sentence, mechanism_mentions
from dpcheck.extract.parties import (
    AMENDS,
    OPENING_CHARS,
    VENDOR,
    PartyWords,
    amendment_mentions,
    announces_controller,
    frequent_company,
    opening_company,
    vendor_mentions,
)
from dpcheck.extract.recipients import (
    RecipientWords,
    among_names,
    change_entry,
    defined_names,
    defined_terms,
    entry_company,
    item_companies,
    item_fields,
    item_name,
    labelled_company,
    location_fields,
    may_name,
    name_at,
    name_key,
    opens_fields,
    own_name,
    plain_name,
    prose_recipient,
    sentence_recipients,
    title_words,
    vendor_itself,
)
from dpcheck.extract.roles import RoleSet, assign
from dpcheck.extract.sentences import INTERNATIONAL_HEADING, PLACE, Cue, Sentence, Sentences
from dpcheck.extract.subject import Subject
from dpcheck.extract.tables import Cells, block_evidence, card_lines, card_places, table_recipients
from dpcheck.extract.terms import ANCHORS as TERM_ANCHORS
from dpcheck.extract.terms import (
    LIST_ITEM,
    SUBPROCESSOR_URL,
    SUBPROCESSOR_URL_PARTS,
    AuthorityContext,
    empty_column,
    gives_late_notice,
    government_access,
    link_mentions,
    speaks_of_transfers,
    term_mentions,
)
from dpcheck.ingest.document import Block, Document
from dpcheck.models import ALL_SUBPROCESSORS, EEA_REGION, HEADER_ROW_BASIS, UNSPECIFIED, Evidence, Mention, Recipient
from dpcheck.nlp.components import COUNTRIES, CountryRecognizer
from dpcheck.nlp.pipeline import ROLE_PREFIX

# Sentences after one about requests from authorities that still speak of them without repeating who asks.
TOPIC_REACH = 2
# The role of a company a list's entry names: a sub-processor in a section on sub-processors.
EntryRole = Literal["subprocessor", "processor"]
# An entry's heading that names a company and, in closing brackets, where it is ("Acme Inc. (United States)").
SEATED = re.compile(r"(?P<name>[^()]+?)\s*\((?P<seat>[^()]+)\)")
# A lead-in names the processors its list items are: "we use the following service providers who handle your data:".
# The most words a heading that names a list of sub-processors by its last word has: "Our current
# sub-processors"; a longer heading says something about them ("Changes to our sub-processors and your right to object").
LIST_HEADING_WORDS = 4
# Characters after a storage label that say where an entry's data is kept ("Datenhaltung in der EU").
STORAGE_REACH = 60
LEAD_IN_REACH = 10
# Annex I.A of the SCCs gives the data importer's name, then its address a few lines on.
IMPORTER_REACH = 4
# The English genitive's token after a name ("Acme's").
GENITIVE_S = frozenset({"'s", "’s", "'", "’"})
# Cue labels (rules/lexicon/cues.yml, subject.yml) that readers are anchored on.
CONSENT, GOV_NOTICE, GOV_REQUEST, IMPORTER, LOCATION_ONLY, THIRD_COUNTRY, TRANSFER, UNNAMED_BASIS = (
    "CONSENT",
    "GOV_NOTICE",
    "GOV_REQUEST",
    "IMPORTER",
    "LOCATION_ONLY",
    "THIRD_COUNTRY",
    "TRANSFER",
    "UNNAMED_BASIS",
)
SUBJECT, CHROME = "SUBJECT", "CHROME"
HEADING = "HEADING"  # a layout label (dpcheck.extract.sentences)
SUBPROCESSOR = "SUBPROCESSOR"
SUBPROCESSOR_SECTION = "SUBPROCESSOR_SECTION"  # a layout label too
REMOVED = "REMOVED"
# Wording about destinations without a place: open ("worldwide", "third countries"), laws that differ.
OPEN_WORDING = ("THIRD_COUNTRY", "OPEN_DESTINATION", "OPEN_LIST", LAWS_DIFFER)


@dataclass(frozen=True)
class Lexicon:
    """The parts of rules/lexicon that readers use directly (the rest feeds the spaCy pipeline)."""

    mechanisms: MechanismLexicon
    words: Words
    parties: PartyWords
    roles: RoleSet
    recipients: RecipientWords
    evidence: EvidenceOrder
    # The labels of rules/lexicon/art28.yml (the Art. 28 checklist's cues) and of the cues of recipients.yml.
    art28: tuple[str, ...]
    recipient_cues: tuple[str, ...]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Lexicon:
        return cls(
            MechanismLexicon.from_data(data["mechanisms"], data["words"]),
            Words.from_data(data["words"]),
            PartyWords.from_data(data["parties"]),
            RoleSet.from_data(
                data["roles"],
                data["words"]["legal_forms"],
                data["words"]["law_titles"],
                data["words"]["non"],
                [*data["words"]["contrast"], *data["words"]["clause_join"]],
            ),
            RecipientWords.from_data(data["recipients"], data["words"]),
            EvidenceOrder.from_data(data["roles"]),
            tuple(data["art28"]),
            tuple(data["recipients"]["cues"]),
        )


@dataclass
class Reading:
    """One document being read: what readers need, and what they have found so far."""

    document: Document
    nlp: Language
    lexicon: Lexicon
    eea: frozenset[str]
    sentences: Sentences
    mentions: list[Mention] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    transfers_addressed: list[Evidence] = field(default_factory=list)
    # Sentences about a transfer's legal basis that name no tool ("based on appropriate safeguards").
    unnamed_basis: list[Evidence] = field(default_factory=list)
    # Transfer tools the document binds its sub-processors to ("we require our sub-processors to
    # sign the SCCs"): they cover transfers that sub-processors make themselves.
    flowdown: list[Mention] = field(default_factory=list)
    # Tables read as lists of recipients or locations: their rows are not read again as sentences.
    tables_read: set[int] = field(default_factory=set)
    # What the document is about (see dpcheck.extract.subject).
    subject: Subject = Subject()

    @cached_property
    def cells(self) -> Cells:
        return Cells(self.nlp)

    @cached_property
    def title(self) -> str:
        """The document's title: its first heading ("" without one)."""
        return next((b.text for b in self.document.blocks if b.kind == "heading"), "")

    @cached_property
    def own_words(self) -> frozenset[str]:
        """The words of the title that may name the vendor (:func:`~dpcheck.extract.recipients.title_words`)."""
        return title_words(self.title, self.lexicon.recipients)

    @cached_property
    def non_eea(self) -> frozenset[str]:
        return cast(CountryRecognizer, self.nlp.get_pipe(COUNTRIES)).codes - self.eea

    @cached_property
    def contents_lines(self) -> frozenset[int]:
        """The starts of blocks that repeat a heading of the document word for word, numbering and page numbers
        aside: the lines of a table of contents ("§ 9 Transfers to third countries; standard contractual clauses
        .... 7"), which name a section, not what it says."""
        blocks = self.document.blocks
        headings = {key for b in blocks if b.kind == "heading" and (key := _letters(b.text))}
        if not headings:
            return frozenset()
        longest = max(map(len, headings))
        return frozenset(
            b.start
            for b in blocks
            if b.kind != "heading" and not _more_letters(b.text, longest) and _letters(b.text) in headings
        )


def _letters(text: str) -> str:
    """The letters of ``text``, lower-cased: a heading and its line in the contents compare equal."""
    lower = text.lower()
    if lower.isascii():
        # str.translate deletes ASCII characters in one pass; filter calls isalpha for each (five times as slow).
        return lower.translate(_ASCII_NON_LETTERS)
    return "".join(filter(str.isalpha, lower))


_ASCII_NON_LETTERS: dict[int, None] = {c: None for c in range(128) if not chr(c).isalpha()}


def _more_letters(text: str, most: int) -> bool:
    """Whether ``text`` has more than ``most`` letters, judged from its opening: most blocks are paragraphs far
    longer than any heading, and testing each of their characters was 3 % of extraction. Lower-casing a part
    of a text gives the same number of letters as within the whole (only a capital sigma's case depends on
    what follows, and both of its lower cases are one letter)."""
    return len(text) > most and len(_letters(text[: 2 * most + 2])) > most


class Passage:
    """One sentence where it stands in the document, with what several readers ask of it."""

    def __init__(self, sentence: Sentence, index: int, reading: Reading) -> None:
        self.sentence = sentence
        self.index = index
        self._reading = reading

    @cached_property
    def transfer(self) -> bool:
        """The sentence is about data leaving the EEA (see :func:`~dpcheck.extract.mechanisms.is_transfer_sentence`)."""
        lexicon = self._reading.lexicon
        return is_transfer_sentence(
            self.sentence, self._reading.non_eea, lexicon.roles.locates_only, lexicon.mechanisms.third_country_only
        )

    @property
    def _unmoved(self) -> frozenset[int]:
        """Places the sentence gives a role other than where data goes (where people live, a law's country):
        consent beside them sends nothing there."""
        sentence = self.sentence
        if not (sentence.places and sentence.has("CONSENT")):
            return frozenset()
        roles = assign(sentence, self._reading.lexicon.roles)
        return frozenset(
            p.start
            for p in sentence.places
            if (a := roles.argument(p.start, p.end)).claimed and not roles.makes_transfer(a)
        )

    @cached_property
    def tools(self) -> list[Mention]:
        """The transfer tools the sentence names, each with the role of the sentence (see
        :meth:`~dpcheck.extract.evidence.EvidenceOrder.tool_role`)."""
        reading = self._reading
        words = reading.lexicon.words
        tools = mechanism_mentions(
            self.sentence,
            reading.lexicon.mechanisms,
            self.transfer,
            reading.non_eea,
            words.destination,
            words.double_negation,
            self._unmoved,
            words.absent_value,
        )
        return [replace(m, role=reading.lexicon.evidence.tool_role(self.sentence, m)) for m in tools]


class Reader:
    """Finds one kind of thing; see the module docstring."""

    name: ClassVar[str]
    reads_headings: ClassVar[bool] = False

    def begin(self, reading: Reading) -> None:
        """Read the document as a whole, before its first sentence."""

    def plan(self, reading: Reading) -> np.ndarray | None:
        """Per sentence of ``reading.sentences`` (booleans): the ones :meth:`read` may find anything in;
        None (the default): every sentence. Asked after :meth:`begin`."""
        return None

    def read(self, passage: Passage, reading: Reading) -> bool | None:
        """Read one sentence. True: read the one after it too, planned or not (the next one that is no
        heading, for a reader that reads none)."""
        return None


class ReaderRegistry:
    """The readers extraction runs, in the order they run."""

    def __init__(self, readers: Iterable[type[Reader]] = ()) -> None:
        self._readers: list[type[Reader]] = []
        for reader in readers:
            self.add(reader)

    def add(self, reader: type[Reader]) -> None:
        if reader.name in self.names:
            raise ValueError(f"a reader named {reader.name!r} is registered already")
        self._readers.append(reader)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self._readers)

    def start(self) -> list[Reader]:
        """Fresh readers for one document."""
        return [reader() for reader in self._readers]

    def __iter__(self) -> Iterator[type[Reader]]:
        return iter(self._readers)


class TableReader(Reader):
    """Sub-processor tables: recipients, their locations, and who engages them."""

    name = "tables"

    def begin(self, reading: Reading) -> None:
        recipients, mentions, read = table_recipients(
            reading.document, reading.cells, set(reading.eea), reading.lexicon.words
        )
        reading.recipients.extend(recipients)
        reading.mentions.extend(mentions)
        reading.tables_read |= read

    def plan(self, reading: Reading) -> np.ndarray:
        return reading.sentences.carrying()  # none: tables are read whole


class LinkReader(Reader):
    """Hyperlinks to a sub-processor page."""

    name = "links"

    def begin(self, reading: Reading) -> None:
        reading.mentions.extend(link_mentions(reading.document))

    def plan(self, reading: Reading) -> np.ndarray:
        return reading.sentences.carrying()  # none: links are read from the document


class Art28ClauseReader(Reader):
    """The Art. 28 GDPR checklist parts a DPA's sentences show (headings give their sections' context)."""

    name = "art28"
    reads_headings = True

    def __init__(self) -> None:
        self._reader = Art28Reader()
        self._lead_in: tuple[int, frozenset[str]] = (-1, frozenset())  # the last lead-in read, and its labels
        self._denial = -1  # the last sentence read that ends in a negation and leads a list ("will not: - ...")

    def plan(self, reading: Reading) -> np.ndarray:
        # As art28.anchored, for every sentence at once; headings with a checklist label give their sections' context,
        # and a sentence right before a list that assists with or notifies of what the list names, its items.
        sentences = reading.sentences
        headings = sentences.carrying(HEADING) & sentences.carrying(*reading.lexicon.art28)
        lead_ins = sentences.carrying(*art28.LEAD_IN)
        for i in np.flatnonzero(lead_ins).tolist():
            lead_ins[i] = _leads_a_list(sentences, i)
        denials = sentences.carrying("NEGATION") & sentences.holding(":")
        for i in np.flatnonzero(denials).tolist():
            denials[i] = _leads_a_list(sentences, i)
        return (
            headings
            | lead_ins
            | denials
            | sentences.carrying(*art28.SHOWS)
            | (sentences.opened_by(*art28.ROW_LABELS) & sentences.opening())
            | sentences.under_headings(*art28.SECTION_SHOWS)
        )

    def read(self, passage: Passage, reading: Reading) -> None:
        sentence, index = passage.sentence, passage.index
        at, lead_labels = self._lead_in
        sentences = reading.sentences
        lead_in = (
            lead_labels
            if sentence.block.kind == "list_item"
            and at >= 0
            and all(sentences.block(k).kind == "list_item" for k in range(at + 1, index))
            else frozenset()
        )
        # An item leading a list of its own ("- The Processor may: - use ...") opens a new list: the denial ends there.
        denied = (
            sentence.block.kind == "list_item"
            and self._denial >= 0
            and all(
                sentences.block(k).kind == "list_item" and not _leads_a_list(sentences, k)
                for k in range(self._denial + 1, index)
            )
        )
        # The items take only what the lead-in does (assist, notify); what they show, they name themselves.
        if sentence.has(*art28.LEAD_IN) and _leads_a_list(sentences, index):
            self._lead_in = (index, art28.labels(sentence) & frozenset(art28.LEAD_IN))
        if art28.denies_a_list(sentence) and _leads_a_list(sentences, index):
            self._denial = index
        reading.mentions.extend(self._reader.read(sentence, lead_in, denied))


def _leads_a_list(sentences: Sentences, i: int) -> bool:
    """Sentence ``i`` ends a block, a list item follows it, and the block is no item of that list unless it
    opens one of its own with a colon ("2. The processor assists with: - ...")."""
    if i + 1 >= len(sentences):
        return False
    block, following = sentences.block(i), sentences.block(i + 1)
    return (
        following is not block
        and following.kind == "list_item"
        and (block.kind != "list_item" or block.text.rstrip().endswith(":"))
    )


class ImporterReader(Reader):
    """Countries in a data importer's address, a few lines below its name (Annex I.A of the SCCs)."""

    name = "importer_addresses"
    reads_headings = True

    def __init__(self) -> None:
        self._importer_at = -IMPORTER_REACH - 1

    def plan(self, reading: Reading) -> np.ndarray:
        # The importer's sentences, and the few lines below one (a US address may name no place: "CA 90067").
        sentences = reading.sentences
        importer = sentences.carrying(IMPORTER)
        below = np.zeros(len(sentences) + IMPORTER_REACH, dtype=bool)
        for after in range(1, IMPORTER_REACH + 1):
            below[after : after + len(sentences)] |= importer
        return importer | below[: len(sentences)]

    def read(self, passage: Passage, reading: Reading) -> None:
        if passage.sentence.has(IMPORTER):
            self._importer_at = passage.index
        elif passage.index - self._importer_at <= IMPORTER_REACH:
            reading.mentions.extend(importer_addresses(passage.sentence, set(reading.eea), reading.lexicon.words))


class MechanismReader(Reader):
    """Transfer tools, relied upon or not, and those the document binds its sub-processors to."""

    name = "mechanisms"

    def plan(self, reading: Reading) -> np.ndarray:
        # A tool's name, or consent (see mechanism_mentions).
        return reading.sentences.carrying(*reading.lexicon.mechanisms.labels, CONSENT)

    def read(self, passage: Passage, reading: Reading) -> None:
        sentence = passage.sentence
        tools = passage.tools
        if sentence.block.kind == "table_row" and sentence.block.table is not None:
            # A column titled with a tool whose cells all say "no" ("SCCs signed" over "No") relies on none.
            table = reading.document.tables[sentence.block.table]
            if empty_column(sentence, table, sentence.of_prefixed("MECH:"), reading.lexicon.words):
                tools = [replace(m, relied_upon=False) for m in tools]
            # "1 Jan 2026 | Clause 6.2 on Binding Corporate Rules added": a change log tells of the text, not of a basis.
            changelog = reading.lexicon.words.table_headers["changelog"]
            if any(re.search(rf"(?<![^\W_])(?:{changelog.pattern})", h, re.I) for h in table.header):
                tools = [replace(m, relied_upon=False, detail="change log") for m in tools]
        if sentence.block.start in reading.contents_lines:
            # A line of the table of contents names the section on a tool, it does not rely on the tool.
            tools = [replace(m, relied_upon=False, detail="contents") for m in tools]
        if _asks(sentence) and _answer(passage.index, reading) != "yes":
            # "Is Example Inc. certified under the DPF?": a question names a tool it does not say is used; an answer
            # opening with "yes" does.
            tools = [replace(m, relied_upon=False, detail="question") for m in tools]
        reading.mentions.extend(tools)
        if sentence.has("SUBPROCESSOR") and sentence.has("FLOWDOWN", "ONWARD"):
            reading.flowdown.extend(m for m in tools if m.relied_upon)


class DestinationReader(Reader):
    """Where data goes, and the recipients of a sub-processor's onward transfers."""

    name = "destinations"
    reads_headings = True  # a question as a heading, answered below it ("Do you send my data to the US?" — "Yes")

    def begin(self, reading: Reading) -> None:
        # The recipients the tables name are those an onward transfer can be made by.
        self._named: Sequence[Recipient] = tuple(reading.recipients)
        self._previous: list[Mention] = []  # the destinations of the sentence read last
        self._previous_at = -1
        self._own = reading.own_words  # the vendor's name, from the title
        # Sentences that may limit a recipient to data identifying no one (_gets_only_anonymous_data).
        self._limiting = reading.sentences.carrying("ONLY_ANONYMOUS", "NO_PERSONAL_DATA")

    def plan(self, reading: Reading) -> np.ndarray:
        # A place, or wording that leaves the destinations open or denies transfers (destination_mentions).
        return reading.sentences.carrying(PLACE, *OPEN_WORDING)

    def read(self, passage: Passage, reading: Reading) -> None:
        sentence = passage.sentence
        if _in_read_table(sentence.block, reading):
            return
        words = reading.lexicon.words
        answer = _answer(passage.index, reading) if sentence.text.rstrip().endswith("?") else ""
        # A line of the table of contents names the section on transfers ("7. Transfer to other countries"), as its
        # heading does: where the data goes is in the section.
        contents = sentence.block.start in reading.contents_lines
        if (sentence.block.kind == "heading" or contents) and not (
            answer or (not contents and _heads_placed_entries(passage.index, reading))
        ):
            # "9. International Data Transfers" over "Standard Contractual Clauses (SCCs)": the heading is what says that
            # data leaves the EEA, its section only names the tools it leaves on. Open wording as any other, it counts
            # only where the document names no country and denies no transfer.
            if not contents and (section := _tools_under_transfer_heading(passage.index, reading)) is not None:
                reading.mentions.append(Mention("destination", UNSPECIFIED, section, detail=CONDITIONAL))
            return
        if answer == "no":
            # „Werden meine Daten in die USA übermittelt? — Nein.": the question, answered no, denies.
            evidence = sentence.evidence("a question on transfers answered 'no'")
            reading.mentions.append(Mention(DENIED, UNSPECIFIED, evidence))
            reading.transfers_addressed.append(evidence)
            return
        previous = self._previous if self._previous and self._follows(passage.index, reading) else []
        # A question answered "yes" states what it asks, as a transfer statement; so does the answer to a question on
        # transfers that names places without a verb of its own ("Who can see my data? Support staff in Canada.").
        # Only an answer naming who works on the data where ("Support staff in Canada"), not any sentence after the
        # question ("Our founders met in Canada").
        answers = sentence.has(ROLE_PREFIX + "party_at_work") and _answers_transfer_question(passage.index, reading)
        transfer = passage.transfer or answer == "yes" or answers
        places = destination_mentions(sentence, transfer, set(reading.eea), words, reading.lexicon.roles, answers)
        if self._offered_by_vendor(sentence, reading):
            # "The app is a service offered by Acme GmbH, a Swiss company": the vendor's own seat, no recipient's.
            places = [m for m in places if m.role != "recipient_seat"]
        if places and _gets_only_anonymous_data(passage.index, reading, self._limiting):
            places = [m for m in places if m.value == UNSPECIFIED]
        reading.mentions.extend(
            [*places, *examples_of_previous(previous, sentence, places, set(reading.eea), reading.lexicon.roles)]
        )
        self._previous, self._previous_at = places, passage.index
        reading.recipients.extend(onward_recipients(sentence, places, self._named))

    def _offered_by_vendor(self, sentence: Sentence, reading: Reading) -> bool:
        """Every service the sentence names with its provider ("a service offered by", „ein Angebot der") is the
        vendor's own: the name after each such cue is the vendor's, as the document's title gives it."""
        cues = sentence.of(ROLE_PREFIX + "service_provider")
        words = reading.lexicon.recipients
        tokens = sentence.span

        def vendors(cue: Cue) -> bool:
            name, end = name_at(tokens, cue.end, words)
            # "operated by Acme's affiliate Acme Labs LLC": the vendor's name as a possessive names another company.
            possessive = end < len(tokens) and tokens[end].text in GENITIVE_S
            return not possessive and vendor_itself(name, self._own, words)

        return bool(cues) and all(vendors(cue) for cue in cues)

    def _follows(self, index: int, reading: Reading) -> bool:
        """No sentence this reader would read stands between the one read last and sentence ``index``:
        those left out of the plan found no destination, and a table's rows are read as a table."""
        sentences = reading.sentences
        return all(
            sentences.block(k).kind == "heading" or _in_read_table(sentences.block(k), reading)
            for k in range(self._previous_at + 1, index)
        )


def _a_tool(name: str, tools: list[str]) -> bool:
    """The name is that of a transfer tool the sentence names ("- EU-US Data Privacy Framework (DPF) for certified
    providers" after „Für Übermittlungen in Drittländer gelten:"): a basis of the transfers, no recipient of them."""
    key = name.casefold()
    return any(key in tool or (tool in key and 2 * len(tool) >= len(key)) for tool in tools)


def _tools_under_transfer_heading(index: int, reading: Reading) -> Evidence | None:
    """The section that heading ``index`` opens, quoted with it, where the heading speaks of data leaving the EEA
    ("International Data Transfers", „Übermittlung in Drittländer") and the section names transfer tools and neither a
    place, open wording, a denial nor a condition: the transfers are disclosed by the heading, to countries left open.
    "If data is transferred abroad, we use SCCs" under it only says what would apply. None else."""
    sentences = reading.sentences
    heading = sentences[index]
    if not (heading.has(THIRD_COUNTRY) and heading.has(TRANSFER)):
        return None
    body = []
    for k in range(index + 1, len(sentences)):
        block = sentences.block(k)
        if block.kind == "heading" or block.heading_path[-1:] != (heading.block.text,):
            break
        body.append(sentences[k])
    conditional = reading.lexicon.words.conditional
    # A denial or a condition counts where it speaks of a transfer (or, a denial, of a tool): "We do not transfer data
    # abroad", "If data is transferred abroad, we use SCCs". One of something else ("We never sell your data", "If you
    # have questions, contact us") leaves the tools the heading's.
    if not any(s.has_prefixed("MECH:") for s in body) or any(
        s.has(PLACE, *OPEN_WORDING)
        or (s.has("NEGATION") and (s.has(TRANSFER) or s.has_prefixed("MECH:")))
        or (s.has(TRANSFER) and any(t.lower_ in conditional for t in s.span))
        for s in body
    ):
        return None
    start, end = heading.start, body[-1].end
    text = reading.document.text[start:end]
    return Evidence(
        text,
        start,
        end,
        heading.page,
        heading.block.heading_path,
        "a section on transfers out of the EEA that names only their tools",
    )


def _heads_placed_entries(index: int, reading: Reading) -> bool:
    """Heading ``index`` (no line of the table of contents) stands over a list of the recipients it places
    ("Sub-processors operating outside the European Union" over "- Zendesk ...", „Empfänger in den USA" over a table):
    what it says of where they are is said of every entry below it, which names only the company."""
    sentences = reading.sentences
    sentence = sentences[index]
    if not sentence.has(SUBPROCESSOR, *PROVIDER_ROLES) or index + 1 >= len(sentences):
        return False
    below = sentences.block(index + 1)
    return below.kind in ("list_item", "table_row") and below.heading_path[-1:] == (sentence.block.text,)


def _described(heading: str, text: str, words: RecipientWords) -> bool:
    """A paragraph that opens by saying what the company its heading names does ("Acme" over "Acme provides storage
    for projects.", „Acme" over „Acme versendet unsere E-Mails."): the heading heads that company's entry."""
    name = plain_name(heading, words)
    rest = text[len(name) :] if name and text.startswith(name) else ""
    following = rest.split(maxsplit=1)
    return bool(following) and rest[:1].isspace() and following[0][:1].islower()


# A paragraph lettered or numbered in brackets as an item of a list ("(b) ", "c) ", "(iv) "): a converted text keeps
# such items as paragraphs, several sentences each.
LETTERED = re.compile(r"^\s*(?:\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|[a-z]\))\s+(?=\S)")


def _shared_with(found: list[Recipient], sentence: Sentence) -> list[Recipient]:
    """Those of ``found`` the sentence names after a word of sharing data (cue RCPT_SHARE: "share", "send",
    „übermitteln"): "we share your order history with Acme Inc." gives Acme Inc., "Acme Inc. shares your name with us"
    none."""
    cues = sentence.of("RCPT_SHARE")
    if not cues:
        return []
    tokens = sentence.span
    after = tokens.char(min(c.start for c in cues)) - tokens.char(0)
    return [r for r in found if sentence.text.find(r.name, after) >= 0]


def _whole_block(sentence: Sentence) -> bool:
    """The sentence is its paragraph's only one: an entry of a list ("Acme Cloud AG, Hosting, Zurich"), not prose
    that opens with a company ("Example GmbH, Street 1, Vienna, provides ... It is a subsidiary of ...")."""
    block = sentence.block
    return (
        not block.text[: sentence.start - block.start].strip() and not block.text[sentence.end - block.start :].strip()
    )


def _gets_only_anonymous_data(index: int, reading: Reading, limiting: np.ndarray) -> bool:
    """ "We work with a research group in Canada. We share with it only aggregated statistics, which identify no
    one.": the paragraph's next sentence, pointing back to the recipient, limits what it gets to data that is not
    personal; the places the sentence before named are where no personal data goes. Not where that sentence moves data
    itself ("We transfer your account data to X in the US"), nor where the next one adds to it ("We also share ...").
    ``limiting``: per sentence, it speaks of such data (the next one is built only then)."""
    sentences = reading.sentences
    if (
        index + 1 >= len(sentences)
        or not limiting[index + 1]
        or sentences.block(index + 1) is not sentences.block(index)
    ):
        return False
    if sentences[index].has("TRANSFER"):
        return False
    words = reading.lexicon.words
    tokens = [t.lower_ for t in sentences[index + 1].span]
    pairs = {f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)}
    return (
        not sentences[index + 1].places
        and bool(words.recipient_back & (pairs | set(tokens)))
        and not words.adding & set(tokens)
    )


def _answers_transfer_question(index: int, reading: Reading) -> bool:
    """Sentence ``index`` follows a question on where data goes or who reaches it, and does not open with "no"."""
    if index == 0:
        return False
    question = reading.sentences[index - 1]
    return (
        _asks(question)
        and question.has("TRANSFER", "CROSS_BORDER", "THIRD_COUNTRY")
        and _answer(index - 1, reading) != "no"
    )


def _asks(sentence: Sentence) -> bool:
    """The sentence is a question; the dash that opens its answer may end it ("Are you certified? – No, ...")."""
    return sentence.text.rstrip().rstrip("–—").rstrip().endswith("?")


def _answer(index: int, reading: Reading) -> str:
    """ "yes" or "no" where the sentence after question ``index`` opens with the answer, else ""."""
    sentences = reading.sentences
    if index + 1 >= len(sentences):
        return ""
    tokens = sentences[index + 1].span
    # "A: No, ...", „Antwort: Nein": a one-word label and its colon open the answer.
    at = 2 if len(tokens) > 2 and tokens[1].text == ":" else 0
    # "No." is one token in English (the abbreviation of "number").
    first = tokens[at].lower_.rstrip(".,:;!") if len(tokens) > at else ""
    words = reading.lexicon.words
    return "yes" if first in words.answer_yes else "no" if first in words.answer_no else ""


# The cues of processors a lead-in names.
_PROCESSORS = ("RCPT_PROCESSOR", SUBPROCESSOR)


def _leads_in_processors(sentence: Sentence, words: RecipientWords) -> bool:
    """A sentence that ends in a colon after naming processors near its end; not one where the processor
    commits to the things that follow ("The processor keeps the following time limits:", "Der
    Auftragsverarbeiter hält folgende Fristen ein:"): a "following" after the last processor word lists
    something else."""
    cues = sentence.of(*_PROCESSORS)
    if not sentence.text.rstrip().endswith(":") or not cues:
        return False
    last = max(cues, key=lambda c: c.end)
    return len(sentence.span) - last.end <= LEAD_IN_REACH and not any(
        token.lower_ in words.following for token in sentence.span[last.end :]
    )


def _lists_processors(heading: Sentence, words: RecipientWords) -> bool:
    """A heading over a list of processors: it names processors (not "services" or "tools") and a list ("List of
    sub-processors", "Sub-processor directory", "Unterauftragnehmerliste"), or closes with a lead-in colon. An
    annex or appendix names a document, not a list: "Appendix 1 to the Clauses (Processors)" heads clauses."""
    names = [c for c in heading.of(SUBPROCESSOR, "RCPT_PROCESSOR") if c.text.lower() not in words.not_processors]
    if not names:
        return False  # most headings: their words are not made
    listed = any(t.lower_ in words.list_words or t.lower_.endswith(("liste", "verzeichnis")) for t in heading.span)
    return listed or heading.text.rstrip().endswith(":") or _names_the_list(heading.text, words)


def _names_the_list(heading: str, words: RecipientWords) -> bool:
    """A short heading ending in the plural of a word for sub-processors ("Current Subprocessors", "9.
    Sub-processors", "Unsere Unterauftragnehmer"): the section below is the list, whatever else it holds."""
    tokens = [t for t in heading.strip().strip("*_#").lower().split() if any(c.isalpha() for c in t)]
    if not tokens or len(tokens) > LIST_HEADING_WORDS:
        return False
    tail = " ".join(tokens[-2:])
    return tokens[-1].strip(".:") in words.list_nouns or tail.strip(".:") in words.list_nouns


def _bare_name(sentence: Sentence, text: str, words: RecipientWords) -> str:
    """The company a list item of a list of processors names and nothing else ("Acme Cloud"); ``text`` is the
    item's words after a change log's opener ("Addition of Acme Cloud")."""
    if sentence.block.kind != "list_item" or sentence.text.strip() != sentence.block.text.strip():
        return ""
    return plain_name(text, words, listed=True)


def _entry(block: Block, words: RecipientWords) -> tuple[str, list[str]]:
    """The company an entry of a list of processors opens with, and its other lines, where the entry is lines
    of fields ("Acme Cloud AG, Hosting, Street 1, Zurich, Switzerland") or cells of a row written as text
    ("Acme Cloud | Hosting | Switzerland"); ("", []) if it is not. A legal form on a line of its own after the
    name ("Acme Cloud, Inc.") belongs to it."""
    lines = [cell.strip() for line in card_lines(block.text) for cell in line.split(" | ") if cell.strip()]
    if len(lines) > 1 and all(words.legal_form(w) for w in lines[1].split()):
        lines = [f"{lines[0]}, {lines[1]}", *lines[2:]]
    name = plain_name(lines[0], words, listed=True) if len(lines) > 1 else ""
    return (name, lines[1:]) if name else ("", [])


def _held_in_eea(text: str, reading: Reading) -> bool:
    """An entry that says where its data is kept (``storage_labels``: "Data held in the EU", „Serverstandort
    Frankfurt") and names only EEA places there."""
    lower = text.lower()
    places: list[str] = []
    for label in reading.lexicon.recipients.storage_labels:
        at = lower.find(label)
        if at >= 0:
            clause = re.split(r"[.;|]", text[at + len(label) :], maxsplit=1)[0][:STORAGE_REACH]
            places += card_places([clause], reading.cells)
    return bool(places) and all(code in reading.eea or code == "EEA" for code in places)


def _seat_field(text: str, name: str, field: str, index: int) -> bool:
    """The entry's field names the company's seat: the bracket right after its name ("Acme Inc. (UK)"), or the end of
    its postal address ("Acme, Inc. / Harbour Road 9, Singapur"), a number standing between the name and the field."""
    after = text.split(name, 1)[-1]
    if index == 0 and after.lstrip().startswith("("):
        return True
    return any(c.isdigit() for c in after.split(field, 1)[0])


def _seated(heading: str) -> tuple[str, str]:
    """A heading's name and the words its closing brackets hold ("Acme Inc. (United States)" → "Acme Inc.",
    "United States"); the whole heading and "" without them."""
    match = SEATED.fullmatch(heading.strip().strip("*_").strip())
    return (match["name"], match["seat"]) if match else (heading, "")


def _in_read_table(block: Block, reading: Reading) -> bool:
    return block.table is not None and block.table in reading.tables_read


class ProseRecipientReader(Reader):
    """Recipients named in running text (see :mod:`dpcheck.extract.recipients`): in a sentence, as the
    items of a list after a lead-in that names processors, or as the heading of a recipient's entry."""

    name = "prose_recipients"
    reads_headings = True

    def __init__(self) -> None:
        self._named: set[str] = set()
        self._own: frozenset[str] = frozenset()
        self._defined: set[str] = set()  # the companies a sentence defining "we" names (defined_names)
        self._terms: set[str] = set()  # the initials of the document's quoted terms (defined_terms)
        self._lead_in: Sentence | None = None
        self._list_heading: str | None = None  # the heading of the list of processors the text is in
        self._item: object = None
        # Where the lead-in of the lettered list read last starts, and the letter of its first entry ("(a)").
        self._first_letter: tuple[int, str] | None = None
        self._heading: tuple[int, Sentence] | None = None  # the heading read last, and its index
        # The last paragraph of the section before sentence ``_walked``: the lead-in of a list below it.
        self._walked, self._paragraph = 0, cast(Block | None, None)
        self._starts: list[int] = []  # where each block of the document starts, to find a block's index

    def begin(self, reading: Reading) -> None:
        words = reading.lexicon.recipients
        self._named = {r.name.casefold() for r in reading.recipients} | {
            name_key(r.name, words) for r in reading.recipients
        }
        self._starts = [b.start for b in reading.document.blocks]
        self._own = reading.own_words
        sentences = reading.sentences
        self._defined = {
            key
            for i in np.flatnonzero(sentences.matching(words.defines_vendor))
            for key in defined_names(sentences[int(i)], words)
        }
        self._terms = defined_terms(reading.document.text)

    def plan(self, reading: Reading) -> np.ndarray:
        # Headings set the list heading; a heading may head a recipient's entry, read with the sentence after it;
        # the items after a lead-in are asked for as they come (read returns True). Any other sentence is read with
        # no lead-in open and no heading before it, and then changes nothing unless it names a recipient
        # (sentence_recipients, see may_name), is one labelled entry of a section on sub-processors ("Currently
        # engaged: Acme GmbH, ..."), or is a lead-in: processors named and a colon (_leads_in_processors). Reading
        # every sentence with a recipient cue instead (most sentences: "services", "partners", "like") found the same.
        sentences = reading.sentences
        after_heading = np.zeros(len(sentences), dtype=bool)
        heading = False
        for i in range(len(sentences)):
            block = sentences.block(i)
            if not _in_read_table(block, reading):
                after_heading[i], heading = heading, block.kind == "heading"
        lead_ins = sentences.carrying(*_PROCESSORS) & sentences.holding(":")
        return (
            after_heading
            | lead_ins
            | sentences.carrying(HEADING, SUBPROCESSOR_SECTION)
            | may_name(sentences, reading.lexicon.recipients)
        )

    def read(self, passage: Passage, reading: Reading) -> bool:
        sentence = passage.sentence
        if _in_read_table(sentence.block, reading):
            return self._lead_in is not None
        words = reading.lexicon.recipients
        heading = self._heading_before(passage.index, reading)
        self._heading = None
        if sentence.block.kind == "heading":
            # A heading that names a list of processors ("List of sub-processors:", "Liste der
            # Unterauftragnehmer") leads in the entries below it, as a sentence ending in a colon does; a
            # sub-heading inside that list ("Infrastructure") keeps it.
            if _lists_processors(sentence, words):
                self._list_heading = sentence.block.text
                # "Appendix 1 – Acme Subprocessors": the company whose sub-processors they are is the vendor, no
                # recipient ("X provides services to Acme AB").
                self._own |= title_words(sentence.block.text, words) - words.list_nouns - words.list_words
            elif self._list_heading not in sentence.block.heading_path:
                self._list_heading = None
            self._heading = (passage.index, sentence)
            self._lead_in = sentence if self._list_heading is not None else None
            return self._lead_in is not None
        block = sentence.block
        found = [
            prose_recipient(n, role, sentence, f"names {n} as a recipient")
            for n, role in sentence_recipients(sentence, words, self._own)
        ]
        if (
            heading is not None
            and (opens_fields(sentence.text, words) or _described(heading.text, sentence.text, words))
            and words.recipient_section(heading.block.heading_path)
        ):
            # "**Acme Inc. (United States)**": the brackets of an entry's heading say where the company is. An entry
            # in a section on sub-processors names one.
            name, seat = _seated(heading.text)
            role: EntryRole = "subprocessor" if heading.in_subprocessor_section else "processor"
            located = location_fields(
                reading.document.blocks,
                self._block_index(sentence.block),
                reading.lexicon.words.table_headers["location"],
            )
            if (name := plain_name(name, words)) and seat:
                found.append(self._entry_recipient(name, [seat], heading, reading, role))
            elif name and card_places([value for _, value in located], reading.cells, codes_alone=True):
                # "Country: IN", "Standort: Zürich" among the entry's fields say where the company is.
                found.append(self._field_recipient(name, located, reading, role))
            elif name:
                headed = prose_recipient(name, "processor", heading, "heads a recipient's entry")
                found.append(replace(headed, role=role))
        elif (
            not found
            and self._lead_in is None
            and sentence.in_subprocessor_section
            and not sentence.has(REMOVED)
            and (name := labelled_company(sentence.text, words))
            and card_places(fields := item_fields(sentence.text, name), reading.cells)
        ):
            # "Currently engaged: Acme GmbH, Frankfurt (hosting)": one entry of the list, led in by its label.
            found.append(self._entry_recipient(name, fields, sentence, reading, "subprocessor"))
        # The list items (or short paragraphs) right after a lead-in, each naming a recipient first;
        # the first that names none ends the list, unless a heading leads it in: its section is the list.
        lead_in = self._lead_in
        letter = LETTERED.match(sentence.block.text) if sentence.block.kind == "paragraph" else None
        lettered = letter is not None
        if letter is not None and lead_in is not None and lead_in.block.kind != "heading":
            # "(a) Acme Ltd ... (b) Beta Inc ... (a) Our bank ...": lettering that starts again starts another list, so
            # a list a sentence leads in ends where its first letter comes again (under a heading the section is the
            # list, as for the entries below).
            label = letter.group().strip()
            if self._first_letter is None or self._first_letter[0] != lead_in.block.start:
                self._first_letter = (lead_in.block.start, label)
            elif label == self._first_letter[1] and sentence.block is not self._item:
                lead_in = self._lead_in = None
        if (
            lead_in is not None
            and (
                sentence.block.kind == "list_item"
                or (sentence.block.kind == "paragraph" and (_whole_block(sentence) or lettered))
            )
            and sentence.block is not lead_in.block
        ):
            # "2." alone: a numbered item's number, split off as a sentence; the item's words follow it.
            if sentence.block is not self._item and any(c.isalpha() for c in sentence.text):
                self._item = sentence.block
                # An entry of a list in a section on sub-processors names one, placed or not.
                listed: EntryRole = "subprocessor" if sentence.in_subprocessor_section else "processor"
                entry, lines = _entry(sentence.block, words) if lead_in.block.kind == "heading" else ("", [])
                # "X Pvt Ltd, Pune, India, removed", "Removal of X": a change log's entry names no recipient, and the
                # list goes on; "Addition of X" names X.
                change, text = change_entry(sentence.text, words)
                removed = sentence.has(REMOVED) or change == "removed"
                if lettered:
                    # "(c) Acme Mail service is represented by Acme Mail Ltd, with its office at ..., to send e-mails.
                    # Acme Mail says more in its policy.": an entry of prose, lettered as a list's item is; the company
                    # it names first receives the data. Its prose is no card of fields to place it by, but an entry
                    # that opens with the company and a place as a list's item does is one ("(b) Acme Inc., USA, to send
                    # e-mails": placed as "- Acme Inc., USA, ..." is). One naming none ("(e) Acme also says more on its
                    # site") ends no list: the lettering goes on.
                    body = LETTERED.sub("", text)
                    if not removed and (company := entry_company(body, words)):
                        fields = item_fields(body, company) if body.startswith(company) else []
                        if card_places(fields, reading.cells):
                            found.append(self._entry_recipient(company, fields, sentence, reading, listed))
                        else:
                            found.append(
                                replace(
                                    prose_recipient(company, "processor", sentence, "lettered entry after a lead-in"),
                                    role=listed,
                                )
                            )
                elif entry and not removed:
                    found.append(self._entry_recipient(entry, lines, sentence, reading))
                elif (
                    not removed
                    and (several := item_companies(text, words))
                    and (len(several) > 1 or not item_name(text, words))
                ):
                    # "Payments, e.g., Acme AG, Beta B.V.": a category and the companies it gives as examples.
                    found.extend(
                        replace(
                            prose_recipient(n, "processor", sentence, "listed after a lead-in naming processors"),
                            role=listed,
                        )
                        for n in several
                    )
                elif not removed and (
                    name := item_name(text, words)
                    or (_bare_name(sentence, text, words) if lead_in.block.kind == "heading" else "")
                ):
                    fields = item_fields(text, name)
                    # "Acme Inc. (UK) - logging. Data held in the EU", "Acme, Inc. / Harbour Road 9, Singapur
                    # (Serverstandorte EU)": an entry that keeps the data in the EEA places the company's seat elsewhere,
                    # no destination. Only its seat: "Acme Inc. - remote support, India. Data held in the EU" is reached
                    # from India.
                    if _held_in_eea(sentence.block.text, reading):
                        fields = [
                            f
                            for i, f in enumerate(fields)
                            if not _seat_field(text, name, f, i)
                            or set(card_places([f], reading.cells)) <= {*reading.eea, EEA_REGION}
                        ]
                    if card_places(fields, reading.cells):
                        found.append(self._entry_recipient(name, fields, sentence, reading, listed))
                    else:
                        unplaced = prose_recipient(
                            name, "processor", sentence, "listed after a lead-in naming processors"
                        )
                        found.append(replace(unplaced, role=listed))
                elif not removed and lead_in.block.kind != "heading":
                    # "We also use these processors in the US:" right after the items: it ends the list and leads
                    # in the next one.
                    self._lead_in = sentence if _leads_in_processors(sentence, words) else None
        elif _leads_in_processors(sentence, words):
            self._lead_in = sentence
        # A paragraph of several sentences before the items ("This list names the usual sub-processors. ...") ends a
        # list led in by a sentence, not one a heading leads in: the heading's section is the list.
        elif lead_in is None or (sentence.block is not lead_in.block and lead_in.block.kind != "heading"):
            self._lead_in = None
        if found and words.among_choices(sentence.text, block, lead := self._paragraph_before(passage.index, reading)):
            # Cookie, opt-out, plug-in and log-in choices name providers, not recipients; but a log-in sentence that
            # shares data on names whom it shares it with ("If you log in with Acme, we send your orders to Acme Inc.").
            other_choice = words.among_choices(sentence.text, block, lead, log_in=False)
            found = [] if other_choice else _shared_with(found, sentence)
            if not found:
                return self._lead_in is not None
        tools = [sentence.span[c.start : c.end].text.casefold() for c in sentence.of_prefixed("MECH:")]
        for recipient in found:
            if (
                not _a_tool(recipient.name, tools)
                and recipient.name.casefold() not in self._named
                # "Acme" after "Acme Inc." names the company again, without its legal form.
                and name_key(recipient.name, words) not in self._named
                and not (
                    vendor_itself(recipient.name, self._own, words)
                    if recipient.role == "affiliate"
                    else own_name(recipient.name, self._own)
                )
                and not among_names(recipient.name, self._defined, words)
                and recipient.name not in self._terms
            ):
                self._named |= {recipient.name.casefold(), name_key(recipient.name, words)}
                reading.recipients.append(recipient)
        return self._lead_in is not None

    @staticmethod
    def _entry_recipient(
        name: str, lines: list[str], sentence: Sentence, reading: Reading, role: EntryRole = "processor"
    ) -> Recipient:
        """The recipient of an entry of a list of processors, placed where its short lines say, as a card of a
        sub-processor list is (:func:`~dpcheck.extract.tables.card_places`)."""
        codes = card_places(lines, reading.cells)
        evidence = sentence.evidence("entry of a list of processors", sentence.block.start, sentence.block.end)
        reading.mentions.extend(
            Mention("destination", c, evidence, detail="table", role="destination")
            for c in codes
            if c not in reading.eea
        )
        return Recipient(name, role, "", tuple(codes), (evidence,))

    def _field_recipient(
        self, name: str, fields: list[tuple[Block, str]], reading: Reading, role: EntryRole
    ) -> Recipient:
        """The recipient of an entry placed by its location fields, each field that names a place its evidence."""
        codes: list[str] = []
        evidence: list[Evidence] = []
        for block, value in fields:
            found = [c for c in card_places([value], reading.cells, codes_alone=True) if c not in codes]
            if not found:
                continue
            codes += found
            quote = block_evidence(block, "location field of an entry of a list of processors")
            evidence.append(quote)
            reading.mentions.extend(
                Mention("destination", c, quote, detail="table", role="destination")
                for c in found
                if c not in reading.eea
            )
        return Recipient(name, role, "", tuple(codes), tuple(evidence))

    def _block_index(self, block: Block) -> int:
        return bisect_left(self._starts, block.start)

    def _heading_before(self, index: int, reading: Reading) -> Sentence | None:
        """The heading just before sentence ``index``, rows of tables read as tables aside."""
        if self._heading is None:
            return None
        at, heading = self._heading
        sentences = reading.sentences
        return heading if all(_in_read_table(sentences.block(k), reading) for k in range(at + 1, index)) else None

    def _paragraph_before(self, index: int, reading: Reading) -> Block | None:
        """The last paragraph before sentence ``index`` in its section, rows of tables read as tables aside."""
        sentences = reading.sentences
        for k in range(self._walked, index):
            block = sentences.block(k)
            if _in_read_table(block, reading):
                continue
            if block.kind == "heading":
                self._paragraph = None
            elif block.kind == "paragraph":
                self._paragraph = block
        self._walked = max(self._walked, index)
        return self._paragraph


class CommitmentReader(Reader):
    """Commitments to keep data in the EEA, of the vendor's own processing or of its sub-processors."""

    name = "location_commitments"

    def plan(self, reading: Reading) -> np.ndarray:
        # Transfers outside the EEA denied, or data kept to places named (commitment_mentions).
        return reading.sentences.carrying(THIRD_COUNTRY, LOCATION_ONLY)

    def read(self, passage: Passage, reading: Reading) -> None:
        reading.mentions.extend(commitment_mentions(passage.sentence, set(reading.eea), reading.lexicon.words))


class TermReader(Reader):
    """Supplementary measures and the Art. 28 sub-processor terms."""

    name = "terms"

    def __init__(self) -> None:
        # The last sentence asking about requests from authorities, and its block.
        self._asked: tuple[int, Block | None] = (-TOPIC_REACH - 1, None)
        # A lead-in telling the customer of such requests, while the list after it goes on.
        self._lead_in: Sentence | None = None
        # The last sentence giving notice of new sub-processors only after their engagement, and its block: the next
        # ones of its section may refer to that notice.
        self._late: tuple[int, Block | None] = (-2, None)

    def plan(self, reading: Reading) -> np.ndarray:
        # A sentence that asks about requests sets the topic of the ones after it; the list items after a
        # lead-in are asked for as they come (read returns True).
        sentences = reading.sentences
        return sentences.carrying(*TERM_ANCHORS, GOV_REQUEST) | sentences.matching(
            SUBPROCESSOR_URL, SUBPROCESSOR_URL_PARTS
        )

    def read(self, passage: Passage, reading: Reading) -> bool:
        """Sentences just after one about requests from authorities, in its block, keep them as their
        topic ("We will notify affected users first"); a lead-in ending in a colon carries over to the
        list items after it ("We will notify Customer of: (i) any request by a public authority")."""
        sentence = passage.sentence
        # Markdown, HTML and DOCX lists keep no marker in the item's text: the block says it is one.
        item = sentence.block.kind == "list_item" or bool(LIST_ITEM.match(sentence.text))
        asked_at, asked_in = self._asked
        topic = sentence.block is asked_in and passage.index - asked_at <= TOPIC_REACH
        lead_in = self._lead_in if item else None
        late_at, late_in = self._late
        late = (
            late_in is not None and sentence.block.heading_path == late_in.heading_path and passage.index - late_at <= 2
        )
        # "We transfer data to the US under the SCCs. Where appropriate, we also use additional safeguards.": the
        # paragraph speaks of transfers.
        paragraph = sentence.has("SUPPLEMENTARY_GENERIC") and any(
            speaks_of_transfers(s) for s in reading.sentences.of_block(passage.index)
        )
        found = term_mentions(sentence, reading.lexicon.words, AuthorityContext(topic, lead_in, late, paragraph))
        if gives_late_notice(sentence):
            self._late = (passage.index, sentence.block)
        if sentence.block.kind == "table_row" and sentence.block.table is not None:
            # A column titled with the measures whose cells all say "None" takes none.
            table = reading.document.tables[sentence.block.table]
            empty = empty_column(
                sentence, table, sentence.of("SUPPLEMENTARY", "SUPPLEMENTARY_GENERIC"), reading.lexicon.words
            )
            found = [m for m in found if m.kind != "supplementary_measures" or not empty]
        reading.mentions.extend(found)
        if government_access(sentence) and sentence.has(GOV_REQUEST):
            self._asked = (passage.index, sentence.block)
        if sentence.text.rstrip().endswith(":"):
            # Only a lead-in that tells the customer of something can add to its items (supplementary_measure).
            lead_in = sentence if sentence.has(GOV_NOTICE) else None
        self._lead_in = lead_in
        return lead_in is not None


class PartyReader(Reader):
    """The vendor the document names (the processor or provider), and the agreement it says it amends."""

    name = "parties"
    reads_headings = True

    def __init__(self) -> None:
        self._found: set[str] = set()
        self._announced = False

    def begin(self, reading: Reading) -> None:
        # The vendor of last resort; a sentence that names the vendor outright comes first.
        fallback = frequent_company(reading.document, reading.lexicon.parties)
        if fallback is not None:
            reading.mentions.append(fallback)

    def plan(self, reading: Reading) -> np.ndarray:
        # The vendor's patterns are text, not labels: every sentence is read from the first until one names
        # the vendor (read returns True), and the opening for the agreement amended. Sought in the whole
        # text at once, the patterns would cost more than the sentences read here.
        plan = reading.sentences.starting_before(OPENING_CHARS + 1)
        plan[:1] = True
        return plan

    def read(self, passage: Passage, reading: Reading) -> bool:
        words, sentence = reading.lexicon.parties, passage.sentence
        if VENDOR not in self._found:
            found = opening_company(sentence, words) if self._announced else []
            found = found or ([] if sentence.block.kind == "heading" else vendor_mentions(sentence, words))
            self._announced = announces_controller(sentence, words)
            self._add(VENDOR, found, reading)
        first_end = reading.document.first_end
        if (
            AMENDS not in self._found
            and sentence.block.kind != "heading"
            and (first_end is None or sentence.start < first_end)
        ):
            self._add(AMENDS, amendment_mentions(sentence, words), reading)
        return VENDOR not in self._found

    def _add(self, kind: str, found: list[Mention], reading: Reading) -> None:
        if found:
            reading.mentions.extend(found)
            self._found.add(kind)


# Words between a negation and the words of an unnamed basis it denies ("no guarantees", "keine Garantie dafür").
NEGATION_REACH = 3


class AddressedReader(Reader):
    """Sentences that speak about where data goes at all, and those that speak of the transfers' legal
    basis without naming a tool ("the transfer is based on appropriate safeguards")."""

    name = "transfers_addressed"

    def plan(self, reading: Reading) -> np.ndarray:
        # addresses_transfers and the unnamed basis.
        return reading.sentences.carrying(THIRD_COUNTRY, TRANSFER, UNNAMED_BASIS, *reading.lexicon.mechanisms.labels)

    def read(self, passage: Passage, reading: Reading) -> None:
        sentence = passage.sentence
        if addresses_transfers(sentence, passage.transfer, reading.lexicon):
            reading.transfers_addressed.append(sentence.evidence("speaks about where data goes"))
        # "We make no guarantees that data is secure once transmitted" denies, it names no basis; a negation in
        # another clause ("to a country that does not benefit from an adequacy decision, we ensure appropriate
        # safeguards") does not reach the words.
        basis = sentence.of(UNNAMED_BASIS)
        if (
            basis
            and (passage.transfer or sentence.has("CROSS_BORDER", "TRANSFER_ANAPHOR"))
            and not any(b.start - NEGATION_REACH <= n.end <= b.start for b in basis for n in sentence.of("NEGATION"))
            and not any(m.relied_upon for m in passage.tools)
            and not _header_row(sentence.block, reading.document)
        ):
            reading.unnamed_basis.append(
                sentence.evidence(
                    HEADER_ROW_BASIS
                    if sentence.is_header_row
                    else "speaks of the transfers' legal basis without naming a tool"
                )
            )


def _header_row(block: Block, document: Document) -> bool:
    """The block is a table's header row ("Sub-processor | Location | Safeguard"): it titles the columns, it says
    nothing of what a transfer rests on; the rows below do."""
    if block.table is None:
        return False
    table = document.tables[block.table]
    return any(table.header) and block.start == table.start


class SubjectReader(Reader):
    """How much the document speaks of privacy at all, and whether it reads like a web page's furniture."""

    name = "subject"
    reads_headings = True
    # The first few furniture sentences are enough to quote.
    QUOTED = 3

    def plan(self, reading: Reading) -> np.ndarray:
        return reading.sentences.carrying(SUBJECT, CHROME)

    def read(self, passage: Passage, reading: Reading) -> None:
        sentence = passage.sentence
        terms = sentence.count(SUBJECT)
        chrome = reading.subject.chrome
        if sentence.has(CHROME) and len(chrome) < self.QUOTED:
            chrome = (*chrome, sentence.evidence("reads like a web page's furniture"))
        if terms or chrome is not reading.subject.chrome:
            reading.subject = Subject(reading.subject.terms + terms, chrome)


DEFAULT_READERS = ReaderRegistry(
    [
        TableReader,
        LinkReader,
        Art28ClauseReader,
        ImporterReader,
        MechanismReader,
        DestinationReader,
        ProseRecipientReader,
        CommitmentReader,
        TermReader,
        PartyReader,
        AddressedReader,
        SubjectReader,
    ]
)


def onward_recipients(sentence: Sentence, places: list[Mention], known: Sequence[Recipient]) -> list[Recipient]:
    """ "Our sub-processor CloudCo may transfer data onward to its affiliates in India": the
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
        parent = ALL_SUBPROCESSORS
    if not parent:
        return []
    evidence = sentence.evidence(f"onward transfer by {parent}")
    return [Recipient(f"onward recipients of {parent}", "subprocessor", "", codes, (evidence,), engaged_by=parent)]


def addresses_transfers(sentence: Sentence, transfer: bool, lexicon: Lexicon) -> bool:
    if sentence.has(THIRD_COUNTRY):
        return True
    if sentence.has_prefixed("MECH:") and transfer:
        return True
    # "6. International transfers — Provider carries out no transfer of End-User Data": denied where the document
    # speaks of data leaving the EEA.
    path = sentence.block.heading_path
    if (
        sentence.has(TRANSFER)
        and path
        and INTERNATIONAL_HEADING.search(path[-1])
        and negated_transfer(sentence, lexicon.words)
    ):
        return True
    return sentence.has(TRANSFER) and not sentence.has("SEAT") and locates_data(sentence, lexicon.words, lexicon.roles)
