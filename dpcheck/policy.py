"""The buyer's own policy: their stance on transfers, layered over the GDPR findings.

Detection never changes: the ruleset's findings are computed as without a policy, then
:meth:`Policy.apply` adds the policy's own findings (``POLICY_*`` rules, one file each in the
rules folder's ``policy/``, over the features of :mod:`dpcheck.checks.buyer`), changes
severities and marks accepted findings. A policy file is TOML
and data only::

    [policy]
    name = "Acme vendor transfer policy"
    [transfers]
    accepted_mechanisms = ["scc", "dpf", "adequacy"]
    refused_countries = ["CN", "Russia"]
    allowed_destinations = ["EEA", "ADEQUATE", "GB"]
    [severity]
    SUPPLEMENTARY_MEASURES_UNADDRESSED = "high"
    [[accept]]
    rule = "SUBPROCESSOR_OBJECTION_MISSING"
    justification = "Objection right agreed in the order form"
    expires = 2027-06-30
    documents = ["*zeitwerk*"]

Rating with a policy: accepted findings (not expired on the scan's day) do not count; the
findings of a rule whose severity the policy sets, and every policy finding, count by severity
(high → red, medium → yellow, low and info → no effect); any other finding counts as the
ruleset says (its red rules red, other core rules yellow).
"""

from __future__ import annotations

import fnmatch
import gettext
import hashlib
import logging
import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import Any

import pycountry

from dpcheck.checks import Ruleset
from dpcheck.checks.buyer import ADEQUATE, BUYER_FEATURES, Judged, Stance
from dpcheck.errors import PolicyError
from dpcheck.models import (
    EEA_REGION,
    RATINGS,
    SEVERITIES,
    Acceptance,
    DocumentReport,
    Finding,
    PolicyRef,
    Rating,
    Severity,
    Transfer,
)

log = logging.getLogger(__name__)

KEYS: dict[str, tuple[str, ...]] = {
    "": ("policy", "transfers", "severity", "accept"),
    "policy": ("name", "version", "owner", "description"),
    "transfers": ("accepted_mechanisms", "refused_countries", "allowed_destinations"),
    "accept": ("rule", "justification", "expires", "documents", "vendor", "approved_by", "ticket"),
}
# What a finding counts for when it counts by its severity.
RATING_BY_SEVERITY: dict[Severity, Rating] = {"high": "red", "medium": "yellow", "low": "green", "info": "green"}


@dataclass(frozen=True)
class AcceptRule:
    """``[[accept]]``: the buyer accepts findings of ``rule`` until ``expires`` (inclusive)."""

    rule: str
    justification: str
    expires: date
    documents: tuple[str, ...] = ()
    vendor: str = ""
    approved_by: str = ""
    ticket: str = ""

    def covers(self, path: str) -> bool:
        """Does this acceptance cover the document at ``path`` (its globs and vendor, when given)?"""
        if self.documents and not any(
            fnmatch.fnmatch(path, g) or fnmatch.fnmatch(PurePath(path).name, g) for g in self.documents
        ):
            return False
        return not self.vendor or _squash(self.vendor) in _squash(PurePath(path).name)

    def on(self, day: date) -> Acceptance:
        return Acceptance(
            self.justification, self.expires.isoformat(), day > self.expires, self.approved_by, self.ticket
        )


