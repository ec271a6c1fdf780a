"""Document type: the title decides, the type named first wins, the body decides otherwise."""

from __future__ import annotations

import pytest

from dpcheck.extract.doctype import classify
from dpcheck.ingest import load_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Privacy Policy\n\nTerms\n\nCurrent Subprocessors List\n\nWe collect your email address.", "privacy_policy"),
        ("# Datenschutzerklärung\n\nWir erheben Ihre E-Mail-Adresse.", "privacy_policy"),
        ("# Data Processing Addendum\n\nThe Processor shall process Customer Personal Data.", "dpa"),
        ("# Vereinbarung zur Auftragsverarbeitung\n\nDer Auftragnehmer verarbeitet Daten im Auftrag.", "dpa"),
        ("# Sub-processors\n\n| Name | Location |\n|---|---|\n| Cloudy Inc. | United States |", "subprocessor_list"),
        ("# Anlage 2\n\n## Unterauftragsverhältnisse\n\nHostwerk GmbH, Rechenzentrum in Nürnberg", "subprocessor_list"),
        ("# Security Whitepaper\n\nOur platform encrypts data at rest.", "other"),
    ],
)
def test_doctype_from_title_and_body(text, expected):
    """Titles in English and German decide the type; the one named first wins."""
    assert classify(load_text(text, format="markdown")) == expected
