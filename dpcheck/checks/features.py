"""Document features that rules test: what the text shows and where its data flows, judged against
the legal facts.

Features are computed by functions registered with ``@feature(name, ...)`` (one function may
compute several alike); :data:`FEATURE_NAMES` are the names a rule's ``when``, ``evidence`` and
message may use. To add one: write ``@feature("my_feature") def _mine(doc: Inputs) ->
dict[str, Feature]`` below (returning ``{"my_feature": Feature(value, evidence)}``), then use it
in a rule file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from dpcheck.checks.art28 import ELEMENTS, WEAKENINGS, Assessment, assess
from dpcheck.checks.chain import chain_gaps
from dpcheck.facts import LegalFacts
from dpcheck.models import (
    ALL_SUBPROCESSORS,
    CHANGES_SUBPROCESSORS,
    DEFINITION,
    HEADER_ROW_BASIS,
    LATE_NOTICE,
    LIST_ABSENT,
    LISTED_IN_USE,
    OBJECTION_DENIED,
    OBJECTION_VOID,
    TAKEN_BACK,
    UNSPECIFIED,
    DataFlow,
    Evidence,
    Mention,
    Recipient,
    denied_tool,
    distinct_places,
)

if TYPE_CHECKING:
    from dpcheck.extract import Extraction

# A path's evidence quotes every hop; a finding shows this many quotes at most.
PATH_EVIDENCE = 12
# Other features quote this many places at most.
EVIDENCE = 3
# Mention kinds that are features of their own: present or not, with their evidence.
TERMS = (
    "supplementary_measures",
    "general_authorisation",
    "specific_authorisation",
    "subprocessor_notice",
    "subprocessor_objection",
)

In = TypeVar("In")


@dataclass(frozen=True)
class Feature:
    """A feature's value and its evidence; ``by_value``: the evidence of each member of a set value
    (a rule testing for some members quotes theirs, see :meth:`~dpcheck.checks.rules.Rule.finding`)."""

    value: Any
    evidence: tuple[Evidence, ...] = ()
    by_value: dict[str, tuple[Evidence, ...]] = field(default_factory=dict)


class FeatureRegistry(Generic[In]):
    """Features by name; one function computes one or several of them from the same inputs."""

    def __init__(self) -> None:
        self._compute: dict[tuple[str, ...], Callable[[In], dict[str, Feature]]] = {}

    def feature(
        self, *names: str
    ) -> Callable[[Callable[[In], dict[str, Feature]]], Callable[[In], dict[str, Feature]]]:
        """Register the decorated function as computing the features ``names`` (a dict by name)."""
        taken = set(names) & self.names
        if taken or len(set(names)) != len(names):
            raise ValueError(f"feature registered twice: {', '.join(sorted(taken) or names)}")

        def register(compute: Callable[[In], dict[str, Feature]]) -> Callable[[In], dict[str, Feature]]:
            self._compute[names] = compute
            return compute

        return register

    @property
    def names(self) -> frozenset[str]:
        return frozenset(name for names in self._compute for name in names)

    def compute(self, inputs: In) -> dict[str, Feature]:
        out: dict[str, Feature] = {}
        for names, compute in self._compute.items():
            found = compute(inputs)
            if set(found) != set(names):
                raise ValueError(f"{compute.__name__} computed {sorted(found)}, registered as {sorted(names)}")
            out.update(found)
        return out


@dataclass(frozen=True)
class Inputs:
    """What the features of one document read, judged by the law in force on ``day``."""

    extraction: Extraction
    flow: DataFlow
    facts: LegalFacts
    day: date

    @cached_property
    def art28(self) -> Assessment:
        """The Art. 28 checklist (meaningful for DPAs; the rules check the document type)."""
        return assess(self.extraction, self.facts)

    @cached_property
    def needs_tool(self) -> list[str]:
        """Destinations that need a transfer tool: not fully adequate, or left open."""
        return sorted(t.destination for t in self.flow.transfers if not t.adequate)


FEATURES: FeatureRegistry[Inputs] = FeatureRegistry()
feature = FEATURES.feature


def ev(items: Iterable[Mention | Recipient]) -> tuple[Evidence, ...]:
    """The first places the mentions or recipients quote."""
    flat: list[Evidence] = []
    for item in items:
        flat.extend(item.evidence if isinstance(item.evidence, tuple) else (item.evidence,))
    return distinct_places(flat, EVIDENCE)


@feature("doc_type", "transfers_addressed", "unnamed_basis", "tools_denied")
def _document(doc: Inputs) -> dict[str, Feature]:
    x = doc.extraction
    addressed = bool(x.transfers_addressed or x.destinations or x.relied_mechanisms)
    refused = [m for m in x.of("mechanism") if denied_tool(m)]
    return {
        "doc_type": Feature(x.doc_type),
        "transfers_addressed": Feature(addressed, distinct_places(x.transfers_addressed, EVIDENCE)),
        # One sentence is enough to show that the basis goes unnamed; the quotes after it show where data goes. A table's
        # header row ("... | Safeguard") only names the column: the rows under it show what the column holds.
        "unnamed_basis": Feature(
            bool(x.unnamed_basis), distinct_places((e for e in x.unnamed_basis if e.reason != HEADER_ROW_BASIS), 1)
        ),
        # The tools the text names only to deny them ("SCCs are not concluded"): where it says what the transfer
        # does not rest on.
        "tools_denied": Feature(bool(refused), ev(refused)),
    }


@feature("supplements_dpa", "amends")
def _amendment(doc: Inputs) -> dict[str, Feature]:
    """The agreement the document says it belongs to, and whether that is a DPA: its Art. 28 terms are
    then left to that agreement, which must be read with the document."""
    amends = doc.extraction.amends
    evidence = (amends.evidence,) if amends is not None else ()
    return {
        "supplements_dpa": Feature(doc.extraction.supplements_dpa, evidence),
        "amends": Feature(amends.value if amends is not None else "", evidence),
    }


@feature("destinations", "destination_unspecified", "transfer_disclosed", "transfer_needs_tool")
def _destinations(doc: Inputs) -> dict[str, Feature]:
    found = doc.extraction.destinations
    named = ev(doc.extraction.in_order(m for ms in found.values() for m in ms))
    return {
        "destinations": Feature(set(found), named),
        "destination_unspecified": Feature(UNSPECIFIED in found, ev(found.get(UNSPECIFIED, []))),
        "transfer_disclosed": Feature(bool(found), named),
        "transfer_needs_tool": Feature(
            bool(doc.needs_tool), ev(doc.extraction.in_order(m for d in doc.needs_tool for m in found[d]))
        ),
    }


@feature("mechanisms", "invalid_mechanisms", "scc_repealed_only")
def _mechanisms(doc: Inputs) -> dict[str, Feature]:
    relied = doc.extraction.relied_mechanisms
    invalid = set(relied) & doc.facts.invalid_on(doc.day)
    scc = relied.get("scc", [])
    # Whether only repealed SCCs are relied on is decided by the sentences that cite a version.
    cited = [m for m in scc if doc.facts.scc_version(m.evidence.quote)]
    return {
        "mechanisms": Feature(
            set(relied),
            ev(doc.extraction.in_order(m for ms in relied.values() for m in ms)),
            {tool: ev(found) for tool, found in relied.items()},
        ),
        "invalid_mechanisms": Feature(invalid, ev(doc.extraction.in_order(m for k in invalid for m in relied[k]))),
        "scc_repealed_only": Feature(
            doc.facts.only_lapsed_scc((m.evidence.quote for m in scc), doc.day),
            ev(cited + [m for m in scc if m not in cited]),
        ),
    }


@feature("subprocessor_list", "subprocessor_objection_gap", *TERMS)
def _terms(doc: Inputs) -> dict[str, Feature]:
    """Contract terms found or not; a list of sub-processors is also shown by naming them. The unnamed onward
    recipients of sub-processors in general ("sub-processors may process data in any country") name nobody."""
    listed = doc.extraction.of("subprocessor_list") + [
        r for r in doc.flow.recipients if r.role == "subprocessor" and r.engaged_by != ALL_SUBPROCESSORS
    ]
    terms = {kind: doc.extraction.of(kind) for kind in TERMS}
    # Notice given for some changes only ("the replacement of a sub-processor") while others come at any time is no
    # prior notice of new sub-processors: the clause that lets them come is the evidence.
    # With no list, the clauses naming sub-processors by kind only, or promising their list for later, show it missing.
    features = {"subprocessor_list": Feature(bool(listed), ev(listed or doc.extraction.of(LIST_ABSENT)))} | {
        kind: Feature(bool(found), ev(found)) for kind, found in terms.items()
    }
    if unannounced := doc.extraction.of("subprocessor_unannounced"):
        features["subprocessor_notice"] = Feature(False, ev(unannounced))
    # Notice only after the change or where practicable, and none given in advance: that clause shows the gap.
    elif not terms["subprocessor_notice"] and (late := doc.extraction.of(LATE_NOTICE)):
        features["subprocessor_notice"] = Feature(False, ev(late))
    # No notice at all, and a clause lets the list change at the processor's will ("may add or replace sub-processors
    # by updating the list"): where notice of the change belongs, so it shows the gap. A definition ("'Sub-processor
    # Page' means ..., as updated from time to time") only says what a word means: no place for a notice.
    elif not terms["subprocessor_notice"] and (
        changing := [m for m in doc.extraction.of(CHANGES_SUBPROCESSORS) if m.detail != DEFINITION]
    ):
        features["subprocessor_notice"] = Feature(False, ev(changing))
    # An objection the DPA leaves without effect is no opportunity to object (Art. 28(2)), however another clause words it;
    # nor is one a sentence of its own takes back whole ("The Customer waives any right to object.").
    taken_back = [m for m in doc.extraction.of(OBJECTION_DENIED) if m.detail == TAKEN_BACK]
    if void := doc.extraction.of(OBJECTION_VOID):
        features["subprocessor_objection"] = Feature(False, ev(void))
    elif taken_back:
        features["subprocessor_objection"] = Feature(False, ev(taken_back))
    # The clauses that take the right to object away or leave it without effect: where its absence shows.
    gap = doc.extraction.in_order([*void, *doc.extraction.of(OBJECTION_DENIED)])
    features["subprocessor_objection_gap"] = Feature(bool(gap), ev(gap))
    # Notice of intended changes is what Art. 28(2) asks under a general authorisation: a DPA that promises it and
    # authorises nothing specifically authorises its sub-processors in general.
    if not terms["general_authorisation"] and not terms["specific_authorisation"] and terms["subprocessor_notice"]:
        features["general_authorisation"] = Feature(True, ev(terms["subprocessor_notice"]))
    # The sub-processors the contract lists as in use are authorised one by one where no clause speaks of changing them
    # (notice of new ones, at any time or only once they work, an objection to them, or a list that may be amended);
    # where one does, the list is the general authorisation's starting point.
    elif not terms["general_authorisation"] and (in_use := doc.extraction.of(LISTED_IN_USE)):
        changes = (
            terms["subprocessor_notice"]
            or terms["subprocessor_objection"]
            or gap
            or unannounced
            or doc.extraction.of(CHANGES_SUBPROCESSORS)
        )
        if changes:
            features["general_authorisation"] = Feature(True, ev(in_use))
        else:
            features["specific_authorisation"] = Feature(True, ev(terms["specific_authorisation"] + in_use))
    return features


@feature("uncovered_paths", "onward_uncovered_paths", "uncovered_countries", "onward_uncovered_countries")
def _uncovered_paths(doc: Inputs) -> dict[str, Feature]:
    """The paths not covered (each says why) with every hop's evidence, and the countries they reach;
    the vendor's own and onward ones apart."""
    out = {}
    for name, onward in (("uncovered", False), ("onward_uncovered", True)):
        chosen = [p for p in doc.flow.paths if not p.covered and p.onward is onward]
        evidence = distinct_places((e for p in chosen for e in p.evidence), PATH_EVIDENCE)
        out[f"{name}_paths"] = Feature(frozenset(chosen), evidence)
        out[f"{name}_countries"] = Feature({p.country for p in chosen}, evidence)
    return out


