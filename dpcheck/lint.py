"""``dpcheck rules lint``: a rule folder is sound when every file validates and every
example sentence fires (or does not fire) its rule when scanned as a small document."""

from __future__ import annotations

from pathlib import Path

from dpcheck.checks.rules import Example, Rule
from dpcheck.errors import RulesetError
from dpcheck.scanner import Scanner


def example_fires(scanner: Scanner, rule: Rule, example: Example) -> bool:
    """Scan ``example`` as a document of its type and language (on its day); did ``rule`` fire?"""
    # The example sets the document type (and the day, if it names one): a rule's examples
    # test the rule, not the classifier.
    if example.as_of is not None:
        scanner = scanner.with_as_of(example.as_of)
    report = scanner.scan_text(example.text, name=f"{rule.id}-example", language=example.lang,
                               doc_type=example.doc_type)
    return any(f.rule_id == rule.id for f in report.findings)


def lint(folder: Path | None = None) -> list[str]:
    try:
        scanner = Scanner(rules=folder)
    except RulesetError as exc:
        return exc.problems
    problems = []
    for rule in scanner.ruleset.rules:
        for example in rule.match:
            if not example_fires(scanner, rule, example):
                problems.append(f"{rule.id}: does not fire on its {example.lang} match example: {example.text!r}")
        for example in rule.no_match:
            if example_fires(scanner, rule, example):
                problems.append(f"{rule.id}: fires on its {example.lang} no_match example: {example.text!r}")
    return problems
