"""Features of a dossier that the rules of ``rules/vendor/`` test: where two documents of one vendor
contradict each other, and what the dossier lacks.

Each document is read here as it stands alone (its own report), so that a contradiction quotes
what each document says. A feature's value is the set of contradictions found (each in words,
for the message), its ``sides`` the documents' quotes. To add one, register a function with
``@feature("name")`` as in :mod:`dpcheck.checks.features`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from itertools import combinations
from typing import Any

from dpcheck.changes.snapshot import recipient_key, same_recipient
from dpcheck.checks.features import Feature, FeatureRegistry
from dpcheck.facts import LegalFacts
from dpcheck.models import (
    EEA_REGION,
    LOCATION_COMMITMENT,
    UNSPECIFIED,
    Evidence,
    Mention,
    Recipient,
    Transfer,
    legal_forms,
)
from dpcheck.vendor.model import Side, VendorDocument

# Roles on the agreement's side of a dossier: what binds the vendor as processor.
AGREEMENT_ROLES = ("dpa", "addendum")
# Quotes a side shows at most.
SIDE_QUOTES = 3


@dataclass(frozen=True)
class VendorFeature(Feature):
    """A feature of a dossier: its value, and the documents' sides that show it."""

    sides: tuple[Side, ...] = ()


@dataclass(frozen=True)
class Dossier:
    """What the features of one dossier read: its documents (each with its own report), the legal
    facts and the day judged, and the words of rules/lexicon/words.yml they need."""

    documents: tuple[VendorDocument, ...]
    facts: LegalFacts
    day: date
    words: dict[str, Any]

    @cached_property
    def current(self) -> tuple[VendorDocument, ...]:
        """The current documents that could be read."""
        return tuple(d for d in self.documents if d.current and d.report.ok)

    @cached_property
    def agreement_side(self) -> tuple[VendorDocument, ...]:
        return tuple(d for d in self.current if d.role in AGREEMENT_ROLES)

    @cached_property
    def legal_forms(self) -> frozenset[str]:
        """The legal forms a recipient's key leaves out."""
        return legal_forms(self.words)

    @cached_property
    def eea(self) -> frozenset[str]:
        return self.facts.eea_places

    @cached_property
    def company(self) -> re.Pattern[str]:
        """A company's name in running text: capitalised words closed by a legal form ("Ferncloud Inc.")."""
        forms = sorted((re.escape(str(w)) for w in self.words["legal_forms"]), key=len, reverse=True)
        return re.compile(
            r"(?<![\w.])([A-Z][\w&'’-]*\.?(?:\s+[A-Z0-9][\w&'’-]*\.?){0,5}?),?\s+(?i:" + "|".join(forms) + r")\.?(?!\w)"
        )

    def companies(self, text: str) -> list[str]:
        """The companies a sentence names, as written, without a leading article ("Die Ferncloud Inc.")."""
        skip = {str(w) for w in self.words["not_names"]}
        names = []
        for found in self.company.finditer(text):
            words = found.group(1).split()
            while len(words) > 1 and words[0].lower() in skip:
                words.pop(0)
            names.append(" ".join([*words, text[found.end(1) : found.end()].strip(" ,")]))
        return names

    def certified(self, text: str) -> bool:
        """The sentence says someone is certified (or participates) under a framework."""
        return _says(text, self.words["certification"])

    def of_group(self, text: str) -> bool:
        """The sentence presents a company as one of the vendor's group (its parent, an affiliate)."""
        return _says(text, self.words["group_company"])


def _says(text: str, beginnings: Iterable[object]) -> bool:
    """Some word (or two words) of ``text`` begins with one of ``beginnings``."""
    stems = tuple(str(w) for w in beginnings)
    words = re.findall(r"[\w-]+", text.lower())
    return any(w.startswith(stems) for w in (*words, *(f"{a} {b}" for a, b in zip(words, words[1:]))))


VENDOR_FEATURES: FeatureRegistry[Dossier] = FeatureRegistry()
feature = VENDOR_FEATURES.feature


def _side(doc: VendorDocument, says: str, evidence: Iterable[Evidence]) -> Side:
    return Side(doc.path, doc.role, says, tuple(dict.fromkeys(evidence))[:SIDE_QUOTES])


def _third_countries(doc: VendorDocument, eea: frozenset[str]) -> list[Transfer]:
    """The named countries outside the EEA a document sends data to."""
    return [t for t in doc.report.transfers if t.destination not in eea | {EEA_REGION, UNSPECIFIED}]


def _allowed(commitment: Mention, eea: frozenset[str]) -> frozenset[str]:
    places = set(commitment.detail.split())
    return frozenset(places - {EEA_REGION}) | (eea if EEA_REGION in places else frozenset())


