"""Transfer paths through the data-flow graph: multi-hop onward transfers, adequacy with
its scope, and mechanisms judged by the law in force on the day (EN and DE sentences we write)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import networkx as nx
import pytest
from networkx.readwrite import json_graph

from dpcheck import Scanner
from dpcheck.flows.graph import _country, _hop, _party, to_networkx, to_node_link
from dpcheck.flows.hops import CUSTOMER
from dpcheck.flows.paths import judge_hop
from dpcheck.models import Hop


def paths(scanner, text, lang, doc_type="dpa"):
    doc = scanner.scan_text(text, language=lang, doc_type=doc_type)
    return doc, {(p.parties[-1], p.country): p for p in doc.paths}


def fired(doc):
    return {f.rule_id for f in doc.findings}


ONWARD = [
    (
        "en",
        "Processor hosts Customer Personal Data with its sub-processor in the United States under the standard "
        "contractual clauses. Sub-processors may transfer personal data onward to their own sub-processors in India.",
    ),
    (
        "de",
        "Der Auftragnehmer speichert die Daten bei seinem Unterauftragsverarbeiter in den USA auf Grundlage der "
        "Standardvertragsklauseln. Unterauftragsverarbeiter dürfen die Daten an ihre eigenen "
        "Unterauftragsverarbeiter in Indien weiterübermitteln.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), ONWARD)
def test_onward_transfer_without_mechanism_is_flagged_with_its_whole_path(scanner, lang, text):
    """The vendor's SCCs cover its own US transfer, not what sub-processors pass on to India."""
    doc, _ = paths(scanner, text, lang)
    onward = [p for p in doc.paths if p.onward]
    assert [(p.country, p.covered) for p in onward] == [("IN", False)]
    assert onward[0].parties[:3] == ("Customer (controller)", "Vendor", "Sub-processors (all)")
    finding = next(f for f in doc.findings if f.rule_id == "ONWARD_TRANSFER_UNCOVERED")
    assert "→ India" in finding.message
    assert any(("India" in e.quote or "Indien" in e.quote) for e in finding.evidence)
    us = next(p for p in doc.paths if p.country == "US")
    assert us.covered and not us.onward and "contractual clauses" in us.basis


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We require our sub-processors to make any onward transfer to third countries only under the standard "
            "contractual clauses. Sub-processors may transfer personal data onward to their own sub-processors in India.",
        ),
        (
            "de",
            "Wir verpflichten unsere Unterauftragsverarbeiter, Weiterübermittlungen in Drittländer nur auf Grundlage "
            "der Standardvertragsklauseln vorzunehmen. Unterauftragsverarbeiter dürfen die Daten an ihre eigenen "
            "Unterauftragsverarbeiter in Indien weiterübermitteln.",
        ),
    ],
)
def test_tools_binding_all_subprocessors_cover_their_onward_transfers(scanner, lang, text):
    doc, _ = paths(scanner, text, lang)
    onward = [p for p in doc.paths if p.onward]
    assert onward and all(p.covered for p in onward)
    assert "ONWARD_TRANSFER_UNCOVERED" not in fired(doc)


TABLE = """# Sub-processors

| Sub-processor | Engaged by | Location | Transfer mechanism |
|---|---|---|---|
| Cloudhaus GmbH | | Germany | |
| Mailpost Inc. | | United States | Data Privacy Framework |
| Ticketline Ltd | Mailpost Inc. | Philippines | {mechanism} |
"""


