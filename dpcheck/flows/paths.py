"""Every path of personal data from the customer to a third country, judged hop by hop.

A path is covered when its last hop, into the country, rests on something valid on the
day judged (if the hop also names an invalidated tool, the covered path's ``reason`` says so): an adequacy decision within its scope (the United States only for recipients
certified under the Data Privacy Framework), or a transfer tool that had been adopted, had
not been invalidated, reaches that country and, for SCCs, is not a repealed version past
its transition. Onward transfers by sub-processors are judged the same way, with only the
tools stated for them or binding all sub-processors (see :mod:`dpcheck.flows.hops`).

Pure: the hops come in, judged hops and paths go out; a path's evidence is every hop's
evidence, each place quoted once, kept whole (section and reason included).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dpcheck.facts import LegalFacts
from dpcheck.flows.hops import CUSTOMER
from dpcheck.models import UNSPECIFIED, Country, Hop, Judgement, Party, TransferPath, distinct_places

# Paths longer than this (customer, vendor and four tiers of sub-processors) are not followed.
MAX_PARTIES = 6


def judge_paths(
    parties: tuple[Party, ...],
    countries: tuple[Country, ...],
    hops: tuple[Hop, ...],
    facts: LegalFacts,
    day: date,
    *,
    scc_lapsed: bool = False,
) -> tuple[tuple[Hop, ...], tuple[TransferPath, ...]]:
    """``hops`` with the judgement of each last hop into a third country, and every path from the
    customer to a country outside the EEA, covered or not, in a stable order."""
    # Imported here, not with the module: a run that reads no document would pay for it at start-up.
    import networkx as nx

    labels = {p.key: p.label for p in parties}
    by_pair = {(h.source, h.target): h for h in hops}
    judged: dict[tuple[str, str], Judgement] = {}
    paths: list[TransferPath] = []
    routes = nx.DiGraph(list(by_pair))
    for country in sorted((c for c in countries if not c.eea), key=lambda c: c.key):
        for route in sorted(nx.all_simple_paths(routes, CUSTOMER, country.key, cutoff=MAX_PARTIES)):
            last = by_pair[route[-2], route[-1]]
            judgement = judged.setdefault(
                (last.source, last.target), judge_hop(country.code, last.mechanisms, facts, day, scc_lapsed=scc_lapsed)
            )
            parties_on = tuple(labels[key] for key in route[:-1])
            evidence = distinct_places(e for u, v in zip(route, route[1:]) for e in by_pair[u, v].evidence)
            paths.append(
                TransferPath(
                    parties_on,
                    country.code,
                    judgement.covered,
                    judgement.basis,
                    judgement.reason,
                    onward=len(parties_on) > 3,
                    evidence=evidence,
                    mechanisms=tuple(m for m in last.mechanisms if facts.covers(m, country.code, day)),
                )
            )
    hops = tuple(
        replace(h, judgement=judged[h.source, h.target]) if (h.source, h.target) in judged else h for h in hops
    )
    return hops, tuple(paths)


def judge_hop(
    country: str, mechanisms: tuple[str, ...], facts: LegalFacts, day: date, *, scc_lapsed: bool = False
) -> Judgement:
    """Whether personal data entering ``country`` under ``mechanisms`` on ``day`` is covered, on what basis or why not."""
    problems: list[str] = []
    decision = facts.decision_on(country, day) if country != UNSPECIFIED else None
    if decision is not None:
        if not decision.covers:
            return Judgement(True, f"adequacy decision: {decision.decision}", "")
        if decision.covers_vendors:
            return Judgement(True, f"adequacy decision for {decision.scope}: {decision.decision}", "")
        if "dpf" in mechanisms and not facts.tool_problem("dpf", country, day):
            return Judgement(
                True,
                f"adequacy decision for {decision.scope}: {decision.decision}",
                _invalid_beside("dpf", mechanisms, facts, day),
            )
        problems.append(f"the adequacy decision covers only {decision.scope}, and no certification is stated")
    for tool in sorted(mechanisms):
        if tool == "adequacy":
            # "Only to countries with an adequacy decision": unnamed destinations, each adequate by the
            # document's own terms (that they are unnamed is a finding of its own). A country whose
            # decision has a scope the vendor is not shown to be within already has its problem said.
            if facts.covers(tool, country, day):
                return Judgement(True, "adequacy decisions (for destinations the document does not name)", "")
            if decision is None:
                problems.append(f"relies on adequacy, but {country} has no adequacy decision in force")
            continue
        problem = facts.tool_problem(tool, country, day)
        if not problem and tool == "scc" and scc_lapsed:
            problem = "only the repealed SCCs are cited, and their transition period has ended"
        if problem:
            problems.append(problem)
            continue
        name = facts.mechanisms.get(tool, {}).get("name", tool)
        return Judgement(
            True,
            name + (" (exceptional transfers only)" if tool == "derogation" else ""),
            _invalid_beside(tool, mechanisms, facts, day),
        )
    if not mechanisms:
        problems.append("no transfer mechanism is stated for this hop")
    return Judgement(False, "", "; ".join(dict.fromkeys(problems)))


def _invalid_beside(basis: str, mechanisms: tuple[str, ...], facts: LegalFacts, day: date) -> str:
    """A covered hop that also names an invalidated tool ("BCRs or the Privacy Shield") is covered
    only if the valid one is what is used: the caveat a covered judgement carries as its reason."""
    invalid = sorted(facts.invalid_on(day) & (set(mechanisms) - {basis}))
    if not invalid:
        return ""
    names = " and ".join(facts.mechanisms[tool].get("name", tool) for tool in invalid)
    used = facts.mechanisms.get(basis, {}).get("name", basis)
    return f"also relies on {names}, which is invalidated: covered only if {used} is what is actually used"