def _commitments(dossier: Dossier, scope: str) -> Iterator[tuple[VendorDocument, Mention]]:
    """The first commitment of each agreement document to keep data (of ``scope``) in the EEA."""
    for doc in dossier.agreement_side:
        found = [m for m in doc.report.mentions if m.kind == LOCATION_COMMITMENT and m.value == scope]
        if found:
            yield doc, found[0]


def _places(codes: Iterable[str]) -> str:
    return ", ".join(sorted(set(codes)))


def _kept_in(allowed: frozenset[str], eea: frozenset[str]) -> str:
    others = sorted(allowed - eea)
    return "the EEA" + (f" and {', '.join(others)}" if others else "")


@feature("eea_only_contradicted")
def _eea_only(dossier: Dossier) -> dict[str, Feature]:
    """A DPA keeps the vendor's processing in the EEA; another document sends data to a third country."""
    found: set[str] = set()
    sides: list[Side] = []
    for dpa, commitment in _commitments(dossier, "processing"):
        allowed = _allowed(commitment, dossier.eea)
        for other in dossier.current:
            outside = [t for t in _third_countries(other, dossier.eea) if t.destination not in allowed]
            if other is dpa or not outside:
                continue
            codes = _places(t.destination for t in outside)
            found.add(f"{other.path} ({other.role}) sends data to {codes}")
            sides += [
                _side(dpa, f"keeps personal data in {_kept_in(allowed, dossier.eea)}", [commitment.evidence]),
                _side(other, f"sends personal data to {codes}", (t.evidence[0] for t in outside if t.evidence)),
            ]
    return {"eea_only_contradicted": VendorFeature(found, sides=tuple(dict.fromkeys(sides)))}


def _outside(recipients: Iterable[Recipient], allowed: frozenset[str]) -> list[Recipient]:
    return [r for r in recipients if r.role != "vendor" and set(r.locations) - allowed - {EEA_REGION, UNSPECIFIED}]


@feature("subprocessor_location_contradicted")
def _location_ban(dossier: Dossier) -> dict[str, Feature]:
    """A DPA allows sub-processors only in the EEA (and named countries); a list or policy places one elsewhere."""
    found: set[str] = set()
    sides: list[Side] = []
    for dpa, ban in _commitments(dossier, "subprocessors"):
        allowed = _allowed(ban, dossier.eea)
        for other in dossier.current:
            if other is dpa:
                continue
            named = _outside(other.report.recipients, allowed)
            placed = {c for r in named for c in r.locations}
            # A country the document sends data to without naming who holds it there: someone does.
            unnamed = [
                t
                for t in _third_countries(other, dossier.eea)
                if t.destination not in allowed and t.destination not in placed
            ]
            if not named and not unnamed:
                continue
            described = [f"{r.name} ({_places(set(r.locations) - allowed)})" for r in named]
            described += [f"recipients in {t.destination}" for t in unnamed]
            found.add(f"{other.path} ({other.role}): {'; '.join(described)}")
            evidence = [e for r in named for e in r.evidence[:1]] + [t.evidence[0] for t in unnamed if t.evidence]
            sides += [
                _side(dpa, f"allows sub-processors only in {_kept_in(allowed, dossier.eea)}", [ban.evidence]),
                _side(other, "places recipients of the data elsewhere: " + "; ".join(described), evidence),
            ]
    return {"subprocessor_location_contradicted": VendorFeature(found, sides=tuple(dict.fromkeys(sides)))}


def _tools(transfer: Transfer) -> frozenset[str]:
    return frozenset(transfer.mechanisms)


@feature("mechanism_mismatch")
def _mechanism_mismatch(dossier: Dossier) -> dict[str, Feature]:
    """Two documents name different tools for one third country without adequacy, with none in common;
    or one relies on a tool the other says is no longer used."""
    found: set[str] = set()
    sides: list[Side] = []
    for a, b in combinations(dossier.current, 2):
        theirs = {t.destination: t for t in _third_countries(b, dossier.eea)}
        for mine in _third_countries(a, dossier.eea):
            other = theirs.get(mine.destination)
            if other is None or mine.adequate or not _tools(mine) or not _tools(other) or _tools(mine) & _tools(other):
                continue
            found.add(
                f"{mine.destination}: {a.path} names {_places(mine.mechanisms)}, "
                f"{b.path} names {_places(other.mechanisms)}"
            )
            sides += [
                _side(a, f"transfers to {mine.destination} rest on {_places(mine.mechanisms)}", mine.evidence),
                _side(b, f"transfers to {mine.destination} rest on {_places(other.mechanisms)}", other.evidence),
            ]
        for relying, disavowing in ((a, b), (b, a)):
            for tool in relying.report.mechanisms:
                dropped = [
                    m
                    for m in disavowing.report.mentions
                    if m.kind == "mechanism" and m.value == tool and m.detail == "disavowed"
                ]
                relied = [
                    m for m in relying.report.mentions if m.kind == "mechanism" and m.value == tool and m.relied_upon
                ]
                if dropped and relied:
                    found.add(f"{relying.path} relies on {tool}, which {disavowing.path} says is no longer used")
                    sides += [
                        _side(relying, f"relies on {tool}", (m.evidence for m in relied)),
                        _side(disavowing, f"says {tool} is no longer relied on", (m.evidence for m in dropped)),
                    ]
    return {"mechanism_mismatch": VendorFeature(found, sides=tuple(dict.fromkeys(sides)))}


