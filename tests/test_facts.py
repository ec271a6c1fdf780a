"""Legal facts: every dated fact of rules/facts is judged by the law of the day asked."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from dpcheck.cli import main
from dpcheck.errors import RulesetError
from dpcheck.facts import LegalFacts
from dpcheck.flows.paths import judge_hop
from dpcheck.lint import lint
from dpcheck.policy import Policy
from dpcheck.resources import rules_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def facts() -> LegalFacts:
    return LegalFacts.load(rules_dir() / "facts")


@pytest.mark.parametrize(
    ("day", "expiry", "in_force"),
    [
        (date(2021, 6, 27), None, False),  # before the decision
        (date(2021, 6, 28), date(2025, 6, 27), True),  # four-year sunset clause
        (date(2025, 6, 23), date(2025, 6, 27), True),
        (date(2025, 6, 24), date(2025, 12, 27), True),  # six-month extension adopted
        (date(2025, 12, 18), date(2025, 12, 27), True),
        (date(2025, 12, 19), date(2031, 12, 27), True),  # renewal (EU) 2025/2574
        (date(2031, 12, 27), date(2031, 12, 27), True),  # last day in force
        (date(2031, 12, 28), date(2031, 12, 27), False),
    ],
)
def test_facts_uk_adequacy_expiry_is_the_one_in_force_on_the_day(facts, day, expiry, in_force):
    """The UK decision's end date is the one set by the latest instrument adopted by the day judged."""
    decision = facts.adequacy["GB"]
    assert decision.expiry_on(day) == expiry
    assert decision.in_force(day) is in_force
    assert facts.fully_adequate("GB", day) is in_force


def test_facts_uk_adequacy_expiring_window(facts):
    """Reports warn from a year before the expiry in force on the day, and not after it lapses."""
    assert facts.expiring("GB", date(2030, 12, 26)) is None
    assert facts.expiring("GB", date(2030, 12, 27)) is not None
    assert facts.expiring("GB", date(2031, 12, 27)) is not None
    assert facts.expiring("GB", date(2031, 12, 28)) is None
    assert facts.expiring("GB", date(2025, 12, 18)) is not None  # then it expired on 27 December 2025
    assert facts.expiring("GB", date(2025, 12, 19)) is None  # renewed that day until 2031
    assert facts.expiring("CH", date(2030, 12, 27)) is None  # no sunset clause


def test_facts_brazil_is_adequate_from_26_january_2026_within_the_lgpd(facts):
    """Brazil's decision counts from its adoption and keeps its LGPD scope visible."""
    assert not facts.fully_adequate("BR", date(2026, 1, 25))
    assert facts.fully_adequate("BR", date(2026, 1, 26))
    decision = facts.decision_on("BR", date(2026, 1, 26))
    assert decision is not None and "LGPD" in decision.scope and "public safety" in decision.scope
    judged = judge_hop("BR", (), facts, date(2026, 1, 26))
    covered, basis = judged.covered, judged.basis
    assert covered and "2026/179" in basis and "LGPD" in basis


def test_facts_israel_scope_names_automated_processing_and_excluded_territories(facts):
    """Israel's decision covers automated processing within the pre-1967 borders; a vendor's transfer is within it."""
    decision = facts.adequacy["IL"]
    assert decision.covers == "automated_processing" and decision.covers_vendors
    for place in ("Golan Heights", "West Bank", "East Jerusalem", "Gaza Strip"):
        assert place in decision.scope
    assert facts.fully_adequate("IL", date(2026, 12, 4))


def test_facts_epo_is_an_adequate_recipient_that_is_not_a_country(facts):
    """The European Patent Organisation is read from organisations.yml and adequate from 15 July 2025."""
    epo = facts.organisations["EPO"]
    assert epo.name == "European Patent Organisation" and "Europäische Patentorganisation" in epo.names["de"]
    assert epo.seat == "DE"
    decision = facts.adequacy["EPO"]
    assert decision.organisation and "2025/1382" in decision.decision
    assert facts.decision_on("EPO", date(2025, 7, 14)) is None
    assert facts.fully_adequate("EPO", date(2025, 7, 15))
    assert judge_hop("EPO", (), facts, date(2025, 7, 15)).covered is True
    assert judge_hop("EPO", (), facts, date(2025, 7, 14)).covered is False


def test_facts_organisation_ids_never_read_as_countries(tmp_path):
    """An adequacy decision for an organisation that organisations.yml does not define is refused."""
    folder = tmp_path / "facts"
    shutil.copytree(rules_dir() / "facts", folder)
    path = folder / "adequacy.yml"
    text = path.read_text(encoding="utf-8").replace("organisation: EPO", "organisation: WIPO")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesetError, match=r"WIPO is not in organisations\.yml"):
        LegalFacts.load(folder)


