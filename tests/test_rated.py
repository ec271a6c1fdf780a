"""Fail closed on annexes: a sub-processor list is not rated on its own (it is judged with its DPA), so no
output calls it green, the batch summary counts it apart (``not_rated``) unless it is red, and --fail-on
holds it to the rating the report gives it."""

from __future__ import annotations

import csv
import io
import json
import typing
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from dpcheck import DocumentReport, Scanner
from dpcheck.cache import sound
from dpcheck.cli import main
from dpcheck.models import tally
from dpcheck.report import render
from dpcheck.report.json import report_to_dict, summary
from dpcheck.report.questions import rating_label
from dpcheck.report.reader import report_from_dict
from dpcheck.report.schema import document_schema, report_schema

# Lists written for these tests: one table of processors each, with a country outside the EEA.
LISTS = {
    "en": (
        "# Sub-processors of Example Hosting Ltd\n\n"
        "Last updated: 2 March 2026. Example Hosting engages the following sub-processors to provide the service.\n\n"
        "| Sub-processor | Purpose | Location |\n|---|---|---|\n"
        "| Northwind Servers GmbH | Hosting | Germany |\n"
        "| Bluebird Mail Inc. | Sending service emails | United States |\n"
        "| Tallpine Support Ltd | Customer support | Canada |\n"
    ),
    "de": (
        "# Unterauftragsverarbeiter der Beispiel Software GmbH\n\n"
        "Stand: 2. März 2026. Die Beispiel Software GmbH setzt die folgenden Unterauftragsverarbeiter ein.\n\n"
        "| Unterauftragsverarbeiter | Leistung | Ort der Verarbeitung |\n|---|---|---|\n"
        "| Nordwind Server GmbH | Hosting | Deutschland |\n"
        "| Blauvogel Mail Inc. | Versand von System-E-Mails | USA |\n"
        "| Hochtanne Support Ltd | Kundensupport | Kanada |\n"
    ),
}
CLEAN = "Privacy policy. We store all customer data in Germany and never transfer it outside the EEA."
# A buyer's policy under which a list alone proves something red: a destination the buyer refuses.
NO_US = (
    '[policy]\nname = "no US"\n[transfers]\nrefused_countries = ["US"]\n[severity]\nPOLICY_COUNTRY_REFUSED = "high"\n'
)


def _list(scanner: Scanner, lang: str, *, partial: bool = False) -> DocumentReport:
    # Undecodable bytes after a byte order mark make a text read only in part.
    data = b"\xef\xbb\xbf" + LISTS[lang].encode() + b" \xff\xc3 " if partial else LISTS[lang].encode()
    return scanner.scan_bytes(data, f"list-{lang}.md")


@pytest.fixture(scope="module")
def batch(scanner: Scanner):
    """A clean policy (green), an EN and a DE list, a partial list and an unreadable file."""
    return scanner.report(
        [
            scanner.scan_bytes(CLEAN.encode(), "clean.txt"),
            _list(scanner, "en"),
            _list(scanner, "de"),
            _list(scanner, "en", partial=True),
            scanner.scan_bytes(b"", "empty.txt"),
        ]
    )


@pytest.fixture(scope="module")
def red_list(tmp_path_factory) -> DocumentReport:
    policy = tmp_path_factory.mktemp("policy") / "no-us.toml"
    policy.write_text(NO_US, encoding="utf-8")
    return Scanner(policy=policy).scan_bytes(LISTS["en"].encode(), "list-en.md")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_rated_a_list_is_not_rated_and_never_green(scanner, lang):
    """An EN or DE sub-processor list is read (destinations, findings) but not rated: rated false, yellow."""
    doc = _list(scanner, lang)
    assert doc.ok and doc.doc_type == "subprocessor_list"
    assert doc.rated is False and doc.rating == "yellow"
    assert {t.destination for t in doc.transfers} >= {"US", "CA"}
    data = json.loads(render(scanner.report([doc]), "json"))["documents"][0]
    assert data["rated"] is False and data["rating"] == "yellow"
    assert [f["rule_id"] for f in data["findings"]] == [f.rule_id for f in doc.findings]


def test_rated_a_policy_and_an_error_document(scanner):
    """A privacy policy is rated (and may be green); an unreadable document is not rated and stays red."""
    clean = scanner.scan_bytes(CLEAN.encode(), "clean.txt")
    assert clean.rated is True and clean.rating == "green"
    broken = scanner.scan_bytes(b"", "empty.txt")
    assert broken.rated is False and broken.rating == "red" and tally(broken) == "errors"
    data = json.loads(render(scanner.report([clean, broken]), "json"))["documents"]
    assert [(d["rated"], d["rating"]) for d in data] == [(True, "green"), (False, "red")]


def test_rated_a_partial_list_is_partial_and_not_rated(scanner):
    """A list read only in part is both: partial, not rated, yellow."""
    doc = _list(scanner, "en", partial=True)
    assert doc.partial and doc.rated is False and doc.rating == "yellow"


def test_rated_summary_counts_lists_apart(batch):
    """Lists are counted in not_rated, not among yellow or green; errors and partial reads as before."""
    s = report_to_dict(batch)["summary"]
    assert (s["green"], s["yellow"], s["red"], s["not_rated"]) == (1, 0, 0, 3)
    assert s["ok"] == 4 and s["partial"] == 1 and s["errors"] == 1
    assert s["red"] + s["yellow"] + s["green"] + s["not_rated"] + s["errors"] == s["documents"]


