"""Where a recipient sits when the document says so in another passage than the one where it receives data.

A policy names a company that handles data in one section ("requests are handled by our group company Acme Asia
Pte. Ltd.", „an die in Ziffer 14 genannten Gesellschaften der Acme-Gruppe weitergegeben") and gives its postal
address in another: an imprint, a contact block, a list of the group's companies. Each sentence read alone names no
country where data goes; read together, the seat of a recipient that receives data is a destination (GUIDELINES).

This step runs once the readers have read every sentence (:func:`dpcheck.extract._extract`). It finds the entries
that give a company with its address ("Acme Asia Pte. Ltd., 8 Example Quay, Singapore 018960"), then the passages
that say data reaches a company: one naming it with the same name (as :func:`~dpcheck.extract.recipients.name_key`
gives it) and a word of data moving, a recipient the prose reader found, or a reference to the group's companies
(GROUP_RECIPIENTS of rules/lexicon/cues.yml) where the entry names a company of that group. A company is none of
these when its entry or its heading says it is the controller, a representative, the DPO, an authority or a former
company (``seats.excluded`` of rules/lexicon/recipients.yml), or that it receives no data.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from dpcheck.extract.parties import FREQUENT
from dpcheck.extract.recipients import NAME_WORD, RecipientWords, defined_names, name_key
from dpcheck.extract.roles import RECIPIENT_SEAT
from dpcheck.extract.sentences import Sentence, Sentences
from dpcheck.ingest.document import Block
from dpcheck.models import EEA_REGION, UNSPECIFIED, VENDOR, Evidence, Mention, Recipient

# The cue of a reference to the companies of the vendor's group (rules/lexicon/cues.yml).
GROUP_RECIPIENTS = "GROUP_RECIPIENTS"
# Cues of data reaching someone: moved, shared or used (rules/lexicon/cues.yml, recipients.yml).
RECEIVING = ("TRANSFER", "RCPT_SHARE", "RCPT_USE")
# Cues of a company receiving no data ("it does not access learner data"): a negation and a word of data moving.
DENYING = ("TRANSFER", "RCPT_SHARE", "RCPT_SOURCE")
# A company's name opening an entry, then a comma and its address ("13.2 Acme Asia Pte. Ltd., 8 Example Quay, ...");
# its numbering or bullet before it. Or an address on lines of its own, which the text joins with spaces ("Acme Asia
# Pte. Ltd. 8 Example Quay Singapore 018960"): then a legal form closes the name and a number opens the address.
_NUMBERED = r"^[\W\d]*?(?:\d+(?:\.\d+)*\.?\s+)?"
_OPENING = _NUMBERED + r"(?P<name>[A-ZÄÖÜ][^,;:()\n]{1,80}?(?:,\s*(?P<form>[A-Z][\w.]*))?)"
ENTRY = re.compile(_OPENING + r"\s*,\s")
LINES = re.compile(_OPENING + r"\s+(?=\d)")
# The name up to its first comma, where the word after that comma is no legal form but the address's first ("Acme
# Software Pvt. Ltd., Koramangala, Bengaluru, India").
UP_TO_COMMA = re.compile(_NUMBERED + r"(?P<name>[A-ZÄÖÜ][^,;:()\n]{1,80}?)\s*,\s")
# What closes an address in an entry: the company's function after it ("..., India: software engineering", „...,
# Serbien (Kundendienst)").
ADDRESS_END = re.compile(r"[:;(]|\s[-–—]\s")
# The most words of a company's name in an entry.
NAME_WORDS = 8
# The most characters of an address in an entry: more is running text.
ADDRESS_CHARS = 160
# How much of the passage where data reaches the company its reason quotes.
PASSAGE_QUOTE = 160


@dataclass(frozen=True)
class Seat:
    """A company given with its postal address: ``code`` is the country the address closes with."""

    name: str
    key: str
    formal: bool  # its name carries a legal form: another passage names it only with one
    code: str
    place: str
    block: Block
    denied: bool  # the entry says the company receives no data


def recipient_seats(
    sentences: Sentences,
    recipients: Iterable[Recipient],
    mentions: Iterable[Mention],
    words: RecipientWords,
    eea: Collection[str],
    title: str,
    title_own: frozenset[str],
) -> list[Mention]:
    """The countries outside the EEA where recipients sit, by the addresses the document gives in another passage; a
    country some destination mention gives already is given once. ``title_own``: the words of the document's
    ``title`` that may name the vendor."""
    seats = [s for s in _entries(sentences, words, title) if s.code not in eea and not s.denied]
    if not seats:
        return []
    mentions = list(mentions)
    placed = {m.value for m in mentions if m.kind == "destination"}
    # The vendor as the document names it; not the company named most often, which may be a recipient.
    own = {name_key(m.value, words) for m in mentions if m.kind == VENDOR and m.detail != FREQUENT}
    # The companies a sentence defining "we" names ('Acme, LLC ("Acme", "we")') are the vendor too.
    own |= {
        key
        for i in np.flatnonzero(sentences.matching(words.defines_vendor))
        for key in defined_names(sentences[int(i)], words)
    }
    seats = [s for s in seats if s.key not in own]
    found: dict[str, Mention] = {}
    for seat, passage, named in _received(seats, sentences, recipients, words, own, title_own):
        if seat.code in placed or seat.code in found:
            continue
        block = seat.block
        address = Evidence(block.text, block.start, block.end, block.page, block.heading_path)
        # The quote is the passage that names the company as receiving data, or the entry where it is named at all
        # (a passage on "our group companies" names none); the reason names the other.
        quoted, other = (passage, address) if named else (address, passage)
        reason = (
            f"'{seat.place}' in the address of {seat.name} ({_where(block.heading_path)}), a company that receives "
            f"data in {_where(passage.section)}; {'address' if named else 'passage'}: “{_shortened(other.quote)}”"
        )
        evidence = Evidence(quoted.quote, quoted.start, quoted.end, quoted.page, quoted.section, reason)
        found[seat.code] = Mention("destination", seat.code, evidence, role=RECIPIENT_SEAT)
    return list(found.values())


def _entries(sentences: Sentences, words: RecipientWords, title: str) -> Iterator[Seat]:
    """The companies given with an address that closes with a country, one per block."""
    seen: set[int] = set()
    for i in np.flatnonzero(sentences.carrying("PLACE")).tolist():
        block = sentences.block(i)
        if block.start in seen or block.kind not in ("paragraph", "list_item") or block.table is not None:
            continue
        seen.add(block.start)
        if (span := _layout(block, words)) is None:
            continue
        if seat := _entry(block, *span, list(sentences.of_block(i)), words, title):
            yield seat


def _layout(block: Block, words: RecipientWords) -> tuple[str, int, int] | None:
    """The company's name an entry opens with, and where its address starts and ends in the block's text: after the
    name, up to the company's function. (A table's rows are the tables reader's: it places the companies of a table
    by its address or location column.)"""
    text = block.text
    match = ENTRY.match(text)
    if match is not None and not _named(match, words):
        # A legal form closing the name before the comma ends it; without one, "Acme, Beta, Gamma" lists names.
        match = UP_TO_COMMA.match(text)
        if match is not None and not _closed_by_form(match["name"], words):
            match = None
    if match is None or not _named(match, words):
        # "Acme, Beta, Gamma" is a list of names; "Acme Asia Pte. Ltd. 8 Example Quay" an address on lines of its own.
        match = LINES.match(text)
        if match is None or not _named(match, words) or not _closed_by_form(match["name"], words):
            return None
    end = ADDRESS_END.search(text, match.end())
    return match["name"].strip(), match.end(), end.start() if end else len(text)


def _closed_by_form(name: str, words: RecipientWords) -> bool:
    found = NAME_WORD.findall(name)
    return bool(found) and words.legal_form(found[-1])


def _named(match: re.Match[str], words: RecipientWords) -> bool:
    """The entry opens with one name: what follows a comma in it is its legal form ("GitHub, Inc."), no other name."""
    form = match.groupdict().get("form")
    return form is None or words.legal_form(form)


def _entry(
    block: Block,
    name: str,
    address_start: int,
    address_end: int,
    sentences: list[Sentence],
    words: RecipientWords,
    title: str,
) -> Seat | None:
    """The seat an entry gives its company, unless a word of the entry or of a heading over it (the document's title
    aside: "Data processing agreement between the controller and ...") makes the company no recipient."""
    text = block.text
    address = text[address_start:address_end]
    name_words = NAME_WORD.findall(name)
    # A company's name: a legal form closes it, or it has several words (one word alone may be a brand, a city, a
    # word of the text: "Replicate, 101 Townsend Street").
    formal = any(words.legal_form(w) for w in name_words)
    if (
        not any(ch.isdigit() for ch in address)
        or len(address) > ADDRESS_CHARS
        or any(ch.isdigit() for ch in name)
        or len(name_words) > NAME_WORDS
        or (len(name_words) < 2 and not formal)
        or not words.is_name(name, listed=True)
        or words.excluded.search(text.lower())
        or any(words.excluded.search(h.lower()) for h in block.heading_path if h != title)
    ):
        return None
    # The country that closes the address: the last place named in it (a city names its country too).
    last: tuple[int, str, str] | None = None
    for sentence in sentences:
        offset = sentence.start - block.start
        for place in sentence.places:
            at = text.find(place.text, max(offset, address_start))
            if place.code not in (UNSPECIFIED, EEA_REGION) and address_start <= at < address_end:
                if last is None or at > last[0]:
                    last = (at, place.code, place.text)
    if last is None:
        return None
    denied = any(s.has("NEGATION") and s.has(*DENYING) for s in sentences)
    return Seat(name, name_key(name, words), formal, last[1], last[2], block, denied)


def _received(
    seats: list[Seat],
    sentences: Sentences,
    recipients: Iterable[Recipient],
    words: RecipientWords,
    own: set[str],
    title_own: frozenset[str],
) -> Iterator[tuple[Seat, Evidence, bool]]:
    """Each seat of a company that receives data, with the passage saying so and whether that passage names it."""
    by_key: dict[str, list[Seat]] = {}
    for seat in seats:
        by_key.setdefault(seat.key, []).append(seat)
    entries = {seat.block.start for seat in seats}
    # A recipient the prose reader found: named as receiving data, with no place of its own.
    for recipient in recipients:
        if not recipient.locations and recipient.evidence:
            for seat in by_key.get(name_key(recipient.name, words), ()):
                yield seat, recipient.evidence[0], True
    receiving = sentences.carrying(*RECEIVING) & ~sentences.carrying("NEGATION")
    for i in np.flatnonzero(receiving).tolist():
        sentence = sentences[i]
        if sentence.block.kind == "heading" or sentence.block.start in entries:
            continue
        for key, formal in _names(sentence.text, words):
            for seat in by_key.get(key, ()):
                if formal or not seat.formal:
                    yield seat, sentence.evidence("names the recipient"), True
    group = _group_members(seats, own, title_own)
    if group:
        for evidence in _group_passages(sentences, entries, words):
            for seat in group:
                yield seat, evidence, False


def _group_members(seats: list[Seat], own: set[str], title_own: frozenset[str]) -> list[Seat]:
    """The seats of companies of the vendor's group: their names open with a word of the vendor's or the title's
    ("Acme Asia Pte. Ltd." in "Acme Privacy Policy")."""
    brands = {key.split()[0] for key in own if key} | title_own
    return [s for s in seats if s.key and s.key.split()[0] in brands]


def _group_passages(sentences: Sentences, entries: set[int], words: RecipientWords) -> Iterator[Evidence]:
    """Sentences saying data reaches the group's companies: one that refers to them with a word of data moving, or
    the sentence after it in its paragraph that goes on about them ("Other companies of our group provide support.
    For this they access your account.")."""
    for i in np.flatnonzero(sentences.carrying(GROUP_RECIPIENTS)).tolist():
        sentence = sentences[i]
        if sentence.block.kind == "heading" or sentence.block.start in entries:
            continue
        following = [s for s in sentences.of_block(i) if s.index > i and s.has("CONTINUES")][:1]
        for candidate in (sentence, *following):
            if candidate.has(*RECEIVING) and not candidate.has("NEGATION"):
                yield candidate.evidence("refers to the group's companies as receiving data")
                break


def _names(text: str, words: RecipientWords) -> Iterator[tuple[str, bool]]:
    """The company names of a sentence, each as its key and whether a legal form closes it: runs of capitalised
    words and legal forms ("our group company Acme Asia Pte. Ltd. (see ...)", "GitHub, Inc.")."""
    run: list[str] = []
    formal = False
    last_end = 0
    for match in NAME_WORD.finditer(text):
        token = match.group()
        between = text[last_end : match.start()]
        last_end = match.end()
        form = words.legal_form(token.strip(".,"))
        joins = not any(c in between for c in ",;:()") or (between.strip() == "," and form)
        if run and joins and (token[:1].isupper() or form):
            run.append(token)
            formal = formal or form
            continue
        if run:
            yield name_key(" ".join(run), words), formal
        run, formal = ([token], form) if token[:1].isupper() else ([], False)
    if run:
        yield name_key(" ".join(run), words), formal


def _where(section: tuple[str, ...]) -> str:
    return section[-1] if section else "the document"


def _shortened(quote: str) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= PASSAGE_QUOTE else quote[: PASSAGE_QUOTE - 1].rstrip() + "…"