def test_facts_el_is_greece_in_facts_and_policy_files(facts, scanner, tmp_path):
    """EL, the Official Journal's code for Greece, is read as GR in fact files and in a buyer's policy."""
    assert facts.code("el") == "GR" and "GR" in facts.eea
    folder = tmp_path / "facts"
    shutil.copytree(rules_dir() / "facts", folder)
    eea = folder / "eea.yml"
    eea.write_text(eea.read_text(encoding="utf-8").replace("DE, GR,", "DE, EL,"), encoding="utf-8")
    assert "GR" in LegalFacts.load(folder).eea
    policy = tmp_path / "policy.toml"
    policy.write_text(
        'transfers.allowed_destinations = ["EEA", "EL"]\n\n[policy]\nname = "Greek hosting"\n', encoding="utf-8"
    )
    assert Policy.load(policy, ruleset=scanner.ruleset).allowed_destinations == ("EEA", "GR")


@pytest.mark.parametrize(
    ("text", "version"),
    [
        ("the standard contractual clauses of Decision 2010/87/EU", "2010/87/EU"),
        ("the SCCs (Commission document C(2010) 593)", "2010/87/EU"),
        (
            "the Model Contract Clauses for the transfer of personal data to Processors Established in Third Countries "
            "under Directive 95/46/EC",
            "Directive 95/46/EC",
        ),
        (
            "the standard contractual clauses for the transfer of personal data to processors established in third "
            "countries under the GDPR",
            None,
        ),
        ("the EU model clauses of Commission Decision 2002/16/EC", "2002/16/EC"),
        (
            "Commission Decision of 27 December 2001 on standard contractual clauses for the transfer of personal data to "
            "processors established in third countries",
            "2002/16/EC",
        ),
        ("the standard contractual clauses notified under document C(2021) 3972", "2021/914"),
        (
            "Standardvertragsklauseln für die Übermittlung personenbezogener Daten an Auftragsverarbeiter in Drittländern "
            "nach der Richtlinie 95/46/EG",
            "Directive 95/46/EC",
        ),
        ("Standardvertragsklauseln gemäß Beschluss der Kommission vom 5. Februar 2010", "2010/87/EU"),
        (
            "the Art. 28(7) clauses of Implementing Decision (EU) 2021/915 and the SCCs of Decision 2010/87/EU",
            "2010/87/EU",
        ),
        ("the Art. 28(7) clauses of Implementing Decision (EU) 2021/915", None),
        ("the standard contractual clauses", None),
        (
            "the Model Contract Clauses for the transfer of personal data to processors established in third countries",
            "Directive 95/46/EC",
        ),
        (
            "die Standardvertragsklauseln für die Übermittlung personenbezogener Daten an Auftragsverarbeiter in Drittländern",
            "Directive 95/46/EC",
        ),
        ("our suppliers signed the 2010 clauses", "2010/87/EU"),
        ("the EU Standard Contractual Clauses (2010)", "2010/87/EU"),
        ("die Standardvertragsklauseln aus dem Jahr 2010", "2010/87/EU"),
        ("the standard contractual clauses of February 5, 2010", "2010/87/EU"),
        ("the EU Model Clauses", None),
        ("the standard contractual clauses of 4 June 2021", "2021/914"),
        ("die Standardvertragsklauseln vom 4. Juni 2021", "2021/914"),
        ("the 2021 SCCs, which replace the 2010 clauses", "2021/914"),
        ("the new clauses replace the 2010 clauses", None),
        ("die neuen Klauseln ersetzen die Standardvertragsklauseln von 2010", None),
    ],
)
def test_facts_scc_versions_are_recognised_by_number_document_and_title(facts, text, version):
    """SCC sets are recognised by number, C(...) document number, date, year or title; Art. 28(7) clauses are no
    transfer tool, and a set said to be replaced is history."""
    found = facts.scc_version(text)
    assert (found["id"] if found else None) == version


def test_facts_dpf_challenges_are_pending_between_lodging_and_decision(facts):
    """T-553/23 was pending until its judgment of 3 September 2025; the appeal C-703/25 P from 31 October 2025."""

    def cases(day: date) -> list[str]:
        return [c.case.split()[0] for c in facts.challenges_pending("dpf", day)]

    assert cases(date(2023, 9, 5)) == []
    assert cases(date(2023, 9, 6)) == ["T-553/23"]
    assert cases(date(2025, 9, 2)) == ["T-553/23"]
    assert cases(date(2025, 9, 3)) == []
    assert cases(date(2025, 10, 30)) == []
    assert cases(date(2025, 10, 31)) == ["C-703/25"]
    assert facts.fallbacks("dpf") == {"scc", "bcr"}