@feature(*(f"art28_{element}" for element, _ in ELEMENTS), *(f"art28_{name}" for name in WEAKENINGS))
def _art28(doc: Inputs) -> dict[str, Feature]:
    """Each element of the Art. 28 checklist (its status) and each weakening (found or not)."""
    checklist = {f"art28_{i.element}": Feature(i.status, i.evidence) for i in doc.art28.items}
    return checklist | {
        f"art28_{name}": Feature(doc.art28.weakened[name], doc.art28.evidence[name]) for name in WEAKENINGS
    }


@feature("adequacy_expiring")
def _adequacy_expiring(doc: Inputs) -> dict[str, Feature]:
    """Destinations whose adequacy decision, as the law stands on the day judged, expires soon."""
    notes: set[str] = set()
    evidence: list[Evidence] = []
    for country, mentions in sorted(doc.extraction.destinations.items()):
        if (decision := doc.facts.expiring(country, doc.day)) and (term := decision.term_on(doc.day)):
            notes.add(f"{country}: {decision.decision}, in force until {term.expires} ({term.instrument})")
            evidence.extend(m.evidence for m in mentions)
    return {"adequacy_expiring": Feature(notes, distinct_places(evidence, EVIDENCE))}


@feature("dpf_at_risk")
def _dpf_at_risk(doc: Inputs) -> dict[str, Feature]:
    """Court challenges pending against the DPF, when the document relies on it with no fallback tool
    (``fallbacks`` in rules/facts/mechanisms.yml) and it was in force."""
    relied, facts = doc.extraction.relied_mechanisms, doc.facts
    if "dpf" not in relied or facts.fallbacks("dpf") & set(relied) or not facts.tool_in_force("dpf", doc.day):
        return {"dpf_at_risk": Feature(set())}
    pending = {f"{c.case} ({c.court}, pending since {c.lodged})" for c in facts.challenges_pending("dpf", doc.day)}
    return {"dpf_at_risk": Feature(pending, ev(relied["dpf"]) if pending else ())}


@feature("subprocessor_chain_gaps")
def _chain(doc: Inputs) -> dict[str, Feature]:
    """What the document leaves out of the identity of the sub-processor chain (EDPB Opinion 22/2024)."""
    gaps = chain_gaps(doc.extraction)
    return {
        "subprocessor_chain_gaps": Feature(
            set(gaps), distinct_places([e for evidence in gaps.values() for e in evidence], EVIDENCE)
        )
    }


FEATURE_NAMES = FEATURES.names
