"""The buyer's policy: each setting changes the outcome of the same document, after detection."""

from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from dpcheck import Scanner
from dpcheck.cli import main
from dpcheck.errors import PolicyError
from dpcheck.policy import Policy
from dpcheck.report.json import document_to_dict, report_to_dict
from dpcheck.report.text import render_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "buyer-policy.toml"
TODAY = date(2026, 11, 26)

# Our own sentences; each pair says the same thing in English and German.
SCC_CHINA = {
    "en": "We transfer personal data to our hosting provider in China under the standard contractual clauses.",
    "de": "Wir übermitteln personenbezogene Daten an unseren Hosting-Dienstleister in China auf Grundlage der "
    "Standardvertragsklauseln.",
}
SCC_US = {
    "en": "We transfer personal data to our hosting provider in the United States under the standard contractual "
    "clauses.",
    "de": "Wir übermitteln personenbezogene Daten an unseren Hosting-Dienstleister in den USA auf Grundlage der "
    "Standardvertragsklauseln.",
}
CONSENT_US = {
    "en": "For customer support you consent to the transfer of your personal data to the United States.",
    "de": "Für den Kundensupport willigen Sie ausdrücklich in die Übermittlung Ihrer Daten in die USA ein.",
}
OPEN_ENDED = {
    "en": "Your data may be processed by service providers in countries around the world under the standard "
    "contractual clauses.",
    "de": "Ihre Daten können von Dienstleistern in Ländern weltweit auf Grundlage der Standardvertragsklauseln "
    "verarbeitet werden.",
}
SWISS = {
    "en": "Some of our service providers process personal data in Switzerland.",
    "de": "Einige unserer Dienstleister verarbeiten personenbezogene Daten in der Schweiz.",
}


def write_policy(tmp_path: Path, body: str, name: str = "policy.toml") -> Path:
    path = tmp_path / name
    # The body comes first so that its dotted keys (transfers.x = ...) sit at the top level.
    path.write_text(body + '\n[policy]\nname = "Test policy"\n', encoding="utf-8")
    return path


def load(scanner: Scanner, tmp_path: Path, body: str) -> Policy:
    return Policy.load(write_policy(tmp_path, body), ruleset=scanner.ruleset)


def scan(scanner: Scanner, texts: dict[str, str], lang: str, doc_type: str = "privacy_policy"):
    return scanner.scan_text(texts[lang], name=f"acme-{doc_type}-{lang}.md", language=lang, doc_type=doc_type)


def ids(doc) -> set[str]:
    return {f.rule_id for f in doc.findings}


def finding(doc, rule_id: str):
    return next(f for f in doc.findings if f.rule_id == rule_id)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_policy_refused_country_adds_finding_with_transfer_evidence(scanner, tmp_path, lang):
    """A transfer to a refused country (given by name or code) is a policy finding quoting the transfer; red."""
    policy = load(scanner, tmp_path, 'transfers.refused_countries = ["China", "Russland"]\n')
    assert policy.refused_countries == ("CN", "RU")
    doc = scan(scanner, SCC_CHINA, lang)
    assert doc.rating == "yellow" and "POLICY_COUNTRY_REFUSED" not in ids(doc)
    judged = policy.apply(doc, TODAY)
    refused = finding(judged, "POLICY_COUNTRY_REFUSED")
    assert refused.origin == "policy" and refused.severity == "high" and "China" in refused.message
    assert refused.evidence and "China" in refused.evidence[0].quote
    assert "China" in refused.question and (("Richtlinie" in refused.question) == (lang == "de"))
    assert judged.rating == "red" and judged.ruleset_rating == "yellow"
    assert "POLICY_COUNTRY_REFUSED" not in ids(policy.apply(scan(scanner, SCC_US, lang), TODAY))