@dataclass(frozen=True)
class Policy:
    """A validated buyer's policy; :meth:`apply` layers it over one document's report."""

    ref: PolicyRef
    version: str
    owner: str
    accepted_mechanisms: tuple[str, ...] | None  # sorted: the repr is the same in every process
    refused_countries: tuple[str, ...]
    allowed_destinations: tuple[str, ...] | None
    severities: tuple[tuple[str, Severity], ...]
    accepts: tuple[AcceptRule, ...]
    ruleset: Ruleset = field(repr=False, compare=False)

    @property
    def sha256(self) -> str:
        return self.ref.sha256

    @property
    def stance(self) -> Stance:
        return Stance(self.refused_countries, self.allowed_destinations, self.accepted_mechanisms)

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, ruleset: Ruleset) -> Policy:
        """Read and validate the policy file at ``path`` against ``ruleset``; raises
        :class:`PolicyError` listing every problem."""
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise PolicyError([f"{path}: cannot read the policy file: {exc.strerror or exc}"]) from exc
        return cls.parse(data, path=str(path), ruleset=ruleset)

    @classmethod
    def parse(cls, data: bytes, *, path: str, ruleset: Ruleset) -> Policy:
        """Validate TOML ``data`` against ``ruleset`` (its rules, mechanisms and the country names of
        its lexicon); ``path`` is how reports name the policy."""
        where = PurePath(path).name
        try:
            raw = tomllib.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise PolicyError([f"{where}: not a valid TOML file: {exc}"]) from exc
        except RecursionError:
            # tomllib parses nested arrays and inline tables by recursion; a policy never nests deep.
            raise PolicyError([f"{where}: arrays or tables nested too deeply to be a policy file"]) from None
        countries = _CountryNames(ruleset.country_aliases, ruleset.facts.code_aliases)
        return _Validator(where, ruleset, countries).policy(
            raw, PolicyRef(_name(raw, path), path, hashlib.sha256(data).hexdigest())
        )

    def apply(self, doc: DocumentReport, day: date) -> DocumentReport:
        """``doc`` with this policy's findings added, severities changed and acceptances marked
        as of ``day``; an unreadable document only records the policy."""
        if doc.status != "ok":
            return replace(doc, policy=self.ref, ruleset_rating=doc.rating)
        findings = tuple(
            self._adjust(f, doc.path, day) for f in (*doc.findings, *self._findings(doc.transfers, doc.language))
        )
        return replace(doc, findings=findings, rating=self.rating(findings), ruleset_rating=doc.rating, policy=self.ref)

    def rating(self, findings: Iterable[Finding]) -> Rating:
        """The rating with this policy (see the module docstring)."""
        counted = [f for f in findings if not f.accepted]
        by_severity = [f for f in counted if f.origin == "policy" or f.rule_id in dict(self.severities)]
        ratings = [
            self.ruleset.rating(tuple(f for f in counted if f not in by_severity)),
            *(RATING_BY_SEVERITY[f.severity] for f in by_severity),
        ]
        return max(ratings, key=RATINGS.index)

    def _findings(self, transfers: tuple[Transfer, ...], lang: str | None) -> list[Finding]:
        features = BUYER_FEATURES.compute(Judged(self.stance, transfers, self.ruleset.facts.eea))
        return [
            replace(rule.finding(features, lang, self.ruleset.vocabulary), origin="policy")
            for rule in self.ruleset.policy_rules
            if rule.applies(features)
        ]

    def _adjust(self, finding: Finding, path: str, day: date) -> Finding:
        severity = dict(self.severities).get(finding.rule_id)
        if severity is not None and severity != finding.severity:
            finding = replace(finding, severity=severity, original_severity=finding.severity)
        covering = [a for a in self.accepts if a.rule == finding.rule_id and a.covers(path)]
        if covering:
            # Of several acceptances the one lasting longest decides: a renewal supersedes an expired one.
            acceptance = max(covering, key=lambda a: a.expires).on(day)
            if acceptance.expired:
                log.info("%s: acceptance of %s expired on %s", path, finding.rule_id, acceptance.expires)
            finding = replace(finding, acceptance=acceptance)
        return finding


def _name(raw: dict[str, Any], path: str) -> str:
    meta = raw.get("policy")
    name = meta.get("name") if isinstance(meta, dict) else None
    return name if isinstance(name, str) else PurePath(path).stem


def _squash(text: str) -> str:
    """Case, spaces and punctuation ignored: "Nimbus Notes" matches nimbusnotes-dpa.pdf."""
    return re.sub(r"[\W_]+", "", text.casefold())


class _CountryNames:
    """Country names a buyer may write: ISO codes and names (pycountry), German names, the
    ruleset's plain aliases ("UK", "Russia", "Russland") and the EU's own codes (EL for GR)."""

    def __init__(self, aliases: Mapping[str, Sequence[str]], codes: Mapping[str, str]) -> None:
        self._codes = dict(codes)
        german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"], fallback=True)
        self._names = {german.gettext(c.name).casefold(): c.alpha_2 for c in pycountry.countries}
        for code, phrases in aliases.items():
            for phrase in phrases:
                if "*" not in phrase and "?" not in phrase:
                    self._names.setdefault(phrase.removeprefix("=").casefold(), code)

    def code(self, name: str) -> str | None:
        if name.strip().upper() in self._codes:
            return self._codes[name.strip().upper()]
        try:
            return pycountry.countries.lookup(name.strip()).alpha_2
        except LookupError:
            return self._names.get(name.strip().casefold())


