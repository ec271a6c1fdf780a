"""Which evidence decides a label: the one order in which a document's mentions are quoted.

A label (a destination, a transfer tool, a finding built on them) is shown with its mentions
decisive first, ranked by the clause role of the sentence each was read in (see
:mod:`dpcheck.extract.roles`), then by document order:

1. mentions the text relies on before those it names as lapsed, or in a sentence disavowing
   reliance ("although we do not rely on it");
2. a tool named only as an example of safeguards ("appropriate safeguards, such as the SCCs")
   after every other mention of it but its definition; then a sentence that only points to the passage
   with the details ("see section 6 for the cases ...", "as described in clause 3", "siehe Ziffer 4") or
   sums it up ahead of it ("In short: ...", a heading "Auf einen Blick"), after every sentence that states
   the label itself, whatever its role: the reader is sent on to that passage anyway. So are a sentence on
   what applies to customers elsewhere ("For customers in the APAC region, ...", "Where Customer is
   established in the United Kingdom, the Addendum applies"), an assessment of the transfer ("We have
   carried out a transfer impact assessment for the transfers to the US", saying nothing of what the
   transfer rests on, and no table row), a dated row of a change log ("2 May 2025 | Acme moved hosting to
   Oregon") and a tool named in a sentence that rules a transfer out but for it ("will not transfer ...
   unless the SCCs are in place"), only in a clause opening the sentence with a condition or a time still to come
   ("Where we rely on the SCCs, we ...", "Until Acme is certified under the DPF, ...", „Soweit wir uns auf die SCC
   stützen, ...", not "If we transfer data to the US, we rely on the SCCs"): each names the label for another
   case, an earlier state or a promise, where another sentence states it. So does a condition on the reader
   declining the transfer ("If you do not want your data processed in the US, ...", „Wenn Sie keine Verarbeitung in
   den USA wünschen, ..."): the case in which it does not happen. So does, for an unnamed destination, a transfer
   told only as a case that may arise ("When we transfer your data to other countries, we protect it ...", „Soweit
   wir Daten in Drittländer übermitteln, ..."): a
   merely conditional clause discloses no destination by itself (a country it names is how the document names it).
   So does, for a destination, a table row placing the data by the customers it is for ("Germany (EU customers) USA
   (US customers)"): where data rests depends on the customer, where another row places it for all. So does a note
   under a list ("Notes", „Hinweise zu einzelnen Unterauftragsverarbeitern") for a
   destination: it comments on the entry whose row states where the recipient processes the data. So does, under any
   heading, a note opening with a marker that a row naming the place refers to ("(1) Backups are kept in Canada only
   for ..." under a row "Off-site backup (1) | Canada"). A note whose marker stands in a sentence of the text ("... in
   Frankfurt.¹" and "¹ Except for backups kept in Zürich, Switzerland"), or in a row naming another place, is the
   statement of the place it names, even under "Notes" („Fußnoten"). A legend telling how to
   read the list ("How to read this list", „Erläuterung der Spalten") ranks with definitions: it says what a column means.
   A question that asks ("Can I choose a US region?") states nothing and
   comes after the answer; one taking its fact as given ("Why is payroll data sent to Singapore?") states it;
3. for a destination, a sentence that plainly places the data there before every other mention of it: a
   transfer, storage or access statement, or the seat of a recipient that receives the data, that names
   no transfer tool, is not a postal address alone ("Address: ..., IL 62701": where a party sits) and names no
   public authorities ("US authorities may access the data": where a risk lies, not where data is put). A
   sentence naming the tool a transfer rests on ("we rely on the adequacy decision for Canada") is that
   tool's evidence, and so is one saying what the transfer rests on where no tool is read from it ("we
   rely on the Commission's decision that Switzerland ..."); for the destination either ranks with table
   rows and places named only in a transfer context, below ("Canada is adequate" comes after "our team in
   Toronto, Canada, accesses the data", wherever each stands). Consent to the transfer is no tool named
   here: "you agree that your data is sent to the US" is itself the statement that places it. Among the others,
   whatever heading each stands under, a table row naming the recipient, the place and its tool ("Mailpost Ltd | Leeds,
   United Kingdom | Adequacy decision") and a sentence naming no tool come before a sentence naming the place only for
   the basis of its transfer ("Transfers to the United Kingdom rely on the adequacy decision"), a party's address or
   authorities' access, or only in a transfer context; a row naming no tool comes last: it holds less than the sentence
   saying what the transfer rests on. A place named in a transfer context ranks as a sentence naming no tool when its
   sentence says data is stored, hosted, processed or accessed ("Support runs on Helpmesh Inc., which stores the
   tickets in the United States"): it tells where the data rests, though no verb was read for the place itself;
4. then a mention under a heading naming a transfer ("International transfers", "Übermittlung in
   Drittländer") or where data is kept or processed ("Where Customer Data is processed", "Data location", „Ort der
   Verarbeitung"), where a reader looks for the answer, before one elsewhere (a deletion clause, a list of security
   measures);
5. then by role: a transfer, storage or access statement naming the destination, or the seat of a
   recipient that receives the data; a tool named in a sentence about the transfer ("transfers to the US
   rest on the SCCs", "Acme Inc. is certified under the DPF", or "we have signed the SCCs with Acme": what
   the transfer rests on); then a row of a table; then a place named only in a transfer context (its
   argument ``unclaimed``); then a tool named elsewhere (a conflict clause, an email address for
   questions); a definition ("'SCCs' means ...") last;
6. within a role, a tool named by its name before one read from consent to the transfer, one named by itself
   before one named as an instance of a class ("we have concluded the SCCs with each provider" before "appropriate
   safeguards apply, in particular the SCCs"), and a
   sentence saying that data moves or rests somewhere ("transferred", "stored", "gespeichert")
   before one saying only where something is ("located", "operates", "befindet sich");
7. then in document order; of two quotes starting at the same place (a sentence read alone, and again
   with the sentence that goes on from it, "This means that ..."), the longer first: it holds both.

A destination's mention is ranked by its own sentence; once ranked, its quote takes in the sentence after it that
goes on from it ("Dabei werden IP-Adressen über diese Server geleitet", :meth:`Sentences.continued`): what that one
adds (the data that goes there, the tool) neither lifts nor sinks the statement.

The words are data: ``evidence`` in rules/lexicon/roles.yml. :meth:`EvidenceOrder.tool_role`
gives a tool's mention the role of its sentence; :meth:`EvidenceOrder.ranked` orders the mentions
once, when extraction ends, and every later view keeps that order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from types import MappingProxyType
from typing import Any

from dpcheck.extract.mechanisms import CONSENT_DETAIL as CONSENT
from dpcheck.extract.mechanisms import DISAVOWAL, EXAMPLE
from dpcheck.extract.roles import RECIPIENT_SEAT, UNCLAIMED
from dpcheck.extract.sentences import Sentence, Sentences
from dpcheck.models import DEFINITION, UNSPECIFIED, Evidence, Mention
from dpcheck.prefilter import Prefiltered, prefilter

# Roles a tool's mention takes from its sentence (for a destination the role is its argument role).
TRANSFER = "transfer"
TABLE = "table"  # also the detail of a destination read from a sub-processor table
# The kinds of mention ranked here: where data goes and on what basis.
RANKED = ("destination", "mechanism")
# The roles of a destination's sentence that plainly places the data there: a transfer, storage or access statement, or
# the seat of a recipient that receives the data.
PLACING = ("destination", RECIPIENT_SEAT)
# Tiers, decisive first; a mention whose role is not named here sits between named and definitions.
ORDER = ("destination", RECIPIENT_SEAT, TRANSFER, TABLE, UNCLAIMED, "", DEFINITION)
_TIER = {role: tier for tier, role in enumerate(ORDER)}
# A US state's code with its ZIP code closes an address ("Springfield, IL 62701").
ZIP = re.compile(r"\b[A-Z]{2} \d{5}(?:-\d{4})?\b")
# A sentence saying what something is ("Der DPF ist ein Übereinkommen zwischen der EU und den USA, ...", "The DPF is
# a framework that ..."): it describes a tool, as a definition does, where another sentence relies on it.
DESCRIBES = re.compile(r"^\W*(?:der|die|das|the)\s+(?:\S+\s+){0,5}?(?:ist|is)\s+(?:ein|eine|an|a)\s", re.I)
# A label named as an instance: the instance word stands at most this many words, and characters, before its name.
INSTANCE_GAP = 2
INSTANCE_ROOM = 60
# The words a reason quotes ("names scc: 'Standard Contractual Clauses'", "'USA': destination of ...").
_QUOTED = re.compile(r"'([^']{2,})'")
# A note's marker where a note opens ("¹ Backups are kept ...", "(1) ...", "[2] ...", "* ..."), and where a text refers to
# it ("Off-site backup (1)", "Deutschland¹").
NOTE_MARK = r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d{1,2}\)|\[\d{1,2}\]|\*{1,3}"
NOTE_OPENS = re.compile(rf"^\s*({NOTE_MARK})(?=\s)")
NOTE_REFERS = re.compile(rf"(?<=\S)\s?({NOTE_MARK})")
# The characters each of NOTE_MARK's alternatives opens with: a text holding none refers to no note. Sought first, as
# NOTE_REFERS (a look-behind first) is tried at every character of every block, and three blocks in four hold none.
NOTE_MARK_OPENING = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰(\[*]")
# A table row led by a date ("2 May 2025 | ...", "May 2, 2025 | ...", "2025-05-02 | ...", "02.05.2025 | ..."), or by
# an entry's number and then its date ("2026/1 | 26 Jan 2026 | ...", "v3.2 | 02.05.2025 | ..."): an entry of a change
# log, the history of a list rather than the list.
DATED_ROW = re.compile(
    r"^\W*(?:v?[\d./-]{1,10}\s*\|\s*)?(?:\d{1,2}\.?\s+[^\W\d_]+\.?\s+\d{4}|[^\W\d_]+\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})\s*\|"
)


def _alternatives(data: dict[str, list[str]]) -> str:
    words = sorted({str(w).lower() for phrases in data.values() for w in phrases})
    return "|".join(re.escape(w).replace(r"\*", r"\w*") for w in words)


def _words(data: dict[str, list[str]]) -> re.Pattern[str] | Prefiltered:
    # Asked of every mention's quote and headings, and found in few.
    return prefilter(re.compile(r"\b(?:" + _alternatives(data) + r")\b", re.I))


def _notes(data: dict[str, list[str]]) -> re.Pattern[str]:
    # A word alone is the whole heading ("Notes", not "Notes on hosting", which heads statements of its own); a phrase
    # opens it („Hinweise zu einzelnen Unterauftragsverarbeitern").
    alone = {lang: [w for w in phrases if " " not in str(w)] for lang, phrases in data.items()}
    opening = {lang: [w for w in phrases if " " in str(w)] for lang, phrases in data.items()}
    return re.compile(
        r"^[\W\d]*(?:(?:" + _alternatives(alone) + r")[\W\d]*$|(?:" + _alternatives(opening) + r")\b)", re.I
    )


def stated_together(mentions: Iterable[Mention], sentences: Sentences) -> tuple[Mention, ...]:
    """``mentions`` in their order, a transfer told in two sentences of one paragraph quoted whole for both labels: a
    sentence placing the data ("We send confirmations through Postwick Inc., located in the United States.") and the
    next naming the tool it rests on and no other place ("Postwick is certified under the DPF, and we rely on that.",
    „Die Übermittlung stützt sich auf die Standardvertragsklauseln."). The place's quote goes on through the tool's
    sentence, the tool's starts at the place's: a reader cites the two as one statement, where to and on what basis.
    Ranked first by their own sentences; a table row stands alone."""
    mentions = tuple(mentions)
    places: dict[int, set[str]] = {}
    tools: set[int] = set()
    named: set[int] = set()
    at = {m.evidence: sentences.whole(m.evidence) for m in mentions if m.kind in RANKED}
    for m in mentions:
        i = at.get(m.evidence)
        if i is None:
            continue
        if m.kind == "mechanism":
            named.add(i)
            # A tool named in a sentence about the transfer; a definition ("'SCCs' means ...") says what a word means.
            if m.role == TRANSFER:
                tools.add(i)
        elif m.detail != TABLE and m.role in PLACING:
            places.setdefault(i, set()).add(m.value)
    # The place's sentence names no tool itself: one that does ("The DPF is a framework between the EU and the US")
    # states its own case.
    placed = {i: values for i, values in places.items() if i not in named}

    def joined(m: Mention) -> Mention:
        i = at.get(m.evidence)
        if i is None or m.detail == TABLE or m.role == TABLE:
            return m
        if m.kind == "destination" and i in placed and i + 1 in tools and places.get(i + 1, set()) <= {m.value}:
            return replace(m, evidence=sentences.through(m.evidence, i, i + 1))
        # The tool's sentence, and a place it names again ("for the transfer to the United Kingdom"), from the place's.
        if i in tools and placed.get(i - 1) and places.get(i, set()) <= placed[i - 1]:
            return replace(m, evidence=sentences.through(m.evidence, i - 1, i))
        return m

    return tuple(joined(m) for m in mentions)


def note_refs(blocks: Iterable[tuple[str, int, int, bool]]) -> dict[str, tuple[tuple[int, int], ...]]:
    """The note markers referred to in ``blocks`` (each a text, its span and whether it is a table row), each with the
    spans of the rows that refer to it ("Off-site backup (1)", "Deutschland¹"); none where only a sentence of the text
    does ("... in Frankfurt.¹"). See :meth:`EvidenceOrder.aside` for what a note opening with the marker is."""
    refs: dict[str, tuple[tuple[int, int], ...]] = {}
    for text, start, end, row in blocks:
        if not NOTE_MARK_OPENING.search(text):
            continue
        for m in NOTE_REFERS.finditer(text):
            refs[m.group(1)] = (*refs.get(m.group(1), ()), *([(start, end)] if row else []))
    return refs


def _noted(mentions: Iterable[Mention], refs: Mapping[str, tuple[tuple[int, int], ...]]) -> dict[str, frozenset[str]]:
    """Each note marker with the destinations that the table rows referring to it state."""
    rows = [(m.value, m.evidence.start) for m in mentions if m.kind == "destination" and TABLE in (m.detail, m.role)]
    return {
        mark: frozenset(value for value, at in rows if any(start <= at < end for start, end in spans))
        for mark, spans in refs.items()
    }


def _overlaps(evidence: Evidence, spans: frozenset[tuple[int, int]]) -> bool:
    return any(start < evidence.end and evidence.start < end for start, end in spans)


@dataclass(frozen=True)
class EvidenceOrder:
    """The order of evidence, with the words of rules/lexicon/roles.yml (``evidence``) it reads."""

    transfers: re.Pattern[str] | Prefiltered  # words naming a transfer
    adheres: re.Pattern[str] | Prefiltered  # words saying a party is certified under a tool or takes part in it
    moves: re.Pattern[str] | Prefiltered  # words saying data moves or rests somewhere (transfers among them)
    pointer: re.Pattern[str] | Prefiltered  # words pointing to the passage with the details
    summary: re.Pattern[str]  # a summary's lead, at the start of a quote or as a whole heading
    address: re.Pattern[str]  # words marking a postal address
    elsewhere: re.Pattern[str]  # a lead on what applies to customers elsewhere, at the start of a quote
    assessment: re.Pattern[str] | Prefiltered  # words naming an assessment of a transfer
    condition: re.Pattern[str] | Prefiltered  # words ruling a transfer out but for a tool
    concluded: re.Pattern[str] | Prefiltered  # words saying what a transfer rests on (a tool in place, a decision)
    authorities: re.Pattern[str] | Prefiltered  # words naming public authorities (their access to the data)
    presupposes: re.Pattern[str]  # words opening a question that takes its fact as given ("why is ... sent to")
    instance: re.Pattern[str]  # words before a label naming it as one instance of a class, at the end of a text
    declined: re.Pattern[str]  # words opening a condition on the reader declining the transfer, at the start of a quote
    hypothetical: re.Pattern[str]  # words opening a transfer told only as one that may arise, at a quote's start
    supposed: re.Pattern[str]  # words opening a condition, or a time still to come, at a quote's start
    customer_group: re.Pattern[str]  # words naming, in a parenthesis, the customers a row places data for
    notes: re.Pattern[str]  # words opening a heading over notes on a list's entries
    legend: re.Pattern[str] | Prefiltered  # words of a heading over a legend telling how to read a list
    legend_opening: re.Pattern[str]  # words opening a sentence that tells what a table's columns hold
    location_heading: re.Pattern[str] | Prefiltered  # words of a heading naming where data is kept or processed
    rests: re.Pattern[str] | Prefiltered  # words saying data rests somewhere (stored, hosted, processed, accessed)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> EvidenceOrder:
        words = data["evidence"]
        transfer, rests = words["transfer"], words["rests"]
        return cls(
            _words(transfer),
            _words(words["adheres"]),
            _words({lang: [*transfer.get(lang, []), *rests.get(lang, [])] for lang in {*transfer, *rests}}),
            _words(words["pointer"]),
            re.compile(r"^[\W\d]*(?:" + _alternatives(words["summary"]) + r")(?:\W*$|\W*:)", re.I),
            # Some markers end in a colon, so the end is "no letter follows" rather than a word boundary.
            re.compile(r"\b(?:" + _alternatives(words["address"]) + r")(?!\w)", re.I),
            re.compile(r"^[\W\d]*(?:" + _alternatives(words["elsewhere"]) + r")\b", re.I),
            _words(words["assessment"]),
            _words(words["condition"]),
            _words(words["concluded"]),
            _words(words["authorities"]),
            re.compile(r"^[\W\d]*(?:" + _alternatives(words["presupposes"]) + r")\b", re.I),
            # "such as the EU ", "(insbesondere ": the word, then at most INSTANCE_GAP words before the label.
            re.compile(
                r"(?<!\w)(?:" + _alternatives(words["instance"]) + rf")(?!\w)\W*(?:[\w.-]+\W+){{0,{INSTANCE_GAP}}}$",
                re.I,
            ),
            re.compile(r"^[\W\d]*(?:" + _alternatives(words["declined"]) + r")\b", re.I),
            re.compile(r"^[\W\d]*(?:" + _alternatives(words["hypothetical"]) + r")\b", re.I),
            re.compile(r"^[\W\d]*(?:" + _alternatives(words["supposed"]) + r")\b", re.I),
            # "(US customers)", not "(all customers)" nor "(EU and US customers)": those place every EEA customer's data.
            re.compile(
                r"\((?![^()]*\b(?:"
                + _alternatives(words["customer_all"])
                + r")\b)[^()]{0,40}?\b(?:"
                + _alternatives(words["customer_group"])
                + r")\s*\)",
                re.I,
            ),
            _notes(words["notes"]),
            _words(words["legend"]),
            re.compile(r"^[\W\d]*(?:" + _alternatives(words["legend_opening"]) + r")\b", re.I),
            _words(words["location_heading"]),
            _words(rests),
        )

    def address_only(self, quote: str) -> bool:
        """The quote holds a postal address (a marker, or a US state with its ZIP code, "IL 62701") and says
        nothing of data moving or resting somewhere."""
        return bool(self.address.search(quote) or ZIP.search(quote)) and not self.moves.search(quote)

    def instance_of_class(self, mention: Mention) -> bool:
        """The tool is named as one instance of a class of safeguards ("appropriate safeguards, in particular the
        SCCs"): the words just before the name the reason quotes say so. Not for a place: "outside the EEA, including
        the US" is how a document names where data goes."""
        named = _QUOTED.findall(mention.evidence.reason)
        if mention.kind != "mechanism" or not named:
            return False
        quote = mention.evidence.quote
        at = quote.lower().find(named[0].lower())
        return at > 0 and self.instance.search(quote[max(0, at - INSTANCE_ROOM) : at]) is not None

    def asks(self, quote: str) -> bool:
        """The quote is a question that asks whether something is so, rather than one taking it as given."""
        return quote.rstrip().endswith("?") and not self.presupposes.search(quote)

    def refers_on(self, evidence: Evidence) -> bool:
        """The quote points to, or sums up, a passage that gives the details (see the module docstring)."""
        heading = evidence.section[-1] if evidence.section else ""
        return bool(
            self.pointer.search(evidence.quote) or self.summary.search(evidence.quote) or self.summary.search(heading)
        )

    def legend_of_list(self, section: tuple[str, ...]) -> bool:
        """The quote stands under a heading over a legend telling how to read a list: it says what a column
        means."""
        return any(self.legend.search(heading) for heading in section)

    def aside(self, mention: Mention, noted: Mapping[str, frozenset[str]] = MappingProxyType({})) -> bool:
        """The quote names the label for another case, an earlier state or a promise, or only refers on
        (see the module docstring, item 2); ``noted``: each note marker with the destinations the table rows referring to it
        state."""
        quote = mention.evidence.quote
        # A row's cell naming an assessment beside the tool ("SCCs + TIA") lists what the transfer rests on.
        table = mention.detail == TABLE or mention.role == TABLE
        heading = mention.evidence.section[-1] if mention.evidence.section else ""
        # A note opening with a marker comments on a list's entry that states the place ("(1) Backups are kept in
        # Canada only for ..." under a row naming Canada, whatever heading it stands under); one whose marker stands in
        # a sentence of the text, or in a row naming another place, is that place's statement, even under "Notes".
        mark = NOTE_OPENS.match(quote)
        stated = noted.get(mark.group(1)) if mark else None
        place_aside = mention.kind == "destination" and (
            (mention.value in stated if stated is not None else self.notes.search(heading) is not None)
            or (mention.value == UNSPECIFIED and self.supposes(mention))
            or (table and self.customer_group.search(quote) is not None)
        )
        return bool(
            self.refers_on(mention.evidence)
            or place_aside
            or self.asks(quote)
            or self.elsewhere.search(quote)
            or self.declined.search(quote)
            or (self.assessment.search(quote) and not self.concluded.search(quote) and not table)
            or DATED_ROW.search(quote)
            or (mention.kind == "mechanism" and bool(self.condition.search(quote) or self.supposes_tool(mention)))
        )

    def supposes(self, mention: Mention) -> bool:
        """The quote tells a transfer only as a case that may arise ("When we transfer your data abroad, we protect
        it", „Soweit wir Daten in Drittländer übermitteln, ...", „Soweit Unterauftragsverarbeiter Daten in einem
        Drittland verarbeiten, ..."): it discloses no destination by itself. The transfer is what the condition
        supposes, told before the clause's comma, by a word naming a transfer or by the place and the verb the label
        was read by: „Wenn wir Ihre Bestellung abwickeln, übermitteln wir Ihre Daten in Drittländer" states a transfer,
        on the case of an order."""
        quote = mention.evidence.quote
        clause = re.split(r"[,;:]", quote, maxsplit=1)[0]
        if not self.hypothetical.search(quote):
            return False
        read_by = _QUOTED.findall(mention.evidence.reason)[:2]
        return bool(self.transfers.search(clause)) or (
            len(read_by) == 2 and all(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", clause, re.I) for w in read_by)
        )

    def supposes_tool(self, mention: Mention) -> bool:
        """The tool is named only in the clause opening the sentence with a condition or a time still to come ("Where
        we rely on the SCCs, we have assessed ...", "Until Acme is certified under the DPF, ...", „Soweit wir uns auf
        die Standardvertragsklauseln stützen, ..."): the sentence supposes it and says what goes with it. The clause
        ends at its comma; a tool named after it ("If we transfer data to the US, we rely on the SCCs") is stated."""
        named = _QUOTED.findall(mention.evidence.reason)
        opening = self.supposed.match(mention.evidence.quote)
        if not named or opening is None:
            return False
        rest = mention.evidence.quote[opening.end() :].lower()
        clause = re.split(r"[,;:]", rest, maxsplit=1)
        return len(clause) == 2 and named[0].lower() in clause[0]

    def tool_role(self, sentence: Sentence, mention: Mention) -> str:
        """The role of the sentence a transfer tool is named in: a definition, a table row, a
        statement about the transfer (it names a transfer or third countries, or says a party is certified under
        the tool or takes part in it), or none ("")."""
        if mention.detail == DEFINITION or sentence.is_definition or DESCRIBES.match(sentence.text):
            return DEFINITION
        if sentence.block.table is not None:
            return TABLE
        if sentence.has("THIRD_COUNTRY") or self.transfers.search(sentence.text) or self.adheres.search(sentence.text):
            return TRANSFER
        return ""

    def rank(
        self,
        mention: Mention,
        basis: frozenset[tuple[int, int]] = frozenset(),
        noted: Mapping[str, frozenset[str]] = MappingProxyType({}),
    ) -> tuple[bool, bool, bool, bool, bool, int, bool, int, bool, bool, bool, int, int]:
        """How decisive ``mention`` is as evidence (lower first; see the module docstring), then where it stands;
        ``basis``: the spans of sentences that name a transfer tool; ``noted``: each note marker with the destinations the
        table rows referring to it state."""
        return self._rank(mention, basis, self._under_transfer_heading, self._moving, noted)

    def _under_transfer_heading(self, section: tuple[str, ...]) -> bool:
        """A heading the mention stands under names a transfer, or where data is kept or processed (item 4)."""
        return any(self.transfers.search(heading) or self.location_heading.search(heading) for heading in section)

    def _moving(self, quote: str) -> bool:
        return self.moves.search(quote) is not None

    def _rank(
        self,
        mention: Mention,
        basis: frozenset[tuple[int, int]],
        under_transfer_heading: Callable[[tuple[str, ...]], bool],
        moving: Callable[[str], bool],
        noted: Mapping[str, frozenset[str]] = MappingProxyType({}),
    ) -> tuple[bool, bool, bool, bool, bool, int, bool, int, bool, bool, bool, int, int]:
        quote = mention.evidence.quote
        table = mention.detail == TABLE or mention.role == TABLE
        lapsed = not mention.relied_upon or (mention.kind == "mechanism" and bool(DISAVOWAL.search(quote)))
        tier = _TIER[TABLE] if table else _TIER.get(mention.role, _TIER[""])
        if mention.kind == "mechanism" and tier == _TIER[""] and self.concluded.search(quote):
            tier = _TIER[TRANSFER]
        # A destination's statement before its tool's, but neither behind a table row (see item 3).
        placed = mention.kind != "destination" or (
            tier <= _TIER[TRANSFER]
            and not _overlaps(mention.evidence, basis)
            and not self.concluded.search(quote)
            and not self.address_only(quote)
            and not self.authorities.search(quote)
        )
        return (
            lapsed,
            tier == _TIER[DEFINITION]
            or self.legend_of_list(mention.evidence.section)
            or bool(self.legend_opening.search(quote)),
            mention.detail == EXAMPLE,
            self.aside(mention, noted),
            not placed,
            0 if placed else self.grounds(mention, basis),
            not under_transfer_heading(mention.evidence.section or ()),
            tier,
            mention.detail == CONSENT,
            self.instance_of_class(mention),
            not table and not moving(quote),
            mention.evidence.start,
            -mention.evidence.end,
        )

    def grounds(self, mention: Mention, basis: frozenset[tuple[int, int]]) -> int:
        """Where a destination not plainly placed comes among the others (see the module docstring, item 3): a table
        row naming its tool or a sentence naming none (0), before a sentence naming the place only in a transfer context
        (unless it says data is stored, hosted, processed or accessed), for the basis of its transfer, a party's address
        or public authorities' access (1), before a row naming no tool (2)."""
        if mention.detail == TABLE or mention.role == TABLE:
            return 0 if _overlaps(mention.evidence, basis) else 2
        quote = mention.evidence.quote
        return int(
            (mention.role == UNCLAIMED and not self.rests.search(quote))
            or bool(self.concluded.search(quote) or self.address_only(quote) or self.authorities.search(quote))
        )

    def ranked(
        self, mentions: Iterable[Mention], refs: Mapping[str, tuple[tuple[int, int], ...]] = MappingProxyType({})
    ) -> tuple[Mention, ...]:
        """The destinations and tools of ``mentions`` decisive first, then the other mentions (contract
        terms, which their own checks order) as they were read; ``refs``: the note markers the document refers to, with
        the spans of the table rows that do (:func:`note_refs`)."""
        mentions = tuple(mentions)
        noted = _noted(mentions, refs)
        basis = frozenset(
            (m.evidence.start, m.evidence.end) for m in mentions if m.kind == "mechanism" and m.detail != CONSENT
        )
        # A document's mentions share their sections and, sentence by sentence, their quotes: each is read once.
        under, moving = cache(self._under_transfer_heading), cache(self._moving)
        return (
            *sorted(
                (m for m in mentions if m.kind in RANKED), key=lambda m: self._rank(m, basis, under, moving, noted)
            ),
            *(m for m in mentions if m.kind not in RANKED),
        )
