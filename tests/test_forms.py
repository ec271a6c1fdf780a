"""Filled-in forms (dpcheck/extract/forms.py): an option whose box is empty is not chosen, a field ticked "no"
denies what it asks; and the terms read from them."""

from __future__ import annotations

import pytest

from dpcheck.extract.forms import answered_no, box_before, nothing_ticked
from dpcheck.extract.sentences import Word


def _tokens(words: str) -> list[Word]:
    return [Word(w, w.lower()) for w in words.split()]


@pytest.mark.parametrize(
    ("words", "at", "expected"),
    [
        ("[ ] SCCs", 2, False),
        ("[ x ] SCCs", 3, True),
        ("☐ Standardvertragsklauseln", 1, False),
        ("☒ Standardvertragsklauseln", 1, True),
        ("the SCCs", 1, None),
    ],
)
def test_forms_the_box_before_an_option(words, at, expected):
    assert box_before(_tokens(words), at) is expected


@pytest.mark.parametrize(
    ("words", "no", "none_ticked"),
    [
        ("Transfer : [ ] Yes [ x ] No", True, False),
        ("Übermittlung ☐ ja ☒ nein", True, False),
        ("Übermittlung ☒ ja ☐ nein", False, False),
        ("Maßnahmen ☐ Verschlüsselung ☐ Pseudonymisierung", False, True),
        ("Transfer to the US", False, False),
    ],
)
def test_forms_fields_answered_no_and_options_left_empty(words, no, none_ticked):
    assert answered_no(_tokens(words)) is no
    assert nothing_ticked(_tokens(words)) is none_ticked


@pytest.mark.parametrize(
    ("lang", "text", "tools"),
    [
        (
            "en",
            "## Annex 1\n\n- Third country: United States (Example Support Inc., ticketing)\n- Safeguard: [ ] Standard "
            "Contractual Clauses [x] Binding Corporate Rules [ ] EU-U.S. Data Privacy Framework\n",
            {"bcr"},
        ),
        (
            "de",
            "## Anlage 1\n\n- Drittland: USA (Beispiel Support Inc., Ticketsystem)\n- Garantie: ☐ Standardvertragsklauseln "
            "☒ verbindliche interne Datenschutzvorschriften ☐ EU-US Data Privacy Framework\n",
            {"bcr"},
        ),
    ],
)
def test_forms_only_a_ticked_tool_is_relied_on(scanner, lang, text, tools):
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert set(report.mechanisms) == tools


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "## Annex 1\n\n| Field | Entry |\n|---|---|\n| Transfer outside the EEA | [ ] Yes [x] No |\n"),
        ("de", "## Anlage 1\n\n| Feld | Angabe |\n|---|---|\n| Übermittlung in ein Drittland | ☐ ja ☒ nein |\n"),
    ],
)
def test_forms_a_transfer_field_ticked_no_discloses_none(scanner, lang, text):
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert report.transfers == ()


@pytest.mark.parametrize(
    ("lang", "row"),
    [
        ("en", "| Transfer impact assessment carried out | [ ] Yes [x] No |"),
        ("de", "| Transfer-Folgenabschätzung durchgeführt | ☐ ja ☒ nein |"),
        ("en", "| Supplementary measures | [ ] Encryption [ ] Pseudonymisation |"),
        ("de", "| Zusätzliche Maßnahmen | ☐ Verschlüsselung ☐ Pseudonymisierung |"),
    ],
)
def test_forms_a_measure_answered_no_or_left_empty_addresses_nothing(scanner, lang, row):
    head = (
        "## Annex 1\n\n| Field | Entry |\n|---|---|\n| Third country | United States (Example Chat Inc.) |\n"
        "| Safeguard | [x] Standard Contractual Clauses |\n"
    )
    if lang == "de":
        head = (
            "## Anlage 1\n\n| Feld | Angabe |\n|---|---|\n| Drittland | USA (Beispiel Chat Inc.) |\n"
            "| Garantie | ☒ Standardvertragsklauseln |\n"
        )
    report = scanner.scan_text(head + row + "\n", language=lang, doc_type="dpa", format="markdown")
    assert "SUPPLEMENTARY_MEASURES_UNADDRESSED" in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## Annex 3 Sub-processors\n\n| Sub-processor | Service | Location | SCCs signed |\n|---|---|---|---|\n"
            "| Example Support Inc. | Ticketing | United States | No |\n| Example Hosting GmbH | Hosting | Germany | n/a |\n",
        ),
        (
            "de",
            "## Anlage 3 Unterauftragsverarbeiter\n\n| Name | Leistung | Land | Standardvertragsklauseln abgeschlossen |\n"
            "|---|---|---|---|\n| Beispiel Support Inc. | Ticketsystem | USA | nein |\n"
            "| Beispiel Hosting GmbH | Hosting | Deutschland | – |\n",
        ),
    ],
)
def test_forms_a_tool_titling_a_column_whose_cells_say_no_is_not_relied_on(scanner, lang, text):
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert report.mechanisms == ()
    assert "TRANSFER_MECHANISM_UNSPECIFIED" in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "cell"),
    [("en", "not applicable (EU)"), ("de", "entfällt (EU)")],
)
def test_forms_an_absent_value_with_a_note_is_still_absent(scanner, lang, cell):
    head = (
        "| Sub-processor | Service | Location | SCCs signed |"
        if lang == "en"
        else "| Name | Leistung | Land | SCC vereinbart |"
    )
    text = (
        f"## Annex 3\n\n{head}\n|---|---|---|---|\n| Example Remote Inc. | Remote support | USA | no |\n"
        f"| Example Hosting GmbH | Hosting | Germany | {cell} |\n"
    )
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert report.mechanisms == ()
