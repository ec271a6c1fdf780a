"""The data flow as a stage of its own: built once from the extraction, then only read (by the checks,
the outputs and the fideslang manifest), with each hop's engager and mechanisms from one rule."""

from __future__ import annotations

import networkx as nx
import pytest

from dpcheck.extract import DEFAULT_READERS, Lexicon, Reader, ReaderRegistry, extract
from dpcheck.flows.graph import to_networkx
from dpcheck.ingest import load_text
from dpcheck.report.fides import fides_manifest

ONWARD = {
    "en": "Processor keeps Customer Personal Data at its sub-processor in Canada under the standard contractual "
    "clauses. Sub-processors may transfer personal data onward to their own sub-processors in India.",
    "de": "Der Auftragnehmer speichert die Daten bei seinem Unterauftragsverarbeiter in Kanada auf Grundlage der "
    "Standardvertragsklauseln. Unterauftragsverarbeiter dürfen die Daten an ihre eigenen "
    "Unterauftragsverarbeiter in Indien weiterübermitteln.",
}
HEADED = {
    "en": "# Data Processing Agreement\n\n## 7. International transfers\n\n" + ONWARD["en"] + "\n",
    "de": "# Auftragsverarbeitungsvertrag\n\n## 7. Übermittlungen in Drittländer\n\n" + ONWARD["de"] + "\n",
}
# A second-tier sub-processor in a table, its column of engagers last.
TABLE = "\n".join(
    [
        "# Annex 3: Sub-processors",
        "",
        "| Provider | Location | Safeguard | Sub-processor of |",
        "|---|---|---|---|",
        "| Rackhaus GmbH | Austria | | |",
        "| Postwerk Inc. | United States | Data Privacy Framework | |",
        "| Helpline Ltd | India | {mechanism} | Postwerk Inc. |",
        "",
    ]
)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_flows_path_findings_keep_section_and_reason(scanner, lang):
    """An uncovered path's finding and the path itself quote their evidence whole: heading path and reason."""
    doc = scanner.scan_text(HEADED[lang], language=lang, format="markdown", doc_type="dpa")
    finding = next(f for f in doc.findings if f.rule_id == "ONWARD_TRANSFER_UNCOVERED")
    assert finding.evidence
    assert all(e.section and e.section[-1].startswith("7.") and e.reason for e in finding.evidence)
    onward = next(p for p in doc.paths if p.onward)
    assert all(e.section and e.reason for e in onward.evidence)
    assert any(e.reason.startswith("onward transfer by") for e in onward.evidence)


ENGAGERS = {
    "all sub-processors": ONWARD["en"],
    "a recipient naming itself": """# Sub-processors

| Sub-processor | Engaged by | Location | Transfer mechanism |
|---|---|---|---|
| Postwerk Inc. | | United States | Data Privacy Framework |
| Postwerk Inc. | Postwerk Inc. | India | |
""",
    "a second tier": TABLE.format(mechanism=""),
}


@pytest.mark.parametrize("case", sorted(ENGAGERS))
def test_flows_fides_and_graph_agree_on_who_engages_each_recipient(scanner, case):
    """Each recipient's ingress in the fideslang manifest is a party that engages it in the data-flow graph."""
    doc = scanner.scan_text(ENGAGERS[case], language="en", format="markdown", doc_type="dpa")
    assert doc.recipients
    graph = to_networkx(doc.flow)
    systems = fides_manifest(doc)["system"]
    label_of = {s["fides_key"]: s["name"] for s in systems[1:]} | {systems[0]["fides_key"]: "Vendor"}
    by_name = {s["name"]: s for s in systems[1:]}
    for recipient in doc.recipients:
        engagers = {graph.nodes[p]["label"] for p in graph.predecessors(f"party:{recipient.name}")}
        system = by_name[recipient.name]
        assert {label_of[i["fides_key"]] for i in system["ingress"]} <= engagers, (recipient.name, engagers)


def test_flows_fides_manifest_of_onward_transfers_by_all_subprocessors_validates(scanner):
    """ "Sub-processors may transfer onward": one system for all of them, between the vendor and their recipients."""
    models = pytest.importorskip("fideslang.models", reason="fideslang not installed (pip install dpcheck[fides])")
    doc = scanner.scan_text(ONWARD["en"], language="en", doc_type="dpa")
    manifest = fides_manifest(doc)
    models.Taxonomy.model_validate(manifest)
    everyone = next(s for s in manifest["system"] if s["name"] == "Sub-processors (all)")
    assert everyone["ingress"] == [{"fides_key": manifest["system"][0]["fides_key"], "type": "system"}]
    assert {e["fides_key"] for e in everyone["egress"]} == {
        s["fides_key"] for s in manifest["system"] if s["name"] == "onward recipients of sub-processors"
    }


def test_flows_destination_mechanisms_are_those_of_the_hops_reaching_it(scanner):
    """A transfer's mechanisms, the graph's edges into its country and its paths say the same."""
    doc = scanner.scan_text(
        TABLE.format(mechanism="Standard contractual clauses"), language="en", format="markdown", doc_type="dpa"
    )
    graph = to_networkx(doc.flow)
    for transfer in doc.transfers:
        into = {
            m
            for u, _ in graph.in_edges(f"country:{transfer.destination}")
            for m in graph.edges[u, f"country:{transfer.destination}"]["mechanisms"]
        }
        assert set(transfer.mechanisms) == into
        assert into == {m for p in doc.paths if p.country == transfer.destination for m in p.mechanisms}
    assert nx.is_directed_acyclic_graph(graph)


def test_flows_are_frozen_and_shared_by_the_report(scanner):
    """The report's transfers, recipients and paths are the flow's; the flow cannot be changed."""
    doc = scanner.scan_text(ONWARD["en"], language="en", doc_type="dpa")
    assert doc.transfers is doc.flow.transfers and doc.paths is doc.flow.paths
    with pytest.raises(AttributeError):
        doc.flow.hops = ()  # type: ignore[misc]


class _ShoutReader(Reader):
    """Marks every sentence in capitals: a reader added to a registry of our own."""

    name = "shouting"

    def read(self, passage, reading):
        if passage.sentence.text.isupper():
            reading.transfers_addressed.append(passage.sentence.evidence("written in capitals"))


def test_extract_runs_the_readers_of_its_registry_in_order(scanner):
    """extract() runs exactly the registry's readers; one more reader adds what it finds, and a name is taken once."""
    assert DEFAULT_READERS.names == (
        "tables",
        "links",
        "art28",
        "importer_addresses",
        "mechanisms",
        "destinations",
        "prose_recipients",
        "location_commitments",
        "terms",
        "parties",
        "transfers_addressed",
        "subject",
    )
    document = load_text("WE SELL NOTHING. We store data in Germany.", name="x.txt")
    nlp, lexicon, eea = (
        scanner.pipeline("en"),
        Lexicon.from_data(scanner.ruleset.lexicon),
        scanner.ruleset.facts.eea_places,
    )
    alone = extract(document, nlp, lexicon, eea, readers=ReaderRegistry([_ShoutReader]))
    assert [e.reason for e in alone.transfers_addressed] == ["written in capitals"] and not alone.mentions
    both = ReaderRegistry(DEFAULT_READERS)
    both.add(_ShoutReader)
    assert extract(document, nlp, lexicon, eea, readers=both).mentions == extract(document, nlp, lexicon, eea).mentions
    with pytest.raises(ValueError, match="shouting"):
        both.add(_ShoutReader)
