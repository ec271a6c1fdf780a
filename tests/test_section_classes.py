"""Wording whose meaning comes from where it stands: a list of sub-processors opened as examples, a region beside a
transfer tool in a sub-processor table, a field label answered with a country, and a heading on international
transfers over nothing but the tools (dpcheck.extract.terms, tables, destinations, readers)."""

from __future__ import annotations

import pytest

from dpcheck.models import UNSPECIFIED


def _scan(scanner, text, lang, doc_type="dpa"):
    report = scanner.scan_text(text, language=lang, doc_type=doc_type, format="markdown")
    return {t.destination for t in report.transfers}, {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            'We may use third-party service providers ("Sub-processors"), including:\n\n'
            "- Northwind Storage GmbH, Germany, hosting\n- Lakeside Mail GmbH, Germany, email\n",
        ),
        (
            "en",
            "The Processor uses, in particular, the following sub-processors:\n\n"
            "- Northwind Storage GmbH, Germany, hosting\n",
        ),
        (
            "de",
            "Der Auftragnehmer bedient sich folgender Unterauftragsverarbeiter, insbesondere:\n\n"
            "- Nordwind Speicher GmbH, Deutschland, Hosting\n- Seeblick Mail GmbH, Deutschland, E-Mail\n",
        ),
        (
            "de",
            "Der Auftragnehmer bedient sich unter anderem folgender Unterauftragsverarbeiter:\n\n"
            "- Nordwind Speicher GmbH, Deutschland, Hosting\n",
        ),
    ],
)
def test_a_list_of_sub_processors_given_as_examples_authorises_others_in_general(scanner, lang, text):
    """Those listed are some of the processors, not the last ones: the others come under a general authorisation, which
    needs notice of changes and a right to object."""
    _, flags = _scan(scanner, text, lang)
    assert "SUBPROCESSOR_OBJECTION_MISSING" in flags


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The Processor uses the following sub-processors for services such as hosting:\n\n"
            "- Northwind Storage GmbH, Germany, hosting\n",
        ),
        (
            "de",
            "Der Auftragnehmer bedient sich folgender Unterauftragsverarbeiter für Leistungen wie Hosting:\n\n"
            "- Nordwind Speicher GmbH, Deutschland, Hosting\n",
        ),
    ],
)
def test_a_list_whose_lead_in_ends_on_the_processors_stays_closed(scanner, lang, text):
    """An example word that speaks of the services, not of the list, leaves the list the processors authorised."""
    _, flags = _scan(scanner, text, lang)
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in flags


TABLE = {
    "en": "# Sub-processors\n\n| Company | Purpose | Location | Safeguard |\n|---|---|---|---|\n"
    "| Quayside Cloud Pte. Ltd. | Hosting | Frankfurt, Germany or Singapore, as the customer chooses | {cell} |\n"
    "| Larkspur Mail SAS | Email | Paris, France | – |\n",
    "de": "# Unterauftragsverarbeiter\n\n| Unternehmen | Zweck | Standort | Garantie |\n|---|---|---|---|\n"
    "| Quayside Cloud Pte. Ltd. | Hosting | Frankfurt, Deutschland oder Singapur, nach Wahl des Kunden | {cell} |\n"
    "| Larkspur Mail SAS | E-Mail | Paris, Frankreich | – |\n",
}


@pytest.mark.parametrize(
    ("lang", "cell"),
    [
        ("en", "Standard Contractual Clauses (Singapore region only)"),
        ("de", "Standardvertragsklauseln (nur Region Singapur)"),
    ],
)
def test_a_region_beside_a_transfer_tool_is_what_the_tool_covers(scanner, lang, cell):
    """The row still sends data to Singapore: "region only" limits the clauses, not whom the row serves."""
    destinations, _ = _scan(scanner, TABLE[lang].format(cell=cell), lang, "subprocessor_list")
    assert "SG" in destinations


