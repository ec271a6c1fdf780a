"""Split a document into sentences and attach what the lexicon found in each.

:func:`read_sentences` gives a document's :class:`Sentences`: the sentences in order, each built
only when asked for, and a label mask per sentence so that a reader can be run only on the
sentences that carry its anchors::

    sentences = read_sentences(document, nlp)
    for sentence in sentences.anchored("SUBPROCESSOR", "A28_FLOWDOWN"):
        ...

A sentence's labels are those of its cues, ``PLACE`` and ``PLACE:<code>`` for the countries and
regions it names, and the layout labels ``HEADING``, ``TRANSFER_SECTION``, ``SUBPROCESSOR_SECTION``
``TRANSFER_LEAD_IN`` (an item of a list whose lead-in states a transfer) and ``RECIPIENT_LEAD_IN`` (an item of a
list whose lead-in shares data with the recipients it goes on to name; see :data:`LAYOUT_LABELS`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from functools import cached_property, lru_cache
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple, TypeVar, overload

import numpy as np
from spacy.language import Language
from spacy.strings import StringStore, get_string_id

from dpcheck.ingest.document import Block, Document
from dpcheck.models import Evidence
from dpcheck.nlp.analysis import Analysis, analyse
from dpcheck.nlp.matcher import Matches
from dpcheck.prefilter import finder, prefilter

# Headings of sections about international transfers: their sentences are read as
# transfer statements even when they do not repeat "outside the EEA".
TRANSFER_HEADING = re.compile(
    r"transfer|übermittlung|übertragung|international|third[- ]countr|drittl|drittstaat|"
    r"data location|datenstandort|speicherort|where .*(stored|processed|located)|outside the (eea|eu)|"
    r"außerhalb der eu|ausland|cross-border|sub-?processor|unterauftrag",
    re.IGNORECASE,
)
# The headings of a section on data leaving the EEA itself, narrower than TRANSFER_HEADING ("Übermittlung von
# Fehlerprotokollen" transfers logs to the vendor, wherever it is).
INTERNATIONAL_HEADING = re.compile(
    r"international|third[- ]countr|drittl|drittstaat|outside the (eea|eu)|außerhalb der eu|ausland|cross-border|"
    r"data location|datenstandort|speicherort",
    re.IGNORECASE,
)
# "Hinweis zur Datenweitergabe in die USA", "Data sent into the US": a heading naming the country data goes into heads
# no section for that country's residents (whose own rules name the country without sending data there).
_INTO = re.compile(r"\b(?:in\s+die|into)\s+$", re.IGNORECASE)
# A heading over the users of a place ("Users from the United States", "Visitors from Brazil and Mexico", "If you are
# based in Korea", "California residents", „Nutzer aus Brasilien"): the countries it names so are where the section's
# readers are (destinations._foreign_users_section), not those any heading of the path names ("Privacy Policy for users
# of the app" over "Transfers to the United States" is a policy for everyone). The words right before such a country…
_USERS_BEFORE = re.compile(
    r"(?:\b(?:users?|visitors?|residents?|customers?|individuals|consumers|members|subscribers|nutzer\w*|besucher\w*|"
    r"kunden|kundinnen|einwohner\w*)\s+(?:who\s+are\s+|located\s+|based\s+|resident\s+|ansässig\w*\s+)?"
    r"(?:from|in|of|within|aus|in\s+der|im)|\bif\s+you\s+(?:are|live|reside)\s+(?:based\s+|located\s+|resident\s+)?"
    r"(?:in|of)|\bwenn\s+sie\s+(?:in|aus))\s+(?:the\s+|den\s+|dem\s+|der\s+)?$",
    re.IGNORECASE,
)
# … right after it, where that word says residence ("California Residents"). A country before a plain users word ("US
# Users", „US-Kunden") is no such heading: pol30t's rule this narrows never took one, and a notice so headed may speak of
# where everyone's data goes.
_USERS_AFTER = re.compile(r"^\W{0,2}residents\b", re.IGNORECASE)
# … and between it and the next country of its list ("Users from Brazil and Mexico").
_USERS_LIST_LINK = re.compile(r"^\s*(?:,|and|or|und|oder|&|/)\s*(?:the\s+|den\s+|dem\s+|der\s+)?$", re.IGNORECASE)
# A lead-in naming the recipients its list goes on to name ("We share your data with the following recipients:",
# "Empfänger Ihrer Daten sind:"): each item names one that receives the data.
RECIPIENTS = re.compile(r"\b(?:recipients?|empfänger\w*)\b", re.IGNORECASE)
# "How we use it", "How we use your data", „Wie verwenden wir Ihre Daten?": a heading on what the vendor does with the
# data, not over the services it uses.
DATA_USED = re.compile(
    r"\b(?:use|uses|using|utili[sz]e|verwenden|nutzen|verwende|nutze)\s+(?:wir\s+|ich\s+)?(?:it|them|your|"
    r"personal|the\s+(?:personal\s+)?(?:data|information)|data|information|ihre|deine|sie|diese|daten|personenbezogene)\b",
    re.IGNORECASE,
)
SHORT_LEAD_IN = 6
# Tokens from "following" to the providers or sub-processors it announces ("the following third-party service
# providers"; also read by dpcheck/extract/terms.py), and the labels of the words for them.
ANNOUNCED_REACH = 3
ANNOUNCED = ("RCPT_PROCESSOR", "RCPT_THIRD_PARTY", "RCPT_AFFILIATE", "SUBPROCESSOR")
SUBPROCESSOR_HEADING = re.compile(
    r"sub-?processor|sub-?contract|unterauftrag|subunternehm|weitere auftragsverarbeiter", re.I
)
SEMICOLON = frozenset({";"})
CLAUSE_BREAKS = frozenset(
    {
        ",",
        ";",
        ":",
        "(",
        ")",
        "–",
        "—",
        "but",
        "however",
        "instead",
        "whereas",
        "although",
        "aber",
        "sondern",
        "jedoch",
        "stattdessen",
        "während",
        "obwohl",
        "allerdings",
    }
)
# The number a definition may open with: "3.", "3)", "(a)", or a clause's "7.2" as numbered agreements write it.
_NUMBER = r"(?:\d{1,3}(?:\.\d{1,3}){1,3}\.?\s+|\d{1,2}[.)]\s*|\(?[a-z]\)\s*)?"
# Not "by means of", "a means to", "clauses or other means approved ...": the noun, which a determiner or an adjective
# of kind goes before. Not a consequence ("follow-the-sun support means that staff in Sydney may view ...", "using the
# app means your data goes to ...", „das bedeutet, dass ..."): a clause follows, no meaning.
_NOUN_MEANS = "".join(
    rf"(?<!\b{word}\s)" for word in "other such any all these those the same lawful legal suitable similar".split()
)
_DEFINING_WORD = (
    rf"\b({_NOUN_MEANS}means(?!\s+(?:of|to|that|your|our|we)\b)|mean|shall mean|refers? to|has the meaning|use the term|"
    r"bezeichnet|bedeutet(?!,?\s+dass\b)|meint|meinen wir)\b"
)
DEFINITION = re.compile(
    _DEFINING_WORD + "|"
    # '„Drittland“ ist ...', '3. A "Third Country" is ...', '7.2 „Drittstaat“ ist ...': a quoted term, perhaps numbered,
    # and "is".
    r"^\W{0,3}" + _NUMBER + r"(?:(?:a|an|the|ein|eine)\s+)?[„“\"'][^„“\"']{1,60}[“”\"']\s+(?:ist|sind|is|are)\b|"
    # "Drittland im Sinne dieses Vertrags ist jeder Staat ...", „„Drittland“ im Sinne dieser Vereinbarung ist ...".
    r"^\W{0,3}"
    + _NUMBER
    + r"[„“\"']?\w+(?:\s\w+)?[“”\"']?\s+im\s+sinne\s+(?:dieses|dieser|des|der)\b[^.;]{0,60}?\b(?:ist|sind)\b|"
    # "A third country is any country outside the EEA", „Ein Drittstaat ist jeder Staat außerhalb des EWR": a term of
    # a word or two said to be any country of a kind is what the term means, not where data goes.
    r"^\W{0,3}" + _NUMBER + r"(?:(?:a|an|the|ein|eine|der|die|das)\s+)?\w+(?:[\s-]\w+)?\s+(?:is|are|ist|sind)\s+"
    r"(?:any|every|each|jede[rsn]?)\s+(?:country|state|jurisdiction|staat|land)\b|"
    # "'Transfer' includes ...", „Der Begriff „Übermittlung“ umfasst auch ...": what a quoted term covers.
    r"^\W{0,3}"
    + _NUMBER
    + r"(?:(?:the\s+term|der\s+begriff)\s+)?[„“\"'‘][^„“\"'‘’]{1,60}[“”\"'’]\s+(?:also\s+|auch\s+)?"
    r"(?:includes|include|covers|umfasst|umfassen)\b|"
    # „Im Sinne dieses Vertrages umfasst der Begriff ...", „Als „sicheres Drittland“ gilt im Sinne dieser Vereinbarung
    # ...": what a term means for the agreement.
    r"^\W{0,3}"
    + _NUMBER
    + r"im\s+sinne\s+(?:dieses|dieser)\s+(?:vertrag|vereinbarung|hinweis|erklärung|datenschutz)\w*\b|"
    r"^\W{0,3}" + _NUMBER + r"als\s+[„“\"'‘][^„“\"'‘’]{1,60}[“”\"'’]\s+(?:gilt|gelten)\b|"
    # "Third Country: any country outside the EEA": a glossary's term of capitalised words and its meaning (one
    # word alone would take "Note: any transfer ..." for a definition).
    r"^\W{0,3}" + _NUMBER + r"(?-i:[A-ZÄÖÜ][\w-]*(?:\s[A-ZÄÖÜ][\w-]*){1,3})\s*:\s+(?:any|every|each|jede[rsn]?)\b|"
    # "DPF: the EU-U.S. Data Privacy Framework", "BCR-C: the Binding Corporate Rules ...": an abbreviation glossed.
    r"^\W{0,3}" + _NUMBER + r"(?-i:[A-Z][A-Z0-9]{1,5}(?:-[A-Z0-9]{1,3})?s?)\s*:\s+(?:the|a|an|die|der|das|ein|eine)\b",
    re.I,
)
# Past a sentence's first character only DEFINITION's first branch can match (the others open with "^"): sought
# only in sentences holding one of its words.
DEFINING_WORD = prefilter(re.compile(_DEFINING_WORD, re.I))
# Under a heading on definitions every "Term: meaning" entry is one ("Standardvertragsklauseln: die von der Kommission
# ..."); elsewhere a single word before a colon is as often a label ("Hinweis: die Daten ...").
DEFINITIONS_HEADING = re.compile(r"definition|begriff|glossar|defined terms", re.I)
GLOSSARY_ENTRY = re.compile(r"^\W{0,3}" + _NUMBER + r"[A-ZÄÖÜ][\w-]*(?:\s[\w-]+){0,3}\s*:\s+\S")
# A term for the places data may be processed ("Permitted Locations", „Zulässige Verarbeitungsorte“) is defined by
# naming them: its definition says where data goes, as a statement would.
PERMITTED_PLACES = re.compile(r"\w*(?:locations?|orte|standorte?|regions?)\b", re.I)
# "This means that data may be transferred ...", "Das bedeutet, dass ...": an explanation, not a definition.
EXPLAINING = {"means", "mean", "bedeutet", "meint"}
EXPLAINED_BY = re.compile(r"\b(this|that|which|it|das|dies|was)\s*$", re.I)
INSTRUCTIONS = re.compile(r"\binstruction|\bweisung", re.I)
# The layout's patterns, asked of every heading and of every paragraph ending in a colon, searched only in text holding
# one of their words (see dpcheck.prefilter).
_TRANSFER_HEADING = prefilter(TRANSFER_HEADING)
_SUBPROCESSOR_HEADING = prefilter(SUBPROCESSOR_HEADING)
_RECIPIENTS = prefilter(RECIPIENTS)
# Tokens from a sentence's first word within which a phrase pointing back ("one of them") ties it to the one before.
ANAPHOR_REACH = 6
_COMMA = frozenset({","})
# Labels a sentence gets from where it stands: a heading, a section on transfers, a section on
# (or a paragraph naming) sub-processors.
LAYOUT_LABELS = ("HEADING", "TRANSFER_SECTION", "SUBPROCESSOR_SECTION", "TRANSFER_LEAD_IN", "RECIPIENT_LEAD_IN")
PLACE = "PLACE"


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


if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_Made = TypeVar("_Made", bound="DataclassInstance")


def _maker(cls: type[_Made]) -> Callable[[str, int, int, str], _Made]:
    """A function making ``cls`` (a frozen, slotted dataclass of four fields and no ``__post_init__``) from
    its fields in order, as its ``__init__`` does, by setting its slots directly: the frozen ``__init__``
    goes through ``object.__setattr__`` for each field, three times as slow, and a document's sentences
    make hundreds of thousands of cues."""
    if "__post_init__" in vars(cls) or len(fields(cls)) != 4:
        raise TypeError(f"{cls.__name__} is not made by setting its four fields")
    first, second, third, fourth = (getattr(cls, f.name).__set__ for f in fields(cls))
    new = object.__new__

    def make(a: str, b: int, c: int, d: str) -> _Made:
        made = new(cls)
        first(made, a)
        second(made, b)
        third(made, c)
        fourth(made, d)
        return made

    return make


_new_cue = _maker(Cue)
_new_place = _maker(Place)


class Word(NamedTuple):
    text: str
    lower_: str


# Word's own __new__ is a Python function around this call: a sentence's words are made by the thousand.
_new_word = tuple.__new__


class Tokens(Sequence[Word]):
    """A sentence's tokens: the part of spaCy's ``Span`` the readers use (length, indexing, slicing,
    ``.text``), read from the document's arrays; a token's words are made when first asked for."""

    __slots__ = ("_words", "_starts", "_ends", "_lowers", "_strings", "_block_text", "_lo", "_hi")

    def __init__(
        self,
        starts: list[int],
        ends: list[int],
        lowers: list[int],
        strings: StringStore,
        block_text: str,
        lo: int = 0,
        hi: int | None = None,
        words: list[Word | None] | None = None,
    ) -> None:
        self._starts, self._ends, self._lowers, self._strings, self._block_text = (
            starts,
            ends,
            lowers,
            strings,
            block_text,
        )
        self._words: list[Word | None] = [None] * len(starts) if words is None else words
        self._lo, self._hi = lo, len(starts) if hi is None else hi

    def __len__(self) -> int:
        return self._hi - self._lo

    @overload
    def __getitem__(self, i: int) -> Word: ...

    @overload
    def __getitem__(self, i: slice) -> Tokens: ...

    def __getitem__(self, i: int | slice) -> Word | Tokens:
        if i.__class__ is int:
            # The readers index tokens a hundred thousand times a scan: a plain int takes the short way.
            k = self._lo + i if i >= 0 else self._hi + i
            if self._lo <= k < self._hi:
                word = self._words[k]
                return self._word(k) if word is None else word
            raise IndexError(f"token {i} of a {len(self)}-token span")
        if isinstance(i, slice):
            if i.step not in (None, 1):
                raise ValueError("token slices take no step")
            part = range(self._lo, self._hi)[i]
            return Tokens(
                self._starts,
                self._ends,
                self._lowers,
                self._strings,
                self._block_text,
                part.start,
                max(part.start, part.stop),
                self._words,
            )
        index = i + len(self) if i < 0 else i
        if not 0 <= index < len(self):
            raise IndexError(f"token {i} of a {len(self)}-token span")
        return self._word(self._lo + index)

    def _word(self, k: int) -> Word:
        word = self._words[k]
        if word is None:
            word = self._words[k] = _new_word(
                Word, (self._block_text[self._starts[k] : self._ends[k]], self._strings[self._lowers[k]])
            )
        return word

    def __iter__(self) -> Iterator[Word]:
        return (self._word(k) for k in range(self._lo, self._hi))

    @property
    def text(self) -> str:
        if self._lo >= self._hi:
            return ""
        return self._block_text[self._starts[self._lo] : self._ends[self._hi - 1]]

    def char(self, i: int) -> int:
        """Where token ``i`` starts in its block's text."""
        return self._starts[self._lo + i]