def test_rated_a_red_list_stays_red(red_list, scanner):
    """A list a buyer's policy makes red is counted red, labelled so, and its ruleset rating is not green."""
    assert red_list.rated is False and red_list.rating == "red" and red_list.ruleset_rating == "yellow"
    s = summary(scanner.report([red_list]))
    assert (s["red"], s["not_rated"]) == (1, 0)
    assert rating_label(red_list) == "red (annex)"


def test_rated_every_format_says_not_rated(batch):
    """Text, Markdown, HTML, CSV and SARIF say what the JSON says: not rated, never green, counted apart."""
    text = render(batch, "text")
    assert "not rated (annex)  list-en.md" in text
    assert "1 green, 3 sub-processor lists not rated (1 read only in part), 1 unreadable" in text
    markdown = render(batch, "markdown")
    assert "**NOT RATED (ANNEX)**" in markdown and "3 sub-processor lists not rated" in markdown
    page = render(batch, "html")
    assert '<span class="rating annex">not rated (annex)</span>' in page and "3 sub-processor lists not rated" in page
    rows = list(csv.DictReader(io.StringIO(render(batch, "csv"))))
    assert next(iter(csv.reader(io.StringIO(render(batch, "csv")))))[-1] == "rated"
    by_path = {r["path"]: r for r in rows}
    assert by_path["list-de.md"]["rated"] == "" and by_path["list-de.md"]["rating"] == "not rated (annex)"
    assert by_path["clean.txt"]["rated"] == "yes" and by_path["empty.txt"]["rated"] == ""
    run = json.loads(render(batch, "sarif"))["runs"][0]
    artifacts = {a["location"]["uri"]: a["properties"] for a in run["artifacts"]}
    assert artifacts["list-en.md"]["rated"] is False and artifacts["list-en.md"]["rating"] == "yellow"
    assert all(r["properties"]["rated"] is False for r in run["results"] if "list-" in json.dumps(r["locations"]))


def test_rated_schema_accepts_lists_and_refuses_a_green_unrated_document(batch):
    """The report validates; a document rated false and green, or a list claiming to be rated, does not."""
    data = json.loads(render(batch, "json"))
    validator = jsonschema.Draft202012Validator(report_schema())
    assert not list(validator.iter_errors(data))
    doc = next(d for d in data["documents"] if d["path"] == "list-en.md")
    one = jsonschema.Draft202012Validator(document_schema())
    assert list(one.iter_errors({**doc, "rating": "green"}))
    assert list(one.iter_errors({**doc, "rated": True}))
    error = next(d for d in data["documents"] if d["status"] == "error")
    assert list(one.iter_errors({**error, "rated": True}))
    assert not list(one.iter_errors({k: v for k, v in doc.items() if k != "rated"}))  # before 1.8


def test_rated_an_old_report_with_a_green_list_is_rendered_fail_closed(batch):
    """A report written before 1.8 (no rated, a green list) is read back as a report written now."""
    data = json.loads(render(batch, "json"))
    for doc in data["documents"]:
        doc.pop("rated")
        if doc["doc_type"] == "subprocessor_list" and not doc["partial"]:
            doc["rating"] = "green"
    read = report_from_dict(data, major="1")
    assert [d.rating for d in read.documents if d.doc_type == "subprocessor_list"] == ["yellow"] * 3


def test_rated_cache_refuses_a_green_list(scanner):
    """A cache entry that calls a list green breaks what every scan guarantees and is not used."""
    with pytest.raises(ValueError, match="not rated"):
        sound(DocumentReport("list.md", "ok", doc_type="subprocessor_list", rating="green"))


def test_rated_is_typed_on_the_library_result():
    """``DocumentReport.rated`` is a typed bool property of the public result type."""
    assert typing.get_type_hints(DocumentReport.rated.fget)["return"] is bool


def _scan(path: Path, *args: str):
    return CliRunner().invoke(main, ["scan", "--no-cache", "-q", str(path), *args], catch_exceptions=False)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_rated_cli_fail_on_holds_a_list_to_its_rating(tmp_path, lang):
    """--fail-on yellow trips on a list (never green), --fail-on red does not, and a finding the list proves
    alone counts for --fail-on low; without --fail-on the scan exits 0."""
    path = tmp_path / f"list-{lang}.md"
    path.write_text(LISTS[lang], encoding="utf-8")
    assert _scan(path).exit_code == 0
    assert _scan(path, "--fail-on", "yellow").exit_code == 1
    assert _scan(path, "--fail-on", "red").exit_code == 0
    assert _scan(path, "--fail-on", "low").exit_code == 1
    out = _scan(path, "--format", "json")
    assert json.loads(out.output)["summary"]["not_rated"] == 1


def test_rated_cli_a_red_list_fails_on_red(tmp_path):
    """A list a buyer's policy makes red trips --fail-on red and --fail-on high."""
    path = tmp_path / "list-en.md"
    path.write_text(LISTS["en"], encoding="utf-8")
    policy = tmp_path / "no-us.toml"
    policy.write_text(NO_US, encoding="utf-8")
    assert _scan(path, "--policy", str(policy), "--fail-on", "red").exit_code == 1
    assert _scan(path, "--policy", str(policy), "--fail-on", "high").exit_code == 1
