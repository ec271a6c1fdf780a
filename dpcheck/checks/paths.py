"""Every path of personal data from the customer to a third country, judged hop by hop.

A path is covered when its last hop, into the country, rests on something valid on the
day judged: an adequacy decision within its scope (the United States only for recipients
certified under the Data Privacy Framework), or a transfer tool that had been adopted, had
not been invalidated, reaches that country and, for SCCs, is not a repealed version past
its transition. Onward transfers by sub-processors are judged the same way, with only the
tools stated for them or binding all sub-processors.
"""

from __future__ import annotations

from datetime import date

import networkx as nx

from dpcheck.facts import LegalFacts
from dpcheck.graph import CUSTOMER
from dpcheck.models import Evidence, TransferPath
from dpcheck.nlp.gazetteer import UNSPECIFIED

# Paths longer than this (customer, vendor and four tiers of sub-processors) are not followed.
MAX_PARTIES = 6


def judge_paths(graph: nx.DiGraph, facts: LegalFacts, day: date, *, scc_lapsed: bool = False,
                ) -> tuple[TransferPath, ...]:
    """Every path from the customer to a country outside the EEA, covered or not, in a stable order."""
    judged: list[TransferPath] = []
    countries = sorted(n for n, d in graph.nodes(data=True) if d.get("kind") == "country" and not d.get("eea"))
    for node in countries:
        code = graph.nodes[node]["label"]
        for path in sorted(nx.all_simple_paths(graph, CUSTOMER, node, cutoff=MAX_PARTIES)):
            edge = graph.edges[path[-2], path[-1]]
            mechanisms = tuple(edge.get("mechanisms", ()))
            covered, basis, reason = judge_hop(code, mechanisms, facts, day, scc_lapsed=scc_lapsed)
            parties = tuple(graph.nodes[p]["label"] for p in path[:-1])
            evidence = tuple(_evidence(e) for u, v in zip(path, path[1:]) for e in graph.edges[u, v]["evidence"])
            judged.append(TransferPath(parties, code, covered, basis, reason, onward=len(parties) > 3,
                                       mechanisms=mechanisms, evidence=tuple(dict.fromkeys(evidence))))
            edge["covered"], edge["basis"] = covered, basis or reason
    return tuple(judged)


def judge_hop(country: str, mechanisms: tuple[str, ...], facts: LegalFacts, day: date, *,
              scc_lapsed: bool = False) -> tuple[bool, str, str]:
    """(covered, basis, reason) for personal data entering ``country`` under ``mechanisms`` on ``day``."""
    problems: list[str] = []
    decision = facts.decision_on(country, day) if country != UNSPECIFIED else None
    if decision is not None:
        if not decision.covers:
            return True, f"adequacy decision: {decision.decision}", ""
        if decision.covers_vendors:
            return True, f"adequacy decision for {decision.scope}: {decision.decision}", ""
        if "dpf" in mechanisms and not facts.tool_problem("dpf", country, day):
            return True, f"adequacy decision for {decision.scope}: {decision.decision}", ""
        problems.append(f"the adequacy decision covers only {decision.scope}, and no certification is stated")
    for tool in sorted(mechanisms):
        if tool == "adequacy":
            # "Only to countries with an adequacy decision": unnamed destinations, each adequate by the
            # document's own terms (that they are unnamed is a finding of its own).
            if country == UNSPECIFIED:
                return True, "adequacy decisions (for destinations the document does not name)", ""
            problems.append(f"relies on adequacy, but {country} has no adequacy decision")
            continue
        problem = facts.tool_problem(tool, country, day)
        if not problem and tool == "scc" and scc_lapsed:
            problem = "only the repealed SCCs are cited, and their transition period has ended"
        if problem:
            problems.append(problem)
            continue
        name = facts.mechanisms.get(tool, {}).get("name", tool)
        return True, name + (" (exceptional transfers only)" if tool == "derogation" else ""), ""
    if not mechanisms:
        problems.append("no transfer mechanism is stated for this hop")
    return False, "", "; ".join(dict.fromkeys(problems))


def _evidence(raw: dict[str, object]) -> Evidence:
    return Evidence(str(raw["quote"]), int(raw["start"]), int(raw["end"]), raw.get("page"))  # type: ignore[arg-type]
