"""Shapes met auditing unlabelled real documents (issue 17): each written anew, in English and German."""

from __future__ import annotations

import pytest


def scan(scanner, text, lang, doc_type="privacy_policy"):
    return scanner.scan_text(text, language=lang, format="markdown", doc_type=doc_type)


def destinations(report) -> set[str]:
    return {t.destination for t in report.transfers}


def rule_ids(report) -> set[str]:
    return {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "# Privacy notice\n\n## Help desk\n\n"
            "The following service providers answer support tickets outside the European Economic Area. "
            "Each of them has signed the standard contractual clauses with us.\n\n"
            "1. Harbourline Help SPA (Albania)\n\n2. Dunecall S.a.r.l. (Tunisia)\n\n3. Palmreach INC. (Guyana)\n",
            {"AL", "TN", "GY"},
        ),
        (
            "de",
            "# Datenschutzhinweise\n\n## Kundenservice\n\n"
            "Die folgenden Dienstleister beantworten Anfragen außerhalb des Europäischen Wirtschaftsraums. "
            "Mit jedem haben wir die Standardvertragsklauseln abgeschlossen.\n\n"
            "1. Hafenruf Hilfe SPA (Albanien)\n\n2. Dünenruf S.a.r.l. (Tunesien)\n\n3. Palmenruf INC. (Guyana)\n",
            {"AL", "TN", "GY"},
        ),
    ],
)
def test_providers_announced_without_a_colon_are_placed_by_their_brackets(scanner, lang, text, expected):
    """A paragraph announcing "the following service providers" leads into the list after it although it ends in a
    full stop: each item's bracket is where that provider receives the data, and the region the paragraph names is
    closed by them. Legal forms with points ("S.a.r.l.", "INC.") do not cut an item in two."""
    assert destinations(scan(scanner, text, lang)) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "To follow parcels we send tracking numbers to Trackwise Limited (Hong Kong, China)."),
        ("de", "Zur Sendungsverfolgung übermitteln wir Sendungsnummern an Trackwise Limited (Hongkong, China)."),
    ],
)
def test_a_territory_with_its_state_is_the_territory(scanner, lang, text):
    """ "Hong Kong, China" names one place, Hong Kong; China after the comma is the state it belongs to."""
    assert destinations(scan(scanner, text, lang)) == {"HK"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Transfers from the UK rely on the UK's International Data Transfer Agreement with the recipient.",
            set(),
        ),
        (
            "en",
            "We send support data to the UK and sign the UK's International Data Transfer Agreement for it.",
            {"GB"},
        ),
    ],
)
def test_a_country_owning_a_tool_is_no_destination(scanner, lang, text, expected):
    """A country in the possessive before a tool's name ("the UK's International Data Transfer Agreement") names the
    law the tool follows, as "UK Addendum" does; a place the sentence sends data to still counts."""
    assert destinations(scan(scanner, text, lang)) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "This website is hosted by Brightnest LLC. As Brightnest has its registered office in the United States, "
            "a transfer to a third country may take place; it relies on standard contractual clauses.",
        ),
        (
            "de",
            "Diese Website wird von der Brightnest LLC gehostet. Da Brightnest seinen Sitz in den USA hat, kann eine "
            "Übermittlung in ein Drittland stattfinden; sie beruht auf Standardvertragsklauseln.",
        ),
    ],
)
def test_the_third_country_a_seat_names_is_that_country(scanner, lang, text):
    """ "As X has its seat in the US, a transfer to a third country may take place": the one third country is the seat
    the sentence gives, not an unnamed one."""
    report = scan(scanner, text, lang)
    assert destinations(report) == {"US"}
    assert "TRANSFER_DESTINATION_UNSPECIFIED" not in rule_ids(report)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Several third countries are possible. Where our providers sit in a third country, we rely on standard "
            "contractual clauses.",
        ),
    ],
)
def test_a_third_country_without_a_seat_stays_open(scanner, lang, text):
    """Without a seat in the sentence, "a third country" names no country."""
    assert "US" not in destinations(scan(scanner, text, lang))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## International transfers\n\nWhen data leaves the EEA we rely on standard contractual clauses together "
            "with any additional legal, technical, and organisational measures required.",
        ),
        (
            "de",
            "## Übermittlung in Drittländer\n\nVerlassen Daten den EWR, stützen wir uns auf Standardvertragsklauseln "
            "und treffen zusätzliche technische und organisatorische Maßnahmen.",
        ),
    ],
)
def test_additional_measures_counted_off_address_supplementary_measures(scanner, lang, text):
    """Additional measures named by their kinds ("additional legal, technical, and organisational measures",
    „zusätzliche technische und organisatorische Maßnahmen") beside the tool are supplementary measures."""
    assert "SUPPLEMENTARY_MEASURES_UNADDRESSED" not in rule_ids(scan(scanner, text, lang))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Data Processing Agreement\n\n## 7. Engaging others\n\nThe processor informs the customer at least 30 "
            "days in advance of any new sub-processor, and the customer may object to it. The current list of "
            "sub-processors is available at https://example.com/legal/subs.",
        ),
        (
            "de",
            "# Auftragsverarbeitungsvertrag\n\n## 7. Einsatz weiterer Stellen\n\nDer Auftragsverarbeiter darf "
            "Sub-Prozessoren nach einer Ankündigung 30 Tage vorab einsetzen; der Auftraggeber kann widersprechen. Die "
            "aktuelle Liste der Sub-Prozessoren ist unter https://example.com/legal/subs abrufbar.",
        ),
    ],
)
def test_subprocessors_in_german_spelling_are_subprocessors(scanner, lang, text):
    """„Sub-Prozessoren" is the English word in German spelling: a list of them, notice and an objection right are
    the DPA's terms on sub-processors."""
    found = rule_ids(scan(scanner, text, lang, doc_type="dpa"))
    assert not found & {"SUBPROCESSOR_LIST_MISSING", "SUBPROCESSOR_OBJECTION_MISSING"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "For surveys we use the provider Quizhall Limited (United Kingdom, which is considered to be safe in terms "
            "of data protection by the European Commission).",
        ),
        (
            "de",
            "Für Umfragen übermitteln wir Antworten an die Quizhall Limited im Vereinigten Königreich, das von der "
            "EU-Kommission als sicher eingestuft ist.",
        ),
    ],
)
def test_a_country_the_commission_calls_safe_is_adequate(scanner, lang, text):
    """A country the Commission is said to consider safe is one it found adequate: the transfer rests on adequacy."""
    report = scan(scanner, text, lang)
    assert destinations(report) == {"GB"}
    assert "adequacy" in report.mechanisms


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "For surveys we use the services of the following provider: Quizhall Ltd., Harbour Business Park, "
            "Unit 4, Mill Lane, Tewkesbury, Gloucestershire, GL20 8SD, UK",
        ),
        (
            "de",
            "Für Umfragen verwenden wir die Dienste des folgenden Anbieters: Quizhall Ltd., Harbour Business Park, "
            "Unit 4, Mill Lane, Tewkesbury, Gloucestershire, GL20 8SD, UK",
        ),
    ],
)
def test_the_country_closing_a_providers_address_is_its_seat(scanner, lang, text):
    """The provider a service is used from, named with its address, receives the data where the address ends; the
    German genitive („des folgenden Anbieters:") introduces the provider as "provider:" does."""
    assert destinations(scan(scanner, text, lang)) == {"GB"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We send support tickets to a helpdesk provider in Brazil. Such transfers only go to countries recognised as "
            "offering an equivalent level of protection.",
        ),
        (
            "de",
            "Wir übermitteln Supportanfragen an einen Dienstleister in Brasilien. Die Übermittlung erfolgt nur in Länder, "
            "deren Datenschutzniveau als gleichwertig anerkannt ist.",
        ),
    ],
)
def test_a_level_recognised_as_equivalent_is_adequacy(scanner, lang, text):
    """A country recognised as giving a level of protection equivalent to the EEA's is one the Commission found
    adequate: the transfer relies on adequacy."""
    assert scan(scanner, text, lang).mechanisms == ("adequacy",)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We send data to a survey tool in Brazil. We require each recipient to offer an equivalent level of protection.",
        ),
        (
            "de",
            "Wir übermitteln Daten an ein Umfragetool in Brasilien. Wir verpflichten jeden Empfänger auf ein gleichwertiges "
            "Schutzniveau.",
        ),
    ],
)
def test_an_equivalent_level_asked_of_a_recipient_is_no_tool(scanner, lang, text):
    """A level a recipient is only asked to give names no decision of the Commission."""
    assert scan(scanner, text, lang).mechanisms == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our survey tool stores answers in the United States. We rely on the adequacy decision for the United States.",
        ),
        (
            "de",
            "Unser Umfragetool speichert Antworten in den USA. Am 10. Juli 2023 hat die Europäische Kommission einen "
            "Angemessenheitsbeschluss für die USA angenommen.",
        ),
    ],
)
def test_the_adequacy_decision_for_the_united_states_is_the_dpf(scanner, lang, text):
    """The Commission's only adequacy decision for the United States is the Data Privacy Framework's: it is the DPF,
    not a second tool called adequacy."""
    assert scan(scanner, text, lang).mechanisms == ("dpf",)