@pytest.mark.parametrize("lang", ["en", "de"])
def test_policy_mechanism_not_accepted(scanner, tmp_path, lang):
    """A transfer resting only on a mechanism outside the accepted list is a policy finding; SCCs are not."""
    policy = load(scanner, tmp_path, 'transfers.accepted_mechanisms = ["scc", "dpf", "adequacy"]\n')
    consent = policy.apply(scan(scanner, CONSENT_US, lang), TODAY)
    flagged = finding(consent, "POLICY_MECHANISM_NOT_ACCEPTED")
    assert "Art. 49 derogation" in flagged.message and "United States" in flagged.message
    assert consent.rating in ("yellow", "red") and flagged.severity == "medium"
    assert "POLICY_MECHANISM_NOT_ACCEPTED" not in ids(policy.apply(scan(scanner, SCC_US, lang), TODAY))


@pytest.mark.parametrize("lang", ["en", "de"])
def test_policy_adequate_destination_counts_as_adequacy(scanner, tmp_path, lang):
    """A fully adequate destination relies on adequacy: accepted when the list has it, refused when not."""
    doc = scan(scanner, SWISS, lang)
    assert [t.destination for t in doc.transfers] == ["CH"] and doc.rating == "green"
    with_adequacy = load(scanner, tmp_path, 'transfers.accepted_mechanisms = ["scc", "adequacy"]\n')
    assert with_adequacy.apply(doc, TODAY).rating == "green"
    without = load(scanner, tmp_path, 'transfers.accepted_mechanisms = ["scc"]\n')
    assert "POLICY_MECHANISM_NOT_ACCEPTED" in ids(without.apply(doc, TODAY))


@pytest.mark.parametrize("lang", ["en", "de"])
def test_policy_allowed_destinations(scanner, tmp_path, lang):
    """EU-only hosting: a US or an open-ended destination is not allowed; ADEQUATE and listed countries are."""
    eu_only = load(scanner, tmp_path, 'transfers.allowed_destinations = ["EEA"]\n')
    for texts, destination in ((SCC_US, "United States"), (OPEN_ENDED, "countries not named"), (SWISS, "Switzerland")):
        judged = eu_only.apply(scan(scanner, texts, lang), TODAY)
        outside = finding(judged, "POLICY_DESTINATION_NOT_ALLOWED")
        assert destination in outside.message and outside.evidence and judged.rating == "red"
    wider = load(scanner, tmp_path, 'transfers.allowed_destinations = ["EEA", "ADEQUATE", "USA"]\n')
    for texts in (SCC_US, SWISS):
        assert "POLICY_DESTINATION_NOT_ALLOWED" not in ids(wider.apply(scan(scanner, texts, lang), TODAY))
    assert "POLICY_DESTINATION_NOT_ALLOWED" in ids(wider.apply(scan(scanner, OPEN_ENDED, lang), TODAY))


def test_policy_question_names_allowed_places_in_the_vendor_language(scanner, tmp_path):
    """The vendor question turns the policy's words (ADEQUATE) into the document's language."""
    policy = load(scanner, tmp_path, 'transfers.allowed_destinations = ["EEA", "ADEQUATE"]\n')
    en = finding(policy.apply(scan(scanner, SCC_US, "en"), TODAY), "POLICY_DESTINATION_NOT_ALLOWED")
    de = finding(policy.apply(scan(scanner, SCC_US, "de"), TODAY), "POLICY_DESTINATION_NOT_ALLOWED")
    assert "adequacy decision" in en.question and "ADEQUATE" not in en.question
    assert "Angemessenheitsbeschluss" in de.question and "adequacy decision" in de.message


@pytest.mark.parametrize("lang", ["en", "de"])
def test_policy_severity_raised_and_lowered(scanner, tmp_path, lang):
    """Raising a rule's severity to high makes the document red; lowering it to low makes it green."""
    doc = scan(scanner, SCC_US, lang)
    assert doc.rating == "yellow" and ids(doc) == {"SUPPLEMENTARY_MEASURES_UNADDRESSED"}
    raised = load(scanner, tmp_path, '[severity]\nSUPPLEMENTARY_MEASURES_UNADDRESSED = "high"\n').apply(doc, TODAY)
    changed = finding(raised, "SUPPLEMENTARY_MEASURES_UNADDRESSED")
    assert (changed.severity, changed.original_severity, raised.rating) == ("high", "medium", "red")
    lowered = load(scanner, tmp_path, '[severity]\nSUPPLEMENTARY_MEASURES_UNADDRESSED = "low"\n').apply(doc, TODAY)
    assert lowered.rating == "green" and finding(lowered, "SUPPLEMENTARY_MEASURES_UNADDRESSED").severity == "low"


