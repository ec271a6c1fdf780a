"""Legal facts from rules/facts: EEA members, adequacy decisions, invalidated tools, SCC versions,
the breach-notification deadline."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import pycountry

from dpcheck.errors import RulesetError
from dpcheck.models import EEA_REGION
from dpcheck.resources import load_yaml


COVERS = ("", "dpf_certified", "private_sector")


@dataclass(frozen=True)
class AdequacyDecision:
    country: str
    decision: str
    adopted: str
    scope: str
    covers: str = ""

    @property
    def full(self) -> bool:
        """Covers every recipient in the country (no sectoral or certification limit)."""
        return not self.scope


@dataclass(frozen=True)
class LegalFacts:
    as_of: str
    eea: frozenset[str]
    adequacy: dict[str, AdequacyDecision]
    mechanisms: dict[str, dict[str, Any]]
    scc_versions: tuple[dict[str, Any], ...]
    breach_deadline_hours: int

    @cached_property
    def eea_places(self) -> frozenset[str]:
        """What lies inside the EEA: its members and the EEA named as a whole."""
        return self.eea | {EEA_REGION}

    def invalid_on(self, day: date) -> frozenset[str]:
        """Mechanisms the Court of Justice had invalidated by ``day``."""
        return frozenset(k for k, v in self.mechanisms.items()
                         if v.get("invalidated") and _day(v["invalidated"]) <= day)

    def fully_adequate(self, country: str, day: date) -> bool:
        """An adequacy decision without scope limits covered ``country`` on ``day``."""
        decision = self.adequacy.get(country)
        return decision is not None and decision.full and _day(decision.adopted) <= day

    def decision_on(self, country: str, day: date) -> AdequacyDecision | None:
        """The adequacy decision in force for ``country`` on ``day``, whatever its scope."""
        decision = self.adequacy.get(country)
        return decision if decision is not None and _day(decision.adopted) <= day else None

    def tool_problem(self, tool: str, country: str, day: date) -> str:
        """Why ``tool`` cannot cover a transfer to ``country`` on ``day`` ("" when it can)."""
        facts = self.mechanisms.get(tool, {})
        name = facts.get("name", tool)
        if facts.get("invalidated") and _day(facts["invalidated"]) <= day:
            return f"{name} was invalidated on {facts['invalidated']}"
        if facts.get("adopted") and day < _day(facts["adopted"]):
            return f"{name} was only adopted on {facts['adopted']}"
        allowed = facts.get("destinations")
        if allowed and country not in allowed:
            return f"{name} covers only transfers to {', '.join(allowed)}"
        return ""

    def scc_lapsed(self, version: dict[str, Any], day: date) -> bool:
        """Clauses of a repealed SCC decision stopped protecting transfers after their transition period."""
        return version.get("status") == "repealed" and _day(version["transition_end"]) < day

    def only_lapsed_scc(self, quotes: Iterable[str], day: date) -> bool:
        """The SCCs these quotes cite name a version, and every version named had lapsed by ``day``."""
        lapsed = [self.scc_lapsed(v, day) for v in map(self.scc_version, quotes) if v]
        return bool(lapsed) and all(lapsed)

    def scc_version(self, text: str) -> dict[str, Any] | None:
        compact = "".join(text.split())
        for version in self.scc_versions:
            if any("".join(p.split()) in compact for p in version.get("patterns", [])):
                return version
        return None

    @classmethod
    def load(cls, folder: Path) -> LegalFacts:
        """Read the fact files of ``folder``; dates are validated so that evaluation never fails later."""
        try:
            eea = load_yaml(folder / "eea.yml")
            adequacy = load_yaml(folder / "adequacy.yml")
            mechanisms = load_yaml(folder / "mechanisms.yml")
            scc = load_yaml(folder / "scc.yml")
            art28 = load_yaml(folder / "art28.yml")
            breach_hours = int(art28["breach_notification"]["controller_deadline_hours"])
            decisions = {d["country"]: AdequacyDecision(d["country"], d["decision"], str(d["adopted"]), d.get("scope", ""),
                                                        d.get("covers", ""))
                         for d in adequacy["decisions"]}
            unknown = [d.country for d in decisions.values() if d.covers not in COVERS or bool(d.scope) != bool(d.covers)]
            if unknown:
                raise RulesetError([f"{folder}: adequacy decisions with a scope need covers: one of "
                                    f"{', '.join(c for c in COVERS if c)} (and only those): {unknown!r}"])
            # YAML reads a bare NO (Norway) as false: every code must be a real ISO 3166-1 alpha-2.
            bad = [c for c in [*eea["members"], *decisions] if not (isinstance(c, str) and pycountry.countries.get(alpha_2=c))]
            if bad:
                raise RulesetError([f"{folder}: not ISO 3166-1 alpha-2 codes: {bad!r} (quote \"NO\" in YAML)"])
            for raw in [d.adopted for d in decisions.values()] + [v[k] for v in mechanisms["mechanisms"].values()
                                                                   for k in ("invalidated", "adopted") if v.get(k)] + \
                    [v["transition_end"] for v in scc["versions"] if v.get("status") == "repealed"]:
                _day(raw)
            as_of = max(str(f["as_of"]) for f in (eea, adequacy, mechanisms, scc, art28))
            return cls(as_of, frozenset(eea["members"]), decisions, mechanisms["mechanisms"], tuple(scc["versions"]),
                       breach_hours)
        except (KeyError, TypeError, ValueError) as exc:
            raise RulesetError([f"{folder}: missing or malformed field {exc}"]) from exc


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