_DPA_EN = "# Data Processing Agreement\n\nThe Processor processes Customer Data only on documented instructions.\n\n"
_DPA_DE = "# Auftragsverarbeitungsvertrag\n\nDer Auftragnehmer verarbeitet die Daten nur auf dokumentierte Weisung.\n\n"


@pytest.mark.parametrize(
    ("lang", "text", "flagged"),
    [
        (
            "en",
            _DPA_EN + "## Prohibited uses\n\nThe Processor will **not**:\n\n"
            "- use Customer Data to train its own machine learning models;\n- sell Customer Data.\n",
            False,
        ),
        (
            "de",
            _DPA_DE
            + "Eine Verarbeitung zu eigenen Zwecken des Auftragnehmers (insbesondere Werbung, Analyse oder Verkauf) "
            "findet **nicht** statt.\n",
            False,
        ),
        (
            "en",
            _DPA_EN + "## Prohibited uses\n\nThe Processor will **not**:\n\n- sell Customer Data.\n\n"
            "## Permitted uses\n\nThe Processor may:\n\n- use Customer Data to train its own machine learning models.\n",
            True,
        ),
        (
            "de",
            _DPA_DE + "Der Auftragnehmer darf die Daten (auch in zusammengefasster Form) für eigene Zwecke nutzen.\n",
            True,
        ),
    ],
)
def test_own_purposes_denied_by_a_lead_in_or_after_brackets_are_no_use(scanner, lang, text, flagged):
    """A list led in by "will not:" names what the processor may not do, and a German statement denied at its end
    („findet nicht statt") is denied across a bracketed insertion: neither lets it use the data for itself. A list of
    permissions after the denied one, and a use granted with a bracket, are uses."""
    assert ("ART28_OWN_PURPOSE_USE" in rule_ids(scan(scanner, text, lang, "dpa"))) is flagged