def test_facts_uk_extension_and_swiss_dpf_are_their_own_instruments(facts):
    """The UK Extension (SI 2023/1028) and the Swiss-U.S. DPF govern UK and Swiss exports, not the EU decision's."""
    related = {r["exporter"]: r for r in facts.mechanisms["dpf"]["related"]}
    assert "SI 2023/1028" in related["GB"]["instrument"] and related["GB"]["in_force"] == "2023-10-12"
    assert related["CH"]["in_force"] == "2024-09-15"
    assert facts.mechanisms["dpf"]["destinations"] == ["US"]
    assert "only transfers to US" in facts.tool_problem("dpf", "CH", date(2026, 12, 4))


def test_facts_pending_items_are_recorded_not_applied(facts):
    """The Digital Omnibus 96 h proposal and an unconfirmed Trump v. Slaughter stay pending; 72 h applies."""
    pending = {p.id: p for p in facts.pending}
    assert pending["digital-omnibus-breach-96h"].status == "proposal"
    assert pending["digital-omnibus-breach-96h"].since == date(2025, 11, 19)
    assert pending["trump-v-slaughter"].status == "unconfirmed"
    assert facts.breach_deadline_hours == 72


def test_facts_readme_names_every_pending_fact():
    """README's legal section says what is pending: each pending fact appears there by its id."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Legal facts") :]
    for item in LegalFacts.load(rules_dir() / "facts").pending:
        assert f"`{item.id}`" in section, item.id


def test_facts_schema_problems_name_the_file_and_the_place(tmp_path):
    """A misspelt field or an unquoted date in a fact file is named by `dpcheck rules lint`."""
    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    adequacy = folder / "facts" / "adequacy.yml"
    text = adequacy.read_text(encoding="utf-8")
    text = text.replace('expires: "2031-12-27"', "expires: 2031-12-27").replace("expiry_notice_days", "expiry_notice")
    adequacy.write_text(text, encoding="utf-8")
    problems = lint(folder)
    assert any(
        re.search(r"adequacy\.yml: decisions\.\d+\.terms\.2\.expires: .* is not of type 'string'", p) for p in problems
    ), problems
    assert any("adequacy.yml: top level: 'expiry_notice_days' is a required property" in p for p in problems)


def test_cli_rules_facts_lists_states_on_the_day(facts):
    """`dpcheck rules facts --as-of` gives each fact's state on that day, pending ones last."""
    runner = CliRunner()
    early = runner.invoke(main, ["rules", "facts", "--as-of", "2025-07-01"])
    now = runner.invoke(main, ["rules", "facts", "--as-of", "2026-12-04"])
    assert early.exit_code == 0 and now.exit_code == 0
    assert "not yet adopted (adopted 2026-01-26)" in early.output
    assert "in force since 2021-06-28, until 2025-12-27" in early.output
    assert "in force since 2021-06-28, until 2031-12-27" in now.output
    assert "C-703/25 P Latombe v Commission\n    pending since 2025-10-31" in now.output
    topics = [line.split("]")[0] + "]" for line in now.output.splitlines() if line.startswith("[")]
    assert topics[-2:] == ["[pending]", "[pending]"] and "[pending]" not in topics[:-2]


def test_facts_scc_version_asked_again_is_remembered_alike(facts, monkeypatch):
    """A quote asked again gives the same answer without being read again, EN and DE, cited set or none; past the
    bound the memory starts afresh."""
    quotes = [
        "the standard contractual clauses of 4 June 2021",
        "die Standardvertragsklauseln vom 4. Juni 2021",
        "the EU Model Clauses",
        "die neuen Klauseln ersetzen die Standardvertragsklauseln von 2010",
    ]
    monkeypatch.setitem(facts.__dict__, "_scc_cited", {})  # the fixture's memory is left as it was
    first = [facts.scc_version(q) for q in quotes]
    assert [f["id"] if f else None for f in first] == ["2021/914", "2021/914", None, None]
    read = []
    monkeypatch.setattr(type(facts), "_scc_version", lambda self, text: read.append(text))
    assert [facts.scc_version(q) for q in quotes] == first and read == []
    monkeypatch.setattr("dpcheck.facts._SCC_CITED", 1)
    facts.scc_version("the 2021 SCCs")
    facts.scc_version(quotes[0])
    assert read == ["the 2021 SCCs", quotes[0]]