def test_policy_severity_of_a_non_core_rule_counts(scanner, tmp_path):
    """A dpcheck rule that does not rate (DEROGATION_AS_SOLE_BASIS) rates once the policy sets its severity."""
    doc = scan(scanner, CONSENT_US, "en")
    assert doc.rating == "green" and "DEROGATION_AS_SOLE_BASIS" in ids(doc)
    policy = load(scanner, tmp_path, '[severity]\nDEROGATION_AS_SOLE_BASIS = "medium"\n')
    assert policy.apply(doc, TODAY).rating == "yellow"


ACCEPT_SUPPLEMENTARY = """
[[accept]]
rule = "SUPPLEMENTARY_MEASURES_UNADDRESSED"
justification = "Our own transfer impact assessment covers this vendor."
expires = 2027-03-31
documents = ["*harbourline*"]
approved_by = "DPO"
ticket = "PRIV-7"
"""


def test_policy_acceptance_before_and_after_expiry(scanner, corpora, tmp_path):
    """An accepted finding stays in the report but not in the rating until its expiry day, then counts again."""
    policy = load(scanner, tmp_path, ACCEPT_SUPPLEMENTARY)
    plain = scanner.scan_path(corpora / "harbourline-dpa-en-2019.pdf")
    assert plain.rating == "yellow" and "SUPPLEMENTARY_MEASURES_UNADDRESSED" in ids(plain)
    on_expiry = policy.apply(plain, date(2027, 3, 31))
    accepted = finding(on_expiry, "SUPPLEMENTARY_MEASURES_UNADDRESSED")
    assert accepted.accepted and accepted.acceptance.ticket == "PRIV-7" and not accepted.acceptance.expired
    assert on_expiry.rating == "green" and on_expiry.ruleset_rating == "yellow"
    assert ids(on_expiry) == ids(plain)
    after = policy.apply(plain, date(2027, 4, 1))
    expired = finding(after, "SUPPLEMENTARY_MEASURES_UNADDRESSED")
    assert not expired.accepted and expired.acceptance.expired and after.rating == "yellow"
    text = render_text(replace(scanner.report([on_expiry, after]), policy=policy.ref))
    assert "Accepted by the policy until 2027-03-31" in text and "Acceptance EXPIRED on 2027-03-31" in text
    assert "GREEN by the policy; YELLOW by the GDPR rules alone" in text and "Policy applied: Test policy" in text
    assert text.count("MEDIUM ACCEPTED  SUPPLEMENTARY_MEASURES_UNADDRESSED") == 1


def test_policy_acceptance_limited_to_documents_and_vendor(scanner, corpora, tmp_path):
    """An acceptance limited by glob or vendor name leaves other documents' findings active."""
    doc = scanner.scan_path(corpora / "kraftpaket-avv-de-2021.pdf")
    assert "SUPPLEMENTARY_MEASURES_UNADDRESSED" in ids(doc)
    by_glob = load(scanner, tmp_path, ACCEPT_SUPPLEMENTARY)
    assert not finding(by_glob.apply(doc, TODAY), "SUPPLEMENTARY_MEASURES_UNADDRESSED").accepted
    by_vendor = load(
        scanner, tmp_path, ACCEPT_SUPPLEMENTARY.replace('documents = ["*harbourline*"]', 'vendor = "Kraft Paket"')
    )
    judged = by_vendor.apply(doc, TODAY)
    assert finding(judged, "SUPPLEMENTARY_MEASURES_UNADDRESSED").accepted and judged.rating == "green"