class LabelIndex:
    """Labels as bits of a mask: cue labels, the places and the layout labels of one pipeline."""

    def __init__(self, cue_labels: Sequence[str], place_codes: Sequence[str]) -> None:
        names = [*LAYOUT_LABELS, PLACE, *(f"{PLACE}:{code}" for code in place_codes)]
        clash = set(names) & set(cue_labels)
        if clash:
            raise ValueError(f"lexicon labels {sorted(clash)} are reserved")
        self.names = (*cue_labels, *names)
        self.cue_labels = tuple(cue_labels)
        self.bit = {name: i for i, name in enumerate(self.names)}
        self.words = (len(self.names) + 63) // 64
        self.masks: dict[tuple[str, ...], int] = {}  # labels asked for -> their bits
        self._cue_ids: dict[tuple[str, ...], frozenset[int]] = {}
        self._prefixed: dict[str, tuple[str, ...]] = {}

    def mask(self, labels: tuple[str, ...]) -> int:
        """The bits of ``labels`` (labels unknown to the lexicon have none)."""
        known = self.masks.get(labels)
        if known is None:
            known = self.masks[labels] = sum({1 << self.bit[x] for x in labels if x in self.bit})
        return known

    def cue_ids(self, labels: tuple[str, ...]) -> frozenset[int]:
        """The indices in ``cue_labels`` of the labels among ``labels``."""
        known = self._cue_ids.get(labels)
        if known is None:
            asked = set(labels)
            known = self._cue_ids[labels] = frozenset(i for i, x in enumerate(self.cue_labels) if x in asked)
        return known

    def labels(self, mask: int) -> frozenset[str]:
        return frozenset(name for i, name in enumerate(self.names) if mask >> i & 1)

    def prefixed(self, prefix: str) -> tuple[str, ...]:
        """The cue labels starting with ``prefix``."""
        known = self._prefixed.get(prefix)
        if known is None:
            known = self._prefixed[prefix] = tuple(x for x in self.cue_labels if x.startswith(prefix))
        return known


