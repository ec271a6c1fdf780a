"""Rules as data: every rule file validates, and every example sentence behaves as stated."""

from __future__ import annotations

import pytest
import yaml

from dpcheck.checks.buyer import BUYER_FEATURE_NAMES
from dpcheck.checks.features import FEATURE_NAMES
from dpcheck.checks.rules import load_rules, validate
from dpcheck.lint import example_fires, examples_scanner, lint
from dpcheck.resources import rules_dir

RULES = load_rules(rules_dir() / "flags", set(FEATURE_NAMES))
CORE = {
    "ADDENDUM_MAIN_AGREEMENT_UNREAD",
    "TRANSFERS_NOT_ADDRESSED",
    "TRANSFER_DESTINATION_UNSPECIFIED",
    "TRANSFER_MECHANISM_UNSPECIFIED",
    "INVALID_TRANSFER_MECHANISM",
    "SUPPLEMENTARY_MEASURES_UNADDRESSED",
    "SUBPROCESSOR_LIST_MISSING",
    "SUBPROCESSOR_OBJECTION_MISSING",
}
ART28 = {
    f"ART28_{e}_MISSING"
    for e in (
        "SUBJECT_MATTER",
        "DURATION",
        "NATURE_PURPOSE",
        "DATA_TYPES",
        "DATA_SUBJECTS",
        "INSTRUCTIONS",
        "CONFIDENTIALITY",
        "SECURITY",
        "SUBPROCESSORS",
        "DATA_SUBJECT_RIGHTS",
        "SECURITY_ASSISTANCE",
        "DELETION_RETURN",
        "AUDITS",
    )
} | {
    "ART28_OWN_PURPOSE_USE",
    "ART28_INSTRUCTION_LIMITS",
    "ART28_TRANSFER_INSTRUCTIONS_MISSING",
    "ART28_SUBPROCESSOR_TERMS_INCOMPLETE",
    "ART28_SUBPROCESSOR_PULL_NOTICE",
    "ART28_OBJECTION_TERMINATION_ONLY",
    "ART28_BREACH_NOTICE_NO_DEADLINE",
    "ART28_DELETION_NOT_AT_CHOICE",
    "ART28_AUDIT_REPORTS_ONLY",
    "ART28_UNLAWFUL_INSTRUCTION_NOTICE_MISSING",
    "ART28_BREACH_NOTICE_TOO_LATE",
}


POLICY_RULES = load_rules(rules_dir() / "policy", BUYER_FEATURE_NAMES)


def _cases(kind: str, rules: tuple = RULES) -> list[pytest.param]:
    return [
        pytest.param(rule, ex, id=f"{rule.id}-{ex.lang}-{i}")
        for rule in rules
        for i, ex in enumerate(getattr(rule, kind))
    ]


@pytest.fixture(scope="module")
def policy_scanner():
    """A scanner under the policy the policy rules' examples assume (rules/policy/examples-policy.toml)."""
    return examples_scanner()


@pytest.mark.parametrize(("rule", "example"), _cases("match", POLICY_RULES) + _cases("no_match", POLICY_RULES))
def test_policy_rule_example_behaves_as_stated(policy_scanner, rule, example):
    """A buyer's-policy rule fires on its match examples and stays silent on its no_match examples."""
    assert example_fires(policy_scanner, rule, example) is (example in rule.match), example.text


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
    assert sorted(r.id for r in RULES) == sorted(
        CORE
        | ART28
        | {
            "SCC_REPEALED_VERSION",
            "DEROGATION_AS_SOLE_BASIS",
            "ONWARD_TRANSFER_UNCOVERED",
            "TRANSFER_PATH_UNCOVERED",
            "ADEQUACY_EXPIRING",
            "DPF_RELIED_ON_ALONE",
            "ART28_SUBPROCESSOR_CHAIN_INCOMPLETE",
        }
    )
    assert {r.id for r in RULES if r.core} == CORE


def _rule_files():
    return sorted([*(rules_dir() / "flags").glob("*.yml"), *(rules_dir() / "policy").glob("*.yml")])


