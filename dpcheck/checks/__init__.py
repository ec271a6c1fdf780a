"""Checks: the rules and legal facts of a rules folder, applied to what extraction found and to the
document's data flow."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dpcheck.checks.buyer import BUYER_FEATURE_NAMES
from dpcheck.checks.features import FEATURE_NAMES, FEATURES, Feature, Inputs
from dpcheck.checks.rules import Rule, load_rules, schema_validator
from dpcheck.facts import LegalFacts
from dpcheck.models import SCC_NUMBER, ChecklistItem, DataFlow, Finding, Rating
from dpcheck.resources import load_yaml
from dpcheck.vocabulary import Vocabulary

if TYPE_CHECKING:
    # The extract stage imports spaCy; the checks only read its results.
    from dpcheck.extract import Extraction

__all__ = ["FEATURE_NAMES", "Checked", "Feature", "LegalFacts", "Rule", "Ruleset"]

# A decision's number as rules/facts/scc.yml writes it ("2021/914", "2010/87"), or the document number it was notified
# under ("C(2021) 3972"): the clauses named by it alone ("Module Three of the clauses annexed to Decision (EU)
# 2021/914") are the SCCs.
_DECISION_NUMBER = re.compile(r"^(\d{4}/\d+|C\(\d{4}\) ?\d+)$")


def _scc_by_number(facts: LegalFacts) -> dict[str, Any]:
    """A lexicon entry naming the SCCs by the numbers of their decisions, those of Art. 28(7) clauses left out:
    they are no transfer tool. Each language's tokenizer splits a number as it splits the text ("2021 / 914" in
    German), and a suffix ("/EU") stands apart."""
    # German tokenizing keeps a sentence's last full stop on a word ending in a digit ("... (EU) 2021/914.").
    numbers = sorted(
        form
        for v in facts.scc_versions
        if v.get("transfer_tool", True)
        for p in v["patterns"]
        if _DECISION_NUMBER.match(p)
        for form in (p, f"{p}.")
    )
    return {SCC_NUMBER: {"mechanism": "scc", "context": "any", "en": numbers, "de": numbers}}


# A set's date as scc.yml writes it in its patterns: "of 4 June 2021", "of June 4, 2021" in English, "vom 4. Juni 2021"
# in German.
_SCC_DATE = {"en": re.compile(r"^of (.*\d{4})$"), "de": re.compile(r"^vom (.*\d{4})$")}
# The clauses named by their date, in each language ("the clauses adopted by the European Commission on 4 June 2021", „der
# am 4. Juni 2021 erlassenen Klauseln").
_CLAUSES_OF = {
    "en": (
        "clauses of|from|dated {}",
        "clauses adopted|issued|approved|published on {}",
        "clauses adopted|issued|approved|published by the european|eu? commission on {}",
    ),
    "de": (
        "klauseln vom {}",
        "am {} erlassenen|beschlossenen|verabschiedeten|angenommenen|veröffentlichten klauseln",
        "am {} von der kommission erlassenen|beschlossenen|verabschiedeten klauseln",
    ),
}


def _scc_by_date(facts: LegalFacts) -> dict[str, Any]:
    """A lexicon entry naming the SCCs as the clauses of their decision's date ("Module Two of the clauses adopted by the
    European Commission on 4 June 2021", „Modul 1 der am 4. Juni 2021 erlassenen Klauseln"), those of Art. 28(7) clauses
    left out. The Art. 28(7) clauses share the 2021 date, so only in a sentence on a transfer."""
    entry: dict[str, Any] = {"mechanism": "scc", "context": "transfer"}
    for lang, written in _SCC_DATE.items():
        dates = sorted(
            {
                found.group(1)
                for v in facts.scc_versions
                if v.get("transfer_tool", True)
                for p in v["patterns"]
                if (found := written.match(p))
            }
        )
        entry[lang] = [form.format(d) for d in dates for form in _CLAUSES_OF[lang]]
    return {"scc_date": entry}


# The number of a Commission decision as adequacy.yml writes it ("Commission Decision 2003/490/EC", "(EU) 2019/419").
_ADEQUACY_NUMBER = re.compile(r"\b(\d{4}/\d+)\b")


def _adequacy_by_number(facts: LegalFacts) -> dict[str, Any]:
    """Lexicon entries naming an adequacy decision by its number alone ("Transfers to Japan rely on Implementing
    Decision (EU) 2019/419", „auf Grundlage der Entscheidung 2003/490/EG"): the adequacy decisions of adequacy.yml,
    and the DPF's own decision as the DPF (mechanisms.yml cites it in the tool's article). Only in a sentence that itself
    says data leaves the EEA (context ``transfer_statement``): a number also appears in footnotes and lists of sources
    ("See Decision (EU) 2021/1772 on the adequate protection ... by the United Kingdom")."""
    numbers: dict[str, set[str]] = {}
    for decision in facts.adequacy.values():
        found = _ADEQUACY_NUMBER.search(decision.decision)
        if found is None:
            continue
        number = found.group(1)
        tool = next(
            (
                name
                for name, fact in facts.mechanisms.items()
                if name != "adequacy" and number in fact.get("article", "")
            ),
            "adequacy",
        )
        numbers.setdefault(tool, set()).update((number, f"{number}."))
    return {
        f"{tool}_number": {
            "mechanism": tool,
            "context": "transfer_statement",
            "en": sorted(forms),
            "de": sorted(forms),
        }
        for tool, forms in numbers.items()
    }


@dataclass(frozen=True)
class Checked:
    """What the rules make of one document: its features, the findings, and its Art. 28 checklist
    (empty unless the document is a DPA)."""

    features: dict[str, Feature]
    findings: tuple[Finding, ...]
    checklist: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class Ruleset:
    """Everything a rules folder holds, loaded once and reused: the GDPR rules (``flags/``), the
    rules of a buyer's policy (``policy/``), the legal facts, the lexicon, the rating policy and the
    words reports use (``vocabulary.yml``). Rule files are checked against the folder's own schema."""

    version: str
    rules: tuple[Rule, ...]
    policy_rules: tuple[Rule, ...]
    facts: LegalFacts
    red: frozenset[str]
    lexicon: dict[str, Any]
    vocabulary: Vocabulary
    folder: Path | None = None
    """Where the rules were loaded from (the vendor rules of rules/vendor/ are read from there too)."""
    labelled_flags: frozenset[str] = frozenset()
    """The core flags gold labels carry (``labelled_flags`` of ruleset.yml): what evaluation scores."""

    @classmethod
    def load(cls, folder: Path) -> Ruleset:
        meta = load_yaml(folder / "ruleset.yml")
        schema = schema_validator(folder)
        rules = load_rules(folder / "flags", FEATURE_NAMES, schema)
        policy_rules = load_rules(folder / "policy", BUYER_FEATURE_NAMES, schema)
        digest = hashlib.sha256()
        for path in sorted(folder.rglob("*.yml")):
            digest.update(path.read_bytes())
        version = f"{meta['version']}+{digest.hexdigest()[:8]}"
        lexicon = {p.stem: load_yaml(p) for p in sorted((folder / "lexicon").glob("*.yml"))}
        facts = LegalFacts.load(folder / "facts")
        lexicon["mechanisms"] = {
            **lexicon["mechanisms"],
            **_scc_by_number(facts),
            **_scc_by_date(facts),
            **_adequacy_by_number(facts),
        }
        return cls(
            version,
            rules,
            policy_rules,
            facts,
            frozenset(meta["rating"]["red"]),
            lexicon,
            Vocabulary.load(folder),
            folder,
            frozenset(meta.get("labelled_flags", ())),
        )

    @property
    def country_aliases(self) -> dict[str, list[str]]:
        """Country names of the lexicon by ISO code: CLDR's in English and German ("Vereinigte
        Arabische Emirate", from places.yml) and the short forms ("UK", "USA")."""
        aliases: dict[str, list[str]] = {}
        for code, by_lang in self.lexicon.get("places", {}).get("countries", {}).items():
            aliases.setdefault(code, []).extend(name for names in by_lang.values() for name in names)
        for code, names in self.lexicon.get("countries", {}).get("aliases", {}).items():
            aliases.setdefault(code, []).extend(names)
        return aliases

    def check(self, extraction: Extraction, flow: DataFlow, day: date, lang: str | None = None) -> Checked:
        """Features, findings and checklist of one document under the law in force on ``day``;
        vendor questions in ``lang`` where the rule has them."""
        inputs = Inputs(extraction, flow, self.facts, day)
        features = FEATURES.compute(inputs)
        findings = tuple(rule.finding(features, lang, self.vocabulary) for rule in self.rules if rule.applies(features))
        checklist = inputs.art28.items if extraction.doc_type == "dpa" else ()
        return Checked(features, findings, checklist)

    def rating(self, findings: tuple[Finding, ...]) -> Rating:
        """Traffic light of the core findings (see :meth:`rating_of`)."""
        return self.rating_of({f.rule_id for f in findings if f.core})

    def rating_of(self, core_ids: set[str]) -> Rating:
        """Traffic light of GUIDELINES.md from core rule ids: red for the rules named in ruleset.yml,
        yellow for any other core flag."""
        if core_ids & self.red:
            return "red"
        return "yellow" if core_ids else "green"