@feature("dpf_entity_mismatch")
def _dpf_entity(dossier: Dossier) -> dict[str, Feature]:
    """The documents rely on the DPF certification of a company of the vendor's group (its US parent,
    an affiliate), and on the DPF alone (no fallback tool) for a US recipient that is another company.
    (A vendor that is itself the certified importer passes data on to its US sub-processors as onward
    transfers, which its certification governs.)"""
    certified: dict[str, tuple[str, VendorDocument, Mention]] = {}
    for doc in dossier.current:
        for m in doc.report.mentions:
            quote = m.evidence.quote
            if (
                m.kind == "mechanism"
                and m.value == "dpf"
                and m.relied_upon
                and dossier.certified(quote)
                and dossier.of_group(quote)
            ):
                for name in dossier.companies(quote):
                    certified.setdefault(recipient_key(name, dossier.legal_forms), (name, doc, m))
    found: set[str] = set()
    sides: list[Side] = []
    if certified:
        fallbacks = dossier.facts.fallbacks("dpf")
        for doc in dossier.current:
            us_tools = {t.destination: _tools(t) for t in doc.report.transfers}.get("US", frozenset())
            for r in doc.report.recipients:
                key = recipient_key(r.name, dossier.legal_forms)
                # The recipient's own tools, else the document's for the US; a fallback (SCCs, BCRs) covers it anyway.
                tools = frozenset(r.mechanisms) or us_tools
                relies = "dpf" in tools and not tools & fallbacks
                if "US" not in r.locations or not relies or not key or any(same_recipient(key, c) for c in certified):
                    continue
                _, holder, mention = next(iter(certified.values()))
                names = ", ".join(sorted(name for name, _, _ in certified.values()))
                found.add(f"{r.name} ({doc.path}) is not the certified {names}")
                sides += [
                    _side(holder, f"names the DPF-certified company: {names}", [mention.evidence]),
                    _side(doc, f"relies on the DPF for {r.name} in the United States", r.evidence),
                ]
    return {"dpf_entity_mismatch": VendorFeature(found, sides=tuple(dict.fromkeys(sides)))}


def _periods(doc: VendorDocument) -> tuple[dict[int, list[Evidence]], dict[int, list[Evidence]]]:
    """Notice periods of sub-processor changes and objection windows a document states, by days
    (the extraction gives each mention's period as its detail)."""
    found: tuple[dict[int, list[Evidence]], dict[int, list[Evidence]]] = ({}, {})
    for m in doc.report.mentions:
        if m.kind in ("subprocessor_notice", "subprocessor_objection") and m.detail.isdigit():
            found[m.kind == "subprocessor_objection"].setdefault(int(m.detail), []).append(m.evidence)
    return found


@feature("subprocessor_terms_differ")
def _terms_differ(dossier: Dossier) -> dict[str, Feature]:
    """The DPA and the sub-processor list page state different notice periods or objection windows."""
    found: set[str] = set()
    sides: list[Side] = []
    lists = [d for d in dossier.current if d.role == "subprocessor_list"]
    for dpa in dossier.agreement_side:
        for page in lists:
            for what, mine, theirs in zip(
                ("notice of changes", "time to object"), _periods(dpa), _periods(page), strict=True
            ):
                if mine and theirs and min(mine) != min(theirs):
                    found.add(f"{what}: {min(mine)} days in {dpa.path}, {min(theirs)} days in {page.path}")
                    sides += [
                        _side(dpa, f"{what}: {min(mine)} days", mine[min(mine)]),
                        _side(page, f"{what}: {min(theirs)} days", theirs[min(theirs)]),
                    ]
    return {"subprocessor_terms_differ": VendorFeature(found, sides=tuple(dict.fromkeys(sides)))}


@feature("dpa_missing")
def _dpa_missing(dossier: Dossier) -> dict[str, Feature]:
    """No DPA among the dossier's documents (an addendum alone amends an agreement the dossier lacks),
    though some could be read."""
    missing = bool(dossier.current) and not any(d.current and d.role == "dpa" for d in dossier.documents)
    sides = tuple(_side(d, f"is a {d.role.replace('_', ' ')}", ()) for d in dossier.current) if missing else ()
    return {"dpa_missing": VendorFeature(missing, sides=sides)}


VENDOR_FEATURE_NAMES = VENDOR_FEATURES.names
