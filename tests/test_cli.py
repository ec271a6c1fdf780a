"""The command line as a CI pipeline uses it: errors, logging, stdin, several outputs, rule selection,
baselines and --as-of warnings."""

from __future__ import annotations

import json
import re
import shutil
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from dpcheck.cli import main
from dpcheck.cli.outputs import format_for
from dpcheck.resources import rules_dir

SHIELD_EN = "# Privacy\n\nWe transfer your data to the United States under the EU-U.S. Privacy Shield.\n"
SHIELD_DE = "# Datenschutz\n\nWir übermitteln Ihre Daten auf Grundlage des EU-US Privacy Shield in die USA.\n"


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, [*args], input=stdin, catch_exceptions=False)


@pytest.fixture
def policy_doc(tmp_path: Path) -> Path:
    path = tmp_path / "vendor.md"
    path.write_text(SHIELD_EN, encoding="utf-8")
    return path


def test_cli_unwritable_output_is_a_clear_error_with_exit_2(policy_doc, tmp_path):
    """-o into a missing folder or onto a folder: one line naming the path, exit 2, no traceback."""
    for target in (tmp_path / "missing" / "x.txt", tmp_path):
        result = run("scan", "--no-cache", str(policy_doc), "-o", str(target))
        assert result.exit_code == 2
        assert "Traceback" not in result.output and str(target) in result.output


@pytest.mark.parametrize(
    "args",
    [
        ("--select", "NO_SUCH_RULE"),
        ("--ignore", "critical"),
        ("--policy", "/no/such/policy.toml"),
    ],
)
def test_cli_user_errors_exit_2(policy_doc, args):
    """Unknown rule ids, severities and missing files are usage errors (exit 2), never exit 1."""
    result = run("scan", "--no-cache", str(policy_doc), *args)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_cli_baseline_that_is_no_report_exits_2(policy_doc):
    """A baseline file that is no JSON report is named in a one-line error."""
    result = run("scan", "--no-cache", str(policy_doc), "--baseline", str(policy_doc))
    assert result.exit_code == 2 and "--baseline" in result.output


def test_cli_verbose_logs_what_is_read_and_cached(policy_doc, tmp_path):
    """-v says which document was read, then that the next scan took it from the cache."""
    cache = str(tmp_path / "cache")
    first = CliRunner().invoke(main, ["scan", "-v", "--cache-dir", cache, str(policy_doc)])
    second = CliRunner().invoke(main, ["scan", "-v", "--cache-dir", cache, str(policy_doc)])
    assert f"{policy_doc}: read" in first.stderr
    assert f"{policy_doc}: from the cache" in second.stderr