@pytest.mark.parametrize(
    ("lang", "text", "flagged"),
    [
        (
            "en",
            "## Subprocessors\n\nThe Processor engages providers for hosting and email delivery. The Processor may "
            "update its subprocessors from time to time.\n",
            True,
        ),
        (
            "de",
            "## Unterauftragsverarbeiter\n\nDer Auftragnehmer setzt Dienstleister für Hosting und E-Mail-Versand ein. Der "
            "Auftragnehmer kann seine Unterauftragsverarbeiter von Zeit zu Zeit ändern.\n",
            True,
        ),
        (
            "en",
            "## Subprocessors\n\nThe Processor may update its subprocessors from time to time. It informs the Customer "
            "30 days before any change, and the Customer may object.\n",
            False,
        ),
        (
            "de",
            "## Unterauftragsverarbeiter\n\nDer Auftragnehmer darf Unterauftragsverarbeiter nur mit vorheriger "
            "schriftlicher Zustimmung des Auftraggebers jederzeit ändern.\n",
            False,
        ),
    ],
)
def test_subprocessors_changed_at_will_need_notice_and_objection(scanner, lang, text, flagged):
    """A processor that may change its sub-processors from time to time holds a general authorisation: without
    notice of the change and a right to object, Art. 28(2) is not met. Changes announced with an objection right, or
    made only with the customer's prior consent, are."""
    head = _DPA_EN if lang == "en" else _DPA_DE
    assert ("SUBPROCESSOR_OBJECTION_MISSING" in rule_ids(scan(scanner, head + text, lang, "dpa"))) is flagged


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We transfer data to our support contractor in India, which is deemed to offer an equivalent level of "
            "protection because it has signed our data processing agreement.",
        ),
        (
            "de",
            "Wir übermitteln Daten an unseren Dienstleister in Indien, nachdem wir sein Datenschutzniveau als gleichwertig "
            "anerkannt haben.",
        ),
    ],
)
def test_a_recipient_deemed_equivalent_is_no_adequacy(scanner, lang, text):
    """Adequacy is found of countries: a recipient deemed to give an equivalent level by its contract or by the vendor
    names no decision of the Commission (countries so recognised still do: test_a_level_recognised_as_equivalent...)."""
    assert scan(scanner, text, lang).mechanisms == ()