def test_policy_finding_can_be_accepted(scanner, tmp_path):
    """A policy finding is accepted like any rule's, so a refused country can be let through for a while."""
    policy = load(
        scanner,
        tmp_path,
        """transfers.refused_countries = ["CN"]
[severity]
SUPPLEMENTARY_MEASURES_UNADDRESSED = "low"
[[accept]]
rule = "POLICY_COUNTRY_REFUSED"
justification = "Exit plan agreed; migration to Frankfurt by spring."
expires = "2027-04-30"
""",
    )
    judged = policy.apply(scan(scanner, SCC_CHINA, "en"), TODAY)
    assert finding(judged, "POLICY_COUNTRY_REFUSED").accepted and judged.rating == "green"
    assert policy.apply(scan(scanner, SCC_CHINA, "en"), date(2027, 5, 1)).rating == "red"


def test_policy_with_as_of_judges_law_and_expiry_on_the_same_day(corpora, tmp_path):
    """--as-of moves both the law (Privacy Shield lawful in 2019) and the acceptance's expiry."""
    path = write_policy(
        tmp_path,
        """transfers.accepted_mechanisms = ["scc", "dpf"]
[[accept]]
rule = "POLICY_MECHANISM_NOT_ACCEPTED"
justification = "Privacy Shield accepted until our SCC migration."
expires = 2020-07-16
vendor = "ParcelPilot"
""",
    )
    doc = corpora / "parcelpilot-privacy-shield-notice-en-2019.md"
    in_2019 = Scanner(as_of=date(2019, 6, 1), policy=path).scan_path(doc)
    assert "INVALID_TRANSFER_MECHANISM" not in ids(in_2019)
    assert finding(in_2019, "POLICY_MECHANISM_NOT_ACCEPTED").accepted and in_2019.rating == "green"
    today = Scanner(as_of=TODAY, policy=path).scan_path(doc)
    assert "INVALID_TRANSFER_MECHANISM" in ids(today) and today.rating == "red"
    assert finding(today, "POLICY_MECHANISM_NOT_ACCEPTED").acceptance.expired


def test_policy_leaves_detection_alone(scanner, corpora, tmp_path):
    """With a policy the ruleset's findings, transfers and ruleset rating are what they are without one."""
    policy = Policy.load(EXAMPLE, ruleset=scanner.ruleset)
    for path in sorted(corpora.glob("*.md")):
        plain = scanner.scan_path(path)
        judged = policy.apply(plain, TODAY)
        ruleset_findings = [
            replace(f, severity=f.original_severity or f.severity, original_severity=None, acceptance=None)
            for f in judged.findings
            if f.origin == "ruleset"
        ]
        assert ruleset_findings == list(plain.findings)
        assert judged.transfers == plain.transfers and judged.ruleset_rating == plain.rating


def test_policy_without_policy_keeps_report_shape(scanner):
    """Without a policy the JSON has no policy fields; with one, the report and each finding say what it did."""
    doc = scan(scanner, SCC_US, "en")
    plain = report_to_dict(scanner.report([doc]))
    assert "policy" not in plain and "policy" not in plain["documents"][0]
    assert set(plain["documents"][0]["findings"][0]) == {
        "rule_id",
        "title",
        "article",
        "severity",
        "core",
        "message",
        "question",
        "evidence",
    }


def test_policy_json_report_fields(corpora, tmp_path):
    """The JSON report names the policy (name, path as given, sha256) and marks accepted findings."""
    path = write_policy(tmp_path, ACCEPT_SUPPLEMENTARY)
    scanner = Scanner(as_of=TODAY, policy=path)
    report = scanner.report([scanner.scan_path(corpora / "harbourline-dpa-en-2019.pdf")])
    data = report_to_dict(report, graph=False)
    assert data["policy"] == {
        "name": "Test policy",
        "path": str(path),
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
    }
    doc = data["documents"][0]
    assert doc["policy"] == data["policy"] and doc["ruleset_rating"] == "yellow" and doc["rating"] == "green"
    accepted = next(f for f in doc["findings"] if f["rule_id"] == "SUPPLEMENTARY_MEASURES_UNADDRESSED")
    assert accepted["accepted"] and accepted["acceptance"]["expires"] == "2027-03-31"
    assert accepted["origin"] == "ruleset" and accepted["original_severity"] is None
    assert accepted["question"] not in doc["questions"]
    json.dumps(document_to_dict(report.documents[0]))