def test_cli_verbose_logs_skipped_files(tmp_path):
    """-vv names the files of a folder that are not scanned, and why."""
    (tmp_path / "notes.xyz").write_text("not a document", encoding="utf-8")
    (tmp_path / "dpa.md").write_text(SHIELD_EN, encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", "-v", "--no-cache", str(tmp_path)])
    assert "notes.xyz: its suffix is none that dpcheck reads" in result.stderr


@pytest.mark.parametrize(("text", "name"), [(SHIELD_EN, "privacy.rst"), (SHIELD_DE, "datenschutz.adoc")])
def test_cli_folder_scan_reads_restructuredtext_and_asciidoc(tmp_path, text, name):
    """A policy kept as reStructuredText or AsciiDoc in a folder is read and rated, not skipped."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run("scan", "--no-cache", "--format", "json", str(tmp_path))
    data = json.loads(result.output)
    assert [Path(d["path"]).name for d in data["documents"]] == [name]
    assert "privacy_shield" in data["documents"][0]["mechanisms"]


@pytest.mark.parametrize(("text", "name"), [(SHIELD_EN, "privacy.mdx"), (SHIELD_DE, "datenschutz.mdx")])
def test_cli_folder_scan_reads_mdx_without_its_module_lines(tmp_path, text, name):
    """A documentation site's MDX page is read as Markdown; its ES module lines are code, not text."""
    esm = 'import Callout from "../components/Callout";\nexport const meta = { title: "Legal" };\n\n'
    (tmp_path / name).write_text(esm + text, encoding="utf-8")
    data = json.loads(run("scan", "--no-cache", "--format", "json", str(tmp_path)).output)
    assert [Path(d["path"]).name for d in data["documents"]] == [name]
    assert "privacy_shield" in data["documents"][0]["mechanisms"]
    quotes = " ".join(m["evidence"]["quote"] for m in data["documents"][0]["mentions"])
    assert "Callout" not in quotes and "meta" not in quotes


@pytest.mark.parametrize(("text", "name"), [(SHIELD_EN, "policy.md"), (SHIELD_DE, "richtlinie.txt")])
def test_cli_scan_reads_standard_input(text, name):
    """`dpcheck scan -` reads one document from stdin, named by --name."""
    result = run("scan", "-", "--name", name, "--format", "json", stdin=text)
    data = json.loads(result.output)
    assert [d["path"] for d in data["documents"]] == [name]
    assert "privacy_shield" in data["documents"][0]["mechanisms"]


def test_cli_stdin_cannot_mix_with_paths(policy_doc):
    """`-` with other paths is a usage error."""
    assert run("scan", "-", str(policy_doc), stdin="x").exit_code == 2


def test_cli_several_outputs_in_one_run(policy_doc, tmp_path):
    """Each -o gets the format its suffix names, from one scan."""
    outputs = {name: tmp_path / name for name in ("r.json", "r.sarif", "r.html", "r.md", "r.csv", "r.jsonl")}
    args = [a for path in outputs.values() for a in ("-o", str(path))]
    assert run("scan", "--no-cache", str(policy_doc), *args).exit_code == 0
    assert json.loads(outputs["r.json"].read_text())["tool"] == "dpcheck"
    assert json.loads(outputs["r.sarif"].read_text())["version"] == "2.1.0"
    assert outputs["r.html"].read_text().startswith("<!DOCTYPE html>")
    assert outputs["r.md"].read_text().startswith("#")
    assert outputs["r.csv"].read_text().startswith("path,")
    assert json.loads(outputs["r.jsonl"].read_text().splitlines()[0])["path"] == str(policy_doc)


def _folder_of_policies(folder: Path, count: int) -> Path:
    """``count`` policies of 20 sections each, every sentence a transfer (each gives a large report)."""
    sentences = (
        "We transfer your contact data to our hosting provider in the United States under standard contractual clauses. "
        "Unser Support-Team in Indien kann auf Kundendaten zugreifen. "
        "Backups are stored in Ireland and copied to Canada."
    )
    folder.mkdir()
    for i in range(count):
        sections = "\n\n".join(f"## Part {k}\n\n{sentences}" for k in range(20))
        (folder / f"policy-{i:02d}.md").write_text(f"# Privacy Policy {i}\n\n{sections}\n", encoding="utf-8")
    return folder


def test_cli_jsonl_stream_keeps_no_document_after_writing_it(tmp_path):
    """A --format jsonl stream holds one document at a time: the scanning process's peak memory does not
    grow with the number of documents (10,000 documents must fit as well as 100)."""
    # Pipelines built beforehand: only what the scan holds is then traced.
    run("scan", "--no-cache", "-q", "-o", str(tmp_path / "warm.jsonl"), str(_folder_of_policies(tmp_path / "warm", 1)))

    def peak(count: int) -> tuple[int, int]:
        folder = _folder_of_policies(tmp_path / f"docs-{count}", count)
        out = tmp_path / f"out-{count}.jsonl"
        tracemalloc.start()
        try:
            result = run("scan", "--no-cache", "-j", "1", "-q", "--format", "jsonl", "-o", str(out), str(folder))
            _, top = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        lines = out.read_text(encoding="utf-8").splitlines()
        assert result.exit_code in (0, 1) and len(lines) == count
        return top, max(len(line) for line in lines)

    few, line = peak(3)
    many, _ = peak(18)
    # Fifteen documents more, each kept, would add fifteen times at least the size of its JSON line.
    assert many - few < 3 * line


def test_cli_whole_report_beside_a_stream_holds_every_document(tmp_path):
    """-o x.jsonl -o x.json: the stream and the whole report both carry all the documents."""
    folder = _folder_of_policies(tmp_path / "docs", 3)
    stream, whole = tmp_path / "r.jsonl", tmp_path / "r.json"
    assert run("scan", "--no-cache", "-q", "-o", str(stream), "-o", str(whole), str(folder)).exit_code in (0, 1)
    paths = sorted(str(p) for p in folder.iterdir())
    assert sorted(json.loads(line)["path"] for line in stream.read_text().splitlines()) == paths
    assert sorted(d["path"] for d in json.loads(whole.read_text())["documents"]) == paths


def test_cli_output_format_from_suffix():
    """Known suffixes name their format; others fall back to --format."""
    assert format_for(Path("a.sarif.json"), "text") == "sarif"
    assert format_for(Path("a.MD"), "text") == "markdown"
    assert format_for(Path("a.report"), "csv") == "csv"


def _rule_ids(output: str) -> set[str]:
    return {f["rule_id"] for d in json.loads(output)["documents"] for f in d["findings"]}


def test_cli_select_and_ignore_by_rule_id_and_severity(policy_doc):
    """--select keeps only the named rules or severities, --ignore drops them, and the rating follows."""
    every = _rule_ids(run("scan", "--no-cache", str(policy_doc), "--format", "json").output)
    assert "INVALID_TRANSFER_MECHANISM" in every
    only = run("scan", "--no-cache", str(policy_doc), "--format", "json", "--select", "invalid_transfer_mechanism")
    assert _rule_ids(only.output) == {"INVALID_TRANSFER_MECHANISM"}
    without = run("scan", "--no-cache", str(policy_doc), "--format", "json", "--ignore", "high")
    data = json.loads(without.output)
    assert not any(f["severity"] == "high" for d in data["documents"] for f in d["findings"])
    assert data["documents"][0]["rating"] != "red"


def test_cli_baseline_reports_only_new_findings(tmp_path):
    """With --baseline, a finding already in the earlier report is left out; a new one is reported."""
    doc = tmp_path / "vendor.md"
    doc.write_text(SHIELD_EN, encoding="utf-8")
    old = tmp_path / "old.json"
    assert run("scan", "--no-cache", str(doc), "-o", str(old)).exit_code == 0
    again = run("scan", "--no-cache", str(doc), "--format", "json", "--baseline", str(old), "--fail-on", "high")
    assert again.exit_code == 0 and _rule_ids(again.output) == set()
    doc.write_text(
        SHIELD_EN + "\nWe also transfer personal data to India on the basis of your explicit consent only.\n",
        encoding="utf-8",
    )
    changed = _rule_ids(run("scan", "--no-cache", str(doc), "--format", "json", "--baseline", str(old)).output)
    assert "DEROGATION_AS_SOLE_BASIS" in changed and "INVALID_TRANSFER_MECHANISM" not in changed


@pytest.mark.parametrize(
    ("day", "warned"),
    [("2017-06-01", "before the GDPR applied"), ("2099-01-01", "after the legal facts recorded"), ("2024-01-01", None)],
)
def test_cli_as_of_outside_the_recorded_law_warns(policy_doc, day, warned):
    """--as-of before 25 May 2018 or after the last recorded fact warns on stderr; a day between does not."""
    result = CliRunner().invoke(main, ["scan", "--no-cache", str(policy_doc), "--as-of", day])
    if warned:
        assert warned in result.stderr
    else:
        assert "WARNING" not in result.stderr


def test_cli_without_as_of_never_warns_about_the_facts_date(policy_doc, tmp_path):
    """A scan by today's law (no --as-of) does not warn that today is after the facts' review date."""
    rules = tmp_path / "rules"
    shutil.copytree(rules_dir(), rules)
    for facts in (rules / "facts").glob("*.yml"):
        text = facts.read_text(encoding="utf-8")
        facts.write_text(re.sub(r"(?m)^as_of: .*$", 'as_of: "2024-06-01"', text), encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", "--no-cache", str(policy_doc), "--rules", str(rules)])
    assert result.exit_code in (0, 1) and "WARNING" not in result.stderr
    dated = CliRunner().invoke(
        main, ["scan", "--no-cache", str(policy_doc), "--rules", str(rules), "--as-of", "2025-01-01"]
    )
    assert "after the legal facts recorded (2024-06-01)" in dated.stderr


def test_cli_lang_writes_questions_in_the_buyers_language(tmp_path):
    """--lang de asks an English document's vendor in German."""
    doc = tmp_path / "vendor.md"
    doc.write_text(SHIELD_EN, encoding="utf-8")
    data = json.loads(run("scan", "--no-cache", str(doc), "--format", "json", "--lang", "de").output)
    english = json.loads(run("scan", "--no-cache", str(doc), "--format", "json").output)
    assert data["documents"][0]["language"] == "en"
    assert data["documents"][0]["questions"] != english["documents"][0]["questions"]
    assert any("Sie" in q for q in data["documents"][0]["questions"])


def test_sarif_results_carry_stable_fingerprints_and_rules_a_help_uri(policy_doc, tmp_path):
    """The same finding has the same partialFingerprints in two scans; every rule has an https helpUri."""
    logs = []
    for name in ("a.sarif", "b.sarif"):
        assert run("scan", "--no-cache", str(policy_doc), "-o", str(tmp_path / name)).exit_code == 0
        logs.append(json.loads((tmp_path / name).read_text())["runs"][0])
    prints = [[r["partialFingerprints"] for r in run_["results"]] for run_ in logs]
    assert prints[0] == prints[1] and len({json.dumps(p) for p in prints[0]}) == len(prints[0])
    assert all(rule["helpUri"].startswith("https://") for rule in logs[0]["tool"]["driver"]["rules"])


@pytest.mark.parametrize("fmt", ["json", "text", "markdown", "html", "csv", "sarif", "jsonl"])
def test_cli_render_gives_what_the_scan_gave(tmp_path, corpora, fmt):
    """`dpcheck render report.json --format X` writes what `dpcheck scan --format X` wrote."""
    documents = sorted(p for p in corpora.rglob("*") if p.suffix in (".md", ".txt", ".html"))[:4]
    saved = tmp_path / "report.json"
    paths = [str(p) for p in documents]
    assert run("scan", "--no-cache", *paths, "-o", str(saved)).exit_code in (0, 1)
    direct = run("scan", "--no-cache", *paths, "--format", fmt).output
    rendered = run("render", str(saved), "--format", fmt)
    assert rendered.exit_code == 0
    assert rendered.output == direct


def test_cli_render_reads_back_every_field_of_the_corpora_report(tmp_path, corpora):
    """The JSON report of every document of corpora/ (a skipped file among them), read back and written
    again, is the same JSON: render loses no field the scan wrote."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.xyz").write_text("not a document", encoding="utf-8")
    saved = tmp_path / "report.json"
    assert run("scan", "--no-cache", str(corpora), str(tmp_path / "docs"), "-o", str(saved)).exit_code in (0, 1, 2)
    rendered = run("render", str(saved), "--format", "json")
    assert rendered.exit_code == 0
    assert json.loads(rendered.output) == json.loads(saved.read_text(encoding="utf-8"))
    assert json.loads(rendered.output)["skipped"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "is not JSON"),
        ('{"tool": "other"}', "no dpcheck"),
        ('{"tool": "dpcheck", "report_format": "9.0.0"}', "9.0.0"),
    ],
)
def test_cli_render_refuses_what_is_no_report(tmp_path, content, message):
    """A file that is no JSON report of this format's major version is a one-line error, exit 2."""
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    result = run("render", str(path))
    assert result.exit_code == 2 and message in result.output
