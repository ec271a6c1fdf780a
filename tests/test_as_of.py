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
UK_SUPPORT = {
    "en": "Our support team in the United Kingdom may access your personal data.",
    "de": "Unser Support-Team im Vereinigten Königreich kann auf Ihre personenbezogenen Daten zugreifen.",
}
DPF_ONLY = {
    "en": "Our US provider is certified under the EU-U.S. Data Privacy Framework and stores your data in the United "
    "States.",
    "de": "Unser US-Anbieter ist nach dem EU-US Data Privacy Framework zertifiziert und speichert Ihre Daten in den "
    "USA.",
}
TITLE_SCC = {
    "en": "Transfers to India are governed by the Model Contract Clauses for the transfer of personal data to "
    "processors established in third countries under Directive 95/46/EC.",
    "de": "Für Übermittlungen nach Indien gelten die Standardvertragsklauseln für die Übermittlung personenbezogener "
    "Daten an Auftragsverarbeiter in Drittländern nach der Richtlinie 95/46/EG.",
}
OLD_SCC = {
    "en": "Transfers to the United States are governed by the standard contractual clauses of Decision 2010/87/EU. "
    "We assess the laws of the destination in a transfer impact assessment.",
    "de": "Für Übermittlungen in die USA gelten die Standardvertragsklauseln gemäß Beschluss 2010/87/EU; "
    "ergänzende Maßnahmen sind vereinbart.",
}


def _rules(scanner: Scanner, day: date, text: str, lang: str, doc_type: str = "privacy_policy") -> set[str]:
    """Rules fired on ``text`` judged by the law of ``day`` (the session's scanner, no rebuild)."""
    report = scanner.with_as_of(day).scan_text(text, language=lang, doc_type=doc_type)
    return {f.rule_id for f in report.findings}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_as_of_privacy_shield_lawful_before_schrems_ii(scanner, lang):
    """A 2019 policy citing Privacy Shield was lawful then, and relies on an invalid tool today."""
    assert "INVALID_TRANSFER_MECHANISM" not in _rules(scanner, date(2019, 6, 1), SHIELD[lang], lang)
    assert "INVALID_TRANSFER_MECHANISM" in _rules(scanner, date(2020, 7, 17), SHIELD[lang], lang)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_as_of_old_sccs_lapse_after_transition(scanner, lang):
    """SCCs of 2010/87/EU protected transfers until 27 December 2022, not after."""
    assert "SCC_REPEALED_VERSION" not in _rules(scanner, date(2022, 6, 1), OLD_SCC[lang], lang, "dpa")
    assert "SCC_REPEALED_VERSION" in _rules(scanner, date(2023, 1, 1), OLD_SCC[lang], lang, "dpa")


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


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize(
    ("day", "expiring"),
    [
        (date(2025, 6, 23), True),  # the 2021 decision then expired on 27 June 2025
        (date(2025, 12, 18), True),  # extended to 27 December 2025
        (date(2025, 12, 19), False),  # renewed that day until 27 December 2031
        (date(2030, 12, 26), False),
        (date(2030, 12, 27), True),  # a year before the expiry
        (date(2031, 12, 27), True),  # its last day
    ],
)
def test_as_of_uk_adequacy_expiring_on_the_exact_days(scanner, lang, day, expiring):
    """ADEQUACY_EXPIRING appears in the last year of the UK decision's term as the law stood on the day."""
    assert ("ADEQUACY_EXPIRING" in _rules(scanner, day, UK_SUPPORT[lang], lang)) is expiring


@pytest.mark.parametrize("lang", ["en", "de"])
def test_as_of_uk_transfers_need_a_tool_after_the_adequacy_lapses(scanner, lang):
    """On 28 December 2031, with no renewal recorded, a transfer to the UK needs a mechanism."""
    last = _rules(scanner, date(2031, 12, 27), UK_SUPPORT[lang], lang)
    after = _rules(scanner, date(2031, 12, 28), UK_SUPPORT[lang], lang)
    assert "TRANSFER_MECHANISM_UNSPECIFIED" not in last
    assert "TRANSFER_MECHANISM_UNSPECIFIED" in after and "ADEQUACY_EXPIRING" not in after


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize(
    ("day", "at_risk"),
    [
        (date(2023, 7, 9), False),  # before the DPF decision
        (date(2023, 9, 5), False),  # in force, not yet challenged
        (date(2023, 9, 6), True),  # T-553/23 lodged
        (date(2025, 9, 2), True),
        (date(2025, 9, 3), False),  # dismissed by the General Court
        (date(2025, 10, 30), False),
        (date(2025, 10, 31), True),  # appeal C-703/25 P lodged
    ],
)
def test_as_of_dpf_relied_on_alone_while_challenged(scanner, lang, day, at_risk):
    """DPF_RELIED_ON_ALONE asks for an SCC fallback on the days a challenge to the DPF decision is pending."""
    assert ("DPF_RELIED_ON_ALONE" in _rules(scanner, day, DPF_ONLY[lang], lang)) is at_risk


@pytest.mark.parametrize("lang", ["en", "de"])
def test_as_of_dpf_with_scc_fallback_is_not_at_risk(scanner, lang):
    """The same text with the SCCs agreed as well gets no DPF_RELIED_ON_ALONE finding."""
    extra = {
        "en": " We have also agreed the standard contractual clauses with it.",
        "de": " Zusätzlich haben wir mit ihm die Standardvertragsklauseln vereinbart.",
    }
    assert "DPF_RELIED_ON_ALONE" not in _rules(scanner, date(2025, 10, 31), DPF_ONLY[lang] + extra[lang], lang)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_as_of_old_sccs_cited_by_title_lapse_after_transition(scanner, lang):
    """SCCs cited by their old title, not their number, protected transfers until 27 December 2022."""
    assert "SCC_REPEALED_VERSION" not in _rules(scanner, date(2022, 12, 27), TITLE_SCC[lang], lang, "dpa")
    assert "SCC_REPEALED_VERSION" in _rules(scanner, date(2022, 12, 28), TITLE_SCC[lang], lang, "dpa")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_as_of_brazil_needs_no_tool_from_its_adequacy_decision(scanner, lang):
    """Brazil became adequate on 26 January 2026: before that a transfer there needed a tool."""
    text = {
        "en": "Our developers in Brazil may access your personal data.",
        "de": "Unsere Entwickler in Brasilien können auf Ihre personenbezogenen Daten zugreifen.",
    }[lang]
    assert "TRANSFER_MECHANISM_UNSPECIFIED" in _rules(scanner, date(2026, 1, 25), text, lang)
    assert "TRANSFER_MECHANISM_UNSPECIFIED" not in _rules(scanner, date(2026, 1, 26), text, lang)
