"""Clause roles: what a sentence does, and what each place it names is to that sentence.

The closed set of roles and argument roles, their cues, reach and examples are data in
rules/lexicon/roles.yml (which documents how they combine); this module assigns them, the same
way for every language. A sentence gets every role whose cue it contains, and the negation role
when it denies a transfer. Each place it names (a country, or an open phrase such as "outside the
EEA") gets the argument role of the nearest role cue that reaches it, or ``unclaimed``. Only
arguments marked ``transfers`` in the data make transfers: a country named in a forum clause, a
complaint route or as where users live is never a destination.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from dpcheck.errors import RulesetError
from dpcheck.extract.sentences import SEMICOLON, Cue, Place, Sentence
from dpcheck.nlp.pipeline import ROLE_PREFIX

UNCLAIMED = "unclaimed"
# Tokens of a bracket defining a term after a place, brackets and quotes included ('("UK Personal Data")').
DEFINED_TERM_TOKENS = 10
_OPENING_BRACKET = frozenset({"("})
NEGATION = "negation"
RECIPIENT_SEAT = "recipient_seat"
COMPANY = "company"
# How a seat became where data is kept: the servers are among what the sentence seats there.
STORAGE_SEATED = "storage_seated"
# How a seat word after the place became a recipient's: a relative clause on the recipients seats them there.
RECIPIENT_RELATIVE = "recipient_relative"
# The role of the law a company is incorporated under (rules/lexicon/roles.yml).
INCORPORATION = "incorporation"
# Verbs that may close a German clause between a seat and the comma of the relative clause after it.
CLAUSE_VERBS = 2
ORIGIN = "origin"
# The cue label of cues.yml naming sub-processors.
SUBPROCESSOR = "SUBPROCESSOR"
THIRD_COUNTRY = "THIRD_COUNTRY"
# Words between a sub-processor and the word of its seat ("sub-processors are established in").
SUBPROCESSOR_SEAT_GAP = 1
# Tokens a place may end before another that a cue moving no data reaches past it and still claims: the second names
# the first more closely ("Einwohner des US-Bundesstaats Virginia") or joins it ("the law in any EEA jurisdiction or
# Switzerland").
OWN_PLACE = 3
# The words one object in a list of a verb's objects may run to, its opener included („Ihren vollständigen Namen").
OBJECT_WORDS = 4
# Marks between two clauses of a sentence.
CLAUSE_MARKS = frozenset({",", ";"})
# How far a title-case name of a law or document runs on either side of a transfer word inside it.
TITLE_REACH = 8


@dataclass(frozen=True)
class Role:
    """One sentence role of roles.yml: the argument it gives the places its cues reach."""

    name: str
    argument: str
    reach: int
    before: bool  # its cues reach places after them (the cue stands before the place)
    after: bool
    labels: frozenset[str]
    description: str
    receives: bool = False  # the cue names a party that receives the data (a service the text uses)
    open_regions: bool = False  # a cue anywhere in the sentence gives its open regions this argument
    crosses_barriers: bool = False  # its cues reach past "to" and ";" (a list of people that goes on)
    adjacent: bool = False  # a cue right beside the place claims it before any other (a German verb at the end)
    requires: frozenset[str] = frozenset()  # cue labels of which the sentence must hold one for its cues to count
    unless: frozenset[str] = frozenset()  # cue labels any of which voids its cues
    # Cue labels that void its cues only in a sentence holding none of the labels paired with them (money moved, where
    # no personal data goes with it).
    unless_alone: tuple[tuple[str, frozenset[str]], ...] = ()
    places_only: bool = False  # its cues place the party they name; they make no transfer statement of the sentence
    place_after: frozenset[str] = frozenset()  # its cues reach only a place right after one of these words
    through_place: bool = False  # its cues state a transfer only through a place they claim
    subject_only: bool = False  # its cues reach only a place no preposition governs (the subject of their verb)
    # ``requires`` and ``unless`` are read in the cue's own clause, not the whole sentence (:meth:`RoleSet.clause_of`).
    in_clause: bool = False
    # The argument its cues give where only another clause holds what it ``requires``: the party is there, the data is
    # not said to be ("We have offices in Sydney, but data is hosted in Frankfurt"). Empty: they give none.
    outside_clause: str = ""
    points_back: frozenset[str] = frozenset()  # words of a later clause that speak of the party's place ("there")
    # Cue labels naming a party its cue names that is read on the whole sentence all the same: a provider the vendor
    # engages handles the data the sentence names ("data is stored in the EU; for text messages we use a provider in
    # the UK").
    whole_sentence_for: tuple[str, ...] = ()


@dataclass(frozen=True)
class SeatedParty:
    """When a seat counts because the seated party handles the data (``seated_party`` in roles.yml)."""

    reach: int
    determiners: frozenset[str]
    articles: frozenset[str]
    place_prepositions: frozenset[str]
    data_words: tuple[str, ...]
    relatives: frozenset[str]
    relative_reach: int
    verb_last_reach: int
    closing_modals: frozenset[str]
    handles: frozenset[str]
    marker_reach: int
    clause_openers: frozenset[str]
    seat_words: frozenset[str]
    party_labels: tuple[str, ...]
    staff: frozenset[str]
    staff_links: frozenset[str]
    subject_reach: int
    storage: frozenset[str]
    island_prepositions: frozenset[str]
    source_prepositions: frozenset[str]
    party_prepositions: frozenset[str]
    object_openers: frozenset[str]
    object_joins: frozenset[str]
    legal_forms: frozenset[str] = frozenset()  # words closing a company's name (words.yml)


@dataclass(frozen=True)
class RoleSet:
    """The roles, argument roles and barriers of rules/lexicon/roles.yml."""

    roles: dict[str, Role]
    transferring: frozenset[str]  # the argument roles that make transfers
    barriers: frozenset[str]
    recipient_markers: frozenset[str]
    seated_party: SeatedParty
    coordination: frozenset[str]  # words joining places into one list
    openers: frozenset[str]  # marks opening a bracket or quotation inside a list of places
    closers: frozenset[str]  # marks closing one
    locating: tuple[str, ...]  # transfer cues saying only where something is (prefixes end in "*")
    yields_to: frozenset[str]  # the argument roles of parties that win over a locating cue
    relative_fill: frozenset[str]  # words between a relative pronoun on a company and its locating verb or place
    seat_cues: tuple[str, ...]  # the locating cues saying where a company is, not where it works
    title_joins: frozenset[str]  # small words inside a title-case name of a law or document
    law_titles: frozenset[str]  # words naming a law or document (words.yml law_titles)
    by_label: dict[str, Role]  # a cue label of cues.yml → the first role that borrows it (``labels``)
    non: frozenset[str] = frozenset()  # words excluding the place after them and a hyphen ("non-US"; words.yml non)
    title_bodies: frozenset[str] = frozenset()  # words naming a public body inside a title-case name
    # Words opening a clause of its own after a comma ("but", „jedoch", "and", „und"; words.yml contrast, clause_join).
    clause_openers: frozenset[str] = frozenset()

    @cached_property
    def marks(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """The marks that only open, only close, and do both ('"')."""
        both = self.openers & self.closers
        return self.openers - both, self.closers - both, both

    def locates_only(self, cue: Cue) -> bool:
        """The cue is a single word saying only where something is ("located", "befindet")."""
        return _matches(cue.text.lower(), self.locating)

    def says_seat(self, cue: Cue) -> bool:
        """The cue is a single word saying where a company is ("located", "befindet"), not where it works
        ("operates")."""
        return _matches(cue.text.lower(), self.seat_cues)

    def clause_of(self, sentence: Sentence, at: int, to: int) -> tuple[int, int]:
        """The token range of the clause holding tokens ``at`` to ``to``: it ends at a semicolon, and at a comma before a word opening
        a clause ("We have offices in Sydney, but data is hosted in Frankfurt", "..., und unser Team in Indien liest
        nur Handbücher"), not a parenthetical contrast ("our team in India, however, reads the tickets")."""
        tokens = sentence.span
        breaks = [
            i
            for i, t in enumerate(tokens)
            if t.text in SEMICOLON
            or (
                t.text == ","
                and i + 1 < len(tokens)
                and tokens[i + 1].lower_ in self.clause_openers
                and not (i + 2 < len(tokens) and tokens[i + 2].text == ",")
            )
        ]
        start = max((i + 1 for i in breaks if i < at), default=0)
        end = min((i for i in breaks if i >= to), default=len(tokens))
        return start, end

    @classmethod
    def from_data(
        cls,
        data: dict[str, Any],
        legal_forms: Iterable[str] = (),
        law_titles: Iterable[str] = (),
        non: Iterable[str] = (),
        clause_openers: Iterable[str] = (),
    ) -> RoleSet:
        roles = {}
        for name, entry in data["roles"].items():
            side = entry["side"]
            roles[name] = Role(
                name,
                entry["argument"],
                int(entry["reach"]),
                side in ("before", "both"),
                side in ("after", "both"),
                frozenset(entry.get("labels", ())),
                entry["description"],
                bool(entry.get("receives", False)),
                bool(entry.get("open_regions", False)),
                bool(entry.get("crosses_barriers", False)),
                bool(entry.get("adjacent", False)),
                frozenset(entry.get("requires", ())),
                frozenset(entry.get("unless", ())),
                tuple((k, frozenset(v)) for k, v in entry.get("unless_alone", {}).items()),
                bool(entry.get("places_only", False)),
                frozenset(str(w).lower() for w in entry.get("place_after", ())),
                bool(entry.get("through_place", False)),
                bool(entry.get("subject_only", False)),
                bool(entry.get("in_clause", False)),
                str(entry.get("outside_clause", "")),
                frozenset(str(w).lower() for w in entry.get("points_back", ())),
                tuple(str(label) for label in entry.get("whole_sentence_for", ())),
            )
        unknown = sorted(
            (
                {r.argument for r in roles.values()}
                | {r.outside_clause for r in roles.values() if r.outside_clause}
                | set(data["locating"]["yields_to"])
            )
            - set(data["arguments"])
        )
        if unknown:
            raise RulesetError([f"roles.yml: roles give undeclared argument roles {', '.join(unknown)}"])
        transferring = frozenset(a for a, entry in data["arguments"].items() if entry["transfers"])
        return cls(
            roles,
            transferring,
            frozenset(str(b).lower() for b in data["barriers"]),
            frozenset(str(m).lower() for m in data["recipient_markers"]),
            SeatedParty(
                int(data["seated_party"]["reach"]),
                frozenset(str(w).lower() for w in data["seated_party"]["determiners"]),
                frozenset(str(w).lower() for w in data["seated_party"]["articles"]),
                frozenset(str(w).lower() for w in data["seated_party"]["place_prepositions"]),
                tuple(str(w).lower() for w in data["seated_party"]["data_words"]),
                frozenset(str(w).lower() for w in data["seated_party"]["relatives"]),
                int(data["seated_party"]["relative_reach"]),
                int(data["seated_party"]["verb_last_reach"]),
                frozenset(str(w).lower() for w in data["seated_party"]["closing_modals"]),
                frozenset(str(w).lower() for w in data["seated_party"]["handles"]),
                int(data["seated_party"]["marker_reach"]),
                frozenset(str(w).lower() for w in data["seated_party"]["clause_openers"]),
                frozenset(str(w).lower() for w in data["seated_party"]["seat_words"]),
                tuple(str(label) for label in data["seated_party"]["party_labels"]),
                frozenset(str(w).lower() for w in data["seated_party"]["staff"]),
                frozenset(str(w).lower() for w in data["seated_party"]["staff_links"]),
                int(data["seated_party"]["subject_reach"]),
                frozenset(str(w).lower() for w in data["seated_party"]["storage"]),
                frozenset(str(w).lower() for w in data["seated_party"]["island_prepositions"]),
                frozenset(str(w).lower() for w in data["seated_party"]["source_prepositions"]),
                frozenset(str(w).lower() for w in data["seated_party"]["party_prepositions"]),
                frozenset(str(w).lower() for w in data["seated_party"]["object_openers"]),
                frozenset(str(w).lower() for w in data["seated_party"]["object_joins"]),
                frozenset(str(w).lower() for w in legal_forms),
            ),
            frozenset(str(w).lower() for w in data["coordination"]),
            frozenset(str(w) for w in data["openers"]),
            frozenset(str(w) for w in data["closers"]),
            tuple(str(w).lower() for w in data["locating"]["cues"]),
            frozenset(str(a) for a in data["locating"]["yields_to"]),
            frozenset(str(w).lower() for w in data["locating"]["relative_fill"]),
            tuple(str(w).lower() for w in data["locating"]["seat_cues"]),
            frozenset(str(w).lower() for w in data["locating"]["title_joins"]),
            frozenset(str(w).lower() for w in law_titles),
            {label: role for role in reversed(roles.values()) for label in role.labels},
            frozenset(str(w).lower() for w in non),
            frozenset(str(w).lower() for w in data["locating"].get("title_bodies", ())),
            frozenset(str(w).lower() for w in clause_openers),
        )

    def role_of(self, cue: Cue) -> Role | None:
        return self.by_cue_label.get(cue.label)

    @cached_property
    def cue_labels(self) -> tuple[str, ...]:
        """The labels of :attr:`by_cue_label`: a sentence is asked for its cues of these only."""
        return tuple(self.by_cue_label)

    @cached_property
    def transferring_labels(self) -> tuple[str, ...]:
        """The cue labels whose role gives a transferring argument."""
        return tuple(label for label, role in self.by_cue_label.items() if role.argument in self.transferring)

    @cached_property
    def by_cue_label(self) -> dict[str, Role]:
        """Cue label → the role it gives: a role's own label (``ROLE_PREFIX`` and its name), or a label of cues.yml
        that a role borrows (never one with the prefix). A dict: a sentence's cues are looked up by the thousand."""
        own = {ROLE_PREFIX + name: role for name, role in self.roles.items()}
        return {**{k: r for k, r in self.by_label.items() if not k.startswith(ROLE_PREFIX)}, **own}


@dataclass(frozen=True)
class Argument:
    """The argument role of one place (token range) and the cue that gave it (None: unclaimed)."""

    role: str
    cue: Cue | None = None
    by: str = ""  # the sentence role whose cue gave it

    @property
    def claimed(self) -> bool:
        return self.cue is not None


@dataclass(frozen=True)
class SentenceRoles:
    """The roles of one sentence and the role cues they rest on (nested cues dropped)."""

    sentence: Sentence
    roles: frozenset[str]
    cues: tuple[tuple[Cue, Role], ...]
    roleset: RoleSet

    def _list_of(self, start: int, end: int) -> tuple[int, int]:
        """The tokens of the list of places the place at ``start:end`` stands in ("the EEA, Switzerland or the UK")."""
        tokens = self.sentence.span
        starts = {p.start: p.end for p in self.sentence.places}
        ends = {p.end: p.start for p in self.sentence.places}
        joining = self._defined_terms
        lo, hi = start, end
        i = lo
        while i > 0:
            j = i
            while j > 0 and (tokens[j - 1].lower_ in self.roleset.coordination or j - 1 in joining):
                j -= 1
            if j == i or j not in ends:
                break
            lo = i = ends[j]
        i = hi
        while i < len(tokens):
            j = i
            while j < len(tokens) and (tokens[j].lower_ in self.roleset.coordination or j in joining):
                j += 1
            if j == i or j not in starts:
                break
            hi = i = starts[j]
        # A term defined right after the list's last place ('United Kingdom ("UK Personal Data")') belongs to it.
        while hi < len(tokens) and hi in joining:
            hi += 1
        # 'United Kingdom ("UK")': the marks closing the short name's bracket end the list.
        opening, closing, both = self.roleset.marks
        marks = [t.text for t in tokens[lo:hi]]
        opened = sum(m in opening for m in marks) - sum(m in closing for m in marks) + sum(m in both for m in marks) % 2
        while opened and hi < len(tokens) and tokens[hi].text in self.roleset.closers:
            hi += 1
            opened -= 1
        return lo, hi

    @cached_property
    def _defined_terms(self) -> frozenset[int]:
        """The tokens of the quoted terms a bracket defines after a place ('or Switzerland ("EU Personal Data"), the
        United Kingdom'): the list of places runs on past them."""
        return frozenset(i for lo, hi in self._term_brackets for i in range(lo, hi))

    def names_a_term(self, start: int, end: int) -> bool:
        """The place at ``start:end`` is a word of a term a bracket defines ('("UK Personal Data")'), not a short
        name of a place ('United Kingdom ("UK")')."""
        tokens = self.sentence.span
        return any(
            lo < start
            and end < hi
            and any(i not in range(start, end) and tokens[i].text[:1].isalnum() for i in range(lo, hi))
            for lo, hi in self._term_brackets
        )

    @cached_property
    def _term_brackets(self) -> list[tuple[int, int]]:
        """The token ranges of brackets holding a quoted term, brackets included."""
        tokens = self.sentence.span
        opening, closing, both = self.roleset.marks
        quotes = opening | both
        found: list[tuple[int, int]] = []
        # The opening brackets from the document's word index: walking every token made a word of each.
        for i in self.sentence.where_word(_OPENING_BRACKET):
            if i + 1 >= len(tokens) or tokens[i + 1].text not in quotes or tokens[i + 1].text == "(":
                continue
            for k in range(i + 3, min(len(tokens), i + DEFINED_TERM_TOKENS)):
                if tokens[k].text == ")":
                    if tokens[k - 1].text in closing | both:
                        found.append((i, k + 1))
                    break
        return found

    def _stored_object(self, cue: Cue, role: Role) -> bool:
        """ "Acme stores your mailing address in the US", "We store your delivery address in Australia", „Wir speichern
        Ihre Adresse in Kanada": a company's or a residence's cue that is
        a word for data (an address) opened as the object of a transferring verb right before it (its possessive or
        article between) names what is stored or sent, not whose address is there; „Ihre Adresse in Kanada geben Sie an"
        and „wir liefern an Ihre Adresse in Kanada" keep it an address."""
        seated = self.roleset.seated_party
        tokens = self.sentence.span
        # The cue's word for data may close it or stand before its preposition ("delivery address in").
        last = cue.end - 1
        if last > cue.start and tokens[last].lower_ in seated.place_prepositions:
            last -= 1
        if role.argument not in (COMPANY, ORIGIN) or not tokens[last].lower_.endswith(seated.data_words):
            return False

        def opener_in(positions: range) -> int | None:
            return next((i for i in positions if tokens[i].lower_ in seated.object_openers), None)

        # The opener may stand before an adjective of the cue ("your mailing address") or of its own („Ihre neue Adresse").
        opener = opener_in(range(cue.start - 1, max(-1, cue.start - 3), -1))
        # An address later in a list of objects is stored as well („speichern Ihren Namen und Ihre Adresse"): the verb
        # stands before the list's first opener.
        while opener is not None and opener > 1 and tokens[opener - 1].lower_ in seated.object_joins:
            opener = opener_in(range(opener - 2, max(-1, opener - 2 - OBJECT_WORDS), -1))
        # A transferring cue that closes with a preposition („senden Ihre Bestellung an Ihre Adresse") sends to the address.
        goals = self.roleset.barriers | seated.party_prepositions | seated.place_prepositions
        return (
            opener is not None
            and tokens[opener - 1].lower_ not in goals
            and any(c.end == opener and r.argument in self.roleset.transferring for c, r in self.cues)
        )

    def _governed(self, start: int) -> bool:
        """A preposition stands right before the list of places at ``start`` or its article ("sent to the United States",
        „in die USA"): the places are no subject of a verb after them."""
        tokens = self.sentence.span
        seated = self.roleset.seated_party
        i = start - 1
        if i >= 0 and tokens[i].lower_ in seated.articles:
            i -= 1
        prepositions = self.roleset.barriers | seated.place_prepositions | seated.party_prepositions
        return i >= 0 and tokens[i].lower_ in prepositions

    def argument(self, start: int, end: int, open_region: bool = False) -> Argument:
        """The argument role of the place at tokens ``start:end``: that of the list of places it stands in.
        ``open_region``: the place is an open one ("worldwide"), which a role with ``open_regions`` claims
        from anywhere in the sentence."""
        if open_region:
            claim = next(((c, r) for c, r in self.cues if r.open_regions), None)
            if claim is not None:
                return Argument(claim[1].argument, claim[0], claim[1].name)
        tokens = self.sentence.span
        place = (start, end)
        start, end = self._list_of(start, end)
        places = {i for p in self.sentence.places if (p.start, p.end) != place for i in range(p.start, p.end)}
        # The places a cue that moves no data names before this one; the same country named again is not another
        # ("Data Subjects in Switzerland ... their rights in Switzerland").
        code = next((p.code for p in self.sentence.places if (p.start, p.end) == place), "")
        others = [p for p in self.sentence.places if p.end <= start and p.code != code]
        reached: list[tuple[tuple[int, int, int], Cue, Role]] = []
        displaced: list[tuple[Cue, Role]] = []
        for cue, role in self.cues:
            if cue.start < end and start < cue.end:
                # One word holds both ("US-Handelsministeriums", "UK-Übermittlungen"): the cue's role is the
                # word's, before any cue around it. Words that close around the place („stellen wir Nutzern in
                # Brasilien eine App bereit") reach it as a cue right before it would, after a cue of where people
                # are („Nutzern in"): those people are not where the data goes.
                if cue.start <= place[0] and place[1] <= cue.end:
                    around = cue.start < place[0] and place[1] < cue.end
                    one_word = not any(c.isspace() for c in tokens[cue.start : cue.end].text)
                    reached.append(((0, 0, 1) if around and not one_word else (-1, 0, 0), cue, role))
                # "depending on the country in which you reside": a cue that begins inside an open region and
                # runs on past it says whose the region is; not of a region outside it ("outside of the jurisdiction
                # in which you are located"), which the cue only describes.
                elif (
                    open_region
                    and role.after
                    and start < cue.start
                    and end < cue.end
                    and not any(t.start <= start and end <= t.end for t in self.sentence.of(THIRD_COUNTRY))
                ):
                    reached.append(((-1, 0, 0), cue, role))
                continue
            cue_before = cue.end <= start
            if not (role.before if cue_before else role.after) or self._stored_object(cue, role):
                continue
            if role.subject_only and self._governed(start):
                continue
            # "Where a shop owner in the UK contacts support, the conversation is handled and stored in the EU": a verb
            # that names its own place right after it does not reach back to one before it.
            if not cue_before and role.argument in self.roleset.transferring and self._own_place(cue, start):
                displaced.append((cue, role))
                continue
            gap = range(cue.end, start) if cue_before else range(end, cue.start)
            # Work near a place is work done there within its clause ("in London, United Kingdom, reviews happen yearly"
            # reviews nothing there); a status a fronted place scopes stands after its comma ("within the UK, X is a joint
            # controller").
            if role.place_after and (
                not self._placed_after(start, role.place_after)
                or (role.argument in self.roleset.transferring and any(tokens[i].text in CLAUSE_MARKS for i in gap))
            ):
                continue
            if (
                role.argument not in self.roleset.transferring
                and not role.crosses_barriers
                and (
                    any(tokens[i].lower_ in self.roleset.barriers for i in gap)
                    or (cue_before and any(cue.end <= p.start and start - p.end > OWN_PLACE for p in others))
                )
            ):
                # "policyholders resident in Italy may be processed by our centre in Albania": a cue that is not of a
                # transfer names its own place first; a place well after that one, outside its list, is another's.
                continue
            distance = sum(1 for i in gap if i not in places)
            if distance > role.reach:
                continue
            if role.adjacent and distance == 0:
                reached.append(((-1, 0, 0), cue, role))
                continue
            # A place's article is the place's („Nutzern in der Türkei zur Verfügung gestellt"): in the ranking it puts
            # a cue of where people are before it no further away than one right after the place. Not after a
            # possessive ("Customers in its Montreal data centre": the place is the thing's), nor for another cue („an
            # unseren Anbieter in den USA übermittelt", „an unser Partnerprogramm in den USA weiter": the verb decides).
            if (
                cue_before
                and distance
                and role.argument == ORIGIN
                and tokens[start - 1].lower_ in self.roleset.seated_party.articles
            ):
                distance -= 1
            reached.append(
                ((distance, 0 if cue_before else 1, 1 if role.argument in self.roleset.transferring else 0), cue, role)
            )
        if not reached:
            handler = self._relative_handler(start, end)
            if handler is not None:
                return Argument(RECIPIENT_SEAT, handler, "seated_party")
            # The data goes where the verb says; the place before it is where it comes from.
            return Argument(ORIGIN, displaced[0][0], displaced[0][1].name) if displaced else Argument(UNCLAIMED)
        _, cue, role = min(reached, key=lambda r: r[0])
        # „Mitarbeiter unserer Niederlassung in Belgrad bearbeiten die Daten": the same words that name a company's
        # branch name a party at work where the sentence has someone handle the data; that reading is the sentence's.
        at_work = [r for r in reached if r[2].places_only and (r[1].start, r[1].end) == (cue.start, cue.end)]
        if at_work and role.argument not in self.roleset.transferring:
            _, cue, role = at_work[0]
        # „von einem Dienstleister auf der Isle of Man durchgeführt": work done near a place yields to any other cue that
        # reaches it (here a sub-processor's place), which says more of whose place it is. A status a place scopes ("within
        # the UK, X is a joint controller") is as near as it stands.
        if role.place_after and role.argument in self.roleset.transferring:
            other = [r for r in reached if not r[2].place_after]
            if other:
                _, cue, role = min(other, key=lambda r: r[0])
        # A party placed at work never outweighs what another cue says the place is ("shared by our affiliates in the
        # UK with our subsidiaries outside these regions": where the data comes from); for a party read in its own
        # clause, a cue of that clause ("We do not sell data, and our team in India reviews the tickets").
        if role.places_only:
            lo, hi = self.roleset.clause_of(self.sentence, cue.start, cue.end) if role.in_clause else (0, len(tokens))
            other = [
                r
                for r in reached
                if not r[2].places_only
                and r[2].argument not in self.roleset.transferring
                and (r[1].start, r[1].end) != (cue.start, cue.end)
                and lo <= r[1].start < hi
            ]
            if other:
                _, cue, role = min(other, key=lambda r: r[0])
        # „an Partner weitergegeben, von denen einige in Katar ansässig sind": where recipients the sentence sends
        # data to are seated, not where people live.
        if role.argument == ORIGIN and self._recipient_relative(start, end, cue):
            return Argument(RECIPIENT_SEAT, cue, RECIPIENT_RELATIVE)
        # "our representative, X, located in Switzerland": "located" says where the party is.
        party = [r for r in reached if r[2].argument in self.roleset.yields_to]
        if party and role.argument in self.roleset.transferring and self.roleset.locates_only(cue):
            _, cue, role = min(party, key=lambda r: r[0])
        # "X Holdings, Inc., which is located in the US", „die X Inc., die sich in den USA befindet": where a company
        # sits, a recipient's seat only where the sentence sends that company data ("we send the orders to X Inc.,
        # which is located in the US") or the clause has it handle the data.
        if (
            role.argument in self.roleset.transferring
            and self.roleset.says_seat(cue)
            and self._company_relative(min(cue.start, start))
        ):
            handler = self._relative_handler(start, end)
            if handler is not None:
                return Argument(RECIPIENT_SEAT, handler, "seated_party")
            sent = (
                (
                    self._marked_recipient(cue)
                    and any(r.argument in self.roleset.transferring and c is not cue for c, r in self.cues)
                )
                # "We use X Inc., which is located in the US, to host the site": a service the text uses.
                or any(r.receives for _, _, r in reached)
                or self._listed_after_transfer(cue)
                or self._storage_seated(start)
            )
            return Argument(RECIPIENT_SEAT if sent else COMPANY, cue, role.name)
        # "servers based in the US", "a data centre seated in Singapore": the seat is that of where the data is kept.
        if role.argument == RECIPIENT_SEAT:
            kept = next(
                (
                    (c, r)
                    for c, r in self.cues
                    if r.argument in self.roleset.transferring
                    and r.argument != RECIPIENT_SEAT
                    and not r.places_only
                    and cue.start - 1 <= c.end <= cue.start
                ),
                None,
            )
            if kept is not None:
                cue, role = kept
        argument = role.argument
        handler = self._relative_handler(start, end, claimed_by_company=argument in (COMPANY, RECIPIENT_SEAT))
        # "X Private Limited, a company incorporated in Pune, whose analysts access the data": the company's seat is
        # where the data goes, as a recipient's; so is the place of a party a relative clause has handle the data
        # where another cue places data there ("checks are carried out by X Ltd., London, which receives your name",
        # „von einem Rückversicherer auf den Bermudas geprüft, der hierfür die Schadensdetails erhält"): the party is
        # the recipient, not where data comes from. Only a relative clause after the place does that: a verb right after
        # it ("our local provider in Korea processes data for Korean users") leaves the place to its transferring cue,
        # and so to what the sentence's section makes of it.
        if handler is not None and (
            argument == COMPANY or (argument in self.roleset.transferring and handler.start > end)
        ):
            return Argument(RECIPIENT_SEAT, handler, "seated_party")
        # "... are sent to our sub-processor, X Inc., registered in Wilmington, Delaware": the register of a company
        # named right before it, in a sentence sending data to it, is a recipient's seat (GUIDELINES.md: "X Inc., a
        # Delaware corporation, processes Customer Data").
        if argument == COMPANY and self._registered_recipient(cue, role):
            return Argument(RECIPIENT_SEAT, cue, role.name)
        # "a Sub-processor established in a third country": a sub-processor receives data by definition, where it sits.
        if argument == COMPANY and any(
            0 <= cue.start - c.end <= SUBPROCESSOR_SEAT_GAP for c in self.sentence.of(SUBPROCESSOR)
        ):
            return Argument(RECIPIENT_SEAT, cue, role.name)
        if argument == COMPANY and self._staff_reach_data(cue):
            return Argument(RECIPIENT_SEAT, cue, "staff_of_seated")
        if argument in (COMPANY, RECIPIENT_SEAT) and (verb := self._seat_clause_handles(end)) is not None:
            return Argument(RECIPIENT_SEAT, verb, "seated_party")
        if argument in (COMPANY, ORIGIN) and self._storage_seated(start):
            return Argument(RECIPIENT_SEAT, cue, STORAGE_SEATED)
        # A seat counts as where data goes only for a recipient the sentence sends data to
        # ("transferred to X Inc., seated in ..."), not for a sender or a controller.
        if argument == RECIPIENT_SEAT and not (
            any(r.receives for _, _, r in reached)
            # "Our sub-processors are headquartered in the US": a sub-processor receives data by definition.
            or any(c.end <= cue.start for c in self.sentence.of(SUBPROCESSOR))
            or (self.states_transfer_besides(role) and self._marked_recipient(cue))
            or self._seated_party_handles_data(end)
            # "our team, based in Austin, Texas, which accesses your account details".
            or handler is not None
            or self._listed_after_transfer(cue)
            or self._staff_reach_data(cue)
            or self._storage_seated(start)
            # „Wir nutzen den Dienst Mixpanel ... Bei der Mixpanel Inc. handelt es sich um ein nach dem Recht des
            # Bundesstaates Delaware gegründetes Unternehmen": the company whose service the sentence uses.
            or (role.name == INCORPORATION and self.sentence.has("RCPT_USE"))
        ):
            argument = COMPANY
        return Argument(argument, cue, role.name)

    def _placed_after(self, start: int, words: frozenset[str]) -> bool:
        """One of ``words`` stands right before the list of places at ``start``, a determiner between them aside ("in
        the USA", „in einem Analysezentrum in Israel"; not „aus den USA")."""
        tokens = self.sentence.span
        i = start - 1
        while i >= 0 and tokens[i].lower_ in self.roleset.seated_party.determiners:
            i -= 1
        return i >= 0 and tokens[i].lower_ in words

    def _beside(self, cue: Cue) -> list[Place]:
        """The places a locating cue names beside it: after a place preposition ("located in the US") or right before
        it as German puts it ("in den USA befindet")."""
        tokens = self.sentence.span
        fill = self.roleset.relative_fill
        beside = []
        for p in self.sentence.places:
            if p.start >= cue.end:
                between = range(cue.end, p.start)
                if not (between and tokens[between[0]].lower_ in self.roleset.seated_party.place_prepositions):
                    continue
            elif p.end <= cue.start:
                between = range(p.end, cue.start)
                if between:
                    continue
            else:
                continue
            if len(between) <= 3 and all(tokens[i].lower_ in fill for i in between):
                beside.append(p)
        return beside

    @cached_property
    def _seat_cues(self) -> frozenset[int]:
        """The starts of locating cues that say where a company named before them sits ("X Inc., which is located in
        the US"): they state no transfer of their own."""
        return frozenset(
            cue.start
            for cue, _ in self.cues
            if self.roleset.says_seat(cue)
            and any(self._company_relative(min(cue.start, p.start)) for p in self._beside(cue))
        )

    def _company_relative(self, at: int) -> bool:
        """A relative clause on a company opens before token ``at``: its legal form, a comma, the relative pronoun and
        at most a few filling words ("X Inc., which is", „die X Inc., die sich in den")."""
        tokens = self.sentence.span
        seated = self.roleset.seated_party
        for i in range(at - 1, max(1, at - 6), -1):
            # „die X Inc., die sich in den USA befindet": "die" fills as an article and opens as a pronoun.
            if tokens[i].lower_ in seated.relatives and tokens[i - 1].text == ",":
                name = [t for t in tokens[max(0, i - 3) : i - 1] if t.text != "."]
                return bool(name) and name[-1].lower_.rstrip(".") in seated.legal_forms
            if tokens[i].lower_ not in self.roleset.relative_fill:
                return False
        return False

    def _seat_clause_handles(self, end: int) -> Cue | None:
        """The verb right after a seat set off by commas, of which the seated party is the subject ("Our processor,
        which is established in Switzerland, receives your card details", "the organiser, based in Seoul, will
        receive your name", „Der Datenimporteur mit Sitz in Bangalore, Indien, erhält die Daten"), where what it
        handles is data, the sentence does not deny it and names no place after the verb; ``end``: the end of the list
        of places."""
        tokens = self.sentence.span
        seated = self.roleset.seated_party
        while end < len(tokens) and tokens[end].text == ")":
            end += 1
        if end >= len(tokens) or tokens[end].text != ",":
            return None
        i = end + 1
        while i < len(tokens) and tokens[i].lower_ in seated.closing_modals:
            i += 1
        if i >= len(tokens) or tokens[i].lower_ not in seated.handles:
            return None
        # „..., verarbeitet die Daten jedoch ausschließlich in Frankfurt": the verb names a place of its own.
        if any(i < n.start <= i + 2 for n in self.sentence.of("NEGATION")) or any(
            p.start > i for p in self.sentence.places
        ):
            return None
        if not any(t.lower_.endswith(seated.data_words) for t in tokens[i + 1 : i + 1 + seated.relative_reach]):
            return None
        return Cue("RELATIVE_HANDLER", i, i + 1, tokens[i].text)

    def _recipient_relative(self, start: int, end: int, cue: Cue) -> bool:
        """A German relative clause seats the recipients the sentence sends data to, its seat word after the place
        („an Partnerfluggesellschaften weitergegeben, von denen einige in Katar ansässig sind", „mit Dienstleistern,
        die in den USA ansässig sind"): the clause opens with a comma and a relative pronoun, and before it a recipient
        marker or a party's kind names whom the data goes to; not people named before it („Kunden, die in der Schweiz
        ansässig sind"), and not where no other cue of the sentence moves data."""
        tokens = self.sentence.span
        seated = self.roleset.seated_party
        if cue.start < end or tokens[cue.start].lower_ not in seated.seat_words:
            return False
        comma = next(
            (i for i in range(start - 1, max(0, start - seated.reach - 2), -1) if tokens[i].text == ","),
            None,
        )
        if comma is None or not any(t.lower_ in seated.relatives for t in tokens[comma + 1 : start]):
            return False
        if any(c.end == comma for c, r in self.cues if r.argument == ORIGIN):
            return False
        if not any(r.argument in self.roleset.transferring and c.start < comma for c, r in self.cues):
            return False
        lo = max(0, comma - seated.marker_reach)
        return any(t.lower_ in self.roleset.recipient_markers for t in tokens[lo:comma]) or any(
            lo <= c.end <= comma for c in self.sentence.of(*seated.party_labels)
        )

    def _listed_after_transfer(self, cue: Cue) -> bool:
        """The seat stands in a list that a colon opens after a statement of transfer ("Two teams outside the EEA may
        access it: our parent X Inc., headquartered in Austin, Texas, ..., and Y Ltd, ..."): each party listed
        receives the data."""
        tokens = self.sentence.span
        colon = next((i for i in range(cue.start - 1, -1, -1) if tokens[i].text == ":"), None)
        return colon is not None and any(
            r.argument in self.roleset.transferring and r.argument != RECIPIENT_SEAT and c.end <= colon
            for c, r in self.cues
        )

    def _registered_recipient(self, cue: Cue, role: Role) -> bool:
        """A seat word ("registered in") right after a company's legal form, in a sentence that sends data to a marked
        recipient (see the call)."""
        tokens = self.sentence.span
        seated = self.roleset.seated_party
        name = [t for t in tokens[max(0, cue.start - 2) : cue.start] if t.text != ","]
        return (
            tokens[cue.start].lower_ in seated.seat_words
            and bool(name)
            and name[-1].lower_.rstrip(".") in seated.legal_forms
            and self.states_transfer_besides(role)
            and self._marked_recipient(cue)
        )

    def _marked_recipient(self, cue: Cue) -> bool:
        """A recipient marker stands before the seat's cue, in reach and in the same clause ("sent to X Inc., seated
        in"; not "we sell to shoppers, and when a shop based in Canada signs up")."""
        return self._recipient_marker(cue) is not None

    def _recipient_marker(self, cue: Cue) -> int | None:
        """Where the recipient marker of :meth:`_marked_recipient` stands; None without one."""
        tokens = self.sentence.span
        seated = self.roleset.seated_party
        for i in range(cue.start - 1, max(-1, cue.start - 1 - seated.marker_reach), -1):
            word = tokens[i].lower_
            if word in seated.clause_openers:
                return None
            if word in self.roleset.recipient_markers:
                return i
        return None

    def _own_place(self, cue: Cue, place: int) -> bool:
        """The cue, in another clause than the place at ``place``, names a place of its own: right after it ("...,
        the ticket is handled and stored in the EU"), or before it as German puts it ("..., wird es in der EU
        gespeichert"), after a place preposition."""
        tokens = self.sentence.span
        seated = self.roleset.seated_party
        starts = {p.start for p in self.sentence.places if p.start > place}

        # „ins Vereinigte Königreich, in die Schweiz und in die USA übermitteln": a comma before the next place of a
        # list of places joins the list; it opens no clause.
        def listing(i: int) -> bool:
            return tokens[i].text == "," and any(
                i + n in starts
                and all(t.lower_ in seated.place_prepositions | seated.determiners for t in tokens[i + 1 : i + n])
                for n in range(1, 4)
            )

        if not any(t.text in CLAUSE_MARKS and not listing(place + k) for k, t in enumerate(tokens[place : cue.start])):
            return False

        def placed(i: int) -> bool:
            return tokens[i].lower_ in seated.place_prepositions and (
                i + 1 in starts or (i + 2 in starts and tokens[i + 1].lower_ in self.roleset.coordination)
            )

        before = range(max(place + 1, cue.start - seated.reach), cue.start)
        if any(placed(i) for i in before if not any(t.text in CLAUSE_MARKS for t in tokens[i : cue.start])):
            return True
        for i in range(cue.end, min(len(tokens), cue.end + seated.reach)):
            if placed(i):
                return True
            if tokens[i].text in {",", ";", ":", "."}:
                return False
        return False

    def _storage_seated(self, start: int) -> bool:
        """The servers are among what the sentence seats at the place ("X Corp (and our servers) are based in the US"),
        before it and not across a semicolon."""
        seated = self.roleset.seated_party
        before = self.sentence.span[max(0, start - seated.subject_reach) : start]
        words = [t.lower_ for t in before]
        if ";" in words:
            words = words[len(words) - words[::-1].index(";") :]
        return any(w in seated.storage for w in words) and not self.sentence.has("NEGATION")

    def _staff_reach_data(self, cue: Cue) -> bool:
        """ "Mitarbeitende der X LLC mit Sitz in Tiflis greifen auf Kundendaten zu": the people of the company seated
        there reach the data, so they do it where it sits; not where the sentence denies them ("keinen Zugriff")."""
        seated = self.roleset.seated_party
        tokens = self.sentence.span
        lo = max(1, cue.start - seated.subject_reach)
        staffed = any(
            tokens[i - 1].lower_ in seated.staff and tokens[i].lower_ in seated.staff_links
            for i in range(lo, cue.start)
        )
        return staffed and any(t.lower_ in seated.handles for t in tokens) and not self.sentence.has("NEGATION")

    def _seated_party_handles_data(self, end: int) -> bool:
        """ "Our engineers based in Bangalore can access the data", "X Inc., seated in the BVI, processes it":
        a transfer, storage or access verb standing right after the seat is what the seated party does
        with the data (``seated_party`` in roles.yml). Not where the verb has a place of its own ("X Inc.,
        based in the US, stores data only in Frankfurt"), is a noun ("owns all shares of ...") or handles
        no data ("processes requests in its own name")."""
        if any(p.start >= end for p in self.sentence.places):
            return False
        tokens = self.sentence.span
        seated = self.roleset.seated_party
        if not any(t.lower_.endswith(seated.data_words) for t in tokens[end:]):
            return False
        # The verbs: the sentence's transfer, storage and access cues, and the words that say a party handles data
        # ("X Ltd., mit Sitz in Singapur, erhält die Rechnungsdaten").
        verbs = [(cue.start, cue.end) for cue, role in self.cues if role.argument in self.roleset.transferring]
        verbs += [(i, i + 1) for i in range(end, len(tokens)) if tokens[i].lower_ in seated.handles]
        for verb_start, verb_end in verbs:
            if verb_start < end:
                continue
            words_between = sum(1 for t in tokens[end:verb_start] if t.text[:1].isalpha())
            noun = verb_start > 0 and tokens[verb_start - 1].lower_ in seated.determiners
            after = tokens[verb_end:]
            own_place = any(
                t.lower_ in seated.place_prepositions and n.text[:1].isupper() for t, n in zip(after, after[1:])
            )
            # "a company based in the US, receives no data": the party handles none.
            denied = any(verb_end <= n.start <= verb_end + 2 for n in self.sentence.of("NEGATION"))
            if words_between <= seated.reach and not noun and not own_place and not denied:
                return True
        return False

    def _received_from(self, start: int) -> bool:
        """The place at ``start`` is that of a party the vendor receives data from ("we obtain your contact details
        from a broker in the US, which receives them from public registers", „Wir erhalten Ihre Kontaktdaten von einem
        Adresshändler in den USA, der sie ... erhält"): a cue of receiving before it, then a source preposition, and no
        cue of data moving on between them. The nearest preposition of a party before the place decides: "received
        from you by X Inc. in the US, which stores it" names X as the one receiving."""
        tokens = self.sentence.span
        seated = self.roleset.seated_party
        moving = self.sentence.of("TRANSFER", "RCPT_SHARE")
        for c in self.sentence.of("RCPT_SOURCE"):
            if c.end > start or any(c.end <= m.start < start for m in moving):
                continue
            nearest = next(
                (
                    t.lower_
                    for t in reversed(tokens[c.end : start])
                    if t.lower_ in seated.source_prepositions or t.lower_ in seated.party_prepositions
                ),
                "",
            )
            if nearest in seated.source_prepositions:
                return True
        return False

    def _relative_handler(self, start: int, end: int, claimed_by_company: bool = False) -> Cue | None:
        """The verb right after a party's place, or of a relative clause there, that says the party handles the
        data ("X Pvt Ltd in Pune, India, which receives the data", "X LLC in Austin, United States, receives the
        data", "die X Ltd in Pune (Indien), die dafür ... erhält", "our partner in Pune receives the data");
        ``start:end``: the list of places."""
        if self._received_from(start):
            return None
        tokens = self.sentence.span
        seated = self.roleset.seated_party
        # "Our partner in Shenzhen receives your shipping details", „Unser Partner in Shenzhen erhält Ihre
        # Lieferdaten": a party named by its kind, its place after "in", its verb right after the place.
        if (
            start >= 2
            and end < len(tokens)
            and tokens[start - 1].lower_ in seated.place_prepositions
            and tokens[end].lower_ in seated.handles
            and any(c.end == start - 1 for c in self.sentence.of(*seated.party_labels))
            and any(t.lower_.endswith(seated.data_words) for t in tokens[end + 1 : end + 1 + seated.reach])
        ):
            return Cue("RELATIVE_HANDLER", end, end + 1, tokens[end].text)
        while end < len(tokens) and tokens[end].text == ")":
            end += 1
        # "X Ltd in Pune, India, ..." or "X Ltd, Chennai, India, ...": the place follows a company's name, one that
        # closes with its legal form unless "in" joins them.
        company = start >= 2 and tokens[start - 2].lower_.rstrip(".") in seated.legal_forms
        # „... mit Sitz in Belgrad erbracht wird, deren Mitarbeiter ...": the clause's own verbs close it before the comma.
        gap = end
        while gap < min(len(tokens), end + CLAUSE_VERBS) and tokens[gap].text.isalpha() and tokens[gap].text.islower():
            gap += 1
        if (
            gap > end
            and gap + 1 < len(tokens)
            and tokens[gap].text == ","
            and tokens[gap + 1].lower_ in seated.relatives
        ):
            end = gap
        # „ein Dienstleister in den USA, der ...", „ein Rückversicherer auf den Bermudas, der ...": the place's article
        # stands between it and its preposition.
        lead = start - 1 if start >= 3 and tokens[start - 1].lower_ in seated.articles else start
        if not (
            (
                lead >= 2
                and tokens[lead - 1].lower_ in seated.place_prepositions | seated.island_prepositions
                and (tokens[lead - 2].text[:1].isupper() or tokens[lead - 2].lower_ in seated.seat_words)
            )
            or (start >= 2 and tokens[start - 1].text == "," and company)
            # "X LLC, a company under the laws of Delaware, which receives ...": a place a seat cue claims already.
            or claimed_by_company
        ) or not (end + 1 < len(tokens) and tokens[end].text == ","):
            return None
        # The company itself as the subject: "X LLC in Austin, United States, receives the data".
        if company and tokens[end + 1].lower_ in seated.handles:
            return Cue("RELATIVE_HANDLER", end + 1, end + 2, tokens[end + 1].text)
        if tokens[end + 1].lower_ not in seated.relatives:
            return None
        for i in range(end + 2, min(len(tokens), end + 2 + seated.relative_reach)):
            word = tokens[i].lower_
            if word in (".", ";", ":"):
                return None
            if word in seated.handles:
                return Cue("RELATIVE_HANDLER", i, i + 1, tokens[i].text)
        # German closes a relative clause with its verb, however long the clause ("..., deren Entwickler im Einzelfall
        # und nur nach Freigabe auf Daten des Auftraggebers zugreifen."): the last word before its end.
        for i in range(end + 2, min(len(tokens), end + 2 + seated.verb_last_reach)):
            if tokens[i].text in (",", ".", ";", ":"):
                j = i - 1
                while j > end + 2 and tokens[j].lower_ in seated.closing_modals:  # "... zugreifen können."
                    j -= 1
                return Cue("RELATIVE_HANDLER", j, j + 1, tokens[j].text) if tokens[j].lower_ in seated.handles else None
        return None

    @cached_property
    def states_transfer(self) -> bool:
        """A role cue of the sentence gives places a transferring argument ("stored", "an order from a court of"),
        or a relative clause says that a party where a place puts it handles the data."""
        return self._states_transfer(parties=True)

    @cached_property
    def states_transfer_beyond_parties(self) -> bool:
        """:attr:`states_transfer`, but a role that only places the party it names (``places_only``: "our team in
        Manila reviews the tickets") does not make it: the sentence's other places are read as without it."""
        if not any(r.places_only for _, r in self.cues):
            return self.states_transfer
        return self._states_transfer(parties=False)

    def _states_transfer(self, parties: bool) -> bool:
        return any(
            r.argument in self.roleset.transferring
            and (parties or not r.places_only)
            and c.start not in self._seat_cues
            # "it can be viewed worldwide via search engines": work stated near no place it reaches states no transfer;
            # nor does "we will not cooperate with law enforcement", which names no country's authorities.
            and (not (r.place_after or r.through_place) or c in self._claiming)
            for c, r in self.cues
        ) or any(
            self._relative_handler(*self._list_of(p.start, p.end)) is not None
            # "Our processor, which is established in Switzerland, receives your card details".
            or (
                self._seat_clause_handles(self._list_of(p.start, p.end)[1]) is not None
                and self.argument(p.start, p.end).role == RECIPIENT_SEAT
            )
            for p in self.sentence.places
            if len(p.code) == 2
        )

    @cached_property
    def _claiming(self) -> list[Cue]:
        """The cues of roles with ``place_after`` or ``through_place`` that claim a place of the sentence. A place the
        text excludes is claimed by none: "non-US law enforcement" are the authorities of every country but the US."""
        tokens = self.sentence.span
        claims = (
            self.argument(p.start, p.end)
            for p in self.sentence.places
            if not (p.start >= 2 and tokens[p.start - 1].text == "-" and tokens[p.start - 2].lower_ in self.roleset.non)
        )
        return [
            a.cue
            for a in claims
            if a.cue is not None and (role := self.roleset.roles.get(a.by)) and (role.place_after or role.through_place)
        ]

    def placed_by_party(self, argument: Argument) -> bool:
        """The argument was given by a role that places the party it names (``places_only``)."""
        role = self.roleset.roles.get(argument.by)
        return role is not None and role.places_only

    def sends_to_party(self, argument: Argument) -> bool:
        """The party ``argument`` places is where another transfer cue of the sentence sends the data: a recipient
        marker stands before it in its clause, with the sending word before the marker or, as German closes a clause,
        after the party ("we share your order data with our group company in India", „Wir geben Ihre Daten an unsere
        Tochtergesellschaft in Indien weiter"); not a party that only does the work ("our local provider in Korea
        processes data for Korean users"), nor one after a marker no sending word stands before ("the law applies to
        subscribers of Internet access service in Maine")."""
        role = self.roleset.roles.get(argument.by)
        cue = argument.cue
        if role is None or not role.places_only or cue is None:
            return False
        marker = self._recipient_marker(cue)
        return marker is not None and any(
            r.argument in self.roleset.transferring and not r.places_only and (c.end <= marker or c.start >= cue.end)
            for c, r in self.cues
        )

    @property
    def seats_only(self) -> bool:
        """Every transferring cue of the sentence only says where a company named before it sits ("X Inc., which is
        located in the US, supports our customers"): the sentence is about who the companies are."""
        return bool(self._seat_cues) and not self.states_transfer_beyond_parties

    def states_transfer_besides(self, role: Role) -> bool:
        return any(
            r.argument in self.roleset.transferring and not r.places_only and r is not role for _, r in self.cues
        )

    def makes_transfer(self, argument: Argument) -> bool:
        return argument.role in self.roleset.transferring


def may_state_transfer(sentence: Sentence, roleset: RoleSet) -> bool:
    """Whether :attr:`SentenceRoles.states_transfer` can hold for ``sentence``, from its labels and words alone: it
    needs a cue of a transferring role, or a place of a country and a word of handling for its relative clause. A third
    of the sentences the destinations reader reads have neither, and their roles need not be worked out."""
    return sentence.has(*roleset.transferring_labels) or (
        any(len(p.code) == 2 for p in sentence.places) and bool(sentence.where_word(roleset.seated_party.handles))
    )


def assign(sentence: Sentence, roleset: RoleSet, negated: bool = False) -> SentenceRoles:
    """The roles of ``sentence``; ``negated``: it denies a transfer (see destinations)."""
    found = [
        (c, r)
        for c in sentence.of(*roleset.cue_labels)
        if (r := _applying(roleset.by_cue_label[c.label], sentence, c, roleset))
    ]
    # A cue inside a longer role cue is part of it: "located" in "courts located in"; the verb of an adjacent role's
    # cue ("übermittelt werden") keeps its own role for the places it reaches further away.
    kept = tuple(
        (c, r)
        for c, r in found
        if not any(
            (o.start <= c.start and c.end <= o.end and (o.end - o.start) > (c.end - c.start))
            and not ro.adjacent
            # "operated from Dubai": work near a place keeps the shorter cue inside it ("operated") its own role.
            and not ro.place_after
            # „stellen wir Nutzern in Brasilien eine App bereit": words closing around a place leave the cues
            # around that place their own roles; those say whose place it is.
            and not _holds_a_place(sentence, o)
            for o, ro in found
        )
    )
    # "the Law Concerning the Proper Transmission of Specified Electronic Mail": a transfer word inside a name's title
    # case names a law or a document; it states no transfer.
    kept = tuple(
        (c, r) for c, r in kept if not (r.argument in roleset.transferring and _in_title(sentence, c, roleset))
    )
    roles = frozenset(r.name for _, r in kept) | ({NEGATION} if negated else frozenset())
    return SentenceRoles(sentence, roles, kept, roleset)


def _holds_a_place(sentence: Sentence, cue: Cue) -> bool:
    """Words of ``cue`` close around a place of the sentence (a German verb and its particle)."""
    return any(cue.start < p.start and p.end < cue.end for p in sentence.places)


def _applying(role: Role, sentence: Sentence, cue: Cue, roleset: RoleSet) -> Role | None:
    """The role ``cue`` gives: ``role`` where the sentence holds what it ``requires`` and nothing that voids it
    (``unless``, or ``unless_alone`` with none of what keeps it), None where it does not. For a role read
    ``in_clause`` the clause of ``cue`` must: "We do not sell data, and our team in India reviews the tickets" has its
    team work on data; "We have offices in Sydney, but data is hosted in Frankfurt" has no one in Sydney do so, and the
    offices are only where the party is (``outside_clause``)."""
    if any(sentence.has(label) and not sentence.has(*kept) for label, kept in role.unless_alone):
        return None
    provider = role.whole_sentence_for and any(
        cue.start <= c.start < cue.end for c in sentence.of(*role.whole_sentence_for)
    )
    if not role.in_clause or provider:
        applies = (not role.requires or sentence.has(*role.requires)) and not (
            role.unless and sentence.has(*role.unless)
        )
        return role if applies else None

    def within(labels: frozenset[str], clause: tuple[int, int]) -> bool:
        return any(clause[0] <= c.start and c.end <= clause[1] for c in sentence.of(*labels)) if labels else False

    own = roleset.clause_of(sentence, cue.start, cue.end)
    if within(role.unless, own):
        return None
    # "We send the codes through an SMS service in India; your number is passed there for this": a later clause
    # pointing back to the party's place ("there", „dorthin") has the data go to it.
    pointing = [
        roleset.clause_of(sentence, i, i + 1)
        for i, t in enumerate(sentence.span)
        if i >= own[1] and t.lower_ in role.points_back
    ]
    if not role.requires or within(role.requires, own) or _field_label(sentence, role.requires):
        return role
    if any(within(role.requires, clause) and not within(role.unless, clause) for clause in pointing):
        return role
    if role.outside_clause and sentence.has(*role.requires):
        return replace(role, argument=role.outside_clause)
    return None


def _field_label(sentence: Sentence, labels: frozenset[str]) -> bool:
    """ "Location: Dublin, Ireland; second-line agents in Cape Town": a field's label opening the line governs every
    item after its colon, whatever separates them."""
    tokens = sentence.span
    return any(c.start == 0 and c.end < len(tokens) and tokens[c.end].text == ":" for c in sentence.of(*labels))


def _matches(word: str, words: Iterable[str]) -> bool:
    """``word`` is one of ``words`` (a trailing "*" matches any ending)."""
    return any(word.startswith(w[:-1]) if w.endswith("*") else word == w for w in words)


def _in_title(sentence: Sentence, cue: Cue, roleset: RoleSet) -> bool:
    """The cue, capitalised, is inside a title-case name of a law, document or public body: capitalised words and
    small joining words around it, one of them a law's, document's or body's word ("the Law Concerning the Proper
    Transmission of Specified Electronic Mail", "the Federal Stored Communications Act", "the Agency for Access to
    Public Information", „die Agentur für Zugang zu Öffentlichen Informationen"); not a defined term in a clause
    ("Acme Processes Customer Personal Data")."""
    tokens = sentence.span

    def titled(i: int) -> bool:
        return tokens[i].text[:1].isupper() or tokens[i].lower_ in roleset.title_joins

    if cue.start < 1 or not tokens[cue.start].text[:1].isupper() or not all(map(titled, range(cue.start, cue.end))):
        return False
    run: list[int] = []
    for i, step in ((cue.start - 1, -1), (cue.end, 1)):
        while 0 <= i < len(tokens) and abs(i - cue.start) <= TITLE_REACH and titled(i):
            run.append(i)
            i += step
    # A body's word names the body the cue is part of only before it ("the Agency for Access to ..."): after it, the
    # cue may move data to the body ("Data Is Transferred To The Acme Council Servers In Singapore").
    return any(
        tokens[i].lower_.rstrip(".") in roleset.law_titles
        or (i < cue.start and tokens[i].lower_.rstrip(".") in roleset.title_bodies)
        for i in run
    )