def _users_countries(text: str, places: list[tuple[str, int, int]]) -> frozenset[str]:
    """The countries the heading ``text`` names as where its section's users are (``_USERS_BEFORE``); ``places``: each
    country's code and its characters in ``text``, in order."""
    found: set[str] = set()
    previous: int | None = None
    for code, at, end in places:
        before = text[:at]
        listed = previous is not None and _USERS_LIST_LINK.match(text[previous:at]) is not None
        if listed or _USERS_BEFORE.search(before) or _USERS_AFTER.match(text[end:]):
            found.add(code)
            previous = end
        else:
            previous = None
    return frozenset(found)


@lru_cache(maxsize=64)
def _finder(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """:func:`dpcheck.prefilter.finder` of ``pattern``, made once: asked of every block of every document."""
    return finder(pattern)


def _grouped(keys: np.ndarray, groups: int) -> tuple[np.ndarray, list[int]]:
    """The indices of ``keys`` (group numbers below ``groups``) in group order, stable, and where each group begins."""
    order = np.argsort(keys, kind="stable")
    return order, np.searchsorted(keys[order], np.arange(groups + 1)).tolist()


@lru_cache(maxsize=1024)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    """spaCy's hashes of ``words``: the readers' word lists are the same for every document."""
    return frozenset(get_string_id(w) for w in words)


@lru_cache(maxsize=8)
def _label_index(cue_labels: tuple[str, ...], place_codes: tuple[str, ...]) -> LabelIndex:
    return LabelIndex(cue_labels, place_codes)


# A table row up to this many characters is quoted whole; a longer one is a page laid out as a table, and
# its sentences are quoted one by one.
ROW_QUOTE = 500
# A list's first item quoted with its lead-in: the characters of the whole quote, and of the item.
LEAD_IN_QUOTE = 600
LEAD_IN_ITEM = 250
# An item closing with one of these is a sentence of its own.
SENTENCE_ENDS = (".", "!", "?")
# A clause's run-in title ("6.1 General authorisation.", "5.3 Objection Right for New Sub-processors.", "7.1
# Allgemeine Genehmigung."): its number and a few words, each capitalised but the short words joining them, or
# two words at most. It names what the clause is about; the terms follow in the next sentence.
RUN_IN_TITLE = re.compile(
    r"^\W{0,2}(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?|\(?[a-z]\))\s+"
    r"(?:[^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*)?"
    r"|[A-ZÄÖÜ][\w’'-]*(?:\s+(?:[A-ZÄÖÜ][\w’'-]*|of|for|and|to|the|on|in|with|von|für|und|zur|zum|der|des|die|das)){0,6})"
    r"\s*\.$"
)
# A run-in title with no number that names the clause's topics ("Liability and changes.", „Haftung und Änderungen."):
# up to four words joined by "and", the first capitalised, opening its paragraph before the terms it heads.
TOPICS_TITLE = re.compile(
    r"^\W{0,2}[A-ZÄÖÜ][\w’'-]*(?:,\s+[^\W\d_][\w’'-]*){0,2}\s+(?:and|und|&)\s+[^\W\d_][\w’'-]*\s*\.$"
)


# Sentences back from one in a bracket to the editor's note that opened it ("[COUNSEL: ... . ... . ...]").
NOTE_REACH = 4


class Sentence:
    """One sentence with its cues, countries and its place in the document (made by :class:`Sentences`).

    Its cues, places and tokens are read from the document's arrays when first asked for."""

    __slots__ = (
        "_sentences",
        "_masks",
        "index",
        "block",
        "start",
        "end",
        "mask",
        "in_transfer_section",
        "in_subprocessor_section",
        "section_countries",
        "users_countries",
        "_page",
        "_cues",
        "_places",
        "_span",
        "_definition",
    )

    def __init__(self, sentences: Sentences, index: int, block: Block, start: int, end: int, mask: int) -> None:
        self._sentences = sentences
        self._masks = sentences.label_index.masks
        self.index = index
        self.block = block
        self.start = start
        self.end = end
        self.mask = mask
        self.in_transfer_section: bool = sentences.in_transfer_section[index]
        self.in_subprocessor_section: bool = sentences.in_subprocessor_section[index]
        self.section_countries: frozenset[str] = sentences.section_countries[index]
        self.users_countries: frozenset[str] = sentences.users_countries[index]
        self._page: int | bool | None = False
        self._cues: list[Cue] | None = None
        self._places: list[Place] | None = None
        self._span: Tokens | None = None
        self._definition: bool | None = None

    @property
    def page(self) -> int | None:
        if self._page is False:
            self._page = self._sentences.document.page_at(self.start)
        return self._page

    @property
    def cues(self) -> list[Cue]:
        if self._cues is None:
            self._cues = self._sentences.cues(self.index)
        return self._cues

    @property
    def places(self) -> list[Place]:
        if self._places is None:
            self._places = self._sentences.places(self.index)
        return self._places

    @property
    def span(self) -> Tokens:
        """The sentence's tokens."""
        if self._span is None:
            self._span = self._sentences.tokens(self.index)
        return self._span

    @property
    def labels(self) -> frozenset[str]:
        return self._sentences.label_index.labels(self.mask)

    @property
    def text(self) -> str:
        # A slice of the block's text: the extraction rules ask for it many times per sentence.
        return self.block_text(self.start, self.end)

    def has(self, *labels: str) -> bool:
        # Asked hundreds of times per sentence: one dict look-up when the labels were asked before.
        bits = self._masks.get(labels)
        if bits is None:
            bits = self._sentences.label_index.mask(labels)
        return bits & self.mask != 0

    def has_prefixed(self, prefix: str) -> bool:
        """It has a cue whose label starts with ``prefix`` ("MECH:": it names a transfer tool), read from its label
        mask, not by walking its cues."""
        return self.has(*self._sentences.label_index.prefixed(prefix))

    def of(self, *labels: str) -> list[Cue]:
        bits = self._masks.get(labels)
        if bits is None:
            bits = self._sentences.label_index.mask(labels)
        if not bits & self.mask:
            return []
        return self._sentences.cues(self.index, labels)

    def count(self, *labels: str) -> int:
        """How many cues of ``labels`` it has (as ``len(self.of(*labels))``, none made)."""
        bits = self._masks.get(labels)
        if bits is None:
            bits = self._sentences.label_index.mask(labels)
        return self._sentences.count_of(self.index, labels) if bits & self.mask else 0

    def claimed(self, *besides: str) -> set[int]:
        """Indices of the tokens its cues cover, but for cues of ``besides`` (none made)."""
        return self._sentences.claimed(self.index, besides)

    def of_prefixed(self, prefix: str) -> list[Cue]:
        """Its cues whose label starts with ``prefix`` ("MECH:": the transfer tools it names), in order."""
        return self.of(*self._sentences.label_index.prefixed(prefix))

    @property
    def is_header_row(self) -> bool:
        """The header row of a table ("Sub-processor | Location | Safeguard"): it names the columns."""
        header = self.table_header()
        return bool(header) and [c.strip() for c in self.block.text.split(" | ")] == [c.strip() for c in header]

    @property
    def is_title(self) -> bool:
        """A clause's run-in title ("6.1 General authorisation.", "Liability and changes."): it says what the terms
        after it are about and sets none itself."""
        text = self.text.strip()
        return bool(RUN_IN_TITLE.match(text)) or (
            # The pattern first: following() builds the next sentence, which a sentence no reader plans must not cost.
            bool(TOPICS_TITLE.match(text)) and self.start == self.block.start and self.following() is not None
        )

    @property
    def is_definition(self) -> bool:
        if self._definition is None:
            head = self.text[:200]
            # DEFINITION.finditer(head), the pattern tried at the start and only its first branch after it.
            opening = DEFINITION.match(head)
            found = DEFINING_WORD.finditer(head, opening.end() if opening else 0)
            self._definition = any(
                not (m.group(1) and m.group(1).lower() in EXPLAINING and EXPLAINED_BY.search(head[: m.start()]))
                and not PERMITTED_PLACES.search(head[: m.end()])
                for m in (chain((opening,), found) if opening else found)
            ) or (
                self.start == self.block.start
                and bool(GLOSSARY_ENTRY.match(head))
                and any(DEFINITIONS_HEADING.search(h) for h in self.block.heading_path)
                and not PERMITTED_PLACES.search(head.partition(":")[0])
            )
        return self._definition

    def drafting_note(self, index: int) -> Cue | None:
        """The editor's note token ``index`` stands in ("[PRÜFEN: ob X unter dem DPF zertifiziert ist ...]", "[TODO:
        check whether ...]"): a question to whoever finishes the draft, not a term of the document. A note of several
        sentences ("[COUNSEL: select the module. If X is in a third country, ...]") holds the ones after its opening."""
        found = self._note_opened(index)
        if found is not None or any(t.text == "]" for t in self.span[:index]):
            return found
        # Only where a bracket opened before this sentence in its block is still open.
        head = self.block.text[: self.start - self.block.start]
        if head.rfind("[") <= head.rfind("]"):
            return None
        for i in range(self.index - 1, max(-1, self.index - 1 - NOTE_REACH), -1):
            before = self._sentences[i]
            if before.block.start != self.block.start:
                return None
            if (note := before._note_opened(len(before.span))) is not None:
                return note
        return None

    def _note_opened(self, index: int) -> Cue | None:
        """The note opened in this sentence before token ``index`` and not closed before it."""
        tokens = self.span

        def bracketed(c: Cue) -> bool:
            # The sentencizer may leave the bracket at the end of the sentence before.
            if c.start:
                return tokens[c.start - 1].text == "["
            return self.block.text[: self.start - self.block.start].rstrip().endswith("[")

        return next(
            (
                c
                for c in reversed(self.of("DRAFTING_NOTE"))
                if c.start < index and bracketed(c) and not any(t.text == "]" for t in tokens[c.start : index])
            ),
            None,
        )

    def where_word(self, words: frozenset[str]) -> list[int]:
        """Indices of the tokens whose lower-case form is one of ``words`` (lower-case), in order."""
        return self._sentences.where_word(self.index, words)

    def matches(self, pattern: re.Pattern[str], parts: tuple[str, ...] = ()) -> bool:
        """``pattern`` is found in the sentence's text, as :meth:`Sentences.matching` answers for the whole
        document once (a reader's plan asked it already)."""
        return bool(self._sentences.matching(pattern, parts)[self.index])

    def clause_bounds(self, index: int) -> tuple[int, int]:
        """Token range of the clause holding token ``index`` (split at commas, "but", ...)."""
        breaks = self.where_word(CLAUSE_BREAKS)
        k = bisect_left(breaks, index)
        return (breaks[k - 1] + 1 if k else 0), (breaks[k] if k < len(breaks) else len(self.span))

    def part_bounds(self, start: int, end: int | None = None) -> tuple[int, int]:
        """Token range of the part of the sentence, between semicolons, holding tokens ``start`` to ``end``."""
        stops = self.where_word(SEMICOLON)
        lo = max((i + 1 for i in stops if i < start), default=0)
        hi = min((i for i in stops if i >= (start if end is None else end)), default=len(self.span))
        return lo, hi

    def evidence(self, reason: str, start: int | None = None, end: int | None = None) -> Evidence:
        """Evidence quoting the whole sentence (or the given char span within the document). A sentence
        that goes on from the one before it ("This may involve transfers outside the EEA", "Dabei ...")
        is quoted with that one, when both stand in one block: alone it does not say what it speaks of. So is a
        clause's run-in title ("6.1 General authorisation.") with the sentence after it, the terms it heads."""
        s = self.start if start is None else start
        e = self.end if end is None else end
        if start is None and end is None and self.block.table is not None and len(self.block.text) <= ROW_QUOTE:
            # A table row is one record ("Data location | United States. EU region on request."): quoted whole.
            s, e = self.block.start, self.block.end
        elif start is None and self._goes_on():
            previous = self._sentences.previous_start(self.index)
            s = s if previous is None else previous
        elif start is None and self.is_title:
            following = self._sentences.next_end(self.index)
            e = e if following is None else following
        elif start is None and (lead := self._sentences.lead_in_start(self.index)) is not None:
            # "We rely on appropriate safeguards, such as:" / "- European Commission adequacy decisions, and/or": an
            # item that is no sentence of its own says what it says with its list's lead-in.
            return Evidence(self._sentences.document.text[lead:e], lead, e, self.page, self.block.heading_path, reason)
        return Evidence(self.block_text(s, e), s, e, self.page, self.block.heading_path, reason)

    def following(self) -> Sentence | None:
        """The sentence after this one, if it stands in the same block."""
        if self._sentences.next_end(self.index) is None:
            return None
        return self._sentences[self.index + 1]

    def _goes_on(self) -> bool:
        """The sentence opens with a word that refers back (CONTINUES), list markers aside."""
        # Asked for every quote: most sentences have no such word, and their tokens are not walked.
        continues = self.of("CONTINUES")
        if not continues:
            return False
        opening = next((i for i, token in enumerate(self.span) if token.text[:1].isalpha()), None)
        if opening is None:
            return False
        if any(c.start == opening for c in continues):
            return True
        # "When we use one of them, your data ...": a phrase of several words that points back, in the opening clause.
        # Its first comma is found in the document's word index: walking the tokens to it made a word of each.
        phrases = [c for c in continues if c.end - c.start > 2 and c.start <= opening + ANAPHOR_REACH]
        if not phrases:
            return False
        commas = self.where_word(_COMMA)
        comma = commas[0] if commas else len(self.span)
        return any(c.start <= comma for c in phrases)

    def block_text(self, start: int, end: int) -> str:
        offset = start - self.block.start
        return self.block.text[offset : offset + (end - start)]

    def table_header(self) -> tuple[str, ...]:
        """The headings of the columns of the table row this sentence is in: the table's header, or its first row
        where the header is empty (a layout heading its columns with a bold first row); () outside a table."""
        if self.block.table is None or self.block.kind != "table_row":
            return ()
        table = self._sentences.document.tables[self.block.table]
        return table.header if any(c.strip() for c in table.header) else (table.rows[0] if table.rows else ())

    def table_body(self) -> tuple[tuple[str, ...], ...]:
        """The rows under the table's heading row when this sentence is that row (its header, or the first row of a
        table whose header is empty); () elsewhere."""
        if self.block.table is None or self.block.kind != "table_row":
            return ()
        table = self._sentences.document.tables[self.block.table]
        if self.block.start != table.start:
            return ()
        return table.rows if any(c.strip() for c in table.header) else table.rows[1:]

    def column(self, index: int) -> int:
        """The column of the table row holding token ``index`` (a row's cells are joined by " | ")."""
        return self.block.text[: self.span.char(index)].count(" | ")

    def column_heading(self, index: int) -> str:
        """The heading of the table column holding token ``index``; "" outside a table."""
        header, column = self.table_header(), self.column(index)
        return header[column] if column < len(header) else ""


class Sentences(Sequence[Sentence]):
    """The sentences of one document in order, each built when first asked for, and the label
    mask of each (``masks[i]``: one row of 64-bit words per sentence, bits as in ``label_index``)."""

    def __init__(self, document: Document, analysis: Analysis) -> None:
        self.document = document
        self.analysis = analysis
        self.label_index = _label_index(analysis.cue_labels, analysis.place_codes)
        a = analysis
        blocks = document.blocks
        self._block = a.block[a.sentence_start]
        # Cues and places of each sentence: those inside it, in the matchers' order.
        self._cue_rows, self._cue_bounds = self._by_sentence(a.cues.start, a.cues.end)
        self._place_rows, self._place_bounds = self._by_sentence(a.places.start, a.places.end)
        # The cues' columns as lists, not rows: most cues are never made (see cues()).
        self._cue_label_ids, self._cue_starts, self._cue_ends, self._cue_from, self._cue_to = self._lists(
            self._cue_rows, a.cues
        )
        self._cue_made: list[Cue | None] = [None] * len(self._cue_label_ids)
        self._label_rows: dict[tuple[str, ...], list[int]] = {}
        self._place_columns = self._columns(self._place_rows, a.places)
        # Where each sentence starts (token) and its characters in its block, as Python numbers.
        last = a.sentence_end - 1
        self._first = a.sentence_start.tolist()
        self._chars = list(zip(a.offset[a.sentence_start].tolist(), (a.offset[last] + a.length[last]).tolist()))
        in_transfer, in_subprocessors, countries, users, led_in, recipients_led_in = self._layout(blocks)
        self._block_of = self._block.tolist()
        self.in_transfer_section = [in_transfer[b] for b in self._block_of]
        self.in_subprocessor_section = [in_subprocessors[b] for b in self._block_of]
        self.section_countries = [countries[b] for b in self._block_of]
        self.users_countries = [users[b] for b in self._block_of]
        self.masks = self._masks(in_transfer, in_subprocessors, led_in, recipients_led_in, blocks)
        self._sentences: list[Sentence | None] = [None] * len(a.sentence_start)
        self._ends = a.sentence_end.tolist()
        self._word_hits: dict[frozenset[str], list[int]] = {}
        self._matches: dict[tuple[re.Pattern[str], tuple[str, ...]], np.ndarray] = {}
        self._ends_at: dict[int, int] | None = None
        self._starts_at: dict[int, int] | None = None
        self._continuing: list[bool] = []

    def __len__(self) -> int:
        return len(self._sentences)

    @overload
    def __getitem__(self, i: int) -> Sentence: ...

    @overload
    def __getitem__(self, i: slice) -> list[Sentence]: ...

    def __getitem__(self, i: int | slice) -> Sentence | list[Sentence]:
        if i.__class__ is int and 0 <= i < len(self._sentences):
            # Extraction and the readers ask by index tens of thousands of times a scan: a plain index takes the
            # short way.
            sentence = self._sentences[i]
            if sentence is None:
                sentence = self._sentences[i] = self._make(i)
            return sentence
        if isinstance(i, slice):
            return [self[j] for j in range(len(self))[i]]
        i = range(len(self))[i]
        sentence = self._sentences[i]
        if sentence is None:
            sentence = self._sentences[i] = self._make(i)
        return sentence

    def __iter__(self) -> Iterator[Sentence]:
        return (self[i] for i in range(len(self)))

    def release(self) -> None:
        """Forget the sentences made so far (asked for again, they are made anew). Each holds this object, so the
        cache of them is a cycle that only the garbage collector frees: left to it, a document's sentences with
        their cues and tokens (hundreds of thousands of objects per corpus) outlive its reading until a full
        collection, and every collection in between walks them."""
        self._sentences = [None] * len(self._sentences)
        self._cue_made = [None] * len(self._cue_made)

    def of_block(self, i: int) -> Iterator[Sentence]:
        """The sentences of the block sentence ``i`` stands in, in order."""
        block = self._block_of[i]
        first = i
        while first > 0 and self._block_of[first - 1] == block:
            first -= 1
        last = i
        while last + 1 < len(self._block_of) and self._block_of[last + 1] == block:
            last += 1
        return (self[j] for j in range(first, last + 1))

    def lead_in_start(self, i: int) -> int | None:
        """Where the lead-in of the list holding sentence ``i`` starts, if ``i`` opens a list's short first item that is
        no sentence of its own ("European Commission adequacy decisions, and/or") right after a lead-in ending with a
        colon; else None."""
        blocks = self.document.blocks
        block = blocks[self._block_of[i]]
        if block.kind != "list_item" or (i and self._block_of[i - 1] == self._block_of[i]):
            return None
        if len(block.text) > LEAD_IN_ITEM or block.text.rstrip().endswith(SENTENCE_ENDS):
            return None
        # Only the list's first item: a quote through the items between would take in what they say of other places.
        j = i - 1
        if j < 0 or blocks[self._block_of[j]].kind == "list_item":
            return None
        lead = blocks[self._block_of[j]]
        start = lead.start + self._chars[j][0]
        if not lead.text.rstrip().endswith(":") or block.end - start > LEAD_IN_QUOTE:
            return None
        return start

    def next_end(self, i: int) -> int | None:
        """Where the sentence after sentence ``i`` ends, if it stands in the same block."""
        if i + 1 >= len(self._block_of) or self._block_of[i + 1] != self._block_of[i]:
            return None
        return self.document.blocks[self._block_of[i]].start + self._chars[i + 1][1]

    def continued(self, evidence: Evidence) -> Evidence:
        """``evidence`` quoted on to the end of the sentence after the one it ends with, where that sentence goes on
        from it in the same block ("Pages load from servers in many countries. Dabei werden IP-Adressen über diese
        Server geleitet."): it says what the first speaks of, what goes there or on what basis; else ``evidence``."""
        if self._ends_at is None:
            blocks = self.document.blocks
            self._ends_at = {blocks[b].start + hi: i for i, (b, (_, hi)) in enumerate(zip(self._block_of, self._chars))}
            # A sentence no reader planned is built only if it may go on from the one before.
            self._continuing = self.carrying("CONTINUES").tolist()
        i = self._ends_at.get(evidence.end)
        end = None if i is None else self.next_end(i)
        if i is None or end is None or not self._continuing[i + 1]:
            return evidence
        after = self[i + 1]
        # Not a lead-in ("Dabei gehen wir wie folgt vor:"): it opens the list after it and says nothing itself.
        if not after._goes_on() or after.text.rstrip().endswith(":"):
            return evidence
        block = self.block(i)
        if evidence.start < block.start:
            return evidence
        quote = block.text[evidence.start - block.start : end - block.start]
        return replace(evidence, quote=quote, end=end)

    def whole(self, evidence: Evidence) -> int | None:
        """The index of the sentence ``evidence`` quotes whole, if it quotes one sentence and no more or less."""
        blocks = self.document.blocks
        if self._starts_at is None:
            self._starts_at = {
                blocks[b].start + lo: i for i, (b, (lo, _)) in enumerate(zip(self._block_of, self._chars))
            }
        i = self._starts_at.get(evidence.start)
        if i is None or blocks[self._block_of[i]].start + self._chars[i][1] != evidence.end:
            return None
        return i

    def through(self, evidence: Evidence, i: int, j: int) -> Evidence:
        """``evidence`` quoted from the start of sentence ``i`` to the end of sentence ``j`` (``i`` <= ``j``), where both
        stand in one block and it is no table row; else ``evidence``."""
        b = self._block_of[i]
        block = self.document.blocks[b]
        if self._block_of[j] != b or block.kind == "table_row":
            return evidence
        lo, hi = self._chars[i][0], self._chars[j][1]
        return replace(evidence, quote=block.text[lo:hi], start=block.start + lo, end=block.start + hi)

    def previous_start(self, i: int) -> int | None:
        """Where the sentence before sentence ``i`` starts, if it stands in the same block."""
        if i == 0 or self._block_of[i - 1] != self._block_of[i]:
            return None
        return self.document.blocks[self._block_of[i]].start + self._chars[i - 1][0]

    def where(self, *labels: str) -> np.ndarray:
        """Indices of the sentences that carry any of ``labels``, in order."""
        return np.flatnonzero(self.carrying(*labels))

    def carrying(self, *labels: str) -> np.ndarray:
        """Per sentence, in order: it carries any of ``labels`` (booleans)."""
        wanted = self.label_index.mask(labels)
        rows = np.array([wanted >> (64 * w) & (2**64 - 1) for w in range(self.label_index.words)], dtype=np.uint64)
        return np.any(self.masks & rows, axis=1)

    def holding(self, text: str) -> np.ndarray:
        """Per sentence: its text holds ``text`` (a few characters), found in the blocks' characters all at once, not
        searched sentence by sentence."""
        points = self._code_points
        last = len(points) - len(text) + 1
        if not text or last <= 0:
            return np.full(len(self), not text, dtype=bool)
        opens = points[:last] == ord(text[0])
        for k in range(1, len(text)):
            opens &= points[k : last + k] == ord(text[k])
        at = np.flatnonzero(opens)
        starts, ends = self._spans
        holder = np.searchsorted(starts, at, side="right") - 1
        inside = holder >= 0
        inside[inside] = at[inside] + len(text) <= ends[holder[inside]]
        found = np.zeros(len(self), dtype=bool)
        found[holder[inside]] = True
        return found

    def holding_words(self, words: frozenset[str]) -> np.ndarray:
        """Per sentence: one of its tokens' lower case is one of ``words`` (lower-case), by the document's word index."""
        found = np.zeros(len(self), dtype=bool)
        tokens = self._tokens_of(_hashes(words))
        found[np.searchsorted(self.analysis.sentence_start, tokens, side="right") - 1] = True
        return found

    @cached_property
    def _code_points(self) -> np.ndarray:
        """The characters of the blocks end to end, one apart (a lone surrogate as its own number)."""
        text = "\x00".join(block.text for block in self.document.blocks)
        return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")

    @cached_property
    def _spans(self) -> tuple[np.ndarray, np.ndarray]:
        """Where each sentence's text starts and ends in ``_code_points``."""
        a = self.analysis
        lengths = np.array([len(block.text) + 1 for block in self.document.blocks], dtype=np.int64)
        at = (np.cumsum(lengths) - lengths)[self._block]
        last = a.sentence_end - 1
        return at + a.offset[a.sentence_start], at + a.offset[last] + a.length[last]  # as _chars, in arrays

    def under_headings(self, *labels: str) -> np.ndarray:
        """Per sentence: a heading of its block's heading path carries any of ``labels`` (a heading is
        known by its text, as in ``Block.heading_path``)."""
        blocks = self.document.blocks
        headings = {blocks[b].text for b in self._block[self.carrying(*labels)].tolist() if blocks[b].kind == "heading"}
        if not headings:
            return np.zeros(len(self), dtype=bool)
        under = np.array([any(h in headings for h in b.heading_path) for b in blocks], dtype=bool)
        return under[self._block]

    def matching(self, pattern: re.Pattern[str], parts: tuple[str, ...] = ()) -> np.ndarray:
        """Per sentence: ``pattern`` is found in its text. Only the sentences of blocks where it is found
        are searched one by one, so ``pattern`` must not look beyond what it matches (no word boundary,
        anchor or look-around): then a match in a sentence is one in its block too. ``parts``: words in
        lower case one of which every match holds, case-folded; blocks without any are not searched. Worked out once
        per document (see :meth:`Sentence.matches`)."""
        known = self._matches.get((pattern, parts))
        if known is not None:
            return known
        found = self._matches[pattern, parts] = np.zeros(len(self), dtype=bool)
        blocks = self.document.blocks
        finds = _finder(pattern)

        def may_match(text: str) -> bool:
            folded = text.casefold()
            return any(part in folded for part in parts)

        # Without parts every block is searched: none is case-folded for nothing.
        hits = {b for b, block in enumerate(blocks) if (not parts or may_match(block.text)) and finds(block.text)}
        for i, b in enumerate(self._block_of):
            if b in hits:
                lo, hi = self._chars[i]
                found[i] = finds(blocks[b].text[lo:hi])
        found.flags.writeable = False  # the answer is kept for the next caller
        return found

    def starting_before(self, offset: int) -> np.ndarray:
        """Per sentence: it starts before character ``offset`` of the document."""
        blocks = self.document.blocks
        return np.array([blocks[b].start + lo < offset for b, (lo, _) in zip(self._block_of, self._chars)], dtype=bool)

    def opening(self) -> np.ndarray:
        """Per sentence: it starts where its block starts."""
        return np.array([lo == 0 for lo, _ in self._chars], dtype=bool)

    def opened_by(self, *labels: str) -> np.ndarray:
        """Per sentence: one of its cues of ``labels`` starts at its first token."""
        a = self.analysis
        found = np.zeros(len(self), dtype=bool)
        wanted = [a.cue_labels.index(label) for label in labels if label in a.cue_labels]
        sentence = np.repeat(np.arange(len(self)), np.diff(self._cue_bounds))
        rows = self._cue_rows
        opens = np.isin(a.cues.label[rows], wanted) & (a.cues.start[rows] == a.sentence_start[sentence])
        found[sentence[opens]] = True
        return found

    def block(self, i: int) -> Block:
        """The block holding sentence ``i`` (without building the sentence)."""
        return self.document.blocks[self._block_of[i]]

    def spans_carrying(self, *labels: str) -> list[tuple[int, int]]:
        """The character spans of the blocks with a sentence that carries any of ``labels``, in order, each once
        (a paragraph a cue speaks of as a whole: "covers human resources data only", "is not a sub-processor")."""
        blocks = dict.fromkeys(self.block(i) for i in np.flatnonzero(self.carrying(*labels)).tolist())
        return [(b.start, b.end) for b in blocks]

    def anchored(self, *labels: str) -> Iterator[Sentence]:
        """The sentences that carry any of ``labels``, in order; the others are never built."""
        return (self[i] for i in self.where(*labels).tolist())

    def _make(self, i: int) -> Sentence:
        block = self.document.blocks[self._block_of[i]]
        lo, hi = self._chars[i]
        mask = int.from_bytes(self.masks[i].tobytes(), "little")
        return Sentence(self, i, block, block.start + lo, block.start + hi, mask)

    def cues(self, i: int, labels: tuple[str, ...] | None = None) -> list[Cue]:
        """The cues of sentence ``i`` in the matchers' order; with ``labels``, only those of ``labels``. A cue is made
        when first asked for and is the same object whoever asks again: most readers ask a sentence for a few labels
        (or a prefix) of its fifteen cues on average, and making every cue was a twentieth of extraction."""
        lo, hi = self._cue_bounds[i], self._cue_bounds[i + 1]
        if labels is None:
            rows: Iterable[int] = range(lo, hi)
        else:
            of_labels = self._rows_of(labels)
            a = bisect_left(of_labels, lo)
            rows = of_labels[a : bisect_left(of_labels, hi, a)]
        first = self._first[i]
        text = self.document.blocks[self._block_of[i]].text
        names, ids, made = self.analysis.cue_labels, self._cue_label_ids, self._cue_made
        found = []
        for k in rows:
            cue = made[k]
            if cue is None:
                cue = made[k] = _new_cue(
                    names[ids[k]],
                    self._cue_starts[k] - first,
                    self._cue_ends[k] - first,
                    text[self._cue_from[k] : self._cue_to[k]],
                )
            found.append(cue)
        return found

    def count_of(self, i: int, labels: tuple[str, ...]) -> int:
        of_labels = self._rows_of(labels)
        a = bisect_left(of_labels, self._cue_bounds[i])
        return bisect_left(of_labels, self._cue_bounds[i + 1], a) - a

    def _rows_of(self, labels: tuple[str, ...]) -> list[int]:
        """The cues of ``labels`` in the whole document, ascending (the matchers' order within each sentence). Found
        once per document and label tuple, then bisected per sentence: filtering a sentence's cues at every ask walked
        27 cues per ask on the shared corpus (39,000 asks), most of them of other labels."""
        rows = self._label_rows.get(labels)
        if rows is None:
            by_label = self._rows_by_label
            rows = self._label_rows[labels] = sorted(
                chain.from_iterable(by_label[j] for j in self.label_index.cue_ids(labels))
            )
        return rows

    @cached_property
    def _rows_by_label(self) -> list[list[int]]:
        """Per cue label id, its cues' indices in ascending order."""
        order, bounds = _grouped(self.analysis.cues.label[self._cue_rows], len(self.analysis.cue_labels))
        ks = order.tolist()
        return [ks[bounds[j] : bounds[j + 1]] for j in range(len(self.analysis.cue_labels))]

    def claimed(self, i: int, besides: tuple[str, ...]) -> set[int]:
        first, other, ids = self._first[i], self.label_index.cue_ids(besides), self._cue_label_ids
        starts, ends = self._cue_starts, self._cue_ends
        return {
            t
            for k in range(self._cue_bounds[i], self._cue_bounds[i + 1])
            if ids[k] not in other
            for t in range(starts[k] - first, ends[k] - first)
        }

    def places(self, i: int) -> list[Place]:
        first = self._first[i]
        block = self.document.blocks[self._block_of[i]]
        codes = self.analysis.place_codes
        return [
            _new_place(codes[c], s - first, e - first, block.text[a:b])
            for c, s, e, a, b in self._place_columns[self._place_bounds[i] : self._place_bounds[i + 1]]
        ]

    def where_word(self, i: int, words: frozenset[str]) -> list[int]:
        """Indices within sentence ``i`` of the tokens whose lower-case form is one of ``words``.
        Each word list is looked up once per document, by spaCy's hash of the words: a sentence's
        words are not made for it."""
        hits = self._word_hits.get(words)
        if hits is None:
            # As a list: a sentence's few hits are found by bisection faster than numpy is called.
            hits = self._word_hits[words] = self._tokens_of(_hashes(words))
        first = self._first[i]
        lo = bisect_left(hits, first)
        hi = bisect_left(hits, self._ends[i], lo)
        return [hit - first for hit in hits[lo:hi]]

    def _tokens_of(self, hashes: frozenset[int]) -> list[int]:
        """The indices, ascending, of the tokens whose lower case's hash is one of ``hashes``, as
        ``np.flatnonzero(tokens.among(hashes, lower=True))`` gives them: a word list costs what it finds, not two passes
        over every token of the document (476 word lists a round of the shared corpus)."""
        group, order, bounds = self._by_lower
        found = [order[bounds[g] : bounds[g + 1]] for g in (group.get(h) for h in hashes) if g is not None]
        if not found:
            return []
        return (found[0] if len(found) == 1 else np.sort(np.concatenate(found))).tolist()

    @cached_property
    def _by_lower(self) -> tuple[dict[int, int], np.ndarray, list[int]]:
        """The tokens grouped by the lower case ``among`` reads for each (that of its distinct word), each group
        ascending: the group of each hash, the tokens in group order, and where each group begins."""
        tokens = self.analysis.tokens
        _, first, inverse = tokens.words
        lowers, of_word = np.unique(tokens.lower[first], return_inverse=True)
        of_token = of_word.reshape(-1)[inverse]
        if len(lowers) <= 1 << 16:
            # numpy sorts 16-bit keys stably by radix: a tenth of the time of 64-bit ones, the same order.
            of_token = of_token.astype(np.uint16)
        order, bounds = _grouped(of_token, len(lowers))
        return dict(zip(lowers.tolist(), range(len(lowers)))), order, bounds

    def tokens(self, i: int) -> Tokens:
        starts, ends, lowers = self._token_lists
        first, end = self._first[i], self._ends[i]
        return Tokens(
            starts[first:end],
            ends[first:end],
            lowers[first:end],
            self.analysis.tokens.strings,
            self.document.blocks[self._block_of[i]].text,
        )

    @cached_property
    def _token_lists(self) -> tuple[list[int], list[int], list[int]]:
        """Each token's characters in its block and its lower case's hash, as lists: most sentences' tokens are
        asked for, and slicing a list costs less than converting an array's slice for each."""
        a = self.analysis
        return a.offset.tolist(), (a.offset + a.length).tolist(), a.tokens.lower.tolist()

    def _columns(self, rows: np.ndarray, matches: Matches) -> list[tuple[int, int, int, int, int]]:
        """Label, token start and end, and character start and end in the block of the matches ``rows``."""
        return list(zip(*self._lists(rows, matches)))

    def _lists(
        self, rows: np.ndarray, matches: Matches
    ) -> tuple[list[int], list[int], list[int], list[int], list[int]]:
        """The labels, token starts and ends, and character starts and ends in the block of the matches ``rows``."""
        a = self.analysis
        start, end = matches.start[rows], matches.end[rows]
        return (
            matches.label[rows].tolist(),
            start.tolist(),
            end.tolist(),
            a.offset[start].tolist(),
            (a.offset[end - 1] + a.length[end - 1]).tolist(),
        )

    def _by_sentence(self, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Matches inside each sentence: their rows grouped by sentence (keeping their order), and
        where each sentence's group begins."""
        a = self.analysis
        sentence = np.searchsorted(a.sentence_start, starts, side="right") - 1
        inside = np.flatnonzero(ends <= a.sentence_end[sentence]) if len(starts) else np.zeros(0, dtype=np.intp)
        rows = inside[np.argsort(sentence[inside], kind="stable")]
        bounds = np.searchsorted(sentence[rows], np.arange(len(a.sentence_start) + 1)).tolist()
        return rows, bounds

    def _layout(
        self, blocks: Sequence[Block]
    ) -> tuple[list[bool], list[bool], list[frozenset[str]], list[frozenset[str]], list[bool], list[bool]]:
        """Per block: in a section on transfers (or a list led in by a sentence on them); in a section on (or a paragraph naming)
        sub-processors, or the paragraph on changes right after a list a paragraph naming them leads in; the countries its headings name, and those they name as where the section's users are; an item under a lead-in on transfers; one under a lead-in
        sharing data with recipients."""
        a = self.analysis
        codes = a.place_codes
        place_block = a.block[a.places.start]
        cue_block = a.block[a.cues.start]

        def blocks_with(label: str) -> set[int]:
            """The blocks holding a cue of ``label`` (one running across two sentences counts too)."""
            if label not in a.cue_labels:
                return set()
            return set(cue_block[a.cues.label == a.cue_labels.index(label)].tolist())

        naming = blocks_with("SUBPROCESSOR")
        sharing = blocks_with("RCPT_SHARE")
        # Blocks speaking of a change ("of any changes", „Über Änderungen"): after a list of sub-processors, theirs.
        changing = blocks_with("CHANGE")
        using = blocks_with("RCPT_USE")
        # "The following service providers operate outside the EEA. ...", „Die folgenden Dienstleister ...": a
        # paragraph announcing the providers its list goes on to name leads into that list, and shares data with them,
        # as a colon after "recipients" does, though it ends in a full stop.
        announcing = set()
        announced = [a.cue_labels.index(label) for label in ANNOUNCED if label in a.cue_labels]
        if "LIST_FOLLOWING" in a.cue_labels and announced:
            following = a.cues.end[a.cues.label == a.cue_labels.index("LIST_FOLLOWING")]
            providers = a.cues.start[np.isin(a.cues.label, announced)]
            gap = providers[None, :] - following[:, None]
            near = (gap >= 0) & (gap <= ANNOUNCED_REACH)
            announcing = set(a.block[providers[near.any(axis=0)]].tolist())
        # A list under a lead-in about transfers ("In all such cases, the transfer will be:") is about them too.
        lead_in = recipients = False
        transfer_headings: dict[str, bool] = {}
        subprocessor_headings: dict[str, bool] = {}
        heading_countries: dict[str, frozenset[str]] = {}
        heading_users: dict[str, frozenset[str]] = {}
        in_transfer, in_subprocessors, countries, users, led_in, recipients_led_in = [], [], [], [], [], []
        # "Der Auftragnehmer bedient sich folgender Unterauftragsverarbeiter:", its list, then "Über Änderungen informiert
        # der Auftragnehmer den Auftraggeber.": the paragraph right after the list still speaks of the sub-processors
        # (the changes are theirs), as one in a section on them would. Only one speaking of changes: "Either party may
        # terminate on 30 days' notice" there is no right to object to a sub-processor. The lead-in's heading path, and
        # whether its list has begun.
        listing: tuple[str, ...] | None = None
        listed = False
        # The places of each block, grouped once rather than sought among all places at every heading.
        block_places: dict[int, list[tuple[int, int, int]]] = {}
        last = a.places.end - 1
        ends = (a.offset[last] + a.length[last]).tolist() if len(last) else []
        for b, c, at, end in zip(
            place_block.tolist(), a.places.label.tolist(), a.offset[a.places.start].tolist(), ends
        ):
            block_places.setdefault(b, []).append((c, at, end))
        # The countries of a heading path, until the next heading (which may name a heading's text anew).
        path_countries: dict[tuple[str, ...], tuple[frozenset[str], frozenset[str]]] = {}
        for b, block in enumerate(blocks):
            if block.kind == "heading":
                places = block_places.get(b, [])
                heading_countries[block.text] = frozenset(
                    codes[c] for c, at, _ in places if not _INTO.search(block.text[:at])
                )
                heading_users[block.text] = _users_countries(block.text, [(codes[c], at, end) for c, at, end in places])
                path_countries.clear()
            path = block.heading_path
            known = path_countries.get(path)
            if known is None:
                known = path_countries[path] = (
                    frozenset().union(*(heading_countries.get(h, frozenset()) for h in path)),
                    frozenset().union(*(heading_users.get(h, frozenset()) for h in path)),
                )
            countries.append(known[0])
            users.append(known[1])
            for heading in block.heading_path:
                if heading not in subprocessor_headings:
                    subprocessor_headings[heading] = bool(_SUBPROCESSOR_HEADING.search(heading))
            after_list = listed and block.kind == "paragraph" and block.heading_path == listing and b in changing
            in_subprocessors.append(
                any(subprocessor_headings[h] for h in block.heading_path) or b in naming or after_list
            )
            if block.kind in ("list_item", "table_row"):
                listed = listing is not None
            else:
                lead = block.kind == "paragraph" and b in naming and block.text.rstrip().endswith(":")
                listing, listed = (block.heading_path if lead else None), False
            in_section = block.kind == "list_item" and lead_in
            led_in.append(in_section)
            recipients_led_in.append(block.kind == "list_item" and recipients)
            if block.kind != "list_item":
                colon = block.kind == "paragraph" and block.text.rstrip().endswith(":")
                # "Empfänger Ihrer Daten sind:", "Recipients:": a short lead-in naming recipients needs no verb.
                recipients = (
                    (
                        colon
                        and bool(_RECIPIENTS.search(block.text))
                        and (b in sharing or len(block.text.split()) <= SHORT_LEAD_IN)
                    )
                    or (
                        # A heading over the services the vendor uses ("Services we use", "Dienste, die wir nutzen").
                        block.kind == "heading" and b in using and not DATA_USED.search(block.text)
                    )
                    # Ending in a colon, it leads in the processors it names (readers.RecipientReader).
                    or (block.kind == "paragraph" and b in announcing and not colon)
                )
                lead_in = recipients or (colon and bool(_TRANSFER_HEADING.search(block.text)))
            for heading in block.heading_path:
                if heading not in transfer_headings:
                    transfer_headings[heading] = bool(_TRANSFER_HEADING.search(heading))
                in_section = in_section or transfer_headings[heading]
            in_transfer.append(in_section)
        return in_transfer, in_subprocessors, countries, users, led_in, recipients_led_in

    def _masks(
        self,
        in_transfer: list[bool],
        in_subprocessors: list[bool],
        led_in: list[bool],
        recipients_led_in: list[bool],
        blocks: Sequence[Block],
    ) -> np.ndarray:
        a, index = self.analysis, self.label_index
        masks = np.zeros((len(a.sentence_start), index.words), dtype=np.uint64)
        sentence_of = np.repeat(np.arange(len(a.sentence_start)), np.diff(self._cue_bounds))
        cue_bits = a.cues.label[self._cue_rows]  # cue labels come first in the index
        place_sentences = np.repeat(np.arange(len(a.sentence_start)), np.diff(self._place_bounds))
        place_bits = np.array([index.bit[f"{PLACE}:{code}"] for code in a.place_codes], dtype=np.intp)
        place_bits = place_bits[a.places.label[self._place_rows]] if len(place_bits) else place_bits
        layout = {
            "HEADING": [b.kind == "heading" for b in blocks],
            "TRANSFER_SECTION": in_transfer,
            "SUBPROCESSOR_SECTION": in_subprocessors,
            "TRANSFER_LEAD_IN": led_in,
            "RECIPIENT_LEAD_IN": recipients_led_in,
        }
        layout_sentences, layout_bits = [], []
        for name, per_block in layout.items():
            chosen = (
                np.flatnonzero(np.array(per_block, dtype=bool)[self._block])
                if len(self._block)
                else np.zeros(0, np.intp)
            )
            layout_sentences.append(chosen)
            layout_bits.append(np.full(len(chosen), index.bit[name], dtype=np.intp))
        sentences = np.concatenate([sentence_of, place_sentences, place_sentences, *layout_sentences]).astype(np.intp)
        bits = np.concatenate(
            [cue_bits, np.full(len(place_sentences), index.bit[PLACE], dtype=np.intp), place_bits, *layout_bits]
        ).astype(np.intp)
        np.bitwise_or.at(masks, (sentences, bits // 64), np.left_shift(np.uint64(1), (bits % 64).astype(np.uint64)))
        return masks


def announces_providers(sentence: Sentence) -> bool:
    """ "The following service providers ...", „Die folgenden Dienstleister ...": the sentence announces the providers
    a list goes on to name (as :meth:`Sentences._layout` reads a paragraph holding it)."""
    return any(
        0 <= p.start - f.end <= ANNOUNCED_REACH for f in sentence.of("LIST_FOLLOWING") for p in sentence.of(*ANNOUNCED)
    )


def read_sentences(document: Document, nlp: Language, batch_size: int = 64) -> Sentences:
    """The sentences of ``document``; blocks are processed separately."""
    return Sentences(document, analyse(nlp, [b.text for b in document.blocks], batch_size=batch_size))


def sentences(document: Document, nlp: Language, batch_size: int = 64) -> Iterator[Sentence]:
    """Yield the sentences of ``document`` in order; blocks are processed separately."""
    return iter(read_sentences(document, nlp, batch_size=batch_size))
