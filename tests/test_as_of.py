"""Law as of a date: the same document judged by the law in force on different days."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from dpcheck import Scanner
from dpcheck.cli import main

SHIELD = {
    "en": "Transfers of your data to our US parent rely on its certification under the EU-U.S. Privacy Shield.",
    "de": "Übermittlungen Ihrer Daten an unsere US-Muttergesellschaft stützen sich auf deren Zertifizierung "
          "nach dem EU-US Privacy Shield.",
}
OLD_SCC = {
    "en": "Transfers to the United States are governed by the standard contractual clauses of Decision 2010/87/EU. "
          "We assess the laws of the destination in a transfer impact assessment.",
    "de": "Für Übermittlungen in die USA gelten die Standardvertragsklauseln gemäß Beschluss 2010/87/EU; "
          "ergänzende Maßnahmen sind vereinbart.",
}


def _rules(day: date, text: str, lang: str, doc_type: str = "privacy_policy") -> set[str]:
    report = Scanner(as_of=day).scan_text(text, language=lang, doc_type=doc_type)
    return {f.rule_id for f in report.findings}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_as_of_privacy_shield_lawful_before_schrems_ii(lang):
    """A 2019 policy citing Privacy Shield was lawful then, and relies on an invalid tool today."""
    assert "INVALID_TRANSFER_MECHANISM" not in _rules(date(2019, 6, 1), SHIELD[lang], lang)
    assert "INVALID_TRANSFER_MECHANISM" in _rules(date(2020, 7, 17), SHIELD[lang], lang)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_as_of_old_sccs_lapse_after_transition(lang):
    """SCCs of 2010/87/EU protected transfers until 27 December 2022, not after."""
    assert "SCC_REPEALED_VERSION" not in _rules(date(2022, 6, 1), OLD_SCC[lang], lang, "dpa")
    assert "SCC_REPEALED_VERSION" in _rules(date(2023, 1, 1), OLD_SCC[lang], lang, "dpa")


def test_as_of_adequacy_counts_from_its_adoption():
    """Uruguay became adequate on 21 August 2012: before that a transfer there needed a tool."""
    text = "Customer support staff in Uruguay may access your data."
    early, late = Scanner(as_of=date(2012, 1, 1)), Scanner(as_of=date(2013, 1, 1))
    before = early.scan_text(text, language="en")
    after = late.scan_text(text, language="en")
    assert "TRANSFER_MECHANISM_UNSPECIFIED" in {f.rule_id for f in before.findings}
    assert "TRANSFER_MECHANISM_UNSPECIFIED" not in {f.rule_id for f in after.findings}
    assert after.transfers[0].adequate and not before.transfers[0].adequate


def test_cli_as_of_changes_outcome_and_is_reported(tmp_path):
    """`--as-of` changes the rating and the report states the date used."""
    import json

    doc = tmp_path / "policy.md"
    doc.write_text("# Privacy Policy\n\n" + SHIELD["en"] + "\n", encoding="utf-8")
    runner = CliRunner()
    then = json.loads(runner.invoke(main, ["scan", str(doc), "--format", "json", "--as-of", "2019-06-01"]).output)
    now = json.loads(runner.invoke(main, ["scan", str(doc), "--format", "json"]).output)
    assert then["law_as_of"] == "2019-06-01" and now["law_as_of"] == date.today().isoformat()
    assert then["documents"][0]["rating"] != "red"
    assert now["documents"][0]["rating"] == "red"
    assert runner.invoke(main, ["scan", str(doc), "--as-of", "yesterday"]).exit_code == 2