@pytest.mark.parametrize(("mechanism", "covered"), [("", False), ("Standard contractual clauses", True)])
def test_second_tier_subprocessor_in_a_table_hangs_below_the_one_engaging_it(scanner, mechanism, covered):
    doc = scanner.scan_text(TABLE.format(mechanism=mechanism), language="en", format="markdown", doc_type="dpa")
    path = next(p for p in doc.paths if p.country == "PH")
    assert path.parties == ("Customer (controller)", "Vendor", "Mailpost Inc.", "Ticketline Ltd")
    assert path.onward and path.covered is covered
    assert ("ONWARD_TRANSFER_UNCOVERED" in fired(doc)) is not covered
    us = next(p for p in doc.paths if p.country == "US")
    assert us.covered and us.basis.startswith("adequacy decision for organisations certified")
    assert not any(p.country == "DE" for p in doc.paths)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We transfer personal data to the United States on the basis of the European Commission's adequacy decision.",
        ),
        (
            "de",
            "Wir übermitteln personenbezogene Daten in die USA auf Grundlage des Angemessenheitsbeschlusses der "
            "Europäischen Kommission.",
        ),
    ],
)
def test_us_adequacy_covers_only_dpf_certified_recipients(scanner, lang, text):
    doc, found = paths(scanner, text, lang, "privacy_policy")
    us = found[("Vendor", "US")]
    assert not us.covered and "certified under the EU-U.S. Data Privacy Framework" in us.reason
    assert "TRANSFER_PATH_UNCOVERED" in fired(doc)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our provider is certified under the EU-U.S. Data Privacy Framework and hosts your data in the United States.",
        ),
        (
            "de",
            "Unser Anbieter ist nach dem EU-US Data Privacy Framework zertifiziert und speichert Ihre Daten in den USA.",
        ),
    ],
)
def test_dpf_certification_brings_a_us_transfer_within_the_adequacy_decision(scanner, lang, text):
    doc, found = paths(scanner, text, lang, "privacy_policy")
    assert found[("Vendor", "US")].covered
    assert "TRANSFER_PATH_UNCOVERED" not in fired(doc)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We transfer personal data to Canada, Japan and South Korea on the basis of the European Commission's "
            "adequacy decisions.",
        ),
        (
            "de",
            "Wir übermitteln personenbezogene Daten nach Kanada, Japan und Südkorea auf Grundlage der "
            "Angemessenheitsbeschlüsse der Europäischen Kommission.",
        ),
    ],
)
def test_sectoral_adequacy_covers_commercial_recipients_and_says_its_scope(scanner, lang, text):
    _, found = paths(scanner, text, lang, "privacy_policy")
    for code, scope in (("CA", "PIPEDA"), ("JP", "APPI"), ("KR", "Personal Information Protection Act")):
        assert found[("Vendor", code)].covered
        assert scope in found[("Vendor", code)].basis


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Your data is stored in the United Kingdom and in Switzerland."),
        ("de", "Ihre Daten werden im Vereinigten Königreich und in der Schweiz gespeichert."),
    ],
)
def test_uk_and_switzerland_are_adequate_third_countries(scanner, lang, text):
    doc, found = paths(scanner, text, lang, "privacy_policy")
    assert {t.destination for t in doc.transfers} == {"GB", "CH"}
    assert found[("Vendor", "GB")].covered and found[("Vendor", "CH")].covered
    assert "adequacy decision" in found[("Vendor", "CH")].basis


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our provider is certified under the EU-U.S. Data Privacy Framework. Customer support staff in India "
            "access your data.",
        ),
        (
            "de",
            "Unser Anbieter ist nach dem EU-US Data Privacy Framework zertifiziert. Mitarbeiter des Kundensupports in "
            "Indien greifen auf Ihre Daten zu.",
        ),
    ],
)
def test_a_us_only_framework_leaves_other_destinations_uncovered(scanner, lang, text):
    doc, found = paths(scanner, text, lang, "privacy_policy")
    assert "covers only transfers to US" in found[("Vendor", "IN")].reason
    assert "TRANSFER_PATH_UNCOVERED" in fired(doc)


SHIELD = {
    "en": "We transfer personal data to the United States under the EU-U.S. Privacy Shield.",
    "de": "Wir übermitteln personenbezogene Daten in die USA auf Grundlage des EU-US Privacy Shield.",
}
HARBOR = {
    "en": "Personal data is transferred to the United States under the Safe Harbor framework.",
    "de": "Personenbezogene Daten werden auf Grundlage des Safe-Harbor-Abkommens in die USA übermittelt.",
}
OLD_SCC = {
    "en": "Personal data is transferred to India under the standard contractual clauses of Commission "
    "Decision 2010/87/EU.",
    "de": "Personenbezogene Daten werden auf Grundlage der Standardvertragsklauseln des Beschlusses 2010/87/EU "
    "nach Indien übermittelt.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize(
    ("texts", "country", "valid_on", "invalid_on"),
    [
        (SHIELD, "US", date(2019, 6, 1), date(2020, 7, 16)),
        (HARBOR, "US", date(2015, 10, 5), date(2015, 10, 6)),
        (OLD_SCC, "IN", date(2022, 12, 27), date(2022, 12, 28)),
    ],
)
def test_a_mechanism_is_judged_by_the_law_of_the_day(lang, texts, country, valid_on, invalid_on):
    """Privacy Shield until 2020-07-16, Safe Harbor until 2015-10-06, the old SCCs until 2022-12-27."""
    before = Scanner(as_of=valid_on).scan_text(texts[lang], language=lang, doc_type="privacy_policy")
    after = Scanner(as_of=invalid_on).scan_text(texts[lang], language=lang, doc_type="privacy_policy")
    assert [p.covered for p in before.paths if p.country == country] == [True]
    assert [p.covered for p in after.paths if p.country == country] == [False]
    assert "TRANSFER_PATH_UNCOVERED" in fired(after) and "TRANSFER_PATH_UNCOVERED" not in fired(before)


