"""The one rule for a hop of the data flow: who passes data to whom, and under which mechanisms.

A recipient is engaged by the vendor, unless it names the one who engages it: a recipient of
the document that names no engager itself, or all sub-processors ("sub-processors may transfer
data onward"). A hop into a country rests on, in this order:

1. the tools stated for the recipient itself (its table row or sentence), read ``recipient``;
2. the tools the document binds all its sub-processors to, read ``sub-processor terms``;
3. for the vendor's own recipients only, the tools the document names for that destination
   (in the sentences naming it, else all it relies on), read ``document``.

An onward transfer (by a sub-processor) never borrows the vendor's tools. A destination no
recipient is named for is reached by the vendor itself, under the document's tools for it.
A destination's mechanisms are then those of the hops that reach it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date
from itertools import accumulate
from typing import TYPE_CHECKING

from dpcheck.facts import LegalFacts
from dpcheck.models import (
    ALL_SUBPROCESSORS,
    UNSPECIFIED,
    Country,
    Evidence,
    Hop,
    HopKind,
    Mention,
    Party,
    Recipient,
    Transfer,
    distinct_places,
)

if TYPE_CHECKING:
    from dpcheck.extract import Extraction

CUSTOMER = "party:customer"
VENDOR = "party:vendor"
ALL_SUBPROCESSORS_KEY = f"party:{ALL_SUBPROCESSORS}"
# A transfer's evidence quotes this many places (sentences or table rows) naming its destination, each once.
TRANSFER_EVIDENCE = 5


def party_key(name: str) -> str:
    """Parties and countries have keys of their own kind, so that a sub-processor called
    "India Cloud" never collides with the country India."""
    return f"party:{name}"


def stated_mechanisms(evidence: Iterable[Evidence], relied: dict[str, list[Mention]]) -> set[str]:
    """Tools relied on in text that overlaps ``evidence`` (its sentence, or the table row it sits in)."""
    evidence = tuple(evidence)
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


def engaged_by(recipient: Recipient, engagers: dict[str, str]) -> str:
    """The key of who passes data to ``recipient``: the recipient it names as engaging it (one of
    ``engagers``, casefolded name → key), all sub-processors, or the vendor (also when the one
    named is not in the document, or is the recipient itself)."""
    named = recipient.engaged_by.strip()
    if not named:
        return VENDOR
    if named == ALL_SUBPROCESSORS:
        return ALL_SUBPROCESSORS_KEY
    parent = engagers.get(named.casefold(), VENDOR)
    return VENDOR if parent == party_key(recipient.name) else parent


def engagers(recipients: tuple[Recipient, ...]) -> tuple[str, ...]:
    """The key of who engages each of ``recipients``: only a recipient that names no engager
    itself can engage another."""
    named = {r.name.casefold(): party_key(r.name) for r in recipients if not r.engaged_by}
    return tuple(engaged_by(r, named) for r in recipients)


def hop_mechanisms(
    own: Collection[str], flowdown: Collection[str], document: Collection[str] | None, onward: bool
) -> tuple[tuple[str, ...], str]:
    """A recipient's hop into a country: its mechanisms and where they were read (see the module
    docstring); ``document`` is None where the country is no transfer destination."""
    if own:
        return tuple(own), "recipient"
    if flowdown:
        return tuple(sorted(flowdown)), "sub-processor terms"
    if document is not None and not onward:
        return tuple(document), "document"
    return (), ""


@dataclass(frozen=True)
class Destination:
    """A country the document sends data to, as the document states it (before the hops)."""

    code: str
    mechanisms: tuple[str, ...]
    recipients: tuple[str, ...]
    adequate: bool
    evidence: tuple[Evidence, ...]


def destinations(extraction: Extraction, facts: LegalFacts, day: date) -> tuple[Destination, ...]:
    """Each destination with the tools named in the sentences naming it, else all the document relies on."""
    relied = extraction.relied_mechanisms
    found = []
    for code, mentions in sorted(extraction.destinations.items()):
        same_sentence = stated_mechanisms((m.evidence for m in mentions), relied)
        found.append(
            Destination(
                code,
                tuple(sorted(same_sentence or set(relied))),
                tuple(r.name for r in extraction.recipients if code in r.locations),
                code != UNSPECIFIED and facts.fully_adequate(code, day),
                distinct_places((m.evidence for m in mentions), TRANSFER_EVIDENCE),
            )
        )
    return tuple(found)


@dataclass(frozen=True)
class Traced:
    """The parties, countries and hops of a document, in the order they enter the flow."""

    parties: tuple[Party, ...]
    countries: tuple[Country, ...]
    hops: tuple[Hop, ...]
    recipients: tuple[Recipient, ...]
    transfers: tuple[Transfer, ...]


class _Builder:
    """Adds parties, countries and hops; a party or hop added again keeps its place and takes the
    later values (two table rows for one sub-processor are one party)."""

    def __init__(self, destinations: tuple[Destination, ...], eea: Collection[str]) -> None:
        self.destinations = {d.code: d for d in destinations}
        self.eea = eea
        self.parties: dict[str, Party] = {}
        self.countries: dict[str, Country] = {}
        self.hops: dict[tuple[str, str], Hop] = {}

    def party(self, party: Party) -> None:
        self.parties[party.key] = party

    def country(self, code: str) -> str:
        if code not in self.countries:
            destination = self.destinations.get(code)
            self.countries[code] = Country(code, code in self.eea, bool(destination and destination.adequate))
        return self.countries[code].key

    def hop(
        self,
        source: str,
        target: str,
        kind: HopKind,
        mechanisms: tuple[str, ...] = (),
        mechanisms_from: str = "",
        evidence: tuple[Evidence, ...] = (),
    ) -> None:
        self.hops[(source, target)] = Hop(source, target, kind, mechanisms, mechanisms_from, evidence)

    def reached(self, key: str) -> bool:
        return any(target == key for _, target in self.hops)


def trace(extraction: Extraction, facts: LegalFacts, day: date) -> Traced:
    """The data flow of ``extraction``: customer → vendor → recipients (→ their recipients) → countries."""
    relied = extraction.relied_mechanisms
    recipients = tuple(
        replace(r, mechanisms=tuple(sorted(stated_mechanisms(r.evidence, relied)))) for r in extraction.recipients
    )
    flowdown = {m.value for m in extraction.flowdown}
    stated = destinations(extraction, facts, day)
    build = _Builder(stated, facts.eea_places)
    build.party(Party(CUSTOMER, "Customer (controller)", "controller"))
    build.party(Party(VENDOR, "Vendor", "vendor"))
    build.hop(CUSTOMER, VENDOR, "engages")
    for recipient, parent in zip(recipients, engagers(recipients), strict=True):
        key = party_key(recipient.name)
        if parent == ALL_SUBPROCESSORS_KEY and parent not in build.parties:
            build.party(Party(parent, "Sub-processors (all)", "subprocessor", ""))
            build.hop(VENDOR, parent, "engages")
        build.party(Party(key, recipient.name, recipient.role, recipient.purpose))
        build.hop(parent, key, "engages", evidence=recipient.evidence)
        for code in recipient.locations:
            destination = build.destinations.get(code)
            mechanisms, source = hop_mechanisms(
                recipient.mechanisms, flowdown, destination.mechanisms if destination else None, parent != VENDOR
            )
            build.hop(key, build.country(code), "transfer", mechanisms, source, recipient.evidence)
    for destination in stated:
        node = build.country(destination.code)
        if not build.reached(node):
            build.hop(
                VENDOR,
                node,
                "transfer",
                destination.mechanisms,
                "document" if destination.mechanisms else "",
                destination.evidence,
            )
    hops = tuple(build.hops.values())
    transfers = tuple(
        Transfer(d.code, reaching(hops, d.code, facts, day), d.recipients, d.adequate, d.evidence) for d in stated
    )
    return Traced(tuple(build.parties.values()), tuple(build.countries.values()), hops, recipients, transfers)


def reaching(hops: Iterable[Hop], code: str, facts: LegalFacts, day: date) -> tuple[str, ...]:
    """A destination's mechanisms: those of the hops that reach it which can cover it at all
    (:meth:`~dpcheck.facts.LegalFacts.covers`: no DPF on Switzerland, no adequacy on the US). The
    hops keep every tool stated, so that a path's judgement says why one does not reach."""
    target = f"country:{code}"
    return tuple(sorted({m for h in hops if h.target == target for m in h.mechanisms if facts.covers(m, code, day)}))