REGIONAL = {
    "en": "# Sub-processors\n\n| Company | Purpose | Region | Location | Safeguard |\n|---|---|---|---|---|\n"
    "| Quayside Cloud Pte. Ltd. | Hosting | APAC only | Singapore | Standard Contractual Clauses |\n"
    "| Nimbus Inc. | Hosting | EU | United States | Standard Contractual Clauses |\n",
    "de": "# Unterauftragsverarbeiter\n\n| Unternehmen | Zweck | Region | Standort | Garantie |\n|---|---|---|---|---|\n"
    "| Quayside Cloud Pte. Ltd. | Hosting | nur Asien-Pazifik | Singapur | Standardvertragsklauseln |\n"
    "| Nimbus Inc. | Hosting | EU | USA | Standardvertragsklauseln |\n",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_row_serving_only_another_region_beside_a_tool_still_sends_no_eea_data(scanner, lang):
    """The tool's cell is passed over; the row's own region column still says whom it serves."""
    destinations, _ = _scan(scanner, REGIONAL[lang], lang, "subprocessor_list")
    assert destinations == {"US"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## 4. Code hosting\n\n**Provider:** Gitway, Inc., USA\n**Purpose:** source code; Skyport Pages builds the "
            "front end from the repository\n**Data transferred:** no user data, only source code\n"
            "**Third country:** yes, USA — standard contractual clauses\n",
        ),
        (
            "de",
            "## 4. Quellcode\n\n**Anbieter:** Gitway, Inc. (Beispielkonzern), USA\n**Zweck:** Quellcodeverwaltung; "
            "Skyport Pages baut das Frontend aus dem\nRepository\n**Übermittelte Daten:** keine Nutzerdaten — nur "
            "Quellcode und Build-Protokolle\n**Rechtsgrundlage:** Art. 6(1)(f) DSGVO\n"
            "**Drittland:** JA, USA — Standardvertragsklauseln\n",
        ),
    ],
)
def test_a_third_country_field_answered_with_the_country_leaves_nothing_open(scanner, lang, text):
    destinations, flags = _scan(scanner, text, lang, "privacy_policy")
    assert UNSPECIFIED not in destinations
    assert "TRANSFER_DESTINATION_UNSPECIFIED" not in flags


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "## 4. Hosting\n\n**Provider:** Gitway, Inc.\n**Third country:** yes\n"),
        ("de", "## 4. Hosting\n\n**Anbieter:** Gitway, Inc.\n**Drittland:** ja\n"),
    ],
)
def test_a_third_country_field_answered_yes_alone_stays_open(scanner, lang, text):
    destinations, _ = _scan(scanner, text, lang, "privacy_policy")
    assert UNSPECIFIED in destinations


HEADING = {"en": "## 9. International data transfers\n\n", "de": "## 9. Übermittlungen in Drittländer\n\n"}


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "- Standard Contractual Clauses (SCCs)\n- Adequacy decisions\n- Additional technical safeguards\n"),
        ("de", "- EU-Standardvertragsklauseln\n- Angemessenheitsbeschlüsse\n"),
    ],
)
def test_a_transfer_heading_over_only_the_tools_discloses_open_transfers(scanner, lang, body):
    """The heading says that data leaves the EEA, the section only how: to countries the document leaves open."""
    destinations, flags = _scan(scanner, "# Data Processing Agreement\n\n" + HEADING[lang] + body, lang)
    assert destinations == {UNSPECIFIED}
    assert "TRANSFER_DESTINATION_UNSPECIFIED" in flags


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "Should a transfer become necessary, we will rely on Standard Contractual Clauses.\n"),
        ("de", "Sollte eine Übermittlung erforderlich werden, nutzen wir EU-Standardvertragsklauseln.\n"),
        ("en", "- Standard Contractual Clauses (SCCs)\n\n## 10. Hosting\n\nOur host stores all data in Canada.\n"),
        ("de", "- EU-Standardvertragsklauseln\n\n## 10. Hosting\n\nUnser Hoster speichert alle Daten in Kanada.\n"),
    ],
)
def test_a_transfer_heading_over_a_condition_or_beside_named_countries_leaves_nothing_open(scanner, lang, body):
    """What applies if a transfer happens discloses none; where the document names the countries, they are the set."""
    destinations, _ = _scan(scanner, "# Data Processing Agreement\n\n" + HEADING[lang] + body, lang)
    assert UNSPECIFIED not in destinations


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "This agreement is governed by German law. An English translation prepared by our partner law firm in "
            "London is provided for information only.",
        ),
        (
            "de",
            "Es gilt deutsches Recht. Eine englische Übersetzung, die von unserer Partnerkanzlei in London erstellt "
            "wurde, dient lediglich der Information.",
        ),
    ],
)
def test_where_a_translation_of_the_document_was_made_is_no_destination(scanner, lang, text):
    destinations, _ = _scan(scanner, text, lang)
    assert "GB" not in destinations


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Our translation partner in Ankara translates the personal data in support tickets."),
        ("de", "Unser Übersetzungsbüro in Ankara übersetzt die personenbezogenen Daten aus Supportanfragen."),
        ("en", "An English translation of each ticket is prepared by our contractor in Ankara, who sees the data."),
    ],
)
def test_translators_at_work_on_data_still_receive_it(scanner, lang, text):
    destinations, _ = _scan(scanner, text, lang)
    assert "TR" in destinations


