"""Rules as data: every rule file validates, and every example sentence behaves as stated."""

from __future__ import annotations

import pytest
import yaml

from dpcheck.checks.features import FEATURE_NAMES
from dpcheck.checks.rules import load_rules, validate
from dpcheck.lint import example_fires, lint
from dpcheck.resources import rules_dir

RULES = load_rules(rules_dir() / "flags", set(FEATURE_NAMES))
CORE = {"TRANSFERS_NOT_ADDRESSED", "TRANSFER_DESTINATION_UNSPECIFIED", "TRANSFER_MECHANISM_UNSPECIFIED",
        "INVALID_TRANSFER_MECHANISM", "SUPPLEMENTARY_MEASURES_UNADDRESSED", "SUBPROCESSOR_LIST_MISSING",
        "SUBPROCESSOR_OBJECTION_MISSING"}
ART28 = {f"ART28_{e}_MISSING" for e in (
    "SUBJECT_MATTER", "DURATION", "NATURE_PURPOSE", "DATA_TYPES", "DATA_SUBJECTS", "INSTRUCTIONS", "CONFIDENTIALITY",
    "SECURITY", "SUBPROCESSORS", "DATA_SUBJECT_RIGHTS", "SECURITY_ASSISTANCE", "DELETION_RETURN", "AUDITS")} | {
    "ART28_OWN_PURPOSE_USE", "ART28_INSTRUCTION_LIMITS", "ART28_TRANSFER_INSTRUCTIONS_MISSING",
    "ART28_SUBPROCESSOR_TERMS_INCOMPLETE", "ART28_SUBPROCESSOR_PULL_NOTICE", "ART28_OBJECTION_TERMINATION_ONLY",
    "ART28_BREACH_NOTICE_NO_DEADLINE", "ART28_DELETION_NOT_AT_CHOICE", "ART28_AUDIT_REPORTS_ONLY",
    "ART28_UNLAWFUL_INSTRUCTION_NOTICE_MISSING"}


def _cases(kind: str) -> list[pytest.param]:
    return [pytest.param(rule, ex, id=f"{rule.id}-{ex.lang}-{i}")
            for rule in RULES for i, ex in enumerate(getattr(rule, kind))]


@pytest.mark.parametrize(("rule", "example"), _cases("match"))
def test_rule_fires_on_match_example(scanner, rule, example):
    """A rule fires on each of its match examples, scanned as a small document."""
    assert example_fires(scanner, rule, example), example.text


@pytest.mark.parametrize(("rule", "example"), _cases("no_match"))
def test_rule_silent_on_no_match_example(scanner, rule, example):
    """A rule stays silent on each of its no_match examples."""
    assert not example_fires(scanner, rule, example), example.text


def test_rules_ids_snapshot():
    """Rule ids are stable: a rename or removal shows up here as a diff."""
    assert sorted(r.id for r in RULES) == sorted(CORE | ART28 | {
        "SCC_REPEALED_VERSION", "DEROGATION_AS_SOLE_BASIS",
        "ONWARD_TRANSFER_UNCOVERED", "TRANSFER_PATH_UNCOVERED",
        "ADEQUACY_EXPIRING", "DPF_RELIED_ON_ALONE", "ART28_SUBPROCESSOR_CHAIN_INCOMPLETE",
    })
    assert {r.id for r in RULES if r.core} == CORE


def test_rules_every_rule_has_buyer_question_and_bilingual_examples():
    """Each rule carries an article, a question for the vendor and EN+DE examples both ways."""
    for rule in RULES:
        assert rule.article and rule.question and rule.rationale
        assert {e.lang for e in rule.match} == {"en", "de"} == {e.lang for e in rule.no_match}


def test_rules_validate_reports_friendly_problems(tmp_path):
    """A broken rule file yields readable problems, not a traceback."""
    path = tmp_path / "BROKEN.yml"
    data = yaml.safe_load((rules_dir() / "flags" / "INVALID_TRANSFER_MECHANISM.yml").read_text(encoding="utf-8"))
    data["when"] = {"feature": "no_such_feature", "is": True}
    problems = validate(data, path, set(FEATURE_NAMES))
    assert any("must equal the file name" in p for p in problems)
    assert any("unknown feature 'no_such_feature'" in p for p in problems)


def test_rules_schema_problems_name_the_place_and_the_fix(tmp_path):
    """Typos and wrong values are caught by the rule schema and named by their place in the file."""
    data = yaml.safe_load((rules_dir() / "flags" / "INVALID_TRANSFER_MECHANISM.yml").read_text(encoding="utf-8"))
    data["severty"] = "high"
    data["examples"]["match"][0]["lang"] = "fr"
    data["question"] = {"de": "Warum?"}
    data["when"] = {"all": [{"feature": "mechanisms", "is": True, "empty": False}]}
    problems = validate(data, tmp_path / "INVALID_TRANSFER_MECHANISM.yml", set(FEATURE_NAMES))
    assert problems == [
        "INVALID_TRANSFER_MECHANISM.yml: top level: Additional properties are not allowed ('severty' was unexpected)",
        "INVALID_TRANSFER_MECHANISM.yml: examples.match.0.lang: 'fr' is not one of ['en', 'de']",
        "INVALID_TRANSFER_MECHANISM.yml: question: 'en' is a required property",
        "INVALID_TRANSFER_MECHANISM.yml: when.all.0: {'feature': 'mechanisms', 'is': True, 'empty': False} has too "
        "many properties",
    ]


def test_cli_rules_lint_reports_a_broken_rule_folder(tmp_path):
    """`dpcheck rules lint --rules DIR` lists each problem and exits 2; the schema is printable."""
    import shutil

    from click.testing import CliRunner

    from dpcheck.cli import main

    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    rule = folder / "flags" / "INVALID_TRANSFER_MECHANISM.yml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("severity: high", "severity: urgent"), encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "lint", "--rules", str(folder)])
    assert result.exit_code == 2
    assert "- INVALID_TRANSFER_MECHANISM.yml: severity: 'urgent' is not one of" in result.output
    schema = CliRunner().invoke(main, ["rules", "schema"])
    assert schema.exit_code == 0 and '"$schema"' in schema.output


def test_rules_lint_passes_on_bundled_ruleset():
    """`dpcheck rules lint` finds no problem in the shipped rules."""
    assert lint() == []


def test_facts_reject_codes_yaml_misreads(tmp_path):
    """A bare NO in YAML is false, not Norway: the facts loader refuses it."""
    import shutil

    from dpcheck.facts import LegalFacts
    from dpcheck.errors import RulesetError

    folder = tmp_path / "facts"
    shutil.copytree(rules_dir() / "facts", folder)
    eea = folder / "eea.yml"
    eea.write_text(eea.read_text(encoding="utf-8").replace('"NO"', "NO"), encoding="utf-8")
    with pytest.raises(RulesetError, match="alpha-2"):
        LegalFacts.load(folder)
    assert "NO" in LegalFacts.load(rules_dir() / "facts").eea
