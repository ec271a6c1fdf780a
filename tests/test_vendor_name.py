"""The vendor a document names and the agreement it amends, carried from extraction to every
output format, and an addendum judged as the amendment it is (issue 13, points 5 and 6).

All documents are written here in our own words."""

from __future__ import annotations

import csv
import io
import json

import pytest

from dpcheck import Scanner
from dpcheck.models import Report
from dpcheck.report.fides import fides_manifest
from dpcheck.report.formats import render
from dpcheck.report.reader import report_from_dict

# A DPA naming its processor, in each language.
DPA = {
    "en": (
        "# Data Processing Agreement\n\n"
        'Quillbrook Analytics Ltd ("Processor") processes personal data on behalf of the Customer.\n\n'
        "Personal data is stored only in data centres in Germany and is not transferred outside the EEA.\n"
    ),
    "de": (
        "# Auftragsverarbeitungsvertrag\n\n"
        "Die Tannhof Datendienste GmbH (nachfolgend „Auftragnehmer“) verarbeitet personenbezogene Daten im "
        "Auftrag des Auftraggebers.\n\n"
        "Die Daten werden ausschließlich in Rechenzentren in Deutschland gespeichert und nicht in Drittländer "
        "übermittelt.\n"
    ),
}
VENDOR = {"en": "Quillbrook Analytics Ltd", "de": "Tannhof Datendienste GmbH"}
# An addendum that belongs to a DPA, with transfer terms that would otherwise leave it green.
ADDENDUM = {
    "en": (
        "# Transfer Addendum\n\n"
        "This Transfer Addendum is incorporated by reference into the Data Processing Agreement between "
        "the Customer and the Provider.\n\n"
        "Personal data is stored only in data centres in Germany and is not transferred outside the EEA.\n"
    ),
    "de": (
        "# Zusatzvereinbarung\n\n"
        "Diese Zusatzvereinbarung ist Bestandteil des Auftragsverarbeitungsvertrags zwischen dem Kunden und "
        "dem Anbieter.\n\n"
        "Die Daten werden ausschließlich in Rechenzentren in Deutschland gespeichert und nicht in Drittländer "
        "übermittelt.\n"
    ),
}
AMENDED = {"en": "Data Processing Agreement", "de": "Auftragsverarbeitungsvertrags"}
# Art. 28 findings a DPA it amends would hold: an addendum leaves them to that agreement.
LEFT_TO_THE_DPA = "_MISSING"


def _report(scanner: Scanner, text: str, lang: str, name: str, *, dpa: bool = False) -> Report:
    return scanner.report(
        [scanner.scan_text(text, name=name, language=lang, format="markdown", doc_type="dpa" if dpa else None)]
    )


@pytest.mark.parametrize("lang", ["en", "de"])
def test_vendor_name_is_the_processor_the_document_names(scanner, lang):
    """The report's vendor is the party introduced as processor, with the sentence naming it."""
    doc = _report(scanner, DPA[lang], lang, "dpa.md").documents[0]
    assert doc.vendor is not None and doc.vendor.value == VENDOR[lang]
    assert VENDOR[lang] in doc.vendor.evidence.quote


@pytest.mark.parametrize("lang", ["en", "de"])
def test_vendor_name_in_every_human_format_csv_and_json(scanner, lang):
    """Text, Markdown and HTML head the document with its vendor; CSV and JSON carry it in a field."""
    report = _report(scanner, DPA[lang], lang, "contract-7.md")
    name = VENDOR[lang]
    assert f"{name} — contract-7.md" in render(report, "text")
    assert f"## 1. {name} — contract-7.md" in render(report, "markdown")
    assert f"<h2>1. {name} — contract-7.md</h2>" in render(report, "html")
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    assert {row["vendor"] for row in rows} == {name}
    data = json.loads(render(report, "json"))
    assert data["documents"][0]["vendor"]["name"] == name
    assert data["report_format"] == "1.8.0"


def test_vendor_name_not_named_is_said_not_guessed(scanner):
    """A document that names no company has no vendor: the heading is its path and says so."""
    report = _report(scanner, "# Privacy notice\n\nWe store your data in Germany only.\n", "en", "notice.md")
    assert report.documents[0].vendor is None
    assert "Vendor: not named in the document" in render(report, "text")
    assert json.loads(render(report, "json"))["documents"][0]["vendor"] is None


@pytest.mark.parametrize("lang", ["en", "de"])
def test_vendor_name_and_amendment_survive_render(scanner, lang):
    """A saved JSON report read back (dpcheck render) keeps the vendor and the agreement amended."""
    for text in (DPA[lang], ADDENDUM[lang]):
        report = _report(scanner, text, lang, "doc.md")
        data = json.loads(render(report, "json"))
        again = report_from_dict(data, major="1")
        assert (again.documents[0].vendor, again.documents[0].amends) == (
            report.documents[0].vendor,
            report.documents[0].amends,
        )
        assert json.loads(render(again, "json")) == data


@pytest.mark.parametrize("lang", ["en", "de"])
def test_vendor_name_names_the_fides_vendor_system(scanner, lang):
    """The fideslang manifest's vendor system bears the vendor's name, not the file's."""
    doc = _report(scanner, DPA[lang], lang, "contract-7.md").documents[0]
    assert fides_manifest(doc)["system"][0]["name"] == VENDOR[lang]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_vendor_name_addendum_leaves_art28_terms_to_the_dpa_it_amends(scanner, lang):
    """An addendum incorporated into a DPA gets no Art. 28 "missing" findings, says what it amends,
    and is yellow, not green, with the notice that the DPA must be read with it."""
    doc = _report(scanner, ADDENDUM[lang], lang, "addendum.md", dpa=True).documents[0]
    ids = {f.rule_id for f in doc.findings}
    assert doc.doc_type == "dpa" and doc.amends is not None and doc.amends.value == AMENDED[lang]
    assert not {i for i in ids if i.endswith(LEFT_TO_THE_DPA)}, ids
    assert {f.rule_id for f in doc.findings if f.core} == {"ADDENDUM_MAIN_AGREEMENT_UNREAD"}
    assert doc.rating == "yellow"
    assert f"Amends “{AMENDED[lang]}”" in render(_report(scanner, ADDENDUM[lang], lang, "addendum.md"), "text")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_vendor_name_same_terms_without_amending_are_judged_as_a_whole_dpa(scanner, lang):
    """The same terms in a document that amends nothing are judged as a full DPA: its missing Art. 28
    elements are findings and nothing says it amends an agreement."""
    text = "\n\n".join(p for p in ADDENDUM[lang].split("\n\n") if "Bestandteil" not in p and "incorporated" not in p)
    doc = _report(scanner, text, lang, "dpa.md", dpa=True).documents[0]
    ids = {f.rule_id for f in doc.findings}
    assert doc.amends is None and "ADDENDUM_MAIN_AGREEMENT_UNREAD" not in ids
    assert {"ART28_AUDITS_MISSING", "ART28_INSTRUCTIONS_MISSING"} <= ids
