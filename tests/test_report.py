"""Report stage: JSON contract fields, graph export, errors never green, CLI exit codes."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

import dpcheck
from dpcheck.cli import main
from dpcheck.flows.graph import to_networkx, to_node_link, write_graphml
from dpcheck.report.json import report_to_dict

POLICY = (
    "# Privacy Policy\n\nWe transfer personal data to our hosting provider in the United States "
    "under the standard contractual clauses.\n"
)


def test_report_json_has_contract_fields_and_versions(scanner):
    """The JSON report carries CONTRACT.md's fields and tool, format and ruleset versions."""
    report = scanner.report([scanner.scan_text(POLICY, name="acme-privacy.md", format="markdown")])
    data = report_to_dict(report)
    assert {"tool_version", "report_format", "ruleset_version", "law_as_of"} <= set(data)
    doc = data["documents"][0]
    assert doc["status"] == "ok" and doc["doc_type"] == "privacy_policy" and doc["language"] == "en"
    assert doc["transfers"][0]["destination"] == "US" and doc["transfers"][0]["mechanisms"] == ["scc"]
    assert {f["rule_id"] for f in doc["findings"]} == {"SUPPLEMENTARY_MEASURES_UNADDRESSED"}
    assert doc["rating"] == "yellow"
    finding = doc["findings"][0]
    assert finding["evidence"][0]["quote"] and finding["article"] and finding["question"]
    json.dumps(data)


def test_report_graph_links_customer_vendor_country(scanner):
    """The data-flow graph runs customer → vendor → country with the mechanism on the edge."""
    doc = scanner.scan_text(POLICY, format="markdown")
    graph = to_networkx(doc.flow)
    assert nx.has_path(graph, "party:customer", "country:US")
    assert graph.edges["party:vendor", "country:US"]["mechanisms"] == ["scc"]
    assert to_node_link(doc.flow)["nodes"]


def test_report_graph_exports_graphml(scanner, tmp_path):
    """GraphML export round-trips through networkx."""
    doc = scanner.scan_text(POLICY, format="markdown")
    write_graphml(doc.flow, tmp_path / "g.graphml")
    assert "country:US" in nx.read_graphml(tmp_path / "g.graphml").nodes


def test_report_unreadable_document_is_error_and_never_green(tmp_path):
    """A corrupt PDF is reported with a stable code and a red rating; the batch goes on."""
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n this is not a pdf")
    (tmp_path / "ok.md").write_text(POLICY, encoding="utf-8")
    report = dpcheck.scan(tmp_path)
    by_name = {d.path.rsplit("/", 1)[-1]: d for d in report.documents}
    assert by_name["broken.pdf"].status == "error"
    assert by_name["broken.pdf"].error.code.startswith("E1")
    assert by_name["broken.pdf"].rating != "green"
    assert by_name["ok.md"].status == "ok"


def test_api_scan_accepts_path_bytes_and_text(tmp_path):
    """dpcheck.scan takes a path, bytes with a name, or text with a language."""
    path = tmp_path / "p.md"
    path.write_text(POLICY, encoding="utf-8")
    assert dpcheck.scan(path).documents[0].transfers[0].destination == "US"
    assert dpcheck.scan(POLICY.encode(), name="p.md").documents[0].doc_type == "privacy_policy"
    assert dpcheck.scan(text="Wir übermitteln Daten in die USA.", language="de").documents[0].language == "de"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: s.scan_text("Wir speichern Daten in den USA.", doc_type="avv"), "doc_type 'avv'"),
        (lambda s: s.scan_text("Nous stockons les données aux États-Unis.", language="fr"), "language 'fr'"),
        (lambda s: s.scan_text("We store data in the US.", format="html"), "format 'html'"),
        (lambda s: s.scan_bytes(b"We store data in the US.", "p.txt", language="english"), "language 'english'"),
        (lambda s: s.scan_path("p.md", doc_type="DPA"), "doc_type 'DPA'"),
        (lambda s: dpcheck.scan(text="Wir speichern Daten in den USA.", language="deu"), "language 'deu'"),
    ],
)
def test_api_unknown_language_or_document_type_is_refused(scanner, call, message):
    """A language or document type dpcheck does not know is the caller's mistake: a ValueError, never a
    document read with the wrong pipeline or judged by no rule (a US transfer read as "avv" came out green)."""
    with pytest.raises(ValueError, match=message):
        call(scanner)


def test_api_all_is_pinned():
    """The public API is exactly what __all__ lists (a change is a visible diff)."""
    assert dpcheck.__all__ == sorted(dpcheck.__all__)
    assert set(dpcheck.__all__) == {
        "DataFlow",
        "DocumentReport",
        "DpcheckError",
        "ErrorCode",
        "Evidence",
        "Finding",
        "History",
        "IngestError",
        "Mention",
        "Policy",
        "PolicyError",
        "Recipient",
        "Report",
        "RulesetError",
        "ScanError",
        "Scanner",
        "Transfer",
        "VendorError",
        "__version__",
        "diff",
        "scan",
        "scan_many",
        "scan_vendor",
    }


def test_cli_json_and_exit_codes(tmp_path):
    """`dpcheck scan --format json` prints the report; exit 1 on red, 2 on unreadable documents."""
    red = tmp_path / "red.md"
    red.write_text("# Privacy Policy\n\nYour data may be processed by providers outside the EEA.\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["scan", str(red), "--format", "json", "--fail-on", "red"])
    assert result.exit_code == 1, result.output
    assert json.loads(result.output)["documents"][0]["rating"] == "red"
    assert runner.invoke(main, ["scan", str(red), "--fail-on", "never"]).exit_code == 0
    (tmp_path / "junk.pdf").write_bytes(b"\x00\x01\x02" * 100)
    assert runner.invoke(main, ["scan", str(tmp_path), "--format", "jsonl"]).exit_code == 2


def test_report_json_is_identical_across_processes(corpora):
    """The same input gives byte-identical JSON whatever the interpreter's hash seed (stable for diffing)."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-m", "dpcheck", "scan", str(corpora), "--format", "json", "--no-cache"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert run.returncode == 0, run.stderr
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1]


def test_cli_rules_show_prints_rule_and_examples():
    """`dpcheck rules show ID` prints the article, the vendor question and the examples."""
    runner = CliRunner()
    shown = runner.invoke(main, ["rules", "show", "invalid_transfer_mechanism"])
    assert shown.exit_code == 0
    assert (
        "C-311/18" in shown.output and "Ask the vendor (de):" in shown.output and "[de, privacy_policy]" in shown.output
    )
    assert runner.invoke(main, ["rules", "show", "NO_SUCH_RULE"]).exit_code == 2


def test_report_lists_vendor_questions_once(scanner):
    """Each document lists the questions to send the vendor, one per distinct finding question."""
    report = scanner.report([scanner.scan_text(POLICY, format="markdown")])
    doc = report_to_dict(report)["documents"][0]
    assert doc["questions"] == [f["question"] for f in doc["findings"]]


def test_vendor_questions_follow_the_document_language(scanner):
    """A German document gets the German vendor questions; an English one the English questions."""
    de = scanner.scan_text("Wir übermitteln personenbezogene Daten an Dienstleister in den USA.", language="de")
    en = scanner.scan_text("We transfer personal data to service providers in the USA.", language="en")
    rule = next(r for r in scanner.ruleset.rules if r.id == "TRANSFER_MECHANISM_UNSPECIFIED")
    assert rule.questions["de"] != rule.questions["en"]
    assert rule.questions["de"] in [f.question for f in de.findings]
    assert rule.questions["en"] in [f.question for f in en.findings]
