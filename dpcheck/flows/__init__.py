"""The data flow of one document: who receives personal data, where it goes, and on what basis.

:func:`build_flow` turns an :class:`~dpcheck.extract.Extraction` into a frozen
:class:`~dpcheck.models.DataFlow`: the hops (:mod:`dpcheck.flows.hops`), the paths judged
over them (:mod:`dpcheck.flows.paths`) and the transfers. Checks and outputs read it;
:mod:`dpcheck.flows.graph` exports it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from dpcheck.facts import LegalFacts
from dpcheck.flows.hops import trace
from dpcheck.flows.paths import judge_paths
from dpcheck.models import DataFlow

if TYPE_CHECKING:
    # The extract stage imports spaCy; the flows only read its results.
    from dpcheck.extract import Extraction

__all__ = ["build_flow"]


def build_flow(extraction: Extraction, facts: LegalFacts, day: date) -> DataFlow:
    """The data flow of ``extraction``, its paths judged by the law in force on ``day``."""
    traced = trace(extraction, facts, day)
    scc_quotes = (m.evidence.quote for m in extraction.relied_mechanisms.get("scc", []))
    hops, paths = judge_paths(
        traced.parties, traced.countries, traced.hops, facts, day, scc_lapsed=facts.only_lapsed_scc(scc_quotes, day)
    )
    return DataFlow(traced.parties, traced.countries, hops, paths, traced.transfers, traced.recipients)
