"""Checks: the GDPR rules and legal facts of rules/, applied to what extraction found."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import networkx as nx

from dpcheck.facts import LegalFacts
from dpcheck.checks.features import FEATURE_NAMES, Feature, compute_features
from dpcheck.checks.rules import Rule, load_rules
from dpcheck.extract import Extraction
from dpcheck.models import Finding, Rating
from dpcheck.resources import load_yaml

__all__ = ["Ruleset", "LegalFacts", "Rule", "Feature", "FEATURE_NAMES"]


@dataclass(frozen=True)
class Ruleset:
    """The rules, the legal facts and the rating policy, loaded once and reused."""

    version: str
    rules: tuple[Rule, ...]
    facts: LegalFacts
    red: frozenset[str]

    @classmethod
    def load(cls, folder: Path) -> Ruleset:
        meta = load_yaml(folder / "ruleset.yml")
        rules = load_rules(folder / "flags", set(FEATURE_NAMES))
        digest = hashlib.sha256()
        for path in sorted(folder.rglob("*.yml")):
            digest.update(path.read_bytes())
        version = f"{meta['version']}+{digest.hexdigest()[:8]}"
        return cls(version, rules, LegalFacts.load(folder / "facts"), frozenset(meta["rating"]["red"]))

    def check(self, extraction: Extraction, day: date, lang: str | None = None, graph: nx.DiGraph | None = None,
              ) -> tuple[dict[str, Feature], tuple[Finding, ...]]:
        """Features and findings of one document under the law in force on ``day``; vendor
        questions in ``lang`` where the rule has them. With the document's data-flow ``graph``,
        its transfer paths are judged too (and its edges marked covered or not)."""
        features = compute_features(extraction, self.facts, day, graph)
        findings = tuple(rule.finding(features, lang) for rule in self.rules if rule.applies(features))
        return features, findings

    def rating(self, findings: tuple[Finding, ...]) -> Rating:
        """Traffic light of GUIDELINES.md: red for the rules named in ruleset.yml, yellow for any other core flag."""
        ids = {f.rule_id for f in findings if f.core}
        if ids & self.red:
            return "red"
        return "yellow" if ids else "green"
