"""The time limit a processor gives itself to report a personal data breach (Art. 33(2) GDPR): read in English and
German, carried by the report in every format, with its sentence; our own sentences."""

from __future__ import annotations

import json

import pytest

from dpcheck.extract.periods import breach_limit
from dpcheck.report import render

LIMITS = [
    ("Northwind notifies the Customer of any Personal Data Breach without undue delay and within 36 hours.", "", 36),
    ("The Processor shall inform the Controller of a data breach no later than two days after discovering it.", "", 48),
    (
        "Verletzungen des Schutzes personenbezogener Daten teilt der Auftragnehmer dem Auftraggeber unverzüglich, "
        "spätestens binnen 24 Stunden, mit.",
        "",
        24,
    ),
    ("Der Dienstleister meldet dem Kunden jeden Vorfall innerhalb von drei Tagen.", "§ 9 Datenschutzverletzungen", 72),
]
NO_LIMIT = [
    # The supervisory authority's own deadline, cited beside a limit-free notice.
    "The Processor notifies the Controller of a personal data breach without undue delay, so that the Controller can "
    "notify the supervisory authority within 72 hours.",
    "Der Auftragsverarbeiter meldet Datenschutzverletzungen unverzüglich, damit der Verantwortliche die "
    "Aufsichtsbehörde binnen 72 Stunden informieren kann.",
    # A period that is not about a breach at all.
    "Either party may end this agreement for breach of contract on 30 days' notice.",
    "Wir informieren Sie innerhalb von 14 Tagen über Änderungen dieser Vereinbarung.",
]


@pytest.mark.parametrize(("text", "heading", "hours"), LIMITS)
def test_breach_limit_is_read_in_hours(text, heading, hours):
    assert breach_limit(text, heading) == hours


@pytest.mark.parametrize("text", NO_LIMIT)
def test_no_breach_limit_where_none_is_given_to_the_processor(text):
    assert breach_limit(text) is None


DPA = {
    "en": (
        "# Data Processing Agreement\n\n## 1. Subject matter\n\nThe Processor hosts the Controller's booking "
        "calendar and processes the personal data of its customers on its documented instructions.\n\n"
        "## 6. Personal data breaches\n\nThe Processor notifies the Controller of any personal data breach "
        "without undue delay and in any event within {limit} of becoming aware of it.\n"
    ),
    "de": (
        "# Auftragsverarbeitungsvertrag\n\n## 1. Gegenstand\n\nDer Auftragsverarbeiter betreibt den Buchungskalender "
        "des Verantwortlichen und verarbeitet die personenbezogenen Daten seiner Kunden nach dessen dokumentierten "
        "Weisungen.\n\n## 6. Datenschutzverletzungen\n\nDer Auftragsverarbeiter meldet dem Verantwortlichen jede "
        "Verletzung des Schutzes personenbezogener Daten unverzüglich, spätestens binnen {limit} nach Kenntnis.\n"
    ),
}
HOURS = {"en": "48 hours", "de": "48 Stunden"}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_report_carries_the_breach_limit_with_its_quote(scanner, lang):
    doc = scanner.scan_text(
        DPA[lang].format(limit=HOURS[lang]), name="dpa.md", language=lang, format="markdown", doc_type="dpa"
    )
    report = scanner.report([doc])
    data = json.loads(render(report, "json"))
    limits = [m for m in data["documents"][0]["mentions"] if m["kind"] == "breach_limit"]
    assert [(m["value"], m["detail"]) for m in limits] == [("48 hours", "48")]
    assert HOURS[lang] in limits[0]["evidence"]["quote"]
    for fmt in ("text", "markdown", "html"):
        out = render(report, fmt)
        assert "Breach notification limit" in out and "48" in out and HOURS[lang].split()[1] in out