class _Validator:
    """Collects every problem of a policy file with its key path, then builds the Policy."""

    def __init__(self, where: str, ruleset: Ruleset, countries: _CountryNames) -> None:
        self.where = where
        self.ruleset = ruleset
        self.countries = countries
        self.rule_ids = {r.id for r in (*ruleset.rules, *ruleset.policy_rules)}
        self.mechanisms = set(ruleset.facts.mechanisms)
        self.problems: list[str] = []

    def problem(self, key: str, text: str) -> None:
        self.problems.append(f"{self.where}: {key}: {text}")

    def table(self, raw: Any, key: str, allowed: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(raw, dict):
            self.problem(key or "(top level)", "must be a table")
            return {}
        for k in raw:
            if k not in allowed:
                self.problem(f"{key}.{k}" if key else k, f"unknown key; known: {', '.join(allowed)}")
        return raw

    def text(self, raw: Any, key: str, *, required: bool = False) -> str:
        if raw is None and not required:
            return ""
        if not isinstance(raw, str) or not raw.strip():
            self.problem(key, "must be non-empty text" if raw is not None else "missing")
            return ""
        return raw.strip()

    def strings(self, raw: Any, key: str) -> list[str]:
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            self.problem(key, "must be a list of text")
            return []
        return raw

    def country_list(self, raw: Any, key: str, tokens: tuple[str, ...] = ()) -> tuple[str, ...]:
        codes = []
        for i, name in enumerate(self.strings(raw, key)):
            if name.strip().upper() in tokens:
                codes.append(name.strip().upper())
            elif code := self.countries.code(name):
                codes.append(code)
            else:
                extra = f", or {' / '.join(tokens)}" if tokens else ""
                self.problem(
                    f"{key}[{i}]", f"unknown country {name!r}: give an ISO 3166-1 code or a country name{extra}"
                )
        return tuple(dict.fromkeys(codes))

    def known_rule(self, rule_id: Any, key: str) -> str:
        if not isinstance(rule_id, str):
            self.problem(key, "must be a rule id (text)" if rule_id is not None else "missing")
            return ""
        if rule_id not in self.rule_ids:
            self.problem(key, f"unknown rule id {rule_id!r}; known: {', '.join(sorted(self.rule_ids))}")
            return ""
        return str(rule_id)

    def day(self, raw: Any, key: str) -> date | None:
        if isinstance(raw, datetime):  # a TOML date-time: the day is what expires
            return raw.date()
        if isinstance(raw, date):
            return raw
        if isinstance(raw, str):
            try:
                return date.fromisoformat(raw)
            except ValueError:
                pass
        self.problem(key, f"{raw!r} is not a date: write YYYY-MM-DD" if raw is not None else "missing")
        return None

    def policy(self, raw: dict[str, Any], ref: PolicyRef) -> Policy:
        top = self.table(raw, "", KEYS[""])
        meta = self.table(top.get("policy", {}), "policy", KEYS["policy"])
        self.text(meta.get("name"), "policy.name", required=True)
        transfers = self.table(top.get("transfers", {}), "transfers", KEYS["transfers"])
        accepted = None
        if "accepted_mechanisms" in transfers:
            key = "transfers.accepted_mechanisms"
            accepted = tuple(sorted(set(self.strings(transfers["accepted_mechanisms"], key))))
            for unknown in sorted(set(accepted) - self.mechanisms):
                self.problem(key, f"unknown mechanism {unknown!r}; known: {', '.join(sorted(self.mechanisms))}")
            if transfers["accepted_mechanisms"] == []:
                self.problem(key, "is empty: leave the key out to accept any mechanism")
        refused = self.country_list(transfers.get("refused_countries", []), "transfers.refused_countries")
        allowed = None
        if "allowed_destinations" in transfers:
            allowed = self.country_list(
                transfers["allowed_destinations"], "transfers.allowed_destinations", (EEA_REGION, ADEQUATE)
            )
            for code in sorted(set(refused) & set(allowed)):
                self.problem("transfers", f"{code} is both refused and allowed")
        severities = []
        raw_severities = top.get("severity", {})
        if not isinstance(raw_severities, dict):
            self.problem("severity", "must be a table of rule id = severity")
            raw_severities = {}
        for rule_id, severity in raw_severities.items():
            if not self.known_rule(rule_id, f"severity.{rule_id}"):
                continue
            if not isinstance(severity, str) or severity not in SEVERITIES:
                self.problem(f"severity.{rule_id}", f"unknown severity {severity!r}; known: {', '.join(SEVERITIES)}")
            else:
                severities.append((rule_id, severity))
        accepts = []
        entries = top.get("accept", [])
        if not isinstance(entries, list):
            self.problem("accept", "must be an array of tables: write [[accept]]")
            entries = []
        for i, entry in enumerate(entries):
            key = f"accept[{i}]"
            item = self.table(entry, key, KEYS["accept"])
            rule = self.known_rule(item.get("rule"), f"{key}.rule")
            justification = self.text(item.get("justification"), f"{key}.justification", required=True)
            expires = self.day(item.get("expires"), f"{key}.expires")
            documents = self.strings(item.get("documents", []), f"{key}.documents")
            extra = {k: self.text(item.get(k), f"{key}.{k}") for k in ("vendor", "approved_by", "ticket")}
            if rule and justification and expires:
                accepts.append(AcceptRule(rule, justification, expires, tuple(documents), **extra))
        version, owner = self.text(meta.get("version"), "policy.version"), self.text(meta.get("owner"), "policy.owner")
        self.text(meta.get("description"), "policy.description")
        if self.problems:
            raise PolicyError(self.problems)
        return Policy(ref, version, owner, accepted, refused, allowed, tuple(severities), tuple(accepts), self.ruleset)
