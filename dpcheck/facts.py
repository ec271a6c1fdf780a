"""Legal facts from rules/facts, each with its source and dates, asked about the day judged.

- ``eea.yml``: EEA members, and the codes the EU writes for them (EL for Greece);
- ``adequacy.yml``: adequacy decisions for countries and for international organisations
  (``organisations.yml``), with their scope (``covers``: how dpcheck tells whether a vendor's
  recipient falls within it) and, for decisions with a sunset clause, their terms;
- ``mechanisms.yml``: transfer tools with their adoption, invalidation, the countries they can
  reach, the tools that back up the DPF, and court challenges against it;
- ``scc.yml``: SCC versions with repeal and transition dates, recognised by number or title;
- ``uk.yml``: the UK's own export tools; ``art28.yml``: the breach deadline and who must be
  identified in a chain of sub-processors;
- ``pending`` lists (in any file): proposals and outcomes not confirmed by a primary source.
  They are recorded and listed (``dpcheck rules facts``), never used by a check.

Every file is checked against ``rules/schema/facts.schema.json`` when loaded, so a misspelt
field or a bad date is a :class:`RulesetError` naming its place, never a failure during a scan.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import pycountry
from jsonschema import Draft202012Validator

from dpcheck import validation
from dpcheck.errors import RulesetError
from dpcheck.models import EEA_REGION, UNSPECIFIED
from dpcheck.prefilter import Prefiltered, prefilter
from dpcheck.resources import load_yaml, rules_dir

FILES = ("eea", "adequacy", "organisations", "mechanisms", "scc", "uk", "art28")
# Quotes whose cited SCCs are remembered; past this the memory starts afresh (a long-lived worker).
_SCC_CITED = 10_000
_UNSEEN: Any = object()


@dataclass(frozen=True)
class Term:
    """An instrument that set, or moved, the day an adequacy decision expires."""

    instrument: str
    adopted: date
    expires: date
    source: str


@dataclass(frozen=True)
class AdequacyDecision:
    recipient: str
    decision: str
    adopted: date
    scope: str = ""
    covers: str = ""
    covers_vendors: bool = True
    terms: tuple[Term, ...] = ()
    organisation: bool = False

    def term_on(self, day: date) -> Term | None:
        """The term in force on ``day``: the latest one adopted by then."""
        known = [t for t in self.terms if t.adopted <= day]
        return max(known, key=lambda t: t.adopted) if known else None

    def expiry_on(self, day: date) -> date | None:
        """The expiry the law set as it stood on ``day``."""
        term = self.term_on(day)
        return term.expires if term else None

    def in_force(self, day: date) -> bool:
        expiry = self.expiry_on(day)
        return self.adopted <= day and (expiry is None or day <= expiry)


@dataclass(frozen=True)
class Organisation:
    """An international organisation (Art. 4(26) GDPR) that can be the recipient of an adequacy decision."""

    id: str
    name: str
    names: dict[str, tuple[str, ...]]
    seat: str


@dataclass(frozen=True)
class Challenge:
    """Court proceedings against a transfer tool: pending from ``lodged`` until ``decided``."""

    case: str
    court: str
    lodged: date
    decided: date | None
    outcome: str
    source: str

    def pending_on(self, day: date) -> bool:
        return self.lodged <= day and (self.decided is None or day < self.decided)


@dataclass(frozen=True)
class Pending:
    """A proposal, or an outcome without a primary source: recorded, not applied."""

    id: str
    title: str
    status: str
    since: date
    source: str
    note: str = ""


@dataclass(frozen=True)
class Record:
    """One fact as ``dpcheck rules facts`` lists it: what it is, its state on the day asked, its source."""

    topic: str
    title: str
    state: str
    source: str


@dataclass(frozen=True)
class LegalFacts:
    as_of: str
    eea: frozenset[str]
    gdpr_applies: date
    adequacy: dict[str, AdequacyDecision]
    mechanisms: dict[str, dict[str, Any]]
    scc_versions: tuple[dict[str, Any], ...]
    breach_deadline_hours: int
    code_aliases: dict[str, str]
    organisations: dict[str, Organisation]
    expiry_notice_days: int
    challenges: dict[str, tuple[Challenge, ...]]
    pending: tuple[Pending, ...]
    files: dict[str, dict[str, Any]]

    def code(self, raw: str) -> str:
        """The ISO 3166-1 code for ``raw``, accepting the EU's own codes (EL for GR)."""
        upper = raw.strip().upper()
        return self.code_aliases.get(upper, upper)

    @cached_property
    def eea_places(self) -> frozenset[str]:
        """What lies inside the EEA: its members and the EEA named as a whole."""
        return self.eea | {EEA_REGION}

    def invalid_on(self, day: date) -> frozenset[str]:
        """Mechanisms the Court of Justice had invalidated by ``day``."""
        return frozenset(
            k for k, v in self.mechanisms.items() if v.get("invalidated") and _day(v["invalidated"]) <= day
        )

    def fully_adequate(self, recipient: str, day: date) -> bool:
        """An adequacy decision in force on ``day`` covers a vendor's transfer to ``recipient``: it has no
        scope limit, or one that every commercial service provider meets (the scope stays in the report)."""
        decision = self.decision_on(recipient, day)
        return decision is not None and decision.covers_vendors

    def decision_on(self, recipient: str, day: date) -> AdequacyDecision | None:
        """The adequacy decision in force for ``recipient`` on ``day``, whatever its scope."""
        decision = self.adequacy.get(recipient)
        return decision if decision is not None and decision.in_force(day) else None

    def expiring(self, recipient: str, day: date) -> AdequacyDecision | None:
        """The decision for ``recipient`` when it is in force on ``day`` and, as the law then stood, expires
        within the notice period (``expiry_notice_days``)."""
        decision = self.decision_on(recipient, day)
        expiry = decision.expiry_on(day) if decision else None
        if expiry is not None and expiry - day <= timedelta(days=self.expiry_notice_days):
            return decision
        return None

    def challenges_pending(self, tool: str, day: date) -> tuple[Challenge, ...]:
        """Court proceedings against ``tool`` pending on ``day``."""
        return tuple(c for c in self.challenges.get(tool, ()) if c.pending_on(day))

    def fallbacks(self, tool: str) -> frozenset[str]:
        """The tools that keep transfers lawful if ``tool`` falls."""
        return frozenset(self.mechanisms.get(tool, {}).get("fallbacks", ()))

    def tool_in_force(self, tool: str, day: date) -> bool:
        """``tool`` had been adopted and not invalidated by ``day``."""
        facts = self.mechanisms.get(tool, {})
        adopted, invalidated = facts.get("adopted"), facts.get("invalidated")
        return not (adopted and day < _day(adopted)) and not (invalidated and _day(invalidated) <= day)

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

    def covers(self, tool: str, destination: str, day: date) -> bool:
        """``tool`` can be the basis of a transfer to ``destination`` (a country, or UNSPECIFIED) on ``day``,
        whether or not it is valid then: a tool made for some countries (``destinations`` in mechanisms.yml)
        reaches only those (the EU-U.S. DPF never Switzerland, whatever the Swiss-U.S. DPF does), and
        adequacy only a country whose decision in force covers a vendor's recipients (the US's covers
        DPF-certified recipients only: that is the DPF). Adequacy for unnamed destinations is the
        document's own promise ("only to countries with an adequacy decision")."""
        allowed = self.mechanisms.get(tool, {}).get("destinations")
        if allowed:
            return destination in allowed
        if tool == "adequacy" and destination != UNSPECIFIED:
            return self.fully_adequate(destination, day)
        return True

    @cached_property
    def sole_destinations(self) -> dict[str, str]:
        """Tools made for one country only: relying on one of them sends data there."""
        return {
            tool: facts["destinations"][0]
            for tool, facts in self.mechanisms.items()
            if len(facts.get("destinations", ())) == 1
        }

    def scc_lapsed(self, version: dict[str, Any], day: date) -> bool:
        """Clauses of a repealed SCC decision stopped protecting transfers after their transition period."""
        return version.get("status") == "repealed" and _day(version["transition_end"]) < day

    def only_lapsed_scc(self, quotes: Iterable[str], day: date) -> bool:
        """The SCCs these quotes cite name a version, and every version named had lapsed by ``day``."""
        lapsed = [self.scc_lapsed(v, day) for v in map(self.scc_version, quotes) if v]
        return bool(lapsed) and all(lapsed)

    def scc_version(self, text: str) -> dict[str, Any] | None:
        """The transfer clauses ``text`` cites, by number, document number, date, year or title (case and
        spaces ignored); clauses that are no transfer tool (Art. 28(7) clauses) say nothing about them,
        and a text saying a set was replaced cites only the current sets it names."""
        # A quote is asked about three times (the checks' cited and lapsed SCCs, the flow's lapsed ones).
        cited = self._scc_cited
        found = cited.get(text, _UNSEEN)
        if found is _UNSEEN:
            if len(cited) >= _SCC_CITED:
                cited.clear()
            found = cited[text] = self._scc_version(text)
        return found

    def _scc_version(self, text: str) -> dict[str, Any] | None:
        compact = _compact(text)
        history = bool(self._scc_history.search(text))
        for version, patterns in zip(self.scc_versions, self._scc_patterns, strict=True):
            if history and version["status"] != "current":
                continue
            if any(p in compact for p in patterns):
                if version.get("transfer_tool", True):
                    return version
        return None

    @cached_property
    def _scc_cited(self) -> dict[str, dict[str, Any] | None]:
        return {}

    @cached_property
    def _scc_patterns(self) -> tuple[tuple[str, ...], ...]:
        # Each version's patterns compacted once: a scan asks scc_version of thousands of quotes.
        return tuple(tuple(_compact(p) for p in version["patterns"]) for version in self.scc_versions)

    @cached_property
    def _scc_history(self) -> re.Pattern[str] | Prefiltered:
        words = self.files["scc"].get("history_words", [])
        # With no words listed the pattern matches nothing.
        return prefilter(re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b" if words else r"(?!)", re.I))

    def records(self, day: date) -> tuple[Record, ...]:
        """Every recorded fact with its state on ``day``, for people to read."""
        out: list[Record] = []
        for decision in sorted(self.adequacy.values(), key=lambda d: (d.organisation, d.recipient)):
            expiry = decision.expiry_on(day)
            if day < decision.adopted:
                state = f"not yet adopted (adopted {decision.adopted})"
            elif not decision.in_force(day):
                state = f"expired: in force until {expiry}"
            else:
                state = f"in force since {decision.adopted}" + (f", until {expiry}" if expiry else "")
            scope = f" ({decision.scope})" if decision.scope else ""
            terms = "; ".join(f"{t.instrument} ({t.adopted}, to {t.expires})" for t in decision.terms)
            out.append(
                Record(
                    "adequacy",
                    f"{decision.recipient}: {decision.decision}{scope}",
                    state,
                    terms or self._source("adequacy", decision),
                )
            )
        for tool, facts in self.mechanisms.items():
            if facts.get("invalidated"):
                invalid = _day(facts["invalidated"]) <= day
                state = ("invalid since " if invalid else "valid until ") + facts["invalidated"]
                out.append(Record("mechanism", facts["name"], state, facts.get("source", facts["article"])))
            for related in facts.get("related", []):
                since = _day(related["in_force"])
                state = f"in force since {since}" if since <= day else f"not yet in force (from {since})"
                out.append(
                    Record(
                        "mechanism",
                        f"{related['name']} ({related['exporter']} exports): {related['instrument']}",
                        state,
                        related["source"],
                    )
                )
            for challenge in self.challenges.get(tool, ()):
                if day < challenge.lodged:
                    state = f"not yet lodged ({challenge.lodged})"
                elif challenge.pending_on(day):
                    state = f"pending since {challenge.lodged}"
                else:
                    state = f"decided on {challenge.decided}: {challenge.outcome}"
                out.append(
                    Record(
                        "challenge", f"{facts['name']}: {challenge.court}, {challenge.case}", state, challenge.source
                    )
                )
        for version in self.scc_versions:
            if version["status"] == "repealed":
                lapsed = "lapsed" if self.scc_lapsed(version, day) else "transition runs"
                state = f"repealed {version['repealed']}; {lapsed} after {version['transition_end']}"
            else:
                state = "current" if version.get("transfer_tool", True) else "current, not a transfer tool"
            out.append(Record("scc", f"{version['id']}: {version['name']}", state, version["source"]))
        uk = self.files["uk"]
        for tool in uk["tools"]:
            since = _day(tool["in_force"])
            state = f"in force since {since}" if since <= day else f"not yet in force (from {since})"
            out.append(Record("uk", tool["name"], state, tool["source"]))
        legacy = uk["legacy_eu_scc"]
        until = _day(legacy["valid_until"])
        state = (
            f"usable until {until} (contracts concluded by {legacy['concluded_by']})"
            if day <= until
            else f"no longer usable since {until + timedelta(days=1)}"
        )
        out.append(
            Record("uk", f"old EU SCCs ({', '.join(legacy['versions'])}) for UK exports", state, legacy["source"])
        )
        art28 = self.files["art28"]
        out.append(
            Record(
                "art28",
                f"breach notification to the authority within {self.breach_deadline_hours} hours",
                "in force",
                art28["breach_notification"]["source"],
            )
        )
        chain = art28["subprocessor_chain"]
        out.append(
            Record(
                "art28",
                f"identify every (sub-)processor, {chain['depth']}: {', '.join(chain['identity'])}",
                f"EDPB opinion adopted {chain['adopted']}",
                chain["source"],
            )
        )
        for item in self.pending:
            note = f"; {item.note}" if item.note else ""
            out.append(Record("pending", item.title, f"{item.status} since {item.since}{note}", item.source))
        return tuple(out)

    def _source(self, file: str, decision: AdequacyDecision) -> str:
        raw = next(
            d
            for d in self.files[file]["decisions"]
            if decision.recipient in (d.get("organisation"), self.code(d.get("country", "")))
        )
        return str(raw.get("source") or "; ".join([decision.decision, *self.files[file].get("sources", [])]))

    @classmethod
    def load(cls, folder: Path) -> LegalFacts:
        """Read and check the fact files of ``folder``; every problem found is reported at once."""
        files = {name: load_yaml(folder / f"{name}.yml") for name in FILES}
        problems = _schema_problems(files) + _code_problems(files)
        if problems:
            raise RulesetError([f"{folder}/{p}" for p in problems])
        try:
            return cls._build(files)
        except ValueError as exc:
            raise RulesetError([f"{folder}: {exc}"]) from exc

    @classmethod
    def _build(cls, files: dict[str, dict[str, Any]]) -> LegalFacts:
        eea, adequacy, mechanisms = files["eea"], files["adequacy"], files["mechanisms"]
        aliases = dict(eea["code_aliases"])
        kinds = adequacy["covers"]
        organisations = {
            o["id"]: Organisation(o["id"], o["name"], {k: tuple(v) for k, v in o["names"].items()}, o["seat"])
            for o in files["organisations"]["organisations"]
        }
        decisions: dict[str, AdequacyDecision] = {}
        for raw in adequacy["decisions"]:
            recipient = aliases.get(raw["country"], raw["country"]) if "country" in raw else raw["organisation"]
            covers = raw.get("covers", "")
            if covers not in kinds and covers:
                raise ValueError(f"adequacy.yml: {recipient}: covers {covers!r} is none of {', '.join(kinds)}")
            if bool(raw["scope"]) != bool(covers):
                raise ValueError(f"adequacy.yml: {recipient}: a decision with a scope needs covers (and only those)")
            if "organisation" in raw and recipient not in organisations:
                raise ValueError(f"adequacy.yml: {recipient} is not in organisations.yml")
            terms = tuple(
                Term(t["instrument"], _day(t["adopted"]), _day(t["expires"]), t["source"]) for t in raw.get("terms", [])
            )
            decisions[recipient] = AdequacyDecision(
                recipient,
                raw["decision"],
                _day(raw["adopted"]),
                raw["scope"],
                covers,
                not covers or bool(kinds[covers]["vendor_within"]),
                terms,
                "organisation" in raw,
            )
        for tool in mechanisms["mechanisms"].values():
            for key in ("adopted", "invalidated"):
                if tool.get(key):
                    _day(tool[key])
        challenges = {
            name: tuple(
                Challenge(
                    c["case"],
                    c["court"],
                    _day(c["lodged"]),
                    _day(c["decided"]) if c.get("decided") else None,
                    c.get("outcome", ""),
                    c["source"],
                )
                for c in tool.get("challenges", [])
            )
            for name, tool in mechanisms["mechanisms"].items()
        }
        for version in files["scc"]["versions"]:
            for key in ("adopted", "repealed", "transition_end"):
                if version.get(key):
                    _day(version[key])
        pending = tuple(
            Pending(p["id"], p["title"], p["status"], _day(p["since"]), p["source"], p.get("note", ""))
            for data in files.values()
            for p in data.get("pending", [])
        )
        art28 = files["art28"]
        return cls(
            as_of=max(str(data["as_of"]) for data in files.values()),
            eea=frozenset(aliases.get(m, m) for m in eea["members"]),
            gdpr_applies=_day(eea["gdpr_applies"]),
            adequacy=decisions,
            mechanisms=mechanisms["mechanisms"],
            scc_versions=tuple(files["scc"]["versions"]),
            breach_deadline_hours=int(art28["breach_notification"]["controller_deadline_hours"]),
            code_aliases=aliases,
            organisations=organisations,
            expiry_notice_days=int(adequacy["expiry_notice_days"]),
            challenges=challenges,
            pending=pending,
            files=files,
        )


def _schema_problems(files: dict[str, Any]) -> list[str]:
    defs = _facts_schema()["$defs"]
    out: list[str] = []
    for name, data in files.items():
        validator = Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": defs})
        out.extend(f"{name}.yml: {where}: {what}" for where, what in validation.problems(validator, data))
    return out


@cache
def _facts_schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((rules_dir() / "schema" / "facts.schema.json").read_text(encoding="utf-8"))
    return loaded


def _code_problems(files: dict[str, Any]) -> list[str]:
    """Country codes that are neither ISO 3166-1 alpha-2 nor an alias of one; YAML reads a bare NO
    (Norway) as false."""
    eea, adequacy = files["eea"] or {}, files["adequacy"] or {}
    aliases = eea.get("code_aliases") or {}
    codes = [*eea.get("members", []), *(d.get("country") for d in adequacy.get("decisions", []) if "country" in d)]
    bad = [c for c in codes if not (isinstance(c, str) and pycountry.countries.get(alpha_2=aliases.get(c, c)))]
    return [f'eea.yml/adequacy.yml: not ISO 3166-1 alpha-2 codes: {bad!r} (quote "NO" in YAML)'] if bad else []


def _compact(text: str) -> str:
    return "".join(text.split()).casefold()


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