NO_TOOL_TABLE = {
    "en": "# Sub-processors\n\n| Sub-processor | Service | Location | Safeguard |\n|---|---|---|---|\n"
    "| Larkspur Mail SAS | Email | Paris, France | – |\n| Bellwether Texts Inc. | Text messages | Denver, USA | – |\n",
    "de": "# Unterauftragsverarbeiter\n\n| Unterauftragsverarbeiter | Leistung | Standort | Garantie |\n|---|---|---|---|\n"
    "| Larkspur Mail SAS | E-Mail | Paris, Frankreich | – |\n| Bellwether Texts Inc. | SMS-Versand | Denver, USA | – |\n",
}


def _first_quote(scanner, text, lang, rule):
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    return next(f.evidence[0].quote for f in report.findings if f.rule_id == rule)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_header_row_is_no_statement_of_the_basis(scanner, lang):
    """The column titled "Safeguard" says nothing; the row with the US recipient and the dash shows the missing tool."""
    quote = _first_quote(scanner, NO_TOOL_TABLE[lang], lang, "TRANSFER_MECHANISM_UNSPECIFIED")
    assert "Bellwether" in quote


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Our email provider in the USA receives the data. Such transfers rest on appropriate safeguards."),
        (
            "de",
            "Unser E-Mail-Dienstleister in den USA erhält die Daten. Die Übermittlung erfolgt auf Grundlage geeigneter Garantien.",
        ),
    ],
)
def test_a_sentence_on_the_basis_naming_no_tool_is_still_quoted_first(scanner, lang, text):
    quote = _first_quote(scanner, text, lang, "TRANSFER_MECHANISM_UNSPECIFIED")
    assert "safeguards" in quote or "Garantien" in quote


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "This notice is also offered in a German version; our help desk in Vietnam can access your account."),
        (
            "en",
            "A Spanish translation of this policy is available, and our help desk in Vietnam may access your account.",
        ),
        (
            "de",
            "Diese Erklärung gibt es auch in einer englischen Fassung; unser Supportteam in Vietnam kann auf Ihr Konto zugreifen.",
        ),
    ],
)
def test_a_language_version_leaves_a_clause_of_its_own_placing_data(scanner, lang, text):
    """Only the clause of the language version speaks of the text; one after a semicolon or a comma and "and" places
    data with staff abroad."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy")
    assert {t.destination for t in report.transfers} == {"VN"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A French translation, made by our partner firm in Toronto, is for information only."),
        (
            "de",
            "Die englische Übersetzung hat unsere Partnerkanzlei in Toronto erstellt; sie dient nur der Information.",
        ),
    ],
)
def test_a_language_version_and_where_it_was_made_place_no_data(scanner, lang, text):
    """Where the translation was made, in an aside or its own clause, is no destination."""
    assert scanner.scan_text(text, language=lang, doc_type="privacy_policy").transfers == ()


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "We rely on Standard Contractual Clauses (SCCs). We never rent out your data.\n"),
        ("en", "We rely on Standard Contractual Clauses (SCCs). If you have questions, write to us.\n"),
        ("de", "Wir stützen uns auf EU-Standardvertragsklauseln. Ihre Daten vermieten wir nicht.\n"),
        ("de", "Wir stützen uns auf EU-Standardvertragsklauseln. Wenn Sie Fragen haben, schreiben Sie uns.\n"),
    ],
)
def test_a_transfer_heading_over_tools_and_an_unrelated_denial_or_condition_discloses_open_transfers(
    scanner, lang, body
):
    """A denial or a condition that speaks of no transfer or tool leaves the heading's disclosure standing."""
    destinations, flags = _scan(scanner, "# Data Processing Agreement\n\n" + HEADING[lang] + body, lang)
    assert destinations == {UNSPECIFIED}
    assert "TRANSFER_DESTINATION_UNSPECIFIED" in flags


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "We do not transfer personal data abroad. Standard Contractual Clauses would apply.\n"),
        ("de", "Wir übermitteln keine Daten ins Ausland. EU-Standardvertragsklauseln wären anwendbar.\n"),
    ],
)
def test_a_transfer_heading_over_a_denied_transfer_leaves_nothing_open(scanner, lang, body):
    destinations, _ = _scan(scanner, "# Data Processing Agreement\n\n" + HEADING[lang] + body, lang)
    assert UNSPECIFIED not in destinations
