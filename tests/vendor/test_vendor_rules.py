"""Dossier rules as data (rules/vendor/): every file validates, every example dossier behaves as stated,
and every contradiction quotes both sides."""

from __future__ import annotations

import pytest
import yaml

from dpcheck.checks.rules import validate
from dpcheck.dossier import scan_vendor_texts
from dpcheck.lint import vendor_example_fires
from dpcheck.resources import rules_dir
from dpcheck.vendor.features import VENDOR_FEATURE_NAMES
from dpcheck.vendor.rules import load_vendor_rules, vendor_schema_validator

RULES = load_vendor_rules(rules_dir())
CONTRADICTIONS = {
    "VENDOR_EEA_ONLY_CONTRADICTED",
    "VENDOR_MECHANISM_MISMATCH",
    "VENDOR_SUBPROCESSOR_LOCATION_CONTRADICTED",
    "VENDOR_DPF_ENTITY_NOT_CERTIFIED",
    "VENDOR_SUBPROCESSOR_TERMS_DIFFER",
}


def _cases(kind: str) -> list[pytest.param]:
    return [
        pytest.param(rule, ex, id=f"{rule.id}-{ex.lang}-{i}")
        for rule in RULES
        for i, ex in enumerate(getattr(rule, kind))
    ]


def test_vendor_rules_ids_snapshot():
    """Dossier rule ids are stable: a rename or removal shows up here as a diff."""
    assert sorted(r.id for r in RULES) == sorted(CONTRADICTIONS | {"VENDOR_DPA_MISSING"})


@pytest.mark.parametrize(("rule", "example"), _cases("match"))
def test_vendor_rule_fires_on_match_example(scanner, rule, example):
    """A dossier rule fires on each of its match examples, the documents read as one vendor's."""
    assert vendor_example_fires(scanner, rule, example), example.documents


@pytest.mark.parametrize(("rule", "example"), _cases("no_match"))
def test_vendor_rule_silent_on_no_match_example(scanner, rule, example):
    """A dossier rule stays silent on each of its no_match examples."""
    assert not vendor_example_fires(scanner, rule, example), example.documents


@pytest.mark.parametrize(("rule", "example"), [c for c in _cases("match") if c.values[0].id in CONTRADICTIONS])
def test_vendor_contradiction_quotes_both_sides(scanner, rule, example):
    """A contradiction names two documents and quotes each: what one says and what the other says."""
    documents = [(f"{i}-{d.role}.md", d.role, d.text) for i, d in enumerate(example.documents)]
    report = scan_vendor_texts(documents, language=example.lang, scanner=scanner)
    finding = next(f for f in report.findings if f.rule_id == rule.id)
    sides = [s for s in finding.sides if s.quotes]
    assert len({s.document for s in sides}) >= 2
    for side in sides:
        text = next(t for name, _, t in documents if name == side.document)
        assert all(" ".join(q.quote.split()) in " ".join(text.split()) for q in side.quotes)
    assert finding.question and finding.message


@pytest.mark.parametrize("path", sorted((rules_dir() / "vendor").glob("*.yml")), ids=lambda p: p.stem)
def test_vendor_rule_files_need_a_question_and_german_examples(path):
    """Every dossier rule validates as shipped, and stops validating without its question or its German
    examples."""
    schema = vendor_schema_validator(rules_dir())
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert validate(data, path, VENDOR_FEATURE_NAMES, schema) == []
    english_only = {k: [e for e in v if e["lang"] == "en"] * 2 for k, v in data["examples"].items()}
    assert validate(dict(data, examples=english_only), path, VENDOR_FEATURE_NAMES, schema)
    assert validate({k: v for k, v in data.items() if k != "question"}, path, VENDOR_FEATURE_NAMES, schema)
    sentences = {
        "match": [{"lang": "en", "text": "x"}, {"lang": "de", "text": "x"}],
        "no_match": data["examples"]["no_match"],
    }
    assert validate(dict(data, examples=sentences), path, VENDOR_FEATURE_NAMES, schema), "an example is documents"
