"""``dpcheck rules lint``: a rule folder is sound when every file validates and every
example sentence fires (or does not fire) its rule when scanned as a small document.

The examples of the buyer's-policy rules (``policy/``) are judged under the policy file
beside them, ``policy/examples-policy.toml``. A dossier rule's example (``vendor/``) is a few
documents, read together as one vendor's.
"""

from __future__ import annotations

from pathlib import Path

from dpcheck.checks.rules import Example, Rule
from dpcheck.dossier import scan_vendor_texts
from dpcheck.errors import PolicyError, RulesetError
from dpcheck.resources import rules_dir
from dpcheck.scanner import Scanner
from dpcheck.vendor.rules import load_vendor_rules

EXAMPLES_POLICY = Path("policy") / "examples-policy.toml"


def example_fires(scanner: Scanner, rule: Rule, example: Example) -> bool:
    """Scan ``example`` as a document of its type and language (on its day); did ``rule`` fire?"""
    # The example sets the document type (and the day, if it names one): a rule's examples
    # test the rule, not the classifier.
    if example.as_of is not None:
        scanner = scanner.with_as_of(example.as_of)
    report = scanner.scan_text(
        example.text, name=f"{rule.id}-example", language=example.lang, doc_type=example.doc_type
    )
    return any(f.rule_id == rule.id for f in report.findings)


def vendor_example_fires(scanner: Scanner, rule: Rule, example: Example) -> bool:
    """Read ``example``'s documents (each as its role, in its language) as one vendor's dossier; did ``rule`` fire?"""
    if example.as_of is not None:
        scanner = scanner.with_as_of(example.as_of)
    documents = [(f"{rule.id}-{i}-{d.role}.md", d.role, d.text) for i, d in enumerate(example.documents, 1)]
    report = scan_vendor_texts(documents, name=f"{rule.id}-example", language=example.lang, scanner=scanner)
    return any(f.rule_id == rule.id for f in report.findings)


def examples_scanner(folder: Path | None = None) -> Scanner:
    """A scanner of the rules ``folder`` under the policy its policy rules' examples assume."""
    folder = folder or rules_dir()
    return Scanner(rules=folder, policy=folder / EXAMPLES_POLICY)


def lint(folder: Path | None = None) -> list[str]:
    try:
        scanner = examples_scanner(folder)
        vendor_rules = load_vendor_rules(folder or rules_dir())
    except (RulesetError, PolicyError) as exc:
        return exc.problems
    problems = []
    for rule in (*scanner.ruleset.rules, *scanner.ruleset.policy_rules, *vendor_rules):
        fires = vendor_example_fires if rule in vendor_rules else example_fires
        for example in rule.match:
            if not fires(scanner, rule, example):
                problems.append(f"{rule.id}: does not fire on its {example.lang} match example: {_shown(example)!r}")
        for example in rule.no_match:
            if fires(scanner, rule, example):
                problems.append(f"{rule.id}: fires on its {example.lang} no_match example: {_shown(example)!r}")
    return problems


def _shown(example: Example) -> str:
    return example.text or " | ".join(f"{d.role}: {d.text}" for d in example.documents)