@pytest.mark.parametrize("path", _rule_files(), ids=lambda p: p.stem)
def test_rules_without_question_or_bilingual_examples_are_refused(path):
    """Every rule file (GDPR and policy) validates as shipped, and stops validating without its vendor
    question, its article, or its German examples either way."""
    features = FEATURE_NAMES if path.parent.name == "flags" else BUYER_FEATURE_NAMES
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert validate(data, path, features) == []
    for key in ("question", "article", "rationale"):
        assert validate({k: v for k, v in data.items() if k != key}, path, features), key
    for kind in ("match", "no_match"):
        english_only = {
            **data,
            "examples": {**data["examples"], kind: [e for e in data["examples"][kind] if e["lang"] == "en"] * 2},
        }
        assert any(f"examples.{kind} needs English and German" in p for p in validate(english_only, path, features))


def test_rules_feature_names_are_the_registry_and_a_name_is_taken_once():
    """The features a rule may name are exactly those registered; registering a name twice is refused."""
    from dpcheck.checks.features import FEATURES, Feature, FeatureRegistry

    assert FEATURE_NAMES == FEATURES.names and {"uncovered_paths", "art28_audits"} <= FEATURE_NAMES
    assert "transfer_paths" not in FEATURE_NAMES
    registry: FeatureRegistry[int] = FeatureRegistry()
    registry.feature("double", "half")(lambda n: {"double": Feature(n * 2), "half": Feature(n / 2)})
    assert registry.compute(4) == {"double": Feature(8), "half": Feature(2.0)}
    with pytest.raises(ValueError, match="double"):
        registry.feature("double")
    registry.feature("square")(lambda n: {"cube": Feature(n**3)})
    with pytest.raises(ValueError, match="registered as"):
        registry.compute(2)


def test_rules_folder_is_checked_against_its_own_schema(tmp_path):
    """--rules DIR: rule files are validated with DIR's schema, not the bundled one."""
    import json
    import shutil

    from dpcheck.checks import Ruleset
    from dpcheck.errors import RulesetError

    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    schema_file = folder / "schema" / "rule.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    schema["properties"]["owner"] = {"type": "string"}
    schema_file.write_text(json.dumps(schema), encoding="utf-8")
    rule = folder / "flags" / "INVALID_TRANSFER_MECHANISM.yml"
    rule.write_text(rule.read_text(encoding="utf-8") + "owner: legal team\n", encoding="utf-8")
    assert Ruleset.load(folder).rules
    assert any(
        "'owner' was unexpected" in p
        for p in validate(yaml.safe_load(rule.read_text(encoding="utf-8")), rule, FEATURE_NAMES)
    )
    schema["required"].append("references")
    schema_file.write_text(json.dumps(schema), encoding="utf-8")
    with pytest.raises(RulesetError, match="'references' is a required property"):
        Ruleset.load(folder)


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

    from dpcheck.errors import RulesetError
    from dpcheck.facts import LegalFacts

    folder = tmp_path / "facts"
    shutil.copytree(rules_dir() / "facts", folder)
    eea = folder / "eea.yml"
    eea.write_text(eea.read_text(encoding="utf-8").replace('"NO"', "NO"), encoding="utf-8")
    with pytest.raises(RulesetError, match="alpha-2"):
        LegalFacts.load(folder)
    assert "NO" in LegalFacts.load(rules_dir() / "facts").eea


def test_rules_word_lists_hold_only_words():
    """YAML 1.1 reads a bare on, off, yes or no as a boolean: every item of a list in rules/ must be a word."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def booleans(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                yield from booleans(value, [*path, key])
        elif isinstance(node, list):
            for i, value in enumerate(node):
                if isinstance(value, bool):
                    yield [*path, i]
                yield from booleans(value, [*path, i])

    found = [
        (name, path)
        for name in sorted(rules_dir().rglob("*.yml"))
        for path in booleans(yaml.load(name.read_text(encoding="utf-8"), Loader=loader), [])
    ]
    assert found == []


def test_rules_files_refuse_a_key_written_twice(tmp_path):
    """YAML keeps the last of two equal keys without a word: a second list under a cue label already defined would
    replace the first one's words. The rules loader refuses the file instead, naming the key and its line."""
    from dpcheck.errors import RulesetError
    from dpcheck.resources import load_yaml

    path = tmp_path / "cues.yml"
    path.write_text("DENIAL:\n  en: [never]\nONWARD:\n  en: [onward]\nDENIAL:\n  de: [nie]\n", encoding="utf-8")
    with pytest.raises(RulesetError, match=r"'DENIAL' is written twice[\s\S]*line 5"):
        load_yaml(path)
    assert load_yaml(rules_dir() / "lexicon" / "cues.yml")["DENIAL"]