@pytest.mark.parametrize(
    ("lang", "text", "flagged"),
    [
        (
            "en",
            _DPA_EN + "## Use of data\n\n- The Processor shall not:\n  - sell Customer Data;\n"
            "  - use Customer Data for its own purposes.\n- The Processor may:\n"
            "  - use Customer Data for its own purposes, such as improving its products.\n",
            True,
        ),
        (
            "de",
            _DPA_DE + "## Nutzung der Daten\n\n- Der Auftragnehmer darf nicht:\n  - Kundendaten verkaufen;\n"
            "  - Kundendaten für eigene Zwecke nutzen.\n- Der Auftragnehmer darf:\n"
            "  - Kundendaten für eigene Zwecke nutzen, etwa zur Verbesserung seiner Produkte.\n",
            True,
        ),
        (
            "en",
            _DPA_EN + "## Use of data\n\n- The Processor shall not:\n  - sell Customer Data;\n"
            "  - use Customer Data for its own purposes.\n",
            False,
        ),
        (
            "de",
            _DPA_DE + "## Nutzung der Daten\n\n- Der Auftragnehmer darf nicht:\n  - Kundendaten verkaufen;\n"
            "  - Kundendaten für eigene Zwecke nutzen.\n",
            False,
        ),
    ],
)
def test_a_denied_list_ends_where_an_item_leads_a_list_of_its_own(scanner, lang, text, flagged):
    """An item that leads a list of its own („- Der Auftragnehmer darf: - ...") opens a new list: the negated lead-in
    before it no longer denies the uses its items grant."""
    assert ("ART28_OWN_PURPOSE_USE" in rule_ids(scan(scanner, text, lang, "dpa"))) is flagged


@pytest.mark.parametrize(
    ("lang", "text", "flagged"),
    [
        ("en", "## Subprocessors\n\nThe Processor may update its sub-processors from time to time.\n", True),
        (
            "de",
            "## Unterauftragsverarbeiter\n\nDer Auftragnehmer kann die eingesetzten Subunternehmer jederzeit "
            "austauschen.\n",
            True,
        ),
        ("en", "## Instructions\n\nThe Customer may change its instructions on sub-processors at any time.\n", False),
        (
            "de",
            "## Weisungen\n\nDer Auftraggeber kann seine Weisungen zu Unterauftragsverarbeitern jederzeit ändern.\n",
            False,
        ),
    ],
)
def test_only_the_sub_processors_changed_at_will_authorise_them(scanner, lang, text, flagged):
    """The hyphenated „sub-processors" changed at will is a general authorisation as the closed spelling is; the customer
    changing its own instructions on sub-processors authorises nothing."""
    head = _DPA_EN if lang == "en" else _DPA_DE
    assert ("SUBPROCESSOR_OBJECTION_MISSING" in rule_ids(scan(scanner, head + text, lang, "dpa"))) is flagged


@pytest.mark.parametrize(
    ("lang", "text", "flagged"),
    [
        (
            "en",
            "The Processor may use Customer Data for its own purposes (any sale to third parties is prohibited).\n",
            True,
        ),
        (
            "de",
            "Der Auftragnehmer darf die Daten für eigene Zwecke nutzen (eine Weitergabe an Dritte ist ausgeschlossen).\n",
            True,
        ),
        (
            "en",
            "Processing for the Processor's own purposes (such as advertising or analytics) does not take place.\n",
            False,
        ),
        (
            "de",
            "Eine Verarbeitung zu eigenen Zwecken des Auftragnehmers (etwa Werbung oder Analyse) findet nicht statt.\n",
            False,
        ),
    ],
)
def test_a_denial_inside_brackets_denies_only_the_insertion(scanner, lang, text, flagged):
    """A denial after a bracketed insertion closes the statement the insertion interrupts; one inside the brackets
    („eine Weitergabe an Dritte ist ausgeschlossen") denies only what the insertion says, not the use before it."""
    head = _DPA_EN if lang == "en" else _DPA_DE
    assert ("ART28_OWN_PURPOSE_USE" in rule_ids(scan(scanner, head + text, lang, "dpa"))) is flagged