def test_judge_hop_reads_every_limit_from_the_facts(scanner):
    facts = scanner.ruleset.facts
    assert judge_hop("US", ("dpf",), facts, date(2023, 7, 9)).covered is False  # before the DPF decision
    assert judge_hop("US", ("dpf",), facts, date(2023, 7, 10)).covered is True
    assert judge_hop("KR", (), facts, date(2021, 12, 16)).covered is False  # before Korea's decision
    assert judge_hop("KR", (), facts, date(2021, 12, 17)).covered is True
    none = judge_hop("BR", (), facts, date(2026, 1, 1))
    assert not none.covered and none.reason == "no transfer mechanism is stated for this hop"
    derogation = judge_hop("BR", ("derogation",), facts, date(2026, 1, 1))
    assert derogation.covered and "exceptional" in derogation.basis


def test_graph_edges_carry_the_judgement(scanner):
    doc = scanner.scan_text(ONWARD[0][1], language="en", doc_type="dpa")
    edges = {(u, v): d for u, v, d in to_networkx(doc.flow).edges(data=True) if d["kind"] == "transfer"}
    assert edges[("party:onward recipients of sub-processors", "country:IN")]["covered"] is False
    assert edges[("party:vendor", "country:US")]["covered"] is True


def _networkx_hop_by_hop(flow):
    """The graph as networkx makes it from the customer and each hop in turn (its target first)."""
    known = {p.key: _party(p) for p in flow.parties} | {c.key: _country(c) for c in flow.countries}
    graph = nx.DiGraph()
    graph.add_node(CUSTOMER, **known[CUSTOMER])
    for hop in flow.hops:
        if hop.target not in graph:
            graph.add_node(hop.target, **known[hop.target])
        graph.add_edge(hop.source, hop.target, **_hop(hop))
    return graph


@pytest.mark.parametrize(("lang", "text"), ONWARD)
def test_graph_node_link_without_networkx_equals_networkx(scanner, lang, text):
    """The node-link data written without networkx is networkx's, and so is the graph: also with an
    edge found twice (its attributes updated in its first place) and a hop from a party never
    reached before (it joins without attributes)."""
    flow = scanner.scan_text(text, language=lang, doc_type="dpa").flow
    first = flow.hops[-1]
    again = replace(first, mechanisms=("bcr",), evidence=())
    stray = Hop(source="party:unreached", target=first.target, kind="transfer")
    for hops in (flow.hops, (*flow.hops, again, stray)):
        changed = replace(flow, hops=hops)
        expected = _networkx_hop_by_hop(changed)
        assert to_node_link(changed) == json_graph.node_link_data(expected, edges="edges")
        assert list(to_networkx(changed).edges(data=True)) == list(expected.edges(data=True))
        assert list(to_networkx(changed).nodes(data=True)) == list(expected.nodes(data=True))