def test_policy_validation_lists_every_problem_with_its_key(scanner, tmp_path):
    """A bad policy is refused with one message per problem, each naming its key path."""
    path = tmp_path / "bad.toml"
    path.write_text(
        """[policy]
title = "no name"
[transfers]
accepted_mechanisms = ["scc", "standard clauses"]
refused_countries = ["Narnia", "CN"]
allowed_destinations = ["EEA", "CN"]
[severity]
SUPPLEMENTARY_MEASURES_UNADDRESSED = "critical"
NO_SUCH_RULE = "high"
[[accept]]
rule = "TRANSFER_MECHANISM_UNSPECIFED"
expires = "next year"
colour = "red"
""",
        encoding="utf-8",
    )
    with pytest.raises(PolicyError) as caught:
        Policy.load(path, ruleset=scanner.ruleset)
    problems = "\n".join(caught.value.problems)
    for expected in (
        "bad.toml: policy.title: unknown key",
        "policy.name: missing",
        "transfers.accepted_mechanisms: unknown mechanism 'standard clauses'",
        "transfers.refused_countries[0]: unknown country 'Narnia'",
        "CN is both refused and allowed",
        "severity.SUPPLEMENTARY_MEASURES_UNADDRESSED: unknown severity 'critical'",
        "severity.NO_SUCH_RULE: unknown rule id",
        "accept[0].rule: unknown rule id",
        "accept[0].justification: missing",
        "accept[0].expires: 'next year' is not a date",
        "accept[0].colour: unknown key",
    ):
        assert expected in problems, expected
    assert len(caught.value.problems) == 11


def test_policy_expiry_accepts_a_date_time_and_refuses_an_empty_mechanism_list(scanner, tmp_path):
    """A TOML date-time expires on its day; an empty accepted_mechanisms list is a mistake, not "accept none"."""
    policy = load(
        scanner,
        tmp_path,
        '[[accept]]\nrule = "SCC_REPEALED_VERSION"\njustification = "Renewal signed"\nexpires = 2027-04-30T12:00:00\n',
    )
    assert policy.accepts[0].expires == date(2027, 4, 30)
    with pytest.raises(PolicyError, match="accepted_mechanisms: is empty"):
        load(scanner, tmp_path, "transfers.accepted_mechanisms = []\n")


def test_policy_not_toml_or_missing_is_refused(scanner, tmp_path):
    """Broken TOML and a missing file give one friendly problem each."""
    broken = tmp_path / "broken.toml"
    broken.write_text("[policy\nname = ", encoding="utf-8")
    with pytest.raises(PolicyError, match="not a valid TOML file"):
        Policy.load(broken, ruleset=scanner.ruleset)
    with pytest.raises(PolicyError, match="cannot read the policy file"):
        Policy.load(tmp_path / "missing.toml", ruleset=scanner.ruleset)


def test_policy_is_picklable_with_a_stable_digest(scanner):
    """A loaded policy crosses process boundaries (batch workers) and names its file's digest."""
    policy = Policy.load(EXAMPLE, ruleset=scanner.ruleset)
    again = pickle.loads(pickle.dumps(policy))
    assert again == policy and again.sha256 == policy.sha256 == Policy.load(EXAMPLE, ruleset=scanner.ruleset).sha256
    assert policy.accepted_mechanisms == ("adequacy", "dpf", "scc")  # sorted, so its repr is the same everywhere


def test_policy_example_file_is_valid_and_changes_outcomes(scanner, corpora):
    """The shipped example policy validates, and it accepts the Quillware findings it names."""
    policy = Policy.load(EXAMPLE, ruleset=scanner.ruleset)
    judged = policy.apply(scanner.scan_path(corpora / "quillware-dpa-en-2024.docx"), TODAY)
    accepted = {f.rule_id for f in judged.findings if f.accepted}
    assert accepted == {"SUBPROCESSOR_OBJECTION_MISSING", "SUPPLEMENTARY_MEASURES_UNADDRESSED"}


