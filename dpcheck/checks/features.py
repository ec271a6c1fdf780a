"""Document features that rules test: what the text shows, judged against the legal facts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx

from dpcheck.checks.art28 import ELEMENTS, WEAKENINGS, assess
from dpcheck.checks.chain import chain_gaps
from dpcheck.facts import LegalFacts
from dpcheck.checks.paths import judge_paths
from dpcheck.extract import Extraction
from dpcheck.models import Evidence, TransferPath
from dpcheck.nlp.gazetteer import UNSPECIFIED

FEATURE_NAMES = frozenset({
    "doc_type", "transfers_addressed", "destinations", "destination_unspecified", "transfer_disclosed",
    "transfer_needs_tool", "mechanisms", "invalid_mechanisms", "scc_repealed_only", "supplementary_measures",
    "subprocessor_list", "general_authorisation", "specific_authorisation", "subprocessor_notice",
    "subprocessor_objection", "uncovered_paths", "onward_uncovered_paths",
    "adequacy_expiring", "dpf_at_risk", "subprocessor_chain_gaps",
}) | {f"art28_{element}" for element, _ in ELEMENTS} | {f"art28_{name}" for name in WEAKENINGS}
# A path's evidence quotes every hop; a finding shows this many quotes at most.
PATH_EVIDENCE = 12


@dataclass(frozen=True)
class Feature:
    value: Any
    evidence: tuple[Evidence, ...] = ()


def _first(evidence: list[Evidence], limit: int = 3) -> tuple[Evidence, ...]:
    seen: list[Evidence] = []
    for e in evidence:
        if all(e.start != s.start for s in seen):
            seen.append(e)
        if len(seen) == limit:
            break
    return tuple(seen)


def compute_features(extraction: Extraction, facts: LegalFacts, day: date,
                     graph: nx.DiGraph | None = None) -> dict[str, Feature]:
    """Features of one document, judged by the law in force on ``day``; with its data-flow
    ``graph``, also every transfer path (feature ``transfer_paths``, not for rules)."""
    destinations = extraction.destinations
    mechanisms = extraction.relied_mechanisms
    invalid = set(mechanisms) & facts.invalid_on(day)
    needs_tool = {d for d in destinations if d == UNSPECIFIED or not facts.fully_adequate(d, day)}
    kinds = {kind: extraction.of(kind) for kind in (
        "supplementary_measures", "subprocessor_list", "general_authorisation", "specific_authorisation",
        "subprocessor_notice", "subprocessor_objection")}
    scc_versions = [facts.scc_version(m.evidence.quote) for m in mechanisms.get("scc", [])]
    lapsed = [facts.scc_lapsed(v, day) for v in scc_versions if v]
    subprocessors_named = [r for r in extraction.recipients if r.role == "subprocessor"]
    paths = judge_paths(graph, facts, day, scc_lapsed=bool(lapsed) and all(lapsed)) if graph is not None else ()

    def ev(items: list[Any]) -> tuple[Evidence, ...]:
        flat: list[Evidence] = []
        for item in items:
            flat.extend(item.evidence if isinstance(item.evidence, tuple) else (item.evidence,))
        return _first(flat)

    art28 = assess(extraction, facts)
    checklist = {f"art28_{i.element}": Feature(i.status, i.evidence) for i in art28.items}
    weakenings = {f"art28_{name}": Feature(art28.weakened[name], art28.evidence[name]) for name in WEAKENINGS}
    return checklist | weakenings | {
        "doc_type": Feature(extraction.doc_type),
        "transfers_addressed": Feature(bool(extraction.transfers_addressed or destinations or mechanisms),
                                       _first(extraction.transfers_addressed)),
        "destinations": Feature(set(destinations), ev([m for ms in destinations.values() for m in ms])),
        "destination_unspecified": Feature(UNSPECIFIED in destinations, ev(destinations.get(UNSPECIFIED, []))),
        "transfer_disclosed": Feature(bool(destinations), ev([m for ms in destinations.values() for m in ms])),
        "transfer_needs_tool": Feature(bool(needs_tool), ev([m for d in sorted(needs_tool) for m in destinations[d]])),
        "mechanisms": Feature(set(mechanisms), ev([m for ms in mechanisms.values() for m in ms])),
        "invalid_mechanisms": Feature(invalid, ev([m for k in sorted(invalid) for m in mechanisms[k]])),
        "scc_repealed_only": Feature(bool(lapsed) and all(lapsed), ev(mechanisms.get("scc", []))),
        "supplementary_measures": Feature(bool(kinds["supplementary_measures"]), ev(kinds["supplementary_measures"])),
        "subprocessor_list": Feature(bool(kinds["subprocessor_list"] or subprocessors_named),
                                     ev(kinds["subprocessor_list"] + subprocessors_named)),
        "general_authorisation": Feature(bool(kinds["general_authorisation"]), ev(kinds["general_authorisation"])),
        "specific_authorisation": Feature(bool(kinds["specific_authorisation"]), ev(kinds["specific_authorisation"])),
        "subprocessor_notice": Feature(bool(kinds["subprocessor_notice"]), ev(kinds["subprocessor_notice"])),
        "subprocessor_objection": Feature(bool(kinds["subprocessor_objection"]), ev(kinds["subprocessor_objection"])),
        "uncovered_paths": _paths(p for p in paths if not p.covered and not p.onward),
        "onward_uncovered_paths": _paths(p for p in paths if not p.covered and p.onward),
        "transfer_paths": Feature(paths),
        "adequacy_expiring": _expiring(destinations, facts, day),
        "dpf_at_risk": _dpf_at_risk(mechanisms, facts, day),
        "subprocessor_chain_gaps": _chain(extraction),
    }


def _paths(paths: Iterable[TransferPath]) -> Feature:
    """The paths written out with why each is not covered, and every hop's evidence."""
    chosen = list(paths)
    evidence = tuple(dict.fromkeys(e for p in chosen for e in p.evidence))[:PATH_EVIDENCE]
    return Feature({f"{p.render()} ({p.reason})" for p in chosen}, evidence)


def _expiring(destinations: dict[str, list[Any]], facts: LegalFacts, day: date) -> Feature:
    """Destinations whose adequacy decision, as the law stands on ``day``, expires soon."""
    notes, evidence = set(), []
    for country, mentions in sorted(destinations.items()):
        if (decision := facts.expiring(country, day)) and (term := decision.term_on(day)):
            notes.add(f"{country}: {decision.decision}, in force until {term.expires} ({term.instrument})")
            evidence.extend(m.evidence for m in mentions)
    return Feature(notes, _first(evidence))


def _dpf_at_risk(mechanisms: dict[str, list[Any]], facts: LegalFacts, day: date) -> Feature:
    """Court challenges pending on ``day`` against the DPF, when the document relies on it with no
    fallback tool (``fallbacks`` in rules/facts/mechanisms.yml) and it was in force."""
    if "dpf" not in mechanisms or facts.fallbacks("dpf") & set(mechanisms) or not facts.tool_in_force("dpf", day):
        return Feature(set())
    pending = {f"{c.case} ({c.court}, pending since {c.lodged})" for c in facts.challenges_pending("dpf", day)}
    return Feature(pending, _first([m.evidence for m in mechanisms["dpf"]]) if pending else ())


def _chain(extraction: Extraction) -> Feature:
    gaps = chain_gaps(extraction)
    return Feature(set(gaps), _first([e for evidence in gaps.values() for e in evidence]))