def test_corpus_multi_hop_example_flags_the_onward_transfer_with_the_whole_path(scanner, corpora):
    """corpora/relaywise-dpa-en-2025.md: Mailpost (US, DPF) engages Ticketline in the Philippines."""
    doc = scanner.scan_path(corpora / "relaywise-dpa-en-2025.md")
    finding = next(f for f in doc.findings if f.rule_id == "ONWARD_TRANSFER_UNCOVERED")
    assert "Customer (controller) → Vendor → Mailpost Inc. → Ticketline Ltd → Philippines" in finding.message
    quotes = [e.quote for e in finding.evidence]
    assert any(q.startswith("Mailpost Inc.") for q in quotes) and any(q.startswith("Ticketline Ltd") for q in quotes)
    assert doc.rating == "green"  # the core flags of the guidelines: none fire on this DPA
    assert [p.covered for p in doc.paths if p.country == "US"] == [True]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We host your data with our provider in the United States and in Switzerland. Our provider is certified "
            "under the EU-U.S. Data Privacy Framework and the Swiss-U.S. Data Privacy Framework.",
        ),
        (
            "de",
            "Wir speichern Ihre Daten bei unserem Anbieter in den USA und in der Schweiz. Unser Anbieter ist nach dem "
            "EU-US Data Privacy Framework und dem Swiss-U.S. Data Privacy Framework zertifiziert.",
        ),
    ],
)
def test_paths_dpf_belongs_to_the_us_never_to_switzerland(scanner, lang, text):
    """The DPF is shown on the US only; Switzerland is covered by its own adequacy decision, not by a DPF."""
    doc, found = paths(scanner, text, lang, "privacy_policy")
    shown = {t.destination: t.mechanisms for t in doc.transfers}
    assert shown["US"] == ("dpf",) and "dpf" not in shown["CH"]
    assert found[("Vendor", "US")].covered and found[("Vendor", "US")].mechanisms == ("dpf",)
    assert found[("Vendor", "CH")].covered and "2000/518/EC" in found[("Vendor", "CH")].basis
    assert "dpf" not in found[("Vendor", "CH")].mechanisms


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We transfer personal data to the United States and to Japan on the basis of adequacy decisions."),
        (
            "de",
            "Wir übermitteln personenbezogene Daten in die USA und nach Japan auf Grundlage von "
            "Angemessenheitsbeschlüssen.",
        ),
    ],
)
def test_paths_adequacy_is_never_shown_on_the_us_without_the_dpf(scanner, lang, text):
    """Japan's adequacy covers it; the US decision is the DPF, so plain adequacy is not shown on the US nor covers it."""
    doc, found = paths(scanner, text, lang, "privacy_policy")
    shown = {t.destination: t.mechanisms for t in doc.transfers}
    assert shown["JP"] == ("adequacy",) and shown["US"] == ()
    us = found[("Vendor", "US")]
    assert not us.covered and "certified under the EU-U.S. Data Privacy Framework" in us.reason
    assert "no adequacy decision" not in us.reason
    assert found[("Vendor", "JP")].covered


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our provider is certified under the EU-U.S. Data Privacy Framework. Customer support staff in India "
            "access your data.",
        ),
        (
            "de",
            "Unser Anbieter ist nach dem EU-US Data Privacy Framework zertifiziert. Mitarbeiter des Kundensupports in "
            "Indien greifen auf Ihre Daten zu.",
        ),
    ],
)
def test_paths_a_us_only_framework_is_not_shown_on_other_countries(scanner, lang, text):
    """India gets no mechanism from the DPF; its path says why the stated framework does not reach it."""
    doc, found = paths(scanner, text, lang, "privacy_policy")
    shown = {t.destination: t.mechanisms for t in doc.transfers}
    assert shown["US"] == ("dpf",) and shown["IN"] == ()
    assert found[("Vendor", "IN")].mechanisms == () and "covers only transfers to US" in found[("Vendor", "IN")].reason


def test_paths_coverage_is_read_from_the_facts(scanner):
    """Which destinations a tool can cover comes from mechanisms.yml and adequacy.yml, on the day judged."""
    facts = scanner.ruleset.facts
    day = date(2026, 12, 4)
    assert facts.covers("dpf", "US", day) and not facts.covers("dpf", "CH", day)
    assert not facts.covers("dpf", "UNSPECIFIED", day)
    assert facts.covers("adequacy", "CH", day) and facts.covers("adequacy", "JP", day)
    assert not facts.covers("adequacy", "US", day) and not facts.covers("adequacy", "IN", day)
    assert not facts.covers("adequacy", "BR", date(2026, 1, 25)) and facts.covers("adequacy", "BR", date(2026, 1, 26))
    assert facts.covers("adequacy", "UNSPECIFIED", day) and facts.covers("scc", "IN", day)
    assert facts.sole_destinations == dict.fromkeys(("dpf", "privacy_shield", "safe_harbor"), "US")