def test_cli_scan_with_policy_end_to_end(scanner, corpora, tmp_path):
    """`dpcheck scan --policy` turns a green document red, so --fail-on red exits 1; the report names the policy."""
    path = write_policy(tmp_path, 'transfers.allowed_destinations = ["EEA"]\n')
    doc = corpora / "nimbusnotes-privacy-en-2025.md"
    assert scanner.scan_path(doc).rating == "green"
    result = CliRunner().invoke(main, ["scan", str(doc), "--fail-on", "red", "--policy", str(path)])
    assert result.exit_code == 1, result.output
    assert result.output.startswith("RED") and "POLICY_DESTINATION_NOT_ALLOWED" in result.output
    assert f"Policy applied: Test policy ({path}, sha256 " in result.output


def test_cli_policy_check(tmp_path):
    """`dpcheck policy check` summarises a sound policy and exits 2 listing a bad one's problems."""
    runner = CliRunner()
    ok = runner.invoke(main, ["policy", "check", str(EXAMPLE), "--as-of", "2027-05-01"])
    assert ok.exit_code == 0, ok.output
    assert "policy OK: Example GmbH" in ok.output and "refused countries: CN, RU" in ok.output
    assert "SUPPLEMENTARY_MEASURES_UNADDRESSED until 2027-03-31 (EXPIRED" in ok.output
    bad = write_policy(tmp_path, 'transfers.refused_countries = ["Atlantis"]\n')
    result = runner.invoke(main, ["policy", "check", str(bad)])
    assert result.exit_code == 2 and "transfers.refused_countries[0]: unknown country 'Atlantis'" in result.output
    assert runner.invoke(main, ["scan", str(EXAMPLE.parent), "--policy", str(bad)]).exit_code == 2


def test_policy_rule_ids_are_pinned(scanner):
    """Policy rule ids are stable (a rename is a visible diff) and every rule asks in English and German."""
    rules = scanner.ruleset.policy_rules
    assert [r.id for r in rules] == [
        "POLICY_COUNTRY_REFUSED",
        "POLICY_DESTINATION_NOT_ALLOWED",
        "POLICY_MECHANISM_NOT_ACCEPTED",
    ]
    assert all(set(r.questions) == {"en", "de"} and "Buyer's policy" in r.article for r in rules)


@pytest.fixture
def own_rules(tmp_path: Path) -> Path:
    """A copy of the bundled rules folder, to edit."""
    import shutil

    from dpcheck.resources import rules_dir

    return Path(shutil.copytree(rules_dir(), tmp_path / "rules"))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_policy_reads_country_names_from_the_rules_folder(own_rules, tmp_path):
    """With --rules DIR, a policy's country names are read with DIR's lexicon, not the bundled one."""
    from dpcheck.checks import Ruleset
    from dpcheck.resources import rules_dir

    _edit(own_rules / "lexicon" / "countries.yml", '  CN: ["chinese",', '  CN: ["reich der mitte", "chinese",')
    path = write_policy(tmp_path, 'transfers.refused_countries = ["Reich der Mitte"]\n')
    assert Policy.load(path, ruleset=Ruleset.load(own_rules)).refused_countries == ("CN",)
    assert Scanner(rules=own_rules, policy=path).policy.refused_countries == ("CN",)
    with pytest.raises(PolicyError, match="unknown country 'Reich der Mitte'"):
        Policy.load(path, ruleset=Ruleset.load(rules_dir()))


def test_policy_rules_come_from_the_rules_folder(own_rules, tmp_path):
    """The policy's rules are rule files of the rules folder: an edited message shows in the finding."""
    _edit(own_rules / "policy" / "POLICY_COUNTRY_REFUSED.yml", "which our policy refuses", "which we never allow")
    path = write_policy(tmp_path, 'transfers.refused_countries = ["CN"]\n')
    doc = Scanner(rules=own_rules, policy=path).scan_text(SCC_CHINA["en"], language="en", doc_type="privacy_policy")
    assert "which we never allow" in finding(doc, "POLICY_COUNTRY_REFUSED").message
